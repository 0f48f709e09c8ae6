"""Run the claims corpus through geo as ``geo verify`` does and score it (issue 12).

Run: ``PYTHONPATH=$PWD python tests/corpus/evaluate.py [--json] [--shape SHAPE] [--prefix ID_PREFIX]``.

Per case: ``geo.text.extract.extract_claims(text)``, then ``Judge(Gazetteer.default(),
date=case["date"]).judge_all(claims)``. An expected claim is matched to the extracted claim whose span
contains its ``figure_text`` (or lies inside it: a hedge geo does not know, "barely 40 km", is not in
its span). Scores:

- recall: expected claims of class distance/length that expect a verdict, found;
- agreement: of those found, the share with the expected verdict, where a definite verdict also needs
  the judged target within 25 km of the expected target's coordinates (else: wrong target);
- definite verdicts on non-claims (expected ``no_verdict``): must be 0;
- definite verdicts with a wrong target (another place than the expected one, or any place when the
  expected target is unknown/ambiguous): must be 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
os.environ.setdefault("GEO_CACHE_DIR", str(ROOT / ".pytest_cache" / "geo-cache"))

from corpus_truth import DEFINITE, GEOD, VERDICT_CLASSES, load_cases  # noqa: E402

#: A judged target farther than this from the expected coordinates is the wrong place (km).
TARGET_RADIUS_KM = 25.0
#: The readings geo may use for each expected reference kind.
READING_KINDS = {
    "place": {"place"},
    "ukraine": {"border", "controlled"},
    "border-UA": {"border", "controlled"},
    "border-foreign": {"country"},
    "frontline": {"frontline", "controlled", "occupied"},
}


@dataclass
class Outcome:
    """What happened to one expected claim."""

    case_id: str
    shape: str
    figure_text: str
    expected: str
    cls: str
    found: bool = False
    verdict: str | None = None
    target: str | None = None
    target_off_km: float | None = None
    reading_kinds: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    explanation: str = ""
    reason: str | None = None  # None: a success

    @property
    def scored(self) -> bool:
        """Counts for recall and agreement: a distance/length claim that expects a verdict."""
        return self.cls in VERDICT_CLASSES and self.expected != "no_verdict"


def _match(text: str, figure_text: str, verdicts: list) -> object | None:
    """The verdict whose claim span contains the figure text (or lies inside it)."""
    start = text.find(figure_text)
    end = start + len(figure_text)
    for v in verdicts:
        s, e = v.claim.span
        if (s <= start and end <= e) or (start <= s and e <= end):
            return v
    return None


def _reference_key(ref: dict | None) -> str | None:
    if ref is None:
        return None
    if ref["kind"] == "border":
        return "border-UA" if ref["country"] == "UA" else "border-foreign"
    return ref["kind"]


def _target_off_km(expected: dict | None, place) -> float | None:
    if expected is None or place is None:
        return None
    _, _, m = GEOD.inv(expected["lon"], expected["lat"], place.lon, place.lat)
    return m / 1000.0


def judge_outcome(claim: dict, verdict, out: Outcome) -> Outcome:
    """Fill ``out`` from geo's verdict on one expected claim and decide success or the failure reason."""
    if verdict is None:
        out.reason = None if out.expected == "no_verdict" else "missed"
        return out
    out.found = True
    out.verdict = str(verdict.verdict)
    out.flags = list(verdict.flags)
    out.explanation = verdict.explanation
    out.reading_kinds = sorted({str(r.kind) for r in verdict.readings})
    if verdict.target is not None:
        out.target = f"{verdict.target.name} ({verdict.target.lat:.4f},{verdict.target.lon:.4f})"
    out.target_off_km = _target_off_km(claim["target"], verdict.target)
    ref = claim["reference"]
    if ref and ref["kind"] == "place" and not claim.get("direction"):
        # "the distance between X and Y": either place may be taken as the target
        swapped = _target_off_km(ref, verdict.target)
        if swapped is not None and swapped < out.target_off_km:
            out.target_off_km = swapped
    definite = out.verdict in DEFINITE
    if out.expected == "no_verdict":
        out.reason = "definite verdict on a non-claim" if definite else None
        return out
    if definite and (out.target_off_km is None or out.target_off_km > TARGET_RADIUS_KM):
        out.reason = "wrong target"
        return out
    if out.verdict == out.expected:
        out.reason = None
        return out
    out.reason = _failure_reason(claim, out, definite)
    return out


def _failure_reason(claim: dict, out: Outcome, definite: bool) -> str:
    """Why a found claim with a right (or no) target did not get the expected verdict."""
    key = _reference_key(claim["reference"])
    if definite:
        if key and out.reading_kinds and not set(out.reading_kinds) & READING_KINDS[key]:
            return "wrong reference"
        return "wrong verdict"
    if out.target_off_km is None and claim["target"] is not None:
        return "no target (unverifiable)"
    if "unknown_reference" in out.flags:
        return "reference not understood (unverifiable)"
    return "wrong verdict (unverifiable)"


