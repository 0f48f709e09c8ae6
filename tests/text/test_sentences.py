"""Sentence splitting (``geo.text.sentences.split_sentences``): abbreviations, decimals, blank lines."""

from __future__ import annotations

import pytest

from geo.text.sentences import split_sentences


def test_split_sentences_keeps_abbreviations_decimals_and_initials():
    text = (
        "Gen. Ivanov met U.S. envoys at 9 a.m. Tuesday. The plant is 1.5 km away. J. R. Smith left. "
        "It lies 1,300 km. Next, the No. 2 unit burned! Why? \u201cNobody knows,\u201d he said."
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Gen. Ivanov met U.S. envoys at 9 a.m. Tuesday.",
        "The plant is 1.5 km away.",
        "J. R. Smith left.",
        "It lies 1,300 km.",
        "Next, the No. 2 unit burned!",
        "Why?",
        "\u201cNobody knows,\u201d he said.",
    ]


def test_split_sentences_breaks_at_blank_lines_and_trims():
    text = "  Headline without a stop\n\n  First sentence. Second one.  \n"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Headline without a stop",
        "First sentence.",
        "Second one.",
    ]


def test_a_headline_on_a_line_of_its_own_is_a_sentence():
    body = "Officials said the city, some 330 km from the border, was hit."
    text = f"date 2025-05-06\nDrones target Tula\n{body}"
    assert [text[s:e] for s, e in split_sentences(text)] == ["date 2025-05-06\nDrones target Tula", body]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian drones struck the plant in\nIzhevsk, some 1,300 km away.",  # a sentence wrapped mid-way
        "Officials said that drones had struck the plant overnight,\nKazan said.",
    ],
)
def test_a_wrapped_first_line_is_no_headline(text):
    assert len(split_sentences(text)) == 1
