"""Shared value types: outlets, articles, sentences and the evidence every score keeps.

These are plain frozen dataclasses (and a named tuple for the many evidence hits) so they pickle
cheaply (worker processes) and compare by value (tests). Anything computed from them lives in the
module of its concept.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields
from typing import NamedTuple

__all__ = ["Outlet", "Article", "Sentence", "Hit"]


@dataclass(frozen=True)
class Outlet:
    """One news outlet, as described by ``corpus/outlets/<id>.toml``."""

    id: str
    name: str
    domain: str = ""
    country: str = ""
    owner: str = ""
    ownership: str = ""  # e.g. "state-funded", "private", "public-service", "non-profit"
    language: str = ""
    leaning: str = ""  # e.g. an AllSides rating, when the user records one
    notes: str = ""
    path: str = ""

    #: Metadata fields a complete outlet record has; ``framing outlets`` reports the missing ones.
    DESCRIPTIVE_FIELDS = ("domain", "country", "owner", "ownership", "language")

    def missing_fields(self) -> list[str]:
        return [f for f in self.DESCRIPTIVE_FIELDS if not getattr(self, f)]

    def group_value(self, key: str) -> str:
        """The value of a grouping key (``outlet``, ``country``, ``ownership``, ``leaning`` …)."""
        if key == "outlet":
            return self.name
        value = getattr(self, key, "")
        return value or "(unknown)"


#: an outlet's metadata fields, in the order its ``outlets/<id>.toml`` lists them; every list of
#: them (the corpus reader and writer, ``framing outlets edit``, ``load_corpus``) is this one
OUTLET_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Outlet) if f.name not in ("id", "path")
)
#: the outlet fields articles can be grouped by (``--by``, ``Analysis.with_groups``)
OUTLET_GROUPINGS: tuple[str, ...] = tuple(
    f for f in OUTLET_FIELDS if f not in ("name", "domain", "notes")
)


@dataclass(frozen=True)
class Article:
    """One article. ``text`` is what is analysed; ``raw_text`` is the body as received.

    ``furniture`` holds the lines of ``raw_text`` that were kept out of the analysis (breadcrumbs,
    photo captions, copyright lines …) so a reader can check that nothing real was dropped.
    """

    id: str
    outlet: str
    title: str
    text: str
    raw_text: str = ""
    url: str = ""
    published: _dt.date | None = None
    story: str = ""
    authors: tuple[str, ...] = ()
    language: str = "en"
    furniture: tuple[str, ...] = ()
    path: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def analysed_text(self) -> str:
        """Headline and body as one text: the headline is framing too, and is analysed first."""
        if self.title:
            return f"{self.title}\n\n{self.text}"
        return self.text


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's analysed text, with its character span in that text."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


class Hit(NamedTuple):
    """One occurrence of a lexicon term, with the sentence it came from.

    A named tuple: an article yields dozens, and tuples cross from worker processes several times
    faster than dataclass instances.

    ``feature`` names what was counted (an axis id such as ``military-presence``, or ``loaded``) and
    ``label`` the value it counts for (the pole ``occupation``, the category ``hedge``). ``start`` and
    ``end`` are character offsets of the match inside ``sentence``; ``in_quote`` says the words are
    inside quotation marks, i.e. a quoted speaker's words rather than the outlet's own voice.
    """

    article_id: str
    outlet: str
    feature: str
    label: str
    term: str
    matched: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    in_quote: bool = False
