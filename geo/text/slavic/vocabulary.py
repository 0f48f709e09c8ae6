"""What a Ukrainian or Russian vocabulary holds, and the patterns built from it.

``Vocabulary`` is one language's words as data (``vocabulary_uk``, ``vocabulary_ru``); ``Patterns``
compiles them once into the regular expressions ``geo.text.slavic.extract`` uses. References are
normalised to the English forms the judge knows ("the Ukrainian border", "the front line", "Moscow"),
so a Ukrainian claim and an English one about the same thing read alike downstream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from geo.text.slavic.numbers import FIGURE

__all__ = ["Patterns", "Vocabulary", "compass_code"]

_DASH = "[-–—]"
#: Units as written in both languages; group ``unit`` of ``Patterns.figure``.
UNIT = (
    r"(?P<unit>(?:морськ\w*|морск\w*)\s+миль\w*|(?:морськ\w*|морск\w*)\s+мил[іиья]\w*"
    r"|км\b|кілометр\w*|километр\w*|миль\w*|мил[іиья]\w*|km\b)"
)
#: Words between a figure's unit and a line noun that keep it a length: "1000 км активної лінії фронту".
_LINE_MODIFIER = (
    r"(?:всі[єї]\w*|всей|все[йм]\w*|активн\w+|спільн\w+|общ\w+|державн\w+|государственн\w+|нов\w+"
    r"|україно-російськ\w+|російсько-українськ\w+|российско-украинск\w+|украино-российск\w+|сухопутн\w+)"
)
#: A figure as a compound adjective: "1000-кілометрова", "1 200-километровой"; group ``unit``.
COMPOUND_UNIT = r"(?P<cunit>кілометров\w*|километров\w*|мильн\w*)"


@dataclass(frozen=True)
class Vocabulary:
    """One language's vocabulary of distance claims (all patterns are regex sources, case-insensitive
    unless said otherwise)."""

    code: str
    #: written hedge (lower case) → canonical hedge of ``geo.text.claim.HEDGES``
    hedges: dict[str, str]
    #: words between a hedge and the figure or before both: "за", "в", "на відстані"
    distance_lead: str
    #: the preposition "from" before a reference
    from_word: str
    #: (pattern, reference, reference kind) after the "from" word, tried in order
    references: tuple[tuple[str, str, str], ...]
    #: a direction before "from": "на схід", "к востоку"; group ``dir``
    direction_before_from: str
    #: a comparative direction with no "from": "східніше", "восточнее"; group ``cmp``
    direction_comparative: str
    #: compass stems (lower case) → letter
    compass: dict[str, str]
    #: line nouns: front line and border (for lengths); group ``noun``
    line_noun: str
    #: stems of line nouns that are a border (the rest are front lines)
    border_stems: tuple[str, ...]
    #: words before a figure that make it a length: "протяжністю", "завдовжки"
    length_before: str
    #: Nouns that name a length ("довжина", "протяжённость"): with a line after them, the figure that
    #: ends their clause is the line's length, however far ("Довжина кордону між … становить 2 000 км").
    length_nouns: str
    #: words before a figure that make it no distance: weapon ranges, heights, speeds
    not_distance_before: str
    #: what after the unit makes it no distance: speeds, areas
    not_distance_after: str
    #: prepositions and verbs that introduce a place (a target) right before its name
    intro_before: str
    #: locative verbs ("розташований", "находится"); group ``link`` for "що"/"который"
    locative: str
    #: the opening of a sentence that points back at a place named before
    refers_back: str
    #: preposition (lower case) → grammatical cases of the name after it (pymorphy3 tags)
    preposition_cases: dict[str, tuple[str, ...]]
    #: capitalised words (lower case) that are never places: states, peoples, officials, months
    not_places: frozenset[str]
    #: facility nouns after a place adjective ("Рязанський НПЗ") → the noun the gazetteer knows
    facility_nouns: tuple[tuple[str, str], ...]
    #: nouns a place name may be preceded by: "місто", "город", "село"
    place_nouns: str
    #: a subject that is the front itself: "Російські війська перебувають за 6 км від Покровська"
    #: measures Покровськ from the front line
    front_subject: str = r"(?!x)x"
    #: "to" between the two ends of "від кордону до Ярославля — 700 км"
    to_word: str = r"до"
    #: (pattern of a word before a name that makes it an airfield, the word the gazetteer's aliases use):
    #: "на аеродромі Шайківка" → "аеродром Шайківка"
    airfield: tuple[str, str] = (r"(?!x)x", "")
    #: a verb after the figure whose object is the target: "450 км відділяють Москву від кордону"
    separates: str = r"(?!x)x"
    #: "між Харковом і Києвом": the words "between" and "and"
    between_and: tuple[str, str] = (r"(?!x)x", r"(?!x)x")
    #: a journey's verb right before a figure: "дрон пролетів 1200 км" (a route, not a distance)
    route_verbs: str = r"(?!x)x"
    #: how a route is travelled, before or right after a figure: "автошляхом", "по трассе"
    route_modes: str = r"(?!x)x"


class Patterns:
    """The compiled patterns of one ``Vocabulary``."""

    def __init__(self, vocabulary: Vocabulary):
        """Compile ``vocabulary``'s patterns."""
        self.vocabulary = v = vocabulary
        hedge_alt = "|".join(
            re.escape(h).replace(r"\ ", r"\s+") for h in sorted(v.hedges, key=len, reverse=True)
        )
        self.hedge_before = re.compile(
            rf"(?:^|(?<=[\s(«\"„—–]))(?P<hedge>{hedge_alt})\s*(?:{v.distance_lead}\s*)?$"
            rf"|(?:^|(?<=[\s(«\"„—–]))(?:{v.distance_lead})\s+(?P<hedge2>{hedge_alt})\s*$",
            re.IGNORECASE,
        )
        self.lead_before = re.compile(rf"(?:^|(?<=\s))(?:{v.distance_lead})\s*$", re.IGNORECASE)
        range_start = rf"(?:(?:{v.from_word})\s+)?"
        self.figure = re.compile(
            rf"(?<![\w.,])(?:{range_start}(?P<low>{FIGURE})\s*(?:{_DASH}|\s(?:до|по)\s)\s*(?P<high>{FIGURE})"
            rf"|(?P<num>{FIGURE}))(?:\s*(?:{UNIT})|\s*{_DASH}\s*{COMPOUND_UNIT})(?![\w/²])",
            re.IGNORECASE,
        )
        self.after = re.compile(
            rf"\s*(?:{v.direction_before_from}\s+)?(?:(?P<from>{v.from_word})\s+"
            rf"|(?P<cmp>{v.direction_comparative})\s+)?",
            re.IGNORECASE,
        )
        self.references = tuple((re.compile(p, re.IGNORECASE), r, k) for p, r, k in v.references)
        self.line_after = re.compile(rf"\s*(?:{_LINE_MODIFIER}\s+)?{v.line_noun}", re.IGNORECASE)
        self.line_anywhere = re.compile(v.line_noun, re.IGNORECASE)
        self.length_before = re.compile(rf"(?:{v.length_before})\s*(?:\S+\s+){{0,4}}$", re.IGNORECASE)
        self.line_length_before = re.compile(
            rf"(?<!\w)(?:{v.length_nouns})\s+(?:{v.line_noun})[^,;:.!?]*$", re.IGNORECASE
        )
        self.not_distance_before = re.compile(rf"(?:{v.not_distance_before})\s*(?:\S+\s+){{0,2}}$", re.I)
        self.not_distance_after = re.compile(v.not_distance_after, re.IGNORECASE)
        self.intro_before = re.compile(rf"(?:^|(?<=[\s(«]))(?:{v.intro_before})\s+$", re.IGNORECASE)
        self.locative = re.compile(v.locative, re.IGNORECASE)
        self.refers_back = re.compile(v.refers_back, re.IGNORECASE)
        self.place_nouns = re.compile(rf"(?:{v.place_nouns})\s+$", re.IGNORECASE)
        self.front_subject = re.compile(v.front_subject, re.IGNORECASE)
        self.from_before = re.compile(rf"(?:^|(?<=[\s«\"„(]))(?:{v.from_word})\s+", re.IGNORECASE)
        self.to_between = re.compile(rf"\s+(?:{v.to_word})\s+", re.IGNORECASE)
        self.separates = re.compile(rf"\s+(?:{v.separates})\s+", re.IGNORECASE)
        self.between = re.compile(rf"(?:^|(?<=\s))(?:{v.between_and[0]})\s+", re.IGNORECASE)
        self.between_and = re.compile(rf"\s+(?:{v.between_and[1]})\s+", re.IGNORECASE)
        self.route_before = re.compile(
            rf"(?<!\w)(?:{v.route_verbs})\s+$|(?<!\w)(?:{v.route_modes})(?!\w)", re.IGNORECASE
        )
        self.route_after = re.compile(rf"\s*[,—–-]?\s*(?:{v.route_modes})(?!\w)", re.IGNORECASE)
        self.to_before = re.compile(rf"(?:^|(?<=[\s«\"„(]))(?:{v.to_word})\s+", re.IGNORECASE)

    @cached_property
    def facility_nouns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Facility nouns compiled, each with the noun the gazetteer knows."""
        return tuple(
            (re.compile(rf"\s+(?:{p})(?!\w)", re.IGNORECASE), n) for p, n in self.vocabulary.facility_nouns
        )


def compass_code(words: str, compass: dict[str, str]) -> str | None:
    """A direction in words ("на північний схід", "к северо-востоку", "восточнее") → its compass code.

    >>> compass_code("північно-східніше", {"півн": "N", "схід": "E", "східн": "E"})
    'NE'
    """
    letters = []
    for part in re.split(r"[-\s]+", words.lower()):
        for stem, letter in sorted(compass.items(), key=lambda item: -len(item[0])):
            if part.startswith(stem):
                letters.append(letter)
                break
    code = "".join(letters)
    return code if code in {"N", "S", "E", "W", "NE", "NW", "SE", "SW"} else None
