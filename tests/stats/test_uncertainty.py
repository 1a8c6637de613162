"""Bootstrap intervals: they cover the truth at the stated rate, and say when they cannot exist."""

import numpy as np
import pandas as pd
import pytest

from framing import analyse, load_corpus
from framing.errors import InputError
from framing.stats.uncertainty import (
    NOTE_ONE_ARTICLE,
    axis_intervals,
    bootstrap_ratio,
    pairwise_differences,
    rate_intervals,
)


def _simulate(n_groups, n_articles, rate, seed, dispersion=2.0):
    """Articles with Poisson lengths and overdispersed (gamma–Poisson) hit counts.

    The true rate of every group is ``rate`` hits per word; articles differ (gamma multiplier with
    mean 1), as real articles do, so a words-are-independent interval would be too narrow.
    """
    rng = np.random.default_rng(seed)
    n = n_groups * n_articles
    words = rng.poisson(600, n) + 50
    multiplier = rng.gamma(dispersion, 1 / dispersion, n)
    hits = rng.poisson(rate * words * multiplier)
    return pd.DataFrame(
        {
            "outlet": np.repeat([f"g{i:03d}" for i in range(n_groups)], n_articles),
            "hits": hits,
            "n_words": words,
        }
    )


def test_intervals_cover_the_truth_at_the_stated_rate():
    rate = 0.004
    frame = _simulate(400, 40, rate, seed=1)
    table = bootstrap_ratio(frame, "hits", "n_words", n_boot=800, ci=0.9, seed=3)
    covered = ((table.ci_low <= rate) & (rate <= table.ci_high)).mean()
    # 400 independent groups: the coverage estimate has a standard error of about 1.5 points
    assert 0.85 <= covered <= 0.95, covered
    wider = bootstrap_ratio(frame, "hits", "n_words", n_boot=800, ci=0.99, seed=3)
    assert ((wider.ci_high - wider.ci_low) > (table.ci_high - table.ci_low)).all()


def test_interval_is_wider_than_a_words_are_independent_one():
    frame = _simulate(50, 40, 0.004, seed=2, dispersion=0.5)
    table = bootstrap_ratio(frame, "hits", "n_words", n_boot=500)
    naive_se = np.sqrt(table.numerator) / table.denominator  # Poisson on words
    assert (table.se > 1.3 * naive_se).mean() > 0.9


def test_one_article_gets_no_interval_and_says_so():
    frame = pd.DataFrame(
        {
            "outlet": ["solo", "pair", "pair", "one-hit", "one-hit", "one-hit"],
            "hits": [4, 1, 3, 2, 0, 0],
            "total": [10, 5, 5, 4, 0, 0],
            "n_words": [100] * 6,
        }
    )
    table = bootstrap_ratio(frame, "hits", "total").set_index("outlet")
    assert table.loc["solo", "note"] == NOTE_ONE_ARTICLE
    assert np.isnan(table.loc["solo", "ci_low"]) and table.loc["solo", "estimate"] == 0.4
    # three articles, but only one uses the measure at all: still no interval
    assert table.loc["one-hit", "note"] == NOTE_ONE_ARTICLE
    assert (
        table.loc["one-hit", "n_articles"] == 3
        and table.loc["one-hit", "n_articles_with_data"] == 1
    )
    assert (
        table.loc["pair", "note"] == ""
        and table.loc["pair", "ci_low"] <= 0.4 <= table.loc["pair", "ci_high"]
    )


def test_results_are_reproducible_and_per_group_stable():
    frame = _simulate(5, 30, 0.01, seed=4)
    a = bootstrap_ratio(frame, "hits", "n_words", seed=7)
    b = bootstrap_ratio(frame[frame.outlet != "g001"], "hits", "n_words", seed=7)
    pd.testing.assert_frame_equal(
        a[a.outlet == "g003"].reset_index(drop=True), b[b.outlet == "g003"].reset_index(drop=True)
    )


