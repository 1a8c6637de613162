"""The report's sections. Each module has ``build(inputs) -> dict | None`` reading DataFrames only.

``None`` means the section has nothing to show for this corpus (it is then left out of the page,
not shown empty). The page template renders them in :data:`ORDER`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...analysis import Analysis
from ..evidence import EvidenceIndex

__all__ = ["ReportInputs", "ORDER"]

#: section modules in page order; optional ones are skipped when their feature module is absent
ORDER = ["summary", "axes", "loaded", "attribution", "over_time", "terms", "outlet_map", "stories",
         "corpus"]


@dataclass
class ReportInputs:
    """What every section reads: the analysis and the choices made for this page."""

    analysis: Analysis
    by: str  # "outlet" or an outlet metadata field ("leaning", "ownership", "country" …)
    groups: pd.DataFrame  # shown groups, most articles first: index = group key; name, n_articles, n_words
    evidence: EvidenceIndex
    evidence_limit: int = 10
    small_threshold: int = 5
    n_jobs: int = 1  # worker processes a section may use (re-reading texts for term counts)
    freq: str = "auto"  # period of the over-time section: W, M, Q, Y or auto
    extras: dict = field(default_factory=dict)

    @property
    def names(self) -> dict[str, str]:
        return self.groups["name"].to_dict()

    @property
    def order(self) -> list[str]:
        return [self.names[k] for k in self.groups.index]

    @property
    def styles(self) -> dict:
        """Each shown group's colour and marker, by page order: the same in every chart."""
        if "styles" not in self.extras:
            from ..figures import group_styles
            self.extras["styles"] = group_styles(self.order)
        return self.extras["styles"]

    @property
    def group_word(self) -> str:
        return "outlet" if self.by == "outlet" else self.by

    def shown_analysis(self) -> Analysis:
        """The analysis restricted to the groups on the page (computed once): statistics that
        cost time per group are computed for these only."""
        if "shown_analysis" not in self.extras:
            shown = self.articles_with_groups()[self.by].isin(self.groups.index).to_numpy()
            a = self.analysis
            self.extras["shown_analysis"] = a if shown.all() else a.subset(shown)
        return self.extras["shown_analysis"]

    def articles_with_groups(self) -> pd.DataFrame:
        return self.analysis.with_groups(self.by) if self.by != "outlet" else self.analysis.articles
