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

PyPI's per-release JSON (``/pypi/NAME/VERSION/json``, what pip-audit asks) is not served
on every network (this project's build machines answer 404 for it), while the project
JSON (``/pypi/NAME/json``) is, and carries the vulnerabilities of the *latest* release
with the versions that fix them. So every package pip-audit could not check is looked
up there: pinned at the latest release, its vulnerabilities are known exactly; pinned
behind it (a constraint holds it back), it stays unaudited and is named. The audit
counts as done when at least one package was checked; the unaudited ones are listed as
a warning. Only when nothing could be checked at all does it count as not run.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional
import urllib.request

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


PYPI_PROJECT_JSON = "https://pypi.org/pypi/{name}/json"


def fetch_project(name: str, timeout: float = 20) -> dict[str, Any]:
    with urllib.request.urlopen(PYPI_PROJECT_JSON.format(name=name), timeout=timeout) as r:
        return json.load(r)


def locked_versions(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = (x.strip() for x in line.split("==", 1))
            pins[_norm(name)] = version
    return pins


def _norm(name: str) -> str:
    return name.replace("_", "-").replace(".", "-").lower()


def audit_skipped(f: Findings, pins: dict[str, str],
                  fetch: Callable[[str], dict[str, Any]] = fetch_project) -> list[str]:
    """Check the packages pip-audit skipped against the project JSON; returns why each
    one still unaudited is so (and leaves only those in ``f.skipped``)."""
    still, why = [], []
    for name, reason in f.skipped:
        version = pins.get(_norm(name))
        try:
            data = fetch(name)
        except Exception as exc:  # network, HTTP or JSON error: this one stays unaudited
            still.append((name, reason))
            why.append(f"{name}: {type(exc).__name__}")
            continue
        latest = (data.get("info") or {}).get("version")
        if version is None or latest != version:
            still.append((name, reason))
            why.append(f"{name} {version} (latest {latest})")
            continue
        f.audited += 1
        for v in data.get("vulnerabilities") or []:
            if v.get("withdrawn"):
                continue
            fixes = [str(x) for x in v.get("fixed_in") or []]
            if fixes:
                f.fixable.append((name, version, v.get("id", "?"), fixes))
            else:
                f.unfixed.append((name, version, v.get("id", "?")))
    f.skipped = still
    return why


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
    unaudited = audit_skipped(f, locked_versions(args.lock), fetch_project) if f.skipped else []
    for name, version, vid, fixes in f.fixable:
        out.write(f"audit: VULNERABLE {name} {version}: {vid}, fixed in {', '.join(fixes)}: "
                  f"upgrade it (.venv/bin/pip install '{name}>={fixes[0]}'), then `make lock`\n")
    for name, version, vid in f.unfixed:
        out.write(f"audit: known vulnerability without a fix yet: {name} {version}: {vid}\n")
    if f.fixable:
        return 1
    if f.skipped and not f.audited:
        names = ", ".join(n for n, _ in f.skipped[:8]) + (" ..." if len(f.skipped) > 8 else "")
        return _incomplete(f"PyPI gave no answer for {len(f.skipped)} of "
                           f"{len(f.skipped) + f.audited} locked packages ({names}); "
                           f"first reason: {f.skipped[0][1]}", err)
    if f.skipped:
        err.write(f"audit: WARNING: {len(f.skipped)} of {len(f.skipped) + f.audited} locked "
                  "packages could not be checked (PyPI serves vulnerabilities only for their "
                  f"latest release here): {'; '.join(unaudited)}\n")
    out.write(f"audit: {f.audited} locked packages checked: no known vulnerability with a fix"
              + (f" ({len(f.unfixed)} without one, listed above)" if f.unfixed else "") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
