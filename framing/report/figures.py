"""Charts as functions returning matplotlib Figures, so notebook users can restyle them.

No pyplot: figures are built with the object-oriented API, so nothing here touches global state
or needs a display. :func:`to_svg` renders one deterministically (fixed hash salt, no date) for
embedding in the report. Colours are the Okabe–Ito colour-blind-safe palette, and every colour
also has a hatch pattern and a text label, so no meaning is carried by colour alone.
"""

from __future__ import annotations

import io
import re
from urllib.parse import quote

import numpy as np
import pandas as pd
from matplotlib import rcParams
from matplotlib.figure import Figure

__all__ = ["PALETTE", "HATCHES", "MARKERS", "axis_overview_figure", "axis_shares_figure", "to_svg",
           "svg_data_uri"]

#: Okabe & Ito (2008), "Color Universal Design"
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HATCHES = ["", "///", "...", "xx", "\\\\", "++", "oo", "--"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]

_STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller files, selectable, searchable
    "svg.hashsalt": "framing",  # deterministic ids
    "text.parse_math": False,  # "$" in an outlet name is a dollar sign, not TeX
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _figure(width: float, height: float) -> Figure:
    with _style():
        fig = Figure(figsize=(width, height), dpi=100)
    return fig


class _style:
    def __enter__(self):
        self._saved = {k: rcParams[k] for k in _STYLE}
        rcParams.update(_STYLE)

    def __exit__(self, *exc):
        rcParams.update(self._saved)


