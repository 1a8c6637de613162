"""Notebook display: the sentences behind a number, with the counted words highlighted.

:func:`evidence` filters ``analysis.hits`` (every counted word with its sentence) down to one
axis, pole, category, outlet or group, one row per sentence, and returns an :class:`Evidence`
object: its ``frame`` is a plain DataFrame, and in Jupyter it shows as a table with the counted
words marked, the outlet, whether the words are the outlet's own or a quoted speaker's, and the
article they come from. All corpus text is escaped before it reaches the page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .errors import InputError
from .report.evidence import highlight

__all__ = ["Evidence", "evidence", "EVIDENCE_COLUMNS"]

#: the columns of :attr:`Evidence.frame`
EVIDENCE_COLUMNS = [
    "outlet",
    "outlet_name",
    "group",
    "labels",
    "terms",
    "voice",
    "sentence",
    "spans",
    "article_id",
    "title",
    "published",
    "sentence_index",
]


@dataclass
class Evidence:
    """Sentences behind a count: ``frame`` (one row per sentence) and how many matched in all.

    ``frame`` columns: ``outlet`` (id), ``outlet_name``, ``group`` (the value of ``by`` when a
    group was chosen, else the outlet name), ``labels`` (``feature: label`` of each counted word),
    ``terms`` (the words as written), ``voice`` (``own`` when every counted word is outside quotation
    marks, ``quoted`` when every one is inside, else ``mixed``), ``sentence``, ``spans`` (character
    offsets of the counted words in ``sentence``), ``article_id``, ``title``, ``published`` and
    ``sentence_index``.
    """

    frame: pd.DataFrame
    total: int
    description: str = ""
    sampled: bool = False

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        shown = f", {len(self.frame)} shown" if len(self.frame) < self.total else ""
        what = f" ({self.description})" if self.description else ""
        return f"<Evidence{what}: {self.total} sentences{shown}>"

    def _repr_html_(self) -> str:
        esc = html.escape
        head = (
            f"<p><strong>{self.total:,} sentence{'s' if self.total != 1 else ''}</strong>"
            + (f" — {esc(self.description)}" if self.description else "")
            + (f"; the first {len(self.frame):,} shown" if len(self.frame) < self.total else "")
            + (
                "; drawn from the evidence sample the analysis kept (every count is complete)"
                if self.sampled
                else ""
            )
            + ". <mark>Marked</mark>: the counted words.</p>"
        )
        if not len(self.frame):
            return f"<div>{head}</div>"
        left = 'style="text-align:left;vertical-align:top"'
        rows = []
        for r in self.frame.itertuples(index=False):
            article = esc(r.title or r.article_id)
            if r.published:
                article += f" <small>({esc(str(r.published))})</small>"
            rows.append(
                f"<tr><td {left}>{esc(r.group)}</td>"
                f"<td {left}>{esc(', '.join(r.labels))}</td>"
                f"<td {left}>{highlight(r.sentence, list(r.spans))}</td>"
                f"<td {left}>{esc(r.voice)}</td><td {left}>{article}</td></tr>"
            )
        header = "".join(
            f"<th {left}>{h}</th>"
            for h in (
                "group" if self.frame["group"].ne(self.frame["outlet_name"]).any() else "outlet",
                "counted as",
                "sentence",
                "voice",
                "article",
            )
        )
        return (
            f"<div>{head}<table><thead><tr>{header}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )


def _as_list(value) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else [str(v) for v in value]


def evidence(
    analysis,
    feature: str | None = None,
    label: str | Sequence[str] | None = None,
    *,
    outlet: str | Sequence[str] | None = None,
    by: str = "outlet",
    group: str | Sequence[str] | None = None,
    own_voice: bool | None = None,
    n: int | None = 20,
) -> Evidence:
    """The sentences behind a number: one row per sentence, counted words highlighted in Jupyter.

    feature : what was counted: an axis id (``"military-presence"``), ``"loaded"`` … (the values
        of ``analysis.hits["feature"]``); None keeps every feature.
    label : a pole or category of that feature (``"occupation"``, ``"emotive"``), or a list.
    outlet : outlet id(s) or name(s).
    by, group : keep the sentences of one group of outlets, e.g. ``by="leaning", group="right"``.
    own_voice : True keeps words outside quotation marks (the outlet's own voice), False quoted
        words only, None both.
    n : show at most ``n`` sentences (None: all), taking each outlet's in turn, so a short list
        covers every outlet; :attr:`Evidence.total` counts every match.

    The sentences are those the analysis kept: all of them for a small corpus, a fixed-seed sample
    of ``evidence_per_cell`` per outlet and label for a large one (the counts are always complete).

    >>> import framing
    >>> a = framing.analyse(framing.load_corpus("corpus"))
    >>> ev = evidence(a, "military-presence", "occupation")
    >>> ev.frame["outlet"].unique().tolist()
    ['press-tv']
    >>> row = ev.frame.iloc[0]
    >>> row["terms"], row["voice"]
    (['occupation'], 'own')
    >>> row["sentence"][slice(*row["spans"][0])]
    'occupation'
    >>> evidence(a, "military-presence", "mission", own_voice=False).frame["voice"].unique().tolist()
    ['quoted']
    """
    hits = analysis.hits
    described = []
    if feature is not None:
        known = sorted(hits["feature"].unique()) if len(hits) else []
        lexicons = {k for k in analysis.extractors}
        axis_ids = (
            {a.id for a in analysis.extractors["axes"].lexicon_}
            if "axes" in analysis.extractors
            else set()
        )
        if feature not in known and feature not in axis_ids and feature not in lexicons:
            raise InputError(
                None,
                f"nothing was counted as {feature!r}",
                hint=f"features with evidence: {', '.join(known) or '(none)'}",
            )
        hits = hits[hits["feature"] == feature]
        described.append(feature)
    labels = _as_list(label)
    if labels is not None:
        hits = hits[hits["label"].isin(labels)]
        described.append(" / ".join(labels))
    outlets = analysis.outlets
    names = dict(zip(outlets["id"], outlets["name"])) if len(outlets) else {}
    wanted = _as_list(outlet)
    if wanted is not None:
        by_name = {str(v).casefold(): k for k, v in names.items()}
        ids = []
        for w in wanted:
            if w in names:
                ids.append(w)
            elif w.casefold() in by_name:
                ids.append(by_name[w.casefold()])
            else:
                raise InputError(
                    None,
                    f"no outlet {w!r} in this analysis",
                    hint=f"outlets: {', '.join(sorted(names)[:20])}",
                )
        hits = hits[hits["outlet"].isin(ids)]
        described.append(", ".join(names.get(i, i) for i in ids))
    groups = None
    if group is not None or by != "outlet":
        try:
            articles = analysis.with_groups(by)
        except KeyError as exc:
            raise InputError(
                None,
                str(exc).strip("\"'"),
                hint="group by outlet, story or an outlet metadata field",
            ) from None
        groups = dict(zip(articles["article_id"], articles[by].astype(str)))
        chosen = _as_list(group)
        if chosen is not None:
            hits = hits[hits["article_id"].map(groups).isin(chosen)]
            described.append(f"{by} = {' / '.join(chosen)}")
    if own_voice is not None:
        hits = hits[hits["in_quote"] != own_voice]
        described.append("own voice" if own_voice else "quoted")
    frame = _sentences(hits, analysis.articles, names, groups)
    total = len(frame)
    if n is not None:
        frame = frame.head(n).reset_index(drop=True)
    sampled = bool(
        analysis.evidence_per_cell is not None
        and len(analysis.hits_total)
        and int(analysis.hits_total["n_hits"].sum()) > len(analysis.hits)
    )
    return Evidence(frame=frame, total=total, description="; ".join(described), sampled=sampled)


def _sentences(
    hits: pd.DataFrame, articles: pd.DataFrame, names: dict, groups: dict | None
) -> pd.DataFrame:
    if not len(hits):
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    titles = articles.set_index("article_id")[["title", "published"]]
    titles = titles[~titles.index.duplicated()]
    rows = []
    ordered = hits.sort_values(["outlet", "article_id", "sentence_index", "start"], kind="stable")
    for (article_id, index), sent in ordered.groupby(["article_id", "sentence_index"], sort=False):
        quoted = sent["in_quote"].astype(bool)
        outlet_id = sent["outlet"].iloc[0]
        name = names.get(outlet_id, outlet_id)
        rows.append(
            {
                "outlet": outlet_id,
                "outlet_name": name,
                "group": groups.get(article_id, "(unknown)") if groups is not None else name,
                "labels": list(
                    dict.fromkeys(f"{f}: {lab}" for f, lab in zip(sent["feature"], sent["label"]))
                ),
                "terms": list(dict.fromkeys(sent["matched"])),
                "voice": "quoted" if quoted.all() else "own" if not quoted.any() else "mixed",
                "sentence": sent["sentence"].iloc[0],
                "spans": sorted(set(zip(sent["start"].astype(int), sent["end"].astype(int)))),
                "article_id": article_id,
                "title": titles["title"].get(article_id, ""),
                "published": titles["published"].get(article_id),
                "sentence_index": int(index),
            }
        )
    frame = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    # round-robin over outlets (each in article and sentence order), so the first rows shown
    # come from every outlet rather than from the alphabetically first one
    turn = frame.groupby("outlet", sort=False).cumcount()
    order = sorted(range(len(frame)), key=lambda i: (turn.iat[i], frame["outlet"].iat[i]))
    return frame.iloc[order].reset_index(drop=True)
