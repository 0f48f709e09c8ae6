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

__all__ = [
    "Antecedent",
    "anaphor_of",
    "carry",
    "compared_reference",
    "offered",
    "speakers_place",
    "with_speakers_place",
]

#: Pointing words (as matched by a vocabulary's ``refers_back``) → their English form.
_ANAPHORS = (
    (re.compile(r"^\W*(?:вони|они|обидва|обидві|оба|обе|усі|всі|все)\b", re.IGNORECASE), "they"),
    (re.compile(r"містечк|городок", re.IGNORECASE), "the town"),
    (re.compile(r"міст|город|центр", re.IGNORECASE), "the city"),
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
    "the village", "Завод" → "the plant", "Вони" → "they"; "it" for other pronouns and "там".

    >>> anaphor_of("Місто"), anaphor_of("село"), anaphor_of("Предприятие"), anaphor_of("Він")
    ('the city', 'the village', 'the plant', 'it')
    >>> anaphor_of("Вони"), anaphor_of(", оба")
    ('they', 'they')
    """
    for pattern, english in _ANAPHORS:
        if words and pattern.search(words):
            return english
    return "it"


def offered(
    targets: list[str], towns: list, previous: Antecedent | None, number: int | None
) -> Antecedent | None:
    """What sentence ``number`` offers the next: the last of its claims' ``targets``, else the towns it
    names (``geo.text.slavic.names.Name``; those the gazetteer knows, when it was asked: never a
    governor's name), else what the sentence before it offered."""
    if targets:
        return Antecedent((targets[-1],), number)
    known = [n.name for n in towns if n.known]
    if known:
        return Antecedent(tuple(dict.fromkeys(known)), number)
    if towns and all(n.known is None for n in towns):  # no gazetteer asked: the last name
        return Antecedent((towns[-1].name,), number)
    return previous  # names the gazetteer does not know (a governor's) are not offered


def carry(claim: Claim, antecedent: Antecedent, anaphor: str) -> list[Claim]:
    """``claim`` with its target carried from ``antecedent``: the place when it offers one; one claim
    per place for "they" ("Вони лежать за 20 км від фронту"); else the claim with every candidate (the
    judge keeps the one the pointing word fits, or refuses)."""
    fields = {"target_how": "carried", "target_sentence": antecedent.sentence, "anaphor": anaphor}
    if antecedent.sentence is None:
        fields = {}
    if len(antecedent.names) == 1 or anaphor == "they":
        return [replace(claim, target=name, **fields) for name in antecedent.names]
    return [replace(claim, target_candidates=antecedent.names, **fields)]


#: A quote that speaks of where the speaker is: "Ми за 12 км від кордону", "До фронту звідси 15 км".
_HERE = re.compile(r"(?<!\w)(?:ми|мы|нас|звідси|отсюда|тут|здесь)(?!\w)", re.IGNORECASE)
_QUOTE = re.compile(r"[«\"„“]([^»\"“”]*)[»\"“”]")
#: People whose town is named after them: "— каже мешканка Вовчанська", "— сказал мэр Курска".
_SPEAKER_NOUNS = frozenset(
    "мер мэр мешканка мешканець мешканці жителька житель жителі жители жительница глава голова "
    "очільник староста".split()
)


def speakers_place(text: str, claim: Claim, names: list) -> str | None:
    """Where the speaker of a quote is, for a claim inside it that says "we" or "here" and names no
    place: the town after the quote that a resident or an official of it is named with ("«Ми лише
    за 12 км від кордону», — каже мешканка Вовчанська" → Вовчанськ). None otherwise."""
    start, end = claim.sentence_span
    for quote in _QUOTE.finditer(text, start, end):
        if not (quote.start() < claim.span[0] and claim.span[1] < quote.end()):
            continue
        if not _HERE.search(quote.group(1)):
            return None
        after = [n for n in names if n.start >= quote.end() and not n.region]
        return next((n.name for n in after if n.before_word in _SPEAKER_NOUNS), None)
    return None


def with_speakers_place(text: str, claim: Claim, names: list) -> Claim:
    """``claim`` with the speaker's town as its target when it names none (:func:`speakers_place`)."""
    if claim.kind != "distance" or claim.target or claim.target_candidates:
        return claim
    place = speakers_place(text, claim, names)
    return claim if place is None else replace(claim, target=place)


#: A comparison with the distance before, ahead of the figure: "Клинці — це ще ближче, близько 50 км",
#: "Шебекино ещё ближе — 10 км". (After the figure, "на 200 км далі" is an increment: not read here.)
_COMPARED_BEFORE = re.compile(
    r"(?<!\w)(?:(?:ще|ещё|еще)\s+)?(?:ближче|ближе|далі|дальше|далее)(?!\w)[^\d]*$", re.IGNORECASE
)


def compared_reference(claim: Claim, text: str, before: Claim | None) -> Claim:
    """A distance with no reference of its own that compares itself with the claim ``before`` it ("ще
    ближче, близько 50 км") is measured from that claim's reference; anything else unchanged. Only
    for a target written in the claim's own sentence before the figure (its stem, as declined there)
    and other than the earlier claim's: a comparison is of another place, so a target carried from
    before ("Шебекино ещё ближе" given Белгород's) would be a confident answer about the wrong one."""
    if claim.kind != "distance" or claim.reference is not None or before is None or claim.target is None:
        return claim
    if before.reference is None or before.kind != "distance" or claim.target == before.target:
        return claim
    head = text[claim.sentence_span[0] : claim.span[0]]
    if not _COMPARED_BEFORE.search(head) or claim.target[:4].casefold() not in head.casefold():
        return claim
    return replace(claim, reference=before.reference, reference_kind=before.reference_kind)
