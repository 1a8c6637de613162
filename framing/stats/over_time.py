"""Framing over time: label shares, rates and attention per period, and where a share shifted.

Every table here is one of the outlet-level tables of :mod:`framing.stats.uncertainty` computed
per (group, period) cell instead of per group, so the same bootstrap over a cell's articles gives
each value its interval, and the same notes mark cells too small to have one.

:func:`shifts` asks, for each group and axis, whether the share of a label changed at some point
in time. The method, chosen to be simple to state and honest about scanning many split points:

* the group's articles that use the axis, in date order, are split at each boundary between two
  periods that leaves at least ``min_articles`` such articles on each side;
* at each split the difference in share (after − before) is standardised by its cluster-robust
  standard error (articles are the units: a ratio estimator's linearised variance);
* the largest standardised difference over the splits is the statistic, and its p-value is the
  share of ``n_perm`` random re-orderings of the same articles (no time order: the null
  hypothesis) whose largest statistic is at least as large. Scanning every split is thereby
  paid for in the p-value, as in a permutation CUSUM test;
* Benjamini–Hochberg q-values over every (group, axis, label) tested control the false
  discovery rate; a shift is reported where ``q <= fdr``.

The shares before and after, and their difference, carry bootstrap intervals over the articles
of each side. They are computed at the split the data chose, so they are somewhat optimistic;
the p-value is not. Groups with too few articles are listed with ``tested = False`` and a note,
never as "no change".
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ._groups import article_groups
from .multiple import bh_qvalues
from .uncertainty import _weights, axis_intervals, rate_intervals, share_intervals

__all__ = [
    "FREQUENCIES",
    "article_periods",
    "choose_frequency",
    "over_time",
    "rates_over_time",
    "mix_over_time",
    "attention",
    "shifts",
    "MIN_PERIODS",
]

#: Period lengths, finest first (pandas period aliases).
FREQUENCIES = ("W", "M", "Q", "Y")
_NAMES = {"W": "weekly", "M": "monthly", "Q": "quarterly", "Y": "yearly"}
#: An over-time view needs at least this many periods with articles.
MIN_PERIODS = 3
#: ``freq="auto"`` picks the finest period whose typical (median) group-and-period cell holds at
#: least this many articles: fewer, and most cells' intervals would span most of the scale.
MIN_ARTICLES_PER_CELL = 10
_SEP = "\x1f"  # joins group and period into one grouping key; never in an id or a period label


def _dates(analysis) -> pd.Series:
    return pd.to_datetime(analysis.articles["published"], errors="coerce")


def article_periods(analysis, freq: str) -> pd.Series:
    """Each article's period as a label ("2021-08", "2021Q3", "2021", weeks by their Monday
    "2021-08-23"); undated articles get NaN."""
    if freq not in FREQUENCIES:
        raise InputError(
            None, f"freq must be one of {', '.join(FREQUENCIES)} or auto, not {freq!r}"
        )
    dates = _dates(analysis)
    out = pd.Series(np.nan, index=dates.index, dtype=object)
    ok = dates.notna()
    if ok.any():
        periods = dates[ok].dt.to_period(freq)
        if freq == "W":
            out[ok] = periods.dt.start_time.dt.strftime("%Y-%m-%d")
        else:
            out[ok] = periods.astype(str)
    return out


def choose_frequency(
    analysis, *, by: str = "outlet", min_articles: int = MIN_ARTICLES_PER_CELL
) -> tuple[str, str]:
    """``(freq, reason)``: the finest of week, month, quarter and year with at least
    :data:`MIN_PERIODS` periods and a median of ``min_articles`` articles that use an axis (all
    articles, without the axes extractor) per group and period;
    if none has both, the coarsest with enough periods, whose cells are largest (the reason says
    they are still small)."""
    groups = article_groups(analysis, by)[by].to_numpy()
    n_dated = int(_dates(analysis).notna().sum())
    if n_dated == 0:
        return "M", "no article has a date"
    # what is charted are shares of axis terms: count the articles that use an axis at all
    axis_cols = [
        c
        for c in analysis.values.columns
        if c.startswith("axes:") and not c.endswith(":applicable")
    ]
    uses = (
        (analysis.values[axis_cols].to_numpy().sum(axis=1) > 0)
        if axis_cols
        else np.ones(len(groups), dtype=bool)
    )
    fallback = None
    for freq in FREQUENCIES:
        periods = article_periods(analysis, freq)
        ok = periods.notna().to_numpy() & uses
        n_periods = int(periods[ok].nunique())
        if n_periods < MIN_PERIODS:
            continue
        cells = (
            pd.Series(1, index=pd.MultiIndex.from_arrays([groups[ok], periods[ok]]))
            .groupby(level=[0, 1])
            .size()
        )
        median = float(cells.median())
        if median >= min_articles:
            return freq, (
                f"{_NAMES[freq]}: the finest period with a median of at least "
                f"{min_articles} articles using an axis per {by} and period (median "
                f"{median:g}, {n_periods} periods)"
            )
        fallback = (
            freq,
            f"{_NAMES[freq]}: no period length gives a median of {min_articles} "
            f"articles using an axis per {by} and period (here {median:g}); "
            "intervals are wide",
        )
    if fallback is not None:
        return fallback
    return "Y", f"the dated articles span fewer than {MIN_PERIODS} years"


def _resolve_freq(analysis, by, freq):
    if freq == "auto":
        return choose_frequency(analysis, by=by)
    if freq not in FREQUENCIES:
        raise InputError(
            None,
            f"freq must be one of {', '.join(FREQUENCIES)} or auto, not {freq!r}",
            hint="W week, M month, Q quarter, Y year",
        )
    return freq, f"{_NAMES[freq]}, as asked"


def _cells(analysis, by: str, freq: str):
    """The analysis restricted to dated articles, with a ``__cell`` column (group + period)."""
    articles = article_groups(analysis, by).reset_index(drop=True)
    periods = article_periods(analysis, freq).reset_index(drop=True)
    dated = periods.notna().to_numpy()
    articles = articles[dated].reset_index(drop=True).copy()
    articles["__period"] = periods[dated].to_numpy()
    articles["__cell"] = articles[by].astype(str) + _SEP + articles["__period"].astype(str)
    # the tables here read articles and values only: no copy of the evidence and records
    # (Analysis.subset filters those too, seconds on a large corpus)
    values = analysis.values if dated.all() else analysis.values[dated].reset_index(drop=True)
    cells = dataclasses.replace(
        analysis,
        articles=articles,
        values=values,
        hits=analysis.hits.iloc[:0],
        hits_total=analysis.hits_total.iloc[:0],
        records={},
    )
    return cells, int((~dated).sum())


def _split_cells(
    table: pd.DataFrame, by: str, freq: str, reason: str, n_undated: int
) -> pd.DataFrame:
    # parse each distinct cell and period once: tables of outlets × months run to 10^5 rows
    cells = pd.Series(pd.unique(table["__cell"].astype(str)), dtype=object)
    parts = (
        cells.str.split(_SEP, n=1, expand=True)
        if len(cells)
        else pd.DataFrame({0: pd.Series([], dtype=object), 1: pd.Series([], dtype=object)})
    )
    group_of = dict(zip(cells, parts[0]))
    period_of = dict(zip(cells, parts[1]))
    keys = table["__cell"].astype(str)
    table = table.drop(columns="__cell")
    table.insert(0, by, keys.map(group_of).to_numpy())
    table.insert(0, "period", keys.map(period_of).to_numpy())
    periods = pd.unique(parts[1]) if len(cells) else []
    starts = (
        (
            pd.PeriodIndex(periods, freq=freq).start_time
            if freq != "W"
            else pd.to_datetime(pd.Index(periods))
        )
        if len(periods)
        else pd.DatetimeIndex([])
    )
    table.insert(
        1, "period_start", table["period"].map(dict(zip(periods, starts))).astype("datetime64[ns]")
    )
    table = table.sort_values(["period_start", by], kind="stable").reset_index(drop=True)
    table.attrs.update(freq=freq, freq_reason=reason, n_undated=n_undated)
    return table


def over_time(
    analysis,
    *,
    by: str = "outlet",
    freq: str = "auto",
    axes: Sequence[str] | None = None,
    n_boot: int = 500,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Axis label shares per period and group, with a bootstrap interval over the cell's articles.

    One row per (period, group, axis, label): the columns of
    :func:`~framing.stats.uncertainty.axis_intervals` (``count``, ``axis_total``, ``share`` with
    ``share_low``/``share_high``, ``n_articles``, ``n_articles_with_hits``, ``note`` …) after
    ``period`` and ``period_start``. ``attrs`` holds ``freq``, ``freq_reason`` (why that period,
    when ``freq="auto"``) and ``n_undated`` (articles left out for want of a date).

    >>> import datetime as dt
    >>> from framing import Article, AxisCounter, analyse
    >>> arts = [Article(id=f"a{m}", outlet="A", title="", published=dt.date(2021, m, 1),
    ...                 text="Foreign troops ended the occupation." if m > 2 else
    ...                      "Foreign troops ended their mission.") for m in range(1, 5)]
    >>> a = analyse(arts, extractors=[AxisCounter().fit()])
    >>> t = over_time(a, freq="M", axes=["military-presence"], n_boot=50)
    >>> t[t["label"] == "occupation"][["period", "count", "share"]].values.tolist()
    [['2021-01', 0, 0.0], ['2021-02', 0, 0.0], ['2021-03', 1, 1.0], ['2021-04', 1, 1.0]]
    """
    freq, reason = _resolve_freq(analysis, by, freq)
    cells, n_undated = _cells(analysis, by, freq)
    table = axis_intervals(cells, by="__cell", axes=axes, n_boot=n_boot, ci=ci, seed=seed)
    table = table.rename(columns={"pole": "label"})
    return _split_cells(table, by, freq, reason, n_undated)


