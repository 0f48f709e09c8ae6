"""Targets across sentences: "The base is about 500 km from the border", "It is 260 miles from the front".

A claim whose sentence names no place but points back at one ("the base", "the plant", "it", "they")
takes its target from the sentences before it: the nearest of the three previous sentences (or the
headline, the article's first sentence) that names a place of the kind the words point back with ("the
base" → an air base or the town it is in, "the city" → a town, "the region" → a region). A sentence
that holds claims offers their targets, not the places it measures from. One such place settles it;
"they" and plural nouns take all of them ("most of the targets" only some: uncertain); several places for
a singular "it" leave the claim uncertain, with every candidate listed (``Claim.target_candidates``) for
the judge to narrow down or refuse.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from geo.text.claim import Claim
from geo.text.mentions import Mention, mentions, noun_kind
from geo.text.vocabulary import POINTING_REFERENCE

__all__ = [
    "LOOK_BACK",
    "anaphor_kind",
    "anaphor_noun",
    "antecedents",
    "is_headline",
    "is_ordinal",
    "resolve_back",
]

#: How many sentences back a pointing word may reach (the first sentence, often a headline, always counts).
LOOK_BACK = 3
#: Kinds a pointing noun accepts, besides a name written with no noun ("a plant in Izhevsk": Izhevsk).
_ACCEPTS = {
    "settlement": ("settlement",),
    "airfield": ("airfield",),
    "facility": ("facility", "airfield"),
    "region": ("region",),
}
_PLURAL_PRONOUNS = ("they", "both", "each")
#: Right after a name: it is the first of a list ("Sumy, Konotop and Shostka").
_LIST_JOIN_AFTER = re.compile(r"\s*(?:,|&|\band\b|\bor\b)")
#: Pointing words that mean the speaker's own place ("We are 12 km from Russia here").
_SPEAKER_WORDS = ("we", "here")
#: Pointing words for a part of the places ("most of the targets"): said of some, so of no one place.
_PARTITIVE = re.compile(r"^\S+(?:\s+\S+)?\s+of\s+")
_SAID_IN = re.compile(
    r"[\"”’'].*\b(?:in|at|of)\s+(?:the\s+(?:city|town|village)\s+of\s+|the\s+)?$", re.DOTALL
)


def resolve_back(
    text: str, sentences: Sequence[tuple[int, int]], number: int, found: list[Claim], earlier: list[Claim]
) -> list[Claim]:
    """``found`` (the claims of sentence ``number``, 1-based) with the targets of those that point back
    taken from earlier sentences; ``earlier`` are the claims of sentences before it."""
    resolved: list[Claim] = []
    for claim in found:
        if claim.reference_kind == POINTING_REFERENCE:
            claim = _reference_back(text, sentences, number, claim, earlier)
        if claim.target or claim.target_candidates or not claim.anaphor:
            resolved.append(claim)
            continue
        speaker = _speakers_place(text, claim) if _is_speaker(claim.anaphor) else None
        if speaker is not None:
            resolved.append(
                dataclasses.replace(claim, target=speaker, target_how="named", target_sentence=number)
            )
            continue
        names, source = antecedents(text, sentences, number, claim.anaphor, earlier)
        headline = source == 1 and is_headline(text, sentences[0])
        resolved.extend(_carried(claim, names, source, headline))
    return _pair_ordinals(resolved)


#: Ordinal pointing words and the place each names among those before, in order.
_ORDINALS = {"the first": 0, "the second": 1, "the third": 2, "the former": 0, "the latter": 1}


def is_ordinal(anaphor: str | None) -> bool:
    """True for "the first", "the second", "the former", "the latter"…"""
    return _ordinal_position(anaphor) is not None


def _ordinal_position(anaphor: str | None) -> int | None:
    """The position among the places named before that ordinal words point at, or None."""
    return _ORDINALS.get(" ".join((anaphor or "").lower().split()))


def _pair_ordinals(claims: list[Claim]) -> list[Claim]:
    """Claims of one sentence that point back by order ("The first is 1,000 km …, the second about 300")
    at the same places, given the place at their position: only when the ordinals used are exactly one
    for each place named (two places: first and second, or former and latter). Any other count leaves
    them unsettled: "Novatek's Ust-Luga terminal … and the Tuapse refinery" names three names for two
    ordinals, and a company may be one of them."""
    ordinal = [c for c in claims if is_ordinal(c.anaphor) and c.target_candidates and not c.target]
    groups: dict[tuple[str, ...], list[Claim]] = {}
    for c in ordinal:
        groups.setdefault(c.target_candidates, []).append(c)
    chosen: dict[int, Claim] = {}
    for names, group in groups.items():
        positions = sorted(_ordinal_position(c.anaphor) for c in group)
        if positions != list(range(len(names))):
            continue
        for c in group:
            name = names[_ordinal_position(c.anaphor)]
            chosen[id(c)] = dataclasses.replace(c, target=name, target_candidates=())
    return [chosen.get(id(c), c) for c in claims]


def _reference_back(
    text: str, sentences: Sequence[tuple[int, int]], number: int, claim: Claim, earlier: list[Claim]
) -> Claim:
    """The claim with a reference that points back ("Saratov is 20 km from the base") taken from the
    text before it: its own sentence before the figure, else the sentences :func:`antecedents` searches;
    the claim's own target never counts. Left pointing (unresolved, for the judge to refuse) when no
    place, or more than one, fits."""
    words, own = claim.reference or "", {claim.target, *claim.target_candidates}
    start, _ = claim.sentence_span
    before = [
        m for m in _fitting(mentions(text, start, claim.span[0]), anaphor_kind(words)) if m.role == "place"
    ]
    names = [n for n in dict.fromkeys(m.target_name for m in before) if n not in own]
    source = number
    if not names:
        found, source = antecedents(text, sentences, number, words, earlier)
        names = [n for n in found if n not in own]
    if len(names) != 1:
        return claim
    return dataclasses.replace(
        claim, reference=names[0], reference_kind="place", reference_anaphor=words, reference_sentence=source
    )


def _is_speaker(anaphor: str | None) -> bool:
    """True for words that mean the speaker's own place: "we", "here", "our capital"."""
    return bool(anaphor) and (anaphor in _SPEAKER_WORDS or anaphor.startswith("our "))


