"""The decisions-per-month chart: its data (months, waivers, requests) and a real PNG."""
from __future__ import annotations

from cases_archive import archive, comments, entry
from scoring.cases import roll_up
from scoring.charts import monthly_decisions, render_chart
from scoring.report import build
from waiverscan.cli import main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_months_are_contiguous_and_counts_per_case():
    data = monthly_decisions(build(archive()))
    # earliest decisions 2018-05-01 (P4) ... 2018-09-01 (P5): May..Sep
    assert data.months == ["2018-05", "2018-06", "2018-07", "2018-08", "2018-09"]
    # waivers: P1 06, P2 06, P10 07, p8 form 08, P3 08, P5 09; requests: P4 05, P7 07
    assert data.waivers == [0, 2, 1, 2, 1]
    assert data.requests == [1, 0, 1, 0, 0]


def test_gaps_across_a_year_are_filled_with_zeros():
    rep = roll_up([comments("c", [entry("A111111111", "waive_reunification", "2017-11-20"),
                                  entry("A222222222", "requests_reunification", "2018-02-03")])])
    data = monthly_decisions(rep)
    assert data.months == ["2017-11", "2017-12", "2018-01", "2018-02"]
    assert (data.waivers, data.requests) == ([1, 0, 0, 0], [0, 0, 0, 1])


def test_chart_is_a_png_and_returns_what_it_drew(tmp_path):
    out = tmp_path / "c.png"
    data = render_chart(build(archive()), out)
    assert out.read_bytes()[:8] == PNG_MAGIC
    assert len(data.months) == 5


def test_empty_archive_still_draws(tmp_path):
    out = tmp_path / "c.png"
    data = render_chart(roll_up([]), out)
    assert data.months == [] and out.read_bytes()[:8] == PNG_MAGIC


def test_cli_chart_option(tmp_path):
    import json
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in archive()))
    out = tmp_path / "chart.png"
    import io
    assert main(["report", "--from-jsonl", str(src), "--chart", str(out)], stdout=io.StringIO()) == 0
    assert out.read_bytes()[:8] == PNG_MAGIC
