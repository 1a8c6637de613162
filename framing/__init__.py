"""framing: how news outlets frame the same events differently.

The public API, for scripts and notebooks::

    import framing
    corpus = framing.load_corpus("corpus")
    analysis = framing.analyse(corpus)
    framing.summarise_axes(analysis)          # a DataFrame: counts, shares, positions per outlet
    framing.Report(analysis).to_file("reports/corpus.html")
"""

__version__ = "0.1.0"

from .analysis import Analysis, analyse, summarise_axes
from .axes import AxisCounter, AxisLexicon, load_axes
from .corpus import Corpus, load_corpus
from .errors import CorpusError, FramingError, InputError, LexiconError
from .report import Report, build_report
from .types import Article, Hit, Outlet, Sentence

__all__ = [
    "__version__",
    "Article",
    "Analysis",
    "AxisCounter",
    "AxisLexicon",
    "Corpus",
    "CorpusError",
    "FramingError",
    "Hit",
    "InputError",
    "LexiconError",
    "Outlet",
    "Report",
    "Sentence",
    "analyse",
    "build_report",
    "load_axes",
    "load_corpus",
    "summarise_axes",
]