def _speakers_place(text: str, claim: Claim) -> str | None:
    """Where the speaker of a quote is, said after it in the same sentence: '"We are 12 km from Russia
    here," said a doctor in Hlukhiv' → Hlukhiv."""
    _, sent_end = claim.sentence_span
    for mention in mentions(text, claim.span[1], sent_end):
        if mention.role == "place" and _SAID_IN.search(text, max(0, mention.start - 60), mention.start):
            return mention.target_name
    return None


def antecedents(
    text: str, sentences: Sequence[tuple[int, int]], number: int, anaphor: str, earlier: list[Claim]
) -> tuple[list[str], int | None]:
    """The names ``anaphor`` can point back at, from the nearest earlier sentence that has any, and that
    sentence's number (None when no earlier sentence names a fitting place)."""
    kind = anaphor_kind(anaphor)
    reach = [n for n in range(number - 1, max(0, number - 1 - LOOK_BACK), -1)]
    if number > 1 and 1 not in reach:
        reach.append(1)
    for source in reach:
        start, end = sentences[source - 1]
        offered = _offered(text, start, end, earlier)
        fitting = _fitting(offered, kind)
        if (
            len(fitting) > 1
            and fitting[0].start == start
            and not _LIST_JOIN_AFTER.match(text, fitting[0].end)
        ):
            # "Blasts rocked Kazan": a capitalised first word may be no place at all (but "Sumy,
            # Konotop and Shostka …" opens with the first of a list)
            fitting = fitting[1:] if _is_plural(anaphor) else fitting
        if fitting:
            return list(dict.fromkeys(m.target_name for m in fitting)), source
    return [], None


