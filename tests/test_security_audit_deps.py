"""tools/audit_deps.py (`make audit`): fails on a known vulnerability with a fix, not on
one without; an audit that could not run (PyPI unreachable, packages unanswered,
pip-audit missing) fails under CI=true and only warns elsewhere. pip-audit is replaced
by a stub that prints what pip-audit would, and PyPI's project JSON (the fallback for
packages pip-audit could not check) by a function returning what PyPI would; the lock file itself is checked against the
venv."""
from __future__ import annotations

import importlib.metadata as md
import io
import json
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import audit_deps  # noqa: E402


def _stub(tmp_path, stdout: str = "", code: int = 0, stderr: str = "") -> str:
    """An executable standing in for pip-audit; it also records its arguments."""
    exe = tmp_path / "pip-audit"
    exe.write_text(f"#!{sys.executable}\nimport sys\n"
                   f"open({str(tmp_path / 'args')!r}, 'w').write(' '.join(sys.argv[1:]))\n"
                   f"sys.stdout.write({stdout!r}); sys.stderr.write({stderr!r}); sys.exit({code})\n")
    exe.chmod(0o755)
    return str(exe)


def _no_network(name):
    raise OSError("network unreachable")


def _run(tmp_path, monkeypatch, exe, ci=None, fetch=_no_network):
    monkeypatch.setattr(audit_deps, "fetch_project", fetch)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    monkeypatch.delenv("WAIVERSCAN_AUDIT_OFFLINE", raising=False)
    lock = tmp_path / "req.lock"
    lock.write_text("pillow==9.0.0\nrequests==2.31.0\n")
    out, err = io.StringIO(), io.StringIO()
    code = audit_deps.main([str(lock), "--pip-audit", exe], out, err)
    return code, out.getvalue(), err.getvalue()


def _report(*deps):
    return json.dumps({"dependencies": list(deps), "fixes": []})


FIXABLE = {"name": "pillow", "version": "9.0.0",
           "vulns": [{"id": "PYSEC-2023-175", "fix_versions": ["10.0.1"], "aliases": []}]}
UNFIXED = {"name": "requests", "version": "2.31.0",
           "vulns": [{"id": "GHSA-xxxx", "fix_versions": [], "aliases": []}]}
CLEAN = {"name": "requests", "version": "2.31.0", "vulns": []}
SKIPPED = {"name": "requests", "skip_reason": "Dependency not found on PyPI and could not be audited"}


@pytest.mark.parametrize("ci", [None, "true"])
def test_security_audit_fails_on_a_vulnerability_with_a_fix(tmp_path, monkeypatch, ci):
    code, out, _ = _run(tmp_path, monkeypatch, _stub(tmp_path, _report(FIXABLE, CLEAN), 1), ci)
    assert code == 1
    assert "VULNERABLE pillow 9.0.0: PYSEC-2023-175, fixed in 10.0.1" in out
    args = (tmp_path / "args").read_text()
    assert "-s pypi" in args and "-f json" in args and "--no-deps" in args and "req.lock" in args


def test_security_audit_passes_a_vulnerability_without_a_fix(tmp_path, monkeypatch):
    code, out, _ = _run(tmp_path, monkeypatch, _stub(tmp_path, _report(UNFIXED), 1), "true")
    assert code == 0
    assert "without a fix yet: requests 2.31.0: GHSA-xxxx" in out and "1 locked packages" in out


@pytest.mark.parametrize("case", ["unreachable", "unanswered", "missing"])
@pytest.mark.parametrize("ci,expected", [(None, 0), ("true", 2)])
def test_security_audit_that_could_not_run_fails_only_under_ci(tmp_path, monkeypatch, case,
                                                               ci, expected):
    exe = {"unreachable": lambda: _stub(tmp_path, "", 1, "requests.exceptions.ConnectionError: "
                                        "HTTPSConnectionPool(host='pypi.org', port=443)\n"),
           # pip-audit's own verdict here is "No known vulnerabilities found", exit 0
           "unanswered": lambda: _stub(tmp_path, _report(SKIPPED), 0),
           "missing": lambda: str(tmp_path / "no-such-pip-audit")}[case]()
    code, out, err = _run(tmp_path, monkeypatch, exe, ci)
    assert code == expected
    assert ("FAILED" if ci else "NOT AUDITED") in err
    if case == "unreachable":
        assert "ConnectionError" in err
    if case == "unanswered":
        assert "no answer for 1 of 1" in err


