"""Growing a corpus: articles from the web, from saved files and from bulk data, never losing any.

::

    from framing.ingest import add_sources, import_file, ColumnMap, check_corpus, suggest_stories

    add_sources(["https://example.com/news/story.html"], "corpus")
    import_file("articles.jsonl.gz", "corpus",
                columns=ColumnMap(text="content_original", outlet="source", date="date"))
    check_corpus("corpus").problems
    suggest_stories("corpus", window=3, threshold=0.3)

Modules: ``web`` (fetching, extraction), ``files`` (saved pages and plain articles), ``bulk``
(JSONL/CSV/Parquet), ``writer`` (where and how articles are written), ``dedupe`` (same URL, same
text, near-duplicates), ``index`` (one fast pass over a corpus), ``outlets`` (the outlet naming
rule, listing, editing), ``check`` (``framing check``), ``stories`` (grouping articles by event).
"""

from .bulk import ColumnMap, ImportReport, import_file, iter_records, parse_date
from .check import CheckReport, Problem, check_corpus
from .dedupe import NearDuplicate, NearDuplicates, text_key, url_key
from .encoding import Decoded, decode_text, looks_binary
from .files import article_from_html, read_article_file
from .index import CorpusIndex, IndexEntry
from .outlets import (
    OutletRegistry,
    OutletSummary,
    domain_of,
    edit_outlet,
    outlet_id_for,
    same_outlet_name,
    summarise_outlets,
)
from .sources import AddOutcome, add_sources
from .stories import (
    StoryGroup,
    StorySummary,
    apply_story,
    list_stories,
    set_article_metadata,
    suggest_stories,
)
from .web import Extracted, Fetcher, Page, extract_article, fetch
from .writer import AddResult, CorpusWriter, NewArticle

__all__ = [
    "AddOutcome",
    "AddResult",
    "CheckReport",
    "ColumnMap",
    "CorpusIndex",
    "CorpusWriter",
    "Decoded",
    "Extracted",
    "Fetcher",
    "ImportReport",
    "IndexEntry",
    "NearDuplicate",
    "NearDuplicates",
    "NewArticle",
    "OutletRegistry",
    "OutletSummary",
    "Page",
    "Problem",
    "StoryGroup",
    "StorySummary",
    "add_sources",
    "apply_story",
    "article_from_html",
    "check_corpus",
    "decode_text",
    "domain_of",
    "edit_outlet",
    "extract_article",
    "fetch",
    "import_file",
    "iter_records",
    "list_stories",
    "looks_binary",
    "outlet_id_for",
    "parse_date",
    "read_article_file",
    "same_outlet_name",
    "set_article_metadata",
    "suggest_stories",
    "summarise_outlets",
    "text_key",
    "url_key",
]
