"""Assemble the report's view from an :class:`~framing.analysis.Analysis`, then render it.

Compute (``framing.analysis``) → assemble (this module: plain dicts and lists, read from the
analysis DataFrames) → render (one Jinja environment, autoescaping every string). Corpus text only
ever reaches the page through autoescaping or :func:`highlight`, which escapes it too.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .. import __version__
from ..analysis import Analysis, analyse, summarise_axes
from ..corpus import Corpus, atomic_write
from . import figures

__all__ = ["Report", "build_report", "highlight", "safe_url", "SMALL_SAMPLE_ARTICLES"]

#: Below this many articles per outlet, the report says differences describe articles, not outlets.
SMALL_SAMPLE_ARTICLES = 5

_ENV: Environment | None = None


def environment() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = Environment(loader=PackageLoader("framing.report", "templates"),
                           autoescape=select_autoescape(default=True, default_for_string=True),
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        _ENV.filters["num"] = _num
        _ENV.filters["pct"] = _pct
    return _ENV


def _num(value, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "–"
    if isinstance(value, (int, np.integer)) or float(value).is_integer() and digits == 0:
        return f"{int(value):,}"
    return f"{float(value):,.{digits}f}"


def _pct(value) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    return f"{100 * float(value):.0f}%"


def highlight(sentence: str, spans: list[tuple[int, int]]) -> Markup:
    """The sentence, escaped, with each ``(start, end)`` span wrapped in ``<mark>``.

    >>> str(highlight("<b>occupation</b> ended", [(3, 13)]))
    '&lt;b&gt;<mark>occupation</mark>&lt;/b&gt; ended'
    """
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos:
            continue
        out.append(escape(sentence[pos:start]))
        out.append(Markup("<mark>") + escape(sentence[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(sentence[pos:]))
    return Markup("").join(out)


def safe_url(url: str) -> str | None:
    """The URL if it is an http(s) link, else None (``javascript:``, ``data:`` … are never links).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x")
    ('https://example.org/a', None, None)
    """
    url = (url or "").strip()
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc and not any(
            c in url for c in "\x00\n\r\t<>\"'`"):
        return url
    return None


class Report:
    """The comparison report for one analysis. ``to_html()``, ``to_file()``, shows in Jupyter.

    title : page title (default: from the corpus name).
    max_outlets : outlets shown in charts and tables (the most-covered ones); the tables written
        with ``--tables`` always hold every outlet.
    evidence_per_cell : sentences shown per outlet and label.
    """

    def __init__(self, analysis: Analysis, *, title: str | None = None, max_outlets: int = 30,
                 evidence_per_cell: int = 10):
        self.analysis = analysis
        self.title = title or f"How outlets frame it: {analysis.name}"
        self.max_outlets = max_outlets
        self.evidence_per_cell = evidence_per_cell

    @classmethod
    def from_corpus(cls, corpus: Corpus, *, axes=None, n_jobs: int = 1, progress: bool = False,
                    **kwargs) -> "Report":
        return cls(analyse(corpus, axes=axes, n_jobs=n_jobs, progress=progress), **kwargs)

    # assemble ---------------------------------------------------------------------------------
    def shown_outlets(self) -> pd.DataFrame:
        a = self.analysis
        stats = a.articles.groupby("outlet").agg(n_articles=("article_id", "size"),
                                                 n_words=("n_words", "sum"))
        stats = stats.rename(columns={"n_articles": "n_articles_seen"})
        outlets = a.outlets.set_index("id").join(stats, how="inner")
        outlets = outlets.sort_values(["n_articles_seen", "name"], ascending=[False, True])
        return outlets.head(self.max_outlets)

    def context(self) -> dict:
        a = self.analysis
        outlets = self.shown_outlets()
        names = outlets["name"].to_dict()
        order = [names[i] for i in outlets.index]
        axis_rows = summarise_axes(a) if "axes" in a.extractors else pd.DataFrame()
        if len(axis_rows):
            axis_rows = axis_rows[axis_rows["outlet"].isin(outlets.index)].copy()
            axis_rows["outlet_name"] = axis_rows["outlet"].map(names)
        counter = a.extractors.get("axes")
        lexicon = counter.lexicon_ if counter is not None else []
        axes_ctx, quiet_axes = [], []
        for axis in lexicon:
            rows = axis_rows[axis_rows["axis"] == axis.id] if len(axis_rows) else axis_rows
            if not len(rows) or rows["count"].sum() == 0:
                quiet_axes.append(axis.label)
                continue
            axes_ctx.append(self._axis_context(axis, rows, order, names))
        per_outlet = a.articles.groupby("outlet").size()
        small = per_outlet[per_outlet < SMALL_SAMPLE_ARTICLES]
        dates = pd.to_datetime(a.articles["published"], errors="coerce").dropna()
        overview = self._overview(axis_rows, lexicon, order)
        return {
            "title": self.title,
            "version": __version__,
            "corpus": a.name,
            "n_articles": a.n_articles,
            "n_outlets": a.n_outlets,
            "n_outlets_shown": len(outlets),
            "n_words": int(a.articles["n_words"].sum()),
            "date_from": dates.min().date().isoformat() if len(dates) else None,
            "date_to": dates.max().date().isoformat() if len(dates) else None,
            "n_stories": int(a.articles["story"].replace("", np.nan).nunique()),
            "small_sample": len(small) > 0,
            "max_articles_per_outlet": int(per_outlet.max()) if len(per_outlet) else 0,
            "n_small_outlets": len(small),
            "small_threshold": SMALL_SAMPLE_ARTICLES,
            "summary": self._summary(axis_rows, lexicon, per_outlet),
            "overview": overview,
            "outlets": [self._outlet_context(i, row) for i, row in outlets.iterrows()],
            "articles": self._articles_context(outlets.index),
            "axes": axes_ctx,
            "quiet_axes": quiet_axes,
            "axes_source": getattr(lexicon, "source", ""),
            "evidence_per_cell": a.evidence_per_cell,
        }

    def _outlet_context(self, outlet_id, row) -> dict:
        return {"id": outlet_id, "name": row["name"], "domain": row["domain"],
                "country": row["country"], "owner": row["owner"], "ownership": row["ownership"],
                "n_articles": int(row["n_articles_seen"]), "n_words": int(row["n_words"])}

    def _articles_context(self, outlet_ids) -> list[dict]:
        arts = self.analysis.articles
        arts = arts[arts["outlet"].isin(outlet_ids)]
        if len(arts) > 200:  # the page samples; --tables has every article
            arts = arts.sort_values(["outlet", "published"]).groupby("outlet").head(3)
        return [{"title": r.title or "(untitled)", "outlet": r.outlet_name,
                 "published": r.published.isoformat() if r.published else "",
                 "story": r.story, "n_words": int(r.n_words), "url": safe_url(r.url),
                 "raw_url": r.url, "n_furniture": int(r.n_furniture_lines)}
                for r in arts.sort_values(["story", "published", "outlet"], na_position="last").itertuples()]

    def _overview(self, axis_rows: pd.DataFrame, lexicon, order: list[str]) -> dict | None:
        if not len(axis_rows):
            return None
        two = {a.id: a for a in lexicon if len(a.poles) == 2}
        rows = axis_rows[axis_rows["axis"].isin(two) & (axis_rows["axis_total"] > 0)]
        rows = rows.drop_duplicates(["axis", "outlet"])
        if not len(rows):
            return None
        # show the axes on which outlets differ most first
        spread = rows.groupby("axis")["position"].agg(lambda s: s.max() - s.min()).fillna(0)
        keep = spread.sort_values(ascending=False, kind="stable").index[:12]
        rows = rows[rows["axis"].isin(keep)].copy()
        rows["left"] = rows["axis"].map(lambda i: two[i].poles[0].name)
        rows["right"] = rows["axis"].map(lambda i: two[i].poles[1].name)
        rows["axis_label"] = rows["axis"].map(lambda i: two[i].label)
        rows["rank"] = rows["axis"].map({k: n for n, k in enumerate(keep)})
        rows = rows.sort_values("rank", kind="stable")
        fig = figures.axis_overview_figure(rows, outlet_order=[o for o in order if o in set(rows["outlet_name"])])
        alt = "; ".join(
            f"{r.axis_label}: {r.outlet_name} "
            + (f"leans to '{r.left}'" if r.position > 0 else f"leans to '{r.right}'" if r.position < 0
               else "is even")
            + f" ({r.axis_total} terms)" for r in rows.itertuples())
        return {"uri": figures.svg_data_uri(fig), "alt": "Framing positions. " + alt}

    def _axis_context(self, axis, rows: pd.DataFrame, order: list[str], names: dict) -> dict:
        a = self.analysis
        present = [o for o in order if o in set(rows["outlet_name"])]
        fig = figures.axis_shares_figure(rows, poles=list(axis.pole_names), outlets=present)
        alt = "; ".join(
            f"{o}: " + ", ".join(f"{r.pole} {r.count}" for r in rows[rows["outlet_name"] == o].itertuples())
            for o in present)
        hits = a.hits[a.hits["feature"] == axis.id] if len(a.hits) else a.hits
        totals = a.hits_total[a.hits_total["feature"] == axis.id] if len(a.hits_total) else a.hits_total
        titles = a.articles.set_index("article_id")["title"]
        evidence = []
        for outlet_id, name in names.items():
            for pole in axis.pole_names:
                cell = hits[(hits["outlet"] == outlet_id) & (hits["label"] == pole)] if len(hits) else hits
                if not len(cell):
                    continue
                n_total = int(totals[(totals["outlet"] == outlet_id) & (totals["label"] == pole)]["n_hits"].sum())
                items = []
                grouped = cell.groupby(["article_id", "sentence_index"], sort=False)
                for (article_id, _), sent in list(grouped)[: self.evidence_per_cell]:
                    items.append({
                        "html": highlight(sent["sentence"].iloc[0],
                                          list(zip(sent["start"], sent["end"]))),
                        "terms": sorted(set(sent["matched"].str.lower())),
                        "in_quote": bool(sent["in_quote"].all()),
                        "article": titles.get(article_id, article_id),
                    })
                evidence.append({"outlet": name, "pole": pole, "items": items, "n_total": n_total,
                                 "n_sentences": grouped.ngroups,
                                 "anchor": f"ev-{axis.id}-{outlet_id}-{_slug(pole)}"})
        table = []
        for o in present:
            for r in rows[rows["outlet_name"] == o].itertuples():
                table.append({"outlet": o, "pole": r.pole, "count": r.count, "own": r.own_voice,
                              "quoted": r.quoted, "share": r.share, "rate": r.rate_per_1k,
                              "n_articles": r.n_articles, "n_words": r.n_words,
                              "anchor": f"ev-{axis.id}-{r.outlet}-{_slug(r.pole)}" if r.count else None})
        return {"id": axis.id, "label": axis.label, "question": axis.question, "topic": axis.topic,
                "poles": [{"name": p.name, "description": p.description, "terms": p.terms}
                          for p in axis.poles],
                "chart": {"uri": figures.svg_data_uri(fig), "alt": f"{axis.label}. {alt}"},
                "table": table, "evidence": evidence}

    def _summary(self, axis_rows: pd.DataFrame, lexicon, per_outlet: pd.Series) -> list[str]:
        """A few sentences generated from the numbers: where outlets split on an axis."""
        sentences = []
        if not len(axis_rows):
            return ["No framing-axis terms were found in this corpus."]
        names = self.analysis.outlets.set_index("id")["name"]
        for axis in lexicon:
            rows = axis_rows[(axis_rows["axis"] == axis.id) & (axis_rows["count"] > 0)]
            if rows["outlet"].nunique() < 2:
                continue
            dominant = rows.sort_values("count", ascending=False).groupby("outlet").head(1)
            dominant = dominant[dominant["share"] >= 0.6]
            if dominant["pole"].nunique() < 2:
                continue
            parts = []
            for r in dominant.sort_values("count", ascending=False).itertuples():
                voice = f", {r.own_voice} in its own voice" if r.quoted else ""
                only = "only " if r.share == 1 else f"mostly ({r.share:.0%}) "
                parts.append(f"{names.get(r.outlet, r.outlet)} uses {only}'{r.pole}' terms "
                             f"({r.count} {'hit' if r.count == 1 else 'hits'}{voice})")
            sentences.append(f"On {axis.label.lower()}, " + "; ".join(parts) + ".")
        if not sentences:
            sentences.append("The outlets do not split clearly on any framing axis: where they use "
                             "an axis's terms, they lean to the same side.")
        if len(per_outlet) and per_outlet.max() < SMALL_SAMPLE_ARTICLES:
            n = int(per_outlet.max())
            sentences.append(
                f"Each outlet is represented by {'a single article' if n == 1 else f'at most {n} articles'}: "
                "these differences describe the articles in this corpus, not the outlets' coverage "
                "in general, and no confidence interval can be given.")
        return sentences[:8]

    # render -----------------------------------------------------------------------------------
    def to_html(self) -> str:
        env = environment()
        script = env.get_template("report.js").render()
        ctx = self.context()
        ctx["script"] = Markup(script)
        ctx["script_hash"] = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        ctx["css"] = Markup(env.get_template("report.css").render())
        return env.get_template("report.html.j2").render(**ctx)

    def to_file(self, path: str | Path) -> Path:
        """Write the page atomically (a half-written report never replaces a good one)."""
        path = Path(path)
        atomic_write(path, self.to_html(), overwrite=True)
        return path

    def _repr_html_(self) -> str:
        # An iframe keeps the report's styles and script from touching the notebook page.
        return (f'<iframe srcdoc="{html.escape(self.to_html(), quote=True)}" '
                f'style="width:100%;height:720px;border:1px solid #ccc" '
                f'sandbox="allow-scripts" title="{html.escape(self.title)}"></iframe>')


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def build_report(corpus: str | os.PathLike | Corpus = "corpus", **kwargs) -> Report:
    """Analyse a corpus (folder or :class:`Corpus`) and return its :class:`Report`."""
    if not isinstance(corpus, Corpus):
        corpus = Corpus.load(corpus)
    report_keys = {"title", "max_outlets", "evidence_per_cell"}
    report_kwargs = {k: v for k, v in kwargs.items() if k in report_keys}
    analysis_kwargs = {k: v for k, v in kwargs.items() if k not in report_keys}
    return Report(analyse(corpus, **analysis_kwargs), **report_kwargs)
