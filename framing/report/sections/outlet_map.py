"""The outlet map: framing profiles placed in two dimensions and clustered."""

from __future__ import annotations

import pandas as pd

from .. import figures
from . import ReportInputs

MIN_GROUPS = 4
MIN_ARTICLES = 5


def _profiles(inputs: ReportInputs):
    if "profiles" not in inputs.extras:
        from ...stats.outlet_map import outlet_profiles

        a = inputs.analysis
        cols = a.values.columns
        # explicit features: own-voice loaded-language rates, the verb-class mix, the share of
        # quoted words per actor, and mean tone per actor (sum over sentences scored)
        rates = [c for c in cols if c.startswith("loaded:") and c.endswith(":own")]
        mixes = ["attribution:verb:", "attribution:actor_words:"]
        ratios = [(c, c.replace(":tone_sum:", ":tone_n:")) for c in cols
                  if c.startswith("attribution:tone_sum:") and c.replace(":tone_sum:", ":tone_n:") in cols
                  and a.values[c.replace(":tone_sum:", ":tone_n:")].sum() >= 20]
        try:
            profiles = outlet_profiles(a, by=inputs.by, min_articles=MIN_ARTICLES, rates=rates,
                                       mixes=mixes, ratios=ratios)
        except Exception as exc:  # too few groups or features: the section says why it is absent
            from ...errors import FramingError
            if not isinstance(exc, FramingError):
                raise
            profiles = None
        inputs.extras["profiles"] = profiles
    return inputs.extras["profiles"]


def tables(inputs: ReportInputs) -> dict[str, pd.DataFrame]:
    profiles = _profiles(inputs)
    return {"outlet_profiles": profiles.reset_index()} if profiles is not None else {}


def build(inputs: ReportInputs) -> dict | None:
    from ...stats import figures as stats_figures
    from ...stats.outlet_map import outlet_map

    profiles = _profiles(inputs)
    if profiles is None or len(profiles) < MIN_GROUPS:
        return None
    if inputs.by == "outlet":
        names = inputs.analysis.outlets.set_index("id")["name"]
        leaning = inputs.analysis.outlets.set_index("id")["leaning"].replace("", pd.NA).dropna()
    else:
        names, leaning = None, pd.Series(dtype=str)
    profiles = profiles.copy()
    if names is not None:
        profiles.index = [names.get(i, i) for i in profiles.index]
        profiles.index.name = "outlet"
        leaning.index = [names.get(i, i) for i in leaning.index]
    labels = leaning if len(leaning) >= 2 else None
    coords = outlet_map(profiles)
    # every outlet in its page colour; its leaning, if recorded, is named beside it
    fig = stats_figures.outlet_map_figure(coords, labels=labels, annotate=25, styles=inputs.styles)
    tree = stats_figures.dendrogram_figure(profiles.head(60) if len(profiles) > 60 else profiles,
                                           labels=labels, styles=inputs.styles)
    evr = coords.attrs.get("explained_variance_ratio", [])
    return {
        "map": {"uri": figures.svg_data_uri(fig),
                "alt": f"Map of {len(coords):,} {inputs.group_word}s by framing profile; closer points "
                       "frame more alike."},
        "tree": {"uri": figures.svg_data_uri(tree),
                 "alt": f"Dendrogram clustering {min(len(profiles), 60):,} {inputs.group_word}s by framing profile."},
        "n": len(coords), "variance": sum(evr[:2]) if evr else None,
        "features": [_readable(c) for c in profiles.columns if c not in ("n_articles", "n_words")][:40],
        "n_features": len([c for c in profiles.columns if c not in ("n_articles", "n_words")]),
        "min_articles": MIN_ARTICLES, "labelled": labels is not None,
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
