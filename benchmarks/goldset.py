"""Real articles for the hand-checked gold sets: read them from ../shared, find hits, sample them.

The gold files under ``benchmarks/gold/`` hold no text: each line names an article (the source
and its ID), the field (``title`` or ``text``), character offsets inside that field, the term,
what it was counted for, and the hand label. This module rebuilds the text from ``../shared``
so the benchmark and the sampler see exactly the same characters.

* ``abp``: Article-Bias-Prediction (Baly et al. 2020), ``articles.jsonl.gz``: title and
  ``content_original`` as published (no furniture removal: the offsets refer to the raw field).
* ``newswcl50``: NewsWCL50 (Hamborg et al. 2019), ``NewsWCL50.conll``: the tokens of each document
  joined by single spaces (no space before closing punctuation), one sentence a line.

Sampling (``python benchmarks/goldset.py sample …``) draws a seeded random set of articles, runs
the extractors as installed, and takes a stratified random sample of their hits (per axis, or per
loaded-language category), at most two per article and stratum, writing the gold skeleton (no
text) and, separately, a labelling sheet with the sentences for the person who labels them.
The population counts of each stratum are written to the skeleton's header so that the
benchmark can weight strata back to the population.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.text import Document
from framing.types import Article

SHARED = ROOT.parent / "shared" / "data"
ABP = SHARED / "article_bias_prediction" / "articles.jsonl.gz"
WCL = SHARED / "newswcl50" / "NewsWCL50.conll"

_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}”’]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{“$]) ")


def shared_available() -> bool:
    return ABP.exists() and WCL.exists()


def abp_records(ids: set[str] | None = None):
    """``(id, source, title, text)`` for each article (only ``ids`` when given)."""
    with gzip.open(ABP, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if ids is not None and rec["ID"] not in ids:
                continue
            yield (
                rec["ID"],
                rec.get("source") or "",
                rec.get("title") or "",
                rec.get("content_original") or "",
            )


def newswcl50_records():
    """``(doc id, outlet code, "", text)`` for each of the 50 documents."""
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(WCL, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                sentences[parts[0]][int(parts[1])].append(parts[3])
    for doc, sents in sentences.items():
        lines = []
        for k in sorted(sents):
            s = " ".join(sents[k])
            s = _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", s))
            lines.append(s)
        yield doc, doc.rsplit("_", 1)[-1], "", "\n".join(lines)


def document(source: str, article_id: str, outlet: str, title: str, text: str) -> Document:
    """The article as the extractors see it in a corpus read from disk, with the gold's offsets
    kept: linked-name headline runs, which loading cuts out (:mod:`framing.furniture`), are
    blanked to spaces of the same length rather than removed."""
    return Document.from_article(
        Article(
            id=f"{source}:{article_id}",
            outlet=outlet or "?",
            title=title,
            text=blank_link_runs(text),
        )
    )


def blank_link_runs(text: str) -> str:
    try:
        from framing.furniture import link_runs
    except ImportError:  # an earlier version (measured as it was) left link runs in the text
        return text
    lines = []
    for line in text.split("\n"):
        for s, e in link_runs(line):
            line = line[:s] + " " * (e - s) + line[e:]
        lines.append(line)
    return "\n".join(lines)


def left_out_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc.text`` that a corpus read from disk would not analyse: page furniture
    lines and linked-name headline runs (:mod:`framing.furniture`). The gold keeps offsets into
    the raw text, so the benchmarks run on it and leave out what falls in these spans, as a
    report would."""
    from framing.furniture import is_furniture_line

    try:
        from framing.furniture import link_runs
    except ImportError:  # an earlier version (measured as it was) left link runs in the text

        def link_runs(line):
            return []

    spans, at = [], 0
    for line in doc.text.split("\n"):
        stripped = line.strip()
        if stripped and is_furniture_line(stripped):
            spans.append((at, at + len(line)))
        else:
            spans.extend((at + s, at + e) for s, e in link_runs(line))
        at += len(line) + 1
    return spans


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def field_offsets(title: str, start: int, end: int) -> tuple[str, int, int]:
    """Offsets in ``Article.analysed_text`` → (field, start, end) inside the raw field."""
    if title and start < len(title):
        return "title", start, end
    shift = len(title) + 2 if title else 0
    return "text", start - shift, end - shift


def analysed_offsets(title: str, field: str, start: int, end: int) -> tuple[int, int]:
    if field == "title":
        return start, end
    shift = len(title) + 2 if title else 0
    return start + shift, end + shift


def load_gold(path: Path) -> tuple[dict, list[dict]]:
    header, items = {}, []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if "header" in rec:
                header = rec["header"]
            else:
                items.append(rec)
    return header, items


def gold_documents(items: list[dict]) -> dict[str, tuple[Document, str]]:
    """``"source:id" -> (Document, title)`` for every article the gold items name."""
    want = defaultdict(set)
    for it in items:
        want[it["source"]].add(it["article_id"])
    docs = {}
    if want.get("abp"):
        for aid, src, title, text in abp_records(want["abp"]):
            docs[f"abp:{aid}"] = (document("abp", aid, src, title, text), title)
    if want.get("newswcl50"):
        for aid, src, title, text in newswcl50_records():
            if aid in want["newswcl50"]:
                docs[f"newswcl50:{aid}"] = (document("newswcl50", aid, src, title, text), title)
    return docs


# --- sampling -----------------------------------------------------------------------------------


