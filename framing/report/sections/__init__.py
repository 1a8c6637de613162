"""The report's sections: each module's ``build(comparison, page) -> dict | None`` is a view.

A section reads the fields of a :class:`~framing.comparison.Comparison` (the statistics, computed
once by :func:`framing.compare`) and the page's presentation choices (:class:`Page`), and returns
the plain dict its template renders. It computes no statistic, imports nothing from
:mod:`framing.stats` and opens no file (``tests/report/test_layers.py`` checks this); charts are
drawn with :mod:`framing.figures`.

``None`` means the section has nothing to show for this corpus (it is then left out of the page,
not shown empty). The page template renders them in :data:`ORDER`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..evidence import EvidenceIndex

__all__ = ["Page", "ORDER"]

#: section modules in page order
ORDER = [
    "summary",
    "axes",
    "loaded",
    "attribution",
    "over_time",
    "terms",
    "outlet_map",
    "stories",
    "corpus",
]


@dataclass
class Page:
    """How the page presents a comparison: the sentences behind each cell, and each group's look."""

    evidence: EvidenceIndex
    evidence_limit: int = 10
    styles: dict = field(
        default_factory=dict
    )  # each shown group's colour and marker, by page order
