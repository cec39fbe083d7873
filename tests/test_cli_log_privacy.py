"""Logs (stderr through logging, even at -vv) carry no personal data: not the file's
name, not an A-number, not the text of a comment."""
from __future__ import annotations

import logging
import os

import pytest

from waiverscan import cli

CSV = ("A-Number,Entry Date,Author,Comment\n"
       "A208123456,06/01/2018,ERO K. Brown,Parent Maria Lopez said her son Pedro should "
       "stay here and she will go back alone. Spanish interpreter present.\n"
       "A208123456,06/02/2018,ERO K. Brown,Parent Maria Lopez requested to reunify with Pedro.\n")
SECRETS = ("Maria", "Lopez", "Pedro", "208123456")


def test_real_pipeline_logs_without_personal_data(tmp_path, capsys):
    comments = pytest.importorskip("extractor.comments")
    if not hasattr(comments, "extract_comment_file"):
        pytest.skip("extractor.comments.extract_comment_file does not exist yet")
    path = tmp_path / "Maria_Lopez_A208123456.csv"
    path.write_text(CSV, encoding="utf-8")
    assert cli.main(["-vv", "extract", str(path), "--jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "Lopez" in out  # the output holds the data...
    assert "INFO" in err   # ...the logs ran...
    for secret in SECRETS:  # ...and hold none of it
        assert secret not in err, [line for line in err.splitlines() if secret in line]


def test_redaction_covers_any_stage_logger(monkeypatch, tmp_path, capsys):
    path = tmp_path / "Maria_Lopez.png"

    def chatty(p):
        logging.getLogger("extractor.some_stage").warning(
            "read %s from %s (parent A-208 123 456)", p.name, p)
        raise ValueError("stop")
    monkeypatch.setattr(cli, "_ocr", chatty)
    cli.main(["ocr", str(path)])
    err = capsys.readouterr().err
    warning = next(line for line in err.splitlines() if "WARNING" in line)
    assert "Maria" not in warning and "208" not in warning
    assert "<file>" in warning and "<A-number>" in warning


# --------------------------------------------------------------------------- a demo run

REPO = __import__("pathlib").Path(__file__).resolve().parent.parent
TITLES = {"DO", "SDDO", "ERO", "IEA", "AFOD", "Officer", "Agent", "Mr", "Ms", "Mrs"}


def _generated_forms(out, seeds=(21, 22)):
    """A few generated forms, each file named as archives name them (the parent's name
    and A-number); returns the ground truth's personal data: names and A-numbers."""
    from samples.generator.core import make_document
    names, numbers = set(), set()
    for seed in seeds:
        data, ext, truth, _ = make_document(seed, fmt="png", dpi=200, intensity=0.2)
        f, written = truth["fields"], truth["meta"]["written"]
        for k in ("parent_name", "official_name", "witness_name", "supervisor_name",
                  "interpreter_name"):
            if f.get(k):
                names.add(f[k])
        names.update(f.get("child_names") or [])
        for v in (f.get("parent_a_number"), *(f.get("child_a_numbers") or []),
                  *(written.get("child_a_numbers") or [])):
            if v:
                numbers.add(v)
        stem = f"{f['parent_name']}_{f['parent_a_number']}".replace(" ", "_")
        (out / f"{stem}.{ext}").write_bytes(data)
    return names, numbers


def _comment_texts():
    """The bundled comment samples' remarks, their A-numbers and the officers' names."""
    import csv
    import re
    texts, numbers, names = [], set(), set()
    with open(REPO / "samples/comments/0101_comments.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            texts.append(row["Remarks"])
            numbers.add(row["A-Number"])
            names.add(row["Entered By"])
    notes = (REPO / "samples/comments/0102_case_notes.txt").read_text(encoding="utf-8")
    numbers.update(re.findall(r"A\d{9}", notes))
    for line in notes.splitlines():
        head = re.match(r"\d\d/\d\d/\d{4}\s+(.+)$", line)
        if head:
            names.add(head.group(1))
        elif len(line.split()) >= 5:
            texts.append(line)
    return texts, numbers, names


def _needles(names, numbers, texts):
    """What must not appear: each name and each of its words (not titles, not initials),
    accent-folded too; each A-number's 9 digits (any separators); every run of five
    words of a comment."""
    from extractor.normalize import strip_accents
    words = set()
    for n in names:
        words.add(n)
        words.update(w.strip(".,") for w in n.split()
                     if len(w.strip(".,")) >= 4 and w.strip(".,") not in TITLES)
    words |= {strip_accents(w) for w in words}
    digits = {"".join(c for c in a if c.isdigit())[-9:] for a in numbers}
    grams = set()
    for t in texts:
        ws = t.split()
        grams.update(" ".join(ws[i:i + 5]) for i in range(max(1, len(ws) - 4)))
    return words, digits, grams


@pytest.mark.slow  # ~30 s: two forms through real OCR, in subprocesses (runs in `make test`)
def test_cli_log_privacy_demo_run_logs_no_personal_data(tmp_path):
    """`waiverscan scan` + `report` + `users add` as the demo runs them (subprocesses,
    default logging) over generated forms named after their parents plus the bundled
    comment samples: nothing personal in stderr, the scan's and users' stdout, or any
    log file left behind."""
    import shutil
    import subprocess
    exe = REPO / ".venv" / "bin" / "waiverscan"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names, numbers = _generated_forms(inbox)
    for f in ("0101_comments.csv", "0102_case_notes.txt"):
        shutil.copy(REPO / "samples/comments" / f, inbox / f)
    # a broken file named after a person: the failure paths log at the default level
    (inbox / "Rosa_Quintanilla_A777888999.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    names.add("Rosa Quintanilla")
    numbers.add("A777888999")
    texts, c_numbers, c_names = _comment_texts()
    words, digits, grams = _needles(names | c_names, numbers | c_numbers, texts)
    assert len(words) > 10 and len(digits) >= 6 and len(grams) > 20
    work = tmp_path / "work"
    (work / "tmp").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WAIVERSCAN")}
    env.update(TMPDIR=str(work / "tmp"))
    db = f"sqlite:///{work / 'demo.db'}"

    def run(args, stdin=None):
        p = subprocess.run([str(exe), *args], cwd=work, env=env, input=stdin, text=True,
                           capture_output=True, timeout=300)
        return p
    scan = run(["scan", str(inbox), "--db", db, "--no-progress"])
    report = run(["report", "--db", db, "--format", "table", "--chart", "chart.png"])
    users = run(["users", "add", "demo", "--role", "reviewer", "--password-stdin", "--db", db],
                "waiverscan-demo\n")
    assert scan.returncode == 0 and report.returncode == 0 and users.returncode == 0, scan.stderr
    # the run did read the people it must not log: the report (data, not a log) has them
    assert any(d in report.stdout for d in digits)
    logs = {"scan stderr": scan.stderr, "scan stdout": scan.stdout,
            "report stderr": report.stderr, "users stderr": users.stderr,
            "users stdout": users.stdout}
    for f in work.rglob("*"):
        if f.is_file() and ("log" in f.name.lower() or f.parent == work / "tmp"):
            logs[str(f.relative_to(work))] = f.read_text(encoding="utf-8", errors="replace")
    for where, text in logs.items():
        squeezed = "".join(c for c in text if c.isalnum())
        found = ([w for w in words if w in text] + [d for d in digits if d in squeezed]
                 + [g for g in grams if g in text])
        assert found == [], (where, found)