def _hits_of(kind: str, extractor, doc: Document):
    ex = extractor.extract(doc)
    out = []
    left_out = left_out_spans(doc)
    for h in ex.hits:
        if kind == "loaded" and h.feature != "loaded":
            continue
        s0, _ = doc.sentence_spans[h.sentence_index]
        if in_spans(left_out, s0 + h.start, s0 + h.end):
            continue  # furniture: a report never counts it
        out.append((h.feature if kind == "axes" else h.label, h, s0 + h.start, s0 + h.end))
    return out


def sample(
    kind: str,
    *,
    n_articles: int,
    seed: int,
    quotas: dict[str, int],
    default_quota: int,
    exclude_articles: set[str],
    out: Path,
    sheet: Path,
    set_name: str,
) -> None:
    from framing.axes import AxisCounter, load_axes
    from framing.loaded import LoadedLanguage

    rng = random.Random(seed)
    ids = []
    for aid, _, _, _ in abp_records():
        ids.append(aid)
    pool = [i for i in ids if f"abp:{i}" not in exclude_articles]
    chosen = set(rng.sample(pool, min(n_articles, len(pool))))
    extractor = AxisCounter().fit() if kind == "axes" else LoadedLanguage().fit()
    lexicon = load_axes() if kind == "axes" else None
    by_stratum: dict[str, list] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    n_docs = 0

    def visit(source, aid, outlet, title, text):
        nonlocal n_docs
        if not text.strip():
            return
        doc = document(source, aid, outlet, title, text)
        n_docs += 1
        per_article = defaultdict(int)
        hits = _hits_of(kind, extractor, doc)
        for stratum, _h, _a_start, _a_end in hits:
            population[stratum] += 1
        rng_local = random.Random(f"{seed}:{source}:{aid}")
        rng_local.shuffle(hits)
        for stratum, h, a_start, a_end in hits:
            if per_article[stratum] >= 2:
                continue
            per_article[stratum] += 1
            fld, fs, fe = field_offsets(title, a_start, a_end)
            by_stratum[stratum].append(
                dict(
                    source=source,
                    article_id=aid,
                    field=fld,
                    start=fs,
                    end=fe,
                    term=h.term,
                    feature=h.feature,
                    label=h.label,
                    _sentence=h.sentence,
                    _s=h.start,
                    _e=h.end,
                    _title=title,
                    _outlet=outlet,
                    _quoted=h.in_quote,
                )
            )

    for aid, src, title, text in abp_records(chosen):
        visit("abp", aid, src, title, text)
    for aid, src, title, text in newswcl50_records():
        if f"newswcl50:{aid}" not in exclude_articles:
            visit("newswcl50", aid, src, title, text)

    picked = []
    for stratum in sorted(by_stratum):
        cands = by_stratum[stratum]
        rng.shuffle(cands)
        picked += cands[: quotas.get(stratum, default_quota)]
    rng.shuffle(picked)
    header = dict(
        kind=kind,
        set=set_name,
        seed=seed,
        n_articles=n_docs,
        population={k: population[k] for k in sorted(population)},
        sampled={
            k: sum(1 for p in picked if (p["feature"] if kind == "axes" else p["label"]) == k)
            for k in sorted(population)
        },
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"header": header}) + "\n")
        for n, p in enumerate(picked, 1):
            rec = {k: v for k, v in p.items() if not k.startswith("_")}
            rec = dict(id=f"{set_name}-{n:04d}", **rec, verdict=None, why="")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(sheet, "w", encoding="utf-8") as fh:
        for n, p in enumerate(picked, 1):
            s, e, sent = p["_s"], p["_e"], p["_sentence"]
            marked = sent[:s] + "[[" + sent[s:e] + "]]" + sent[e:]
            row = dict(
                id=f"{set_name}-{n:04d}",
                outlet=p["_outlet"],
                headline=p["_title"],
                counted_for=(
                    f"axis {p['feature']} / pole {p['label']}"
                    if kind == "axes"
                    else f"loaded-language category {p['label']}"
                ),
                term=p["term"],
                in_quotation_marks=p["_quoted"],
                sentence=marked,
            )
            if kind == "axes":
                axis = lexicon[p["feature"]]
                row["axis_question"] = axis.question
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(picked)} hits sampled from {n_docs} articles -> {out}; sheet {sheet}")
    print("population:", dict(population))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="sample hits of the installed extractors for labelling")
    s.add_argument("kind", choices=["axes", "loaded"])
    s.add_argument("--set", required=True, help="name of the set (dev, fresh1 …)")
    s.add_argument("--articles", type=int, default=4000)
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("--quota", type=int, default=25, help="hits per stratum")
    s.add_argument("--quotas", default="", help="per stratum: axis=n,axis=n")
    s.add_argument("--exclude", nargs="*", default=[], help="gold files whose articles to avoid")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--sheet", type=Path, required=True)
    args = p.parse_args(argv)
    if not shared_available():
        print(f"needs {ABP} and {WCL}", file=sys.stderr)
        return 2
    quotas = {}
    for part in filter(None, args.quotas.split(",")):
        k, v = part.split("=")
        quotas[k.strip()] = int(v)
    exclude = set()
    for path in args.exclude:
        for it in load_gold(Path(path))[1]:
            exclude.add(f"{it['source']}:{it['article_id']}")
    sample(
        args.kind,
        n_articles=args.articles,
        seed=args.seed,
        quotas=quotas,
        default_quota=args.quota,
        exclude_articles=exclude,
        out=args.out,
        sheet=args.sheet,
        set_name=args.set,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