def _short(text: str, n: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def axis_overview_figure(positions: pd.DataFrame, *, outlet_order: list[str] | None = None,
                         label_points: bool = True) -> Figure:
    """Dot plot: each two-pole axis a row, each outlet's position from one pole to the other.

    ``positions`` has columns ``axis_label``, ``left``, ``right`` (pole names), ``outlet_name``,
    ``position`` (+1 = all left pole, −1 = all right pole) and ``axis_total`` (hits). Outlets that
    sit close together are stacked, so every marker and label stays visible.
    """
    axes_rows = list(dict.fromkeys(positions["axis_label"]))
    outlets = outlet_order or list(dict.fromkeys(positions["outlet_name"]))
    style = {o: (PALETTE[k % len(PALETTE)], MARKERS[k % len(MARKERS)]) for k, o in enumerate(outlets)}
    labelled = label_points and len(outlets) <= 6
    row_h = 0.95 if labelled else 0.55
    legend_h = 0.35 * (1 + (len(outlets) - 1) // 4) if len(outlets) <= 12 else 0.0
    height = 0.5 + row_h * len(axes_rows) + legend_h
    with _style():
        fig = _figure(7.6, height)
        bottom = (0.35 + legend_h) / height
        ax = fig.add_axes([0.21, bottom, 0.58, 1 - bottom - 0.12 / height])
        ax.set_xlim(-1.12, 1.12)
        ax.set_ylim(len(axes_rows) - 0.45, -0.7)
        ax.set_yticks([])
        ax.set_xticks([-1, 0, 1])
        ax.set_xticklabels(["only left label", "half and half", "only right label"], fontsize=7.5,
                           color="#555555")
        ax.spines["left"].set_visible(False)
        ax.axvline(0, color="#bbbbbb", lw=0.8, ls=":", zorder=0)
        for row, label in enumerate(axes_rows):
            sub = positions[positions["axis_label"] == label]
            left, right = sub["left"].iloc[0], sub["right"].iloc[0]
            ax.hlines(row, -1, 1, color="#cccccc", lw=1.2, zorder=0)
            ax.text(-1.17, row, _short(left, 22), ha="right", va="center", fontsize=9,
                    fontweight="bold")
            ax.text(1.17, row, _short(right, 22), ha="left", va="center", fontsize=9,
                    fontweight="bold")
            ax.text(0, row - 0.42, _short(label, 70), ha="center", va="center", fontsize=7.5,
                    color="#444444", style="italic")
            points = []
            for outlet in outlets:
                hit = sub[sub["outlet_name"] == outlet]
                if hit.empty or not np.isfinite(hit["position"].iloc[0]):
                    continue
                # x is flipped so the first pole sits on the left of the chart
                low = hit["position_low"].iloc[0] if "position_low" in hit else np.nan
                high = hit["position_high"].iloc[0] if "position_high" in hit else np.nan
                points.append((-float(hit["position"].iloc[0]), outlet, int(hit["axis_total"].iloc[0]),
                               -float(high), -float(low)))
            points.sort()
            level, last_x = 0, None
            for x, outlet, n, lo, hi in points:
                level = level + 1 if last_x is not None and abs(x - last_x) < 0.35 else 0
                last_x = x
                y = row + 0.17 * level if labelled else row
                colour, marker = style[outlet]
                if np.isfinite(lo) and np.isfinite(hi):  # the 95% bootstrap interval
                    ax.hlines(y, lo, hi, color=colour, lw=2.2, alpha=0.55, zorder=2)
                ax.scatter([x], [y], s=55, marker=marker, color=colour, edgecolor="black",
                           linewidth=0.5, zorder=3)
                if labelled:
                    inward = x > 0.3  # label towards the middle, clear of the pole names
                    ax.annotate(f"{_short(outlet, 18)} ({n})", (x, y), xytext=(-6 if inward else 6, 2),
                                textcoords="offset points", ha="right" if inward else "left",
                                va="bottom", fontsize=7.5)
        if len(outlets) <= 12:
            handles = [ax.scatter([], [], s=45, marker=style[o][1], color=style[o][0],
                                  edgecolor="black", linewidth=0.5) for o in outlets]
            fig.legend(handles, [_short(o, 30) for o in outlets], loc="lower center",
                       ncol=min(4, len(outlets)), fontsize=8, frameon=False,
                       bbox_to_anchor=(0.5, 0.0))
    return fig


def axis_shares_figure(table: pd.DataFrame, *, poles: list[str], outlets: list[str],
                       title: str = "") -> Figure:
    """Horizontal stacked bars: per outlet, the share of each pole, each segment labelled.

    ``table`` has one row per (outlet_name, pole) with ``count`` and ``share``.
    """
    n = len(outlets)
    with _style():
        fig = _figure(7.6, 0.8 + 0.42 * max(1, n))
        ax = fig.add_axes([0.27, 0.8 / (0.8 + 0.42 * max(1, n)) * 0.9, 0.70,
                           0.42 * n / (0.8 + 0.42 * max(1, n))])
        lefts = np.zeros(n)
        for j, pole in enumerate(poles):
            shares, counts = [], []
            for outlet in outlets:
                row = table[(table["outlet_name"] == outlet) & (table["pole"] == pole)]
                share = float(row["share"].iloc[0]) if len(row) and np.isfinite(row["share"].iloc[0]) else 0.0
                shares.append(share)
                counts.append(int(row["count"].iloc[0]) if len(row) else 0)
            bars = ax.barh(range(n), shares, left=lefts, color=PALETTE[j % len(PALETTE)],
                           hatch=HATCHES[j % len(HATCHES)], edgecolor="white", linewidth=0.8,
                           label=pole)
            for i, (bar, share, count) in enumerate(zip(bars, shares, counts)):
                if share >= 0.12:
                    ax.text(lefts[i] + share / 2, i, f"{_short(pole, 14)} {count}", ha="center",
                            va="center", fontsize=7.5, color="black",
                            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
            lefts += np.asarray(shares)
        for i in range(n):
            if lefts[i] == 0:
                ax.text(0.01, i, "no hits", va="center", fontsize=7.5, color="#555555")
        ax.set_yticks(range(n))
        ax.set_yticklabels([_short(o, 34) for o in outlets])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
        ax.set_xticklabels(["0%", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("share of this axis's terms")
        if title:
            ax.set_title(title, fontsize=9, loc="left")
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(poles), fontsize=7.5,
                  frameon=False)
    return fig


_PATH_DATA = re.compile(r'( d="[^"]*")')
_LONG_NUMBER = re.compile(r"(\d\.\d)\d+")


def to_svg(fig: Figure) -> str:
    """The figure as an SVG document string, byte-identical for identical figures.

    Path coordinates are rounded to 0.1 px (invisible at any zoom a reader uses), which makes
    charts about a third smaller; text and labels are left exactly as drawn.
    """
    buf = io.StringIO()
    with _style():
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "framing"})
    svg = buf.getvalue()
    return _PATH_DATA.sub(lambda m: _LONG_NUMBER.sub(r"\1", m.group(1)), svg)


def svg_data_uri(fig: Figure) -> str:
    """A ``data:`` URI for an ``<img>``: inline, offline, and an SVG shown this way runs no script.

    Percent-encoded rather than base64: about a quarter smaller for SVG's mostly-ASCII text.
    """
    svg = re.sub(r">\s+<", "><", to_svg(fig)).strip()
    return "data:image/svg+xml;charset=utf-8," + quote(svg, safe=" /:=;,.-_()'!*+@?&$~")


def heatmap_figure(matrix: pd.DataFrame, *, value_format: str = "{:.1f}", title: str = "",
                   colorbar_label: str = "") -> Figure:
    """Rows × columns heat map with every value printed in its cell (no meaning by colour alone).

    A single-hue sequential map (light to dark blue), readable in grey and by colour-blind readers.
    """
    n_rows, n_cols = matrix.shape
    left, top_margin, bottom, cell_h = 2.1, 1.15, 0.25, 0.32
    width = 7.6
    height = top_margin + bottom + cell_h * max(1, n_rows)
    with _style():
        fig = _figure(width, height)
        ax = fig.add_axes([left / width, bottom / height, (width - left - 0.9) / width,
                           cell_h * max(1, n_rows) / height])
        values = matrix.to_numpy(dtype=float)
        finite = values[np.isfinite(values)]
        top = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        im = ax.imshow(np.nan_to_num(values), cmap="Blues", vmin=0, vmax=top, aspect="auto")
        for i in range(n_rows):
            for j in range(n_cols):
                v = values[i, j]
                text = value_format.format(v) if np.isfinite(v) else "–"
                ax.text(j, i, text, ha="center", va="center", fontsize=7.5,
                        color="white" if np.isfinite(v) and v > 0.6 * top else "black")
        ax.xaxis.tick_top()
        ax.set_xticks(range(n_cols))
        ax.set_xticklabels([_short(c, 24) for c in matrix.columns], rotation=30, ha="left",
                           rotation_mode="anchor", fontsize=7.5)
        ax.set_yticks(range(n_rows))
        ax.set_yticklabels([_short(r, 30) for r in matrix.index], fontsize=8)
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0)
        if title:
            fig.suptitle(title, fontsize=9, x=0.02, ha="left")
        if colorbar_label:
            cax = fig.add_axes([(width - 0.75) / width, bottom / height, 0.12 / width,
                                cell_h * max(1, n_rows) / height])
            cb = fig.colorbar(im, cax=cax)
            cb.set_label(colorbar_label, fontsize=7)
            cb.ax.tick_params(labelsize=7)
    return fig
