"""Figures as written → numbers (``geo.text.numbers``)."""

from __future__ import annotations

import re

import pytest

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
