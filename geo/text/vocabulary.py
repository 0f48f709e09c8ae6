"""The English vocabulary of distance claims, as data and compiled patterns; no extraction logic.

Everything here is a word list or a regular expression over English news prose: hedge words and the
canonical hedge each maps to, units, the nouns of lines and their lengths, direction words, trip and route
nouns, reference phrases ("the Ukrainian border", "the front line", "the Russian capital"), words that look
like places but are not (nationalities, officials, weekdays, agencies), and the little phrases that lead to
a target place ("in", "struck", "lies"). The logic that uses them is in ``geo.text.extract`` and
``geo.text.targets``; vocabularies of other languages belong in modules of their own beside this one.

Patterns ending in ``_BEFORE`` or ``_END`` are searched in the text before a figure (they end with ``$``);
those ending in ``_AFTER`` are matched at the start of the text after it.
"""

from __future__ import annotations

import re

from geo.text.claim import HEDGES
from geo.text.name_vocabulary import (
    NAME_RUN,
    NAME_SUFFIX,
    NAME_TOKEN,
    NATIONALITIES,
    NOT_PLACES,
    PLACE_REFERENCE_PREFIX,
    POSSESSIVE,
)
from geo.text.numbers import NUMBER, NUMBER_DIGITS

__all__ = [
    "AFTER_DISTANCE",
    "ALONG_BEFORE",
    "ANAPHOR",
    "APPOSITIVE_NOUN",
    "BORDER_COUNTRIES",
    "BORDER_NOUNS",
    "FOREIGN_BORDERS",
    "FRONT_AS_SUBJECT",
    "CONVERSION",
    "CONVERSION_OR",
    "DIRECTION_WORD",
    "DISTANCE_BETWEEN",
    "FIGURE_AND_UNIT",
    "LIST_HEADER_REFERENCE",
    "FRONTED_OPENING",
    "FRONTED_SUBJECT",
    "HEDGE_BEFORE",
    "HEDGE_WORDS",
    "INSIDE_PREPOSITIONS",
    "INTRO_BEFORE",
    "LENGTH_NOUN_AFTER",
    "LENGTH_OF_AFTER",
    "LENGTH_WORD_AFTER",
    "LINE_NOUN_ANYWHERE",
    "LINE_OF_BEFORE",
    "LOCATIVE_END",
    "NAME_AS_ACTOR",
    "NAME_RUN",
    "NAME_SUFFIX",
    "NAME_TOKEN",
    "NATIONALITIES",
    "NEAREST_POINT",
    "NOT_DISTANCE_AFTER",
    "NOT_DISTANCE_BEFORE",
    "NOT_PLACES",
    "OBJECT_NOUN_AFTER",
    "PARTITIVE_BEFORE",
    "POINTING_REFERENCE",
    "PLACE_REFERENCE_PREFIX",
    "POSSESSIVE",
    "REFERENCES",
    "STRETCH_BEFORE",
    "TARGET_AFTER",
    "TARGET_TO",
    "TRIP_NOUN",
]

# --------------------------------------------------------------------------- hedges

#: Written hedge → canonical hedge. Synonyms map onto the nearest listed hedge.
HEDGE_WORDS: dict[str, str] = {
    **{h: h for h in HEDGES},
    "approx.": "approximately",
    "an estimated": "about",
    "an approximate": "about",
    "close to": "nearly",
    "upward of": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "well over": "over",
    "well under": "under",
    "fewer than": "less than",
    "within": "up to",
    "no more than": "up to",
    "at most": "up to",
    "as far as": "up to",
    "as much as": "up to",
    "a little over": "just over",
    "slightly over": "just over",
    "slightly more than": "just over",
    "just more than": "just over",
    "a little under": "just under",
    "slightly under": "just under",
    "slightly less than": "just under",
    "just less than": "just under",
    "barely": "nearly",
    "only": "about",
    "just": "about",
    "a mere": "about",
    "merely": "about",
    "some": "some",
}
_HEDGE_ALT = "|".join(re.escape(h) for h in sorted(HEDGE_WORDS, key=len, reverse=True))

