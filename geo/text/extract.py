"""Distance claims in English news text: the *extract* step (text → ``Claim`` records).

``extract_claims`` finds every written distance ("some 1,300 kilometers (800 miles) from Ukraine",
"the roughly 1,000-kilometer front line") and records what the sentence says about it: the figure and
unit as written, any parenthetical conversion, the hedge, the place the claim is about (``target``), what
the distance is measured from (``reference``), a compass direction and whether it is a place-to-reference
distance or the length of a line. Nothing here measures anything: comparing a claim with a measured
distance is the *judge* step and lives elsewhere.

Everything is textual: regular expressions over one sentence at a time, no gazetteer and no NLP library.
Units: figures stay in the unit they were written in (``figure``, ``figure_step``); every ``*_km`` field is
in kilometres (1 mi = 1.609344 km, 1 nmi = 1.852 km, per ``geo.core.units``).

>>> [c] = extract_claims("Kazan lies some 800 km (500 miles) east of Moscow.")
>>> (c.target, c.figure, c.unit, c.hedge, c.direction, c.reference, c.conversion_figure)
('Kazan', 800.0, 'km', 'some', 'E', 'Moscow', 500.0)
"""

from __future__ import annotations

import re

from geo.core.units import convert, figure_step, normalise_unit
from geo.errors import EmptyInputError
from geo.text.claim import Claim
from geo.text.numbers import parse_number
from geo.text.sentences import split_sentences
from geo.text.targets import find_target, name_after, name_at
from geo.text.vocabulary import (
    AFTER_DISTANCE,
    ALONG_BEFORE,
    BORDER_NOUNS,
    CONVERSION,
    CONVERSION_OR,
    DIRECTION_WORD,
    FIGURE_AND_UNIT,
    FRONT_AS_SUBJECT,
    HEDGE_BEFORE,
    HEDGE_WORDS,
    INSIDE_PREPOSITIONS,
    LENGTH_NOUN_AFTER,
    LENGTH_OF_AFTER,
    LENGTH_WORD_AFTER,
    LINE_NOUN_ANYWHERE,
    LINE_OF_BEFORE,
    NEAREST_POINT,
    NOT_DISTANCE_AFTER,
    NOT_DISTANCE_BEFORE,
    PLACE_REFERENCE_PREFIX,
    REFERENCES,
    STRETCH_BEFORE,
    TARGET_AFTER,
    TARGET_TO,
    TRIP_NOUN,
)

__all__ = ["extract_claims"]

