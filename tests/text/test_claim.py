"""The ``Claim`` record (``geo.text.claim``): its JSON form and immutability."""

from __future__ import annotations

import json

import pytest

from geo.text.claim import HEDGES, Claim
from geo.text.extract import extract_claims


def test_to_json_round_trips_through_json():
    [claim] = extract_claims("Nizhny Novgorod sits roughly 400 km (250 miles) east of Moscow.")
    record = json.loads(json.dumps(claim.to_json()))
    assert record["span"] == [claim.span[0], claim.span[1]]
    assert record["sentence_span"] == [0, len(claim.text)]
    assert record["target"] == "Nizhny Novgorod" and record["direction"] == "E"
    assert set(record) >= {
        "text",
        "figure",
        "unit",
        "claimed_km",
        "conversion_figure",
        "conversion_unit",
        "hedge",
        "figure_precision_km",
        "figure_step",
        "kind",
        "target",
        "reference",
        "reference_kind",
        "direction",
    }


def test_claim_is_frozen():
    [claim] = extract_claims("Kursk is 90 kms from Sumy.")
    with pytest.raises(AttributeError):
        claim.figure = 1.0


def test_to_json_of_a_claim_built_by_hand_lists_spans_and_defaults_to_none():
    claim = Claim(
        text="Kursk is 90 kms from Sumy.",
        span=(9, 15),
        sentence_span=(0, 26),
        phrase="90 kms",
        figure=90.0,
        unit="km",
        claimed_km=90.0,
        figure_step=10.0,
        figure_precision_km=10.0,
    )
    record = claim.to_json()
    assert record["span"] == [9, 15] and record["sentence_span"] == [0, 26]
    assert record["kind"] == "distance"
    assert all(record[f] is None for f in ("hedge", "target", "reference", "reference_kind", "direction"))


def test_extracted_hedges_are_canonical():
    text = "Kazan lies upwards of 800 km from Ukraine. Orsk is slightly less than 1,800 km from the border."
    assert [c.hedge for c in extract_claims(text)] == ["more than", "just under"]
    assert all(c.hedge in HEDGES for c in extract_claims(text))
