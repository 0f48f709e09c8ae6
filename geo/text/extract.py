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

import dataclasses
import re

from geo.core.units import figure_step, normalise_unit
from geo.errors import EmptyInputError
from geo.text.claim import Claim, figure_fields
from geo.text.context import Context, elided_reference, read_context
from geo.text.discourse import resolve_back
from geo.text.kinds import claim_kind
from geo.text.numbers import NUMBER_DIGITS, parse_number
from geo.text.respectively import pair_chained_figures, share_chained_reference
from geo.text.sentences import split_sentences
from geo.text.subjects import Subject, choose_subject
from geo.text.unit_lists import unit_list_claims
from geo.text.vocabulary import (
    CONVERSION,
    CONVERSION_OR,
    FIGURE_AND_UNIT,
    HEDGE_BEFORE,
    HEDGE_WORDS,
    LIST_HEADER_REFERENCE,
    NOT_DISTANCE_AFTER,
    NOT_DISTANCE_BEFORE,
)

__all__ = ["extract_claims"]


def extract_claims(text: str, limit: int | None = None) -> list[Claim]:
    """Find every distance claim in ``text`` (English news prose); return them in text order.

    Figures are read as written: "1,300", "1 300" (also no-break/thin spaces), "1.300" (European
    thousands), "1.5", "1,300km", "1,300-kilometer", ranges "1,200-1,300 km" / "between 1,200 and 1,300
    km". Units: km, kms, kilometre(s), kilometer(s), mile(s), mi, nautical mile(s), nmi. Speeds (km/h,
    per hour), areas (square km, km²), heights/altitudes/widths and weapon ranges are not claims.

    Raises ``EmptyInputError`` when ``text`` is empty or only whitespace; returns [] when it has no claim.
    With a ``limit``, reading stops at the end of the sentence where more than ``limit`` claims have been
    found: the list is then longer than ``limit`` and holds only the claims read so far (the text holds
    at least as many), so that a caller refusing long texts need not read a 10 MB one to the end.

    >>> [c.to_json()["phrase"] for c in extract_claims("The roughly 1,000-km front line held. 5,438 drones.")]
    ['roughly 1,000-km']
    """
    if text is None or not text.strip():
        raise EmptyInputError("the text is empty: give an article or a sentence that states a distance")
    claims: list[Claim] = []
    sentences = split_sentences(text)
    for number, (sent_start, sent_end) in enumerate(sentences, 1):
        found = share_chained_reference(text, _claims_in_sentence(text, sent_start, sent_end, number))
        claims.extend(pair_chained_figures(text, resolve_back(text, sentences, number, found, claims)))
        if limit is not None and len(claims) > limit:
            return claims  # over the limit: the rest of the text is not read
    listed = [c for c in unit_list_claims(text) if not any(_overlap(c.span, d.span) for d in claims)]
    return sorted(claims + listed, key=lambda c: c.span) if listed else claims


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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


def _claims_in_sentence(text: str, sent_start: int, sent_end: int, number: int) -> list[Claim]:
    """Every claim in ``text[sent_start:sent_end]`` (sentence ``number``, 1-based), left to right.

    The text before a figure that may hold its target starts after what the previous claim consumed, and
    a distance with no target of its own takes the previous one's ("Kazan lies 800 km east of Moscow and
    about 1,200 km from the border"). A figure said of several places ("Kazan and Samara lie…") gives one
    claim per place.
    """
    claims: list[Claim] = []
    window_start = sent_start  # where the text that may hold this claim's target begins
    previous: Subject | None = None
    previous_ctx: Context | None = None
    pos = sent_start
    header = LIST_HEADER_REFERENCE.search(text, sent_start, sent_end)  # "Distances from Kyiv: …", once
    sentence_text = text[sent_start:sent_end]  # one string shared by the sentence's claims
    while True:
        match = FIGURE_AND_UNIT.search(text, pos, sent_end)
        if match is None:
            break
        conv_figure, conv_unit, conv_or, expr_end = _conversion_after(text, match.end(), sent_end)
        pos = max(expr_end, match.end())
        hedge_match = HEDGE_BEFORE.search(text, window_start, match.start())
        span_start = hedge_match.start("hedge") if hedge_match else match.start()
        bare, bare_hedge, bare_start = _bare_chain(text, window_start, span_start, hedge_match)
        before, after = text[window_start:bare_start], text[expr_end:sent_end]
        if NOT_DISTANCE_AFTER.match(after) or NOT_DISTANCE_BEFORE.search(before):
            continue
        unit = normalise_unit(match.group("unit"))
        if _is_late_conversion(claims, before, after, unit):  # "600 km from the border, or about 370 miles"
            figure, *_ = _figure(match, hedge_match)
            claims[:] = [
                dataclasses.replace(c, conversion_figure=figure, conversion_unit=unit)
                if c.span == claims[-1].span
                else c
                for c in claims
            ]
            window_start = pos = max(pos, expr_end)
            continue
        ctx = read_context(text, before, after, expr_end, sent_end, match.group("sep") == "-", conv_or)
        ctx = elided_reference(text, ctx, previous_ctx, sent_start, span_start, header)
        previous_ctx = ctx
        kind = ctx.kind
        if kind == "distance":
            kind = claim_kind(before, after, unit, ctx.trip)
        subject = (
            choose_subject(text, before, window_start, ctx, sent_end, previous, sent_start)
            if kind != "length"
            else None
        )
        if subject is not None and (subject.names or subject.anaphor):
            previous = subject
        figure, hedge, low, high, step = _figure(match, hedge_match)
        common = dict(
            text=sentence_text,
            span=(span_start, expr_end),
            sentence_span=(sent_start, sent_end),
            phrase=text[span_start:expr_end],
            **figure_fields(figure, unit, step),
            kind=kind,
            hedge=hedge or bare_hedge,
            conversion_figure=conv_figure,
            conversion_unit=conv_unit,
            direction=ctx.direction,
            figure_low=low,
            figure_high=high,
        )
        for start, end, bare_figure in bare:  # "about 1,200 and 1,250 km": 1,200 km too, in the chain
            chained = {
                **common,
                **figure_fields(bare_figure, unit, figure_step(bare_figure)),
                "span": (start, end),
                "phrase": text[start:end],
                "hedge": bare_hedge,
                "conversion_figure": None,
                "conversion_unit": None,
                "figure_low": None,
                "figure_high": None,
            }
            claims.extend(_claims_for(chained, ctx, subject, number))
        claims.extend(_claims_for(common, ctx, subject, number))
        window_start = max(ctx.consumed_end, expr_end)
        pos = max(pos, window_start)
    return claims


