"""Place mentions in a sentence, each with the part it plays: the place itself, a locator of the place
before it, a government acting, or a person.

"Engels is located in Russia's Saratov region on the Volga River" mentions three names; only Engels is
what the sentence is about. "Saratov region" and "Volga River" say where Engels is: they are *locators*
of the name before them and never the target of a distance. "Kyiv said" is a government (*actor*);
"Governor Ivan Petrov" a *person*. Nothing here knows whether a name is a real place; the gazetteer
decides that in the *judge* step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.text.names import names_in, with_suffix
from geo.text.vocabulary import NAME_AS_ACTOR, NAME_RUN

__all__ = ["KIND_NOUNS", "Mention", "mentions", "noun_kind"]

_APOS = "[’']"
#: The text between a place and the next name when that name only says where the place is:
#: " in Russia's ", " is located in the ", " on the ", ", a port on the ", ", south-west of ",
#: ", in the north of ".
_LOCATOR_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:(?:which|that)\s+)?(?:(?:is|was|are|were|lies|lay|sits|stands)\s+)?"
    r"(?:(?:located|situated|based)\s+)?"
    r"(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?)?"
    r"(?:in|on|near|outside|at|by|off|along|(?:capital|centre|center|heart|outskirts|suburbs?|part)\s+of"
    r"|in\s+the\s+(?:far\s+)?(?:(?:north|south|east|west)[\w-]*|centre|center|interior)\s+of"
    r"|across|beyond|behind|over|upstream\s+(?:of|from)|downstream\s+(?:of|from)"
    r"|(?:just\s+)?(?:(?:north|south|east|west)[\w-]*|not\s+far)\s+(?:of|from))"
    rf"\s+(?:the\s+)?(?:(?:Russia{_APOS}s|Ukraine{_APOS}s|Belarus{_APOS}|Russian|Ukrainian|occupied|annexed"
    r"|southern|northern|eastern|western|central)\s+){0,2}$",
    re.IGNORECASE,
)
#: A title right before a name makes it a person: "Governor Ivan Petrov", "Gen. Ivan Petrov".
_TITLE_BEFORE = re.compile(
    r"(?:(?i:\b(?:governor|president|mayor|minister|spokes(?:man|woman|person)|general|colonel|admiral"
    r"|commander|senator|patriarch|ambassador|ombudsman|lieutenant|colonel-general))"
    r"|\b(?:Gen\.|Col\.|Lt\.|Major|Maj\.|Captain|Capt\.|Chief|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Head|Director"
    r"|Deputy|Secretary|Analyst))\s+$",
)
#: A name followed by "said"/"told" and a second capitalised word before it is a person's name
#: ("Ivan Petrov said"); a single name before "said" is left to ``NAME_AS_ACTOR`` (a government).
_SAID_AFTER = re.compile(r"\s*,?\s+(?:said|says|told|wrote|added|noted|explained|stated)\b")

#: Kind nouns a reporter points back with, and the kind they name.
KIND_NOUNS: dict[str, str] = {
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "settlement": "settlement",
    "capital": "settlement",
    "port": "facility",
    "zone": "facility",
    "radar": "facility",
    "base": "airfield",
    "airbase": "airfield",
    "air base": "airfield",
    "airfield": "airfield",
    "airport": "airfield",
    "plant": "facility",
    "factory": "facility",
    "refinery": "facility",
    "depot": "facility",
    "terminal": "facility",
    "facility": "facility",
    "site": "facility",
    "complex": "facility",
    "station": "facility",
    "arsenal": "facility",
    "bridge": "facility",
    "region": "region",
    "oblast": "region",
    "province": "region",
}
_KIND_AFTER = re.compile(
    r"\s+(?P<mods>(?:(?:oil|military|air|naval|chemical|ammunition|fuel|arms|power|drone|gas|missile|nuclear"
    r"|special|economic|sea|river|early-warning|radar|electromechanical|mechanical|machine-building"
    r"|engineering|aviation|aircraft|helicopter|tank|explosives|gunpowder|steel|metallurgical|petrochemical"
    r"|optical|electronics|instrument|shipbuilding|repair|storage|oil-pumping|pumping|thermal|hydroelectric"
    r"|electric|energy|munitions|defence|defense)\s+){0,2})"
    r"(?P<noun>air\s+base|airbase|airfield|airport|refinery|plant|factory|depot|terminal|port|base"
    r"|facility|complex|station|arsenal|bridge|zone|radar)\b",
    re.IGNORECASE,
)
#: Facility nouns written after a name that make it a facility's name for the gazetteer
#: ("the Yaroslavl refinery" → "Yaroslavl refinery"); the others only say what kind it is.
_NAMING_NOUNS = frozenset(
    "air base|airbase|airfield|airport|refinery|plant|factory|depot|terminal|port|radar|arsenal".split("|")
)
#: A facility noun right before a town it is near: "the radar near Orsk" → "Orsk radar".
_NOUN_NEAR_BEFORE = re.compile(
    r"\b(?P<noun>refinery|plant|factory|depot|terminal|radar|arsenal|airfield|air\s+base)\s+"
    r"(?:near|outside)\s+$",
    re.IGNORECASE,
)
#: A model designation, not a place: "Tu-95", "Su-34", "S-400", "MiG-31", "Kh-101".
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d")
#: A river, sea, lake or other natural feature: says where a place is, never a place measured.
_FEATURE = re.compile(
    r"(?:^(?:Lake|Mount|Cape|Gulf)\s|\s(?:River|Sea|Lake|Strait|Gulf|Bay|Peninsula|Mountains|Delta|Reservoir|Canal"
    r"|Coast|Islands?|Spit|Estuary|Lagoon)$|^(?:Sea|Gulf|Bay|Strait|Straits|Lake|River|Cape|Mount|Isle)$)"
)
#: "the Sea of Azov", "the Gulf of Finland", "the Bay of Sevastopol": the name after is the feature's, not
#: a town's (Azov is also a town in the Rostov region).
_FEATURE_OF_BEFORE = re.compile(r"\b(?:Sea|Gulf|Bay|Strait|Straits|Isle)\s+of\s+(?:the\s+)?$")
#: Rivers that share their name with a town: "the Dnipro", "the Samara", "the Pripyat" (with the article,
#: and no "region" or "city" after) are the river, a locator; the city is written without the article.
_RIVERS_NAMED_LIKE_TOWNS = frozenset(
    "dnipro dnieper volga don donets desna oskil pripyat prypiat samara inhulets kama oka ural kuban "
    "dniester seym seim psel vorskla sula bug buh".split()
)
#: A possessive before a superlative: "Europe's largest", "Russia's second-biggest": whose record it is,
#: not a place the figure is about.
_RECORD_AFTER = re.compile(
    r"[’']s\s+(?:(?:second|third|fourth|fifth)[-\s])?(?:largest|biggest|oldest|busiest|deepest|longest|main|only)\b",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|from|outside|of)\s+(?:the\s+)?$", re.IGNORECASE)
#: Between the last two names of a list: " and ", ", and ", " or " (a bare comma may end a fronted
#: phrase instead: "In Kharkiv, Kyiv said").
_LIST_JOIN = re.compile(r"\s*,?\s*(?:and|or)\s+$")
_KIND_BEFORE = re.compile(
    r"\b(?:the\s+)?(?P<noun>city|town|village|port|settlement|regional\s+capital)\s+of\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class Mention:
    """One name in a sentence: offsets into the text it was found in, the kind noun written with it
    ("refinery", "air base", "city"; lower case, else None) and its role: ``"place"``, ``"locator"``
    (says where the name before it is), ``"feature"`` (a river, sea or lake), ``"actor"`` (a
    government acting), ``"person"`` or ``"owner"`` (of a record: "Europe's largest")."""

    name: str
    start: int
    end: int
    noun: str | None
    role: str
    facility_name: str | None = None

    @property
    def target_name(self) -> str:
        """The name as a target: a facility's name when a facility noun is written with it ("the
        Yaroslavl refinery", "the Kursk nuclear plant", "the radar near Orsk"), so the gazetteer can find
        the facility or fall back to the town with a flag; else the name itself."""
        return self.facility_name or self.name

    @property
    def kind(self) -> str | None:
        """The kind the noun names (``KIND_NOUNS``): settlement, airfield, facility, region; or None."""
        return noun_kind(self.noun)


def noun_kind(noun: str | None) -> str | None:
    """The kind a noun names ("the base" → "airfield"), or None for an unknown noun or None.

    >>> noun_kind("refinery"), noun_kind("air base"), noun_kind("it")
    ('facility', 'airfield', None)
    """
    if not noun:
        return None
    return KIND_NOUNS.get(" ".join(noun.lower().split()))


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every name in ``text[start:end]`` in order, with its kind noun and role.

    >>> [(m.name, m.role) for m in mentions("Engels is located in Russia's Saratov region on the Volga.")]
    [('Engels', 'place'), ('Saratov region', 'locator'), ('Volga', 'feature')]
    >>> [(m.name, m.role) for m in mentions("Governor Ivan Petrov said Kursk was hit.")]
    [('Ivan Petrov', 'person'), ('Kursk', 'place')]
    """
    end = len(text) if end is None else end
    found: list[Mention] = []
    for run in NAME_RUN.finditer(text, start, end):
        for name, name_start, name_end in names_in(run.group(), run.start()):
            if _MODEL.match(name):
                continue
            name, name_end = with_suffix(text, name, name_end, end)
            found.append(_mention(text, name, name_start, name_end, found, end))
    return found


