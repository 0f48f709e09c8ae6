"""Sentences that point back at a place named before (``geo.text.anaphora.refers_back``)."""

from __future__ import annotations

import pytest

from geo.text.anaphora import refers_back


@pytest.mark.parametrize(
    "sentence",
    [
        "The city lies 100 km away.",
        "It is 5 km from the border.",
        "This was the third strike.",
        "  the refinery burned",
    ],
)
def test_sentences_that_refer_back(sentence):
    assert refers_back(sentence)


@pytest.mark.parametrize(
    "sentence", ["Kazan lies 800 km east.", "Its port burned.", "Items were seen.", "The plants lie"]
)
def test_sentences_that_do_not(sentence):
    assert not refers_back(sentence)
