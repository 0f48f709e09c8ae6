"""The English vocabulary (``geo.text.vocabulary``) is consistent with the records it feeds."""

from __future__ import annotations

from geo.model import ReferenceKind
from geo.text.claim import HEDGES
from geo.text.vocabulary import HEDGE_WORDS, NATIONALITIES, NOT_PLACES, POINTING_REFERENCE, REFERENCES


def test_every_hedge_word_maps_to_a_canonical_hedge():
    assert set(HEDGES) <= set(HEDGE_WORDS)
    assert set(HEDGE_WORDS.values()) <= set(HEDGES)


def test_every_reference_phrase_has_a_known_kind():
    """Every kind is one the judge measures, or words pointing back that discourse resolves first."""
    assert {kind for _, _, kind in REFERENCES} <= {k.value for k in ReferenceKind} | {POINTING_REFERENCE}
    assert POINTING_REFERENCE not in {k.value for k in ReferenceKind}


def test_word_lists_are_lower_case_and_nationalities_are_not_places():
    assert all(w == w.lower() for w in NOT_PLACES)
    assert NATIONALITIES <= NOT_PLACES
