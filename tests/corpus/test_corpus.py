"""Issue 12's bar on the claims corpus: geo, run as ``geo verify`` runs, must reach it.

recall >= 95 %, verdict agreement >= 90 %, no definite verdict on a non-claim and none about the wrong
place. ``python tests/corpus/evaluate.py`` prints the full report with every failure and its reason.
"""

from __future__ import annotations

import pytest
from corpus.evaluate import evaluate, report, score


@pytest.fixture(scope="module")
def outcomes():
    return evaluate()


def _failures(outcomes, reasons) -> str:
    lines = [
        f"{o.case_id} {o.figure_text!r}: {o.reason} (expected {o.expected}, got {o.verdict})"
        for o in outcomes
        if o.reason in reasons
    ]
    return "\n".join(lines[:60])


def test_recall_at_least_95_percent(outcomes):
    s = score(outcomes)
    assert s.recall >= 0.95, f"recall {s.recall:.1%}\n" + _failures(outcomes, {"missed", "crashed"})


def test_verdict_agreement_at_least_90_percent(outcomes):
    s = score(outcomes)
    assert s.agreement >= 0.90, f"agreement {s.agreement:.1%}\n" + report(outcomes)


def test_no_definite_verdict_on_non_claims(outcomes):
    s = score(outcomes)
    assert s.definite_on_non_claims == 0, _failures(outcomes, {"definite verdict on a non-claim"})


def test_no_definite_verdict_with_a_wrong_target(outcomes):
    s = score(outcomes)
    assert s.definite_wrong_target == 0, _failures(outcomes, {"wrong target"})
