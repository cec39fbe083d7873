"""Known vulnerabilities in the locked dependencies: `make audit` (run by `make test`).

Runs pip-audit over ``requirements.lock`` (exact versions, `make lock`) against PyPI's
JSON API (``-s pypi``: the OSV service may be out of reach) and reads its JSON:

- exit 1 when a locked package has a known vulnerability WITH a fixed version: upgrade
  it (the message names the version), then `make lock`;
- a vulnerability with no fix yet is listed but does not fail (nothing to upgrade to);
- exit 2 when the audit could not be done: pip-audit missing, PyPI unreachable, or
  packages PyPI gave no answer for (pip-audit itself then says "No known
  vulnerabilities found" and exits 0: that is not a pass). Under CI (CI=true) this
  FAILS, loudly, so a broken network cannot silently turn the audit off; an air-gapped
  CI must opt out visibly with WAIVERSCAN_AUDIT_OFFLINE=ok. On a developer's machine
  it is a warning (exit 0), so `make test` works offline.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
TRUE = ("1", "true", "yes")


@dataclass
class Findings:
    fixable: list[tuple[str, str, str, list[str]]] = field(default_factory=list)  # name, version, id, fixes
    unfixed: list[tuple[str, str, str]] = field(default_factory=list)  # name, version, id
    skipped: list[tuple[str, str]] = field(default_factory=list)  # name, reason
    audited: int = 0


def classify(report: dict[str, Any]) -> Findings:
    """Sort pip-audit's JSON (``{"dependencies": [{"name", "version", "vulns": [{"id",
    "fix_versions", ...}]} or {"name", "skip_reason"}]}``) into what fails and what not."""
    out = Findings()
    for dep in report.get("dependencies") or []:
        name = dep.get("name", "?")
        if dep.get("skip_reason"):
            out.skipped.append((name, dep["skip_reason"]))
            continue
        out.audited += 1
        for v in dep.get("vulns") or []:
            fixes = [str(f) for f in v.get("fix_versions") or []]
            if fixes:
                out.fixable.append((name, dep.get("version", "?"), v.get("id", "?"), fixes))
            else:
                out.unfixed.append((name, dep.get("version", "?"), v.get("id", "?")))
    return out


def pip_audit_command(lock: Path, exe: str) -> list[str]:
    # --no-deps --disable-pip: audit exactly the pinned list, installing nothing
    return [exe, "-r", str(lock), "--no-deps", "--disable-pip", "-s", "pypi", "-f", "json",
            "--progress-spinner", "off"]


def _default_exe() -> str:
    return str(Path(sys.executable).with_name("pip-audit"))


def _incomplete(msg: str, err) -> int:
    ci = os.environ.get("CI", "").lower() in TRUE
    offline_ok = os.environ.get("WAIVERSCAN_AUDIT_OFFLINE", "").lower() == "ok"
    if ci and not offline_ok:
        err.write(f"audit: FAILED: {msg}\naudit: the dependency audit did not run, and CI "
                  "does not pass without it (WAIVERSCAN_AUDIT_OFFLINE=ok opts out, visibly)\n")
        return 2
    err.write(f"audit: WARNING: {msg}\naudit: NOT AUDITED: dependencies were not checked "
              "for known vulnerabilities (this fails under CI=true)\n")
    return 0


def main(argv: Optional[list[str]] = None, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lock", nargs="?", type=Path, default=ROOT / "requirements.lock")
    ap.add_argument("--pip-audit", default=None, help="the pip-audit executable")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args(argv)
    if not args.lock.is_file():
        err.write(f"audit: no lock file {args.lock}: run `make lock`\n")
        return 2
    exe = args.pip_audit or _default_exe()
    try:
        proc = subprocess.run(pip_audit_command(args.lock, exe), capture_output=True,
                              text=True, timeout=args.timeout)
    except FileNotFoundError:
        return _incomplete(f"pip-audit not found ({exe}): `make setup` installs it", err)
    except subprocess.TimeoutExpired:
        return _incomplete(f"pip-audit gave no answer in {args.timeout:.0f} s", err)
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        return _incomplete(f"pip-audit could not query PyPI (exit {proc.returncode}): {tail}", err)
    f = classify(report)
    for name, version, vid, fixes in f.fixable:
        out.write(f"audit: VULNERABLE {name} {version}: {vid}, fixed in {', '.join(fixes)}: "
                  f"upgrade it (.venv/bin/pip install '{name}>={fixes[0]}'), then `make lock`\n")
    for name, version, vid in f.unfixed:
        out.write(f"audit: known vulnerability without a fix yet: {name} {version}: {vid}\n")
    if f.fixable:
        return 1
    if f.skipped:
        names = ", ".join(n for n, _ in f.skipped[:8]) + (" ..." if len(f.skipped) > 8 else "")
        return _incomplete(f"PyPI gave no answer for {len(f.skipped)} of "
                           f"{len(f.skipped) + f.audited} locked packages ({names}); "
                           f"first reason: {f.skipped[0][1]}", err)
    out.write(f"audit: {f.audited} locked packages checked: no known vulnerability with a fix"
              + (f" ({len(f.unfixed)} without one, listed above)" if f.unfixed else "") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