def test_pairwise_differences_find_a_real_gap_and_not_a_null_one():
    same = _simulate(12, 40, 0.004, seed=5)
    null = pairwise_differences(same, "hits", "n_words", n_boot=500)
    assert len(null) == 66
    assert null.significant.sum() <= 2  # FDR 5 %: almost never a discovery when all are equal
    gap = pd.concat(
        [_simulate(1, 40, 0.004, seed=6), _simulate(1, 40, 0.008, seed=7).assign(outlet="high")]
    )
    diff = pairwise_differences(gap, "hits", "n_words", n_boot=500, scale=1000)
    row = diff.iloc[0]
    assert (row.group_a, row.group_b) == ("g000", "high") and row.significant
    assert row.ci_low < -4 * 0.5 and row.ci_high < 0


def test_pairwise_with_one_article_has_no_p_value():
    frame = pd.DataFrame({"outlet": ["a", "a", "b"], "hits": [1, 2, 3], "n_words": [10] * 3})
    d = pairwise_differences(frame, "hits", "n_words", pairs=[("a", "b")])
    assert np.isnan(d.p[0]) and d.note[0] == NOTE_ONE_ARTICLE and not d.significant[0]
    with pytest.raises(InputError):
        pairwise_differences(frame, "hits", "n_words", pairs=[("a", "zzz")])


@pytest.fixture(scope="module")
def seed_analysis():
    from tests.conftest import BUNDLED_CORPUS

    return analyse(load_corpus(BUNDLED_CORPUS))


def test_axis_intervals_on_the_seed_corpus_match_axis_table(seed_analysis):
    from framing import summarise_axes

    table = axis_intervals(seed_analysis).set_index(["outlet", "axis", "pole"])
    plain = summarise_axes(seed_analysis).set_index(["outlet", "axis", "pole"])
    row = table.loc[("press-tv", "military-presence", "occupation")]
    assert (
        row["position"] == 1.0
        and row["count"] == plain.loc[("press-tv", "military-presence", "occupation"), "count"]
    )
    # one article per outlet in the seed corpus: the interval is undefined, and says so
    assert np.isnan(row["position_low"]) and row["note"] == NOTE_ONE_ARTICLE
    shared = table.index.intersection(plain.index)
    assert (table.loc[shared, "n_words"] == plain.loc[shared, "n_words"]).all()


def test_rate_intervals_work_on_any_prefix_and_reject_missing_ones(seed_analysis):
    rates = rate_intervals(seed_analysis, "axes:military-presence:", per="words")
    assert set(rates.measure) >= {"axes:military-presence:occupation"}
    assert (rates.per == "1000 words").all()
    with pytest.raises(InputError, match="no columns starting with"):
        rate_intervals(seed_analysis, "nonexistent:")


def test_axis_differences_are_position_differences():
    from framing.stats.uncertainty import axis_differences
    from tests.stats.test_outlet_map import _analysis

    a = _analysis(n_per_side=1, n_articles=40, effect=0.6)
    d = axis_differences(a, "military-presence")
    row = d.iloc[0]
    assert (row.group_a, row.group_b) == ("left-0", "right-0") and row.significant
    intervals = axis_intervals(a).query("pole == 'occupation'").set_index("outlet")
    assert row.position_a == pytest.approx(intervals.loc["left-0", "position"])
    assert row.difference == pytest.approx(row.position_a - row.position_b)
    assert row.ci_low < row.difference < row.ci_high and row.ci_low > 0
    with pytest.raises(InputError, match="no axis"):
        axis_differences(a, "nope")


def test_the_columnwise_nanquantile_equals_numpys_exactly():
    from framing.stats.uncertainty import _nanquantile_columns

    rng = np.random.default_rng(1)
    for _ in range(100):
        x = rng.random((int(rng.integers(2, 50)), int(rng.integers(1, 12))))
        x[rng.random(x.shape) < 0.4] = np.nan
        x = x[:, np.isfinite(x).any(axis=0)]
        if not x.shape[1]:
            continue
        expected = np.nanquantile(x, [0.025, 0.5, 0.975], axis=0)
        assert np.array_equal(
            _nanquantile_columns(x, (0.025, 0.5, 0.975)), expected, equal_nan=True
        )
