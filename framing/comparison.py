"""Compare: every statistic the report, ``--tables`` and the notebooks show, computed once.

The pipeline is three names: :func:`~framing.analysis.analyse` (one pass over the articles),
:func:`compare` (this module: the tables, as DataFrames, with their intervals) and
:class:`~framing.report.Report` (HTML, charts and tables drawn from a :class:`Comparison` only:
its sections read the comparison's fields and compute nothing of their own).

>>> import framing
>>> c = framing.compare(framing.analyse(framing.load_corpus("corpus")))
>>> sorted(c.axes_shown["outlet"].unique())
['latin-times', 'press-tv']
>>> "verb_mix" in c.tables()
True

A statistic is one function in :mod:`framing.stats` (or the extractor's module) and one field
here; a table of the page is then one field read by one section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

from .analysis import Analysis, summarise_axes
from .corpus import Corpus
from .errors import FramingError
from .parallel import fork_map
from .progress import Progress, as_progress

__all__ = ["Comparison", "compare", "rank_axes", "SMALL_SAMPLE_ARTICLES"]

#: Below this many articles per group, the report says differences describe articles, not outlets.
SMALL_SAMPLE_ARTICLES = 5
#: actors whose tone gets bootstrap intervals: the most mentioned, as many as the page shows
TONE_ACTORS = 8
#: distinctive terms kept per group
TOP_TERMS = 10
#: at most this many articles are re-read to count terms; beyond it, a seeded sample (every
#: shown group keeps up to TERMS_GROUP_FLOOR of its articles) keeps the report within its time budget
TERMS_MAX_ARTICLES = 6000
TERMS_GROUP_FLOOR = 150
#: the outlet map needs this many groups with at least PROFILE_MIN_ARTICLES articles each
PROFILE_MIN_ARTICLES = 5
#: stories compared side by side: those covered by most outlets
MAX_STORIES = 12
#: omissions are found for stories of at least 3 outlets and at most this many articles (their
#: texts are compared sentence by sentence); larger ones: framing.omissions in a notebook
MAX_OMISSION_ARTICLES = 60
#: the omission kinds the page lists. Reported content (a fact echoed across the others by shared
#: words) is left to ``framing.omissions``: hand-checked, fewer than half of its items were right,
#: mostly the same fact in other words; nor dates, which miss the same day told as a weekday
#: (6 of 12 right) (benchmarks/omissions_precision.py)
REPORT_OMISSION_KINDS = ("name", "organisation", "number", "quoted")
#: the top sentences of loaded language per group
TOP_LOADED_SENTENCES = 3
#: bootstrap replicates of the over-time bands and tables
OVER_TIME_BOOT = 200


@dataclass
class Comparison:
    """Every table behind the page, for one analysis compared by one grouping.

    ``by`` is ``"outlet"`` or an outlet metadata field; ``groups`` the groups shown (most
    articles first: index = group key; ``name``, ``n_articles``, ``n_words``). A field is None
    when its extractor did not run or the corpus has too little for it (the page then leaves
    the section out and says why in its place).
    """

    analysis: Analysis
    by: str
    groups: pd.DataFrame
    n_groups: int
    small_threshold: int = SMALL_SAMPLE_ARTICLES
    # framing axes
    axes: pd.DataFrame | None = None  # every group: counts, shares, positions
    axes_shown: pd.DataFrame | None = None  # shown groups, with bootstrap intervals
    axis_ranking: pd.DataFrame | None = None  # axes with hits, in the order the page shows them
    # loaded language
    loaded: pd.DataFrame | None = None
    loaded_profile: pd.DataFrame | None = None
    loaded_intervals: pd.DataFrame | None = None  # own-voice hits per 1,000 words, per group
    top_loaded: pd.DataFrame | None = None  # the most loaded own-voice sentences per group
    # attribution
    verb_mix: pd.DataFrame | None = None
    speaker_verbs: pd.DataFrame | None = None
    quoted_actors: pd.DataFrame | None = None
    quote_share: pd.DataFrame | None = None
    actor_tone: pd.DataFrame | None = None
    tone_actors: list[str] = field(default_factory=list)  # the most mentioned, shown groups
    tone_intervals: pd.DataFrame | None = None  # of tone toward each of tone_actors
    # over time (None below the periods needed)
    freq: str = "auto"
    over_time: pd.DataFrame | None = None
    n_periods: int = 0
    min_periods: int = 3
    shifts: pd.DataFrame | None = None
    attention: pd.DataFrame | None = None
    loaded_over_time: pd.DataFrame | None = None
    verbs_over_time: pd.DataFrame | None = None
    quotes_over_time: pd.DataFrame | None = None
    # distinctive terms (need the corpus: they re-read the texts)
    distinctive_terms: pd.DataFrame | None = None
    n_terms_articles: int = 0  # articles whose terms were counted
    # the outlet map
    outlet_profiles: pd.DataFrame | None = None
    outlet_map: pd.DataFrame | None = None  # 2-D coordinates of the profiles
    # stories
    stories: list[str] = field(default_factory=list)  # the stories shown, most outlets first
    omissions: pd.DataFrame | None = None
    # made once on first use (articles_with_groups, shown_analysis)
    _grouped: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    _shown: Analysis | None = field(default=None, repr=False, compare=False)

    # the tables of --tables, by file name, in the order they are written
    _TABLES = (
        "axes",
        "loaded",
        "loaded_profile",
        "verb_mix",
        "speaker_verbs",
        "quoted_actors",
        "quote_share",
        "actor_tone",
        "over_time",
        "shifts",
        "attention",
        "loaded_over_time",
        "verbs_over_time",
        "quotes_over_time",
        "distinctive_terms",
    )

    @property
    def names(self) -> dict[str, str]:
        """Display name of each shown group."""
        return self.groups["name"].to_dict()

    @property
    def order(self) -> list[str]:
        """The shown groups' display names, in page order."""
        names = self.names
        return [names[k] for k in self.groups.index]

    @property
    def group_word(self) -> str:
        return "outlet" if self.by == "outlet" else self.by

    def articles_with_groups(self) -> pd.DataFrame:
        """The analysis's articles with their group in column ``by`` (made once)."""
        if self._grouped is None:
            a = self.analysis
            self._grouped = a.with_groups(self.by) if self.by != "outlet" else a.articles
        return self._grouped

    def shown_analysis(self) -> Analysis:
        """The analysis restricted to the shown groups (made once): statistics that cost time
        per group are computed for these only."""
        if self._shown is None:
            shown = self.articles_with_groups()[self.by].isin(self.groups.index).to_numpy()
            self._shown = self.analysis if shown.all() else self.analysis.subset(shown)
        return self._shown

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table, by name: the analysis's articles, outlets and evidence, each statistic,
        and the extractors' records (``--tables`` writes one file per table)."""
        a = self.analysis
        out = {
            "articles": a.articles,
            "outlets": a.outlets,
            "evidence": a.hits,
            "evidence_totals": a.hits_total,
        }
        for name in self._TABLES:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.outlet_profiles is not None:
            out["outlet_profiles"] = self.outlet_profiles.reset_index()
        for name, frame in a.records.items():
            out[f"{name}_records"] = frame
        return out

    def __repr__(self) -> str:
        shown = [
            f.name
            for f in fields(self)
            if isinstance(getattr(self, f.name), pd.DataFrame)
            and f.name != "groups"
            and not f.name.startswith("_")
        ]
        return (
            f"<Comparison of {self.analysis.n_articles:,} articles by {self.by}, "
            f"{len(self.groups)} of {self.n_groups} groups shown: {', '.join(shown)}>"
        )


