"""The report's Over time section: shown with three or more periods, its shifts and its tables."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from framing.analysis import analyse
from framing.axes import AxisCounter
from framing.cli import main
from framing.report.build import Report
from framing.types import Article

HOSTILE = '<script>alert("x")</script> Daily'


@pytest.fixture(scope="module")
def analysis():
    rng = random.Random(3)
    articles = []
    for outlet in ("switcher", "steady"):
        for month in range(1, 13):
            for k in range(6):
                p = 0.9 if outlet == "switcher" and month >= 7 else 0.1
                word = "occupation" if rng.random() < p else "mission"
                articles.append(
                    Article(
                        id=f"{outlet}-{month}-{k}",
                        outlet=outlet,
                        title=f"Report {month}.{k}",
                        text=f"Foreign troops continued the {word} in the country. Officials met.",
                        published=dt.date(2021, month, 1 + 4 * k),
                    )
                )
    a = analyse(articles, extractors=[AxisCounter().fit()])
    a.outlets.loc[a.outlets["id"] == "switcher", "name"] = HOSTILE
    return a


def test_the_section_shows_the_planted_shift_with_the_outlet_name_escaped(analysis):
    report = Report(analysis, freq="M")
    section = report.context()["sections"]["over_time"]
    assert section is not None and section["n_periods"] == 12
    assert len(section["shifts"]) == 1
    assert section["shifts"][0]["sentence"].startswith(
        f"From 2021-07, {HOSTILE}'s share of 'occupation'"
    )
    html = report.to_html()
    assert '<section id="over-time">' in html and 'href="#over-time"' in html
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    tables = report.tables()
    assert {"over_time", "shifts", "attention"} <= set(tables)
    assert tables["shifts"]["shift"].sum() == 1


def test_auto_period_is_said_on_the_page(analysis):
    section = Report(analysis).context()["sections"]["over_time"]
    assert section["freq_reason"].startswith("monthly") or "quarterly" in section["freq_reason"]


def test_fewer_than_three_periods_leave_the_section_out(analysis):
    first_two = analysis.filter(until="2021-02-28")
    assert Report(first_two, freq="M").context()["sections"]["over_time"] is None
    # the bundled corpus: two articles, two months
    out = main(["report", "--corpus", "corpus", "--freq", "M", "-o", "/dev/null", "--quiet"])
    assert out == 0


def test_a_bad_freq_is_one_line_and_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", "--freq", "fortnight"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--freq" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def full_analysis():
    """Every extractor; from July, 'switcher' attributes with "claimed" and writes more loaded."""
    articles = []
    for outlet in ("switcher", "steady"):
        for month in range(1, 10):
            for k in range(6):
                late = outlet == "switcher" and month >= 7
                verb = "claimed" if late else "said"
                extra = " The brutal, horrific raid was a shocking massacre." if late else ""
                articles.append(
                    Article(
                        id=f"{outlet}-{month}-{k}",
                        outlet=outlet,
                        title=f"Report {month}.{k}",
                        text=(
                            f"Foreign troops continued the mission in the country.{extra} "
                            f'"We will stay until the work is done," General John Smith {verb}.'
                        ),
                        published=dt.date(2021, month, 1 + 4 * k),
                    )
                )
    a = analyse(articles)
    a.outlets.loc[a.outlets["id"] == "switcher", "name"] = HOSTILE
    return a


def test_loaded_language_verbs_and_quotes_over_time_are_tables_and_a_chart(full_analysis):
    report = Report(full_analysis, freq="M")
    tables = report.tables()
    assert {"loaded_over_time", "verbs_over_time", "quotes_over_time"} <= set(tables)
    verbs = tables["verbs_over_time"]
    doubt = verbs[(verbs["measure"] == "attribution:verb:doubt") & (verbs["outlet"] == "switcher")]
    early = doubt[doubt["period_start"] < "2021-07-01"]["estimate"]
    late = doubt[doubt["period_start"] >= "2021-07-01"]["estimate"]
    assert (early == 0).all() and (late == 1).all() and len(late) == 3
    loaded = tables["loaded_over_time"]
    score = loaded[(loaded["measure"] == "loaded:loaded_sum") & (loaded["outlet"] == "switcher")]
    assert (
        score[score["period_start"] >= "2021-07-01"]["estimate"].min()
        > score[score["period_start"] < "2021-07-01"]["estimate"].max()
    )
    quotes = tables["quotes_over_time"]
    assert set(quotes["measure"]) >= {"attribution:quotes:direct"}
    section = report.context()["sections"]["over_time"]
    chart = section["series_chart"]
    assert chart is not None and HOSTILE in chart["alt"]
    html = report.to_html()
    assert "Loaded language and voices" in html and "<script>alert" not in html