#: Bare figures chained before a figure with its unit, at least one "and"/"or" among their joins:
#: "1,900 and " (before "4,300 km"), "1,200, 1,250 or ".
_BARE_CHAIN = re.compile(
    rf"(?P<nums>{NUMBER_DIGITS}(?:\s*,\s*{NUMBER_DIGITS})*(?:\s*,?\s*(?:and|or)\s+{NUMBER_DIGITS})?)"
    r"\s*,?\s*(?:and|or)\s+$"
)
_ONE_NUMBER = re.compile(NUMBER_DIGITS)


def _bare_chain(text: str, start: int, figure_start: int, hedge: re.Match | None):
    """The bare figures chained right before a figure with its unit ("about 1,200 and 1,250 km"):
    ``([(start, end, figure)], hedge, where the chain's text starts)``; the first span and the
    returned start take the chain's hedge in. None found: ``([], None, figure_start)``."""
    chain = None if hedge is not None else _BARE_CHAIN.search(text, start, figure_start)
    if chain is None:
        return [], None, figure_start
    numbers = list(_ONE_NUMBER.finditer(text, chain.start("nums"), chain.end("nums")))
    found = HEDGE_BEFORE.search(text, start, chain.start())
    first = found.start("hedge") if found else chain.start()
    canonical = HEDGE_WORDS.get(found.group("hedge").lower(), "about") if found else None
    spans = [
        (first if i == 0 else m.start(), m.end(), parse_number(m.group())) for i, m in enumerate(numbers)
    ]
    return spans, canonical, first


#: Between a distance's reference and the same distance in another unit: ", or ", " — ", " (".
_LATE_CONVERSION_GAP = re.compile(r"\s*(?:,\s*or|,|—|–|\(|;\s*or)\s*")
#: What may follow such a conversion: the end of the sentence or of its phrase.
_LATE_CONVERSION_END = re.compile(r"\s*(?:[).,;—–]|$)")


def _is_late_conversion(claims: list[Claim], before: str, after: str, unit: str) -> bool:
    """True when a figure only restates the previous one in another unit, after that one's reference
    ("just over 600 km from the border, or about 370 miles"; "— around 310 miles"): a conversion."""
    if not claims or not _LATE_CONVERSION_GAP.fullmatch(before) or not _LATE_CONVERSION_END.match(after):
        return False
    last = claims[-1]
    return last.kind == "distance" and last.unit != unit and last.conversion_figure is None


def _claims_for(common: dict, ctx: Context, subject: Subject | None, number: int) -> list[Claim]:
    """One claim per target of a figure (one claim with no target when it has none)."""
    reference, reference_kind = ctx.reference, ctx.reference_kind
    if subject is not None and subject.reference is not None:
        reference, reference_kind = subject.reference, subject.reference_kind
    if subject is None or not subject.names:
        anaphor = subject.anaphor if subject else None
        return [Claim(**common, reference=reference, reference_kind=reference_kind, anaphor=anaphor)]
    if subject.uncertain:
        return [
            Claim(
                **common,
                reference=reference,
                reference_kind=reference_kind,
                target_how="named",
                target_sentence=number,
                target_candidates=subject.names,
            )
        ]
    hint = subject.hint if len(subject.names) == 1 else None
    return [
        Claim(
            **common,
            target=name,
            reference=reference,
            reference_kind=reference_kind,
            target_how="named",
            target_sentence=number,
            target_hint=hint,
        )
        for name in subject.names
    ]