def compare(
    analysis: Analysis,
    corpus: Corpus | None = None,
    *,
    by: str = "outlet",
    max_groups: int = 30,
    freq: str = "auto",
    n_jobs: int = 1,
    progress: bool | Progress = False,
) -> Comparison:
    """Compute every statistic of the comparison (see :class:`Comparison`).

    corpus : the corpus the analysis ran on; needed only for distinctive terms and omissions,
        which re-read the texts (the analysis keeps none).
    by : compare ``"outlet"`` (default) or groups of outlets by a metadata field.
    max_groups : groups shown, most articles first. Statistics that cost time per group
        (intervals, lines over time, the most loaded sentences) are computed for these only;
        the tables of counts and shares cover every group.
    freq : the period of the over-time tables (``"W"``, ``"M"``, ``"Q"``, ``"Y"`` or ``"auto"``).
    n_jobs : worker processes for re-reading texts.
    progress : show the statistics as a stage, one step each (True, or a
        :class:`~framing.progress.Progress`).

    >>> import framing
    >>> corpus = framing.load_corpus("corpus")
    >>> c = compare(framing.analyse(corpus), corpus)
    >>> c.axes_shown.query("axis == 'military-presence' and count > 0")[["outlet", "pole", "count"]]
            outlet        pole  count
    1  latin-times     mission      6
    2     press-tv  occupation      4
    >>> list(c.axis_ranking["axis"][:1]), c.over_time is None  # two articles: no periods to compare
    (['military-presence'], True)
    """
    c = _frame(analysis, by, max_groups, freq)
    steps = [
        ("framing axes", _axes),
        ("loaded language", _loaded),
        ("attribution", _attribution),
        ("over time", _over_time),
        ("distinctive terms", _terms),
        ("outlet map", _outlet_map),
        ("stories", _stories),
    ]
    with as_progress(progress).stage("comparing", total=len(steps), unit="statistics") as stage:
        for name, step in steps:
            with stage.step(name):
                step(c, corpus, n_jobs)
        stage.done(f"{len(c.groups):,} of {c.n_groups:,} {c.group_word}s compared")
    return c


