"""The choice of the place a distance claim is about (its target), within the claim's sentence.

``find_targets`` picks, from the text of a sentence before a figure, the name(s) the figure is about: an
apposition ("Orsk, some 1,800 km"), the subject of a locative verb ("Izhevsk lies", "Kazan and Samara
lie"), a name opening the clause before an appositive, or the nearest name introduced by "in", "struck"...
Names that only locate another ("in Russia's Saratov region", "on the Volga"), governments acting ("Kyiv
said") and people ("Governor Ivan Petrov") are never targets (``geo.text.mentions``). Nothing here knows
whether a name is a real place; the gazetteer decides that in the *judge* step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.text.mentions import Mention, mentions
from geo.text.vocabulary import APPOSITIVE_NOUN, INTRO_BEFORE, LOCATIVE_END

__all__ = ["TargetChoice", "find_target", "find_targets", "last_row_start"]

_APPOSITION_END = re.compile(r"\s*(?:,|—|–|\(|\s-)\s*$")
_TRAILING_APPOSITION = re.compile(r",[^,]*,\s*$")
#: Between two names of one list: "Kazan and Samara", "Kazan, Samara and Ufa", "Kazan or Samara".
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?(?:cities\s+of\s+)?$")
#: An unclosed bracket before the figure: "(Ryazan, " or "(".
_OPEN_BRACKET = re.compile(r"\([^()]*$")
#: Between a list item's name and its figure: nothing, a dash or a colon ("Lviv 470 km", "Shatalovo - 225").
_ITEM_GAP = re.compile(r"^\s*(?:[-–—:|]\s*)?$")
#: What opens a list item before its name: a colon, semicolon, comma, bullet, dash or a new line.
_ITEM_START = re.compile(r"(?:[:;,•\n|]|\s[-–—]|\b(?:and|while|whereas|but|with))\s*$")
_PLURAL_VERB = re.compile(r"\b(?:are|were|lie|lay|sit|stand)\b")
#: Nouns that say what kind of place a name is ("a republic", "a Baltic port").
_PLACE_NOUN = (
    r"republic|region|oblast|province|krai|territory|city|town|village|port|settlement|base|airfield|plant"
    r"|factory|refinery|depot|terminal|facility|site"
)
#: The rest of a phrase up to the figure: no clause break, a thousands comma allowed ("of 600,000").
_UP_TO_FIGURE = r"(?:[^,;:()]|(?<=\d),(?=\d))*$"
#: ", a republic some ", ", a city of 600,000 about ": an indefinite appositive up to the figure.
_INDEFINITE_APPOSITIVE = re.compile(
    rf",\s+an?\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{_PLACE_NOUN})\b{_UP_TO_FIGURE}", re.IGNORECASE
)
#: "Ust-Luga is a Baltic Sea port about ", "Udmurtia is a republic some ": the subject's predicate noun
#: up to the figure; the subject is the target.
_COPULA_PREDICATE = re.compile(
    rf"\s+(?:is|was|remains)\s+(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?:{_PLACE_NOUN}|cities|towns|ports|bases|hub|centre|center|capital)\b{_UP_TO_FIGURE}",
    re.IGNORECASE,
)
#: A capital named by its country as the subject: "The Russian capital is about 450 km from …".
_CAPITAL_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+|,\s+(?:and|but|while)\s+)\W*(?i:the\s+(?P<adj>Russian|Ukrainian)\s+capital"
    r"|(?P<own>Russia|Ukraine)[’']s\s+capital)(?:,[^,]*,)?\s+(?:is|was|lies|sits|stands|remains)\b"
)
_CAPITALS = {"russian": "Moscow", "russia": "Moscow", "ukrainian": "Kyiv", "ukraine": "Kyiv"}
_LOCATIVE_VERB = re.compile(
    r"\s(?:is|was|are|were|lies|lay|lie|sits|sat|sit|stands|stood|located|situated|based|lying|sitting)\s"
)
#: After a name, a clause about something else in it: "Sumy, where a village 5 km from the border …".
_RELATIVE_ELSEWHERE = re.compile(
    r",\s+(?:where|whence|whose|(?:in|near|outside|from|around|behind|beyond)\s+which)\b", re.IGNORECASE
)
#: A distributive word set off after names, right before the figure: "— both ", ", each ", "(all ".
_DISTRIBUTIVE_END = re.compile(r"[,—–(]\s*(?P<word>(?:both|each|all)(?:\s+of\s+them)?)\s+$", re.IGNORECASE)
#: The cells of a table's row before the figure's own cell: "| Olenya air base | Murmansk | ".
_TABLE_ROW = re.compile(r"(?:^|\n)[ \t]*\|(?P<cells>[^\n]*)\|[^|\n]*$")
#: After a name that opens a sentence like a heading: a comma, colon or dash.
_HEADING_AFTER = re.compile(r"\s*[,:—–]")
#: A place other than the named one the figure may be about: "a village", "an airfield", "one depot".
_INDEFINITE_NOUN = re.compile(
    r"\b(?:a|an|one|another|two|three|several|some)\s+(?:[\w-]+\s+){0,2}?(?:village|town|city|settlement"
    r"|hamlet|base|airfield|depot|plant|factory|refinery|terminal|facility|site|school|hospital|house"
    r"|building|bridge|port|station)s?\b",
    re.IGNORECASE,
)
_REGION_NOUNS = frozenset({"republic", "region", "oblast", "province", "krai", "territory"})
#: After a place's name, its site in apposition up to the figure: "'s oil terminal, ".
_POSSESSIVE_SITE = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:air\s+base|airbase|airfield|airport|base|refinery|plant|factory|depot"
    r"|terminal|port|facility|complex|station|arsenal|bridge)\s*(?:,|—|–|\(|\s-)\s*$",
    re.IGNORECASE,
)
#: Everything up to the start of the last bulleted or numbered row ("\n- ", "\n• ", "\n3. "; the first
#: row may open the text): a row's figure is about a place in that row, never one of an earlier row.
_ROW_MARKER = r"[ \t]*(?:[-–—•*·]|\d{1,2}[.)])[ \t]+"
#: The last row of a list: a marker at a line's start; at the very start of the text only before
#: anything but a lower-case word (" — and 40 miles from Kharkiv" goes on a sentence: no row).
_UP_TO_LAST_ROW = re.compile(rf"(?s).*\n{_ROW_MARKER}|{_ROW_MARKER}(?![a-zа-яёіїєґ])")


@dataclass(frozen=True)
class TargetChoice:
    """The target(s) of one figure. ``names`` holds one name, or several when the sentence says the
    figure of each ("Kazan and Samara lie…"); ``uncertain`` is True when the text does not settle which
    of ``names`` is meant ("Drones hit Ryazan and Kazan, 800 km away"), and the judge must not guess."""

    names: tuple[str, ...]
    uncertain: bool = False
    hint: str | None = None


def find_target(before: str) -> str | None:
    """The one place a distance is about, from its sentence before the figure; None if unclear or if the
    sentence names several.

    >>> find_target("Drones hit a depot in Russia’s Bryansk region, "), find_target("Kirov, which lies ")
    ('Bryansk region', 'Kirov')
    >>> find_target("Engels is located in Russia's Saratov region on the Volga River, ")
    'Engels'
    >>> find_target("Moscow officials say the drones were launched ") is None
    True
    """
    choice = find_targets(before)
    if choice is None or choice.uncertain or len(choice.names) != 1:
        return None
    return choice.names[0]


def last_row_start(before: str) -> int | None:
    """Where the last bulleted or numbered row of ``before`` starts (after its marker), or None.

    >>> last_row_start("Distances:\\n- Tuapse: 450 km\\n- Orsk, "), last_row_start("Orsk, ") is None
    (30, True)
    """
    row = _UP_TO_LAST_ROW.match(before)
    return None if row is None else row.end()


def find_targets(before: str) -> TargetChoice | None:
    """The target(s) of a figure from its sentence before the figure; None when it names no place.

    Tried in order: an apposition right before the figure; the subject of a locative verb; a name opening
    the clause followed by an appositive; the nearest name introduced by "in", "at", "struck", "hit"...

    >>> find_targets("Kazan and Samara lie ")
    TargetChoice(names=('Kazan', 'Samara'), uncertain=False, hint=None)
    >>> find_targets("Drones hit Ryazan and Kazan, ")
    TargetChoice(names=('Ryazan', 'Kazan'), uncertain=True, hint=None)
    >>> find_targets("Shelling hit Zolochiv in the Kharkiv region, ").hint
    'Kharkiv region'
    >>> find_targets("Distances from the border:\\n- Tuapse: 450 km\\n- Saratov, home to a refinery: about ")
    TargetChoice(names=('Saratov',), uncertain=False, hint=None)
    """
    distributive = _DISTRIBUTIVE_END.search(before)
    if distributive is not None:  # "Dyagilevo and Ivanovo — both within …": each of the places listed
        head = before[: distributive.start()]
        places = [m for m in mentions(head) if m.role == "place"]
        if places and not head[places[-1].end :].strip():
            return TargetChoice(tuple(m.target_name for m in _list_around(head, places, places[-1])))
    table_row = _TABLE_ROW.search(before)
    if table_row is not None:  # a table's row: its first cell with a place; a later one locates it
        return _table_target(table_row.group("cells"))
    row = last_row_start(before)
    if row is not None:  # a list's row: its own place, or none
        before = before[row:]
    found = [m for m in mentions(before) if m.role in ("place", "locator", "feature")]
    places = [m for m in found if m.role == "place"]
    if not places:
        capital = _CAPITAL_SUBJECT.search(before)
        if capital is None:
            return None
        return TargetChoice((_CAPITALS[(capital.group("adj") or capital.group("own")).lower()],))
    if row is not None and len(places) == 1 and not before[: places[0].start].strip():
        return TargetChoice((places[0].target_name,), False, _hint_for(found, places[0].target_name))
    choice = _choose(before, found, places)
    if choice is None or len(choice.names) != 1:
        return choice
    return TargetChoice(choice.names, choice.uncertain, _hint_for(found, choice.names[0]))


def _table_target(cells_text: str) -> TargetChoice | None:
    """The target of a figure in a table's row ("| Olenya air base | Murmansk | 1,800 km"): the place of
    the first cell that names one, with the next such cell as its hint (the region column); None when no
    cell names a place."""
    named = []
    for cell in cells_text.split("|"):
        places = [m for m in mentions(cell) if m.role == "place"]
        if places:
            named.append(places[0].target_name)
    if not named:
        return None
    return TargetChoice((named[0],), False, named[1] if len(named) > 1 else None)


def _hint_for(found: list[Mention], name: str) -> str | None:
    """The first locator written right after the target ("Zolochiv in the Kharkiv region"), which can
    tell two places of one name apart; None when there is none."""
    for index, mention in enumerate(found[:-1]):
        if mention.target_name == name and found[index + 1].role == "locator":
            return found[index + 1].name
    return None


def _choose(before: str, found: list[Mention], places: list[Mention]) -> TargetChoice | None:
    """The rules of :func:`find_targets`, in order."""
    item = _list_item(before, found, places)
    if item is not None:
        return TargetChoice((item.target_name,))

    # 1. Apposition: "the city of Orsk, some 1,800 km from ...", "the Yaroslavl refinery in central
    #    Russia, 250 km from Moscow" (a locator right before the figure stands for its place).
    last = found[-1]
    # 0. A place's own site in apposition: "Feodosia's oil terminal, roughly 100 km west of …".
    if last.role == "place" and _POSSESSIVE_SITE.match(before, last.end):
        return TargetChoice((last.target_name,))
    if _APPOSITION_END.match(before[last.end :]):
        head = _head_of(found, last)
        group = _list_around(before, places, head)
        return TargetChoice(tuple(m.target_name for m in group), uncertain=len(group) > 1)
    # 2. Subject of a locative verb: "Izhevsk lies ...", "Kazan, which is ...", "Kazan and Samara lie".
    locative = _locative_subject(before, places)
    if locative is not None:
        return locative
    predicate = _appositive_or_predicate(before, found, places, last)
    if predicate is not None:
        return TargetChoice((predicate.target_name,))
    # 4. The nearest name introduced by in/at/of/near/struck/hit/...
    for mention in reversed(places):
        if INTRO_BEFORE.search(before[: mention.start]):
            return TargetChoice((mention.target_name,))
    # 5. The sentence's only place opens it, set off like a heading, and nothing else is named as what
    #    the figure is about: "Kherson, across the Dnipro: within artillery range, less than 5 km …".
    first = places[0]
    if (
        len(places) == 1
        and not before[: first.start].strip()
        and _HEADING_AFTER.match(before, first.end)
        and not _INDEFINITE_NOUN.search(before, first.end)
        and not _RELATIVE_ELSEWHERE.match(before, first.end)
    ):
        return TargetChoice((first.target_name,))
    return None


def _locative_subject(before: str, places: list[Mention]) -> TargetChoice | None:
    """Rule 2: the subject of a locative verb ending the text ("Izhevsk lies ", "Kazan, which is ",
    "Kazan and Samara lie ", "The regional capital, Sumy, is ")."""
    locative = LOCATIVE_END.search(before)
    if locative:
        head_text = before[: locative.start()]
        link = (locative.group("link") or "").strip(" ,")
        if link not in ("which", "that"):
            head_text = _TRAILING_APPOSITION.sub("", head_text)
        subjects = [m for m in places if m.end <= len(head_text)]
        if not subjects:  # "The regional capital, Sumy, is …": the apposition names the subject
            subjects = [m for m in places if m.end <= locative.start()]
        if subjects:
            subject = subjects[0] if link in ("and", "but") else subjects[-1]
            group = _list_around(before, places, subject)
            if len(group) > 1 and not _PLURAL_VERB.search(before[locative.start() :]):
                group = [subject]
            return TargetChoice(tuple(m.target_name for m in group))
    return None


def _appositive_or_predicate(
    before: str, found: list[Mention], places: list[Mention], last: Mention
) -> Mention | None:
    """The place an appositive, a predicate noun or a locator after a locative verb describes, up to the
    figure (rules 3–3d)."""
    # 3d. A locative verb, then locators up to the figure: "Volgograd sits on the Volga roughly …".
    if last.role != "place" and not before[last.end :].strip():
        head = _head_of(found, last)
        if head.role == "place" and _LOCATIVE_VERB.search(before, head.end, last.start):
            return head
    # 3. A name opening the clause, then an appositive up to the figure: "Primorsk, a Baltic port 1,000 km".
    first = places[0]
    if (
        not before[: first.start].strip()
        and APPOSITIVE_NOUN.match(before, first.end)
        and not _RELATIVE_ELSEWHERE.match(before, first.end)
    ):
        return first
    # 3b. An indefinite appositive after the last name: "the capital of Udmurtia, a republic some 1,000
    #     km": the republic; "Engels, in the Saratov region, a city 600 km": the place the region locates.
    appositive = _INDEFINITE_APPOSITIVE.match(before, last.end)
    if appositive:
        return last if appositive.group("noun").lower() in _REGION_NOUNS else _head_of(found, last)
    # 3c. The subject of a predicate noun: "Ust-Luga is a Baltic Sea port about 110 km west of …".
    return next((m for m in places if _COPULA_PREDICATE.match(before, m.end)), None)


def _list_item(before: str, found: list[Mention], places: list[Mention]) -> Mention | None:
    """A list item's place: "Kstovo (775 km)", "Dyagilevo air base (Ryazan, 460 km)" (the name before
    the bracket; what is inside locates it), "Lviv 470 km", "Shatalovo - 225 km"."""
    bracket = _OPEN_BRACKET.search(before)
    if bracket is not None:
        outside = [m for m in places if m.end <= bracket.start()]
        if outside and not before[outside[-1].end : bracket.start()].strip():
            return outside[-1]
    last = found[-1]
    if last.role != "place" or not _ITEM_GAP.match(before[last.end :]):
        return None
    opening = not before[: last.start].strip() and before[last.end :].strip()  # "Dyagilevo air base: 460 km"
    if opening or _ITEM_START.search(before[: last.start]):
        return last
    return None


def _head_of(found: list[Mention], mention: Mention) -> Mention:
    """The place a locator locates: the nearest place mention before it (itself for a place)."""
    index = found.index(mention)
    while index > 0 and found[index].role in ("locator", "feature"):
        index -= 1
    return found[index]


def _list_around(text: str, places: list[Mention], mention: Mention) -> list[Mention]:
    """``mention`` and the place names listed with it ("Kazan and Samara", "Kazan, Samara and Ufa")."""
    index = places.index(mention)
    low = high = index
    while low > 0 and _LIST_GAP.match(text[places[low - 1].end : places[low].start]):
        low -= 1
    while high + 1 < len(places) and _LIST_GAP.match(text[places[high].end : places[high + 1].start]):
        high += 1
    return places[low : high + 1]
