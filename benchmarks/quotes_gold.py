"""The quotes gold set: paragraphs of real articles with every quotation in them labelled by hand.

A unit of the gold set is one paragraph of one article from Article-Bias-Prediction
(``../shared/data``). The labeller reads the article up to the paragraph and lists *every*
quotation and report of speech in the paragraph: whether it is one, its kind (direct, partial,
indirect), who said it (by name where the article names the person anywhere, else the
description the text gives), other ways of writing that speaker, and the reporting verb that
introduces it. Because the paragraph is labelled completely and independently of the extractor,
the same gold measures any later version: quote precision (records in the paragraph that are
true quotes), recall (true quotes the extractor finds), speaker and verb accuracy.

To help the labeller miss nothing, the sheet lists as *candidates* the spans the installed
extractor found (their text and kind only, never the speaker or verb it gave, so the labels are
not anchored on its answers) and the labeller adds whatever it missed by quoting the exact words.

The files hold article IDs, character offsets into the raw ``content_original`` field, and labels;
never the text (``benchmarks/goldset.py`` reads it from ``../shared``).

    python benchmarks/quotes_gold.py sample --set qdev --seed 7 --articles 160 \\
        --out benchmarks/gold/quotes_dev.jsonl --sheet /tmp/label/qdev_sheet.jsonl
    (label the sheet by benchmarks/gold/GUIDE.md, "Quotes": one labels line per paragraph)
    python benchmarks/quotes_gold.py merge benchmarks/gold/quotes_dev.jsonl /tmp/label/*.labels.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import goldset

KINDS = ("direct", "partial", "indirect")
_CONTEXT_CHARS = 3500  # article text shown before the paragraph (antecedents of "he", "she")
_MAX_PARAGRAPH = 1200  # longer paragraphs are page furniture or transcripts more often than news
_PER_OUTLET = 4  # so that a few large outlets do not make the whole set


def extractor():
    from framing.attribution import AttributionExtractor

    return AttributionExtractor(tone=False).fit()


def quotes_of(ex, doc):
    """The installed extractor's quotes for ``doc`` (``framing.quotes.Quote`` objects)."""
    from framing.attribution import find_reporting_verbs
    from framing.quotes import find_quotes

    verbs = find_reporting_verbs(doc, ex.verbs_)
    quotes = find_quotes(doc, verbs, ex.actors_) if doc.quotes or verbs else []
    # what a corpus read from disk leaves out (furniture, linked-name headline runs) has no quotes
    left_out = goldset.left_out_spans(doc)
    return [q for q in quotes if not goldset.in_spans(left_out, q.start, q.end)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n+", text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if len(text) > start:
        spans.append((start, len(text)))
    return spans


_SPEECH_HINT = re.compile(
    r"[\"“”]|\b(?:said|says|told|according to|stated|added|claimed|argued|insisted|wrote|"
    r"tweeted|explained|warned|announced|asked|noted|admitted|denied|called|described)\b"
)


def sample(
    *, n_articles: int, seed: int, exclude: set[str], out: Path, sheet: Path, set_name: str
) -> None:
    rng = random.Random(seed)
    ids = [aid for aid, _, _, _ in goldset.abp_records()]
    pool = [i for i in ids if f"abp:{i}" not in exclude]
    rng.shuffle(pool)
    # draw more than needed: some articles have no paragraph with speech in it
    chosen = pool[: n_articles * 4]
    order = {aid: k for k, aid in enumerate(chosen)}
    ex = extractor()
    candidates = []
    for aid, outlet, title, text in goldset.abp_records(set(chosen)):
        if not text.strip():
            continue
        paras = [
            (s, e)
            for s, e in paragraphs(text)
            if e - s <= _MAX_PARAGRAPH and _SPEECH_HINT.search(text, s, e)
        ]
        if not paras:
            continue
        local = random.Random(f"{seed}:{aid}")
        ps, pe = local.choice(paras)
        candidates.append((order[aid], aid, outlet, title, text, ps, pe))
    candidates.sort()
    per_outlet: Counter = Counter()
    picked = []
    for _, aid, outlet, title, text, ps, pe in candidates:
        if len(picked) >= n_articles:
            break
        if per_outlet[outlet] >= _PER_OUTLET:
            continue
        per_outlet[outlet] += 1
        picked.append((aid, outlet, title, text, ps, pe))

    gold_rows, sheet_rows = [], []
    for n, (aid, outlet, title, text, ps, pe) in enumerate(picked, 1):
        doc = goldset.document("abp", aid, outlet, title, text)
        shift = len(title) + 2 if title else 0
        cands = []
        for q in quotes_of(ex, doc):
            s, e = q.start - shift, q.end - shift
            if ps <= s < pe:
                cands.append(
                    dict(
                        cand=f"c{len(cands) + 1}",
                        start=s,
                        end=min(e, pe),
                        kind=q.kind,
                        text=text[s : min(e, pe)][:300],
                    )
                )
        uid = f"{set_name}-{n:04d}"
        gold_rows.append(
            dict(
                id=uid,
                source="abp",
                article_id=aid,
                field="text",
                p_start=ps,
                p_end=pe,
                candidates=[{k: c[k] for k in ("cand", "start", "end", "kind")} for c in cands],
                quotes=None,
            )
        )
        sheet_rows.append(
            dict(
                id=uid,
                outlet=outlet,
                headline=title,
                article_before=("…" if ps > _CONTEXT_CHARS else "")
                + text[max(0, ps - _CONTEXT_CHARS) : ps],
                paragraph=text[ps:pe],
                article_after=text[pe : pe + 1500] + ("…" if pe + 1500 < len(text) else ""),
                candidates=[{k: c[k] for k in ("cand", "kind", "text")} for c in cands],
            )
        )
    header = dict(
        kind="quotes",
        set=set_name,
        seed=seed,
        n_paragraphs=len(gold_rows),
        n_outlets=len(per_outlet),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"header": header}) + "\n")
        for row in gold_rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    sheet.parent.mkdir(parents=True, exist_ok=True)
    with open(sheet, "w", encoding="utf-8") as fh:
        for row in sheet_rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_cands = sum(len(r["candidates"]) for r in gold_rows)
    print(
        f"{len(gold_rows)} paragraphs from {len(per_outlet)} outlets, {n_cands} candidates "
        f"-> {out}; sheet {sheet}"
    )


