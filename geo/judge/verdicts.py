"""The verdict on one claim, with the evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.judge.choice import TargetEvidence
from geo.judge.readings import Reading
from geo.model import Place, VerdictKind

__all__ = ["Verdict"]


@dataclass(frozen=True)
class Verdict:
    """The judgement of one claim: its readings, the verdict, flags, the explanation in
    words and the tolerance rule applied; ``candidates`` lists the places it could not
    tell apart (or suggestions for an unknown one); ``target_choice`` says how the target
    was chosen and how sure that is; ``decided_by`` is the reading that decided the verdict
    (None when nothing was measured)."""

    claim: object  # geo.text.claim.Claim
    target: Place | None
    readings: tuple[Reading, ...]
    verdict: VerdictKind
    flags: tuple[str, ...]
    explanation: str
    tolerance_rule: str
    candidates: tuple[dict, ...] = field(default=())
    target_choice: TargetEvidence | None = None
    decided_by: Reading | None = None

    def to_json(self) -> dict:
        """The JSON record ``geo verify --json`` prints for this claim."""
        c = self.claim
        return {
            "text": c.text,
            "span": list(c.span),
            "kind": c.kind,
            "target": self.target.to_json() if self.target else None,
            "target_as_written": c.target,
            "reference": c.reference,
            "claimed_km": c.claimed_km,
            "claimed_figure": c.figure,
            "claimed_unit": c.unit,
            "hedge": c.hedge,
            "direction": c.direction,
            "conversion": None
            if c.conversion_figure is None
            else {"figure": c.conversion_figure, "unit": c.conversion_unit},
            "readings": [r.to_json() for r in self.readings],
            "verdict": str(self.verdict),
            "flags": list(self.flags),
            "explanation": self.explanation,
            "tolerance_rule": self.tolerance_rule,
            "candidates": list(self.candidates),
            "target_choice": self.target_choice.to_json() if self.target_choice else None,
            "decided_by": None
            if self.decided_by is None
            else {"reference": self.decided_by.reference, "kind": str(self.decided_by.kind)},
        }