_COMPASS_16 = frozenset("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())


def extract_claims(text: str) -> list[Claim]:
    """Find every distance claim in ``text`` (English news prose); return them in text order.

    Figures are read as written: "1,300", "1 300" (also no-break/thin spaces), "1.300" (European
    thousands), "1.5", "1,300km", "1,300-kilometer", ranges "1,200-1,300 km" / "between 1,200 and 1,300
    km". Units: km, kms, kilometre(s), kilometer(s), mile(s), mi, nautical mile(s), nmi. Speeds (km/h,
    per hour), areas (square km, km²), heights/altitudes/widths and weapon ranges are not claims.

    Raises ``EmptyInputError`` when ``text`` is empty or only whitespace; returns [] when it has no claim.

    >>> [c.to_json()["phrase"] for c in extract_claims("The roughly 1,000-km front line held. 5,438 drones.")]
    ['roughly 1,000-km']
    """
    if text is None or not text.strip():
        raise EmptyInputError("the text is empty: give an article or a sentence that states a distance")
    claims: list[Claim] = []
    for sent_start, sent_end in split_sentences(text):
        claims.extend(_claims_in_sentence(text, sent_start, sent_end))
    return claims


def _conversion_after(text: str, unit_end: int, sent_end: int):
    """A conversion written right after a distance ("(800 miles)", ", or 800 miles,"):
    ``(figure, unit, is_or_form, end of the expression)``; figure and unit are None if absent."""
    conv = CONVERSION.match(text, unit_end, sent_end)
    conv_or = False
    if conv is None:
        conv = CONVERSION_OR.match(text, unit_end, sent_end)
        conv_or = conv is not None
    if conv is None:
        return None, None, False, unit_end
    expr_end = conv.end()
    if conv_or:  # keep the trailing comma out of the span
        expr_end = conv.start() + len(conv.group().rstrip().rstrip(",").rstrip())
    return parse_number(conv.group("num")), normalise_unit(conv.group("unit")), conv_or, expr_end


def _figure(match: re.Match, hedge_match: re.Match | None):
    """The figure as written: ``(figure, hedge, low, high, step)``; a range is its midpoint with
    ``hedge == "range"`` and both ends, its step the coarser of the two ends' steps."""
    low_text = match.group("low") or match.group("blow")
    high_text = match.group("high") or match.group("bhigh")
    if low_text:
        low, high = parse_number(low_text), parse_number(high_text)
        return (low + high) / 2.0, "range", low, high, max(figure_step(low), figure_step(high))
    figure = parse_number(match.group("num"))
    hedge = HEDGE_WORDS.get(hedge_match.group("hedge").lower(), "about") if hedge_match else None
    return figure, hedge, None, None, figure_step(figure)


def _claims_in_sentence(text: str, sent_start: int, sent_end: int) -> list[Claim]:
    """Every claim in ``text[sent_start:sent_end]``, left to right.

    The text before a figure that may hold its target starts after what the previous claim consumed, and
    a distance with no target of its own takes the previous one's ("Kazan lies 800 km east of Moscow and
    about 1,200 km from the border").
    """
    sentence = text[sent_start:sent_end]
    claims: list[Claim] = []
    window_start = sent_start  # where the text that may hold this claim's target begins
    previous_target: str | None = None
    pos = sent_start
    while True:
        match = FIGURE_AND_UNIT.search(text, pos, sent_end)
        if match is None:
            break
        conv_figure, conv_unit, conv_or, expr_end = _conversion_after(text, match.end(), sent_end)
        pos = max(expr_end, match.end())

        unit = normalise_unit(match.group("unit"))
        if unit not in ("km", "mi", "nmi"):  # pragma: no cover - the unit pattern only knows these
            continue
        hedge_match = HEDGE_BEFORE.search(text, window_start, match.start())
        span_start = hedge_match.start("hedge") if hedge_match else match.start()
        before = text[window_start:span_start]
        after = text[expr_end:sent_end]
        if NOT_DISTANCE_AFTER.match(after) or NOT_DISTANCE_BEFORE.search(before):
            continue

        figure, hedge, low, high, step = _figure(match, hedge_match)

        compound = match.group("sep") == "-"
        found = _read_context(text, before, after, expr_end, sent_end, compound, conv_or)
        kind, reference, reference_kind, direction, consumed_end, target = found
        if kind == "distance" and target is None:
            target = find_target(before)
            if target is None:
                target = previous_target
            if target is None and reference is not None:
                target = name_after(text, consumed_end, sent_end, TARGET_AFTER)
            if target is not None and target == reference:
                target = None
            if target is None and reference_kind == "place" and FRONT_AS_SUBJECT.search(before):
                # "Russian troops are 10 km from Pokrovsk": Pokrovsk, from the front line
                target, reference, reference_kind = reference, "the front line", "frontline"
        if kind == "distance" and target is not None:
            previous_target = target

        claims.append(
            Claim(
                text=sentence,
                span=(span_start, expr_end),
                sentence_span=(sent_start, sent_end),
                phrase=text[span_start:expr_end],
                figure=figure,
                unit=unit,
                claimed_km=float(convert(figure, unit, "km")),
                figure_step=step,
                figure_precision_km=float(convert(step, unit, "km")),
                kind=kind,
                hedge=hedge,
                conversion_figure=conv_figure,
                conversion_unit=conv_unit,
                target=target,
                reference=reference,
                reference_kind=reference_kind,
                direction=direction,
                figure_low=low,
                figure_high=high,
            )
        )
        window_start = max(consumed_end, expr_end)
        pos = max(pos, window_start)
    return claims


def _read_context(
    text: str, before: str, after: str, expr_end: int, sent_end: int, compound: bool, conv_or: bool
) -> tuple[str, str | None, str | None, str | None, int, str | None]:
    """Classify a figure by its surroundings.

    Returns (kind, reference, reference_kind, direction, end offset of what was consumed, target found
    after the reference or None).
    """
    # Lengths of lines.
    noun_after = LENGTH_NOUN_AFTER.match(after)
    if noun_after:
        reference, ref_kind = _line_reference(noun_after.group("noun"))
        return "length", reference, ref_kind, None, expr_end + noun_after.end(), None
    word_after = LENGTH_WORD_AFTER.match(after)
    stretch = STRETCH_BEFORE.search(before) or LINE_OF_BEFORE.search(before)
    if word_after or stretch:
        nouns = list(LINE_NOUN_ANYWHERE.finditer(before))
        reference = ref_kind = None
        if nouns:
            reference, ref_kind = _line_reference(nouns[-1].group("noun"))
        consumed = expr_end + (word_after.end() if word_after else 0)
        return "length", reference, ref_kind, None, consumed, None
    of_after = LENGTH_OF_AFTER.match(after)
    if of_after and ALONG_BEFORE.search(before):
        reference, ref_kind = _line_reference(of_after.group("noun"))
        return "length", reference, ref_kind, None, expr_end + of_after.end(), None

    # Distances: "[away] [to the] [north-east] [of|from|behind|inside...] REFERENCE".
    offset = 0
    if conv_or:
        offset = len(after) - len(after.lstrip(" ,"))
    trip = TRIP_NOUN.match(after, offset) if compound else None
    if trip:
        offset = trip.end()
    lead = AFTER_DISTANCE.match(after, offset)
    direction = _direction_code(lead.group("dir"))
    consumed = expr_end + lead.end() if (lead.group("dir") or lead.group("prep")) else expr_end
    reference = ref_kind = None
    if lead.group("prep"):
        rest_start = expr_end + lead.end()
        ref = _parse_reference(text, rest_start, sent_end)
        if ref is not None:
            reference, ref_kind, consumed = ref
            prep = lead.group("prep").lower()
            if any(word in prep for word in INSIDE_PREPOSITIONS):
                if ref_kind == "ukraine":
                    reference, ref_kind = "the Ukrainian border", "border"
    target = name_after(text, consumed, sent_end, TARGET_TO) if trip and reference else None
    return "distance", reference, ref_kind, direction, consumed, target


def _parse_reference(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """The reference that begins at ``text[start]`` → (reference, reference_kind, end offset)."""
    nearest_point = NEAREST_POINT.match(text, start, end)
    if nearest_point:
        start = nearest_point.end()
    for pattern, reference, kind in REFERENCES:
        found = pattern.match(text, start, end)
        if found:
            return reference, kind, found.end()
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
