"""framing: how news outlets frame the same events differently.

The public API, for scripts and notebooks (everything listed in ``__all__``)::

    import framing

    corpus = framing.load_corpus("corpus")          # a corpus folder, or a DataFrame of articles
    analysis = framing.analyse(corpus)              # one pass: axes, loaded language, quotes …

    framing.summarise_axes(analysis)                # which label each outlet picks (a DataFrame)
    framing.summarise_axes(analysis, by="ownership")
    framing.axis_intervals(analysis, by="leaning")  # … with bootstrap intervals
    framing.evidence(analysis, "military-presence", "occupation")   # the sentences behind it
    framing.summarise_loaded(analysis)              # loaded language per outlet
    framing.quoted_actors(analysis)                 # who is quoted, how much
    framing.compare_terms(corpus, analysis, by="leaning")           # distinctive words
    framing.axis_chart(analysis, "military-presence")               # a matplotlib Figure
    framing.over_time(analysis, freq="M")           # label shares per month, with intervals
    framing.shifts(analysis)                        # where a share changed, tested
    framing.omissions(corpus, analysis)             # what most others report and one does not

    comparison = framing.compare(analysis, corpus)  # every table the report shows, computed once
    comparison.axes_shown, comparison.verb_mix      # … as DataFrames
    report = framing.Report(analysis, comparison=comparison)   # shows inline in Jupyter
    report.to_file("reports/corpus.html")

Load → analyse → compare → render. Results are pandas DataFrames (or objects holding them that
display in Jupyter); charts are matplotlib Figures you can restyle. More in the sub-packages:
:mod:`framing.stats` (distinctive terms, intervals, the outlet map, axis discovery) and
:mod:`framing.ingest` (adding articles from the web, files and bulk data). The notebooks in
``notebooks/`` walk through all of it.

Modules that pull in matplotlib or large lexicons are imported on first use, so ``import framing``
(and the command line) stays quick.
"""

import importlib as _importlib

from ._version import __version__
from .analysis import Analysis, analyse, summarise_axes
from .axes import AxisCounter, AxisLexicon, load_axes
from .corpus import Corpus, load_corpus
from .display import Evidence, evidence
from .errors import CorpusError, FramingError, InputError, LexiconError
from .report import Report, build_report
from .types import Article, Hit, Outlet, Sentence

__all__ = [
    "__version__",
    # load
    "load_corpus",
    "Corpus",
    "Article",
    "Outlet",
    # extract
    "analyse",
    "Analysis",
    "Hit",
    "Sentence",
    "score_sentences",
    "AxisCounter",
    "LoadedLanguage",
    "AttributionExtractor",
    "load_axes",
    "AxisLexicon",
    # compare
    "compare",
    "Comparison",
    "summarise_axes",
    "axis_intervals",
    "summarise_loaded",
    "loaded_profile",
    "top_loaded_sentences",
    "verb_mix",
    "quoted_actors",
    "quote_share",
    "actor_tone",
    "compare_terms",
    "evidence",
    "Evidence",
    "over_time",
    "shifts",
    "attention",
    "omissions",
    # charts
    "axis_chart",
    "overview_chart",
    # report
    "Report",
    "build_report",
    # errors
    "FramingError",
    "CorpusError",
    "InputError",
    "LexiconError",
]

#: public names imported on first use: name -> (module, attribute); a module when attribute is None
_LAZY = {
    "compare": ("framing.comparison", "compare"),
    "compare_terms": ("framing.stats.distinctive", "compare_terms"),
    "Comparison": ("framing.comparison", "Comparison"),
    "score_sentences": ("framing.loaded", "score_sentences"),
    "LoadedLanguage": ("framing.loaded", "LoadedLanguage"),
    "summarise_loaded": ("framing.loaded", "summarise_loaded"),
    "loaded_profile": ("framing.loaded", "loaded_profile"),
    "top_loaded_sentences": ("framing.loaded", "top_loaded_sentences"),
    "AttributionExtractor": ("framing.attribution", "AttributionExtractor"),
    "verb_mix": ("framing.attribution", "verb_mix"),
    "quoted_actors": ("framing.attribution", "quoted_actors"),
    "quote_share": ("framing.attribution", "quote_share"),
    "actor_tone": ("framing.attribution", "actor_tone"),
    "axis_intervals": ("framing.stats", "axis_intervals"),
    "over_time": ("framing.stats.over_time", "over_time"),
    "shifts": ("framing.stats.over_time", "shifts"),
    "attention": ("framing.stats.over_time", "attention"),
    "omissions": ("framing.stats.omissions", "omissions"),
    "axis_chart": ("framing.figures", "axis_chart"),
    "overview_chart": ("framing.figures", "overview_chart"),
    "stats": ("framing.stats", None),
    "ingest": ("framing.ingest", None),
    "figures": ("framing.figures", None),
}


def __getattr__(name: str):
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'framing' has no attribute {name!r}") from None
    module = _importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