def _frame(a: Analysis, by: str, max_groups: int, freq: str) -> Comparison:
    articles = a.with_groups(by) if by != "outlet" else a.articles
    stats = articles.groupby(by).agg(n_articles=("article_id", "size"), n_words=("n_words", "sum"))
    if by == "outlet":
        names = a.outlets.set_index("id")["name"]
        stats["name"] = stats.index.map(lambda i: names.get(i, i))
    else:
        stats["name"] = stats.index.astype(str)
    stats = stats.sort_values(["n_articles", "name"], ascending=[False, True], kind="stable")
    n_groups = int(articles[by].nunique()) if len(articles) else 0
    return Comparison(
        analysis=a,
        by=by,
        groups=stats.head(max_groups),
        n_groups=n_groups,
        freq=freq,
        _grouped=articles,
    )


# --- framing axes -------------------------------------------------------------------------------


def rank_axes(rows: pd.DataFrame, *, by: str = "outlet", axes=None) -> pd.DataFrame:
    """The one ranking of axes every chart and list uses: axes used by most groups first (two or
    more count alike), then those splitting them most (the spread of their positions), then those
    with most hits. ``rows`` is :func:`~framing.analysis.summarise_axes` output; ``axes`` (ids)
    restricts it. Returns one row per axis with hits: ``axis``, ``n_groups``, ``spread``,
    ``hits``, in rank order."""
    used = rows[rows["axis_total"] > 0]
    if axes is not None:  # in the order given: ties keep it
        axes = list(axes)
        used = used[used["axis"].isin(axes)]
        used = used.iloc[
            np.argsort(
                used["axis"].map({x: k for k, x in enumerate(axes)}).to_numpy(), kind="stable"
            )
        ]
    first = used.drop_duplicates(["axis", by])
    if not len(first):
        return pd.DataFrame({"axis": [], "n_groups": [], "spread": [], "hits": []})
    table = pd.DataFrame(
        {
            "n_groups": first.groupby("axis", sort=False)[by].nunique(),
            "spread": first.groupby("axis", sort=False)["position"]
            .agg(lambda s: s.max() - s.min())
            .fillna(0.0),
            "hits": first.groupby("axis", sort=False)["axis_total"].sum(),
        }
    )
    table["_two"] = table["n_groups"].clip(upper=2)
    table = table.sort_values(["_two", "spread", "hits"], ascending=False, kind="stable")
    return table.drop(columns="_two").rename_axis("axis").reset_index()


def _axes(c: Comparison, corpus, n_jobs) -> None:
    a = c.analysis
    if "axes" not in a.extractors:
        return
    c.axes = summarise_axes(a, by=c.by)
    rows = c.axes[c.axes[c.by].isin(c.groups.index)].copy()
    rows["group_name"] = rows[c.by].map(c.names)
    if len(rows):
        from .stats.uncertainty import axis_intervals

        # bootstrap only the groups on the page: the rest would cost time and never be shown
        ci = axis_intervals(c.shown_analysis(), by=c.by)
        keep = [
            c.by,
            "axis",
            "pole",
            "share_low",
            "share_high",
            "position_low",
            "position_high",
            "note",
        ]
        rows = rows.merge(ci[keep], on=[c.by, "axis", "pole"], how="left")
    c.axes_shown = rows
    # ties keep the lexicon's order
    c.axis_ranking = rank_axes(rows, by=c.by, axes=[x.id for x in a.axis_lexicon or []])


