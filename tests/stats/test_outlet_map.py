"""Outlet profiles, map, clusters and the check against outside labels, on constructed data."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from framing.analysis import Analysis
from framing.axes import AxisCounter
from framing.errors import InputError
from framing.stats.outlet_map import (
    label_separation,
    outlet_clusters,
    outlet_distances,
    outlet_map,
    outlet_profiles,
)


def _analysis(n_per_side=6, n_articles=20, effect=0.6, seed=0, loaded=True):
    """Outlets on two sides of the occupation/mission axis (effect = gap in occupation share)."""
    rng = np.random.default_rng(seed)
    arts, vals = [], []
    for side, share in (("left", 0.5 + effect / 2), ("right", 0.5 - effect / 2)):
        for k in range(n_per_side):
            outlet = f"{side}-{k}"
            for i in range(n_articles):
                hits = rng.poisson(4)
                occ = rng.binomial(hits, share)
                words = int(rng.integers(300, 900))
                arts.append(
                    {
                        "article_id": f"{outlet}/{i}",
                        "outlet": outlet,
                        "n_words": words,
                        "n_sentences": words // 20,
                    }
                )
                row = {
                    "axes:military-presence:occupation": occ,
                    "axes:military-presence:mission": hits - occ,
                    "axes:military-presence:applicable": 1.0,
                }
                if loaded:
                    row["loaded:insult:own"] = rng.poisson(
                        words / 500 * (2 if side == "left" else 1)
                    )
                vals.append(row)
    articles = pd.DataFrame(arts)
    outlets = pd.DataFrame({"id": articles.outlet.unique(), "name": articles.outlet.unique()})
    outlets["leaning"] = outlets.id.str.split("-").str[0]
    return Analysis(
        name="t",
        articles=articles,
        outlets=outlets,
        values=pd.DataFrame(vals).fillna(0).astype("float32"),
        hits=pd.DataFrame(),
        hits_total=pd.DataFrame(),
        extractors={"axes": AxisCounter().fit()},
    )


def test_profiles_hold_positions_rates_and_the_numbers_behind_them():
    a = _analysis()
    raw = outlet_profiles(a, standardise=False)
    assert list(raw.columns[:2]) == ["n_articles", "n_words"]
    assert (raw.n_articles == 20).all()
    assert "axis:military-presence" in raw and "loaded:insult:own:per_1k" in raw
    left = raw.loc[raw.index.str.startswith("left"), "axis:military-presence"]
    right = raw.loc[raw.index.str.startswith("right"), "axis:military-presence"]
    assert left.min() > 0.3 and right.max() < -0.3  # true positions ±0.6, shrunk a little
    z = outlet_profiles(a)
    features = z.drop(columns=["n_articles", "n_words"])
    assert np.allclose(features.mean(), 0, atol=1e-9) and np.allclose(features.std(ddof=0), 1)


def test_smoothing_puts_an_outlet_without_hits_at_the_corpus_value():
    a = _analysis(loaded=False)
    extra = pd.DataFrame(
        {
            "article_id": [f"quiet/{i}" for i in range(5)],
            "outlet": "quiet",
            "n_words": 500,
            "n_sentences": 25,
        }
    )
    a.articles = pd.concat([a.articles, extra], ignore_index=True)
    a.values = pd.concat(
        [a.values, pd.DataFrame(0.0, index=range(5), columns=a.values.columns)], ignore_index=True
    )
    raw = outlet_profiles(a, standardise=False)
    values = a.values
    corpus_share = values["axes:military-presence:occupation"].sum() / (
        values["axes:military-presence:occupation"].sum()
        + values["axes:military-presence:mission"].sum()
    )
    assert raw.loc["quiet", "axis:military-presence"] == pytest.approx(2 * corpus_share - 1)


def test_profiles_separate_real_sides_and_not_random_labels():
    a = _analysis(n_per_side=10)
    profiles = outlet_profiles(a)
    labels = pd.Series({o: o.split("-")[0] for o in profiles.index})
    real = label_separation(profiles, labels, n_permutations=50).iloc[0]
    assert real.accuracy >= 0.9 and real.permutation_p < 0.05 and real.silhouette > 0.3
    assert real.majority_baseline == 0.5 and (real.n_left, real.n_right) == (10, 10)
    shuffled = pd.Series(
        np.random.default_rng(1).permutation(labels.to_numpy()), index=labels.index
    )
    fake = label_separation(profiles, shuffled, n_permutations=50).iloc[0]
    assert fake.permutation_p > 0.05 and fake.silhouette < 0.2


def test_map_distances_and_clusters():
    profiles = outlet_profiles(_analysis(effect=0.9))
    for method in ("pca", "mds"):
        coords = outlet_map(profiles, method=method)
        assert list(coords.columns) == ["outlet", "x", "y", "n_articles"] and len(coords) == 12
    pca = outlet_map(profiles)
    assert 0 < sum(pca.attrs["explained_variance_ratio"]) <= 1
    clusters = outlet_clusters(profiles, n_clusters=2).set_index("outlet")
    sides = clusters.groupby(clusters.index.str.split("-").str[0]).cluster.nunique()
    assert (sides == 1).all() and clusters.cluster.nunique() == 2
    d = outlet_distances(profiles)
    assert len(d) == 66 and d.distance.is_monotonic_increasing
    same_side = d.outlet_a.str[:4] == d.outlet_b.str[:4]
    assert d[same_side].distance.mean() < d[~same_side].distance.mean()
    with pytest.raises(InputError):
        outlet_map(profiles, method="tsne")


def test_too_few_outlets_or_labels_is_an_input_error():
    a = _analysis(n_per_side=1)
    with pytest.raises(InputError, match="only"):
        outlet_profiles(a, min_articles=100)
    profiles = outlet_profiles(a)
    with pytest.raises(InputError, match="too few"):
        label_separation(profiles, {"left-0": "left", "right-0": "right"})


def test_figures_render_without_pyplot():
    code = (
        "import sys, pandas as pd\n"
        "sys.path.insert(0, 'tests/stats')\n"
        "from test_outlet_map import _analysis\n"
        "from framing.stats import outlet_profiles, outlet_map, axis_intervals\n"
        "from framing.figures import *\n"
        "from framing.figures import to_svg\n"
        "a = _analysis()\n"
        "p = outlet_profiles(a)\n"
        "labels = {o: o.split('-')[0] for o in p.index}\n"
        "svgs = [to_svg(outlet_map_figure(outlet_map(p), labels=labels)),\n"
        "        to_svg(dendrogram_figure(p, labels=labels))]\n"
        "iv = axis_intervals(a, n_boot=100)\n"
        "iv = iv[iv.pole == 'occupation']\n"
        "svgs.append(to_svg(intervals_figure(iv, estimate='position', low='position_low',"
        " high='position_high')))\n"
        "assert all(s.startswith('<?xml') for s in svgs)\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "print('ok')\n"
    )
    from tests.conftest import ROOT

    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]


def test_default_features_follow_the_extractors_columns():
    from framing.stats.outlet_map import default_features

    values = pd.DataFrame(
        0.0,
        index=range(3),
        columns=[
            "loaded:emotive",
            "loaded:emotive:own",
            "attribution:verb:neutral",
            "attribution:verb:doubt",
            "attribution:tone_sum:police",
            "attribution:tone_n:police",
            "attribution:tone_sum:un",
            "attribution:tone_n:un",
        ],
    )
    values["attribution:tone_n:police"] = 10.0  # 30 sentences scored; the UN none
    spec = default_features(values)
    assert spec["rates"] == ["loaded:emotive:own"]
    assert spec["mixes"] == ["attribution:verb:"]
    assert spec["ratios"] == [("attribution:tone_sum:police", "attribution:tone_n:police")]