def is_headline(text: str, span: tuple[int, int]) -> bool:
    """True when a sentence is a headline: the first line of its own, with no full stop at its end."""
    start, end = span
    following = text[end:].lstrip(" \t\r")
    return text[end - 1] not in ".!?…\"”'’»)" and (not following or following[0] == "\n")


def _offered(text: str, start: int, end: int, earlier: list[Claim]) -> list[Mention]:
    """What the sentence at ``text[start:end]`` offers to point back at: its claims' targets if it has
    claims, else every place it names (not locators, governments or people)."""
    named_here = mentions(text, start, end)
    targets = [c for c in earlier if c.sentence_span == (start, end) and c.kind == "distance"]
    if targets:
        named = {c.target for c in targets if c.target} | {n for c in targets for n in c.target_candidates}
        by_name = {m.target_name: m for m in named_here}
        return [by_name.get(name, Mention(name, start, start, None, "place")) for name in sorted(named)]
    return [m for m in named_here if m.role == "place"]


def _fitting(offered: list[Mention], kind: str | None) -> list[Mention]:
    """The offered names a pointing word of ``kind`` fits; those written with that very kind first."""
    if kind is None:
        return offered
    accepted = _ACCEPTS.get(kind, (kind,))
    exact = [m for m in offered if m.kind == kind]
    if exact:
        return exact
    fitting = [m for m in offered if m.kind in accepted]
    if fitting or kind == "region":
        return fitting
    # A name written with no kind noun fits; so does a town for an unnamed site in it ("an oil depot
    # in the city of Engels … The depot"): the town stands in for the site.
    site_in_town = kind in ("facility", "airfield")
    return [m for m in offered if m.kind is None or (site_in_town and m.kind == "settlement")]


def anaphor_kind(anaphor: str | None) -> str | None:
    """The kind of place pointing words name ("the oil refinery" → "facility", "the bases" →
    "airfield"), or None for a pronoun ("it") or no words.

    >>> anaphor_kind("the oil refinery"), anaphor_kind("the bases"), anaphor_kind("it")
    ('facility', 'airfield', None)
    """
    return noun_kind(anaphor_noun(anaphor)) if anaphor else None


def anaphor_noun(anaphor: str) -> str | None:
    """The kind noun of a pointing phrase ("the oil refinery" → "refinery"; "it" → None), singular.

    >>> anaphor_noun("the villages"), anaphor_noun("The air base"), anaphor_noun("it")
    ('village', 'air base', None)
    """
    words = anaphor.lower().split()
    if len(words) < 2:
        return None
    noun = " ".join(words[-2:]) if words[-2:] == ["air", "base"] else words[-1]
    singular = {"cities": "city", "refineries": "refinery", "facilities": "facility"}
    return singular.get(noun, noun[:-1] if noun.endswith("s") and noun[:-1] in _SINGULAR_NOUNS else noun)


_SINGULAR_NOUNS = frozenset("town village base plant airfield site region target".split())


def _is_plural(anaphor: str) -> bool:
    """True for "they", "both" and plural nouns ("the cities", "the bases")."""
    words = anaphor.lower().split()
    return words[-1] in _PLURAL_PRONOUNS or (len(words) > 1 and anaphor_noun(anaphor) != words[-1])


def _carried(claim: Claim, names: list[str], source: int | None, headline: bool) -> list[Claim]:
    """The claim with its target(s) carried from sentence ``source`` (one claim per place for a plural)."""
    if not names or source is None:
        return [claim]
    how = "headline" if headline else "carried"
    if len(names) == 1:
        return [dataclasses.replace(claim, target=names[0], target_how=how, target_sentence=source)]
    if _is_plural(claim.anaphor or "") and not _PARTITIVE.match(claim.anaphor or ""):
        return [
            dataclasses.replace(claim, target=name, target_how=how, target_sentence=source) for name in names
        ]
    return [
        dataclasses.replace(claim, target_how=how, target_sentence=source, target_candidates=tuple(names))
    ]
