"""Uncertainty on outlet-level scores: bootstrap intervals and pairwise differences.

Every outlet-level score here is a ratio of sums over its articles: an axis share (first-pole hits
over axis hits), a rate (loaded words over words), a mix (one attribution type over all), a mean
tone (tone sum over sentences scored). Articles are the unit that was sampled, and words within an
article are not independent, so the bootstrap resamples *articles within each group* (outlet,
leaning …) with replacement and recomputes the ratio; the percentile interval of the replicates is
the confidence interval.

Where fewer than two of a group's articles carry any data for a score (one article, or one article
that uses an axis at all), resampling cannot show how much the score would move: the interval is
left undefined (NaN) and ``note`` says why, rather than reporting a zero-width interval.

Vectorised: per group one ``(n_boot, n_articles)`` matrix of multinomial resampling weights
multiplies the ``(n_articles, K)`` matrix of numerators and denominators, so all K scores of a
group share the same replicates. Each group's random stream is seeded by ``seed`` and the group's
name, so a group's interval does not change when other groups are added.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ._groups import article_groups, group_index
from .multiple import bh_qvalues

__all__ = [
    "bootstrap_ratio",
    "pairwise_differences",
    "axis_intervals",
    "axis_differences",
    "rate_intervals",
    "share_intervals",
    "ratio_intervals",
    "NOTE_ONE_ARTICLE",
    "NOTE_NO_DATA",
]

NOTE_ONE_ARTICLE = "one article with data: no interval"
NOTE_NO_DATA = "no data"


def _rng(seed: int, name: str) -> np.random.Generator:
    return np.random.default_rng([int(seed), zlib.crc32(str(name).encode("utf-8"))])


def _weights(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``(n_boot, n)`` resampling counts: each row a bootstrap sample of n articles."""
    # index draws counted with one bincount: several times faster than rng.multinomial
    draws = rng.integers(0, n, size=(n_boot, n)) + (np.arange(n_boot) * n)[:, None]
    return np.bincount(draws.ravel(), minlength=n_boot * n).reshape(n_boot, n).astype(np.float64)


def _as_list(columns) -> list[str]:
    return [columns] if isinstance(columns, str) else list(columns)


class _Design:
    """Numerators, denominators and groups as arrays, validated once."""

    def __init__(self, frame: pd.DataFrame, numerator, denominator, by: str):
        if by not in frame.columns:
            raise InputError(
                None, f"no grouping column {by!r}", hint=f"columns are {list(frame.columns)[:12]}"
            )
        self.measures = _as_list(numerator)
        missing = [c for c in self.measures if c not in frame.columns]
        dens: list[str | None]
        if denominator is None:
            dens = [None] * len(self.measures)
        elif isinstance(denominator, str):
            dens = [denominator] * len(self.measures)
        else:
            dens = list(denominator)
            if len(dens) != len(self.measures):
                raise InputError(
                    None, f"{len(dens)} denominators for {len(self.measures)} numerators"
                )
        missing += [c for c in dens if c is not None and c not in frame.columns]
        if missing:
            raise InputError(
                None,
                f"no column(s) {sorted(set(missing))}",
                hint="pass columns of the per-article table",
            )
        self.num = (
            np.column_stack([frame[c].to_numpy(dtype=np.float64) for c in self.measures])
            if self.measures
            else np.zeros((len(frame), 0))
        )
        self.den = (
            np.column_stack(
                [
                    np.ones(len(frame)) if c is None else frame[c].to_numpy(dtype=np.float64)
                    for c in dens
                ]
            )
            if self.measures
            else np.zeros((len(frame), 0))
        )
        self.names, self.codes = group_index(frame[by])
        order = np.argsort(self.codes, kind="stable")
        bounds = np.searchsorted(self.codes[order], np.arange(len(self.names) + 1))
        self.rows = [order[bounds[g] : bounds[g + 1]] for g in range(len(self.names))]
        self.words = frame["n_words"].to_numpy(dtype=np.float64) if "n_words" in frame else None

    def replicates(self, g: int, n_boot: int, seed: int):
        """Bootstrap ratios ``(n_boot, K)`` of group g (NaN where a denominator is 0)."""
        rows = self.rows[g]
        data = np.hstack([self.num[rows], self.den[rows]])
        sums = _weights(len(rows), n_boot, _rng(seed, self.names[g])) @ data
        k = self.num.shape[1]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(sums[:, k:] > 0, sums[:, :k] / sums[:, k:], np.nan)


