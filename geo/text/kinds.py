"""What a written distance is, when it is not a place's distance from a reference.

A weapon's range ("can hit targets up to 300 km away", "a range of 5,000 km"), a route or flight
("1,593 km by road", "the drones flew 1,800 km"), a position at sea ("34 nautical miles south-west of the
port") and an object's length ("the 19-km bridge") all carry a figure and a unit. None of them is a
straight-line distance between two places on land, so none gets a verdict on its figure:
``claim_kind`` names the kind (``geo.text.claim.CLAIM_KINDS``) from the text around the figure.
"""

from __future__ import annotations

import re

__all__ = ["MODE_AFTER", "STRAIGHT_LINE_AFTER", "claim_kind"]

#: After a figure: a weapon's reach ("300 km range", "-range missile").
_WEAPON_AFTER = re.compile(
    r"[\s-]*(?:flight\s+|strike\s+|striking\s+|operational\s+|maximum\s+|effective\s+)?(?:range|radius|reach)\b",
    re.IGNORECASE,
)
#: Before a figure: "a range of", "can hit targets up to", "able to strike targets".
_WEAPON_BEFORE = re.compile(
    r"(?:\b(?:range|radius|reach)\s+(?:of|is|was|stands\s+at|extends\s+to|reaches)\s*$"
    r"|\b(?:can|could|able\s+to|capable\s+of|designed\s+to|allow(?:s|ing)?\s+\w+\s+to)\s+(?:\w+\s+){0,3}?"
    r"(?:hit|hitting|strike|striking|reach|reaching|engage|engaging|destroy|destroying|target|targeting|fly"
    r"|flying|travel|travelling|traveling)(?:\s+[a-z][\w-]*){0,4}\s*$)",
    re.IGNORECASE,
)
#: After a figure: a road, rail or flight distance ("1,593 km by road", "of driving").
_ROUTE_AFTER = re.compile(
    r"\s*(?:by\s+(?:road|rail|car|train|bus|sea|river|highway)|of\s+(?:driving|road|roads|flying|flight|rail)"
    r"|on\s+foot|(?:along|via)\s+(?:the\s+)?(?:road|roads|highway|motorway|railway|river|coast)"
    r"|(?:drive|flight|journey|trip|route|ride|walk|march|voyage)\b)",
    re.IGNORECASE,
)
#: Before a figure: a journey's verb ("flew", "travelled", "covered").
_ROUTE_BEFORE = re.compile(
    r"\b(?:flew|flown|flying|travel(?:l)?ed|travel(?:l)?ing|travels|covered|covering|covers|drove|driven"
    r"|driving|walked|marched|sailed|journeyed|logged|trekked)\s+(?:for\s+|a\s+distance\s+of\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
#: After a figure: a straight line, which is a distance between places ("by direct route").
STRAIGHT_LINE_AFTER = re.compile(
    r"\s*(?:by\s+(?:a\s+)?(?:direct|straight)\s+(?:route|line)|as\s+the\s+crow\s+flies|in\s+a\s+straight\s+line)",
    re.IGNORECASE,
)
#: Before a figure: a ship or a position at sea ("was spotted", "the frigate was").
#: After a figure: how it was travelled or measured, skipped before its reference ("1,593 km by road
#: from Kyiv", "1,237 km by direct route from Kyiv").
MODE_AFTER = re.compile(
    r"\s*(?:by\s+(?:a\s+)?(?:direct|straight)\s+(?:route|line)|as\s+the\s+crow\s+flies|in\s+a\s+straight\s+line"
    r"|by\s+(?:road|rail|car|train|bus|sea|river|highway))\s*,?",
    re.IGNORECASE,
)
_SEA_BEFORE = re.compile(
    r"\b(?:ship|ships|vessel|vessels|frigate|corvette|tanker|tankers|warship|warships|submarine|boat|boats"
    r"|destroyer|cruiser|sank|sunk|patrolling|anchored)\b[^.;]*$",
    re.IGNORECASE,
)
_OFF_AFTER = re.compile(r"\s*(?:(?:north|south|east|west)[\w-]*\s+)?off\b", re.IGNORECASE)


def claim_kind(before: str, after: str, unit: str, trip: bool = False) -> str:
    """The kind of a figure from the text of its sentence before it and after its unit (and
    conversion): "weapon_range", "route_distance", "position_report" or "distance". Lengths are found
    by the extractor itself. ``trip`` is True for a compound trip noun ("a 1,300-km flight").

    >>> claim_kind("ATACMS can hit targets ", " away.", "km")
    'weapon_range'
    >>> claim_kind("The city is ", " by road from Kyiv.", "km"), claim_kind("Drones flew ", ".", "km")
    ('route_distance', 'route_distance')
    >>> claim_kind("A frigate was spotted ", " south of the port.", "nmi")
    'position_report'
    >>> claim_kind("Izhevsk lies ", " from Ukraine.", "km")
    'distance'
    """
    if _WEAPON_AFTER.match(after) or _WEAPON_BEFORE.search(before):
        return "weapon_range"
    if STRAIGHT_LINE_AFTER.match(after):
        return "distance"
    if trip or _ROUTE_AFTER.match(after) or _ROUTE_BEFORE.search(before):
        return "route_distance"
    if unit == "nmi" or _OFF_AFTER.match(after) or _SEA_BEFORE.search(before):
        return "position_report"
    return "distance"
