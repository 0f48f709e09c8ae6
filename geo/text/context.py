"""What surrounds a written distance: whether it is a line's length, what it is measured from (the
reference), in which direction, and where that reading ends in the text.

``read_context`` looks at the text right before and after a figure ("the 1,000-km front line", "600 km
east of the border", "a 1,300-km flight from Ukraine to Izhevsk") and returns a ``Context``. Pure text
rules over one sentence; the place the figure is about is chosen elsewhere (``geo.text.targets``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from geo.text.kinds import MODE_AFTER
from geo.text.names import name_after, name_at
from geo.text.vocabulary import (
    AFTER_DISTANCE,
    ALONG_BEFORE,
    BORDER_NOUNS,
    DIRECTION_WORD,
    INSIDE_PREPOSITIONS,
    LENGTH_NOUN_AFTER,
    LENGTH_OF_AFTER,
    LENGTH_WORD_AFTER,
    LINE_NOUN_ANYWHERE,
    LINE_OF_BEFORE,
    NEAREST_POINT,
    OBJECT_NOUN_AFTER,
    PLACE_REFERENCE_PREFIX,
    REFERENCES,
    STRETCH_BEFORE,
    TARGET_TO,
    TRIP_NOUN,
)

__all__ = ["Context", "elided_reference", "parse_reference_at", "read_context"]

_COMPASS_16 = frozenset("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())


#: Between two figures of a sentence: an origin of the second's own ("fired from the Kursk region").
_ORIGIN = re.compile(r"\b(?:from|launched\s+(?:at|near|in)|fired\s+(?:at|near|in))\s+(?:the\s+)?\w")
#: The words of a reference after "from"/"of" up to the end of its phrase: a comma, a semicolon, a
#: bracket, a dash or a conjunction that opens the next phrase (at most 80 characters).
_UNREAD_REFERENCE = re.compile(r"[^,;:()—–]{1,80}?(?=\s*(?:[,;:()—–]|\s(?:and|but|while|whereas)\s|$))")


@dataclass(frozen=True)
class Context:
    """What the text around one figure says.

    ``kind`` is "length" or "distance"; ``reference``/``reference_kind`` what it is measured from (or the
    line measured); ``direction`` a 16-point compass code; ``consumed_end`` the offset where the figure's
    reading ends; ``trip`` True for a compound trip noun ("a 1,300-km flight"); ``to_target`` the name after
    "to" that ends a trip or a from-to pair ("from Kyiv to Lviv"), else None.
    """

    kind: str
    reference: str | None
    reference_kind: str | None
    direction: str | None
    consumed_end: int
    trip: bool = False
    to_target: str | None = None
    #: True when a preposition leads to a reference we cannot read ("east of the occupied part of …"):
    #: the figure has a reference of its own, unknown, and takes no other figure's.
    unread: bool = False


def read_context(
    text: str, before: str, after: str, expr_end: int, sent_end: int, compound: bool, conv_or: bool
) -> Context:
    """Classify a figure by its surroundings (``before``/``after``: its sentence's text before the
    figure and after its expression; ``expr_end``: where the expression ends in ``text``)."""
    length = _length_context(before, after, expr_end)
    if length is not None:
        return length

    # Distances: "[away] [to the] [north-east] [of|from|behind|inside...] REFERENCE".
    offset = 0
    if conv_or:
        offset = len(after) - len(after.lstrip(" ,"))
    trip = TRIP_NOUN.match(after, offset) if compound else None
    thing = OBJECT_NOUN_AFTER.match(after, offset) if compound and not trip else None
    if thing:  # "a 30-km stretch of the highway": an object's size, not a distance between places
        return Context("length", None, None, None, expr_end + thing.end())
    if trip:
        offset = trip.end()
    mode = MODE_AFTER.match(after, offset)
    if mode:
        offset = mode.end()
    lead = AFTER_DISTANCE.match(after, offset)
    direction = _direction_code(lead.group("dir"))
    consumed = expr_end + lead.end() if (lead.group("dir") or lead.group("prep")) else expr_end
    reference = ref_kind = None
    if lead.group("prep"):
        ref = _parse_reference(text, expr_end + lead.end(), sent_end)
        if ref is None:  # a reference we cannot read ("the occupied part of Luhansk region") is still
            # the figure's: its names are no target of the next figure
            unread = _UNREAD_REFERENCE.match(text, expr_end + lead.end(), sent_end)
            consumed = unread.end() if unread else consumed
        if ref is not None:
            reference, ref_kind, consumed = ref
            prep = lead.group("prep").lower()
            if any(word in prep for word in INSIDE_PREPOSITIONS) and ref_kind == "ukraine":
                if reference == "Ukraine":  # "1,000 km inside Russia/Ukraine": from the border crossed
                    reference, ref_kind = "the Ukrainian border", "border"
                else:  # "40 km inside Ukrainian-held territory": from the line it was entered at
                    reference, ref_kind = "the front line", "frontline"
    to_target = name_after(text, consumed, sent_end, TARGET_TO) if ref_kind == "place" else None
    unread = bool(lead.group("prep")) and reference is None
    return Context("distance", reference, ref_kind, direction, consumed, trip is not None, to_target, unread)


def elided_reference(
    text: str,
    ctx: Context,
    previous: Context | None,
    sent_start: int,
    figure_start: int,
    header: re.Match | None,
) -> Context:
    """The context with the reference a figure leaves unsaid filled in: the previous figure's in the
    same sentence ("Pokrovsk is 5 km from the front line, and Kostiantynivka about 6 km"; "…, is about
    1,760 km away"), the one named in a list's header ("Distances from Kyiv: Lviv 470 km"), or the
    place before "the capital" ("Kstovo is 410 km east of Moscow, Ryazan 180 km south-east of the
    capital"). ``header`` is the sentence's list header or None, found once by the caller for all its
    figures (searching it again for each figure costs time quadratic in a long sentence)."""
    if ctx.kind != "distance":
        return ctx
    if ctx.reference == "the capital":
        if previous is not None and previous.reference_kind == "place":
            return dataclasses.replace(ctx, reference=previous.reference)
        return ctx
    if ctx.reference is not None or ctx.unread:
        return ctx
    if previous is not None and previous.kind == "distance" and previous.reference is not None:
        if _ORIGIN.search(text, previous.consumed_end, figure_start):
            # "…; the missiles were fired from the Kursk region, roughly 100 km away": from somewhere
            # else than the figure before, and nowhere we can measure from
            return ctx
        return dataclasses.replace(ctx, reference=previous.reference, reference_kind=previous.reference_kind)
    if header is not None and header.end() < figure_start:
        ref = _parse_reference(text, header.end(), figure_start)
        if ref is not None:
            return dataclasses.replace(ctx, reference=ref[0], reference_kind=ref[1])
    return ctx


def _length_context(before: str, after: str, expr_end: int) -> Context | None:
    """A length ("the 1,000-km front line", "19 km long", "along 1,000 km of front line"), else None."""
    noun_after = LENGTH_NOUN_AFTER.match(after)
    if noun_after:
        reference, ref_kind = _line_reference(noun_after.group("noun"))
        return Context("length", reference, ref_kind, None, expr_end + noun_after.end())
    word_after = LENGTH_WORD_AFTER.match(after)
    stretch = STRETCH_BEFORE.search(before) or LINE_OF_BEFORE.search(before)
    if word_after or stretch:
        nouns = list(LINE_NOUN_ANYWHERE.finditer(before))
        reference = ref_kind = None
        if nouns:
            reference, ref_kind = _line_reference(nouns[-1].group("noun"))
        consumed = expr_end + (word_after.end() if word_after else 0)
        return Context("length", reference, ref_kind, None, consumed)
    of_after = LENGTH_OF_AFTER.match(after)
    if of_after and ALONG_BEFORE.search(before):
        reference, ref_kind = _line_reference(of_after.group("noun"))
        return Context("length", reference, ref_kind, None, expr_end + of_after.end())
    return None


def parse_reference_at(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The reference written at ``text[start:end]`` ("the Russian border", "Kyiv") → (reference as
    normalised, reference kind), or None when it is none the extractor knows."""
    found = _parse_reference(text, start, end)
    return None if found is None else (found[0], found[1])


def _parse_reference(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """The reference that begins at ``text[start]`` → (reference, reference_kind, end offset)."""
    nearest_point = NEAREST_POINT.match(text, start, end)
    if nearest_point:
        start = nearest_point.end()
    for pattern, reference, kind in REFERENCES:
        found = pattern.match(text, start, end)
        if found:
            return (reference or " ".join(found.group().lower().split())), kind, found.end()
    prefix = PLACE_REFERENCE_PREFIX.match(text, start, end)
    name = name_at(text, prefix.end(), end)
    if name is None:
        return None
    return name[0], "place", name[1]


def _line_reference(noun: str) -> tuple[str, str]:
    """A line noun as matched → (reference for a length claim, reference_kind)."""
    if noun.lower() in BORDER_NOUNS:
        return "border", "border"
    return "front line", "frontline"


def _direction_code(phrase: str | None) -> str | None:
    """A written direction ("north-east", "south-southwest") → its 16-point compass code, else None."""
    if not phrase:
        return None
    code = "".join(word[0].upper() for word in re.findall(DIRECTION_WORD, phrase.lower()))
    return code if code in _COMPASS_16 else None