# --------------------------------------------------------------------------- figures and units

_UNIT = r"(?i:nautical[\s-]+miles?|nmi|kilomet(?:er|re)s?|kms?|miles?|mi)(?![\w²³/])"

#: A figure (or a range of two) and its unit; the hedge is looked up in the text before it.
#: Groups: ``num`` or ``low``/``high`` or ``blow``/``bhigh`` ("between ... and ..."), ``sep``, ``unit``.
FIGURE_AND_UNIT = re.compile(
    r"(?<![\w.,\-])(?:"
    rf"(?i:between)\s+(?P<blow>{NUMBER})\s+(?i:and)\s+(?P<bhigh>{NUMBER})"
    # a hyphen joins two ranges' ends only in digits ("twenty-five" is one figure)
    rf"|(?P<low>{NUMBER_DIGITS}(?=\s*[-–—])|{NUMBER}(?=\s+to\s))(?:\s*[-–—]\s*|\s+to\s+)(?P<high>{NUMBER})"
    rf"|(?P<num>{NUMBER})"
    rf")(?P<sep>-|\s*)(?P<unit>{_UNIT})"
)
#: A conversion in brackets right after the unit: "(800 miles)", "(620-mile)", "(about 500 mi)".
CONVERSION = re.compile(
    rf"\s*\(\s*(?:(?i:{_HEDGE_ALT})\s+|~\s*)?(?P<num>{NUMBER})(?:\s*[-–]\s*{NUMBER})?(?:-|\s*)"
    rf"(?P<unit>{_UNIT})(?:-long)?\s*\)"
)
#: A conversion ", or about 800 miles," right after the unit.
CONVERSION_OR = re.compile(
    rf",?\s+or\s+(?:(?i:{_HEDGE_ALT})\s+)?(?P<num>{NUMBER})(?:-|\s*)(?P<unit>{_UNIT})\s*,?"
)
#: The hedge (or "~") right before a figure; group ``hedge``.
HEDGE_BEFORE = re.compile(rf"(?:^|(?<=[\s(\[\"“—–]))(?P<hedge>{_HEDGE_ALT}|~)\s*$", re.IGNORECASE)

#: Figures with a unit that are not distances at all: what follows them (speeds, areas, heights) or what
#: precedes them ("an altitude of"). Weapon ranges, routes and positions at sea are kinds of claim of
#: their own (``geo.text.kinds``).
NOT_DISTANCE_AFTER = re.compile(
    r"(?:\s*(?:/|per\b|an?\s+hour\b|squared\b|[²³])"  # speeds, areas
    r"|[\s-]*(?:high|tall|wide|altitude|above|below|up\b(?!\s+(?:from|to)\b)"
    r"|in\s+(?:altitude|height|diameter|width|radius))\b"
    r"|[\s-]*deep\b(?!\s+(?:into|inside|in|behind)\b))",
    re.IGNORECASE,
)
NOT_DISTANCE_BEFORE = re.compile(
    r"\b(?:altitude|height|depth|elevation|ceiling|speed|width|diameter)\s+of\s*$", re.IGNORECASE
)

# --------------------------------------------------------------------------- lines, directions, references

