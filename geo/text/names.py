"""Place names in text: runs of capitalised words split at words that are not places.

A place name is a run of capitalised words (Latin or Cyrillic) split at words that are not places
(``NOT_PLACES``, nationalities, acronyms), with a "region" or "air base" suffix kept and a possessive
ending dropped. Nothing here knows whether a name is a real place.
"""

from __future__ import annotations

import re

from geo.text.vocabulary import NAME_RUN, NAME_SUFFIX, NAME_TOKEN, NATIONALITIES, NOT_PLACES, POSSESSIVE

__all__ = ["name_after", "name_at", "names_in", "with_suffix"]

_NOT_LETTER = re.compile(r"[^A-Za-zА-Яа-яЁё]")


def names_in(run: str, offset: int) -> list[tuple[str, int, int]]:
    """Split a run of capitalised words at words that are not places → [(name, start, end)].

    ``offset`` is where ``run`` starts in the text the offsets should point into. A possessive ends a name
    and is not part of it.

    >>> names_in("Izhevsk’s Kalashnikov", 10)
    [('Izhevsk', 10, 17), ('Kalashnikov', 20, 31)]
    >>> names_in("Russian Governor Ivan Petrov", 0)
    [('Ivan Petrov', 17, 28)]
    """
    names: list[tuple[str, int, int]] = []
    current: list[tuple[str, int, int]] = []

    def flush() -> None:
        if current:
            words = [w for w, _, _ in current]
            words[-1] = _clean_token(words[-1])
            end = current[-1][1] + len(words[-1])
            names.append((" ".join(words), current[0][1], end))
            current.clear()

    for token in NAME_TOKEN.finditer(run):
        word = token.group()
        if _is_place_token(word):
            current.append((word, offset + token.start(), offset + token.end()))
            if _clean_token(word) != word:  # a possessive ends the name: "Izhevsk’s plant"
                flush()
        else:
            flush()
    flush()
    return names


def name_at(text: str, start: int, end: int) -> tuple[str, int] | None:
    """A place name starting exactly at ``start`` (with a region/air-base suffix) → (name, end), else None.

    >>> text = "the Engels-2 air base, near Saratov"
    >>> name_at(text, 4, len(text)), name_at(text, 0, len(text))
    (('Engels-2 air base', 21), None)
    """
    run = NAME_RUN.match(text, start, end)
    if run is None:
        return None
    names = names_in(run.group(), run.start())
    if not names or names[0][1] != run.start():
        return None
    name, name_start, name_end = names[0]
    return with_suffix(text, name, name_end, end)


def name_after(text: str, start: int, end: int, lead: re.Pattern[str]) -> str | None:
    """The place name that follows ``lead`` matched at ``start`` (e.g. ``TARGET_TO``: " to Kazan"), else None.

    >>> from geo.text.vocabulary import TARGET_TO
    >>> text = " to the city of Kazan."
    >>> name_after(text, 0, len(text), TARGET_TO)
    'Kazan'
    """
    found = lead.match(text, start, end)
    if found is None:
        return None
    name = name_at(text, found.end(), end)
    return name[0] if name else None


def with_suffix(text: str, name: str, name_end: int, end: int) -> tuple[str, int]:
    """``name`` with a "region"/"air base" suffix that follows it at ``name_end`` → (name, its end)."""
    suffix = NAME_SUFFIX.match(text, name_end, end)
    if suffix:
        return name + " " + " ".join(suffix.group().split()), suffix.end()
    return name, name_end


def _is_place_token(token: str) -> bool:
    """False for words that are not places: ``NOT_PLACES``, nationalities, all-capital acronyms."""
    word = _clean_token(token)
    if word.lower() in NOT_PLACES or word.split("-")[0].lower() in NATIONALITIES:
        return False
    letters = _NOT_LETTER.sub("", word)
    return not (len(letters) >= 2 and letters.isupper())  # AP, SBU, KYIV (a dateline)


def _clean_token(token: str) -> str:
    """A word without its possessive ending."""
    return POSSESSIVE.sub("", token)
