"""Figures as written in news text → numbers: "1,300", "1 300" (any of four spaces), "1.300", "1.5",
and figures in words: "thirteen", "twenty-five", "two hundred and fifty", "a thousand".

``NUMBER`` is the regular-expression source of one written figure, for building larger patterns
(``geo.text.vocabulary``); ``parse_number`` turns a figure it matched into a float. A dot followed by
exactly three digits in groups ("1.300", "12.500.000") is a European thousands separator; any other dot is
a decimal point.

Every repetition in these patterns is bounded (at most six digit groups, 30 digits, nine number words), so
matching them from any position costs a bounded time and a text is scanned in linear time, however
pathological ("100 100 100 …" fifty thousand times is no figure, not one of 150,000 digits).
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "NUMBER_DIGITS", "NUMBER_WORDS", "parse_number", "words_value"]

_SPACE = "[ \u00a0\u202f\u2009]"  # space, no-break space, narrow no-break space, thin space

#: English number words and their values ("hundred" and "thousand" multiply).
NUMBER_WORDS: dict[str, int] = {
    **{w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )},
    **{w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
    "hundred": 100,
    "thousand": 1000,
}  # fmt: skip


def _words(values: range) -> str:
    """Regex alternation of the number words with these values, longest first ("seventeen" before "seven")."""
    return (
        "(?:"
        + "|".join(sorted((w for w, v in NUMBER_WORDS.items() if v in values), key=len, reverse=True))
        + ")"
    )


#: 0-99 in words: "seven", "seventeen", "seventy", "seventy-seven".
_SMALL = rf"(?:{_words(range(20, 100))}(?:[\s-]{{1,9}}{_words(range(1, 10))})?|{_words(range(0, 20))})"
#: "a hundred", "two hundred and fifty".
_HUNDREDS = rf"(?:(?:an?|{_SMALL})\s{{1,9}}hundred(?:\s{{1,9}}(?:and\s{{1,9}})?{_SMALL})?)"
#: A figure in words (regex source, no groups), as English writes one: "thirteen", "twenty-five",
#: "a thousand", "two hundred and fifty", "one thousand two hundred"; case-insensitive. "And" joins
#: only after "hundred" or "thousand": "six and twelve" is two figures, never eighteen. A word is
#: whole: "zone" holds no "one".
_IN_WORDS = (
    rf"(?<!\w)(?i:(?:an?|{_HUNDREDS}|{_SMALL})\s{{1,9}}thousand(?:\s{{1,9}}(?:and\s{{1,9}})?(?:{_HUNDREDS}|{_SMALL}))?"
    rf"|{_HUNDREDS}|{_SMALL})(?![\w])"
)
#: One figure written in digits (regex source, no groups): "1,300", "1,300.5", "1 300", "1.300",
#: "1300", "1.5".
NUMBER_DIGITS = (
    r"(?<![\d^])(?<!\d[.,])(?:[1-9]\d{0,2}(?:,\d{3}){1,6}(?![\d,])(?:\.\d{1,12})?"  # 1,300  1,300.5
    # 1 300 (any of the spaces above)
    rf"|[1-9]\d{{0,2}}(?:{_SPACE}\d{{3}}){{1,6}}(?![\d.,]?\d)(?!{_SPACE}\d)"
    r"|[1-9]\d{0,2}(?:\.\d{3}){1,6}(?![\d,.]?\d)"  # 1.300 (European thousands separator)
    r"|\d{1,30}(?:\.\d{1,30})?(?![\d.]\d))"  # 1300  1.5
)
#: One written figure, in digits or in words (thirteen, two hundred and fifty, a thousand).
NUMBER = rf"(?:{NUMBER_DIGITS}|{_IN_WORDS})"

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")
_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def parse_number(figure_text: str) -> float:
    """A figure as matched by ``NUMBER`` → its value.

    >>> parse_number("1,300"), parse_number("1\u202f300"), parse_number("1.300"), parse_number("1.5")
    (1300.0, 1300.0, 1300.0, 1.5)
    >>> parse_number("thirteen"), parse_number("a thousand"), parse_number("two hundred and fifty")
    (13.0, 1000.0, 250.0)
    """
    if re.search(r"[A-Za-z]", figure_text):
        return float(words_value(figure_text))
    return float(_plain_number(figure_text))


def words_value(text: str) -> int:
    """The value of a figure in English words ("twenty-five" → 25, "a thousand" → 1000,
    "one thousand two hundred" → 1200); ``ValueError`` for a word that is no number.

    >>> words_value("twenty-five"), words_value("one thousand two hundred"), words_value("a hundred")
    (25, 1200, 100)
    """
    total = current = 0
    for word in re.split(r"[\s-]+", text.strip().lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1)
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            raise ValueError(f"{word!r} is not a number word")
    return total + current


def _plain_number(figure_text: str) -> str:
    """'1,300' / '1 300' / '1.300' → '1300'; '1.5' → '1.5'."""
    compact = _SEPARATORS.sub("", figure_text)
    if _DOTTED_THOUSANDS.fullmatch(figure_text):
        compact = compact.replace(".", "")
    return compact
