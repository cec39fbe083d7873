"""The report's chart: parents' decisions per month, waivers against reunification
requests, with a line at 12 July 2018 (the court-approved election form reached field
offices that evening; OIG-21-36 counts undocumented removals before it).

A case is counted once, in the month of its earliest decision date (the contract's
``earliest_decision_date``), as a request if the parent asked to be removed with the
child and as a waiver for every waiver category; cases recording no decision are not
drawn. :func:`monthly_decisions` holds the data so tests check numbers, not pixels.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from scoring.cases import COURT_FORM_DATE

WAIVER_CATEGORIES = ("written_waiver_complete", "written_waiver_deficient",
                     "form_referenced_not_found", "oral_waiver_only")


@dataclass
class MonthlyDecisions:
    months: list[str]  # "YYYY-MM", contiguous from the first to the last decision
    waivers: list[int]
    requests: list[int]


def monthly_decisions(report: dict[str, Any]) -> MonthlyDecisions:
    """Per month (no gaps, so quiet months show as zero): waivers and requests."""
    counts: dict[str, list[int]] = {}
    for case in report.get("cases", []):
        d = case.get("earliest_decision_date")
        cat = case.get("category")
        if not d or (cat not in WAIVER_CATEGORIES and cat != "requested_reunification"):
            continue
        c = counts.setdefault(d[:7], [0, 0])
        c[0 if cat in WAIVER_CATEGORIES else 1] += 1
    if not counts:
        return MonthlyDecisions([], [], [])
    first, last = min(counts), max(counts)
    months = []
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return MonthlyDecisions(months, [counts.get(k, [0, 0])[0] for k in months],
                            [counts.get(k, [0, 0])[1] for k in months])


def render_chart(report: dict[str, Any], path: Union[str, Path]) -> MonthlyDecisions:
    """Write the PNG chart to ``path``; returns the data drawn."""
    import matplotlib
    matplotlib.use("Agg")  # no display on servers and in CI
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    data = monthly_decisions(report)
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=100)
    try:
        starts = [dt.date(int(m[:4]), int(m[5:7]), 1) for m in data.months]
        # two bars inside each month: waivers in its first half, requests in its second
        ax.bar([d + dt.timedelta(days=8) for d in starts], data.waivers, width=13,
               color="#c0504d", label="waivers (parent to leave without the child)")
        ax.bar([d + dt.timedelta(days=22) for d in starts], data.requests, width=13,
               color="#4f81bd", label="reunification requested")
        line = dt.date.fromisoformat(COURT_FORM_DATE)
        ax.axvline(line, color="black", linestyle="--", linewidth=1)
        ax.text(line, 0.98, "12 July 2018: court-approved form ", transform=ax.get_xaxis_transform(),
                va="top", ha="right", fontsize=8)
        if starts:
            lo = min(starts[0], line.replace(day=1))
            hi_m = starts[-1]
            hi = (hi_m.replace(year=hi_m.year + 1, month=1) if hi_m.month == 12
                  else hi_m.replace(month=hi_m.month + 1))
            ax.set_xlim(lo, max(hi, line + dt.timedelta(days=20)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, len(starts) // 12 or 1)))
        fig.autofmt_xdate()
        ax.set_ylabel("parents (by earliest decision)")
        ax.set_title("Parents' decisions per month")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.legend(loc="center left", fontsize=8)
        if not starts:
            ax.text(0.5, 0.5, "no dated decisions", transform=ax.transAxes, ha="center")
        fig.tight_layout()
        fig.savefig(str(path), format="png")
    finally:
        plt.close(fig)
    return data
