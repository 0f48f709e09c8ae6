"""Figures as written → numbers (``geo.text.numbers``)."""

from __future__ import annotations

import re

import pytest

from geo.text.extract import extract_claims
from geo.text.numbers import NUMBER, parse_number


@pytest.mark.parametrize(
    "written, value",
    [
        ("1,300", 1300.0),
        ("1,300.5", 1300.5),
        ("1 300", 1300.0),
        ("1\u00a0300", 1300.0),
        ("1\u202f300", 1300.0),
        ("1\u2009300", 1300.0),
        ("1.300", 1300.0),
        ("12.500.000", 12_500_000.0),
        ("1300", 1300.0),
        ("1.5", 1.5),
        ("0.5", 0.5),
    ],
)
def test_written_figures_match_and_parse(written, value):
    assert re.fullmatch(NUMBER, written)
    assert parse_number(written) == value


@pytest.mark.parametrize(
    "written, value",
    [
        ("thirteen", 13),
        ("ten", 10),
        ("twenty-five", 25),
        ("a thousand", 1000),
        ("two hundred and fifty", 250),
        ("one thousand two hundred", 1200),
        ("A hundred", 100),
    ],
)
def test_figures_in_words(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    "text, figures",
    [
        ("six and twelve kilometres", ["six", "twelve"]),  # two figures ("respectively"), never 18
        ("one two three", ["one", "two", "three"]),
        ("seventeen or seventy", ["seventeen", "seventy"]),
        ("nine hundred and ninety-nine", ["nine hundred and ninety-nine"]),
        ("two thousand and five", ["two thousand and five"]),
        ("a six-mile zone", ["six"]),
    ],
)
def test_words_join_into_one_figure_only_as_english_writes_one(text, figures):
    assert [m.group() for m in re.finditer(NUMBER, text)] == figures


@pytest.mark.parametrize(
    "sentence, figure, unit, hedge, low, high",
    [
        ("The village is thirteen miles from the front line.", 13, "mi", None, None, None),
        ("Kazan lies some eight hundred kilometres east of Moscow.", 800, "km", "some", None, None),
        ("Izhevsk is about a thousand km from Moscow.", 1000, "km", "about", None, None),
        ("The base is twenty-five kilometres from the border.", 25, "km", None, None, None),
        ("It lies between three hundred and four hundred km from Kyiv.", 350, "km", "range", 300, 400),
        ("Targets lie between 300 and 450 miles from the front.", 375, "mi", "range", 300, 450),
    ],
)
def test_claims_with_figures_in_words_and_between_ranges(sentence, figure, unit, hedge, low, high):
    [claim] = extract_claims(sentence)
    assert (claim.figure, claim.unit, claim.hedge) == (figure, unit, hedge)
    assert (claim.figure_low, claim.figure_high) == (low, high)
