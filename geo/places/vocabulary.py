"""Words that look like places but are not, and the words that name a kind of facility.

Folded forms (:func:`geo.places.names.fold`). A query that is wholly one of the
:data:`NOT_PLACES` words is never looked up: a month ("Aug."), a weekday, a compass
phrase ("North East"), a sentence adverb, a river or sea, a macro-region too vague to
measure from ("Siberia"). :data:`DESCRIPTORS` maps the words reporters put around a
facility's town ("the Engels airbase", "Volgograd refinery", "Saky airfield") to the
facility kinds they may mean.
"""

from __future__ import annotations

import re

__all__ = [
    "DESCRIPTORS",
    "FACILITY_KINDS",
    "NOT_PLACES",
    "FOCUS_COUNTRIES",
    "SENTENCE_ADVERBS",
    "not_a_place",
    "split_descriptor",
    "strip_article",
]

#: The countries the tool's reporting is about: a candidate here is never dropped for a
#: bigger namesake elsewhere without being listed.
FOCUS_COUNTRIES = frozenset({"UA", "RU", "BY"})

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)
_COMPASS = [
    f"{a} {b}".strip() if b else a
    for a in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
    for b in ("", "east", "west")
]
#: Sentence adverbs a capital letter may open a sentence with ("Separately, officials in …").
SENTENCE_ADVERBS = (
    "however meanwhile moreover furthermore nevertheless nonetheless overnight yesterday today tomorrow "
    "earlier later also still separately previously additionally instead otherwise according"
).split()
#: Rivers and seas reporters name beside places ("on the Volga", "the Black Sea").
WATERS: dict[str, str] = {
    **{w: "river" for w in ("volga", "dnipro", "dnieper", "dnepr", "don", "donets", "siverskyi donets",
                            "seversky donets", "desna", "oskil", "oskol", "kama", "neva", "danube",
                            "dniester", "southern bug", "pivdennyi buh", "inhulets", "yenisei")},
    **{w: "sea" for w in ("black sea", "sea of azov", "azov sea", "caspian sea", "baltic sea", "barents sea",
                          "white sea", "sea of okhotsk", "kerch strait", "gulf of finland")},
}  # fmt: skip
#: Weapons, ships and armed groups reporters name as subjects: never places.
NOT_PLACE_NAMES: dict[str, str] = {
    **{w: "a weapon" for w in ("shahed", "shaheds", "geran", "geran 2", "kinzhal", "kalibr", "iskander",
                               "iskander m", "storm shadow", "scalp", "atacms", "himars", "neptune",
                               "bayraktar", "lancet", "kh 101", "kh 22", "oniks", "zircon", "tochka u",
                               "patriot", "s 300", "s 400", "liutyi", "lyutyi")},
    **{w: "a ship" for w in ("moskva cruiser", "the moskva cruiser", "cruiser moskva")},
    **{w: "an armed group" for w in ("wagner", "wagner group", "akhmat")},
}  # fmt: skip
#: Macro-regions: real, but too big to measure a distance from.
MACRO_REGIONS = (
    "siberia", "far east", "russian far east", "urals", "the urals", "caucasus", "north caucasus",
    "central russia", "european russia", "western russia", "southern russia", "eastern ukraine",
    "western ukraine", "southern ukraine", "northern ukraine", "central ukraine",
)  # fmt: skip

NOT_PLACES: dict[str, str] = {
    **{w: "a month" for w in _MONTHS},
    **{w: "a day of the week" for w in _WEEKDAYS.split()},
    **{w: "a compass direction" for w in _COMPASS},
    **{w: "a word of the sentence" for w in SENTENCE_ADVERBS},
    **{w: "a macro-region, too big to measure a distance from" for w in MACRO_REGIONS},
    **NOT_PLACE_NAMES,
    **{w: "a number" for w in (
        "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
        "hundred thousand dozens hundreds thousands"
    ).split()},
}  # fmt: skip
# "may" and "march" are months, but also verbs and (Mar) a name: still never a place on their own.

