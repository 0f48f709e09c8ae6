"""Place names in a sentence, and the choice of the place a distance claim is about (its target).

A place name is a run of capitalised words split at words that are not places (``NOT_PLACES``), with a
"region" or "air base" suffix kept. ``find_target`` picks, from the text of a sentence before a figure, the
name the figure is about: an apposition ("Orsk, some 1,800 km"), the subject of a locative verb ("Izhevsk
lies"), a name opening the clause before an appositive, or the nearest name introduced by "in", "struck"...
Nothing here knows whether a name is a real place; the gazetteer decides that in the *judge* step.
"""

from __future__ import annotations

import re

from geo.text.vocabulary import (
    APPOSITIVE_NOUN,
    INTRO_BEFORE,
    LOCATIVE_END,
    NAME_AS_ACTOR,
    NAME_RUN,
    NAME_SUFFIX,
    NAME_TOKEN,
    NATIONALITIES,
    NOT_PLACES,
    POSSESSIVE,
)

__all__ = ["find_target", "name_after", "name_at", "names_in"]

_APPOSITION_END = re.compile(r"\s*(?:,|—|–|\(|\s-)\s*$")
_TRAILING_APPOSITION = re.compile(r",[^,]*,\s*$")
_NOT_LETTER = re.compile(r"[^A-Za-zА-Яа-яЁё]")


def find_target(before: str) -> str | None:
    """The place a distance is about, from the text of its sentence before the figure; None if unclear.

    Tried in order: an apposition right before the figure; the subject of a locative verb; a name opening
    the clause followed by an appositive; the nearest name introduced by "in", "at", "struck", "hit"...
    Names acting as governments ("Moscow officials", "Kyiv said") are never targets.

    >>> find_target("Drones hit a depot in Russia’s Bryansk region, "), find_target("Kirov, which lies ")
    ('Bryansk region', 'Kirov')
    >>> find_target("Moscow officials say the drones were launched ") is None
    True
    """
    candidates: list[tuple[str, int, int]] = []
    for run in NAME_RUN.finditer(before):
        for name, start, end in names_in(run.group(), run.start()):
            if NAME_AS_ACTOR.match(before, end):
                continue
            name, end = _with_suffix(before, name, end, len(before))
            candidates.append((name, start, end))
    if not candidates:
        return None

    # 1. Apposition: "the city of Orsk, some 1,800 km from ..."
    last_name, _, last_end = candidates[-1]
    if _APPOSITION_END.match(before[last_end:]):
        return last_name
    # 2. Subject of a locative verb: "Izhevsk lies ...", "Kazan, which is ...".
    locative = LOCATIVE_END.search(before)
    if locative:
        head = before[: locative.start()]
        link = (locative.group("link") or "").strip(" ,")
        if link not in ("which", "that"):
            head = _TRAILING_APPOSITION.sub("", head)
        subjects = [c for c in candidates if c[2] <= len(head)]
        if subjects:
            return subjects[0][0] if link in ("and", "but") else subjects[-1][0]
    # 3. A name opening the clause, then an appositive up to the figure: "Primorsk, a Baltic port 1,000 km".
    first_name, first_start, first_end = candidates[0]
    if not before[:first_start].strip() and APPOSITIVE_NOUN.match(before, first_end):
        return first_name
    # 4. The nearest name introduced by in/at/of/near/struck/hit/...
    for name, start, _ in reversed(candidates):
        if INTRO_BEFORE.search(before[:start]):
            return name
    return None


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
    return _with_suffix(text, name, name_end, end)


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


def _with_suffix(text: str, name: str, name_end: int, end: int) -> tuple[str, int]:
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
