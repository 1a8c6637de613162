"""The summary: a few sentences generated from the numbers, and the at-a-glance chart."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ... import figures
from ...comparison import Comparison
from ...precision import BUILTIN_AXES_SOURCE, axis_precision
from . import Page

MAX_SENTENCES = 8


def build(c: Comparison, page: Page) -> dict:
    a = c.analysis
    rows = c.axes_shown if c.axes_shown is not None else pd.DataFrame()
    lexicon: Any = a.axis_lexicon or []
    per_group = c.groups["n_articles"]
    small = per_group[per_group < c.small_threshold]
    return {
        "sentences": _sentences(c, rows, lexicon, per_group),
        "overview": _overview(c, page, rows, lexicon),
        "small_sample": len(small) > 0,
        "n_small": len(small),
        "all_small": len(per_group) > 0 and len(small) == len(per_group),
        "max_per_group": int(per_group.max()) if len(per_group) else 0,
        # the page's legend of groups (the show/hide controls) uses the charts' colours
        "colours": {g: style.colour for g, style in page.styles.items()},
    }


def _sentences(c: Comparison, rows: pd.DataFrame, lexicon, per_group: pd.Series) -> list[dict]:
    """The findings, each ``{"text", "href", "precision"}``: the claim, the link to its sentences
    and the measured precision of the axis it counts (None where it was not measured).

    A finding names the groups that mostly (≥ 60%) use one label of an axis while others mostly
    use another. They are ordered by how much evidence they rest on: first those whose intervals
    do not overlap, then by the number of articles behind the weaker side, then by hits. A group
    with a single hit on an axis is left out of its finding: one match is not a pattern.
    """
    if not len(rows):
        return [_finding("No framing-axis terms were found in this corpus.")]
    by, names = c.by, c.names
    # the measured precision describes the built-in lexicon only
    measured = axis_precision() if getattr(lexicon, "source", "") == BUILTIN_AXES_SOURCE else {}
    found = []
    for axis in lexicon:
        sub = rows[(rows["axis"] == axis.id) & (rows["count"] > 1)]
        if sub[by].nunique() < 2:
            continue
        dominant = sub.sort_values("count", ascending=False, kind="stable").groupby(by).head(1)
        dominant = dominant[dominant["share"] >= 0.6]
        if dominant["pole"].nunique() < 2:
            continue
        parts = []
        for r in dominant.sort_values("count", ascending=False, kind="stable").head(4).itertuples():
            voice = f", {r.own_voice:,} in its own voice" if r.quoted else ""
            only = "only " if r.share == 1 else f"mostly ({r.share:.0%}) "
            n_art = (
                f" across {r.n_articles_with_hits:,} articles" if r.n_articles_with_hits > 1 else ""
            )
            parts.append(
                f"{names.get(getattr(r, by), getattr(r, by))} uses {only}'{r.pole}' terms "
                f"({r.count:,} hits{voice}{n_art})"
            )
        total = int(sub["count"].sum())
        # with every group under the threshold, the closing sentence already says no interval exists
        all_small = len(per_group) and per_group.max() < c.small_threshold
        strength = "" if all_small else _strength(rows[rows["axis"] == axis.id], dominant, by)
        separated = strength.startswith("The 95% bootstrap intervals of the two sides do not")
        weakest = int(dominant.groupby("pole")["n_articles_with_hits"].sum().min())
        text = (
            f"On {_in_sentence(axis.label)}, "
            + "; ".join(parts)
            + "."
            + (f" {strength}" if strength else "")
        )
        found.append(
            ((separated, weakest, total), _finding(text, f"#axis-{axis.id}", measured.get(axis.id)))
        )
    found.sort(key=lambda t: t[0], reverse=True)
    sentences = [f for _, f in found[: MAX_SENTENCES - 1]]
    if not sentences:
        sentences.append(
            _finding(
                f"The {c.group_word}s do not split clearly on any framing axis: where they use an "
                "axis's terms more than once, they lean to the same side."
            )
        )
    if len(per_group) and per_group.max() < c.small_threshold:
        n = int(per_group.max())
        sentences.append(
            _finding(
                f"Each {c.group_word} is represented by "
                f"{'a single article' if n == 1 else f'at most {n:,} articles'}: these differences "
                "describe the articles in this corpus, not the outlets' coverage in general, and no "
                "confidence interval can be given."
            )
        )
    return sentences


def _in_sentence(label: str) -> str:
    """An axis label inside a sentence: "The troops' exit" -> "the troops' exit", but a name
    keeps its capital ("Ukraine's capital", "Palestinian armed groups")."""
    first = label.split(" ", 1)[0]
    if first.endswith(("'s", "’s")) or first.endswith(("ian", "ean", "ese", "ish", "i")):
        return label
    return label[:1].lower() + label[1:]


def _finding(text: str, href: str | None = None, precision: dict | None = None) -> dict:
    return {"text": text, "href": href, "precision": precision}


def _strength(axis_rows: pd.DataFrame, dominant: pd.DataFrame, by: str) -> str:
    """How sure we can be of a split: do the position intervals of the two sides overlap?"""
    if "position_low" not in axis_rows or len(dominant["pole"].unique()) < 2:
        return ""
    first = axis_rows.drop_duplicates(by).set_index(by)
    sides: dict[str, list[tuple[float, float]]] = {}
    for r in dominant.itertuples():
        g = getattr(r, by)
        low, high = first.loc[g, "position_low"], first.loc[g, "position_high"]
        sides.setdefault(r.pole, []).append((low, high))
    if any(low != low for side in sides.values() for low, _ in side):
        return (
            "Some of these rest on too few articles for an interval, so they describe those "
            "articles only."
        )
    poles = list(sides)
    clear = all(
        h1 < l2 or h2 < l1
        for a, b in zip(poles, poles[1:])
        for l1, h1 in sides[a]
        for l2, h2 in sides[b]
    )
    if clear:
        return (
            "The 95% bootstrap intervals of the two sides do not overlap: a difference "
            "resampling articles does not erase."
        )
    return (
        "The 95% bootstrap intervals of the two sides overlap, so part of this difference "
        "could be chance."
    )


def _overview(c: Comparison, page: Page, rows: pd.DataFrame, lexicon) -> dict | None:
    if not len(rows):
        return None
    by = c.by
    two = {a.id: a for a in lexicon if len(a.poles) == 2}
    assert c.axis_ranking is not None  # set with the rows
    # the ten two-sided axes that rank first (framing.comparison.rank_axes)
    keep = [x for x in c.axis_ranking["axis"] if x in two][:10]
    if not keep:
        return None
    rows = (
        rows[rows["axis"].isin(keep) & (rows["axis_total"] > 0)]
        .drop_duplicates(["axis", by])
        .copy()
    )
    rows["left"] = rows["axis"].map(lambda i: two[i].poles[0].name)
    rows["right"] = rows["axis"].map(lambda i: two[i].poles[1].name)
    rows["axis_label"] = rows["axis"].map(lambda i: two[i].label)
    rows["outlet_name"] = rows["group_name"]
    rows["rank"] = rows["axis"].map({k: n for n, k in enumerate(keep)})
    rows = rows.sort_values("rank", kind="stable")
    present = set(rows["outlet_name"])
    fig = figures.axis_overview_figure(
        rows, outlet_order=[o for o in c.order if o in present], styles=page.styles
    )
    alt = "; ".join(
        f"{r.axis_label}: {r.outlet_name} "
        + (
            f"leans to '{r.left}'"
            if r.position > 0
            else f"leans to '{r.right}'"
            if r.position < 0
            else "is even"
        )
        + f" ({r.axis_total:,} terms)"
        for r in rows.itertuples()
    )
    return {"uri": figures.svg_data_uri(fig), "alt": "Framing positions. " + alt}