# --- loaded language ----------------------------------------------------------------------------


def _loaded(c: Comparison, corpus, n_jobs) -> None:
    a = c.analysis
    if "loaded" not in a.extractors:
        return
    from .loaded import loaded_profile, summarise_loaded, top_loaded_sentences
    from .stats.uncertainty import bootstrap_ratio

    c.loaded = summarise_loaded(a, by=c.by)
    c.loaded_profile = loaded_profile(a, by=c.by)
    own = [col for col in a.values.columns if col.startswith("loaded:") and col.endswith(":own")]
    if own:
        frame = c.articles_with_groups()[[c.by, "n_words"]].reset_index(drop=True)
        frame = frame.assign(loaded_own=a.values[own].sum(axis=1).to_numpy(dtype=float))
        c.loaded_intervals = bootstrap_ratio(frame, "loaded_own", "n_words", by=c.by, scale=1000.0)
    # score only the groups on the page
    c.top_loaded = top_loaded_sentences(
        c.shown_analysis(), by=c.by, n=TOP_LOADED_SENTENCES, own_voice=True
    )


# --- attribution --------------------------------------------------------------------------------


def _attribution(c: Comparison, corpus, n_jobs) -> None:
    a = c.analysis
    if "attribution" not in a.extractors:
        return
    from .attribution import actor_tone, quote_share, quoted_actors, speaker_verbs, verb_mix
    from .stats.uncertainty import bootstrap_ratio

    by = c.by
    c.verb_mix = verb_mix(a, by=by)
    c.speaker_verbs = speaker_verbs(a, by=by)
    c.quoted_actors = quoted_actors(a, by=by)
    c.quote_share = quote_share(a, by=by)
    c.actor_tone = actor_tone(a, by=by)
    tone = c.actor_tone
    tone = tone[tone[by].isin(c.groups.index) & (tone["n_sentences"] > 0)]
    if not len(tone):
        return
    c.tone_actors = top = (
        tone.groupby("actor")["n_sentences"]
        .sum()
        .sort_values(ascending=False)
        .head(TONE_ACTORS)
        .index.tolist()
    )
    # 95% bootstrap intervals over articles of mean tone (sum of sentence scores ÷ sentences)
    frame = c.articles_with_groups()[[by]].reset_index(drop=True)
    nums, dens = [], []
    for actor in top:
        s, n = f"attribution:tone_sum:{actor}", f"attribution:tone_n:{actor}"
        if s in a.values and n in a.values:
            frame[s] = a.values[s].to_numpy(dtype=float)
            frame[n] = a.values[n].to_numpy(dtype=float)
            nums.append(s)
            dens.append(n)
    if nums:
        table = bootstrap_ratio(frame, nums, dens, by=by)
        c.tone_intervals = table.assign(actor=table["measure"].str.rsplit(":", n=1).str[1])


# --- over time ----------------------------------------------------------------------------------


def _over_time(c: Comparison, corpus, n_jobs) -> None:
    from .stats.over_time import (
        MIN_PERIODS,
        _loaded_columns,
        attention,
        mix_over_time,
        over_time,
        rates_over_time,
        shifts,
    )

    c.min_periods = MIN_PERIODS
    a = c.shown_analysis()
    if "axes" not in a.extractors or not len(a.articles):
        return
    by = c.by
    # 200 replicates shade a band well enough; the tables' intervals use the same
    table = over_time(a, by=by, freq=c.freq, n_boot=OVER_TIME_BOOT)
    periods = table.loc[table["axis_total"] > 0, "period"].nunique() if len(table) else 0
    c.n_periods = int(periods)
    if periods < MIN_PERIODS:
        return
    c.over_time = table
    freq = table.attrs["freq"]
    c.shifts = shifts(a, by=by, freq=freq)
    c.attention = attention(a, by=by, freq=freq)
    # loaded language, verb mix and quote kinds per period, at the axes' period
    columns = a.values.columns
    loaded = _loaded_columns(a)
    if loaded:
        extra = [col for col in ("loaded:loaded_sum",) if col in columns]
        c.loaded_over_time = rates_over_time(
            a, loaded + extra, by=by, freq=freq, n_boot=OVER_TIME_BOOT
        )
    for name, prefix in (
        ("verbs_over_time", "attribution:verb:"),
        ("quotes_over_time", "attribution:quotes:"),
    ):
        if any(col.startswith(prefix) for col in columns):
            setattr(c, name, mix_over_time(a, prefix, by=by, freq=freq, n_boot=OVER_TIME_BOOT))


