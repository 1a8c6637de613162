"""Charts as functions returning matplotlib Figures, so notebook users can restyle them.

No pyplot: figures are built with the object-oriented API, so nothing here touches global state
or needs a display. :func:`to_svg` renders one deterministically (fixed hash salt, no date) for
embedding in the report.

Colour means one thing on a page: the outlet (or group). :func:`group_styles` gives every group
one colour and one marker, from the Okabe–Ito colour-blind-safe palette, and every chart of the
page draws that group in them. Anything else a chart tells apart (the labels of an axis, verb
classes, significance) is told by hatching, position and text, never by another palette, and
values in a heat map are shades of grey. No meaning rests on colour alone: each group is also
named beside its bar or marker.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import quote

import matplotlib.dates
import numpy as np
import pandas as pd
from markupsafe import Markup
from matplotlib import colormaps, rc_context
from matplotlib.colors import ListedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.textpath import text_to_path

__all__ = [
    "PALETTE",
    "OTHER_COLOUR",
    "HATCHES",
    "MARKERS",
    "GroupStyle",
    "group_styles",
    "tint",
    "axis_overview_figure",
    "axis_shares_figure",
    "heatmap_figure",
    "to_svg",
    "svg_data_uri",
    "FONT_STACK",
    "over_time_figure",
]

#: Okabe & Ito (2008), "Color Universal Design": one colour per group, in page order
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: the colour of every group past the palette's eight: grey, told apart by name and marker only.
#: With 200 outlets, the eight with most articles get the palette and the other 192 are grey.
OTHER_COLOUR = "#8c8c8c"
#: patterns for what a chart distinguishes within a group (an axis's labels): lines only, since
#: a dotted hatch is drawn as hundreds of tiny circles and made each chart ~100 KB
HATCHES = ["", "///", "\\\\\\", "xxx", "---", "|||", "+++", "//--"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
#: what the SVG's text is shown in: DejaVu Sans first, whose widths the layout was computed
#: with, then fonts of about its width, so no label outgrows the space it was given
FONT_STACK = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Geneva, Arial, Helvetica, sans-serif"
#: the smallest text any chart uses, in points (11.3 CSS px at a chart's own size): where the page
#: shrinks a 730 px chart to its narrowest, 600 px, it is still 9.3 px
SMALL = 8.5

_STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller files, selectable, searchable
    "svg.hashsalt": "framing",  # deterministic ids
    "text.parse_math": False,  # "$" in an outlet name is a dollar sign, not TeX
    "font.family": "sans-serif",
    "font.size": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 1.0,
}


class GroupStyle(NamedTuple):
    """How one group (an outlet, a leaning …) is drawn in every chart of a page."""

    colour: str
    marker: str


def group_styles(groups: Iterable[str]) -> dict[str, GroupStyle]:
    """Each group's colour and marker, by its place in ``groups`` (the page's order: most
    articles first), so the same group looks the same in every chart.

    The first eight get the eight palette colours; the rest get :data:`OTHER_COLOUR`. Markers
    cycle through :data:`MARKERS` for all of them.

    >>> s = group_styles(["A", "B"] + [f"o{i}" for i in range(198)])
    >>> s["A"], s["B"].colour, len({v.colour for v in s.values()})
    (GroupStyle(colour='#0072B2', marker='o'), '#E69F00', 9)
    """
    out: dict[str, GroupStyle] = {}
    for group in groups:
        if group in out:
            continue
        k = len(out)
        out[group] = GroupStyle(
            PALETTE[k] if k < len(PALETTE) else OTHER_COLOUR, MARKERS[k % len(MARKERS)]
        )
    return out


def _style_of(styles: dict[str, GroupStyle], group: str) -> GroupStyle:
    return styles.get(group) or GroupStyle(OTHER_COLOUR, "o")


def tint(colour: str, amount: float = 0.6) -> tuple[float, float, float]:
    """``colour`` mixed with ``amount`` of white: the same hue, lighter (a hatched segment's fill)."""
    r, g, b = to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _figure(width: float, height: float) -> Figure:
    with _style():
        fig = Figure(figsize=(width, height), dpi=100)
    return fig


def _style():
    """The charts' rc settings for the ``with`` block that draws (and saves) one figure; the
    caller's matplotlib settings are as they were afterwards."""
    return rc_context(_STYLE)


def _short(text: str, n: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width in points of ``text`` as matplotlib lays it out (no renderer needed)."""
    with _style():
        prop = FontProperties(size=size, weight=weight)
        width, _, _ = text_to_path.get_text_width_height_descent(str(text), prop, ismath=False)
    return width


def _clusters_1d(xs: list[float], gap: float) -> list[list[int]]:
    """Indices of sorted ``xs`` chained into groups whose neighbours are closer than ``gap``."""
    groups: list[list[int]] = []
    for i, x in enumerate(xs):
        if groups and x - xs[groups[-1][-1]] < gap:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def axis_overview_figure(
    positions: pd.DataFrame,
    *,
    outlet_order: list[str] | None = None,
    label_points: bool = True,
    styles: dict[str, GroupStyle] | None = None,
) -> Figure:
    """Dot plot: each two-pole axis a row, each outlet's position from one pole to the other.

    ``positions`` has columns ``axis_label``, ``left``, ``right`` (pole names), ``outlet_name``,
    ``position`` (+1 = all left pole, −1 = all right pole) and ``axis_total`` (hits); optionally
    ``position_low`` and ``position_high`` (a 95% interval, drawn as a bar). Outlets at the same
    or nearby positions are stacked one above the other, never drawn on top of each other, so
    every marker and label stays visible. Each outlet is drawn in its ``styles`` colour and
    marker (by default :func:`group_styles` of ``outlet_order``); up to eight outlets are named
    beside their markers, more are told apart by the legend (the eight largest in colour, the
    rest in grey).
    """
    axes_rows = list(dict.fromkeys(positions["axis_label"]))
    outlets = outlet_order or list(dict.fromkeys(positions["outlet_name"]))
    styles = styles or group_styles(outlets)
    labelled = label_points and len(outlets) <= len(PALETTE)
    width = 7.6
    # the pole names sit either side of the axes: give them the room they need
    poles = [_short(v, 22) for v in list(positions["left"]) + list(positions["right"])]
    side = max([_text_width(p, 9, "bold") for p in poles] + [40.0]) / 72 + 0.2
    side = min(side, 2.0)
    ax_w = width - 2 * side
    per_unit = ax_w * 72 / 2.24  # points per unit of position (x limits −1.12 … 1.12)

    rows = []
    for label in axes_rows:
        sub = positions[positions["axis_label"] == label]
        points = []
        for outlet in outlets:
            hit = sub[sub["outlet_name"] == outlet]
            if hit.empty or not np.isfinite(hit["position"].iloc[0]):
                continue
            low = hit["position_low"].iloc[0] if "position_low" in hit else np.nan
            high = hit["position_high"].iloc[0] if "position_high" in hit else np.nan
            # x is flipped so the first pole sits on the left of the chart
            points.append(
                (
                    -float(hit["position"].iloc[0]),
                    outlet,
                    int(hit["axis_total"].iloc[0]),
                    -float(high),
                    -float(low),
                )
            )
        points.sort(key=lambda p: (p[0], outlets.index(p[1])))
        texts = [f"{_short(o, 18)} ({n:,})" for _, o, n, _, _ in points]
        if labelled:  # a label must clear the next marker along: chain points closer than it
            gap = (max([_text_width(t, SMALL) for t in texts] + [0]) + 14) / per_unit
        else:
            gap = 12 / per_unit  # about a marker's width
        clusters = _clusters_1d([p[0] for p in points], gap)
        rows.append((label, sub, points, texts, clusters))
    k_max = max([len(c) for *_, clusters in rows for c in clusters] + [1])

    pitch = 0.17 if labelled else 0.12  # inches between stacked markers
    if not labelled and k_max > 12:
        pitch = max(0.07, 1.5 / k_max)  # many outlets on one spot: a denser stack, still apart
    stack_h = k_max * pitch
    row_h = stack_h + 0.45  # the stack, the axis's name above it, a gap
    above = (stack_h / 2 + 0.3) / row_h  # in row units: room for the axis's name
    below = (stack_h / 2 + 0.12) / row_h
    coloured = [o for o in outlets if _style_of(styles, o).colour != OTHER_COLOUR]
    n_others = len(outlets) - len(coloured)
    names = [_short(o, 30) for o in coloured]
    if n_others:
        names.append(f"{n_others:,} other{'s' if n_others != 1 else ''} (grey)")
    # as many legend columns as fit the width: marker, gap, name, column gap
    entry_w = max([_text_width(t, SMALL) for t in names] + [10]) + 5 * SMALL
    ncol = max(1, min(4, len(names), int((width - 0.3) * 72 // entry_w)))
    legend_h = 0.25 * math.ceil(len(names) / ncol) + 0.1
    ax_h = row_h * (len(axes_rows) - 1 + above + below)
    height = 0.15 + ax_h + 0.4 + legend_h
    with _style():
        fig = _figure(width, height)
        ax = fig.add_axes((side / width, (0.4 + legend_h) / height, ax_w / width, ax_h / height))
        ax.set_xlim(-1.12, 1.12)
        ax.set_ylim(len(axes_rows) - 1 + below, -above)
        ax.set_yticks([])
        ax.set_xticks([-1, 0, 1])
        ax.set_xticklabels(
            ["only left label", "half and half", "only right label"],
            fontsize=SMALL,
            color="#555555",
        )
        ax.spines["left"].set_visible(False)
        ax.axvline(0, color="#bbbbbb", lw=0.8, ls=":", zorder=0)
        step = pitch / row_h
        for row, (label, sub, points, texts, clusters) in enumerate(rows):
            left, right = sub["left"].iloc[0], sub["right"].iloc[0]
            ax.hlines(row, -1, 1, color="#cccccc", lw=1.2, zorder=0)
            ax.text(
                -1.15,
                row,
                _short(left, 22),
                ha="right",
                va="center",
                fontsize=9,
                fontweight="bold",
                clip_on=False,
            )
            ax.text(
                1.15,
                row,
                _short(right, 22),
                ha="left",
                va="center",
                fontsize=9,
                fontweight="bold",
                clip_on=False,
            )
            ax.text(
                0,
                row - (stack_h / 2 + 0.17) / row_h,
                _short(label, 70),
                ha="center",
                va="center",
                fontsize=SMALL,
                color="#444444",
                style="italic",
            )
            for cluster in clusters:
                k = len(cluster)
                for slot, i in enumerate(cluster):
                    x, outlet, n, lo, hi = points[i]
                    y = row + (slot - (k - 1) / 2) * step
                    colour, marker = _style_of(styles, outlet)
                    grey = colour == OTHER_COLOUR
                    if np.isfinite(lo) and np.isfinite(hi):  # the 95% bootstrap interval
                        ax.hlines(y, lo, hi, color=colour, lw=2.2, alpha=0.55, zorder=2)
                    ax.scatter(
                        [x],
                        [y],
                        s=30 if grey else 55,
                        marker=marker,
                        color=colour,
                        edgecolor="black",
                        linewidth=0.5,
                        zorder=2 if grey else 3,
                        label=outlet,
                    )
                    if labelled:
                        inward = x > 0.3  # label towards the middle, clear of the pole names
                        ax.annotate(
                            texts[i],
                            (x, y),
                            xytext=(-7 if inward else 7, 0),
                            textcoords="offset points",
                            ha="right" if inward else "left",
                            va="center",
                            fontsize=SMALL,
                        )
        handles = [
            ax.scatter(
                [],
                [],
                s=45,
                marker=_style_of(styles, o).marker,
                color=_style_of(styles, o).colour,
                edgecolor="black",
                linewidth=0.5,
            )
            for o in coloured
        ]
        if n_others:
            handles.append(
                ax.scatter(
                    [], [], s=30, marker="o", color=OTHER_COLOUR, edgecolor="black", linewidth=0.5
                )
            )
        if handles:
            fig.legend(
                handles,
                names,
                loc="lower center",
                ncol=ncol,
                fontsize=SMALL,
                frameon=False,
                bbox_to_anchor=(0.5, 0.0),
                borderaxespad=0.1,
            )
    return fig


def axis_shares_figure(
    table: pd.DataFrame,
    *,
    poles: list[str],
    outlets: list[str],
    title: str = "",
    styles: dict[str, GroupStyle] | None = None,
) -> Figure:
    """Horizontal stacked bars: per outlet, the share of each pole, each segment labelled.

    ``table`` has one row per (outlet_name, pole) with ``count`` and ``share``. A bar is drawn in
    its outlet's colour (``styles``, by default :func:`group_styles` of ``outlets``); the poles
    are told apart by position (in the order of ``poles``), by hatching (the first solid, the
    others lighter and hatched, as the legend shows) and by the name in each segment.
    """
    styles = styles or group_styles(outlets)
    n = len(outlets)
    names = [_short(o, 28) for o in outlets]
    keys = [_short(p, 24) for p in poles]
    left_in = min(2.6, max([_text_width(t, 9) for t in names] + [30]) / 72 + 0.25)
    ax_w = 7.6 - left_in - 0.25
    # the legend of patterns sits above the bars in as many columns as fit, the title above it
    key_w = max([_text_width(k, SMALL) for k in keys] + [10]) + 4.8 * SMALL
    ncol = max(1, min(len(keys), int(ax_w * 72 // key_w)))
    top_in = 0.12 + 0.2 * math.ceil(len(keys) / ncol) + (0.25 if title else 0)
    height = 0.55 + top_in + 0.42 * max(1, n)
    with _style():
        fig = _figure(7.6, height)
        ax = fig.add_axes((left_in / 7.6, 0.55 / height, ax_w / 7.6, 0.42 * max(1, n) / height))
        lefts = np.zeros(n)
        for j, pole in enumerate(poles):
            shares, counts = [], []
            for outlet in outlets:
                row = table[(table["outlet_name"] == outlet) & (table["pole"] == pole)]
                share = (
                    float(row["share"].iloc[0])
                    if len(row) and np.isfinite(row["share"].iloc[0])
                    else 0.0
                )
                shares.append(share)
                counts.append(int(row["count"].iloc[0]) if len(row) else 0)
            hatch = HATCHES[j % len(HATCHES)]
            for i, outlet in enumerate(outlets):
                if shares[i] <= 0:
                    continue
                colour = _style_of(styles, outlet).colour
                # the hatch is drawn in the edge colour: the outlet's own, on a lighter fill
                bar = ax.barh(
                    i,
                    shares[i],
                    left=lefts[i],
                    color=colour if j == 0 else tint(colour),
                    hatch=hatch or None,
                    edgecolor=colour,
                    linewidth=0,
                )
                bar.patches[0].set_label(
                    outlet
                )  # which outlet a segment is, for readers of the Figure
                # a white rule between segments
                ax.barh(i, shares[i], left=lefts[i], fill=False, edgecolor="white", linewidth=1.0)
                if shares[i] >= 0.12:
                    ax.text(
                        lefts[i] + shares[i] / 2,
                        i,
                        f"{_short(pole, 14)} {counts[i]:,}",
                        ha="center",
                        va="center",
                        fontsize=SMALL,
                        color="black",
                        bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85),
                    )
            lefts += np.asarray(shares)
        for i in range(n):
            if lefts[i] == 0:
                ax.text(0.01, i, "no hits", va="center", fontsize=SMALL, color="#555555")
        ax.set_yticks(range(n))
        ax.set_yticklabels(names)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
        ax.set_xticklabels(["0%", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("share of this axis's terms")
        # the legend explains the patterns, in a neutral grey: colours belong to the outlets
        swatches = [
            Patch(
                facecolor="#555555" if j == 0 else tint("#555555"),
                edgecolor="#555555",
                hatch=HATCHES[j % len(HATCHES)] or None,
                linewidth=0,
                label=key,
            )
            for j, key in enumerate(keys)
        ]
        legend = ax.legend(
            handles=swatches,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=ncol,
            fontsize=SMALL,
            frameon=False,
            borderaxespad=0.2,
        )
        if title:
            fig.text(left_in / 7.6, 1 - 0.08 / height, title, fontsize=9, ha="left", va="top")
        legend.set_in_layout(False)
    return fig


_TAG = re.compile(r"<[^<>]+>")  # matplotlib escapes < and > in text, so this is always a tag
# coordinates only: a transform's scale or matrix must keep its digits
_COORD_ATTR = re.compile(r'\s(d|x|y)="([^"]*)"')
_LONG_NUMBER = re.compile(r"(-?\d+\.\d)\d+")
_FONT_FAMILY = re.compile(r"\s*font-family:[^;\"]*;?")
_NO_ROTATION = re.compile(r'\stransform="rotate\(-?0 [^")]*\)"')
_G_ID = re.compile(r'^<g id="[^"]*"')


def _compact_tag(tag: str) -> str:
    if tag.startswith(("<text ", "<tspan ")):
        tag = _FONT_FAMILY.sub("", tag)  # one rule in the SVG's <style> instead
        tag = _NO_ROTATION.sub("", tag)
    if tag.startswith("<g id="):
        tag = _G_ID.sub("<g", tag)  # matplotlib's artist names; <g> ids are never referenced
    return _COORD_ATTR.sub(_round_coordinates, tag)


def _round_coordinates(m: re.Match) -> str:
    value = _LONG_NUMBER.sub(r"\1", " ".join(m.group(2).split()))
    return " " + m.group(1) + '="' + value + '"'


def to_svg(fig: Figure) -> str:
    """The figure as an SVG document string, byte-identical for identical figures.

    Text is SVG text in :data:`FONT_STACK` (no embedded glyphs). Coordinates are rounded to
    0.1 pt (invisible at any zoom a reader uses) and artist ids dropped, which makes charts
    about half as large; only tags are rewritten, so text and labels are left exactly as drawn.
    """
    buf = io.StringIO()
    with _style():
        fig.savefig(
            buf,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    svg = _TAG.sub(lambda m: _compact_tag(m.group(0)), buf.getvalue())
    return svg.replace(
        '<style type="text/css">*{',
        '<style type="text/css">text{font-family: ' + FONT_STACK + "}\n*{",
        1,
    )


_PREAMBLE = re.compile(r"^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>)?\s*")


def svg_data_uri(fig: Figure) -> Markup:
    """A ``data:`` URI for an ``<img>``: inline, offline, and an SVG shown this way runs no script.

    Percent-encoded rather than base64: about a quarter smaller for SVG's mostly-ASCII text.
    Every character that could end an HTML attribute or start an entity (``" ' < > &``) is
    percent-encoded, so the URI goes into the page as it is (``Markup``), without a second
    layer of HTML escaping.
    """
    svg = _PREAMBLE.sub("", re.sub(r">\s+<", "><", to_svg(fig)).strip())
    uri = "data:image/svg+xml;charset=utf-8," + quote(svg, safe=" /:=;,.-_()!*+@?$~")
    assert not set(uri) & set("\"'<>&")  # quote() encodes them; the Markup below relies on it
    return Markup(uri)


def heatmap_figure(
    matrix: pd.DataFrame,
    *,
    value_format: str = "{:,.1f}",
    title: str = "",
    colorbar_label: str = "",
    styles: dict[str, GroupStyle] | None = None,
) -> Figure:
    """Rows × columns heat map with every value printed in its cell (no meaning by colour alone).

    Values are shades of grey (white to black), so no hue competes with the groups' colours;
    with ``styles`` (group → :class:`GroupStyle`) each row's group gets its marker beside its
    name. The scale is a horizontal bar under the grid, labelled ``colorbar_label``.
    """
    n_rows, n_cols = matrix.shape
    cell_h = 0.32
    width = 7.6
    rows = [_short(r, 30) for r in matrix.index]
    cols = [_short(c, 24) for c in matrix.columns]
    marker_room = 0.2 if styles else 0.0
    left = min(
        2.6, max([_text_width(r, SMALL + 0.5) for r in rows] + [30]) / 72 + 0.2 + marker_room
    )
    # column names are turned 30°: the top needs their height, the right the last one's overhang
    col_w = [_text_width(c, SMALL) for c in cols] or [0]
    top_margin = max(col_w) * 0.5 / 72 + 0.35 + (0.25 if title else 0)
    grid_w_guess = width - left - 0.4
    overhang = col_w[-1] * 0.87 / 72 - grid_w_guess / max(1, n_cols) / 2
    right = max(0.3, overhang + 0.15)
    bottom = 0.75 if colorbar_label else 0.2
    height = top_margin + bottom + cell_h * max(1, n_rows)
    with _style():
        fig = _figure(width, height)
        grid_w = width - left - right
        ax = fig.add_axes(
            (left / width, bottom / height, grid_w / width, cell_h * max(1, n_rows) / height)
        )
        values = matrix.to_numpy(dtype=float)
        finite = values[np.isfinite(values)]
        top = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        # from white to a dark grey (not black: the printed values stay readable on it)
        greys = ListedColormap(colormaps["Greys"](np.linspace(0.0, 0.85, 256)))
        im = ax.imshow(np.nan_to_num(values), cmap=greys, vmin=0, vmax=top, aspect="auto")
        for i in range(n_rows):
            for j in range(n_cols):
                v = values[i, j]
                text = value_format.format(v) if np.isfinite(v) else "–"
                ax.text(
                    j,
                    i,
                    text,
                    ha="center",
                    va="center",
                    fontsize=SMALL,
                    color="white" if np.isfinite(v) and v > 0.5 * top else "black",
                )
        ax.xaxis.tick_top()
        ax.set_xticks(range(n_cols))
        ax.set_xticklabels(cols, rotation=30, ha="left", rotation_mode="anchor", fontsize=SMALL)
        ax.set_yticks(range(n_rows))
        ax.set_yticklabels(rows, fontsize=SMALL + 0.5)
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0)
        if styles:
            ax.tick_params(axis="y", pad=16)
            offset = 0.1 / grid_w  # axes fraction: 0.1 in left of the grid
            for i, group in enumerate(matrix.index):
                colour, marker = _style_of(styles, str(group))
                ax.scatter(
                    [-offset],
                    [i],
                    s=40,
                    marker=marker,
                    color=colour,
                    edgecolor="black",
                    linewidth=0.5,
                    transform=ax.get_yaxis_transform(),
                    clip_on=False,
                    label=str(group),
                )
        if title:
            fig.suptitle(title, fontsize=9, x=0.02, ha="left")
        if colorbar_label:
            bar_w = min(2.6, grid_w)
            cax = fig.add_axes((left / width, 0.42 / height, bar_w / width, 0.1 / height))
            cb = fig.colorbar(im, cax=cax, orientation="horizontal")
            cb.ax.tick_params(labelsize=SMALL, length=2)
            cb.ax.xaxis.set_major_formatter(_thousands())
            cax.text(
                1.04,
                0.5,
                colorbar_label,
                transform=cax.transAxes,
                ha="left",
                va="center",
                fontsize=SMALL,
            )
    return fig


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}")


def _date_locator(starts: pd.Series):
    """Ticks for a time axis: years over a long span, months over a short one (matplotlib's
    AutoDateLocator warns, and falls back badly, on some spans)."""
    starts = pd.to_datetime(starts)
    years = (starts.max() - starts.min()).days / 365.25 if len(starts) else 0
    if years >= 3:
        return matplotlib.dates.YearLocator(base=max(1, math.ceil(years / 5)))
    if years >= 0.5:
        return matplotlib.dates.MonthLocator(interval=max(1, math.ceil(years * 12 / 5)))
    return matplotlib.dates.DayLocator(interval=max(1, math.ceil(years * 365 / 5)))


def over_time_figure(
    table: pd.DataFrame,
    *,
    panels: list[tuple[str, str, str]],
    groups: list[str],
    styles: dict[str, GroupStyle] | None = None,
    percent: bool | list[bool] = True,
) -> Figure:
    """Small multiples: one panel per axis, one line per group of the share of one label over
    the periods, with its bootstrap interval shaded; a cell with no interval is a bare point.

    ``table`` has ``period_start``, ``group`` (display name), ``axis``, ``label``, ``share``,
    ``share_low``, ``share_high``; ``panels`` lists ``(axis, label, title)``. ``percent``
    (one for all panels or one per panel) False draws a rate on its own scale from zero
    instead of a share from 0% to 100%.
    """
    percents = percent if isinstance(percent, list) else [percent] * len(panels)
    styles = styles or group_styles(groups)
    ncols = 2 if len(panels) > 1 else 1
    nrows = math.ceil(len(panels) / ncols)
    width, panel_h = 7.6, 2.1
    height = 0.75 + 0.2 * math.ceil(len(groups) / 4) + nrows * (panel_h + 0.55)
    with _style():
        fig = _figure(width, height)
        axes = fig.subplots(nrows, ncols, squeeze=False)
        for k, (axis, label, title) in enumerate(panels):
            ax = axes[k // ncols][k % ncols]
            sub = table[(table["axis"] == axis) & (table["label"] == label)]
            drawn = []  # the periods the panel draws: its time axis spans these
            for group in groups:
                rows = sub[sub["group"] == group].sort_values("period_start")
                rows = rows[np.isfinite(rows["share"].to_numpy(dtype=float))]
                if not len(rows):
                    continue
                style = _style_of(styles, group)
                x = rows["period_start"].to_numpy()
                drawn.append(rows["period_start"])
                ax.plot(
                    x,
                    rows["share"].to_numpy(dtype=float),
                    color=style.colour,
                    marker=style.marker,
                    markersize=3,
                    linewidth=1.3,
                    label=group,
                )
                low = rows["share_low"].to_numpy(dtype=float)
                high = rows["share_high"].to_numpy(dtype=float)
                ok = np.isfinite(low) & np.isfinite(high)
                if ok.sum() >= 2:
                    ax.fill_between(
                        x[ok], low[ok], high[ok], color=style.colour, alpha=0.15, linewidth=0
                    )
            if percents[k]:
                ax.set_ylim(-0.02, 1.02)
                ax.set_yticks([0, 0.5, 1])
                ax.set_yticklabels(["0%", "50%", "100%"], fontsize=SMALL)
            else:
                ax.set_ylim(bottom=0)
                ax.tick_params(axis="y", labelsize=SMALL)
            ax.tick_params(axis="x", labelsize=SMALL)
            for tick in ax.get_xticklabels():
                tick.set_rotation(0)
            starts = (
                pd.to_datetime(pd.concat(drawn)) if drawn else pd.Series(dtype="datetime64[ns]")
            )
            if starts.nunique() == 1:
                # one period: matplotlib would widen the axis to four years around it, and a
                # locator fitted to the period would then ask for thousands of ticks
                only = starts.iloc[0]
                ax.set_xlim(only - pd.Timedelta(days=20), only + pd.Timedelta(days=20))
                starts = pd.Series([only - pd.Timedelta(days=20), only + pd.Timedelta(days=20)])
            ax.xaxis.set_major_locator(_date_locator(starts))
            ax.xaxis.set_major_formatter(
                matplotlib.dates.ConciseDateFormatter(ax.xaxis.get_major_locator())
            )
            ax.set_title(_short(title, 48), fontsize=9, loc="left")
        for k in range(len(panels), nrows * ncols):
            axes[k // ncols][k % ncols].set_visible(False)
        seen: dict = {}
        for ax in fig.axes:
            for handle, label in zip(*ax.get_legend_handles_labels()):
                seen.setdefault(label, handle)
        rows = math.ceil(len(seen) / 4)
        fig.legend(
            list(seen.values()),
            [_short(x, 24) for x in seen],
            loc="upper center",
            ncol=min(4, max(1, len(seen))),
            fontsize=SMALL,
            frameon=False,
        )
        fig.subplots_adjust(
            left=0.07,
            right=0.98,
            top=1 - (0.35 + 0.2 * rows) / height,
            bottom=0.3 / height,
            hspace=0.6,
            wspace=0.18,
        )
    return fig
