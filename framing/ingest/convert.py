"""Converting a corpus between the folder store and the Parquet store.

The conversion writes a new corpus and never touches the one it reads: the new corpus is built in
a hidden folder beside its destination and renamed into place when it is complete, so an
interrupted conversion (Ctrl-C included) leaves no destination at all. Article ids, metadata,
texts and the order of the articles are kept, so an analysis of either corpus gives the same
tables (only the ``path`` column, where each article is, differs).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import parquet_store
from ..corpus import Corpus, atomic_write, format_article
from ..errors import CorpusError, InputError
from ..progress import iterate
from .index import read_article_file

__all__ = ["convert_corpus", "ConversionReport"]


@dataclass
class ConversionReport:
    source: Path
    destination: Path
    store: str
    articles: int
    outlets: int
    parts: int


def convert_corpus(
    source: str | Path,
    destination: str | Path,
    *,
    store: str,
    rows_per_part: int = parquet_store.ROWS_PER_PART,
    progress: bool = False,
) -> ConversionReport:
    """Write the corpus at ``source`` as a new ``store`` ("parquet" or "folder") corpus at
    ``destination``, which must not exist. Every article is checked as the loader reads it first:
    a corpus with problems is refused (``framing check`` lists them) and nothing is written."""
    source, destination = Path(source), Path(destination)
    if store not in ("parquet", "folder"):
        raise InputError(
            None, f"unknown store {store!r}", hint="use --store parquet or --store folder"
        )
    corpus = Corpus.load(source)
    if corpus.store == store:
        raise InputError(source, f"is already a {store} corpus", hint="nothing to convert")
    if destination.exists():
        raise InputError(
            destination,
            "already exists",
            hint="name a new folder; the conversion never writes into an existing one",
        )
    paths = corpus.article_paths()
    # check everything before writing anything
    for path in iterate(
        paths,
        title="checking",
        total=len(paths),
        unit="articles",
        enabled=progress and len(paths) >= 200,
    ):
        corpus.read_article(path)
    destination.parent.mkdir(parents=True, exist_ok=True)
    building = Path(
        tempfile.mkdtemp(prefix=f".{destination.name}.converting-", dir=destination.parent)
    )
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(building, 0o777 & ~umask)  # mkdtemp makes it private; a corpus is not
        (building / "outlets").mkdir()
        for outlet in corpus.outlets.values():
            shutil.copy2(outlet.path, building / "outlets" / Path(outlet.path).name)
        n_parts = _write_articles(corpus, paths, building, store, rows_per_part, progress)
        if (source / "README.md").is_file():
            shutil.copy2(source / "README.md", building / "README.md")
        os.rename(building, destination)  # the whole corpus appears at once
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return ConversionReport(source, destination, store, len(paths), len(corpus.outlets), n_parts)


def _write_articles(
    corpus: Corpus, paths: list[Path], root: Path, store: str, rows_per_part: int, progress: bool
) -> int:
    bar = iterate(
        paths,
        title="converting",
        total=len(paths),
        unit="articles",
        enabled=progress and len(paths) >= 200,
    )
    if store == "parquet":
        sink = parquet_store.ParquetSink(root, rows_per_part=rows_per_part, durable=False)
        for path in bar:
            meta, body = read_article_file(path)
            sink.add(corpus._article_id(path), meta, body.strip("\n"))
        sink.flush()
        if hasattr(os, "sync"):
            os.sync()
        return len(sink.parts_written)
    for path in bar:
        meta, body = read_article_file(path)
        article_id = corpus._article_id(path)
        target = root / "articles" / f"{article_id}.md"
        if not target.resolve().is_relative_to(root.resolve()):
            raise CorpusError(
                path,
                f"its id {article_id!r} is not a safe file name",
                hint="ids are <outlet>/<name> with letters, digits and hyphens",
            )
        ordered = {k: meta[k] for k in parquet_store.STANDARD_FIELDS if k in meta}
        ordered.update((k, v) for k, v in meta.items() if k not in ordered)
        atomic_write(target, format_article(ordered, body), durable=False)
    if hasattr(os, "sync"):
        os.sync()
    return 0
