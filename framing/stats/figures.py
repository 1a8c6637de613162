"""Charts for the statistics: outlet map, dendrogram, distinctive terms, intervals.

Functions return matplotlib Figures built with the object-oriented API (no pyplot), in the
report's style: Okabe–Ito colours, each paired with a marker or hatch so nothing depends on colour
alone. Render one with :func:`framing.report.figures.to_svg`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy.cluster.hierarchy import dendrogram

from ..report.figures import HATCHES, MARKERS, PALETTE, _figure, _short, _style
from .outlet_map import outlet_linkage, profile_features

__all__ = ["outlet_map_figure", "dendrogram_figure", "distinctive_terms_figure",
           "intervals_figure"]


def _label_styles(labels) -> dict:
    values = list(dict.fromkeys(str(v) for v in labels))
    return {v: (PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]) for i, v in enumerate(values)}


def outlet_map_figure(coords: pd.DataFrame, *, labels: pd.Series | dict | None = None,
                      annotate: int = 25, title: str = "") -> Figure:
    """Scatter of an :func:`~framing.stats.outlet_map.outlet_map`: one point per outlet.

    labels : optional outside label per outlet (e.g. leaning), shown by colour *and* marker.
    annotate : name the ``annotate`` outlets with the most articles (all, if fewer).
    """
    name = coords.columns[0]
    groups = coords[name].astype(str).to_numpy()
    lab = (pd.Series(labels).reindex(groups).fillna("(unlabelled)").astype(str).to_numpy()
           if labels is not None else np.full(len(groups), ""))
    styles = _label_styles(sorted(set(lab)))
    sizes = coords["n_articles"].to_numpy() if "n_articles" in coords else np.full(len(groups), 10)
    with _style():
        fig = _figure(7.2, 5.6)
        ax = fig.add_axes([0.1, 0.1, 0.86, 0.8])
        for value, (colour, marker) in styles.items():
            sel = lab == value
            ax.scatter(coords["x"].to_numpy()[sel], coords["y"].to_numpy()[sel],
                       s=12 + 40 * np.sqrt(sizes[sel] / max(1, sizes.max())), color=colour,
                       marker=marker, edgecolor="black", linewidth=0.4, alpha=0.85,
                       label=value or None)
        for i in np.argsort(-sizes, kind="stable")[:annotate]:
            ax.annotate(_short(groups[i], 22), (coords["x"].iat[i], coords["y"].iat[i]),
                        xytext=(3, 3), textcoords="offset points", fontsize=7)
        method = coords.attrs.get("method", "")
        evr = coords.attrs.get("explained_variance_ratio")
        if method == "pca" and evr:
            ax.set_xlabel(f"component 1 ({evr[0]:.0%} of variance)")
            ax.set_ylabel(f"component 2 ({evr[1]:.0%} of variance)" if len(evr) > 1 else "")
        else:
            ax.set_xlabel(f"{method.upper()} dimension 1")
            ax.set_ylabel(f"{method.upper()} dimension 2")
        if labels is not None:
            ax.legend(fontsize=8, frameon=False, loc="best")
        ax.set_title(title or f"Outlets by framing profile ({len(groups)} outlets; closer = "
                              "more alike)", fontsize=9, loc="left")
    return fig


def dendrogram_figure(profiles: pd.DataFrame, *, method: str = "ward",
                      labels: pd.Series | dict | None = None, title: str = "") -> Figure:
    """Hierarchical clustering of outlet profiles, drawn from SciPy's dendrogram coordinates."""
    features = profile_features(profiles)
    Z = outlet_linkage(profiles, method=method)
    tree = dendrogram(Z, no_plot=True, labels=[str(i) for i in features.index])
    leaves = tree["ivl"]
    lab = (pd.Series(labels).reindex(leaves).fillna("(unlabelled)").astype(str).to_numpy()
           if labels is not None else None)
    styles = _label_styles(sorted(set(lab))) if lab is not None else {}
    height = 1.0 + 0.16 * len(leaves)
    with _style():
        fig = _figure(7.2, max(3.0, height))
        ax = fig.add_axes([0.34, 0.6 / max(3.0, height), 0.62, 1 - 1.0 / max(3.0, height)])
        for xs, ys in zip(tree["icoord"], tree["dcoord"]):
            ax.plot(ys, xs, color="#444444", lw=0.8)  # horizontal tree: leaves on the left
        ax.set_ylim(0, 10 * len(leaves))
        ax.set_yticks(5 + 10 * np.arange(len(leaves)))
        ax.set_yticklabels([_short(v, 30) for v in leaves], fontsize=7)
        if lab is not None:
            for tick, value in zip(ax.get_yticklabels(), lab):
                tick.set_color(styles[value][0] if styles[value][0] != PALETTE[6] else "#8a7a00")
            for value, (colour, marker) in styles.items():
                ax.scatter([], [], color=colour, marker=marker, label=value)
            ax.legend(fontsize=8, frameon=False, loc="upper right")
        ax.set_xlabel(f"distance between profiles ({method} linkage)")
        ax.set_title(title or "Outlets clustered by framing profile", fontsize=9, loc="left")
    return fig


