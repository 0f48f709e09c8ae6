"""The subject of one written distance within its sentence: the place(s) it is about, or the words
that point back at a place named before.

``choose_subject`` tries, in order: the end of a trip or a from-to pair ("from Kyiv to Lviv"), "the
distance from X to Y", the name chosen from the text before the figure (``geo.text.targets``), the
subject of an earlier figure of the same sentence, a subject after a fronted distance ("Located 30 km
from the border, Kharkiv…"), a place after "in" ("500 km from Kursk, in Belgorod"), and the front as the
subject ("Russian troops are 10 km from Pokrovsk": Pokrovsk, from the front line). When none names a place
it records the anaphor ("The base", "It") for ``geo.text.discourse`` to resolve across sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.text.context import Context
from geo.text.mentions import mentions
from geo.text.names import name_after
from geo.text.targets import find_targets, last_row_start
from geo.text.vocabulary import (
    ANAPHOR,
    DISTANCE_BETWEEN,
    FRONT_AS_SUBJECT,
    FRONTED_OPENING,
    FRONTED_SUBJECT,
    PARTITIVE_BEFORE,
    POINTING_REFERENCE,
    TARGET_AFTER,
)

__all__ = ["Subject", "choose_subject"]

#: The possessive ending of a word ("Feodosia's" → "Feodosia").
_POSSESSOR = re.compile(r"[’']s$")
#: A copula right before pointing words makes them a predicate ("Izhevsk is the capital of …").
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|remains|became|becomes)\s+$", re.IGNORECASE)

_AWAY = re.compile(r"\s*away\b", re.IGNORECASE)
#: A sentence that opens with pointing words set off by a comma: "The base, in Russia's Voronezh region,".
_OPENING_ANAPHOR = re.compile(
    r"\s*(?P<words>(?i:the|this|that)\s+(?:[a-z-]+\s+){0,2}?(?i:air\s+base|base|city|town|village|plant|factory"
    r"|refinery|depot|terminal|airfield|port|site|facility|complex|station)|(?i:it))\s*,",
)
#: Right before a figure: a move "to within" it ("advanced to within", "have pushed to within").
_MOTION_TO_WITHIN = re.compile(
    r"\b(?:advanc|push|mov|came|com|got|get|edg|crept|creep|clos|reach|arriv|press|drove|driv|brought|bring)"
    r"\w*\s+(?:\w+\s+){0,2}?within\s+$",
    re.IGNORECASE,
)
#: After a figure: "apart" ("Kharkiv and Belgorod, about 75 km apart": one from the other).
_APART = re.compile(r"\s*apart\b", re.IGNORECASE)


@dataclass(frozen=True)
class Subject:
    """The place(s) one figure is about. ``names`` empty with ``anaphor`` set: the sentence points back
    at a place named before. ``uncertain``: the sentence does not settle which of ``names`` is meant.
    ``reference``/``reference_kind`` replace the context's when the subject changes what the figure is
    measured from ("the distance from Kyiv to Lviv": Lviv from Kyiv)."""

    names: tuple[str, ...] = ()
    uncertain: bool = False
    reference: str | None = None
    reference_kind: str | None = None
    anaphor: str | None = None
    hint: str | None = None


def choose_subject(
    text: str,
    before: str,
    before_start: int,
    ctx: Context,
    sent_end: int,
    previous: Subject | None,
    sentence_start: int | None = None,
) -> Subject | None:
    """The subject of a figure (see module docstring); None when the sentence gives no clue at all."""
    if ctx.reference_kind == "place" and _MOTION_TO_WITHIN.search(before):
        # "Russian troops seized Vovchansk, … and advanced to within about 30 km of Kharkiv": the troops
        # moved, so Kharkiv is measured from the front line, not from the place of the figure before
        opening = text[
            before_start if sentence_start is None else sentence_start : before_start + len(before)
        ]
        if FRONT_AS_SUBJECT.search(opening):
            return Subject((ctx.reference,), reference="the front line", reference_kind="frontline")
    subject = _named_subject(text, before, ctx, sent_end, previous)
    if subject is not None and not subject.names:
        return subject  # the previous figure's pointing words
    if subject is not None and ctx.reference is None and subject.reference is None:
        # "the Kursk nuclear plant …, as Ukrainian troops fought some 40 km away": from the front
        front = FRONT_AS_SUBJECT.search(before, before.rfind(subject.names[-1]) + 1)
        if front and _AWAY.match(text, ctx.consumed_end):
            return Subject(subject.names, subject.uncertain, "the front line", "frontline", hint=subject.hint)
    if subject is not None:
        return _without_reference(subject, ctx)
    if ctx.reference_kind == "place" and FRONT_AS_SUBJECT.search(before):
        # "Russian troops are 10 km from Pokrovsk": Pokrovsk, from the front line
        return Subject((ctx.reference,), reference="the front line", reference_kind="frontline")
    if ctx.reference_kind == POINTING_REFERENCE and FRONT_AS_SUBJECT.search(before):
        # "Russian forces are now within 3 miles of the town": the town pointed back at, from the front
        return Subject(anaphor=ctx.reference, reference="the front line", reference_kind="frontline")
    if ctx.reference is None and FRONT_AS_SUBJECT.search(before) and _AWAY.match(text, ctx.consumed_end):
        # "Russian troops are 30 km away": the place the text is about (or the speaker's), from the front
        return Subject(anaphor="here", reference="the front line", reference_kind="frontline")
    anaphor = _anaphor(text, before, ctx, sent_end)
    return Subject(anaphor=anaphor) if anaphor else None


def _named_subject(
    text: str, before: str, ctx: Context, sent_end: int, previous: Subject | None
) -> Subject | None:
    """A subject the sentence names, tried in the order of the module docstring."""
    if ctx.to_target:
        return Subject((ctx.to_target,))
    between = DISTANCE_BETWEEN.search(before)
    if between:
        return Subject((between.group("b"),), reference=between.group("a"), reference_kind="place")
    opening = _OPENING_ANAPHOR.match(before)
    if opening:  # "The base, in Russia's Voronezh region, is …": the names locate the base
        return Subject(anaphor=opening.group("words").lower())
    choice = find_targets(before)
    if choice is not None and len(choice.names) == 2 and _APART.match(text, ctx.consumed_end):
        return Subject((choice.names[1],), reference=choice.names[0], reference_kind="place")
    if choice is not None:
        return Subject(choice.names, uncertain=choice.uncertain, hint=choice.hint)
    row = last_row_start(before)
    if row is not None and not any(ch.isdigit() for ch in before[row:]):
        previous = None  # a new row of a list: the row before it has its own subject
    if previous is not None and previous.names:
        return Subject(previous.names, previous.uncertain)
    if previous is not None and previous.anaphor and not ANAPHOR.search(before):
        return previous
    if ctx.reference is None:
        return None
    if FRONTED_OPENING.match(before):
        lead = FRONTED_SUBJECT.match(text, ctx.consumed_end, sent_end)
        fronted = mentions(text, lead.end(), sent_end) if lead else []
        if fronted and fronted[0].start == lead.end() and fronted[0].role == "place":
            return Subject((fronted[0].target_name,))
    after_in = name_after(text, ctx.consumed_end, sent_end, TARGET_AFTER)
    return Subject((after_in,)) if after_in else None


def _without_reference(subject: Subject, ctx: Context) -> Subject | None:
    """Drop a subject name that is the reference itself ("800 km from Moscow" said of Moscow)."""
    reference = subject.reference or ctx.reference
    names = tuple(n for n in subject.names if n != reference)
    if not names:
        return None
    uncertain = subject.uncertain and len(names) > 1
    return Subject(names, uncertain, subject.reference, subject.reference_kind, hint=subject.hint)


def _anaphor(text: str, before: str, ctx: Context, sent_end: int) -> str | None:
    """The words that point back at a place named before: in the text before the figure ("The base is
    located…", "It is…"), or right after a fronted distance ("Located 30 km away, the plant…")."""
    # "Izhevsk is the capital of Udmurtia": a predicate, not words pointing back
    found = [
        m
        for m in ANAPHOR.finditer(before)
        if not _COPULA_BEFORE.search(before, max(0, m.start() - 12), m.start())
    ]
    owners = {m: _POSSESSOR.sub("", m.group().split()[0]) for m in found if _POSSESSOR.search(m.group())}
    if owners:  # "Feodosia's oil terminal": the place's own site, not words pointing back
        places = {m.name for m in mentions(before) if m.role == "place"}
        found = [m for m in found if owners.get(m) not in places]
    if found:
        last = found[-1]
        part = PARTITIVE_BEFORE.search(before, max(0, last.start() - 20), last.start())
        return (part.group() if part else "").lower() + last.group().lower()  # "most of the targets"
    if FRONTED_OPENING.match(before):
        fronted = ANAPHOR.match(
            text, ctx.consumed_end + _skip_comma(text, ctx.consumed_end, sent_end), sent_end
        )
        if fronted:
            return fronted.group().lower()
    return None


def _skip_comma(text: str, start: int, end: int) -> int:
    """How many characters of ", " follow ``start``."""
    stripped = text[start:end].lstrip(" ,")
    return (end - start) - len(stripped)