_LINE_NOUN = (
    r"(?P<noun>front[\s-]?lines?|frontlines?|front|line\s+of\s+contact|contact\s+line|battle\s*lines?"
    r"|border|frontier)"
)
_LINE_MODS = (
    r"(?:(?:entire|whole|active|shared|common|long|new|land|winding|sprawling|meandering|eastern|southern"
    r"|northern|western|Russian|Ukrainian|Russia[-–]Ukraine|Ukraine[-–]Russia|Russian[-–]Ukrainian"
    r"|Ukrainian[-–]Russian)\s+){0,2}"
)
#: A line noun right after a figure: "1,000-kilometer front line", "1,000 km-long border",
#: "a 1,200-km frontline".
#: Group ``noun`` (also in ``LENGTH_OF_AFTER``, ``LINE_OF_BEFORE`` and ``LINE_NOUN_ANYWHERE``).
LENGTH_NOUN_AFTER = re.compile(rf"(?:-long|\s+long)?\s*{_LINE_MODS}{_LINE_NOUN}\b", re.IGNORECASE)
#: "1,000 km long", "1,000 km in length".
LENGTH_WORD_AFTER = re.compile(r"[\s-]+(?:long|in\s+length)\b", re.IGNORECASE)
#: "along 1,000 km of front line": the "of front line" after, ``ALONG_BEFORE`` before.
LENGTH_OF_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?{_LINE_MODS}{_LINE_NOUN}\b", re.IGNORECASE)
ALONG_BEFORE = re.compile(
    r"\b(?:along|across|covering|covers?|spanning|spans?|stretching|guarding|defending|holds?|holding)\s*$",
    re.IGNORECASE,
)
#: After a compound figure ("a 30-km stretch", "a 15-km exclusion zone", "the 19-km bridge"): the object
#: whose size it is, a length, never a distance between places.
OBJECT_NOUN_AFTER = re.compile(
    r"(?:-long)?\s+(?:[a-z][\w-]*\s+){0,2}?(?:stretch|section|segment|strip|part|portion|length|zone|belt"
    r"|corridor|perimeter|buffer|queue|convoy|column|tailback|traffic\s+jam|jam|pipeline|canal|tunnel|bridge"
    r"|causeway|dam|road|highway|motorway|railway|rail\s+line|wall|fence|trench|ditch|moat|barrier|lake"
    r"|river|coastline|shoreline|slick|plume|cloud|crater|runway)s?\b",
    re.IGNORECASE,
)
#: "the front line stretches for some 1,000 km"; ``LINE_OF_BEFORE``: "a front line of about 1,000 km".
STRETCH_BEFORE = re.compile(
    r"\b(?:stretch(?:es|ed|ing)?|runs?|ran|running|extend(?:s|ed|ing)?|spans?|spanned|spanning"
    r"|measur(?:es|ed|ing))\s+(?:for\s+|over\s+|across\s+|along\s+)?$",
    re.IGNORECASE,
)
LINE_OF_BEFORE = re.compile(rf"{_LINE_NOUN}\s+of\s*$", re.IGNORECASE)
LINE_NOUN_ANYWHERE = re.compile(rf"\b{_LINE_NOUN}\b", re.IGNORECASE)
#: Line nouns (lower case) whose length is a border's; every other line noun is a front line.
BORDER_NOUNS: tuple[str, ...] = ("border", "frontier")

#: One compass word (regex source); its first letter is its compass letter.
DIRECTION_WORD = r"(?:north|south|east|west)"
_DIRECTION = rf"{DIRECTION_WORD}(?:[\s-]?{DIRECTION_WORD}){{0,2}}(?![a-z])"
#: What follows a distance figure: "away", a direction, a preposition, then the reference.
#: Groups ``dir`` and ``prep``.
AFTER_DISTANCE = re.compile(
    rf"\s*(?:away\s+)?(?:(?:to\s+the\s+)?(?P<dir>{_DIRECTION})(?:ward)?\s*)?"
    r"(?:(?P<prep>(?:away\s+)?from|of|off|behind|beyond|past|(?:deep\s+)?(?:inside|into|within))"
    r"\s+)?",
    re.IGNORECASE,
)
#: "a 1,300-kilometer flight from Ukraine to Izhevsk": the noun of a compound adjective, skipped.
TRIP_NOUN = re.compile(
    r"\s+(?:(?:drone|long-range|round)\s+)?(?:journey|flight|trip|route|drive|march|trek|raid|mission|strike"
    r"|attack|voyage|crossing)\b",
    re.IGNORECASE,
)
#: Words of a preposition that measure from a border: "1,000 km inside Ukraine" → the Ukrainian border.
INSIDE_PREPOSITIONS: tuple[str, ...] = ("inside", "into")

