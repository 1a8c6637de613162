"""Outlets: finding the outlet an article belongs to, creating new ones, listing and editing them.

**The naming rule.** An outlet's id (its file name ``outlets/<id>.toml`` and the folder of its
articles) is ``slugify(name)``. Two names are *the same outlet* when they are equal after Unicode
NFKC normalisation, case folding, and treating every run of characters other than letters and
digits as one space: "The Hill", "the-hill", "THE  HILL" and "The Hill." are one outlet,
"Newsmax - News" and "Newsmax (News)" too. Two names that differ by that comparison but give the
same id ("Café Times" and "Cafe Times"; names in a non-Latin script, which slugify to nothing;
long names equal in their first 60 characters) *collide*: the article is refused with an error
naming both, and the user chooses: ``--outlet ID`` (``framing add``) or ``--map-outlet NAME=ID``
(``framing import``) to put it under an existing outlet or a new id.

A web page is matched to an outlet by its domain first (``www.``, ``m.`` and other sub-domains of
a known outlet's domain count as that outlet), then by its site name under the rule above.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..corpus import Corpus, atomic_write, slugify, write_outlet
from ..errors import InputError
from ..tomledit import decode_error, newline_of, open_for_edit, render
from ..types import OUTLET_FIELDS, Outlet

__all__ = [
    "same_outlet_name",
    "outlet_id_for",
    "domain_of",
    "OutletRegistry",
    "OutletSummary",
    "summarise_outlets",
    "edit_outlet",
    "OUTLET_FIELDS",
]

_SLUG_OK = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


def _name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


def same_outlet_name(a: str, b: str) -> bool:
    """True when two outlet names are the same outlet under the naming rule.

    >>> same_outlet_name("The Hill", "the-hill"), same_outlet_name("The  Hill", "THE HILL.")
    (True, True)
    >>> same_outlet_name("Newsmax - News", "Newsmax (News)"), same_outlet_name("Café Times", "Cafe Times")
    (True, False)
    """
    return _name_key(a) == _name_key(b)


def outlet_id_for(name: str) -> str:
    """The id an outlet of this name gets.

    >>> outlet_id_for("The Daily Example"), outlet_id_for("../../etc"), outlet_id_for("新闻")
    ('the-daily-example', 'etc', 'outlet')
    """
    return slugify(name, fallback="outlet")


def domain_of(url_or_host: str) -> str:
    """The host of a URL or host name, lower-case, without ``www.`` and port.

    >>> domain_of("https://www.NYTimes.com/2016/x.html"), domain_of("www.washingtontimes.com:443")
    ('nytimes.com', 'washingtontimes.com')
    >>> domain_of("")
    ''
    """
    text = url_or_host.strip()
    if not text:
        return ""
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")


def _domain_matches(host: str, domain: str) -> bool:
    return bool(host and domain) and (host == domain or host.endswith("." + domain))


class OutletRegistry:
    """The outlets of a corpus plus the ones a command is about to create.

    ``resolve`` never writes: it returns the outlet and whether it is new, so a command can refuse
    a whole batch before anything is written; ``save`` writes a new outlet's file.
    """

    def __init__(self, root: str | Path, outlets: dict[str, Outlet] | None = None):
        self.root = Path(root)
        self.outlets: dict[str, Outlet] = dict(outlets or {})
        self.pending: dict[str, Outlet] = {}  # resolved in this run, file not yet written
        self._aliases: dict[str, str] = {}  # exact name seen → id, for speed in bulk imports

    @classmethod
    def load(cls, root: str | Path) -> OutletRegistry:
        root = Path(root)
        if not (root / "outlets").is_dir():
            return cls(root)
        return cls(root, Corpus.load(root).outlets)

    def get(self, outlet_id: str) -> Outlet | None:
        return self.outlets.get(outlet_id) or self.pending.get(outlet_id)

    def by_domain(self, host: str) -> Outlet | None:
        """The outlet whose domain is ``host`` or a parent of it (longest match wins)."""
        host = domain_of(host)
        matches = [
            o
            for o in [*self.outlets.values(), *self.pending.values()]
            if _domain_matches(host, domain_of(o.domain))
        ]
        return max(matches, key=lambda o: len(o.domain), default=None)

    def resolve(
        self,
        *,
        name: str = "",
        outlet: str = "",
        domain: str = "",
        source: str | None = None,
        match_domain: bool = True,
    ) -> tuple[Outlet, bool]:
        """Find or plan the outlet for an article.

        ``outlet`` is what the user named (``--outlet``: an existing id, or a name); ``name`` and
        ``domain`` are what the input says (a page's site name and host, a data column).
        With ``match_domain`` (web pages) a known outlet's domain finds it first; bulk data names
        its outlets, and a domain there only describes a new outlet. Returns ``(outlet, is_new)``; raises :class:`InputError` on a collision.
        """
        if outlet:
            outlet = outlet.strip()
            found = self.get(outlet)
            if found:
                return found, False
            return self._by_name(outlet, domain, source, explicit=True)
        if domain and match_domain:
            found = self.by_domain(domain)
            if found:
                return found, False
        if not name.strip():
            raise InputError(
                source, "cannot tell which outlet published this", hint="name it with --outlet"
            )
        return self._by_name(name, domain, source)

    def _by_name(
        self, name: str, domain: str, source: str | None, *, explicit: bool = False
    ) -> tuple[Outlet, bool]:
        name = " ".join(name.split())
        known = self._aliases.get(name)
        if known:
            outlet = self.get(known)
            assert (
                outlet is not None
            )  # an alias is recorded with its outlet, which stays registered
            return outlet, False
        outlet_id = outlet_id_for(name)
        existing = self.get(outlet_id)
        if existing is not None:
            if same_outlet_name(existing.name, name) or (explicit and name == outlet_id):
                self._aliases[name] = outlet_id
                return existing, False
            raise InputError(
                source,
                f"outlet name {name!r} collides with outlet '{outlet_id}' "
                f"({existing.name!r}): both give the id '{outlet_id}'",
                hint=f"put it under that outlet with --outlet {outlet_id} (import: "
                f'--map-outlet "{name}={outlet_id}"), or under a new id '
                f'(--map-outlet "{name}=<new-id>")',
            )
        new = Outlet(id=outlet_id, name=name, domain=domain_of(domain))
        self.pending[outlet_id] = new
        self._aliases[name] = outlet_id
        return new, True

    def map_name(self, name: str, outlet_id: str) -> None:
        """Put articles whose outlet name is ``name`` under ``outlet_id`` (``--map-outlet``);
        an id that does not exist yet becomes a new outlet with that name."""
        if not _SLUG_OK.match(outlet_id):
            raise InputError(
                None,
                f"outlet id {outlet_id!r} is not a lower-case slug",
                hint='use a-z, 0-9 and hyphens, e.g. --map-outlet "Le Monde=le-monde"',
            )
        name = " ".join(name.split())
        if not self.get(outlet_id):
            self.pending[outlet_id] = Outlet(id=outlet_id, name=name)
        self._aliases[name] = outlet_id

    def is_saved(self, outlet_id: str) -> bool:
        return outlet_id in self.outlets

    def save(self, outlet: Outlet, *, durable: bool = True) -> Path | None:
        """Write a pending outlet's file (no-op for a saved one); never replaces a file."""
        if outlet.id in self.outlets:
            return None
        try:
            path = write_outlet(self.root, outlet)
        except FileExistsError:
            # another process created it meanwhile: use theirs
            self.outlets[outlet.id] = Corpus.load(self.root).outlets[outlet.id]
            self.pending.pop(outlet.id, None)
            return None
        self.outlets[outlet.id] = replace(outlet, path=str(path))
        self.pending.pop(outlet.id, None)
        return path


# --- listing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutletSummary:
    """One row of ``framing outlets``."""

    id: str
    name: str
    articles: int
    first: dt.date | None
    last: dt.date | None
    missing: tuple[str, ...]
    file_exists: bool = True


def summarise_outlets(outlets: dict[str, Outlet], entries: Iterable) -> list[OutletSummary]:
    """Article counts, date ranges and missing metadata per outlet (``entries``: index entries).

    Outlets named by articles but lacking a file are listed too, with ``file_exists=False``.
    """
    counts: Counter = Counter()
    first: dict[str, dt.date] = {}
    last: dict[str, dt.date] = {}
    for e in entries:
        counts[e.outlet] += 1
        if e.published:
            first[e.outlet] = min(first.get(e.outlet, e.published), e.published)
            last[e.outlet] = max(last.get(e.outlet, e.published), e.published)
    rows = []
    for oid in sorted(set(outlets) | set(counts)):
        o = outlets.get(oid)
        rows.append(
            OutletSummary(
                id=oid,
                name=o.name if o else "",
                articles=counts[oid],
                first=first.get(oid),
                last=last.get(oid),
                missing=tuple(o.missing_fields()) if o else ("outlet file",),
                file_exists=o is not None,
            )
        )
    return rows


# --- editing --------------------------------------------------------------------------------------


def edit_outlet(root: str | Path, outlet_id: str, **fields: str) -> Path:
    """Set metadata fields of ``outlets/<outlet_id>.toml``, leaving its other lines as they are.

    The file is edited with tomlkit: a field already in it keeps its place (and its comment), a
    new one goes after the other top-level keys; comments, blank lines and key order stay. The
    result is checked to parse before it atomically replaces the file.
    """
    path = Path(root) / "outlets" / f"{outlet_id}.toml"
    if not _SLUG_OK.match(outlet_id) or not path.is_file():
        raise InputError(
            path, f"no outlet '{outlet_id}'", hint="`framing outlets` lists the outlet ids"
        )
    unknown = [k for k in fields if k not in OUTLET_FIELDS]
    if unknown:
        raise InputError(
            None,
            f"unknown outlet field(s) {', '.join(unknown)}",
            hint=f"fields: {', '.join(OUTLET_FIELDS)}",
        )
    if "name" in fields and not str(fields["name"]).strip():
        raise InputError(path, "an outlet's name cannot be empty")
    try:
        text = path.read_bytes().decode("utf-8")  # as it is: no newline translation
    except UnicodeDecodeError:
        raise InputError(
            path, "cannot edit: the file is not UTF-8 text", hint="re-save it as UTF-8 first"
        ) from None
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = decode_error(exc)
        raise InputError(
            path,
            f"cannot edit: the file is not valid TOML ({message})",
            line=line,
            hint="fix the file by hand first",
        ) from None
    doc = open_for_edit(text)
    if doc is None:
        raise InputError(
            path,
            "cannot edit this file without moving its other lines",
            hint="set the fields by hand",
        )
    values = {key: str(value).strip() for key, value in fields.items()}
    for key, value in values.items():
        doc[key] = value
    content = render(doc, newline_of(text))
    written = tomllib.loads(content)
    if any(written.get(key) != value for key, value in values.items()):  # not expected to happen
        raise InputError(
            path,
            "cannot edit: the result would not read back as given",
            hint="set the fields by hand",
        )
    return atomic_write(path, content, overwrite=True)