def evaluate(cases: list[dict] | None = None) -> list[Outcome]:
    """Run every case through geo and return one :class:`Outcome` per expected claim."""
    from geo.judge.judge import Judge
    from geo.places.gazetteer import Gazetteer
    from geo.text.extract import extract_claims

    gazetteer = Gazetteer.default()
    outcomes = []
    for case in cases if cases is not None else load_cases():
        try:
            verdicts = Judge(gazetteer, date=case["date"]).judge_all(extract_claims(case["text"]))
            error = None
        except Exception as err:  # a crash on a case is a failure of every claim in it, not of the run
            verdicts, error = [], f"{type(err).__name__}: {err}"
        for claim in case["claims"]:
            out = Outcome(case["id"], case["shape"], claim["figure_text"], claim["expected"], claim["class"])
            judge_outcome(claim, _match(case["text"], claim["figure_text"], verdicts), out)
            if error and out.reason == "missed":
                out.reason, out.explanation = "crashed", error
            outcomes.append(out)
    return outcomes


@dataclass
class Scores:
    """The issue's numbers over a list of outcomes."""

    scored: int
    found: int
    agreed: int
    non_claims: int
    definite_on_non_claims: int
    definite_wrong_target: int

    @property
    def recall(self) -> float:
        """Found / expected (distance and length claims that expect a verdict)."""
        return self.found / self.scored if self.scored else 1.0

    @property
    def agreement(self) -> float:
        """Right verdict (and right target) / found."""
        return self.agreed / self.found if self.found else 1.0


def score(outcomes: list[Outcome]) -> Scores:
    """Recall, agreement and the two counts that must be zero."""
    scored = [o for o in outcomes if o.scored]
    found = [o for o in scored if o.found]
    non = [o for o in outcomes if o.expected == "no_verdict"]
    return Scores(
        scored=len(scored),
        found=len(found),
        agreed=sum(1 for o in found if o.reason is None),
        non_claims=len(non),
        definite_on_non_claims=sum(1 for o in non if o.verdict in DEFINITE),
        definite_wrong_target=sum(1 for o in outcomes if o.reason == "wrong target"),
    )


def report(outcomes: list[Outcome]) -> str:
    """The text report: totals, a per-shape table, failure causes and every failure."""
    s = score(outcomes)
    lines = [
        f"claims: {len(outcomes)} ({s.scored} expecting a verdict, {s.non_claims} non-claims)",
        f"recall: {s.found}/{s.scored} = {s.recall:.1%}   (needs >= 95%)",
        f"verdict agreement: {s.agreed}/{s.found} = {s.agreement:.1%}   (needs >= 90%)",
        f"definite verdicts on non-claims: {s.definite_on_non_claims}   (needs 0)",
        f"definite verdicts with a wrong target: {s.definite_wrong_target}   (needs 0)",
        "",
        f"{'shape':<16}{'claims':>7}{'found':>7}{'agreed':>8}{'non-claims':>11}{'definite':>9}",
    ]
    by_shape: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_shape[o.shape].append(o)
    for shape in sorted(by_shape):
        t = score(by_shape[shape])
        lines.append(
            f"{shape:<16}{t.scored:>7}{t.found:>7}{t.agreed:>8}{t.non_claims:>11}{t.definite_on_non_claims:>9}"
        )
    failures = [o for o in outcomes if o.reason]
    lines += ["", "failure causes:"]
    for reason, n in Counter(o.reason for o in failures).most_common():
        lines.append(f"  {n:>4}  {reason}")
    lines += ["", "failures:"]
    for o in failures:
        got = f"got {o.verdict}" if o.found else "not extracted"
        tgt = f"; target {o.target} ({o.target_off_km:.0f} km off)" if o.target_off_km is not None else ""
        tgt = tgt or (f"; target {o.target}" if o.target else "")
        lines.append(f"  [{o.reason}] {o.case_id} {o.figure_text!r}: expected {o.expected}, {got}{tgt}")
        if o.found:
            lines.append(f"      readings {o.reading_kinds} flags {o.flags}")
            lines.append(f"      {o.explanation[:300]}")
        elif o.explanation:
            lines.append(f"      {o.explanation[:300]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report (or the outcomes as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print every outcome as JSON")
    parser.add_argument("--shape", help="only the cases of this shape")
    parser.add_argument("--prefix", help="only the cases whose id starts with this (e.g. blind-)")
    args = parser.parse_args(argv)
    cases = [
        c
        for c in load_cases()
        if (not args.shape or c["shape"] == args.shape)
        and (not args.prefix or c["id"].startswith(args.prefix))
    ]
    outcomes = evaluate(cases)
    if args.json:
        print(json.dumps([asdict(o) for o in outcomes], indent=1, ensure_ascii=False))
    else:
        print(report(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
