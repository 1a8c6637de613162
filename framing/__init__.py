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
import os as _os
from collections import Counter as _Counter
from collections.abc import Iterable as _Iterable
from dataclasses import replace as _replace

import pandas as _pd

from . import types as _types
from ._version import __version__
from .analysis import Analysis, analyse, summarise_axes
from .axes import AxisCounter, AxisLexicon, load_axes
from .corpus import Corpus
from .corpus import slugify as _slugify
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


_OUTLET_FIELDS = tuple(f for f in _types.OUTLET_FIELDS if f != "name")  # the name has its column


def load_corpus(
    source: str | _os.PathLike | _pd.DataFrame = "corpus",
    *,
    text: str = "text",
    outlet: str = "outlet",
    title: str | None = "title",
    published: str | None = "published",
    story: str | None = "story",
    url: str | None = "url",
    outlet_fields: dict[str, str] | None = None,
    name: str = "corpus",
) -> Corpus:
    """Open a corpus: a corpus folder, or a pandas DataFrame with one article per row.

    source : the folder holding ``outlets/`` and ``articles/`` (read lazily, one article at a time),
        or a DataFrame. Only for a DataFrame:
    text, outlet : the columns holding each article's text and its outlet's name (required);
    title, published, story, url : optional columns (absent columns are left empty);
    outlet_fields : outlet metadata from columns, e.g. ``{"leaning": "bias", "country": "country"}``:
        each outlet gets the most common non-empty value among its rows, so articles can be
        grouped by it (``summarise_axes(analysis, by="leaning")``);
    name : the corpus's name (reports are titled with it).

    >>> import pandas as pd
    >>> load_corpus("corpus")
    <Corpus 'corpus': 2 articles, 2 outlets>
    >>> df = pd.DataFrame({"text": ["Foreign troops ended the occupation.", "The mission ended.",
    ...                             "Troops left."],
    ...                    "outlet": ["Daily A", "Daily B", "Daily B"],
    ...                    "bias": ["left", "right", "right"]})
    >>> corpus = load_corpus(df, outlet_fields={"leaning": "bias"}, name="demo")
    >>> corpus
    <Corpus 'demo': 3 articles, 2 outlets>
    >>> [(o.id, o.name, o.leaning) for o in corpus.outlets.values()]
    [('daily-a', 'Daily A', 'left'), ('daily-b', 'Daily B', 'right')]
    """
    if not isinstance(source, _pd.DataFrame):
        if outlet_fields:
            raise InputError(
                None,
                "outlet_fields applies to a DataFrame only",
                hint="a corpus folder keeps outlet metadata in outlets/<id>.toml",
            )
        return Corpus.load(source)
    corpus = Corpus.from_frame(
        source,
        text=text,
        outlet=outlet,
        title=title,
        published=published,
        story=story,
        url=url,
        name=name,
    )
    for field, column in (outlet_fields or {}).items():
        if field not in _OUTLET_FIELDS:
            raise InputError(
                None,
                f"{field!r} is not an outlet field",
                hint=f"outlet fields: {', '.join(_OUTLET_FIELDS)}",
            )
        if column not in source.columns:
            raise InputError(
                None,
                f"the DataFrame has no column {column!r}",
                hint=f"columns: {list(source.columns)}",
            )
        ids = source[outlet].astype(str).map(lambda n: _slugify(n, fallback="outlet"))
        values = source[column].where(source[column].notna(), "").astype(str).str.strip()
        counts: dict[str, _Counter] = {}
        for outlet_id, value in zip(ids, values):
            if value:
                counts.setdefault(outlet_id, _Counter())[value] += 1
        for outlet_id, counter in counts.items():
            corpus.outlets[outlet_id] = _replace(
                corpus.outlets[outlet_id], **{field: counter.most_common(1)[0][0]}
            )
    return corpus


def compare_terms(
    corpus: Corpus,
    analysis: Analysis | None = None,
    *,
    by: str = "outlet",
    top: int | None = 20,
    min_df: int = 5,
    **options,
) -> _pd.DataFrame:
    """Words and two-word phrases each group uses more than the other groups do.

    Each group (outlet, leaning, ownership …) is compared with all other articles by log-odds
    with an informative Dirichlet prior; ``z_doc`` treats articles, not words, as the evidence,
    and ``significant`` requires a false-discovery-rate q ≤ 0.05 *and* a |z_doc| beyond what a
    random split of the group itself reaches. See :func:`framing.stats.distinctive_terms` for the
    columns and ``options``; :func:`framing.stats.term_counts` for what is counted (``min_df``:
    a term must occur in that many articles; outlets' boilerplate lines and names are left out).

    corpus : the corpus the analysis ran on (the texts are read again; the analysis keeps none).
    analysis : needed to group by ``story``; otherwise ``by`` is ``outlet`` or an outlet field.

    >>> import pandas as pd
    >>> towns = ["Kabul", "Herat", "Kandahar", "Mazar", "Kunduz", "Jalalabad"]
    >>> df = pd.DataFrame({
    ...     "text": [f"Foreign troops ended the occupation near {t}." for t in towns]
    ...             + [f"Troops ended the mission near {t}." for t in towns],
    ...     "outlet": ["A"] * 6 + ["B"] * 6})
    >>> t = compare_terms(load_corpus(df), min_df=2)
    >>> t[t["term"].isin(["occupation", "mission"])][["outlet", "term", "count_group",
    ...                                               "count_rest"]].values.tolist()
    [['a', 'occupation', 6, 0], ['b', 'mission', 6, 0]]
    """
    from .stats import distinctive_terms, groups_for, term_counts

    counts = term_counts(corpus, min_df=min_df)
    groups: _Iterable[str]  # an array, or a list
    if analysis is not None:
        groups = groups_for(counts, analysis, by)
    elif by == "outlet":
        groups = counts.outlets
    elif by in _OUTLET_FIELDS:
        groups = [
            corpus.outlets[o].group_value(by) if o in corpus.outlets else "(unknown)"
            for o in counts.outlets
        ]
    else:
        raise InputError(
            None,
            f"cannot group by {by!r} without the analysis",
            hint="pass the analysis: compare_terms(corpus, analysis, by=...)",
        )
    return distinctive_terms(counts, groups, top=top, by=by, **options)
