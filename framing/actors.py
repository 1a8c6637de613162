"""Actors: the sides of a story that speak and are spoken about, from an editable TOML file.

An actor ("Taliban", "US government and military") has aliases that mention it ("Pentagon",
"U.S.") and people with every spelling outlets use ("Zabihullah Mujahid", "Zabiullah Mojahid").
Speakers no actor claims are grouped by the title that describes them (roles: "a senior official",
"an analyst") or fall into ``other``. The built-in file, ``framing/data/actors.toml``, covers the
bundled story and actors that recur in news; its header documents the format.

Matching is case-aware where case carries meaning: an alias written in capitals ("US", "UN")
matches only in capitals, so the pronoun "us" is not the United States.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import ClassVar

import pandas as pd

from .errors import LexiconError
from .lexicon import ItemsById, load_toml, read_lexicon, table_list
from .matching import inflections, trie_pattern
from .text import tokenize

__all__ = [
    "Actor",
    "Role",
    "ActorLexicon",
    "PhraseMatcher",
    "load_actors",
    "parse_actors",
    "DEFAULT_ACTORS_PATH",
    "OTHER",
    "UNATTRIBUTED",
]

DEFAULT_ACTORS_PATH = "framing/data/actors.toml"
#: speakers with neither an actor nor a role cue
OTHER = "other"
#: quotations nobody could be found to have said
UNATTRIBUTED = "unattributed"

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_RESERVED = {OTHER, UNATTRIBUTED}

# What may stand between the words of an alias. Unlike lexicon terms, aliases are often dotted
# abbreviations ("U.S.", "U.N."), so a full stop joins words here.
_SEPARATOR = r"[\s.\-\u2010-\u2015'\u2019/]+"


class PhraseMatcher:
    """Finds phrases (aliases, names, title cues) with their inflections, case-aware.

    One regex scan per text, leftmost-longest and non-overlapping: a longer phrase ("Washington
    Post") hides the shorter one inside it ("Washington"). Each entry is ``(key, phrase)``; a
    phrase in capitals ("US") matches only in capitals and one with a capital ("Democrats") only
    with a capital. The last word of a phrase covers its inflections (see
    :func:`framing.matching.inflections`: "coalition force" finds "coalition forces"); a leading
    ``=`` turns them off.

    >>> m = PhraseMatcher([("us", "US"), ("us", "U.S."), ("us", "United States"),
    ...                    ("press", "Washington Post")])
    >>> t = "Let us tell the U.S. and the Washington Post about the United States."
    >>> [(k, t[s:e]) for k, s, e in m.finditer(t)]
    [('us', 'U.S'), ('press', 'Washington Post'), ('us', 'United States')]
    """

    def __init__(self, entries):
        self._by_form: dict[str, tuple[str, str]] = {}
        inflected = []
        for key, phrase in entries:
            exact = phrase.startswith("=")
            words = tokenize(phrase.lstrip("="))
            if not words:
                continue
            rule = _case_rule(phrase)
            self._by_form.setdefault(" ".join(words), (key, rule))
            if not exact:
                # only the head (last) word inflects: "coalition forces", not "coalitions forces"
                inflected.extend(
                    (" ".join(words[:-1] + [form]), key, rule)
                    for form in sorted(inflections(words[-1]))
                )
        for form, key, rule in inflected:
            # a phrase as written wins over another's inflection: "ISIS" is not the plural of "ISI"
            self._by_form.setdefault(form, (key, rule))
        pattern = trie_pattern(self._by_form, separator=_SEPARATOR)
        self._regex = (
            re.compile(r"(?<![^\W_])(?:" + pattern + r")(?![^\W_])") if self._by_form else None
        )

    @cached_property
    def words(self) -> frozenset[str]:
        """Every lower-case word of every phrase form: text with none of them has no match."""
        return frozenset(w for form in self._by_form for w in _TOKEN.findall(form))

    def finditer(self, text: str, lower: str | None = None):
        """``(key, start, end)`` of each phrase in ``text`` whose case fits."""
        if self._regex is None:
            return
        if lower is None or len(lower) != len(text):
            lower = text.lower()
            if len(lower) != len(text):  # a few characters change length when lower-cased
                lower = "".join(c.lower()[:1] or c for c in text)
        by_form = self._by_form
        for m in self._regex.finditer(lower):
            found = m.group()
            entry = by_form.get(found)  # most matches are one word: no need to re-tokenise
            if entry is None:
                entry = by_form[" ".join(_TOKEN.findall(found))]
            start, end = m.span()
            if entry[1] and not _case_ok(entry[1], text[start:end]):
                continue
            yield entry[0], start, end


_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    kind: str = ""
    aliases: tuple[str, ...] = ()
    people: tuple[tuple[str, ...], ...] = ()  # each: the name to show, then other spellings
    exclude: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # regular expressions over a speaker's description


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    cues: tuple[str, ...] = ()
    governmental: bool = False


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A spelling-insensitive key for a person's name: no accents, case, dots or hyphens.

    >>> normalise_name("Kenneth F. McKenzie Jr.") == normalise_name("kenneth f mckenzie jr")
    True
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(tokenize(ascii_name))


def _case_rule(term: str) -> str:
    """``upper``: match only in capitals; ``title``: only with a capital; ``""``: any case."""
    word = term.lstrip("=")
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    if letters and letters[0].isupper():
        return "title"
    return ""


def _case_ok(rule: str, matched: str) -> bool:
    if rule == "upper":
        return not any(c.islower() for c in matched)
    if rule == "title":
        return matched[:1].isupper()
    return True


@dataclass(frozen=True)
class ActorLexicon(ItemsById):
    """Actors and roles, with the matchers that find them. Build with :func:`load_actors`."""

    _items: ClassVar[str] = "actors"
    actors: tuple[Actor, ...]
    roles: tuple[Role, ...]
    source: str = DEFAULT_ACTORS_PATH

    @property
    def ids(self) -> list[str]:
        """Every group a speaker can fall into: actors, roles, ``other``, ``unattributed``."""
        return [a.id for a in self.actors] + [r.id for r in self.roles] + [OTHER, UNATTRIBUTED]

    @cached_property
    def labels(self) -> dict[str, str]:
        labels = {a.id: a.label for a in self.actors}
        labels.update({r.id: r.label for r in self.roles})
        labels.update({OTHER: "Other speakers", UNATTRIBUTED: "Unattributed"})
        return labels

    def label(self, group_id: str) -> str:
        return self.labels.get(group_id, group_id)

    def kind(self, group_id: str) -> str:
        for actor in self.actors:
            if actor.id == group_id:
                return actor.kind
        return "role" if any(r.id == group_id for r in self.roles) else ""

    def to_frame(self) -> pd.DataFrame:
        """One row per (actor, alias or spelling): the whole file as a table."""
        rows = []
        for a in self.actors:
            rows += [
                dict(actor=a.id, label=a.label, kind=a.kind, what="alias", term=t, person="")
                for t in a.aliases
            ]
            rows += [
                dict(actor=a.id, label=a.label, kind=a.kind, what="person", term=s, person=p[0])
                for p in a.people
                for s in p
            ]
            rows += [
                dict(actor=a.id, label=a.label, kind=a.kind, what="exclude", term=t, person="")
                for t in a.exclude
            ]
        for r in self.roles:
            rows += [
                dict(actor=r.id, label=r.label, kind="role", what="cue", term=t, person="")
                for t in r.cues
            ]
        return pd.DataFrame(rows, columns=["actor", "label", "kind", "what", "term", "person"])

    # --- matching ------------------------------------------------------------------------

    @cached_property
    def _mentions(self) -> PhraseMatcher:
        return PhraseMatcher(self.mention_entries())

    def mention_entries(self) -> list[tuple[str, str]]:
        """``(actor id, phrase)`` for every alias and spelling; ``("!", phrase)`` for exclusions
        (a longer phrase that hides an alias inside it). For building a combined matcher."""
        entries: list[tuple[str, str]] = []
        for a in self.actors:
            entries.extend((a.id, t) for t in a.aliases)
            entries.extend((a.id, "=" + s.lstrip("=")) for p in a.people for s in p)
            entries.extend(("!", t) for t in a.exclude)
        return entries

    @cached_property
    def cache(self) -> dict:
        """Memo of speaker phrases already resolved (speakers repeat within and across articles)."""
        return {}

    @cached_property
    def _organisations(self) -> PhraseMatcher:
        """Aliases, exclusions and role cues, without people: what is not a person's name."""
        entries = [(a.id, t) for a in self.actors for t in a.aliases + a.exclude]
        entries += [(r.id, c) for r in self.roles for c in r.cues]
        return PhraseMatcher(entries)

    def organisation_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` that name an organisation or a title cue rather than a person."""
        key = ("organisation spans", text)  # speakers' names recur across a corpus
        spans = self.cache.get(key)
        if spans is None:
            if len(self.cache) > 200_000:
                self.cache.clear()
            matcher = self._organisations
            if matcher.words.isdisjoint(_TOKEN.findall(text.lower())):
                spans = []  # no word of any organisation's name: no need to run the matcher
            else:
                spans = [(s, e) for _, s, e in matcher.finditer(text)]
            self.cache[key] = spans
        return spans

    @cached_property
    def _roles(self) -> PhraseMatcher:
        return PhraseMatcher((r.id, c) for r in self.roles for c in r.cues)

    @cached_property
    def role_words(self) -> frozenset[str]:
        """The words of the roles' cues, lower-cased ("analyst", "spokesman", "resident")."""
        return frozenset(w.lower() for r in self.roles for c in r.cues for w in c.split())

    @cached_property
    def _people(self) -> dict[str, tuple[str, str]]:
        index = {}
        for a in self.actors:
            for person in a.people:
                for spelling in person:
                    index[normalise_name(spelling)] = (person[0], a.id)
        return index

    @cached_property
    def _state_actors(self) -> frozenset[str]:
        return frozenset(a.id for a in self.actors if a.kind == "state")

    @cached_property
    def _governmental_roles(self) -> frozenset[str]:
        return frozenset(r.id for r in self.roles if r.governmental)

    def find_mentions(self, text: str, lower: str | None = None) -> list[tuple[str, int, int]]:
        """``(actor id, start, end)`` of every mention of an actor in ``text``.

        >>> actors = load_actors()
        >>> t = "Let us leave, said the U.S. envoy; the Washington Post and Zabiullah Mojahid disagreed."
        >>> [(a, t[s:e]) for a, s, e in actors.find_mentions(t)]
        [('us-government', 'U.S'), ('taliban', 'Zabiullah Mojahid')]
        """
        return [(key, s, e) for key, s, e in self._mentions.finditer(text, lower) if key != "!"]

    def find_person(self, name: str) -> tuple[str, str] | None:
        """``(name to show, actor id)`` for a listed spelling of a person's name, else None.

        >>> load_actors().find_person("Zabiullah Mojahid")
        ('Zabihullah Mujahid', 'taliban')
        """
        return self._people.get(normalise_name(name))

    def role_of(self, description: str) -> str | None:
        """The role whose cue comes last in a speaker's description ("ministry spokesman")."""
        last = None
        for key, start, end in self._roles.finditer(description):
            if description[start - 1 : start] == "-" or description[end : end + 1] == "-":
                continue  # inside a hyphenated name: "the Spokesman-Review" is a newspaper
            last = key
        return last

    def classify(self, description: str, name: str = "", context: str = "") -> tuple[str, str]:
        """``(group id, how)`` for a speaker: the actor or role a description points to.

        ``how`` says what decided: ``person`` (a listed name), ``description`` (an alias in the
        description: "Taliban spokesman"), ``context`` (a governmental role such as "a defence
        official" and one state actor named in ``context``, the sentence outside the quote),
        ``role`` (a title cue) or ``none``.

        >>> actors = load_actors()
        >>> actors.classify("Central Command leader Marine Corps Gen. Frank McKenzie", "Frank McKenzie")
        ('us-government', 'person')
        >>> actors.classify("a Taliban spokesman")
        ('taliban', 'description')
        >>> actors.classify("a defence official", context="troops left the U.S. base")
        ('us-government', 'context')
        >>> actors.classify("an analyst"), actors.classify("the man")
        (('expert', 'role'), ('other', 'none'))
        """
        key = ("classify", description, name)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._classify(description, name)
        if found[1] != "governmental":
            return found
        role = found[0]
        if context:
            states = {a for a, _, _ in self.find_mentions(context) if a in self._state_actors}
            if len(states) == 1:
                return states.pop(), "context"
        return role, "role"

    @cached_property
    def _patterns(self) -> list[tuple[str, re.Pattern]]:
        return [(a.id, re.compile(p)) for a in self.actors for p in a.patterns]

    def _classify(self, description: str, name: str) -> tuple[str, str]:
        if name:
            person = self.find_person(name)
            if person is not None:
                return person[1], "person"
        for actor, pattern in self._patterns:
            if pattern.search(description):
                return actor, "description"
        for actor, _, _ in self.find_mentions(description):
            return actor, "description"  # the leftmost: "US ambassador to the UN" is US
        role = self.role_of(description)
        if role is None:
            return OTHER, "none"
        return role, "governmental" if role in self._governmental_roles else "role"


# --- loading ---------------------------------------------------------------------------------


def load_actors(path: str | Path | None = None) -> ActorLexicon:
    """Load and check an actor file; ``None`` loads the built-in one.

    >>> actors = load_actors()
    >>> actors["taliban"].label, "official" in actors.ids
    ('Taliban', True)
    """
    if isinstance(path, ActorLexicon):
        return path
    raw, source = read_lexicon(path, default="actors.toml", kind="actor")
    return parse_actors(raw, source)


def _line_of(raw: str, value: str) -> int | None:
    m = re.search(r"^\s*id\s*=\s*[\"']" + re.escape(value) + r"[\"']", raw, flags=re.M)
    return raw.count("\n", 0, m.start()) + 1 if m else None


def _strings(value, source: str, where: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            source,
            f"{where} must be a list of non-empty strings",
            line=line,
            hint='write it as ["one", "two"]',
        )
    return tuple(v.strip() for v in value)


def _people(value, source: str, where: str, line: int | None) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise LexiconError(
            source,
            f"{where} must be a list",
            line=line,
            hint='write it as ["A Name", ["Another Name", "Other Spelling"]]',
        )
    people = []
    for entry in value:
        spellings = [entry] if isinstance(entry, str) else entry
        if (
            not isinstance(spellings, list)
            or not spellings
            or not all(isinstance(s, str) and s.strip() for s in spellings)
        ):
            raise LexiconError(
                source,
                f"{where}: {entry!r} is neither a name nor a list of names",
                line=line,
                hint='write ["Name", "Other Spelling"]',
            )
        people.append(tuple(s.strip() for s in spellings))
    return tuple(people)


def parse_actors(raw: str, source: str = "<actors>") -> ActorLexicon:
    """Parse and check the text of an actor file (see :func:`load_actors`)."""
    data = load_toml(raw, source)
    items = table_list(data, "actor", source, example="actors.toml")
    seen: dict[str, str] = {}
    owner_of_term: dict[str, str] = {}
    owner_of_person: dict[str, str] = {}
    actors = []
    for n, item in enumerate(items, 1):
        actor_id = item.get("id")
        if not isinstance(actor_id, str) or not _ID.match(actor_id):
            raise LexiconError(
                source,
                f"actor #{n} has no valid id ({actor_id!r})",
                line=_line_of(raw, str(actor_id)) if actor_id else None,
                hint='use lower-case letters, digits and hyphens: id = "us-government"',
            )
        line = _line_of(raw, actor_id)
        if actor_id in seen or actor_id in _RESERVED:
            raise LexiconError(
                source,
                f"actor id {actor_id!r} is used twice or reserved",
                line=line,
                hint="give each actor its own id (other and unattributed are taken)",
            )
        seen[actor_id] = "actor"
        where = f"actor {actor_id!r}"
        aliases = _strings(item.get("aliases"), source, f"{where}: aliases", line)
        people = _people(item.get("people"), source, f"{where}: people", line)
        exclude = _strings(item.get("exclude"), source, f"{where}: exclude", line)
        patterns = _strings(item.get("patterns"), source, f"{where}: patterns", line)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise LexiconError(
                    source,
                    f"{where}: pattern {pattern!r} is not a valid regular expression ({exc})",
                    line=line,
                    hint="escape backslashes in TOML: '\\bD-[A-Z]' or use single quotes",
                ) from None
        if not aliases and not people and not patterns:
            raise LexiconError(
                source,
                f"{where} has neither aliases nor people",
                line=line,
                hint='add aliases = ["…"] so the actor can be found',
            )
        for term in aliases + tuple(s for p in people for s in p):
            key = " ".join(tokenize(term.lstrip("=")))
            if not key:
                raise LexiconError(source, f"{where}: {term!r} has no letters or digits", line=line)
            other = owner_of_term.setdefault(key, actor_id)
            if other != actor_id:
                raise LexiconError(
                    source,
                    f"{term!r} is listed for both {other!r} and {actor_id!r}",
                    line=line,
                    hint="keep each alias and name in one actor",
                )
        for person in people:
            for spelling in person:
                other = owner_of_person.setdefault(normalise_name(spelling), actor_id)
                if other != actor_id:
                    raise LexiconError(
                        source,
                        f"person {spelling!r} is listed for both {other!r} and {actor_id!r}",
                        line=line,
                        hint="keep each person in one actor",
                    )
        actors.append(
            Actor(
                id=actor_id,
                label=str(item.get("label") or actor_id),
                kind=str(item.get("kind", "")),
                aliases=aliases,
                people=people,
                exclude=exclude,
                patterns=patterns,
            )
        )
    roles = []
    for n, item in enumerate(data.get("role", []) or [], 1):
        role_id = item.get("id")
        if not isinstance(role_id, str) or not _ID.match(role_id):
            raise LexiconError(
                source,
                f"role #{n} has no valid id ({role_id!r})",
                hint='use lower-case letters, digits and hyphens: id = "official"',
            )
        line = _line_of(raw, role_id)
        if role_id in seen or role_id in _RESERVED:
            raise LexiconError(
                source,
                f"role id {role_id!r} is used twice, by an actor or reserved",
                line=line,
                hint="give each actor and role its own id",
            )
        seen[role_id] = "role"
        cues = _strings(item.get("cues"), source, f"role {role_id!r}: cues", line)
        if not cues:
            raise LexiconError(
                source,
                f"role {role_id!r} has no cues",
                line=line,
                hint='add cues = ["official", …]',
            )
        governmental = item.get("governmental", False)
        if not isinstance(governmental, bool):
            raise LexiconError(
                source, f"role {role_id!r}: governmental must be true or false", line=line
            )
        roles.append(
            Role(
                id=role_id,
                label=str(item.get("label") or role_id),
                cues=cues,
                governmental=governmental,
            )
        )
    unknown = set(data) - {"actor", "role"}
    if unknown:
        raise LexiconError(
            source,
            f"unknown table(s) {sorted(unknown)}",
            hint="an actor file has [[actor]] and [[role]] tables only",
        )
    return ActorLexicon(actors=tuple(actors), roles=tuple(roles), source=source)
