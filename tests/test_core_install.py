"""The core install (no extras) runs extract, scan and report on SQLite; a command that
needs an extra says which one instead of a traceback.

Each run is a fresh interpreter in which the extras' libraries cannot be imported (an
import hook refuses them), which is what a `pip install waiverscan` without extras has.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from waiverscan.extras import EXTRAS

ROOT = Path(__file__).resolve().parent.parent
BLOCKED = sorted(EXTRAS)
RUNNER = f"""
import sys
BLOCKED = {BLOCKED!r}
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".", 1)[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, Refuse())
import importlib.util
_find = importlib.util.find_spec
importlib.util.find_spec = lambda n, p=None: None if n.split(".")[0] in BLOCKED else _find(n, p)
from waiverscan.cli import main
sys.exit(main(sys.argv[1:]))
"""


def waiverscan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUNNER, *args], cwd=cwd, text=True,
                          input="correct-horse-battery\n", capture_output=True, timeout=300)


@pytest.fixture
def export(tmp_path) -> Path:
    # an invented comment export: no OCR needed, so this stays a quick test
    path = tmp_path / "notes.csv"
    path.write_text("A-Number,Date,Officer,Comment\n"
                    "A012345678,2018-07-20,Officer Tamsin Vale,"
                    "Parent stated she wants to be reunited with her child.\n")
    return path


def test_core_commands_run_without_any_extra(tmp_path, export):
    out = waiverscan("extract", "--json", str(export), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["doc_type"] == "case_comments"
    db = f"sqlite:///{tmp_path / 'core.db'}"
    out = waiverscan("scan", str(export), "--db", db, "--workers", "0", "--no-progress",
                     cwd=tmp_path)
    assert out.returncode == 0 and "1 scored" in out.stdout, out.stderr
    out = waiverscan("report", "--db", db, "--format", "json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    for name in BLOCKED:  # nothing on these paths loaded one through another route
        assert f"'{name}'" not in out.stderr


@pytest.mark.parametrize("args, extra", [
    (["report", "--chart", "c.png"], "charts"),
    (["review", "--port", "8599"], "review"),
    (["users", "add", "someone", "--role", "reviewer", "--password-stdin"], "review"),
    (["scan", "nothing-here", "--dask", "tcp://127.0.0.1:1", "--no-progress"], "dask"),
    (["report", "--db", "postgresql://u@127.0.0.1:1/x"], "postgres"),
])
def test_a_command_that_needs_an_extra_names_it(tmp_path, args, extra):
    if "--db" not in args:
        args = [*args, "--db", f"sqlite:///{tmp_path / 'x.db'}"]
    out = waiverscan(*args, cwd=tmp_path)
    assert out.returncode == 10, (out.stdout, out.stderr)
    assert f"pip install 'waiverscan[{extra}]'" in out.stderr
    assert "Traceback" not in out.stderr