def _locate(paragraph: str, snippet: str) -> tuple[int, int] | None:
    """Where the labeller's exact words are in the paragraph (white space and quote marks
    normalised); None when they are not there."""

    def norm(s):
        return re.sub(
            r"\s+", " ", s.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
        )

    p, s = norm(paragraph), norm(snippet.strip())
    if not s:
        return None
    i = p.find(s)
    if i < 0:
        return None
    # map back: the normalisation keeps lengths except for collapsed white space
    if len(p) == len(paragraph):
        return i, i + len(s)
    raw_positions = [
        k
        for k, ch in enumerate(paragraph)
        if not (ch.isspace() and k > 0 and paragraph[k - 1].isspace())
    ]
    return raw_positions[i], raw_positions[min(i + len(s), len(raw_positions)) - 1] + 1


def merge(gold_path: Path, label_paths: list[Path]) -> int:
    header, rows = goldset.load_gold(gold_path)
    labels = {}
    for lp in label_paths:
        with open(lp, encoding="utf-8") as fh:
            for k, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as err:
                    print(f"{lp}:{k}: not JSON ({err.msg}); fix the line and merge again")
                    return 1
                labels[rec["id"]] = rec
    texts = {aid: text for aid, _, _, text in goldset.abp_records({r["article_id"] for r in rows})}
    problems = 0
    for row in rows:
        lab = labels.get(row["id"])
        if lab is None:
            continue
        paragraph = texts[row["article_id"]][row["p_start"] : row["p_end"]]
        cands = {c["cand"]: c for c in row["candidates"]}
        quotes = []
        for q in lab.get("quotes", []):
            unit = dict(
                is_quote=bool(q.get("is_quote", True)),
                kind=q.get("kind", ""),
                speaker=q.get("speaker", ""),
                aliases=list(q.get("aliases", [])),
                described_as=q.get("described_as", ""),
                named=q.get("named", True),
                verb=q.get("verb", ""),
                why=q.get("why", ""),
            )
            if q.get("cand"):
                c = cands.get(q["cand"])
                if c is None:
                    print(f"{row['id']}: no candidate {q['cand']!r}")
                    problems += 1
                    continue
                unit.update(start=c["start"], end=c["end"], cand=q["cand"])
            else:
                where = _locate(paragraph, q.get("snippet", ""))
                if where is None:
                    print(
                        f"{row['id']}: snippet not in the paragraph: {q.get('snippet', '')[:60]!r}"
                    )
                    problems += 1
                    continue
                unit.update(
                    start=row["p_start"] + where[0], end=row["p_start"] + where[1], cand=None
                )
            if unit["is_quote"] and unit["kind"] not in KINDS:
                print(f"{row['id']}: kind {unit['kind']!r} is not one of {', '.join(KINDS)}")
                problems += 1
            quotes.append(unit)
        labelled = {q["cand"] for q in quotes if q.get("cand")}
        for c in row["candidates"]:
            if c["cand"] not in labelled:
                print(f"{row['id']}: candidate {c['cand']} has no label")
                problems += 1
        row["quotes"] = sorted(quotes, key=lambda u: u["start"])
    tmp = gold_path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"header": header}) + "\n")
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(gold_path)
    done = sum(1 for r in rows if r["quotes"] is not None)
    print(f"{done} of {len(rows)} paragraphs labelled; {problems} problems")
    return 1 if problems else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw paragraphs and write the gold skeleton and a sheet")
    s.add_argument("--set", required=True)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--articles", type=int, default=160)
    s.add_argument("--exclude", nargs="*", default=[], help="gold files whose articles to avoid")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--sheet", type=Path, required=True)
    m = sub.add_parser("merge", help="add a labeller's lines to the gold file")
    m.add_argument("gold", type=Path)
    m.add_argument("labels", type=Path, nargs="+")
    args = ap.parse_args(argv)
    if not goldset.shared_available():
        print("../shared/data is not here: the gold text cannot be read")
        return 2
    if args.cmd == "sample":
        exclude = set()
        for p in args.exclude:
            _, items = goldset.load_gold(Path(p))
            exclude |= {f"{i['source']}:{i['article_id']}" for i in items}
        sample(
            n_articles=args.articles,
            seed=args.seed,
            exclude=exclude,
            out=args.out,
            sheet=args.sheet,
            set_name=args.set,
        )
        return 0
    return merge(args.gold, args.labels)


if __name__ == "__main__":
    raise SystemExit(main())
