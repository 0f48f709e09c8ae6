"""The article's own date, when its header (headline, dateline, byline) gives one.

Only the first few short lines are read: a date further down is a date *in* the story
("on 24 February 2022 …"), not the story's own. Several different dates there give none.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

__all__ = ["ArticleDate", "article_date", "find_article_date"]

#: Header lines read (non-empty ones), and the longest line that still counts as a header line.
HEADER_LINES = 3
HEADER_MAX_CHARS = 160

_MONTHS = {
    # English, full and abbreviated ("Sept." too)
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # Ukrainian and Russian, genitive (as dates are written: "8 вересня 2022", "8 сентября 2022")
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
    "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?!\d)", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)", re.I),
)


#: A dateline opening the story's first line, up to its dash: "KYIV, Feb. 12, 2026 — ", "ODESA,
#: Ukraine, 3 March 2024 -- " (the place in capitals, as wire services write it).
_DATELINE = re.compile(r"(?P<head>[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'’. -]{1,30},[^—–\n]{3,60}?)\s+(?:—|–|--|-)\s")


class ArticleDate(NamedTuple):
    """A date found in the article's header: ISO ``date`` and the ``line`` it was read from."""

    date: str
    line: str


def _dates_in(line: str) -> list[str]:
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            parts = m.groupdict()
            month = int(parts["mon"]) if parts.get("mon") else _MONTHS[parts["month"].lower()]
            try:
                found.append(dt.date(int(parts["year"]), month, int(parts["day"])).isoformat())
            except ValueError:  # 31 June: not a date
                continue
    return found


def _is_story_sentence(line: str) -> bool:
    """A full sentence of the story (eight words or more, ending like a sentence), not a
    headline, dateline or byline."""
    return len(line.split()) >= 8 and line.rstrip("\"'”’)»").endswith((".", "!", "?"))


def find_article_date(text: str) -> ArticleDate | None:
    """The date the article's header gives, with the line it is on; None when the header
    gives none, or several different ones.

    >>> find_article_date("KHERSON, 8 September 2022\\nThe city ...").date
    '2022-09-08'
    >>> find_article_date("Drones hit Izhevsk\\nOn 24 February 2022 the war began ... " + "x" * 200) is None
    True
    >>> find_article_date("KYIV, Feb. 12, 2026 — Russian missiles struck the city overnight, it said.").date
    '2026-02-12'
    """
    lines = [ln.strip() for ln in text.lstrip("\ufeff").splitlines() if ln.strip()][:HEADER_LINES]
    hits: list[ArticleDate] = []
    for line in lines:
        if len(line) > HEADER_MAX_CHARS or _is_story_sentence(line):
            dateline = _DATELINE.match(line)  # "KYIV, Feb. 12, 2026 — Russian missiles struck …"
            if dateline:
                hits += [ArticleDate(d, dateline.group("head")) for d in _dates_in(dateline.group("head"))]
            break  # the story has begun: its dates are dates in the story
        hits += [ArticleDate(d, line) for d in _dates_in(line)]
    return hits[0] if hits and len({h.date for h in hits}) == 1 else None


def article_date(text: str) -> str | None:
    """The ISO date the article's header gives (see :func:`find_article_date`), else None.

    >>> article_date("date: 2025-07-01\\nA drone struck..."), article_date("A drone struck...")
    ('2025-07-01', None)
    """
    found = find_article_date(text)
    return found.date if found else None
