"""Sentence splitting (``geo.text.sentences.split_sentences``): abbreviations, decimals, blank lines."""

from __future__ import annotations

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
