"""The ``Claim`` record (``geo.text.claim``): its JSON form and immutability."""

from __future__ import annotations

import json

import pytest

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
