"""Write ``claims_en.jsonl`` from the cases below (run: ``python tests/corpus/write_corpus.py``).

Every sentence here was written for this corpus (none is copied from published reporting). Each claim
states its figure, its target and reference (coordinates from :mod:`corpus_places`, which cites its
sources) and the verdict the author expects. Writing refuses a case whose expected verdict disagrees
with the independent distance (:mod:`corpus_truth`) or is not clear-cut, so the corpus is checked when
it is written as well as by ``test_corpus_truth.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_cases import CASES  # noqa: E402
from corpus_places import place  # noqa: E402
from corpus_truth import CORPUS, check_claim  # noqa: E402


def reference(ref: str | None) -> dict | None:
    """The case shorthand for a reference → its JSON record.

    ``"UA"``: Ukraine (its border and territory); ``"b:XX"``: country XX's border; ``"front"``: the
    front line; anything else: a place name from :mod:`corpus_places`.
    """
    if ref is None:
        return None
    if ref == "UA":
        return {"kind": "ukraine", "country": "UA"}
    if ref.startswith("b:"):
        return {"kind": "border", "country": ref[2:]}
    if ref == "front":
        return {"kind": "frontline"}
    return {"kind": "place", **place(ref)}


def build() -> list[dict]:
    """The cases as JSON records; raises when any case is wrong or not clear-cut."""
    out, problems, ids = [], [], set()
    for case in CASES:
        cid, shape, date, text, claims = case
        if cid in ids:
            problems.append(f"{cid}: duplicate id")
        ids.add(cid)
        record = {"id": cid, "shape": shape, "date": date, "text": text, "claims": []}
        for k in claims:
            claim = {
                "figure_text": k["fig_text"],
                "class": k.get("cls", "distance"),
                "figure": k.get("fig"),
                "target": place(k["target"]) if k.get("target") else None,
                "reference": reference(k.get("ref")),
                "target_from": k.get("frm", "sentence"),
                "expected": k["expected"],
            }
            if k.get("dir"):
                claim["direction"] = k["dir"]
            if text.count(k["fig_text"]) != 1:
                problems.append(f"{cid}: figure_text {k['fig_text']!r} must occur exactly once in the text")
            problem = check_claim(record, claim)
            if problem:
                problems.append(f"{cid}: {problem}")
            record["claims"].append(claim)
        out.append(record)
    if problems:
        raise SystemExit("corpus not written:\n" + "\n".join(problems))
    return out


def main() -> None:
    """Write the corpus file."""
    records = build()
    with open(CORPUS, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["claims"]) for r in records)
    print(f"wrote {len(records)} cases, {n} claims to {CORPUS}")


if __name__ == "__main__":
    main()