def distinctive_terms_figure(table: pd.DataFrame, group: str, *, by: str = "group",
                             top: int = 15, title: str = "") -> Figure:
    """Bars of ``z_doc`` for one group's top terms, with the split-half null line.

    Solid bars are significant (q ≤ FDR and beyond the null line); hatched ones are not. Each bar
    is labelled with the counts behind it (group : rest).
    """
    sub = table[table[by] == group].head(top)
    n = max(1, len(sub))
    with _style():
        fig = _figure(7.2, 0.9 + 0.3 * n)
        ax = fig.add_axes([0.3, 0.5 / (0.9 + 0.3 * n), 0.55, 0.3 * n / (0.9 + 0.3 * n)])
        y = np.arange(len(sub))
        sig = sub["significant"].to_numpy(bool)
        ax.barh(y[sig], sub["z_doc"].to_numpy()[sig], color=PALETTE[0], label="significant")
        ax.barh(y[~sig], sub["z_doc"].to_numpy()[~sig], color="white", edgecolor=PALETTE[1],
                hatch=HATCHES[1], label="not significant")
        for yi, r in zip(y, sub.itertuples()):
            ax.text(max(r.z_doc, 0) + 0.1, yi, f"{r.count_group:,} : {r.count_rest:,}",
                    va="center", fontsize=7)
        null = sub["null_max_abs_z"].iloc[0] if len(sub) else np.nan
        if np.isfinite(null):
            ax.axvline(null, color="black", ls="--", lw=0.8, label="largest |z| by chance")
        ax.set_yticks(y)
        ax.set_yticklabels([_short(t, 30) for t in sub["term"]])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlabel("z (document-level) — label: uses in this group : in the rest")
        ax.legend(fontsize=7, frameon=False, loc="lower right")
        ax.set_title(title or f"Terms distinctive of {_short(group, 40)}", fontsize=9, loc="left")
    return fig


def intervals_figure(table: pd.DataFrame, *, by: str = "outlet", estimate: str = "estimate",
                     low: str = "ci_low", high: str = "ci_high", max_groups: int = 30,
                     xlabel: str = "", title: str = "") -> Figure:
    """Dot and whisker per group: the estimate and its interval, largest groups first.

    Groups without an interval (one article with data) get an open marker and the words
    "no interval", so a lone article never looks precise.
    """
    sub = table.dropna(subset=[estimate])
    if "n_articles" in sub:
        sub = sub.sort_values("n_articles", ascending=False, kind="stable")
    sub = sub.head(max_groups)
    n = max(1, len(sub))
    with _style():
        fig = _figure(7.2, 0.9 + 0.28 * n)
        ax = fig.add_axes([0.3, 0.5 / (0.9 + 0.28 * n), 0.62, 0.28 * n / (0.9 + 0.28 * n)])
        y = np.arange(len(sub))
        est = sub[estimate].to_numpy(float)
        lo, hi = sub[low].to_numpy(float), sub[high].to_numpy(float)
        has = np.isfinite(lo) & np.isfinite(hi)
        ax.errorbar(est[has], y[has], xerr=[est[has] - lo[has], hi[has] - est[has]], fmt="o",
                    color=PALETTE[0], ecolor=PALETTE[0], capsize=2, ms=4)
        ax.scatter(est[~has], y[~has], facecolor="white", edgecolor=PALETTE[5], marker="D", s=20,
                   zorder=3)
        for yi in y[~has]:
            ax.text(est[yi], yi + 0.35, "no interval", fontsize=6.5, color="#555555",
                    ha="center")
        labels = [f"{_short(g, 26)} (n={int(k)})" if "n_articles" in sub else _short(g, 30)
                  for g, k in zip(sub[by], sub["n_articles"] if "n_articles" in sub else y)]
        ax.set_yticks(y)
        ax.set_yticklabels(labels, fontsize=7.5)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlabel(xlabel or estimate)
        ax.set_title(title, fontsize=9, loc="left")
    return fig
