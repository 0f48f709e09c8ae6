"""Figures as written in news text → numbers: "1,300", "1 300" (any of four spaces), "1.300", "1.5".

``NUMBER`` is the regular-expression source of one written figure, for building larger patterns
(``geo.text.vocabulary``); ``parse_number`` turns a figure it matched into a float. A dot followed by
exactly three digits in groups ("1.300", "12.500.000") is a European thousands separator; any other dot is
a decimal point.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "parse_number"]

_SPACE = "[ \u00a0\u202f\u2009]"  # space, no-break space, narrow no-break space, thin space

#: One written figure (regex source, no groups): "1,300", "1,300.5", "1 300", "1.300", "1300", "1.5".
NUMBER = (
    r"(?:[1-9]\d{0,2}(?:,\d{3})+(?!\d)(?:\.\d+)?"  # 1,300  1,300.5
    rf"|[1-9]\d{{0,2}}(?:{_SPACE}\d{{3}})+(?![\d.,]?\d)"  # 1 300 (any of the spaces above)
    r"|[1-9]\d{0,2}(?:\.\d{3})+(?![\d,.]?\d)"  # 1.300 (European thousands separator)
    r"|\d+(?:\.\d+)?)"  # 1300  1.5
)

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")
_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def parse_number(figure_text: str) -> float:
    """A figure as matched by ``NUMBER`` → its value.

    >>> parse_number("1,300"), parse_number("1\u202f300"), parse_number("1.300"), parse_number("1.5")
    (1300.0, 1300.0, 1300.0, 1.5)
    """
    return float(_plain_number(figure_text))


def _plain_number(figure_text: str) -> str:
    """'1,300' / '1 300' / '1.300' → '1300'; '1.5' → '1.5'."""
    compact = _SEPARATORS.sub("", figure_text)
    if _DOTTED_THOUSANDS.fullmatch(figure_text):
        compact = compact.replace(".", "")
    return compact
