"""Who said it: quote precision and recall, speaker and verb accuracy on the hand-labelled gold.

Each gold unit is a paragraph of a real article with every quotation in it labelled by hand
(``benchmarks/quotes_gold.py``, ``benchmarks/gold/GUIDE.md``). The installed extractor is run on
the whole article and its records inside the paragraph are matched to the labelled quotations
(overlapping spans; for indirect speech, the same sentence too). Printed, with Wilson 95%
intervals:

* quote precision: records that are true quotations / records in the labelled paragraphs;
* quote recall: labelled quotations the extractor finds / labelled quotations;
* speaker accuracy: of the found quotations whose speaker the text settles, the share whose
  record names that speaker (strict: the name, or the description for an unnamed speaker, or a
  spelling the labeller listed; lenient also takes the surname or the description written in
  the attribution). A surname alone is right in the strict figure too when the article never
  writes the labelled full name out (the labeller knew "Mitt Romney"; the text only says
  "Romney": the speaker at the resolution the text allows). Names are compared without a
  leading article, title, quantifier or share ("the official", "several legislators", "61
  percent of GOP insiders": the labelling guide left those to the labeller). A record left as
  a bare pronoun or empty counts as unresolved, reported apart and as wrong in the strict
  figure;
* verb accuracy: of the found quotations with a labelled verb, the share whose verb is that one;
* the same speaker accuracy for a simple baseline in the same run: the nearest capitalised name
  before the quotation (the usual fallback in quote attribution).

    python benchmarks/quotes.py [--set quotes_dev.jsonl ...] [--show-errors]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import goldset
import quotes_gold
from axis_precision import wilson

GOLD = ROOT / "benchmarks" / "gold"
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sgt|adm|sen|rep|gov|pres|president|"
    r"senator|governor|secretary|minister|prime minister|vice president|rev|sir|lord|"
    r"dame|judge|justice|attorney general|pope|cardinal|archbishop|bishop|rabbi|imam|sheikh|king|"
    r"queen|prince|princess)\.?\s+)+",
    re.I,
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
_QUANTIFIER = re.compile(r"^(?:some|many|most|several|few|numerous|one|two|three)\s+(?!of\b)")
# a share of a group: "61 percent of GOP insiders", "some 52% of likely voters", "three-quarters of
# consistent conservatives" are the group speaking (labellers kept or dropped the share)
_SHARE_OF = re.compile(
    r"^(?:(?:some|about|nearly|almost|roughly|around|only|just|over|more than|fewer than|"
    r"less than)\s+)?(?:\d[\d.,]*\s*(?:%|percent|per cent)|half|a third|a quarter|"
    r"two[- ]thirds|three[- ]quarters|a majority|majority|a plurality|most|many)\s+of\s+(?:the\s+)?"
)


def fmt(k: int, n: int) -> str:
    if n == 0:
        return "   n/a"
    lo, hi = wilson(k, n)
    return f"{100 * k / n:5.1f}% [{100 * lo:4.1f}%, {100 * hi:5.1f}%]  ({k}/{n})"


def norm(name: str) -> str:
    s = name.lower().replace("’", "'").replace(".", " ")
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"^(?:a|an|the)\s+", "", s)
    # a leading quantifier names no other speaker ("several legislators", "one person familiar
    # with …"): labellers kept or dropped it, as the extractor does, and it is not scored
    s = _SHARE_OF.sub("", s)
    s = _QUANTIFIER.sub("", s)
    s = _TITLES.sub("", s)
    words = s.split()
    if len(words) > 2:  # a middle initial does not make another person ("Donald J. Trump")
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def speaker_ok(record_speaker: str, unit: dict, lenient: bool, text: str = "") -> bool:
    got = norm(record_speaker)
    if not got or got in _PRONOUNS:
        return False
    want = {norm(unit["speaker"])} | {norm(a) for a in unit.get("aliases", [])}
    want.discard("")
    if got in want:
        return True
    # the article only ever writes the surname ("Trump") and the record gives the full name the
    # actor file knows: the same person, at a finer resolution than the text's
    if unit.get("named", True) and any(" " not in w and got.split()[-1] == w for w in want):
        return True
    if (
        text
        and unit.get("named", True)
        and " " not in got
        and any(w.split()[-1] == got for w in want)
        and not any(_written_in(text, n) for n in [unit["speaker"], *unit.get("aliases", [])])
    ):
        # the article never writes the full name the labeller knew ("Romney said" throughout,
        # never "Mitt Romney"): the surname is the resolution the text allows
        return True
    if lenient:
        extra = {norm(unit.get("described_as", ""))} - {""}
        surnames = {w.split()[-1] for w in want if w and unit.get("named", True)}
        return got in extra or got in surnames
    return False


def _written_in(text: str, name: str) -> bool:
    """Does ``text`` write ``name`` (of two words or more) out, titles and case aside?"""
    words = norm(name).split()
    if len(words) < 2:
        return False
    pattern = r"\b" + r"[\s.]+(?:\w\.?\s+)*".join(map(re.escape, words)) + r"\b"
    return re.search(pattern, text.lower().replace("’", "'")) is not None


_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin))*")
_NOT_NAME = frozenset(
    "The A An He She It They We I But And In On At As After When While If "
    "This That These Those His Her Its Their Our Mr Mrs Ms Dr".split()
)


def baseline_speaker(text: str, start: int) -> str:
    """The nearest run of capitalised words before ``start`` that is not a sentence opener
    word: what a quote attributor without a parser falls back to."""
    window = text[max(0, start - 1500) : start]
    best = ""
    for m in _CAP_RUN.finditer(window):
        words = [w for w in m.group().split() if w.strip(".") not in _NOT_NAME]
        if words:
            best = " ".join(words).rstrip(".,")
    return best


def evaluate(path: Path, show_errors: bool) -> dict:
    header, rows = goldset.load_gold(path)
    rows = [r for r in rows if r.get("quotes") is not None]
    ex = quotes_gold.extractor()
    texts = {
        aid: (outlet, title, text)
        for aid, outlet, title, text in goldset.abp_records({r["article_id"] for r in rows})
    }
    n_records = n_true_records = 0
    n_gold = n_found = 0
    sp_n = sp_strict = sp_lenient = sp_unresolved = 0
    base_n = base_ok = 0
    verb_n = verb_ok = 0
    kinds_found: dict[str, list[int]] = {}
    by_how: dict[str, list[int]] = {}
    errors = []
    for row in rows:
        outlet, title, text = texts[row["article_id"]]
        doc = goldset.document("abp", row["article_id"], outlet, title, text)
        shift = len(title) + 2 if title else 0
        ps, pe = row["p_start"], row["p_end"]
        records = [q for q in quotes_gold.quotes_of(ex, doc) if ps <= q.start - shift < pe]
        units = row["quotes"]

        def sentence_of(offset: int, doc=doc, shift=shift) -> int:  # this row's, bound now
            return doc.sentence_index(offset + shift)

        def matches(q, u, shift=shift) -> bool:
            qs, qe = q.start - shift, q.end - shift
            if qs < u["end"] and u["start"] < qe:
                return True
            return (
                q.kind == "indirect"
                and u.get("kind") == "indirect"
                and sentence_of(qs) == sentence_of(u["start"])
            )

        used = set()
        for q in records:
            n_records += 1
            u = next((u for k, u in enumerate(units) if k not in used and matches(q, u)), None)
            if u is not None and u["is_quote"]:
                n_true_records += 1
                used.add(units.index(u))
            elif show_errors:
                why = "no labelled quotation here" if u is None else f"not a quote ({u['why']})"
                errors.append(f"{row['id']} FALSE QUOTE [{q.kind}] {q.text[:70]!r}: {why}")
        for u in units:
            if not u["is_quote"]:
                continue
            n_gold += 1
            kind = u["kind"]
            kinds_found.setdefault(kind, [0, 0])[1] += 1
            rec = next((q for q in records if matches(q, u)), None)
            settled = bool(u["speaker"])
            if settled:
                base_n += 1
                base_ok += speaker_ok(
                    baseline_speaker(text, u["start"]), u, lenient=False, text=text
                )
            if rec is None:
                if show_errors:
                    errors.append(
                        f"{row['id']} MISSED [{kind}] {text[u['start'] : u['end']][:70]!r}"
                        f" by {u['speaker']!r}"
                    )
                continue
            n_found += 1
            kinds_found[kind][0] += 1
            if settled:
                sp_n += 1
                speaker = rec.speaker or rec.speaker_description
                if not norm(speaker) or norm(speaker) in _PRONOUNS:
                    sp_unresolved += 1
                ok = speaker_ok(speaker, u, lenient=False, text=text)
                sp_strict += ok
                how = by_how.setdefault(
                    rec.speaker_by or ("as written" if speaker else "none"), [0, 0]
                )
                how[0] += ok
                how[1] += 1
                sp_lenient += speaker_ok(speaker, u, lenient=True, text=text)
                if not ok and show_errors:
                    errors.append(
                        f"{row['id']} SPEAKER {speaker!r} (by {rec.speaker_by or '-'}, "
                        f"{rec.attributed_by}) should be {u['speaker']!r}: "
                        f"{text[u['start'] : u['end']][:60]!r}"
                    )
            if u.get("verb"):
                verb_n += 1
                good = rec.verb.lower() == u["verb"].lower()
                verb_ok += good
                if not good and show_errors:
                    errors.append(
                        f"{row['id']} VERB {rec.verb!r} should be {u['verb']!r}: "
                        f"{text[u['start'] : u['end']][:60]!r}"
                    )
    name = path.name
    print(
        f"== {name}: {len(rows)} labelled paragraphs (set {header.get('set')!r}, "
        f"{header.get('n_outlets')} outlets) =="
    )
    print(f"quote precision        {fmt(n_true_records, n_records)}")
    print(f"quote recall           {fmt(n_found, n_gold)}")
    for kind in quotes_gold.KINDS:
        k, n = kinds_found.get(kind, [0, 0])
        print(f"  recall, {kind:13s} {fmt(k, n)}")
    print(
        f"speaker accuracy       {fmt(sp_strict, sp_n)}   of found quotations whose speaker "
        f"the text settles"
    )
    print(f"  lenient (surname, description as written) {fmt(sp_lenient, sp_n)}")
    print(f"  left unresolved (pronoun or none)          {fmt(sp_unresolved, sp_n)}")
    print(f"  right when a speaker is given              {fmt(sp_strict, sp_n - sp_unresolved)}")
    print(f"  end to end (found and right / all)        {fmt(sp_strict, base_n)}")
    for how, (k, n) in sorted(by_how.items(), key=lambda kv: -kv[1][1]):
        print(f"  speaker found by {how:26s} {fmt(k, n)}")
    print(
        f"baseline: nearest preceding name, speaker accuracy over all labelled quotations "
        f"{fmt(base_ok, base_n)}"
    )
    print(f"verb accuracy          {fmt(verb_ok, verb_n)}")
    for e in errors:
        print("   ", e)
    return dict(
        precision=(n_true_records, n_records),
        recall=(n_found, n_gold),
        speaker=(sp_strict, sp_n),
        verb=(verb_ok, verb_n),
        baseline=(base_ok, base_n),
        n_paragraphs=len(rows),
        n_outlets=header.get("n_outlets"),
        path=path,
    )


def write_accuracy(result: dict, out: Path, command: str) -> None:
    """``framing/data/quote_accuracy.toml``: the figures the report's Method section quotes."""
    import datetime

    lines = [
        "# How often the quote extractor is right, measured on hand-labelled real news",
        "# (benchmarks/gold, read from ../shared/data; see framing/precision.py).",
        f"# Written by: {command}",
        "",
        f'gold = "benchmarks/gold/{result["path"].name}"',
        f"paragraphs = {result['n_paragraphs']}",
        f"outlets = {result['n_outlets']}",
        f'measured = "{datetime.date.today().isoformat()}"',
        "",
    ]
    for key in ("speaker", "precision", "recall", "verb"):
        k, n = result[key]
        lo, hi = wilson(k, n)
        lines += [
            f"[{key}]",
            f"value = {k / n:.4f}",
            f"low = {lo:.4f}",
            f"high = {hi:.4f}",
            f"n = {n}",
            "",
        ]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", nargs="*", help="gold files (default: every quotes_*.jsonl)")
    ap.add_argument(
        "--show-errors",
        action="store_true",
        help="list each false quote, missed quote, wrong speaker and wrong verb",
    )
    ap.add_argument(
        "--write-accuracy",
        metavar="SET",
        help="write framing/data/quote_accuracy.toml from this gold file (labelled "
        "without sight of the current version's errors)",
    )
    args = ap.parse_args(argv)
    if not goldset.shared_available():
        print("../shared/data is not here: the gold text cannot be read")
        return 2
    paths = [GOLD / s for s in args.set] if args.set else sorted(GOLD.glob("quotes_*.jsonl"))
    if not paths:
        print("no quotes gold set under benchmarks/gold (see benchmarks/quotes_gold.py)")
        return 1
    results = {p.name: evaluate(p, args.show_errors) for p in paths}
    if args.write_accuracy:
        if args.write_accuracy not in results:
            print(f"{args.write_accuracy}: not among the sets measured; pass it with --set")
            return 1
        write_accuracy(
            results[args.write_accuracy],
            ROOT / "framing" / "data" / "quote_accuracy.toml",
            "python benchmarks/quotes.py --write-accuracy " + args.write_accuracy,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