def _intervals(reps: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lo, hi = (1 - ci) / 2, 1 - (1 - ci) / 2
    defined = np.isfinite(reps).any(axis=0)
    low = np.full(reps.shape[1], np.nan)
    high = np.full(reps.shape[1], np.nan)
    se = np.full(reps.shape[1], np.nan)
    if defined.any():
        sub = reps[:, defined]
        low[defined], high[defined] = _nanquantile_columns(sub, (lo, hi))
        se[defined] = np.nanstd(sub, axis=0, ddof=1)
    return low, high, se


def _nanquantile_columns(values: np.ndarray, qs) -> np.ndarray:
    """``np.nanquantile(values, qs, axis=0)`` (its default, linear method) for every column at
    once: numpy loops over the columns in Python when any holds a NaN, which made the
    intervals of a many-cell table (outlets × months) the slowest part of a report."""
    ordered = np.sort(values, axis=0)  # NaNs sort last
    count = np.isfinite(values).sum(axis=0)
    cols = np.arange(values.shape[1])
    out = np.full((len(qs), values.shape[1]), np.nan)
    ok = count > 0
    for i, q in enumerate(qs):
        pos = q * (np.maximum(count, 1) - 1)
        below = np.floor(pos).astype(np.int64)
        above = np.minimum(below + 1, np.maximum(count - 1, 0))
        frac = pos - below
        a, b = ordered[below, cols], ordered[above, cols]
        # numpy's lerp: a + (b - a) * t, computed from the nearer end for t >= 0.5
        diff = b - a
        value = np.where(frac >= 0.5, b - diff * (1 - frac), a + diff * frac)
        out[i] = np.where(ok, value, np.nan)
    return out


def bootstrap_ratio(
    frame: pd.DataFrame,
    numerator: str | Sequence[str],
    denominator: str | Sequence[str] | None = None,
    *,
    by: str = "outlet",
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
    scale: float = 1.0,
) -> pd.DataFrame:
    """Per group and measure: ratio of sums with a bootstrap interval over articles.

    frame : one row per article, with the ``by`` column, the numerator and denominator columns
        and (optionally) ``n_words``.
    numerator : one column or several (several share the same bootstrap replicates).
    denominator : one column for all, one per numerator, or None (per-article mean).
    scale : multiply estimates (1000 for a rate per 1,000 words).

    Returns ``by, measure, estimate, ci_low, ci_high, se, numerator, denominator, n_articles,
    n_articles_with_data, n_words, note``. ``n_articles_with_data`` counts articles with a non-zero
    denominator: with fewer than two the interval is NaN and ``note`` says so.

    >>> f = pd.DataFrame({"outlet": ["a", "a", "a", "b"], "hits": [1, 2, 3, 5],
    ...                   "n_words": [100, 100, 100, 50]})
    >>> t = bootstrap_ratio(f, "hits", "n_words", scale=1000, n_boot=200)
    >>> t[["outlet", "estimate", "n_articles", "note"]].values.tolist()
    [['a', 20.0, 3, ''], ['b', 100.0, 1, 'one article with data: no interval']]
    >>> bool(t.ci_low[0] < 20 < t.ci_high[0]), bool(np.isnan(t.ci_low[1]))
    (True, True)
    """
    if not 0 < ci < 1:
        raise InputError(None, f"ci must be between 0 and 1, not {ci}")
    design = _Design(frame, numerator, denominator, by)
    k = len(design.measures)
    parts: dict[str, list] = {
        key: []
        for key in ("estimate", "ci_low", "ci_high", "se", "numerator", "denominator", "with_data")
    }
    n_articles, n_words = [], []
    for g in range(len(design.names)):
        rows = design.rows[g]
        num = design.num[rows].sum(axis=0)
        den = design.den[rows].sum(axis=0)
        with_data = (design.den[rows] > 0).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            estimate = np.where(den > 0, num / den, np.nan)
        low = high = se = np.full(k, np.nan)
        if (with_data >= 2).any():
            low, high, se = _intervals(design.replicates(g, n_boot, seed), ci)
        for key, value in (
            ("estimate", estimate),
            ("ci_low", low),
            ("ci_high", high),
            ("se", se),
            ("numerator", num),
            ("denominator", den),
            ("with_data", with_data),
        ):
            parts[key].append(value)
        n_articles.append(len(rows))
        n_words.append(design.words[rows].sum() if design.words is not None else np.nan)
    columns = [
        by,
        "measure",
        "estimate",
        "ci_low",
        "ci_high",
        "se",
        "numerator",
        "denominator",
        "n_articles",
        "n_articles_with_data",
        "n_words",
        "note",
    ]
    if not len(design.names) or not k:
        return pd.DataFrame(columns=columns)
    flat = {key: np.concatenate(v) for key, v in parts.items()}
    with_data = flat["with_data"]
    undefined = with_data < 2
    for key in ("ci_low", "ci_high", "se"):
        flat[key] = np.where(undefined, np.nan, flat[key])
    notes = np.where(
        flat["denominator"] <= 0, NOTE_NO_DATA, np.where(undefined, NOTE_ONE_ARTICLE, "")
    )
    words = np.repeat(n_words, k)
    return pd.DataFrame(
        {
            by: np.repeat(design.names, k),
            "measure": np.tile(np.asarray(design.measures, object), len(design.names)),
            "estimate": scale * flat["estimate"],
            "ci_low": scale * flat["ci_low"],
            "ci_high": scale * flat["ci_high"],
            "se": scale * flat["se"],
            "numerator": flat["numerator"],
            "denominator": flat["denominator"],
            "n_articles": np.repeat(n_articles, k).astype(np.int64),
            "n_articles_with_data": with_data.astype(np.int64),
            "n_words": words.astype(np.int64) if design.words is not None else words,
            "note": notes,
        },
        columns=columns,
    )


def pairwise_differences(
    frame: pd.DataFrame,
    numerator: str,
    denominator: str | None = None,
    *,
    by: str = "outlet",
    pairs: Sequence[tuple[str, str]] | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
    fdr: float = 0.05,
    scale: float = 1.0,
) -> pd.DataFrame:
    """Do two groups differ on one score? Bootstrap difference, interval, p and BH q per pair.

    The replicates are those of :func:`bootstrap_ratio` (same seed, same resamples), drawn
    independently per group. ``p`` is the two-sided bootstrap p-value, twice the smaller share of
    replicate differences on either side of zero (with the +1 correction, so never 0); ``q``
    adjusts it over all pairs (Benjamini–Hochberg). ``pairs`` defaults to every pair of groups
    with at least two articles with data.

    >>> f = pd.DataFrame({"outlet": list("aaaaabbbbb"), "hits": [9, 8, 9, 10, 9, 1, 2, 1, 0, 1],
    ...                   "total": [10] * 10})
    >>> d = pairwise_differences(f, "hits", "total", n_boot=500)
    >>> d[["group_a", "group_b", "difference", "significant"]].values.tolist()
    [['a', 'b', 0.8, True]]
    """
    design = _Design(frame, numerator, denominator, by)
    index = {n: g for g, n in enumerate(design.names)}
    estimates, reps, with_data, counts = {}, {}, {}, {}
    for g, name in enumerate(design.names):
        rows = design.rows[g]
        num, den = design.num[rows, 0].sum(), design.den[rows, 0].sum()
        estimates[name] = num / den if den > 0 else np.nan
        with_data[name] = int((design.den[rows, 0] > 0).sum())
        counts[name] = len(rows)
    usable = [n for n in design.names if with_data[n] >= 2]
    if pairs is None:
        pairs = [(a, b) for i, a in enumerate(usable) for b in usable[i + 1 :]]
    else:
        unknown = sorted({x for p in pairs for x in p} - set(index))
        if unknown:
            raise InputError(
                None, f"unknown group(s) {unknown}", hint=f"groups are {list(design.names)[:10]}"
            )
    lo, hi = (1 - ci) / 2, 1 - (1 - ci) / 2
    rows_out = []
    for a, b in pairs:
        row = {
            "group_a": a,
            "group_b": b,
            "estimate_a": scale * estimates[a],
            "estimate_b": scale * estimates[b],
            "difference": scale * (estimates[a] - estimates[b]),
            "ci_low": np.nan,
            "ci_high": np.nan,
            "p": np.nan,
            "n_articles_a": counts[a],
            "n_articles_b": counts[b],
            "note": "",
        }
        if with_data[a] < 2 or with_data[b] < 2:
            row["note"] = NOTE_ONE_ARTICLE
        else:
            for name in (a, b):
                if name not in reps:
                    reps[name] = design.replicates(index[name], n_boot, seed)[:, 0]
            diff = reps[a] - reps[b]
            diff = diff[np.isfinite(diff)]
            row["ci_low"], row["ci_high"] = scale * np.quantile(diff, [lo, hi])
            below, above = (diff <= 0).sum(), (diff >= 0).sum()
            row["p"] = min(1.0, 2 * (min(below, above) + 1) / (len(diff) + 1))
        rows_out.append(row)
    out = pd.DataFrame(
        rows_out,
        columns=[
            "group_a",
            "group_b",
            "estimate_a",
            "estimate_b",
            "difference",
            "ci_low",
            "ci_high",
            "p",
            "n_articles_a",
            "n_articles_b",
            "note",
        ],
    )
    out.insert(8, "q", bh_qvalues(out["p"].to_numpy()) if len(out) else [])
    out.insert(9, "significant", (out["q"] <= fdr).to_numpy())
    return out


# --- wrappers over an Analysis -----------------------------------------------------------------


def _frame(analysis, by: str, columns: Sequence[str]) -> pd.DataFrame:
    articles = article_groups(analysis, by)
    missing = [c for c in columns if c not in analysis.values.columns]
    if missing:
        prefixes = sorted({c.split(":", 1)[0] for c in analysis.values.columns})
        raise InputError(
            None,
            f"the analysis has no column(s) {missing[:5]}",
            hint=f"its value columns start with {prefixes}",
        )
    cols = {c: analysis.values[c].to_numpy(dtype=np.float64) for c in dict.fromkeys(columns)}
    base = articles[[by, "n_words", "n_sentences"]].reset_index(drop=True)
    return pd.concat([base, pd.DataFrame(cols)], axis=1)


def _expand(analysis, columns) -> list[str]:
    """Column names, where a name ending in ':' stands for every column with that prefix."""
    out = []
    for c in _as_list(columns):
        if c.endswith(":"):
            found = [v for v in analysis.values.columns if v.startswith(c)]
            if not found:
                raise InputError(
                    None,
                    f"the analysis has no columns starting with {c!r}",
                    hint="that extractor did not run; check default_extractors()",
                )
            out.extend(found)
        else:
            out.append(c)
    return out


def rate_intervals(
    analysis,
    columns,
    *,
    per: str = "words",
    by: str = "outlet",
    scale: float = 1000.0,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Rates of count columns (e.g. ``"loaded:"`` for all loaded-language categories) per group.

    per : ``"words"`` (rate per ``scale`` words), ``"sentences"`` or ``"articles"``.
    Returns the :func:`bootstrap_ratio` table with ``per`` and ``scale`` columns.
    """
    columns = _expand(analysis, columns)
    base = {"words": "n_words", "sentences": "n_sentences", "articles": None}
    if per not in base:
        raise InputError(None, f"per must be words, sentences or articles, not {per!r}")
    frame = _frame(analysis, by, columns)
    out = bootstrap_ratio(
        frame, columns, base[per], by=by, n_boot=n_boot, ci=ci, seed=seed, scale=scale
    )
    out.insert(2, "per", f"{scale:g} {per}")
    return out


def share_intervals(
    analysis, columns, *, by: str = "outlet", n_boot: int = 1000, ci: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """Each column's share of the columns' total per group (a mix, e.g. ``"attribution:"``)."""
    columns = _expand(analysis, columns)
    frame = _frame(analysis, by, columns)
    frame["__total"] = frame[columns].sum(axis=1)
    return bootstrap_ratio(frame, columns, "__total", by=by, n_boot=n_boot, ci=ci, seed=seed)


def ratio_intervals(
    analysis,
    numerator: str,
    denominator: str,
    *,
    by: str = "outlet",
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Any ratio of two per-article columns, e.g. a tone sum over the number of sentences scored."""
    frame = _frame(analysis, by, [numerator, denominator])
    return bootstrap_ratio(frame, numerator, denominator, by=by, n_boot=n_boot, ci=ci, seed=seed)


# the columns of :func:`axis_intervals` after the grouping column
_AXIS_INTERVAL_COLUMNS = (
    "axis",
    "axis_label",
    "pole",
    "count",
    "axis_total",
    "share",
    "share_low",
    "share_high",
    "position",
    "position_low",
    "position_high",
    "n_articles",
    "n_articles_with_hits",
    "n_words",
    "note",
)


def axis_intervals(
    analysis,
    *,
    by: str = "outlet",
    axes: Sequence[str] | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Axis shares and positions per group with bootstrap intervals (articles the axis applies to).

    One row per (group, axis, pole), like :func:`framing.axes.axis_table`: ``count``,
    ``axis_total``, ``share`` with ``share_low``/``share_high``, and for two-pole axes ``position``
    (+1 all first pole … −1 all second) with ``position_low``/``position_high``; ``n_articles``
    (articles the axis applies to), ``n_articles_with_hits``, ``n_words`` and ``note``.
    """
    lexicon = analysis.extractors["axes"].lexicon_
    chosen = [a for a in lexicon if axes is None or a.id in axes]
    articles = article_groups(analysis, by).reset_index(drop=True)
    values = analysis.values
    cols, nums, dens, meta = {}, [], [], []
    for axis in chosen:
        poles = [f"axes:{axis.id}:{p.name}" for p in axis.poles]
        pole_counts = [
            values[c].to_numpy(np.float64) if c in values else np.zeros(len(values)) for c in poles
        ]
        total = np.sum(pole_counts, axis=0)
        app = f"axes:{axis.id}:applicable"
        applicable = values[app].to_numpy() > 0 if app in values else np.zeros(len(values), bool)
        cols[f"{axis.id}:__total"] = total
        cols[f"{axis.id}:__applicable"] = applicable.astype(np.float64)
        cols[f"{axis.id}:__words"] = np.where(applicable, articles["n_words"].to_numpy(), 0)
        for pole, counts in zip(axis.poles, pole_counts):
            key = f"{axis.id}:{pole.name}"
            cols[key] = counts
            nums.append(key)
            dens.append(f"{axis.id}:__total")
            meta.append((axis, pole))
    if not nums:
        return pd.DataFrame(columns=[by, *_AXIS_INTERVAL_COLUMNS])
    frame = pd.concat([articles[[by]], pd.DataFrame(cols)], axis=1)
    table = bootstrap_ratio(frame, nums, dens, by=by, n_boot=n_boot, ci=ci, seed=seed)
    sums = frame.groupby(by, sort=True)[[c for c in cols if "__" in c]].sum()
    axis_of = {key: axis for key, (axis, _) in zip(nums, meta)}
    pole_of = {key: pole.name for key, (_, pole) in zip(nums, meta)}
    axis_ids = table["measure"].map(lambda k: axis_of[k].id)
    group = table[by].to_numpy()

    def looked_up(suffix):
        stacked = sums.stack()
        keys = pd.MultiIndex.from_arrays([group, axis_ids + suffix])
        return stacked.reindex(keys).to_numpy()

    out = pd.DataFrame(
        {
            by: group,
            "axis": axis_ids.to_numpy(),
            "axis_label": table["measure"].map(lambda k: axis_of[k].label).to_numpy(),
            "pole": table["measure"].map(pole_of).to_numpy(),
            "count": table["numerator"].astype(np.int64).to_numpy(),
            "axis_total": table["denominator"].astype(np.int64).to_numpy(),
            "share": table["estimate"].to_numpy(),
            "share_low": table["ci_low"].to_numpy(),
            "share_high": table["ci_high"].to_numpy(),
            "n_articles": looked_up(":__applicable").astype(np.int64),
            "n_articles_with_hits": table["n_articles_with_data"].to_numpy(),
            "n_words": looked_up(":__words").astype(np.int64),
            "note": table["note"].to_numpy(),
        }
    )
    # position of a two-pole axis = 2 × share of the first pole − 1, interval likewise
    first = {a.id: a.poles[0].name for a in chosen if len(a.poles) == 2}
    is_first = out["axis"].map(first).to_numpy() == out["pole"].to_numpy()
    pos = out[is_first].set_index([by, "axis"])[["share", "share_low", "share_high"]] * 2 - 1
    pos.columns = ["position", "position_low", "position_high"]
    out = out.join(pos, on=[by, "axis"])
    return out[[by, *_AXIS_INTERVAL_COLUMNS]]


def axis_differences(
    analysis,
    axis: str,
    *,
    by: str = "outlet",
    pairs: Sequence[tuple[str, str]] | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
    fdr: float = 0.05,
) -> pd.DataFrame:
    """Do two groups differ in their position on a two-pole axis? (:func:`pairwise_differences`)

    ``difference`` is position_a − position_b (positions run from +1, all first pole, to −1), with
    its bootstrap interval, p and BH q over the pairs compared.
    """
    lexicon = analysis.extractors["axes"].lexicon_
    try:
        chosen = lexicon[axis]
    except KeyError:
        raise InputError(
            None, f"no axis {axis!r}", hint=f"axes are {[a.id for a in lexicon][:8]} …"
        ) from None
    if len(chosen.poles) != 2:
        raise InputError(None, f"axis {axis!r} has {len(chosen.poles)} poles; positions need two")
    first, second = (f"axes:{axis}:{p.name}" for p in chosen.poles)
    frame = _frame(analysis, by, [c for c in (first, second) if c in analysis.values])
    for c in (first, second):
        if c not in frame:
            frame[c] = 0.0
    frame["__total"] = frame[first] + frame[second]
    out = pairwise_differences(
        frame, first, "__total", by=by, pairs=pairs, n_boot=n_boot, ci=ci, seed=seed, fdr=fdr
    )
    for c in ("estimate_a", "estimate_b"):
        out[c] = 2 * out[c] - 1  # share of the first pole -> position
    for c in ("difference", "ci_low", "ci_high"):
        out[c] = 2 * out[c]
    out = out.rename(columns={"estimate_a": "position_a", "estimate_b": "position_b"})
    out.insert(0, "axis", axis)
    return out
