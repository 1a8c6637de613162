"""``framing check``: every problem in a corpus at once, not just the first the loader meets.

Errors (the corpus will not load or holds the same article twice): outlet files that do not
parse, article files that are binary, not UTF-8, lack the metadata block or a required field,
name an unknown outlet or have no text; duplicates (same URL or same whitespace-normalised text);
temporary files an interrupted write left behind. Warnings (the corpus loads, but look): an
article filed under another outlet's folder, files in ``articles/`` that are not ``.md``.
Notes: near-duplicates across outlets (syndicated copy), which are legitimate but worth knowing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .. import parquet_store
from ..corpus import Corpus, _read_text, parse_outlet
from ..errors import CorpusError
from .dedupe import NearDuplicates, minhash_signature, text_key, url_key
from .index import article_files

__all__ = ["Problem", "CheckReport", "check_corpus"]

_SLUG_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Problem:
    """One finding: ``severity`` is ``error``, ``warning`` or ``note``."""

    path: str
    message: str
    severity: str = "error"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class CheckReport:
    articles: int = 0
    outlets: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _message(exc: CorpusError) -> str:
    return f"{exc.message} — {exc.hint}" if exc.hint else exc.message


# nothing is lost (the file it was writing is whole or absent), so a warning, not an error
_LEFTOVER = (
    "temporary file left by an interrupted write; nothing was lost — the next "
    "`framing add` or `framing import` removes it, or delete it"
)


def check_corpus(
    root: str | Path, *, near_duplicates: bool = True, progress: bool = False
) -> CheckReport:
    """Check the corpus folder ``root``; never writes."""
    root = Path(root)
    report = CheckReport()
    if not root.is_dir():
        report.problems.append(Problem(str(root), "corpus folder not found"))
        return report
    outlet_dir = root / "outlets"
    outlets = {}
    if not outlet_dir.is_dir():
        report.problems.append(
            Problem(
                str(outlet_dir), "outlets folder not found — a corpus needs outlets/<id>.toml files"
            )
        )
    else:
        for path in sorted(outlet_dir.iterdir()):
            if path.name.startswith(".tmp-"):
                report.problems.append(Problem(str(path), _LEFTOVER, "warning"))
                continue
            if path.suffix != ".toml":
                continue
            if not path.stem or set(path.stem) - _SLUG_CHARS or path.stem.startswith("-"):
                report.problems.append(
                    Problem(
                        str(path),
                        f"outlet id '{path.stem}' is not a lower-case slug — rename the file",
                    )
                )
                continue
            try:
                outlets[path.stem] = parse_outlet(
                    _read_text(path, "outlet file"), path, outlet_id=path.stem
                )
            except CorpusError as exc:
                report.problems.append(Problem(str(path), _message(exc), line=exc.line))
    report.outlets = len(outlets)
    corpus = Corpus(outlets, root=root)
    by_url: dict[str, list[str]] = defaultdict(list)
    by_text: dict[str, list[str]] = defaultdict(list)
    near = NearDuplicates() if near_duplicates else None
    articles_dir = root / "articles"
    if articles_dir.is_dir():
        for path in sorted(articles_dir.rglob("*")):
            if path.is_file() and path.name.startswith(".tmp-"):
                report.problems.append(Problem(str(path), _LEFTOVER, "warning"))
            elif (
                path.is_file()
                and path.suffix != ".md"
                and not path.name.startswith(".")
                and not parquet_store.PART_PATTERN.match(path.name)
            ):
                report.problems.append(
                    Problem(str(path), "not an article file (.md): ignored", "warning")
                )
    files = article_files(root)
    iterator = files
    if progress and len(files) >= 200:
        from tqdm import tqdm

        iterator = tqdm(files, desc="checking", unit=" files", leave=False)
    for path in iterator:
        report.articles += 1
        try:
            article = corpus.read_article(path)
        except CorpusError as exc:
            report.problems.append(Problem(str(path), _message(exc), line=exc.line))
            continue
        parts = path.relative_to(articles_dir).parts
        # (in a Parquet corpus the address's first part is the part file, not a folder)
        folder = parts[0] if len(parts) > 1 and parquet_store.split_address(path) is None else ""
        if folder and folder != article.outlet:
            report.problems.append(
                Problem(
                    str(path),
                    f"filed under articles/{folder}/ but its outlet is '{article.outlet}'",
                    "warning",
                )
            )
        key = url_key(article.url)
        if key:
            by_url[key].append(str(path))
        by_text[text_key(article.raw_text)].append(str(path))
        if near is not None:
            signature = minhash_signature(article.raw_text)
            if signature is not None:
                near.add_signature(str(path), article.outlet, signature)
    for reason, groups in (("the same URL", by_url), ("the same text", by_text)):
        for paths in groups.values():
            for other in paths[1:]:
                report.problems.append(
                    Problem(other, f"duplicate of {paths[0]} ({reason}) — delete one of them")
                )
    if near is not None:
        exact = {p for paths in by_text.values() if len(paths) > 1 for p in paths}
        for pair in near.pairs():
            if pair.first in exact and pair.second in exact:
                continue
            report.problems.append(
                Problem(
                    pair.second,
                    f"near-duplicate of {pair.first} "
                    f"({pair.containment:.0%} shared text; "
                    "syndicated copy?)",
                    "note",
                )
            )
    order = {"error": 0, "warning": 1, "note": 2}
    report.problems.sort(key=lambda p: (order[p.severity], p.path, p.line or 0))
    return report
