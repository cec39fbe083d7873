"""The CLI writes a scorable set and pins choices with --set."""
import json
import os
import subprocess
import sys

from samples.generator.__main__ import main


def test_cli_writes_set_with_pinned_choices(tmp_path, capsys):
    rc = main([str(tmp_path), "--n", "3", "--seed", "4", "--dpi", "72", "--formats", "png",
               "--set", "lang_mode=spa", "--set", "supervisor=true", "--set", "blank=child_names"])
    assert rc == 0 and "wrote 3 forms" in capsys.readouterr().out
    lines = [json.loads(l) for l in open(tmp_path / "truth.jsonl", encoding="utf-8")]
    assert [l["source"] for l in lines] == ["files/0001.png", "files/0002.png", "files/0003.png"]
    for l in lines:
        f = l["records"][0]["fields"]
        assert f["form_languages"] == ["spa"] and f["child_names"] == []
        assert f["supervisor_signed"] is not None


def test_cli_rejects_unknown_pin(tmp_path):
    r = subprocess.run([sys.executable, "-m", "samples.generator", str(tmp_path), "--set", "colour=red"],
                       capture_output=True, text=True, cwd=os.path.join(os.path.dirname(__file__), ".."))
    assert r.returncode == 2 and "KEY=VALUE" in r.stderr
