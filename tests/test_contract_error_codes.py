"""Every error the code can raise maps to a contract error code and an exit code, and
the contract's codes all have an exception behind them."""
from __future__ import annotations

from extractor import errors


def _all_error_classes() -> list[type]:
    out, todo = [], [errors.WaiverscanError]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out


def test_every_error_has_contract_and_exit_code(contract_schema):
    enum = set(contract_schema["properties"]["error"]["oneOf"][1]["properties"]["code"]["enum"])
    for cls in _all_error_classes():
        assert cls.contract_code in enum, cls
        assert cls.code in errors.EXIT_CODES, cls
        assert errors.exit_code_for(cls("x")) == errors.EXIT_CODES[cls.code]


def test_every_contract_code_has_an_exception(contract_schema):
    enum = set(contract_schema["properties"]["error"]["oneOf"][1]["properties"]["code"]["enum"])
    raised = {cls.code for cls in _all_error_classes()}
    assert enum <= raised


def test_success_and_unknown_errors():
    assert errors.exit_code_for(None) == 0
    assert errors.exit_code_for(ValueError("bug")) == errors.EXIT_CODES["internal"]
