"""Over time: shares per period, the auto period, attention, and shifts found (and not invented)."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from framing.analysis import analyse
from framing.axes import AxisCounter
from framing.errors import InputError
from framing.stats.over_time import (
    _permutation_p,
    _split_stats,
    article_periods,
    attention,
    choose_frequency,
    over_time,
    shifts,
)
from framing.types import Article

OCCUPATION = [
    "Foreign troops ended the occupation of the country.",
    "The occupation by foreign forces entered another year.",
]
MISSION = [
    "Foreign troops continued their mission in the country.",
    "The military mission of foreign troops entered another year.",
]
FILLER = "Officials met in the capital on the same day to discuss the budget."


@pytest.fixture(scope="module")
def axes_extractor():
    return AxisCounter().fit()


def _corpus(
    seed: int,
    *,
    switch_month: int | None,
    months: int = 12,
    per_month: int = 6,
    p_before: float = 0.15,
    p_after: float = 0.85,
):
    """Two outlets, ``per_month`` articles each a month in 2021; "switcher" calls the presence an
    occupation with p_before until ``switch_month`` and p_after from it; "steady" keeps p_before."""
    rng = random.Random(seed)
    articles = []
    for outlet in ("switcher", "steady"):
        for month in range(1, months + 1):
            for k in range(per_month):
                after = switch_month is not None and outlet == "switcher" and month >= switch_month
                p = p_after if after else p_before
                sentence = rng.choice(OCCUPATION if rng.random() < p else MISSION)
                day = dt.date(2021, month, 1 + k * 27 // per_month)
                articles.append(
                    Article(
                        id=f"{outlet}-{month}-{k}",
                        outlet=outlet,
                        title=f"Report {month}-{k}",
                        text=f"{sentence} {FILLER}",
                        published=day,
                    )
                )
    return articles


def _analysis(articles, extractor):
    return analyse(articles, extractors=[extractor])


def test_a_planted_switch_is_found_with_its_direction_and_month(axes_extractor):
    a = _analysis(_corpus(1, switch_month=7), axes_extractor)
    found = shifts(a, freq="M", axes=["military-presence"])
    assert found.attrs["freq"] == "M"
    hit = found[found["shift"]]
    assert hit["outlet"].tolist() == ["switcher"]
    row = hit.iloc[0]
    assert row["change_period"] == "2021-07"
    assert row["share_after"] > row["share_before"] + 0.4  # the first pole is "occupation"
    assert row["label"] == "occupation"
    assert row["difference_low"] > 0 and row["q"] <= 0.05
    assert row["n_before"] == 36 and row["n_after"] == 36
    assert row["sentence"].startswith("From 2021-07, switcher's share of 'occupation'")
    assert " rose from " in row["sentence"]
    # the steady outlet was tested and not called shifted
    steady = found[found["outlet"] == "steady"].iloc[0]
    assert steady["tested"] and not steady["shift"]


def test_a_switch_away_is_said_as_the_other_label_rising(axes_extractor):
    a = _analysis(_corpus(2, switch_month=5, p_before=0.9, p_after=0.1), axes_extractor)
    row = shifts(a, freq="M", axes=["military-presence"]).iloc[0]
    assert row["shift"] and row["outlet"] == "switcher" and row["change_period"] == "2021-05"
    assert row["difference"] < 0
    assert "share of 'mission'" in row["sentence"] and " rose from " in row["sentence"]


def test_no_shift_is_reported_without_one_over_many_seeds():
    """The false-alarm rate of the scan: on series with no change, a shift at q <= 0.05 should
    be rare (one test per series, so q = p here). 200 seeded series of 72 articles."""
    alarms = 0
    periods = np.repeat(np.arange(12), 6)
    for seed in range(200):
        rng = np.random.default_rng(seed)
        n = rng.integers(1, 4, size=72).astype(float)
        y = rng.binomial(n.astype(int), 0.3).astype(float)
        cuts = np.flatnonzero(periods[1:] != periods[:-1]) + 1
        cuts = cuts[(cuts >= 8) & (72 - cuts >= 8)]
        obs = np.abs(_split_stats(y[None], n[None], cuts)[0]).max()
        p = _permutation_p(y, n, cuts, obs, 499, rng)  # the sequential test shifts() uses
        alarms += p <= 0.05
    assert alarms / 200 <= 0.09  # nominal 0.05; binomial sd over 200 series is 0.015


def test_no_shift_on_generated_corpora_without_one(axes_extractor):
    reported = 0
    for seed in range(6):
        found = shifts(
            _analysis(_corpus(100 + seed, switch_month=None), axes_extractor),
            freq="M",
            axes=["military-presence"],
            n_perm=199,
        )
        assert found["tested"].all()
        reported += int(found["shift"].sum())
    assert reported <= 1


def test_too_few_articles_are_said_not_tested(axes_extractor):
    a = _analysis(_corpus(3, switch_month=2, months=3, per_month=2), axes_extractor)
    found = shifts(a, freq="M", axes=["military-presence"])
    assert not found["tested"].any() and not found["shift"].any()
    assert found["note"].str.contains("too few articles to test").all()


def test_over_time_shares_per_month_match_a_hand_count(axes_extractor):
    articles = _corpus(4, switch_month=7, months=3, per_month=3)
    a = _analysis(articles, axes_extractor)
    table = over_time(a, freq="M", axes=["military-presence"], n_boot=100)
    cell = table[
        (table["outlet"] == "switcher")
        & (table["period"] == "2021-02")
        & (table["label"] == "occupation")
    ].iloc[0]
    texts = [x.text for x in articles if x.outlet == "switcher" and x.published.month == 2]
    expected = sum(
        t.startswith(("Foreign troops ended the occupation", "The occupation")) for t in texts
    )
    assert cell["count"] == expected and cell["axis_total"] == len(texts)
    assert cell["share"] == pytest.approx(expected / len(texts))
    assert cell["n_articles"] == 3
    assert table.attrs["freq"] == "M" and table.attrs["n_undated"] == 0
    assert list(table["period"].unique()) == ["2021-01", "2021-02", "2021-03"]


def test_undated_articles_are_counted_out_and_said(axes_extractor):
    articles = _corpus(5, switch_month=None, months=3, per_month=2)
    articles.append(Article(id="undated", outlet="steady", title="t", text=OCCUPATION[0]))
    table = over_time(_analysis(articles, axes_extractor), freq="M", n_boot=50)
    assert table.attrs["n_undated"] == 1
    assert table["n_articles"].sum() > 0


def test_auto_frequency_picks_the_finest_period_with_enough_articles(axes_extractor):
    a = _analysis(_corpus(6, switch_month=None, months=12, per_month=12), axes_extractor)
    freq, reason = choose_frequency(a)
    assert freq == "M" and "monthly" in reason and "median 12" in reason
    sparse = _analysis(_corpus(6, switch_month=None, months=12, per_month=2), axes_extractor)
    freq, reason = choose_frequency(sparse)
    assert freq == "Q" and "median" in reason  # 6 a quarter per outlet is still under 10
    assert "intervals are wide" in reason


def test_weeks_are_labelled_by_their_monday_and_a_bad_freq_is_refused(axes_extractor):
    a = _analysis(_corpus(7, switch_month=None, months=1, per_month=2), axes_extractor)
    assert article_periods(a, "W").iloc[0] == "2020-12-28"  # 2021-01-01 was a Friday
    with pytest.raises(InputError, match="freq must be one of"):
        over_time(a, freq="fortnight")


def test_attention_counts_articles_using_each_axis(axes_extractor):
    articles = _corpus(8, switch_month=None, months=2, per_month=3)
    articles.append(
        Article(id="other", outlet="steady", title="t", text=FILLER, published=dt.date(2021, 1, 20))
    )
    table = attention(_analysis(articles, axes_extractor), freq="M")
    row = table[
        (table["outlet"] == "steady")
        & (table["period"] == "2021-01")
        & (table["topic"] == "military-presence")
    ].iloc[0]
    assert row["n_articles"] == 4 and row["n_articles_using"] == 3
    assert row["share"] == pytest.approx(0.75)
    assert set(table["kind"]) == {"axis"}


def test_a_corpus_without_dates_gives_empty_tables_not_an_error(axes_extractor):
    articles = [Article(id=f"u{i}", outlet="a", title="t", text=OCCUPATION[0]) for i in range(3)]
    a = _analysis(articles, axes_extractor)
    table = over_time(a, freq="M", n_boot=20)
    assert table.empty and table.attrs["n_undated"] == 3
    assert {"period", "period_start", "outlet", "share"} <= set(table.columns)
    assert shifts(a, freq="M").empty or not shifts(a, freq="M")["shift"].any()
