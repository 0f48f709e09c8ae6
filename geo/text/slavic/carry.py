"""Targets carried across Ukrainian and Russian sentences: "Місто розташоване за 470 км…", "Там…".

A sentence that names no place of its own but points back at one ("Місто", "Він", "Там", "Від міста до
кордону…") takes the place the sentence before it offers (``Antecedent``): that sentence's claim target,
else the towns it names. One town settles it; several leave the claim's target open with every
candidate listed (``Claim.target_candidates``), for the judge to narrow down by the pointing word or
refuse, as for English (``geo.text.discourse``). The pointing words are recorded in English ("the
city", "the village", "the plant") so that the judge's size and kind rules apply to them: "Село" cannot
point back at Бєлгород, a city of 340,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.text.claim import Claim

__all__ = ["Antecedent", "anaphor_of", "carry", "offered"]

#: Pointing words (as matched by a vocabulary's ``refers_back``) → their English form.
_ANAPHORS = (
    (re.compile(r"містечк|городок", re.IGNORECASE), "the town"),
    (re.compile(r"міст|город", re.IGNORECASE), "the city"),
    (re.compile(r"сел[оаи]|селищ|пос[её]л|деревн", re.IGNORECASE), "the village"),
    (re.compile(r"аеродром|аэродром|авіабаз|авиабаз|баз", re.IGNORECASE), "the air base"),
    (re.compile(r"порт", re.IGNORECASE), "the port"),
    (
        re.compile(r"завод|підприєм|предприят|нпз|об['’]єкт|объект|станц|склад|арсенал", re.IGNORECASE),
        "the plant",
    ),
)


@dataclass(frozen=True)
class Antecedent:
    """What a sentence offers the next one to point back at: place ``names`` as written in the
    nominative, and the 1-based number of the sentence that names them (None when not known)."""

    names: tuple[str, ...]
    sentence: int | None = None


def anaphor_of(words: str | None) -> str:
    """The English pointing words for Ukrainian or Russian ones: "Місто" → "the city", "Село" →
    "the village", "Завод" → "the plant"; "it" for pronouns and "там".

    >>> anaphor_of("Місто"), anaphor_of("село"), anaphor_of("Предприятие"), anaphor_of("Він")
    ('the city', 'the village', 'the plant', 'it')
    """
    for pattern, english in _ANAPHORS:
        if words and pattern.search(words):
            return english
    return "it"


def offered(
    targets: list[str], towns: list, previous: Antecedent | None, number: int | None
) -> Antecedent | None:
    """What sentence ``number`` offers the next: the last of its claims' ``targets``, else the towns it
    names (``geo.text.slavic.names.Name``; those the gazetteer knows, when it was asked), else what
    the sentence before it offered."""
    if targets:
        return Antecedent((targets[-1],), number)
    known = [n.name for n in towns if n.known]
    if known:
        return Antecedent(tuple(dict.fromkeys(known)), number)
    if towns:
        return Antecedent((towns[-1].name,), number)
    return previous


def carry(claim: Claim, antecedent: Antecedent, anaphor: str) -> Claim:
    """``claim`` with its target carried from ``antecedent``: the place when it offers one, else every
    candidate (the judge keeps the one the pointing word fits, or refuses)."""
    fields = {"target_how": "carried", "target_sentence": antecedent.sentence, "anaphor": anaphor}
    if antecedent.sentence is None:
        fields = {}
    if len(antecedent.names) == 1:
        return replace(claim, target=antecedent.names[0], **fields)
    return replace(claim, target_candidates=antecedent.names, **fields)
