"""The gazetteer on 189 names as reporters write them, against independently sourced
positions (``tests/places/data/reporter_names.csv``; scoring in ``name_evaluation.py``)."""

from __future__ import annotations

import pytest

from geo.places.gazetteer import Gazetteer

from name_evaluation import evaluate_all, summary, top1_share


@pytest.fixture(scope="module")
def outcomes():
    return evaluate_all(Gazetteer.default())


def test_no_name_is_resolved_confidently_to_the_wrong_place(outcomes):
    wrong = [f"{o.row['written']!r} -> {o.answer}" for o in outcomes if o.verdict == "wrong"]
    assert not wrong, "\n".join(wrong)


def test_top1_is_right_for_at_least_95_percent(outcomes):
    assert len(outcomes) >= 150
    assert top1_share(outcomes) >= 0.95, summary(outcomes)


def test_every_miss_is_honest(outcomes):
    # not found is allowed; what is not allowed is a definite answer that is not right
    assert {o.verdict for o in outcomes} <= {"right", "listed first", "listed", "unknown"}