_APOS = "[’']"
#: "the nearest point on", skipped before a reference.
NEAREST_POINT = re.compile(r"(?:the\s+)?(?:nearest|closest)\s+point\s+(?:on|of|in)\s+")
#: Other countries whose border a distance may be measured from: adjective → (name, ISO code).
FOREIGN_BORDERS: dict[str, tuple[str, str]] = {
    "Belarusian": ("Belarus", "BY"),
    "Polish": ("Poland", "PL"),
    "Finnish": ("Finland", "FI"),
    "Moldovan": ("Moldova", "MD"),
    "Romanian": ("Romania", "RO"),
    "Hungarian": ("Hungary", "HU"),
    "Slovak": ("Slovakia", "SK"),
    "Lithuanian": ("Lithuania", "LT"),
    "Latvian": ("Latvia", "LV"),
    "Estonian": ("Estonia", "EE"),
    "Georgian": ("Georgia", "GE"),
    "Kazakh": ("Kazakhstan", "KZ"),
    "Norwegian": ("Norway", "NO"),
}
#: The kind of a reference written as words pointing back ("20 km from the base"): the words are the
#: reference until ``geo.text.discourse`` finds the place they name (kind "place"); never judged as such.
POINTING_REFERENCE = "anaphor"
#: The country each normalised border reference names ("the border" alone is Ukraine's).
BORDER_COUNTRIES: dict[str, str] = {
    "the Ukrainian border": "UA",
    "the border": "UA",
    "the Russian border": "RU",
    **{f"the {adjective} border": code for adjective, (_, code) in FOREIGN_BORDERS.items()},
}
#: Reference phrases, tried in order: (pattern, reference as normalised, reference kind).
REFERENCES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), reference, kind)
    for pattern, reference, kind in (
        (
            rf"(?:the\s+)?(?:(?:nearest|closest)\s+)?(?:(?:Russia{_APOS}s\s+)?border\s+with\s+Ukraine"
            rf"|Ukraine{_APOS}s\s+(?:state\s+)?border"
            r"|(?:Russian[-–]Ukrainian|Ukrainian[-–]Russian|Russia[-–]Ukraine|Ukraine[-–]Russia)\s+border"
            r"|Ukrainian\s+(?:state\s+)?(?:border|frontier))\b",
            "the Ukrainian border",
            "border",
        ),
        (
            rf"(?:the\s+)?(?:Russian\s+(?:state\s+)?(?:border|frontier)|Russia{_APOS}s\s+border|border\s+with\s+Russia"
            r"|Russian\s+territory|Russian\s+soil|Russia(?!{_APOS}s)\b)",
            "the Russian border",
            "border",
        ),
        *(
            (
                rf"(?:the\s+)?(?:{adjective}\s+(?:state\s+)?(?:border|frontier)|{country}{_APOS}s\s+(?:border|frontier)"
                rf"|(?:border|frontier)\s+with\s+{country}|{country}(?!{_APOS}s))\b",
                f"the {adjective} border",
                "border",
            )
            for adjective, (country, _) in FOREIGN_BORDERS.items()
        ),
        (r"(?:the\s+)?(?:(?:nearest|closest)\s+)?(?:state\s+)?(?:border|frontier)\b", "the border", "border"),
        # "42 km from the Kremlin": Moscow's own point (GeoNames puts it at the Kremlin)
        (r"(?:the\s+)?Kremlin\b", "Moscow", "place"),
        (
            r"(?:the\s+)?(?:(?:nearest|closest)\s+)?Ukrainian[-\s](?:controlled|held)\s+(?:territory|land|areas?)\b",
            "Ukrainian-controlled territory",
            "ukraine",
        ),
        (
            rf"(?:Ukrainian\s+(?:territory|soil|land|airspace)|Ukraine{_APOS}s\s+territory|Ukraine(?!{_APOS}s))\b",
            "Ukraine",
            "ukraine",
        ),
        (
            r"(?:the\s+)?(?:(?:nearest|closest|current|active)\s+)?(?:Ukrainian\s+)?"
            r"(?:front[\s-]?lines?|frontlines?|line\s+of\s+contact|contact\s+line|battle\s*lines?|combat\s+zone"
            r"|war\s+zone|fighting|battlefield|front\b)",
            "the front line",
            "frontline",
        ),
        (
            r"(?:the\s+)?(?:(?:nearest|closest)\s+)?(?:(?:Ukrainian|Russian|enemy)\s+(?:lines|positions|troops|forces"
            r"|units)|(?:Russian|Russia)[-\s](?:held|controlled|occupied)\s+(?:territory|land|areas?|ground)"
            r"|(?:occupied|Russian-occupied)\s+(?:territory|land|areas?)|enemy\s+lines|the\s+Russians)\b",
            "the front line",
            "frontline",
        ),
        (r"(?:our|their)\s+(?:state\s+)?border\b", "the border", "border"),
        (rf"(?:the\s+Russian\s+capital|Russia{_APOS}s\s+capital)\b", "Moscow", "place"),
        (r"the\s+capital\b(?!\s+of)", "the capital", "place"),
        (rf"(?:the\s+Ukrainian\s+capital|Ukraine{_APOS}s\s+capital)\b", "Kyiv", "place"),
        # "20 km from the base": a place named before; ``geo.text.discourse`` finds which
        (
            r"(?:(?:the|this|that)\s+(?:[a-z][a-z-]*\s+){0,2}?(?:air\s+base|airbase|airfield|airport|base|city"
            r"|town|village|plant|factory|refinery|depot|terminal|facility|site|port|bridge|complex|station"
            r"|arsenal|region|oblast|province)\b(?!\s+of\b)|it\b)",
            "",
            POINTING_REFERENCE,
        ),
    )
)

