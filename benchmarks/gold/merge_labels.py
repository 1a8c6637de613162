"""Write hand labels (``{"id", "verdict", "why"}`` lines) into a gold skeleton made by goldset.py.

``python benchmarks/gold/merge_labels.py GOLD.jsonl LABELS.jsonl [LABELS.jsonl …]``
Every item of the skeleton must get exactly one label; the file is rewritten in place.
"""

import json
import sys


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    gold, parts = args[0], args[1:]
    labels = {}
    for path in parts:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if rec["id"] in labels:
                        raise SystemExit(f"{path}: {rec['id']} labelled twice")
                    labels[rec["id"]] = rec
    out = []
    with open(gold, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if "header" not in rec:
                if rec["id"] not in labels:
                    raise SystemExit(f"{gold}: {rec['id']} has no label")
                lab = labels.pop(rec["id"])
                rec["verdict"], rec["why"] = bool(lab["verdict"]), str(lab["why"])
            out.append(json.dumps(rec, ensure_ascii=False))
    if labels:
        raise SystemExit(f"labels for unknown items: {sorted(labels)[:5]}")
    with open(gold, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")
    print(f"{gold}: {len(out) - 1} items labelled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
