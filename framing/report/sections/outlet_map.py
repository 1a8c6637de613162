"""The outlet map: framing profiles placed in two dimensions and clustered."""

from __future__ import annotations

import pandas as pd

from ... import figures
from ...comparison import PROFILE_MIN_ARTICLES, Comparison
from . import Page

MIN_GROUPS = 4


def build(c: Comparison, page: Page) -> dict | None:
    profiles = c.outlet_profiles
    if profiles is None or len(profiles) < MIN_GROUPS or c.outlet_map is None:
        return None
    if c.by == "outlet":
        outlets = c.analysis.outlets.set_index("id")
        names = outlets["name"]
        leaning = outlets["leaning"].replace("", pd.NA).dropna()
    else:
        names, leaning = None, pd.Series(dtype=str)
    profiles = profiles.copy()
    coords = c.outlet_map.copy()
    if names is not None:
        profiles.index = [names.get(i, i) for i in profiles.index]
        profiles.index.name = "outlet"
        coords["outlet"] = [names.get(i, i) for i in coords["outlet"]]
        leaning.index = [names.get(i, i) for i in leaning.index]
    labels = leaning if len(leaning) >= 2 else None
    # every outlet in its page colour; its leaning, if recorded, is named beside it
    fig = figures.outlet_map_figure(coords, labels=labels, annotate=25, styles=page.styles)
    tree = figures.dendrogram_figure(
        profiles.head(60) if len(profiles) > 60 else profiles, labels=labels, styles=page.styles
    )
    evr = coords.attrs.get("explained_variance_ratio", [])
    return {
        "map": {
            "uri": figures.svg_data_uri(fig),
            "alt": f"Map of {len(coords):,} {c.group_word}s by framing profile; closer points "
            "frame more alike.",
        },
        "tree": {
            "uri": figures.svg_data_uri(tree),
            "alt": f"Dendrogram clustering {min(len(profiles), 60):,} {c.group_word}s by framing profile.",
        },
        "n": len(coords),
        "variance": sum(evr[:2]) if evr else None,
        "features": [_readable(f) for f in profiles.columns if f not in ("n_articles", "n_words")][
            :40
        ],
        "n_features": len([f for f in profiles.columns if f not in ("n_articles", "n_words")]),
        "min_articles": PROFILE_MIN_ARTICLES,
        "labelled": labels is not None,
    }


def _readable(feature: str) -> str:
    """'attribution:verb:doubt:share' → 'share of doubt-casting verbs' and the like."""
    parts = feature.split("/")[0].split(":")
    if parts[0] == "axis":
        return f"position on {parts[1]}" + (f" ({parts[2]})" if len(parts) > 2 else "")
    if parts[0] == "loaded":
        return f"{parts[1].replace('_', ' ')} per 1k words"
    if parts[:2] == ["attribution", "verb"]:
        return f"share of {parts[2]} verbs"
    if parts[:2] == ["attribution", "actor_words"]:
        return f"share of quoted words: {parts[2]}"
    if parts[:2] == ["attribution", "tone_sum"]:
        return f"tone toward {parts[2]}"
    return feature