def _after_preposition(text: str, start: int, earlier: list[Mention]) -> bool:
    """True when the name at ``start`` follows a preposition, itself or as the last of a list that
    does ("officials in Ryazan and Tula reported": Tula is a place, not a government acting)."""
    if _PREPOSITION_BEFORE.search(text, max(0, start - 40), start):
        return True
    if not earlier or earlier[-1].role != "place" or not _LIST_JOIN.match(text, earlier[-1].end, start):
        return False
    return bool(_PREPOSITION_BEFORE.search(text, max(0, earlier[-1].start - 40), earlier[-1].start))


def _mention(text: str, name: str, start: int, end: int, earlier: list[Mention], limit: int) -> Mention:
    """One mention with its noun and role, given the mentions before it in the sentence (which ends at
    ``limit``: what follows a sentence says nothing about a name in it)."""
    record = _RECORD_AFTER.match(text, end, limit)
    noun, facility_name, end = _noun_of(text, name, start, end)
    before = text[max(0, start - 40) : start]
    if record:
        role = "owner"
    elif _TITLE_BEFORE.search(before) or (" " in name and _SAID_AFTER.match(text, end, limit)):
        role = "person"
    elif NAME_AS_ACTOR.match(text, end, limit) and not _after_preposition(text, start, earlier):
        role = "actor"
    elif _FEATURE.search(name) or _FEATURE_OF_BEFORE.search(before) or _is_river(name, noun, before):
        role = "feature"
    else:
        places = [m for m in earlier if m.role in ("place", "locator", "feature")]
        gap = text[places[-1].end : start] if places else None
        role = "locator" if gap is not None and _LOCATOR_GAP.match(gap) else "place"
    return Mention(name, start, end, noun, role, facility_name)