#: After a name: "Kyiv officials", "Moscow said": the name acts as a government, not a place.
NAME_AS_ACTOR = re.compile(
    r"\s+(?i:officials?|authorities|forces|troops|government|military|army|said|says|claimed|claims"
    r"|reported|announced|denied|governor|mayor|confirmed|accused|warned|insisted|responded|condemned"
    r"|stated|added|blamed|vowed|threatened|demanded|rejected|signed|agreed)\b"
)
#: The subject of a sentence that is the front itself: "Russian troops are 10 km from Pokrovsk"
#: measures Pokrovsk from the front line, not troops from Pokrovsk.
FRONT_AS_SUBJECT = re.compile(
    r"\b(?:the\s+Russians|(?:Russian|Ukrainian|enemy|invading|occupying|its|their|our)\s+"
    r"(?:troops|forces|units|soldiers|army|positions)"
    r"|the\s+(?:front(?:[-\s]line)?|fighting|enemy|frontline)|fighting|front-line\s+positions)\b",
    re.IGNORECASE,
)
#: Before a name: words that introduce a place ("struck", "in the Russian").
INTRO_BEFORE = re.compile(
    r"\b(?:in|at|of|near|outside|on|over|across|struck|strike|strikes|striking|hit|hits|hitting|targeted"
    r"|targeting|targets|target|attacked|attacking|attack|bombed|shelled|reached|reaching|towards?|into)\s+"
    rf"(?:(?:the|a|an)\s+)?(?:(?:Russia{_APOS}s|Ukraine{_APOS}s|Russian|Ukrainian|Russian-occupied|occupied"
    r"|annexed|Russian-annexed|southern|northern|eastern|western|central|remote|distant)\s+){0,2}$",
    re.IGNORECASE,
)
#: Before a figure: a locative verb ("lies", "which is located"); group ``link``.
LOCATIVE_END = re.compile(
    r"(?P<link>,?\s*\b(?:which|that|and|but)\s+)?\b(?:is|was|are|were|lies|lay|lie|sits|sat|sit|stands|stood"
    r"|located|situated|based|lying|sitting)(?:\s+(?:located|situated|based|just|only|now|still|also|both|all|each"
    r"|currently|already|roughly))*\s*$"
)
#: After a name: ", a Baltic port ..." up to the figure.
APPOSITIVE_NOUN = re.compile(r",\s+[^,;:()]*$")
#: After a reference: "in"/"at" leading to the target ("500 km from Kursk, in Belgorod").
TARGET_AFTER = re.compile(r"\s*,?\s*(?:in|at)\s+(?:the\s+(?:city|town|village|port)\s+of\s+)?")
#: After a trip's start: "to" leading to its end, the target ("flight from Sumy to Kazan").
TARGET_TO = re.compile(r"\s+to\s+(?:the\s+(?:city|town|village|port)\s+of\s+)?")
#: After a reference, in a sentence that opens with the distance ("Located about 30 km from the Russian
#: border, Kharkiv is …", "Some 150 km south-west of Tehran lies Iran's Fordow site"): the subject.
FRONTED_SUBJECT = re.compile(
    rf"\s*(?:,\s*|\s+(?:lies|lay|sits|stands|is)\s+)(?:(?:the\s+)?(?:(?:Russian|Ukrainian)\s+)?"
    rf"(?:city|town|village|port|regional\s+capital)\s+of\s+|\w+{_APOS}s\s+|the\s+(?=[A-Z]))?"
)
#: "distances from X:", "and their distance from the border:", "km from the border:" in a list's header;
#: the reference starts at the match's end.
LIST_HEADER_REFERENCE = re.compile(
    r"\b(?:distances?|(?:km|kilomet(?:er|re)s|miles))\s+(?:\w+\s+){0,2}?(?:from|to)\s+(?=[^:|\n]*[:|\n])",
    re.IGNORECASE,
)
#: The opening of a sentence that starts with its distance: "Located", "Lying just", "".
FRONTED_OPENING = re.compile(r"^\W*(?:(?:located|situated|lying|based|sitting|just|only|some)\s+)*$", re.I)
#: "The distance from Kyiv to Lviv is", "the distance between Kazan and Moscow": groups ``a``, ``b``.
DISTANCE_BETWEEN = re.compile(
    r"\bdistance\s+(?:from|between)\s+(?:the\s+(?:city|town)\s+of\s+)?(?P<a>[A-ZА-ЯЁ][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2})"
    r"\s+(?:to|and)\s+(?:the\s+(?:city|town)\s+of\s+)?(?P<b>[A-ZА-ЯЁ][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2})"
    r"\s+(?:is|was|stands\s+at|of|:|comes\s+to|amounts\s+to)\s*(?:just\s+)?$"
)
#: A part of what pointing words name, right before them: "most of the targets", "two of the bases". The
#: figure is then said of some of the places, not of each.
PARTITIVE_BEFORE = re.compile(
    r"\b(?:most|some|many|several|(?:a\s+)?few|half|one|two|three|four|five|none|any|either|neither"
    r"|all\s+but\s+\w+)\s+of\s+$",
    re.IGNORECASE,
)
#: Words that point back at a place named before: "the base", "the oil refinery", "it", "they";
#: groups ``noun`` (a kind noun) or ``pronoun``.
ANAPHOR = re.compile(
    rf"\b(?:(?:(?i:the|this|that|these|those|our|all)|[A-Z]\w+{_APOS}s)\s+(?:[a-z][a-z-]*\s+){{0,2}}?"
    r"(?P<noun>(?i:air\s+base|airbase|airfield|airport|base|city|town|village|settlement|capital|port|plant"
    r"|factory|refinery|depot|terminal|facility|site|complex|station|arsenal|bridge|region|oblast|province"
    r"|cities|towns|bases|plants|refineries|airfields|sites|facilities|zone|radar|target|targets))"
    r"|(?P<pronoun>(?i:it|they|both|each|we|here"
    # "the first is 1,000 km …, the second about 300 km": one of the places before, by its order
    r"|the\s+(?:first|second|third|former|latter)(?=\s*(?:,|$|\s(?:is|was|lies|lay|sits|stands|one|about"
    r"|some|roughly|around|nearly|just|only|\d))))))\b",
)