#: Facility descriptor (folded) → the facility kinds it may mean. Longest first when matching.
DESCRIPTORS: dict[str, tuple[str, ...]] = {
    "strategic bomber base": ("airbase",),
    "military airfield": ("airbase", "airfield"),
    "air base": ("airbase", "airfield"),
    "airbase": ("airbase", "airfield"),
    "air field": ("airbase", "airfield"),
    "airfield": ("airbase", "airfield"),
    "aerodrome": ("airbase", "airfield"),
    "airport": ("airfield", "airbase"),
    "oil refinery": ("refinery",),
    "refinery": ("refinery",),
    "refining plant": ("refinery",),
    "oil depot": ("oil depot", "oil terminal"),
    "fuel depot": ("oil depot", "oil terminal"),
    "oil terminal": ("oil terminal", "oil depot"),
    "terminal": ("oil terminal", "port"),
    "depot": ("oil depot", "arsenal", "ammunition depot"),
    "ammunition depot": ("arsenal", "ammunition depot"),
    "ammo depot": ("arsenal", "ammunition depot"),
    "arsenal": ("arsenal", "ammunition depot"),
    "naval base": ("naval base", "port"),
    "seaport": ("port",),
    "port": ("port", "naval base", "oil terminal"),
    "nuclear power plant": ("nuclear plant",),
    "nuclear plant": ("nuclear plant",),
    "npp": ("nuclear plant",),
    "thermal power plant": ("power plant",),
    "power plant": ("power plant", "nuclear plant"),
    "power station": ("power plant", "nuclear plant"),
    "hydroelectric plant": ("power plant", "dam"),
    "dam": ("dam", "power plant"),
    "chemical plant": ("chemical plant", "plant"),
    "gas processing plant": ("gas plant", "refinery"),
    "plant": ("plant", "chemical plant", "power plant", "gas plant"),
    "factory": ("plant", "chemical plant"),
    "works": ("plant",),
    "shipyard": ("plant", "port"),
    "radar station": ("radar",),
    "radar": ("radar",),
    "bridge": ("bridge",),
    "headquarters": ("headquarters",),
    "hospital": ("hospital",),
    "substation": ("substation", "power plant"),
    "electrical substation": ("substation",),
    "chp": ("power plant",),
    "combined heat and power plant": ("power plant",),
    "steelworks": ("plant",),
    "steel plant": ("plant",),
}
#: Every facility kind a descriptor can mean.
FACILITY_KINDS = tuple(sorted({kind for kinds in DESCRIPTORS.values() for kind in kinds}))
_DESCRIPTOR_RE = re.compile(
    r"^(?P<core>.+?)\s+(?P<desc>"
    + "|".join(sorted(map(re.escape, DESCRIPTORS), key=len, reverse=True))
    + r")$"
)
_ARTICLE_RE = re.compile(
    r"^(?:the|a|an)\s+|^(?:russian |illegally )?(?:occupied|annexed|temporarily occupied)\s+"
    r"|^(?:northern|southern|eastern|western|central|north|south|east|west)\s+(?=crimea|donbas)"
)
_POSSESSIVE_RE = re.compile(r"^(?:russias|ukraines|belaruss|russia s|ukraine s)\s+")


def strip_article(key: str) -> str:
    """A folded query without a leading article or a country possessive ("Russia's").

    >>> strip_article("the engels airbase"), strip_article("russias kursk region")
    ('engels airbase', 'kursk region')
    >>> strip_article("occupied crimea"), strip_article("northern crimea")
    ('crimea', 'crimea')
    """
    return _POSSESSIVE_RE.sub("", _ARTICLE_RE.sub("", key))


def not_a_place(key: str) -> str | None:
    """What a folded query is when it is not a place ("a month"), else None.

    >>> not_a_place("aug"), not_a_place("north east"), not_a_place("volga river"), not_a_place("kazan")
    ('a month', 'a compass direction', 'a river', None)
    >>> not_a_place("the dnipro"), not_a_place("dnipro"), not_a_place("shahed")
    ('a river', None, 'a weapon')
    """
    bare = strip_article(key)
    if bare in NOT_PLACES:
        return NOT_PLACES[bare]
    # A water is refused when written as one ("the Volga", "Volga river", "the Black Sea");
    # bare "Dnipro" is the city.
    if bare in WATERS and (bare != key or WATERS[bare] == "sea"):
        return f"a {WATERS[bare]}"
    for suffix in (" river", " sea"):
        if bare.endswith(suffix) and bare[: -len(suffix)] in WATERS:
            return f"a {WATERS[bare[: -len(suffix)]]}"
    if key.endswith(" border") and " " in key:
        return "a border, not a point: measure from it with --from border:CC"
    return None


def split_descriptor(key: str) -> tuple[str, tuple[str, ...]] | None:
    """``(core name, facility kinds)`` when a folded query ends with a facility word.

    >>> split_descriptor("volgograd refinery")
    ('volgograd', ('refinery',))
    >>> split_descriptor("engels 2 air base")
    ('engels 2', ('airbase', 'airfield'))
    >>> split_descriptor("kazan") is None
    True
    """
    m = _DESCRIPTOR_RE.match(strip_article(key))
    if not m:
        return None
    return m.group("core"), DESCRIPTORS[m.group("desc")]
