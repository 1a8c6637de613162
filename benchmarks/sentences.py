"""How well does :func:`framing.text.split_sentences` find sentence boundaries?

Run from the repository root::

    python benchmarks/sentences.py            # both measurements
    python benchmarks/sentences.py --show 10  # and up to 10 errors of each kind

Two measurements, each for framing's splitter and for NLTK's untrained ``PunktSentenceTokenizer``
(the Punkt that works offline; the trained English model needs a download):

1. **Hard cases**: hand-written news sentences with the traps of news prose (titles such as
   "Gen.", "U.S.", "Aug.", initials, "p.m.", quotations with several sentences, quotes split by
   their attribution, ellipses). The gold splits are written here, so precision and recall of
   the boundaries are exact; but the cases were written alongside framing's rules, so read them
   as a regression check of known traps (two known misses included), not as an estimate.

2. **BABE** (Spinde et al. 2021, ``../shared/data/babe/final_labels_SG2.csv``): about 3,700 news
   sentences from 11 US outlets, one per row. Rows are joined with a space into pseudo-paragraphs
   of eight, and the joins are the gold boundaries. Recall is exact. Precision is not: a few rows
   hold two sentences, so a break inside a row may be right. Two figures bound it: the *lower
   bound* counts every break inside a row as false; the *estimate* counts a break inside a row as
   right when the word before it is an ordinary lower-case word (a sentence end) and false when
   it is an abbreviation-like token (a single letter, a word with inner full stops, or one of
   the common abbreviations of news prose), which is where splitters go wrong. Joins where the row
   has no final punctuation (headline-like rows) cannot be found from punctuation; they are
   counted apart.

Nothing from BABE is stored in the project; the script reads the file where it lies and skips,
saying so, when it is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.text import split_sentences

BABE = ROOT.parent / "shared" / "data" / "babe" / "final_labels_SG2.csv"
ROWS_PER_PARAGRAPH = 8

# (text, its sentences). Written for this benchmark; each line tests one trap, named in a comment.
HARD_CASES: list[tuple[str, list[str]]] = [
    # a title abbreviation before a name
    (
        "Gen. Frank McKenzie spoke first. Reporters left.",
        ["Gen. Frank McKenzie spoke first.", "Reporters left."],
    ),
    # stacked titles and an initial
    (
        "Lt. Gen. Mark Milley met Adm. John C. Aquilino in Doha. Both declined to comment.",
        ["Lt. Gen. Mark Milley met Adm. John C. Aquilino in Doha.", "Both declined to comment."],
    ),
    # a long descriptive title
    (
        "Central Command leader Marine Corps Gen. Frank McKenzie said the flight left.",
        ["Central Command leader Marine Corps Gen. Frank McKenzie said the flight left."],
    ),
    # "U.S." inside a sentence
    (
        "The U.S. Army left Bagram. The base was handed over.",
        ["The U.S. Army left Bagram.", "The base was handed over."],
    ),
    # "U.S." ending a sentence
    (
        "The last troops returned to the U.S. The war was over.",
        ["The last troops returned to the U.S.", "The war was over."],
    ),
    # a month abbreviation and a date
    (
        "The last plane left on Aug. 30 at 3:29 p.m. Officials confirmed it.",
        ["The last plane left on Aug. 30 at 3:29 p.m.", "Officials confirmed it."],
    ),
    # "p.m." mid-sentence
    (
        "The flight left at 11 p.m. Eastern time on Monday.",
        ["The flight left at 11 p.m. Eastern time on Monday."],
    ),
    # "U.N." before a proper noun
    (
        "The U.N. Security Council adopted a resolution. China abstained.",
        ["The U.N. Security Council adopted a resolution.", "China abstained."],
    ),
    # initials in a name
    (
        "The novel by J. K. Rowling sold well. Critics were kind.",
        ["The novel by J. K. Rowling sold well.", "Critics were kind."],
    ),
    (
        "John F. Kennedy was elected in 1960. He was 43.",
        ["John F. Kennedy was elected in 1960.", "He was 43."],
    ),
    # state abbreviations and party labels
    (
        "Sen. Lindsey Graham, R-S.C., said the plan failed. Others agreed.",
        ["Sen. Lindsey Graham, R-S.C., said the plan failed.", "Others agreed."],
    ),
    # Washington, D.C. at a sentence end
    (
        "The protest moved to Washington, D.C. The police followed.",
        ["The protest moved to Washington, D.C.", "The police followed."],
    ),
    # "St." and "Ft." in place names
    (
        "He grew up in St. Louis and trained at Ft. Bragg. He deployed twice.",
        ["He grew up in St. Louis and trained at Ft. Bragg.", "He deployed twice."],
    ),
    # "No." before a number
    (
        "The No. 2 official resigned. A successor was named.",
        ["The No. 2 official resigned.", "A successor was named."],
    ),
    # a decimal number and a currency amount
    (
        "The war cost $2.3 trillion. Congress never voted on it.",
        ["The war cost $2.3 trillion.", "Congress never voted on it."],
    ),
    # a quotation with several sentences before its attribution
    (
        '"We made history again. The occupation ended tonight," said Anas Haqqani. He smiled.',
        ['"We made history again. The occupation ended tonight," said Anas Haqqani.', "He smiled."],
    ),
    # curly quotes, a quote split across its attribution
    (
        "“I believe we will get them out,” McKenzie said. “Our desire remains.”",
        ["“I believe we will get them out,” McKenzie said.", "“Our desire remains.”"],
    ),
    # a reversed opening mark
    (
        "McKenzie asserted that ”every single US service member is now out.” The base was empty.",
        [
            "McKenzie asserted that ”every single US service member is now out.”",
            "The base was empty.",
        ],
    ),
    # a question inside a quotation
    (
        '"Why now? Why not in May?" she asked. Nobody answered.',
        ['"Why now? Why not in May?" she asked.', "Nobody answered."],
    ),
    # an ellipsis inside a sentence and inside a quote
    (
        "“We did not get everybody out … but I think we did well,” he said. The base closed.",
        ["“We did not get everybody out … but I think we did well,” he said.", "The base closed."],
    ),
    # an ellipsis ending a sentence
    ("They waited… Nobody came.", ["They waited…", "Nobody came."]),
    # a sentence ending in a closing quote, then a new one
    (
        "She called it a “positive step.” Others disagreed.",
        ["She called it a “positive step.”", "Others disagreed."],
    ),
    # a closing bracket after the full stop
    (
        "The base was handed over. (Officials confirmed it.) The army took control.",
        ["The base was handed over.", "(Officials confirmed it.)", "The army took control."],
    ),
    # an exclamation, then a sentence starting with a digit
    ("It is over! 2021 ends a long war.", ["It is over!", "2021 ends a long war."]),
    # "e.g." and "i.e." mid-sentence
    (
        "Some groups, e.g. the Haqqani network, refused. Others, i.e. the rest, agreed.",
        ["Some groups, e.g. the Haqqani network, refused.", "Others, i.e. the rest, agreed."],
    ),
    # "Inc." and "Corp." in company names
    (
        "Apple Inc. and Microsoft Corp. reported earnings. Shares rose.",
        ["Apple Inc. and Microsoft Corp. reported earnings.", "Shares rose."],
    ),
    # "Mr." and "Dr."
    (
        "Mr. Biden met Dr. Anthony Fauci. They spoke for an hour.",
        ["Mr. Biden met Dr. Anthony Fauci.", "They spoke for an hour."],
    ),
    # "U.S.-led"
    (
        "The U.S.-led coalition withdrew. The Taliban advanced.",
        ["The U.S.-led coalition withdrew.", "The Taliban advanced."],
    ),
    # a sentence ending in "U.S." before a pronoun
    ("They fled to the U.S. He stayed.", ["They fled to the U.S.", "He stayed."]),
    # "Jan." before a capitalised word that is not a sentence opener
    (
        "The deal was signed in Feb. 2020 in Doha. It called for a withdrawal.",
        ["The deal was signed in Feb. 2020 in Doha.", "It called for a withdrawal."],
    ),
    # "Rep." and "Gov."
    (
        "Rep. Adam Schiff and Gov. Gavin Newsom spoke. The crowd cheered.",
        ["Rep. Adam Schiff and Gov. Gavin Newsom spoke.", "The crowd cheered."],
    ),
    # a colon introducing a quotation of two sentences, closed in the paragraph
    (
        'He said: "We are leaving. It is final." Then he left.',
        ['He said: "We are leaving. It is final."', "Then he left."],
    ),
    # known misses of framing's rules, kept so the figures stay honest:
    # "U.S." ending a sentence before a name (framing reads "U.S. Donald" as one phrase)
    (
        "Visitors were banned from the U.S. Donald Trump signed the order on Friday.",
        ["Visitors were banned from the U.S.", "Donald Trump signed the order on Friday."],
    ),
    # a sentence opening with a lower-case brand name
    ("Apple shares rose. eBay shares fell.", ["Apple shares rose.", "eBay shares fell."]),
]

# Where splitters go wrong: single letters, words with inner full stops ("U.S.", "p.m."), and the
# common abbreviations of English news (this list is the benchmark's own, not framing's).
_ABBREVIATION_LIKE = re.compile(
    r"(?:^|[\s(])((?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z]|(?i:mr|mrs|ms|dr|prof|gen|gens|lt|col|maj|capt|"
    r"sgt|adm|sen|sens|rep|reps|gov|govs|pres|rev|ret|st|ft|mt|jr|sr|inc|corp|co|ltd|bros|no|nos|"
    r"vs|etc|dept|univ|est|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|dem|gop|"
    r"calif|fla|tex|mass|wash|ariz|mich|penn|va|pa|ga|ill|fig|vol))\.[\"'”’)]*$"
)


def _boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {s for s, _ in spans[1:]}


def _punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    return lambda text: list(tokenizer.span_tokenize(text))


def _splitters():
    return {"framing": split_sentences, "nltk-punkt (untrained)": _punkt()}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def hard_cases(show: int = 0) -> dict[str, dict]:
    """Exact boundary precision / recall and whole-case accuracy on :data:`HARD_CASES`."""
    results = {}
    for name, split in _splitters().items():
        tp = fp = fn = exact = 0
        failures = []
        for text, gold_sentences in HARD_CASES:
            gold, pos = set(), 0
            for i, sentence in enumerate(gold_sentences):
                at = text.index(sentence, pos)
                if i:
                    gold.add(at)
                pos = at + len(sentence)
            spans = split(text)
            predicted = _boundaries(text, spans)
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
            if predicted == gold:
                exact += 1
            else:
                failures.append([text[s:e] for s, e in spans])
        p, r, f = _prf(tp, fp, fn)
        results[name] = dict(
            precision=p, recall=r, f1=f, cases=len(HARD_CASES), exact=exact, failures=failures
        )
    return results


def _load_babe() -> list[str]:
    import pandas as pd

    frame = pd.read_csv(BABE, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return [" ".join(t.split()) for t in frame["text"] if t.strip()]


_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_STARTS_SENTENCE = re.compile(r"^[\"'“‘(\[]?[A-Z0-9]")


def babe(show: int = 0) -> dict[str, dict]:
    """Boundary recall (exact) and precision (bounded) on BABE rows joined into paragraphs."""
    rows = _load_babe()
    paragraphs = []  # (text, gold boundary offsets, the eligible ones)
    for i in range(0, len(rows), ROWS_PER_PARAGRAPH):
        chunk = rows[i : i + ROWS_PER_PARAGRAPH]
        text, gold, eligible = "", set(), set()
        for j, row in enumerate(chunk):
            if j:
                text += " "
                gold.add(len(text))
                if _ENDS_SENTENCE.search(chunk[j - 1]) and _STARTS_SENTENCE.match(row):
                    eligible.add(len(text))
            text += row
        paragraphs.append((text, gold, eligible))
    results = {}
    for name, split in _splitters().items():
        tp = tp_eligible = n_eligible = n_gold = inside_ordinary = inside_abbrev = 0
        t0 = time.perf_counter()
        predictions = [split(text) for text, _, _ in paragraphs]
        seconds = time.perf_counter() - t0
        missed, false_breaks = [], []
        for (text, gold, eligible), spans in zip(paragraphs, predictions):
            predicted = _boundaries(text, spans)
            n_gold += len(gold)
            n_eligible += len(eligible)
            tp += len(predicted & gold)
            tp_eligible += len(predicted & eligible)
            for b in sorted(eligible - predicted):
                missed.append(text[max(0, b - 70) : b] + " ‖ " + text[b : b + 40])
            for b in sorted(predicted - gold):
                before = text[max(0, b - 40) : b].rstrip()
                if _ABBREVIATION_LIKE.search(before):
                    inside_abbrev += 1
                    false_breaks.append(text[max(0, b - 70) : b] + " ‖ " + text[b : b + 40])
                else:
                    inside_ordinary += 1
        n_pred = tp + inside_ordinary + inside_abbrev
        results[name] = dict(
            rows=len(rows),
            joins=n_gold,
            eligible_joins=n_eligible,
            recall=tp / n_gold,
            recall_eligible=tp_eligible / n_eligible,
            precision_lower=tp / n_pred if n_pred else 1.0,
            precision_estimate=(tp + inside_ordinary) / n_pred if n_pred else 1.0,
            breaks_inside_rows=inside_ordinary + inside_abbrev,
            breaks_after_abbreviation_like=inside_abbrev,
            chars_per_second=sum(len(t) for t, _, _ in paragraphs) / seconds,
            missed=missed,
            false_breaks=false_breaks,
        )
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print up to N errors of each kind")
    args = parser.parse_args(argv)

    print(f"Hard cases ({len(HARD_CASES)} hand-written news texts, exact gold):")
    print(f"  {'splitter':<24} {'precision':>9} {'recall':>7} {'F1':>6} {'cases right':>12}")
    for name, r in hard_cases().items():
        print(
            f"  {name:<24} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1']:6.3f} "
            f"{r['exact']:>6}/{r['cases']:<5}"
        )
        for failure in r["failures"][: args.show]:
            print(f"      ✗ {failure}")

    if not BABE.is_file():
        print(
            f"\nBABE: skipped, {BABE} is absent (it lives in ../shared/data, not in the project)."
        )
        return 0
    print(
        f"\nBABE ({ROWS_PER_PARAGRAPH} rows per pseudo-paragraph; joins are the gold boundaries):"
    )
    print(
        f"  {'splitter':<24} {'recall':>7} {'recall*':>8} {'prec≥':>7} {'prec~':>7} "
        f"{'in-row':>7} {'abbr.':>6} {'MB/s':>6}"
    )
    for name, r in babe().items():
        print(
            f"  {name:<24} {r['recall']:7.3f} {r['recall_eligible']:8.3f} "
            f"{r['precision_lower']:7.3f} {r['precision_estimate']:7.3f} "
            f"{r['breaks_inside_rows']:7d} {r['breaks_after_abbreviation_like']:6d} "
            f"{r['chars_per_second'] / 1e6:6.2f}"
        )
        for m in r["missed"][: args.show]:
            print(f"      missed: {m}")
        for m in r["false_breaks"][: args.show]:
            print(f"      break after abbreviation-like token: {m}")
    print(
        f"  recall: all {r['joins']} joins; recall*: the {r['eligible_joins']} joins after a row "
        "ending in . ! ? … and before a capital, digit or opening quote;\n"
        "  prec≥: every break inside a row counted false; prec~: only breaks after "
        "abbreviation-like tokens (abbr.) counted false; in-row: breaks inside rows."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
