"""Charts for the statistics: outlet map, dendrogram, distinctive terms, intervals.

Functions return matplotlib Figures built with the object-oriented API (no pyplot), in the
report's style: each group in its own colour and marker (:func:`~framing.figures.group_styles`,
the same in every chart of a page), everything else in greys and patterns, and every point named
or in a legend, so nothing depends on colour alone. Render one with :func:`framing.figures.to_svg`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy.cluster.hierarchy import dendrogram

from ..stats.outlet_map import outlet_linkage, profile_features
from .core import (
    HATCHES,
    MARKERS,
    OTHER_COLOUR,
    PALETTE,
    SMALL,
    GroupStyle,
    _figure,
    _short,
    _style,
    _style_of,
    _text_width,
    group_styles,
)

__all__ = ["outlet_map_figure", "dendrogram_figure", "distinctive_terms_figure", "intervals_figure"]

#: markers (1/72 in) whose centres are closer than this hide each other (the largest marker is
#: about 7 points across): they are spread round their common centre, each with a thin line to
#: its true place, and named by one label. Markers further apart overlap at most in part and
#: stay where they are.
_TOUCHING = 5.0


def _label_styles(labels) -> dict:
    values = list(dict.fromkeys(str(v) for v in labels))
    return {
        v: GroupStyle(PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)])
        for i, v in enumerate(values)
    }


def _clusters_2d(points: np.ndarray, radius: float, order) -> list[list[int]]:
    """``points`` (n × 2, in points) grouped round seeds: in ``order``, each point joins the
    nearest earlier seed closer than ``radius`` or becomes a seed. A group is never wider than
    2 × ``radius`` (single linkage would chain a dense map into one sprawling group)."""
    seeds: list[int] = []
    groups: list[list[int]] = []
    for i in order:
        if seeds:
            d = np.hypot(*(points[seeds] - points[i]).T)
            k = int(np.argmin(d))
            if d[k] < radius:
                groups[k].append(int(i))
                continue
        seeds.append(int(i))
        groups.append([int(i)])
    return groups


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _join_names(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" + {len(names) - limit:,} more" if len(names) > limit else "")


def outlet_map_figure(
    coords: pd.DataFrame,
    *,
    labels: pd.Series | dict | None = None,
    annotate: int = 25,
    title: str = "",
    styles: dict[str, GroupStyle] | None = None,
) -> Figure:
    """Scatter of an :func:`~framing.stats.outlet_map.outlet_map`: one point per outlet.

    styles : each outlet's colour and marker (:func:`~framing.figures.group_styles`); by
        default the outlets' own, most articles first — unless ``labels`` are given without
        ``styles``, when colour and marker show the label instead (with a legend).
    labels : optional outside label per outlet (e.g. leaning); with ``styles`` it is named in
        brackets after the outlet's name.
    annotate : name the ``annotate`` outlets with the most articles (all, if fewer).

    Outlets that would be drawn on top of each other (closer than a marker) are spread round
    their common centre, each with a thin line to its true place, and named by one label
    ("A, B"); labels are placed where they overlap no other label or marker.
    """
    name = coords.columns[0]
    groups = coords[name].astype(str).to_numpy()
    sizes = (
        coords["n_articles"].to_numpy(dtype=float)
        if "n_articles" in coords
        else np.full(len(groups), 10.0)
    )
    by_size = np.argsort(-sizes, kind="stable")
    outside = (
        pd.Series(labels).reindex(groups).fillna("(unlabelled)").astype(str).to_numpy()
        if labels is not None
        else None
    )
    colour_by_label = outside is not None and styles is None
    if outside is not None and colour_by_label:
        label_styles = _label_styles(sorted(set(outside)))
        point_styles = [label_styles[v] for v in outside]
    else:
        styles = styles or group_styles(groups[by_size])
        point_styles = [_style_of(styles, g) for g in groups]
    x, y = coords["x"].to_numpy(dtype=float), coords["y"].to_numpy(dtype=float)
    width_in, height_in = 7.2, 5.6
    rect = (0.1, 0.1, 0.86, 0.8)
    ax_w, ax_h = rect[2] * width_in * 72, rect[3] * height_in * 72  # in points

    def limits(v):
        lo, hi = (float(np.min(v)), float(np.max(v))) if len(v) else (0.0, 0.0)
        pad = 0.1 * (hi - lo) if hi > lo else 1.0
        return lo - pad, hi + pad

    (x0, x1), (y0, y1) = limits(x), limits(y)
    sx, sy = ax_w / (x1 - x0), ax_h / (y1 - y0)  # points per data unit
    pts = np.column_stack([(x - x0) * sx, (y - y0) * sy])
    clusters = _clusters_2d(pts, _TOUCHING, by_size)
    shown = pts.copy()  # where each marker is drawn (in points)
    extent = {}  # cluster index → radius its markers take round its centre
    for c, members in enumerate(clusters):
        members.sort(key=lambda i: (-sizes[i], groups[i]))
        if len(members) == 1:
            extent[c] = 5.0
            continue
        centre = pts[members].mean(axis=0)
        ring = max(7.0, 9.0 * len(members) / (2 * math.pi))
        for k, i in enumerate(members):
            angle = math.pi / 2 - 2 * math.pi * k / len(members)
            shown[i] = centre + ring * np.array([math.cos(angle), math.sin(angle)])
        extent[c] = ring + 5.0
    named = set(by_size[:annotate].tolist())

    def label_of(i):
        text = _short(groups[i], 22)
        if outside is not None and not colour_by_label:
            text += f" ({_short(outside[i], 16)})"
        return text

    with _style():
        fig = _figure(width_in, height_in)
        ax = fig.add_axes(rect)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        # a line from each spread marker to its true place
        for i in range(len(groups)):
            if not np.allclose(shown[i], pts[i]):
                ax.plot(
                    [x[i], x0 + shown[i, 0] / sx],
                    [y[i], y0 + shown[i, 1] / sy],
                    color="#777777",
                    lw=0.6,
                    zorder=1,
                )
                ax.scatter([x[i]], [y[i]], s=4, color="black", zorder=1)
        # one collection per style (one marker definition each in the SVG), largest points first
        # so a small outlet is drawn over a large one, never hidden by it
        by_style: dict = {}
        for i in by_size:
            by_style.setdefault(tuple(point_styles[i]), []).append(i)
        for (colour, marker), group in by_style.items():
            idx = np.asarray(group)
            ax.scatter(
                x0 + shown[idx, 0] / sx,
                y0 + shown[idx, 1] / sy,
                s=14 + 40 * np.sqrt(sizes[idx] / max(1.0, sizes.max())),
                color=colour,
                marker=marker,
                edgecolor="black",
                linewidth=0.4,
                alpha=0.9,
                zorder=2 if colour == OTHER_COLOUR else 3,
            )
        # labels, biggest clusters first, each where it covers no marker and no earlier label
        boxes = [(p[0] - 4, p[1] - 4, p[0] + 4, p[1] + 4) for p in shown]
        placed: list[tuple[float, float, float, float]] = []
        order = sorted(range(len(clusters)), key=lambda c: -max(sizes[i] for i in clusters[c]))
        for c in order:
            members = [i for i in clusters[c] if i in named]
            if not members:
                continue
            text = _join_names([label_of(i) for i in members])
            w, h = _text_width(text, SMALL) + 2, SMALL + 2
            cx, cy = pts[clusters[c]].mean(axis=0)
            r = extent[c] + 2
            candidates = [
                (r, -h / 2, "left"),
                (-r, -h / 2, "right"),
                (r * 0.7, r * 0.7, "left"),
                (-r * 0.7, r * 0.7, "right"),
                (r * 0.7, -r * 0.7 - h, "left"),
                (-r * 0.7, -r * 0.7 - h, "right"),
                (-w / 2, r, "center"),
                (-w / 2, -r - h, "center"),
            ]
            best, best_cost = None, None
            for dx, dy, ha in candidates:
                left = cx + dx - (w if ha == "right" else 0) if ha != "center" else cx + dx
                box = (left, cy + dy, left + w, cy + dy + h)
                inside = box[0] >= 0 and box[1] >= 0 and box[2] <= ax_w and box[3] <= ax_h
                cost = sum((_overlap(box, b) for b in placed), 0.0) * 4 + sum(
                    (_overlap(box, b) for k, b in enumerate(boxes) if k not in clusters[c]), 0.0
                )
                cost += 0 if inside else 1e6
                if best_cost is None or cost < best_cost:
                    best, best_cost = (box, ha), cost
                if cost == 0:
                    break
            assert best is not None  # there is always a candidate
            box, ha = best
            placed.append(box)
            anchor_x = {"left": box[0], "right": box[2], "center": (box[0] + box[2]) / 2}[ha]
            ax.text(
                x0 + anchor_x / sx,
                y0 + (box[1] + box[3]) / 2 / sy,
                text,
                ha=ha,
                va="center",
                fontsize=SMALL,
                zorder=4,
            )
        method = coords.attrs.get("method", "")
        evr = coords.attrs.get("explained_variance_ratio")
        if method == "pca" and evr:
            ax.set_xlabel(f"component 1 ({evr[0]:.0%} of variance)")
            ax.set_ylabel(f"component 2 ({evr[1]:.0%} of variance)" if len(evr) > 1 else "")
        else:
            ax.set_xlabel(f"{method.upper()} dimension 1")
            ax.set_ylabel(f"{method.upper()} dimension 2")
        if colour_by_label:
            for value, (colour, marker) in label_styles.items():
                ax.scatter(
                    [],
                    [],
                    color=colour,
                    marker=marker,
                    edgecolor="black",
                    linewidth=0.4,
                    label=value,
                )
            handles = ax.collections[-len(label_styles) :]
            ax.legend(handles=handles, fontsize=SMALL, frameon=False, loc="best")
        ax.set_title(
            title or f"Outlets by framing profile ({len(groups):,} outlets; closer = more alike)",
            fontsize=9,
            loc="left",
        )
    return fig


def dendrogram_figure(
    profiles: pd.DataFrame,
    *,
    method: str = "ward",
    labels: pd.Series | dict | None = None,
    title: str = "",
    styles: dict[str, GroupStyle] | None = None,
) -> Figure:
    """Hierarchical clustering of outlet profiles, drawn from SciPy's dendrogram coordinates.

    Each leaf ends in its outlet's marker, in its ``styles`` colour (by default the outlets'
    own, most articles first) — unless ``labels`` are given without ``styles``, when the names
    are coloured by label, with a legend. With ``styles``, a label is named in brackets.
    """
    features = profile_features(profiles)
    Z = outlet_linkage(profiles, method=method)
    tree = dendrogram(Z, no_plot=True, labels=[str(i) for i in features.index])
    leaves = tree["ivl"]
    lab = (
        pd.Series(labels).reindex(leaves).fillna("(unlabelled)").astype(str).to_numpy()
        if labels is not None
        else None
    )
    colour_by_label = lab is not None and styles is None
    if not colour_by_label and styles is None:
        order = (
            profiles["n_articles"].sort_values(ascending=False, kind="stable").index
            if "n_articles" in profiles
            else features.index
        )
        styles = group_styles([str(i) for i in order])
    names = [
        _short(v, 30)
        + (f" ({_short(lab[k], 16)})" if lab is not None and not colour_by_label else "")
        for k, v in enumerate(leaves)
    ]
    height = max(3.0, 1.0 + 0.17 * len(leaves))
    left = min(3.0, max([_text_width(t, SMALL) for t in names] + [30]) / 72 + 0.35)
    with _style():
        fig = _figure(7.2, height)
        ax = fig.add_axes((left / 7.2, 0.6 / height, (7.2 - left - 0.25) / 7.2, 1 - 1.0 / height))
        for xs, ys in zip(tree["icoord"], tree["dcoord"]):
            ax.plot(ys, xs, color="#444444", lw=0.8)  # horizontal tree: leaves on the left
        ax.set_ylim(0, 10 * len(leaves))
        ax.set_yticks(5 + 10 * np.arange(len(leaves)))
        ax.set_yticklabels(names, fontsize=SMALL)
        if lab is not None and colour_by_label:
            label_styles = _label_styles(sorted(set(lab)))
            for tick, value in zip(ax.get_yticklabels(), lab):
                colour = label_styles[value].colour
                tick.set_color(colour if colour != PALETTE[6] else "#8a7a00")
            for value, (colour, marker) in label_styles.items():
                ax.scatter([], [], color=colour, marker=marker, label=value)
            ax.legend(fontsize=SMALL, frameon=False, loc="upper right")
        else:
            assert styles is not None  # set above unless colouring by label
            by_style: dict = {}
            for k, leaf in enumerate(leaves):
                by_style.setdefault(tuple(_style_of(styles, leaf)), []).append(k)
            for (colour, marker), ks in by_style.items():
                ax.scatter(
                    np.zeros(len(ks)),
                    5 + 10 * np.asarray(ks),
                    s=36,
                    color=colour,
                    marker=marker,
                    edgecolor="black",
                    linewidth=0.5,
                    zorder=3,
                    clip_on=False,
                )
            ax.tick_params(axis="y", pad=8)
        ax.set_xlabel(f"distance between profiles ({method} linkage)")
        ax.set_title(title or "Outlets clustered by framing profile", fontsize=9, loc="left")
    return fig


def distinctive_terms_figure(
    table: pd.DataFrame, group: str, *, by: str = "group", top: int = 15, title: str = ""
) -> Figure:
    """Bars of ``z_doc`` for one group's top terms, with the split-half null line.

    Solid bars are significant (q ≤ FDR and beyond the null line); hatched ones are not. Each bar
    is labelled with the counts behind it (group : rest).
    """
    sub = table[table[by] == group].head(top)
    n = max(1, len(sub))
    with _style():
        fig = _figure(7.2, 0.9 + 0.3 * n)
        ax = fig.add_axes((0.3, 0.5 / (0.9 + 0.3 * n), 0.55, 0.3 * n / (0.9 + 0.3 * n)))
        y = np.arange(len(sub))
        sig = sub["significant"].to_numpy(bool)
        # greys and a pattern: on a page, colour belongs to the groups
        ax.barh(y[sig], sub["z_doc"].to_numpy()[sig], color="#444444", label="significant")
        ax.barh(
            y[~sig],
            sub["z_doc"].to_numpy()[~sig],
            color="white",
            edgecolor="#777777",
            hatch=HATCHES[1],
            label="not significant",
        )
        for yi, r in zip(y, sub.itertuples()):
            ax.text(
                max(r.z_doc, 0) + 0.1,
                float(yi),
                f"{r.count_group:,} : {r.count_rest:,}",
                va="center",
                fontsize=SMALL,
            )
        null = sub["null_max_abs_z"].iloc[0] if len(sub) else np.nan
        if np.isfinite(null):
            ax.axvline(null, color="black", ls="--", lw=0.8, label="largest |z| by chance")
        ax.set_yticks(y)
        ax.set_yticklabels([_short(t, 30) for t in sub["term"]])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlabel("z (document-level) — label: uses in this group : in the rest")
        ax.legend(fontsize=SMALL, frameon=False, loc="lower right")
        ax.set_title(title or f"Terms distinctive of {_short(group, 40)}", fontsize=9, loc="left")
    return fig


def intervals_figure(
    table: pd.DataFrame,
    *,
    by: str = "outlet",
    estimate: str = "estimate",
    low: str = "ci_low",
    high: str = "ci_high",
    max_groups: int = 30,
    xlabel: str = "",
    title: str = "",
    styles: dict[str, GroupStyle] | None = None,
) -> Figure:
    """Dot and whisker per group: the estimate and its interval, largest groups first.

    Groups without an interval (one article with data) get an open marker and the words
    "no interval", so a lone article never looks precise. With ``styles`` each group's dot is
    in its colour and marker; without, all are dark grey.
    """
    sub = table.dropna(subset=[estimate])
    if "n_articles" in sub:
        sub = sub.sort_values("n_articles", ascending=False, kind="stable")
    sub = sub.head(max_groups)
    n = max(1, len(sub))
    with _style():
        fig = _figure(7.2, 0.9 + 0.28 * n)
        ax = fig.add_axes((0.3, 0.5 / (0.9 + 0.28 * n), 0.62, 0.28 * n / (0.9 + 0.28 * n)))
        y = np.arange(len(sub))
        est = sub[estimate].to_numpy(float)
        lo, hi = sub[low].to_numpy(float), sub[high].to_numpy(float)
        has = np.isfinite(lo) & np.isfinite(hi)
        for k in range(len(sub)):
            colour, marker = _style_of(styles, str(sub[by].iloc[k])) if styles else ("#333333", "o")
            if has[k]:
                ax.errorbar(
                    [est[k]],
                    [y[k]],
                    xerr=[[est[k] - lo[k]], [hi[k] - est[k]]],
                    fmt=marker,
                    color=colour,
                    ecolor=colour,
                    capsize=2,
                    ms=4.5,
                    markeredgecolor="black",
                    markeredgewidth=0.4,
                )
            else:
                ax.scatter(
                    [est[k]],
                    [y[k]],
                    facecolor="white",
                    edgecolor=colour,
                    marker="D",
                    s=20,
                    zorder=3,
                )
                ax.text(
                    est[k], y[k] + 0.35, "no interval", fontsize=SMALL, color="#555555", ha="center"
                )
        labels = [
            f"{_short(g, 26)} (n={int(k):,})" if "n_articles" in sub else _short(g, 30)
            for g, k in zip(sub[by], sub["n_articles"] if "n_articles" in sub else y)
        ]
        ax.set_yticks(y)
        ax.set_yticklabels(labels, fontsize=SMALL)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlabel(xlabel or estimate)
        ax.set_title(title, fontsize=9, loc="left")
    return fig