def _is_river(name: str, noun: str | None, before: str) -> bool:
    """True for "the Dnipro" (a river sharing a town's name, with the article and no kind noun)."""
    return noun is None and name.lower() in _RIVERS_NAMED_LIKE_TOWNS and bool(_THE_BEFORE.search(before))


def _noun_of(text: str, name: str, start: int, end: int) -> tuple[str | None, str | None, int]:
    """The kind noun written with a name, the facility name it makes (or None) and where the mention
    ends: a suffix ("Engels air base"), a facility noun right after ("the Kursk nuclear plant": ends after
    "plant"), a facility noun before "near" ("the radar near Orsk") or "the city of" before it."""
    lowered = name.lower()
    for noun in ("air base", "airbase", "airfield", "region", "oblast", "province"):
        if lowered.endswith(noun):
            return noun, None, end
    after = _KIND_AFTER.match(text, end)
    if after:
        noun = " ".join(after.group("noun").lower().split())
        words = " ".join(after.group().split())
        named = noun in _NAMING_NOUNS and not _INDEFINITE_BEFORE.search(text, max(0, start - 4), start)
        return noun, (f"{name} {words}" if named else None), after.end()
    near = _NOUN_NEAR_BEFORE.search(text, max(0, start - 40), start)
    if near:
        noun = " ".join(near.group("noun").lower().split())
        return noun, f"{name} {noun}", end
    before = _KIND_BEFORE.search(text, max(0, start - 30), start)
    if before:
        return before.group("noun").lower().split()[-1], None, end
    return None, None, end