# --- distinctive terms --------------------------------------------------------------------------


def _terms(c: Comparison, corpus, n_jobs) -> None:
    a = c.analysis
    if corpus is None or a.n_articles < 4:
        return
    from .stats import distinctive_terms, groups_for, term_counts

    chosen = _terms_sample(c.articles_with_groups(), c)
    if corpus.root is not None:
        docs = fork_map(
            corpus.read_article, [corpus.article_path(i) for i in chosen], n_jobs=n_jobs
        )
    else:
        wanted = set(chosen)
        docs = [x for x in corpus if x.id in wanted]
    names: dict[str, Sequence[str]] = {k: (o.name, o.domain) for k, o in corpus.outlets.items()}
    counts = term_counts(docs, min_df=3 if len(chosen) < 500 else 5, outlet_names=names)
    if counts.X.shape[1] == 0:
        return
    groups = groups_for(counts, a, c.by)
    c.distinctive_terms = distinctive_terms(counts, groups, top=TOP_TERMS, by=c.by)
    c.n_terms_articles = len(chosen)


def _terms_sample(articles: pd.DataFrame, c: Comparison) -> list[str]:
    ids = articles["article_id"].to_numpy()
    if len(ids) <= TERMS_MAX_ARTICLES:
        return list(ids)
    rng = np.random.default_rng(0)
    keep = set()
    for g, idx in articles.groupby(c.by).indices.items():
        if g in c.groups.index:
            keep.update(ids[rng.permutation(idx)[:TERMS_GROUP_FLOOR]])
    rest = [i for i in ids[rng.permutation(len(ids))] if i not in keep]
    keep.update(rest[: max(0, TERMS_MAX_ARTICLES - len(keep))])
    return [i for i in ids if i in keep]


# --- the outlet map -----------------------------------------------------------------------------


def _outlet_map(c: Comparison, corpus, n_jobs) -> None:
    from .stats.outlet_map import outlet_map, outlet_profiles

    a = c.analysis
    cols = a.values.columns
    # explicit features: own-voice loaded-language rates, the verb-class mix, the share of
    # quoted words per actor, and mean tone per actor (sum over sentences scored)
    rates = [col for col in cols if col.startswith("loaded:") and col.endswith(":own")]
    mixes = ["attribution:verb:", "attribution:actor_words:"]
    ratios = [
        (col, col.replace(":tone_sum:", ":tone_n:"))
        for col in cols
        if col.startswith("attribution:tone_sum:")
        and col.replace(":tone_sum:", ":tone_n:") in cols
        and a.values[col.replace(":tone_sum:", ":tone_n:")].sum() >= 20
    ]
    try:
        profiles = outlet_profiles(
            a, by=c.by, min_articles=PROFILE_MIN_ARTICLES, rates=rates, mixes=mixes, ratios=ratios
        )
    except FramingError:  # too few groups or features: the section says why it is absent
        return
    c.outlet_profiles = profiles
    if len(profiles) >= 4:
        c.outlet_map = outlet_map(profiles)


# --- stories ------------------------------------------------------------------------------------


def _stories(c: Comparison, corpus, n_jobs) -> None:
    a = c.analysis
    arts = a.articles[a.articles["story"] != ""]
    if not len(arts):
        return
    outlets_per_story = arts.groupby("story")["outlet"].nunique()
    multi = outlets_per_story[outlets_per_story >= 2]
    if not len(multi):
        return
    c.stories = list(multi.sort_values(ascending=False, kind="stable").index[:MAX_STORIES])
    wanted_stories = [
        st
        for st in c.stories
        if outlets_per_story[st] >= 3 and (arts["story"] == st).sum() <= MAX_OMISSION_ARTICLES
    ]
    if corpus is None or not wanted_stories:
        return
    from .stats.omissions import omissions

    wanted = arts[arts["story"].isin(wanted_stories)]
    if corpus.root is not None:
        articles = corpus.read_articles(wanted["article_id"])
    else:
        ids = set(wanted["article_id"])
        articles = [x for x in corpus if x.id in ids]
    c.omissions = omissions(articles, a, top=None, kinds=REPORT_OMISSION_KINDS)