def _project(version, *vulns):
    return lambda name: {"info": {"version": version}, "vulnerabilities": list(vulns)}


@pytest.mark.parametrize("ci", [None, "true"])
def test_security_audit_fallback_finds_a_fixable_vulnerability_at_the_latest_release(
        tmp_path, monkeypatch, ci):
    # pip-audit skipped requests (per-release JSON not served); the project JSON says
    # the pinned 2.31.0 is the latest release and has a vulnerability fixed in 2.32.0
    vuln = {"id": "GHSA-9wx4", "fixed_in": ["2.32.0"], "withdrawn": None}
    code, out, _ = _run(tmp_path, monkeypatch, _stub(tmp_path, _report(SKIPPED), 0), ci,
                        fetch=_project("2.31.0", vuln))
    assert code == 1
    assert "VULNERABLE requests 2.31.0: GHSA-9wx4, fixed in 2.32.0" in out


def test_security_audit_fallback_ignores_withdrawn_and_lists_unfixed(tmp_path, monkeypatch):
    vulns = [{"id": "GHSA-old", "fixed_in": ["2.32.0"], "withdrawn": "2024-01-01"},
             {"id": "GHSA-open", "fixed_in": []}]
    code, out, _ = _run(tmp_path, monkeypatch, _stub(tmp_path, _report(SKIPPED), 0), "true",
                        fetch=_project("2.31.0", *vulns))
    assert code == 0
    assert "GHSA-old" not in out and "without a fix yet: requests 2.31.0: GHSA-open" in out


def test_security_audit_package_behind_latest_is_named_unaudited(tmp_path, monkeypatch):
    # requests pinned behind the latest release: its own vulnerabilities are unknown, so
    # it is named; pillow was checked by pip-audit, so the audit as a whole ran
    clean_pillow = {"name": "pillow", "version": "9.0.0", "vulns": []}
    code, out, err = _run(tmp_path, monkeypatch,
                          _stub(tmp_path, _report(SKIPPED, clean_pillow), 0), "true",
                          fetch=_project("2.32.3"))
    assert code == 0
    assert "1 of 2 locked packages could not be checked" in err
    assert "requests 2.31.0 (latest 2.32.3)" in err


def test_security_audit_air_gapped_ci_opts_out_visibly(tmp_path, monkeypatch):
    exe = _stub(tmp_path, "", 1, "ConnectionError\n")
    monkeypatch.setenv("WAIVERSCAN_AUDIT_OFFLINE", "ok")
    monkeypatch.setenv("CI", "true")
    lock = tmp_path / "req.lock"
    lock.write_text("requests==2.31.0\n")
    err = io.StringIO()
    assert audit_deps.main([str(lock), "--pip-audit", exe], io.StringIO(), err) == 0
    assert "NOT AUDITED" in err.getvalue()


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_security_audit_lock_pins_the_venv_but_not_the_project():
    lock = (ROOT / "requirements.lock").read_text().splitlines()
    pins = dict(line.split("==", 1) for line in lock if line and not line.startswith("#"))
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+", n) and v for n, v in pins.items())
    pins = {_norm(n): v for n, v in pins.items()}
    assert "waiverscan" not in pins
    installed = {_norm(d.metadata["Name"]): d.version for d in md.distributions()}
    stale = {n: (v, installed.get(n)) for n, v in pins.items() if installed.get(n) != v}
    assert stale == {}, f"requirements.lock is out of date with the venv: run `make lock` {stale}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    # an extra that names the project's own other extras ("waiverscan[train]") is no
    # dependency to pin: the packages of those extras are checked through their own lists
    own = [d for d in wanted if _norm(re.split(r"[\[<>=!~; ]", d, maxsplit=1)[0]) == "waiverscan"]
    for d in own:
        for extra in re.findall(r"\[([^\]]*)\]", d)[0].split(","):
            wanted = wanted + project["optional-dependencies"][extra.strip()]
    direct = {_norm(re.split(r"[\[<>=!~; ]", d, maxsplit=1)[0]) for d in wanted} - {"waiverscan"}
    assert direct - set(pins) == set(), "a dependency is missing from requirements.lock"
