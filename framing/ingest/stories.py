"""Stories: articles about the same event, across outlets.

A story is the ``story`` id articles share in their metadata. Users assign it by hand
(``--story`` when adding, ``framing stories assign``) or accept suggestions:
:func:`suggest_stories` compares articles of *different* outlets published within a few days of
each other by TF-IDF cosine similarity and groups those above a threshold (connected
components: A~B and B~C put A, B and C in one group). Nothing is written until a suggestion is
accepted, and then only the ``story`` line of each file's metadata changes — the article text
stays byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import parquet_store
from ..corpus import Corpus, atomic_write, slugify
from ..errors import InputError
from ..tomledit import decode_error, open_for_edit, render
from .index import CorpusIndex

__all__ = [
    "StoryGroup",
    "StorySummary",
    "suggest_stories",
    "apply_story",
    "list_stories",
    "set_article_metadata",
]


# --- editing metadata in place -------------------------------------------------------------------


def set_article_metadata(path: str | Path, **fields) -> Path:
    """Set (or, with ``None``/``""``, remove) metadata fields of one article file.

    Only the lines of those keys change (the block is edited with tomlkit); every other byte of
    the file — other metadata lines, comments, and the whole text — stays as it was. The new
    metadata is checked to parse first, and the file is replaced atomically.
    """
    path = Path(path)
    if parquet_store.split_address(path) is not None:
        return parquet_store.set_fields([path], **fields)[0]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the article ({exc.strerror})") from None
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            path, "is not UTF-8 text", hint="`framing check` lists such files"
        ) from None
    lines = content.splitlines(keepends=True)
    if not lines or lines[0].strip().removeprefix("\ufeff") != "+++":
        raise InputError(path, "has no metadata block", line=1)
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
    if close is None:
        raise InputError(path, "metadata block is never closed", line=1)
    for key in fields:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", key) or key in ("outlet", "title"):
            raise InputError(path, f"cannot set {key!r} this way")
    block = "".join(lines[1:close])
    try:
        tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        message, line = decode_error(exc)
        raise InputError(
            path,
            f"cannot change the metadata: it is not valid TOML ({message})",
            line=line + 1 if line else None,
            hint="edit the file by hand",
        ) from None
    doc = open_for_edit(block)
    if doc is None:
        raise InputError(
            path,
            "cannot change the metadata without moving its other lines",
            hint="edit the file by hand",
        )
    for key, value in fields.items():
        if value in (None, ""):
            doc.pop(key, None)
        else:
            doc[key] = value
    crlf = lines[0].endswith("\r\n") and not re.search(r"(?<!\r)\n", block)
    new_block = render(doc, "\r\n" if crlf else "\n")
    meta = tomllib.loads(new_block)
    for key, value in fields.items():
        if value not in (None, "") and meta.get(key) != value:  # not expected to happen
            raise InputError(path, f"cannot set {key!r}", hint="edit the file by hand")
    new_content = lines[0] + new_block + "".join(lines[close:])
    if new_content == content:
        return path
    return atomic_write(path, new_content, overwrite=True)


def apply_story(paths: Iterable[str | Path], story: str) -> list[Path]:
    """Give the articles at ``paths`` the story id ``story`` ("" removes it)."""
    if story and slugify(story, max_length=100) != story:
        raise InputError(
            None,
            f"story id {story!r} is not a lower-case slug",
            hint=f"e.g. {slugify(story, max_length=100)!r}",
        )
    paths = [Path(p) for p in paths]
    in_parts = [p for p in paths if parquet_store.split_address(p) is not None]
    if in_parts:  # a Parquet corpus: each part rewritten once, not once per article
        return parquet_store.set_fields(in_parts, story=story or None) + [
            set_article_metadata(p, story=story or None) for p in paths if p not in set(in_parts)
        ]
    return [set_article_metadata(p, story=story or None) for p in paths]


# --- listing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StorySummary:
    story: str
    articles: int
    outlets: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None


def list_stories(root: str | Path) -> tuple[list[StorySummary], int]:
    """The stories of a corpus and the number of articles in none."""
    index = CorpusIndex.scan(root, digests=False)
    groups = defaultdict(list)
    unassigned = 0
    for e in index.entries.values():
        if e.story:
            groups[e.story].append(e)
        else:
            unassigned += 1
    rows = []
    for story, members in sorted(groups.items()):
        dates = [e.published for e in members if e.published]
        rows.append(
            StorySummary(
                story,
                len(members),
                tuple(sorted({e.outlet for e in members})),
                min(dates, default=None),
                max(dates, default=None),
            )
        )
    return rows, unassigned


# --- suggesting ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryMember:
    path: str
    outlet: str
    title: str
    published: dt.date
    story: str


@dataclass(frozen=True)
class StoryGroup:
    """A suggested story: articles of at least two outlets that read alike.

    ``story`` is the proposed id: the members' existing story if exactly one of them has one,
    else the earliest date and the title of the most central article. ``conflict`` lists
    existing stories when members already belong to different ones (accepting then changes
    nothing). ``similarity`` is the lowest similarity of the links that joined the group.
    """

    number: int
    story: str
    members: tuple[StoryMember, ...]
    similarity: float
    conflict: tuple[str, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({m.outlet for m in self.members}))

    @property
    def unassigned(self) -> tuple[StoryMember, ...]:
        return tuple(m for m in self.members if m.story != self.story)


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def suggest_stories(
    root: str | Path,
    *,
    window: int = 3,
    threshold: float = 0.35,
    min_outlets: int = 2,
    corpus: Corpus | None = None,
) -> list[StoryGroup]:
    """Groups of articles from different outlets, published at most ``window`` days apart,
    whose TF-IDF cosine similarity is at least ``threshold``.

    Groups whose members all already share a story are not suggested again. Undated articles
    cannot be placed in time and are left out.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not 0 < threshold <= 1:
        raise InputError(None, f"threshold {threshold} is not between 0 and 1")
    if window < 0:
        raise InputError(None, "the window cannot be negative")
    corpus = corpus or Corpus.load(root)
    members, texts = [], []
    for article in corpus:
        if article.published is None:
            continue
        members.append(
            StoryMember(
                article.path, article.outlet, article.title, article.published, article.story
            )
        )
        # the headline weighs a little more
        texts.append(f"{article.title}\n{article.title}\n{article.text}")
    if len(members) < 2:
        return []
    order = sorted(range(len(members)), key=lambda i: (members[i].published, members[i].path))
    members = [members[i] for i in order]
    texts = [texts[i] for i in order]
    n = len(members)
    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        dtype=np.float32,
        min_df=2 if n >= 50 else 1,
        max_df=0.5 if n >= 20 else 1.0,
    )
    try:
        matrix = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # nothing but stop words
        return []
    del texts
    days = np.array([m.published.toordinal() for m in members])
    outlets = np.array([m.outlet for m in members], dtype=object)
    uf = _UnionFind(n)
    link_sims: dict[tuple[int, int], float] = {}
    starts = np.flatnonzero(np.diff(np.concatenate([[days[0] - 1], days])))
    for s_pos, a in enumerate(starts.tolist()):  # Python ints, as link_sims's keys
        b = starts[s_pos + 1] if s_pos + 1 < len(starts) else n
        c = int(np.searchsorted(days, days[a] + window, side="right"))
        sims = (matrix[a:b] @ matrix[a:c].T).tocoo()
        for i, j, v in zip(sims.row, sims.col, sims.data):
            gi, gj = a + int(i), a + int(j)
            if gj <= gi or v < threshold or outlets[gi] == outlets[gj]:
                continue
            uf.union(gi, gj)
            link_sims[(gi, gj)] = float(v)
    components = defaultdict(list)
    for i in range(n):
        components[uf.find(i)].append(i)
    min_link: defaultdict[int, float] = defaultdict(lambda: 1.0)
    for (i, _j), v in link_sims.items():
        root_id = uf.find(i)
        min_link[root_id] = min(min_link[root_id], v)
    centrality: defaultdict[int, float] = defaultdict(float)  # summed similarities
    for (i, j), v in link_sims.items():
        centrality[i] += v
        centrality[j] += v
    used_ids = {m.story for m in members if m.story}
    groups: list[StoryGroup] = []
    for root_id, idx in sorted(components.items(), key=lambda kv: kv[1][0]):
        group = [members[i] for i in idx]
        if len({m.outlet for m in group}) < min_outlets:
            continue
        existing = sorted({m.story for m in group if m.story})
        if len(existing) == 1 and all(m.story == existing[0] for m in group):
            continue  # already one story
        conflict: tuple[str, ...]
        if len(existing) == 1:
            story, conflict = existing[0], ()
        elif existing:
            story, conflict = "", tuple(existing)
        else:
            central = members[max(idx, key=lambda i: (centrality[i], -i))]
            base = f"{central.published.isoformat()}-{slugify(central.title, max_length=40)}"
            story, k = base, 2
            while story in used_ids:
                story, k = f"{base}-{k}", k + 1
            used_ids.add(story)
            conflict = ()
        groups.append(
            StoryGroup(len(groups) + 1, story, tuple(group), round(min_link[root_id], 3), conflict)
        )
    return groups
