"""The report on a generated four-outlet corpus: every section, intervals, filters, tables."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from framing import Report, analyse, load_corpus
from framing.cli import main

from ..browser import visit
from ..corpus_factory import make_corpus


@pytest.fixture(scope="module")
def multi(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("multi") / "corpus", hostile=True)


@pytest.fixture(scope="module")
def analysis(multi):
    return analyse(load_corpus(multi))


@pytest.fixture(scope="module")
def html(analysis, multi):
    return Report(analysis, corpus=load_corpus(multi)).to_html()


def test_every_section_is_present(html):
    for section in (
        "summary",
        "axes",
        "loaded",
        "attribution",
        "terms",
        "outlet-map",
        "stories",
        "articles",
        "method",
    ):
        assert f'<section id="{section}"' in html, section


def test_summary_states_the_planted_split_and_its_strength(html):
    summary = html.split('<section id="summary">')[1].split("</section>")[0]
    assert "Left Ledger uses only &#39;occupation&#39; terms" in summary
    assert "Capital Courier uses only &#39;mission&#39; terms" in summary
    assert "intervals of the two sides do not overlap" in summary
    assert "Small sample" not in summary  # twelve articles per outlet


def test_axis_tables_carry_intervals(html):
    axes = html.split('<section id="axes">')[1].split("</section>")[0]
    assert "95% interval" in axes
    assert re.search(r"<td class=\"n\">100–100%</td>", axes)


def test_distinctive_terms_show_the_chance_line_and_planted_terms(html):
    section = html.split('<section id="terms">')[1].split("</section>")[0]
    assert "chance line |z|" in section
    left = section.split("Left Ledger:")[1].split("</table>")[0]
    assert "<td>occupation</td>" in left and "<td>mission</td>" not in left


def test_outlet_map_places_every_outlet(html):
    section = html.split('<section id="outlet-map">')[1].split("</section>")[0]
    assert "Map of 4 outlets" in section and "position on military-presence" in section


def test_attribution_shows_doubt_casting_verb_for_the_quoted_taliban(html):
    section = html.split('<section id="attribution">')[1].split("</section>")[0]
    assert "Zabihullah Mujahid" in section and "claim" in section


def test_filters_select_stories_outlets_and_dates(analysis):
    one = analysis.filter(stories=["story-1"])
    assert set(one.articles["story"]) == {"story-1"} and one.n_articles == 8
    assert one.values.shape[0] == 8 and set(one.hits["article_id"]) <= set(
        one.articles["article_id"]
    )
    two = analysis.filter(outlets=["Left Ledger", "right-review"])
    assert set(two.articles["outlet"]) == {"left-ledger", "right-review"}
    late = analysis.filter(since="2021-08-25")
    assert (pd.to_datetime(late.articles["published"]) >= "2021-08-25").all()
    assert 0 < late.n_articles < analysis.n_articles


def test_grouping_by_leaning(analysis):
    html = Report(analysis, by="leaning").to_html()
    assert "outlets grouped by <strong>leaning</strong>" in html
    assert "state uses only &#39;occupation&#39; terms" in html


def test_cli_filters_and_tables(multi, tmp_path, capsys):
    out, tables = tmp_path / "r.html", tmp_path / "tables"
    assert (
        main(
            [
                "report",
                "--corpus",
                str(multi),
                "-o",
                str(out),
                "--story",
                "story-2",
                "--tables",
                str(tables),
                "--quiet",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert "8 articles from 4 outlets" in page
    axes = pd.read_csv(tables / "axes.csv")
    assert {"outlet", "axis", "pole", "count", "share", "rate_per_1k"} <= set(axes.columns)
    records = json.loads((tables / "articles.json").read_text(encoding="utf-8"))
    assert len(records) == 8 and {r["story"] for r in records} == {"story-2"}
    for name in ("loaded", "verb_mix", "quoted_actors", "actor_tone", "evidence"):
        assert (tables / f"{name}.csv").exists(), name
    assert (
        main(["report", "--corpus", str(multi), "-o", str(out), "--story", "nope", "--quiet"]) == 2
    )
    assert "no article matches" in capsys.readouterr().err


def test_report_is_deterministic_across_job_counts(multi):
    one = Report(analyse(load_corpus(multi), n_jobs=1)).to_html()
    two = Report(analyse(load_corpus(multi), n_jobs=1)).to_html()
    assert one == two


def test_hostile_strings_in_a_multi_outlet_report(html):
    assert "<script>document.title" not in html
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", html, re.I)
    assert len(re.findall(r"<script\b", html)) == 1


@pytest.mark.browser
def test_multi_outlet_report_in_chromium(html, tmp_path):
    page = tmp_path / "multi.html"
    page.write_text(html, encoding="utf-8")
    seen = visit(page, screenshot=tmp_path / "multi.png")
    assert seen.requests == []
    assert not [c for c in seen.console if "rror" in c], seen.console
    title = seen.dom.split("<title>")[1].split("</title>")[0]
    assert "PWNED" not in title
    for section in (
        "summary",
        "axes",
        "loaded",
        "attribution",
        "terms",
        "outlet-map",
        "stories",
        "articles",
    ):
        assert f'id="{section}"' in seen.dom
    # the script ran: the show/hide controls are revealed
    assert 'id="group-controls" hidden' not in seen.dom
    assert seen.screenshot is not None


def test_every_table_is_written_whole_as_csv_and_json(analysis, multi, tmp_path, monkeypatch):
    import framing.report.build as build

    monkeypatch.setattr(build, "_TABLE_BLOCK", 7)  # many blocks, as for a large corpus
    report = Report(analysis, corpus=load_corpus(multi))
    frames = report.tables()
    paths = report.write_tables(tmp_path)
    assert len(paths) == 2 * len(frames)
    for name, frame in frames.items():
        records = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        csv = pd.read_csv(tmp_path / f"{name}.csv", keep_default_na=False)
        assert len(records) == len(csv) == len(frame), name
        assert list(csv.columns) == [str(c) for c in frame.columns], name
    # quotes and sentences with marks, commas and hostile markup survive both formats intact
    quotes = frames["attribution_records"]
    back = pd.read_csv(tmp_path / "attribution_records.csv", keep_default_na=False)
    assert back["sentence"].tolist() == quotes["sentence"].tolist()
    records = json.loads((tmp_path / "attribution_records.json").read_text(encoding="utf-8"))
    assert [r["text"] for r in records] == quotes["text"].tolist()
    assert not list(tmp_path.glob(".tmp-*"))


def test_tables_as_parquet_keep_rows_columns_and_text(analysis, multi, tmp_path):
    report = Report(analysis, corpus=load_corpus(multi))
    frames = report.tables()
    paths = report.write_tables(tmp_path, formats=["parquet"])
    assert len(paths) == len(frames) and {p.suffix for p in paths} == {".parquet"}
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.json"))
    for name, frame in frames.items():
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert len(back) == len(frame), name
        assert list(back.columns) == [str(c) for c in frame.columns], name
    quotes = frames["attribution_records"]
    back = pd.read_parquet(tmp_path / "attribution_records.parquet")
    assert back["sentence"].tolist() == quotes["sentence"].tolist()  # hostile markup intact
    numeric = [
        c
        for c in frames["articles"].columns
        if pd.api.types.is_numeric_dtype(frames["articles"][c])
    ]
    assert numeric and all(
        pd.api.types.is_numeric_dtype(pd.read_parquet(tmp_path / "articles.parquet")[c])
        for c in numeric
    )  # typed, not text


def test_unknown_table_format_is_refused(analysis, multi, tmp_path):
    report = Report(analysis, corpus=load_corpus(multi))
    with pytest.raises(ValueError, match="parquet"):
        report.write_tables(tmp_path, formats=["xlsx"])
    assert not list(tmp_path.iterdir())