def _loaded_columns(analysis) -> list[str]:
    ex = analysis.extractors.get("loaded")
    ids = ex.lexicon_.ids if ex is not None and hasattr(ex, "lexicon_") else ()
    return [f"loaded:{c}" for c in ids if f"loaded:{c}" in analysis.values.columns]


def rates_over_time(
    analysis,
    columns: str | Sequence[str] | None = None,
    *,
    by: str = "outlet",
    freq: str = "auto",
    per: str = "words",
    scale: float = 1000.0,
    n_boot: int = 500,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Rates per period and group (default: each loaded-language category per 1,000 words), the
    table of :func:`~framing.stats.uncertainty.rate_intervals` after ``period``."""
    freq, reason = _resolve_freq(analysis, by, freq)
    cells, n_undated = _cells(analysis, by, freq)
    cols = _loaded_columns(analysis) if columns is None else columns
    table = rate_intervals(
        cells, cols, per=per, by="__cell", scale=scale, n_boot=n_boot, ci=ci, seed=seed
    )
    return _split_cells(table, by, freq, reason, n_undated)


def mix_over_time(
    analysis,
    columns: str | Sequence[str] = "attribution:verb:",
    *,
    by: str = "outlet",
    freq: str = "auto",
    n_boot: int = 500,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Each column's share of their total per period and group: the verb mix by default
    (``"attribution:quotes:"`` gives the quote kinds), as
    :func:`~framing.stats.uncertainty.share_intervals`."""
    freq, reason = _resolve_freq(analysis, by, freq)
    cells, n_undated = _cells(analysis, by, freq)
    table = share_intervals(cells, columns, by="__cell", n_boot=n_boot, ci=ci, seed=seed)
    return _split_cells(table, by, freq, reason, n_undated)


def attention(
    analysis, *, by: str = "outlet", freq: str = "auto", axes: Sequence[str] | None = None
) -> pd.DataFrame:
    """How many of each group's articles per period use each axis (and cover each story).

    ``period, period_start, <by>, topic, kind ("axis" or "story"), n_articles_using,
    n_articles, share``: the attention a group gives a subject, as Media Cloud charts it.

    >>> import datetime as dt
    >>> from framing import Article, AxisCounter, analyse
    >>> arts = [Article(id=f"a{m}", outlet="A", title="", published=dt.date(2021, m, 1),
    ...                 text="Foreign troops ended the occupation." if m > 2 else
    ...                      "Foreign troops ended their mission.") for m in range(1, 5)]
    >>> a = analyse(arts, extractors=[AxisCounter().fit()])
    >>> t = attention(a, freq="Q", axes=["military-presence"])
    >>> t[["period", "topic", "n_articles_using", "n_articles"]].values.tolist()
    [['2021Q1', 'military-presence', 3, 3], ['2021Q2', 'military-presence', 1, 1]]
    """
    freq, reason = _resolve_freq(analysis, by, freq)
    cells, n_undated = _cells(analysis, by, freq)
    arts = cells.articles
    values = cells.values
    frames = []
    lexicon = analysis.extractors["axes"].lexicon_ if "axes" in analysis.extractors else []
    for axis in lexicon:
        if axes is not None and axis.id not in axes:
            continue
        cols = [
            f"axes:{axis.id}:{p.name}" for p in axis.poles if f"axes:{axis.id}:{p.name}" in values
        ]
        used = (values[cols].sum(axis=1).to_numpy() > 0) if cols else np.zeros(len(arts), bool)
        frames.append(
            pd.DataFrame({"__cell": arts["__cell"], "topic": axis.id, "kind": "axis", "used": used})
        )
    stories = arts["story"].fillna("").astype(str)
    for story in sorted(s for s in stories.unique() if s):
        frames.append(
            pd.DataFrame(
                {
                    "__cell": arts["__cell"],
                    "topic": story,
                    "kind": "story",
                    "used": (stories == story).to_numpy(),
                }
            )
        )
    if not frames:
        table = pd.DataFrame(
            columns=["__cell", "topic", "kind", "n_articles_using", "n_articles", "share"]
        )
    else:
        long = pd.concat(frames, ignore_index=True)
        table = (
            long.groupby(["__cell", "topic", "kind"], sort=True)["used"]
            .agg(n_articles_using="sum", n_articles="size")
            .reset_index()
        )
        table["n_articles_using"] = table["n_articles_using"].astype(np.int64)
        table["share"] = table["n_articles_using"] / table["n_articles"]
    return _split_cells(table, by, freq, reason, n_undated)


# --- shifts --------------------------------------------------------------------------------------


def _split_stats(y: np.ndarray, n: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """Standardised share differences (after − before) at each cut, for each row of ``y``/``n``.

    ``y``, ``n``: ``(R, m)`` label hits and axis hits per article in order; ``cuts``: the number
    of articles before each candidate split. The variance of a ratio of sums over articles is
    the linearised (cluster) one: Σ (y − r n)² / (Σ n)², times m / (m − 1).
    """

    def cum(a):
        return np.concatenate([np.zeros((a.shape[0], 1)), np.cumsum(a, axis=1)], axis=1)

    m = y.shape[1]
    cy, cn, cyy, cyn, cnn = cum(y), cum(n), cum(y * y), cum(y * n), cum(n * n)

    def side(lo, hi, k):
        Y, N = cy[:, hi] - cy[:, lo], cn[:, hi] - cn[:, lo]
        YY, YN, NN = cyy[:, hi] - cyy[:, lo], cyn[:, hi] - cyn[:, lo], cnn[:, hi] - cnn[:, lo]
        r = Y / N
        var = np.maximum(YY - 2 * r * YN + r * r * NN, 0.0) / (N * N) * k / np.maximum(k - 1, 1)
        return r, var

    cuts = np.asarray(cuts)
    rb, vb = side(np.zeros_like(cuts), cuts, cuts)
    ra, va = side(cuts, np.full_like(cuts, m), m - cuts)
    # a floor keeps a split whose sides are each uniform (variance 0) finite: the binomial
    # variance of the pooled share, as if each article carried one hit
    pooled = (cy[:, -1] / cn[:, -1])[:, None]
    floor = pooled * (1 - pooled) * (1 / np.maximum(cuts, 1) + 1 / np.maximum(m - cuts, 1)) / 100
    return (ra - rb) / np.sqrt(vb + va + floor + 1e-12)


def _permutation_p(y, n, cuts, stat, n_perm, rng, first: int = 199, stop_at: int = 20) -> float:
    """Monte Carlo p-value of the largest standardised split difference under random order.

    Sequential (Besag & Clifford 1991): after ``first`` re-orderings, a series with ``stop_at``
    or more as extreme already has p >= 0.1, far from any shift, and stops there; the others
    run to ``n_perm``. Either p-value is valid; the saving is most series' permutations.
    """
    m = len(y)
    base = np.broadcast_to(np.arange(m), (min(first, n_perm), m))
    order = rng.permuted(base, axis=1)
    exceed = int((np.abs(_split_stats(y[order], n[order], cuts)).max(axis=1) >= stat - 1e-9).sum())
    done = len(order)
    if exceed < stop_at and done < n_perm:
        rest = rng.permuted(np.broadcast_to(np.arange(m), (n_perm - done, m)), axis=1)
        exceed += int(
            (np.abs(_split_stats(y[rest], n[rest], cuts)).max(axis=1) >= stat - 1e-9).sum()
        )
        done = n_perm
    return (1 + exceed) / (done + 1)


def _boot_share(y, n, n_boot, rng):
    reps = _weights(len(y), n_boot, rng) @ np.column_stack([y, n])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(reps[:, 1] > 0, reps[:, 0] / reps[:, 1], np.nan)


def _fmt_share(x: float) -> str:
    return f"{x:.0%}"


def shifts(
    analysis,
    *,
    by: str = "outlet",
    freq: str = "auto",
    axes: Sequence[str] | None = None,
    min_articles: int = 8,
    n_perm: int = 999,
    n_boot: int = 1000,
    ci: float = 0.95,
    fdr: float = 0.05,
    seed: int = 0,
) -> pd.DataFrame:
    """Did a group's share of an axis label change over time? One row per (group, axis, label).

    See the module docstring for the test. Two-pole axes are tested once, on their first pole
    (the other's share is its complement); the sentence names the label whose share rose.

    Columns: ``<by>, axis, axis_label, label, tested, note, n_articles`` (articles using the axis),
    ``change_period`` (the first period after the split), ``share_before`` / ``share_after`` with
    ``_low`` / ``_high``, ``difference`` with ``difference_low`` / ``difference_high``,
    ``n_before``, ``n_after`` (articles), ``statistic``, ``p``, ``q``, ``shift`` and
    ``sentence``. ``attrs`` as in :func:`over_time`.

    >>> import datetime as dt
    >>> from framing import Article, AxisCounter, analyse
    >>> arts = [Article(id=f"a{m}", outlet="A", title="", published=dt.date(2021, m, 1),
    ...                 text="Foreign troops ended the occupation." if m > 2 else
    ...                      "Foreign troops ended their mission.") for m in range(1, 5)]
    >>> a = analyse(arts, extractors=[AxisCounter().fit()])
    >>> s = shifts(a, freq="M", axes=["military-presence"])
    >>> bool(s.loc[0, "tested"]), s.loc[0, "note"][:26]   # four articles can show no shift
    (False, 'too few articles to test: ')
    """
    freq, reason = _resolve_freq(analysis, by, freq)
    cells, n_undated = _cells(analysis, by, freq)
    arts = cells.articles
    values = cells.values
    dates = pd.to_datetime(arts["published"], errors="coerce").to_numpy()
    periods = arts["__period"].to_numpy()
    groups = arts[by].astype(str).to_numpy()
    lexicon = analysis.extractors["axes"].lexicon_
    lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2
    rows = []
    for axis in lexicon:
        if axes is not None and axis.id not in axes:
            continue
        pole_cols = [f"axes:{axis.id}:{p.name}" for p in axis.poles]
        counts = np.column_stack(
            [
                values[c].to_numpy(np.float64) if c in values else np.zeros(len(values))
                for c in pole_cols
            ]
        )
        total = counts.sum(axis=1)
        tested_poles = axis.poles[:1] if len(axis.poles) == 2 else axis.poles
        for group in np.unique(groups):
            idx = np.flatnonzero((groups == group) & (total > 0))
            idx = idx[np.lexsort((idx, dates[idx]))]  # date order; ties in corpus order
            per = periods[idx]
            boundary = np.flatnonzero(per[1:] != per[:-1]) + 1  # articles before each boundary
            cuts = boundary[(boundary >= min_articles) & (len(idx) - boundary >= min_articles)]
            for pole in tested_poles:
                base = dict(
                    axis=axis.id, axis_label=axis.label, label=pole.name, n_articles=len(idx)
                )
                base[by] = group
                if len(cuts) == 0:
                    n_periods = len(np.unique(per)) if len(idx) else 0
                    rows.append(
                        {
                            **base,
                            "tested": False,
                            "note": (
                                f"too few articles to test: {len(idx)} using the axis in "
                                f"{n_periods} period(s); a shift needs at least "
                                f"{min_articles} on each side of a period boundary"
                            ),
                        }
                    )
                    continue
                y = counts[idx, axis.poles.index(pole)]
                n = total[idx]
                observed = _split_stats(y[None, :], n[None, :], cuts)[0]
                best = int(np.argmax(np.abs(observed)))
                rng = np.random.default_rng(
                    [int(seed), zlib.crc32(f"{group}{_SEP}{axis.id}{_SEP}{pole.name}".encode())]
                )
                stat = float(abs(observed[best]))
                p = _permutation_p(y, n, cuts, stat, n_perm, rng)
                cut = int(cuts[best])
                b = _boot_share(y[:cut], n[:cut], n_boot, rng)
                a = _boot_share(y[cut:], n[cut:], n_boot, rng)
                share_b, share_a = y[:cut].sum() / n[:cut].sum(), y[cut:].sum() / n[cut:].sum()
                d = a - b
                rows.append(
                    {
                        **base,
                        "tested": True,
                        "note": "",
                        "change_period": per[cut],
                        "share_before": share_b,
                        "share_before_low": np.nanquantile(b, lo_q),
                        "share_before_high": np.nanquantile(b, hi_q),
                        "share_after": share_a,
                        "share_after_low": np.nanquantile(a, lo_q),
                        "share_after_high": np.nanquantile(a, hi_q),
                        "difference": share_a - share_b,
                        "difference_low": np.nanquantile(d, lo_q),
                        "difference_high": np.nanquantile(d, hi_q),
                        "n_before": cut,
                        "n_after": len(idx) - cut,
                        "statistic": float(observed[best]),
                        "p": p,
                        "_other": axis.poles[1].name if len(axis.poles) == 2 else None,
                    }
                )
    columns = [
        by,
        "axis",
        "axis_label",
        "label",
        "tested",
        "note",
        "n_articles",
        "change_period",
        "share_before",
        "share_before_low",
        "share_before_high",
        "share_after",
        "share_after_low",
        "share_after_high",
        "difference",
        "difference_low",
        "difference_high",
        "n_before",
        "n_after",
        "statistic",
        "p",
        "q",
        "shift",
        "sentence",
    ]
    out = pd.DataFrame(rows)
    if out.empty:
        out = pd.DataFrame(columns=columns)
    else:
        for c in columns:
            if c not in out:
                out[c] = np.nan
        tested = out["tested"].astype(bool).to_numpy()
        q = np.full(len(out), np.nan)
        q[tested] = bh_qvalues(out.loc[tested, "p"].to_numpy(dtype=float))
        out["q"] = q
        out["shift"] = tested & (q <= fdr)
        out["sentence"] = [
            _sentence(r, by, ci) if r["shift"] else "" for r in out.to_dict("records")
        ]
        out = out.sort_values(["shift", "q"], ascending=[False, True], kind="stable")
        out = out[columns].reset_index(drop=True)
        for c in ("n_before", "n_after"):
            out[c] = out[c].astype("Int64")
    out.attrs.update(
        freq=freq, freq_reason=reason, n_undated=n_undated, fdr=fdr, min_articles=min_articles
    )
    return out


def _sentence(row: dict, by: str, ci: float = 0.95) -> str:
    """ "From 2021-08, X's share of 'retreat' rose from 12% to 47% (…)" for a reported shift."""
    label, before, after = row["label"], row["share_before"], row["share_after"]
    low, high = row["share_after_low"], row["share_after_high"]
    d_low, d_high = row["difference_low"], row["difference_high"]
    other = row.get("_other")
    if after < before and other:  # two poles: say it as the rise of the other label
        label, before, after = other, 1 - before, 1 - after
        low, high = 1 - high, 1 - low
        d_low, d_high = -d_high, -d_low
    verb = "rose" if after > before else "fell"
    return (
        f"From {row['change_period']}, {row[by]}'s share of '{label}' on {row['axis_label']} "
        f"{verb} from {_fmt_share(before)} to {_fmt_share(after)} ({ci:.0%} interval of the "
        f"later share {_fmt_share(low)}–{_fmt_share(high)}; change {100 * d_low:+.0f} to "
        f"{100 * d_high:+.0f} points; {int(row['n_before'])} articles before, "
        f"{int(row['n_after'])} after; q = {row['q']:.3f})"
    )
