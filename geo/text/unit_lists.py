"""Lists whose unit and reference are stated once, in their header, and whose rows hold bare figures:

    Distance from the Russian border, in kilometres:
    Shostka 44
    Konotop 69

``unit_list_claims`` finds such lists and gives each row a claim like any other: the figure in the header's
unit, the header's reference, the row's name as the target. A row that is not "name, figure" ends the list.
"""

from __future__ import annotations

import re

from geo.core.units import figure_step, normalise_unit
from geo.text.claim import Claim, figure_fields
from geo.text.context import parse_reference_at
from geo.text.numbers import NUMBER_DIGITS, parse_number

__all__ = ["unit_list_claims"]

_HEADER = re.compile(
    r"(?im)^[ \t]*(?:distances?|how\s+far)\b[^\n:]*?\b(?:from|to)\s+(?P<ref>[^\n:,(]+?)\s*"
    r"(?:,\s*in\s+|\(\s*(?:in\s+)?)(?P<unit>kilomet(?:er|re)s|km|miles|mi)\)?\s*:[ \t]*\n"
)
_ROW = re.compile(
    rf"[ \t]*(?:[-•*][ \t]+)?(?P<name>[A-ZА-ЯЁІЇЄ][\w’'.-]*(?:[ \t][A-ZА-ЯЁІЇЄ][\w’'.-]*){{0,3}})"
    rf"[ \t]*[:–—-]?[ \t]*(?P<num>{NUMBER_DIGITS})[ \t]*(?:\n|$)"
)


def unit_list_claims(text: str) -> list[Claim]:
    """The claims of every list in ``text`` whose header gives the unit and the reference."""
    claims: list[Claim] = []
    for header in _HEADER.finditer(text):
        found = parse_reference_at(text, header.start("ref"), header.end("ref"))
        if found is None:
            continue
        reference, kind = found
        unit = normalise_unit(header.group("unit"))
        pos = header.end()
        while True:
            row = _ROW.match(text, pos)
            if row is None:
                break
            claims.append(_row_claim(text, row, unit, reference, kind))
            pos = row.end()
    return claims


def _row_claim(text: str, row: re.Match, unit: str, reference: str, kind: str) -> Claim:
    figure = parse_number(row.group("num"))
    step = figure_step(figure)
    start, end = row.span("num")
    line_end = row.end() - (1 if text[row.end() - 1 : row.end()] == "\n" else 0)
    return Claim(
        text=text[row.start("name") : line_end],
        span=(start, end),
        sentence_span=(row.start("name"), line_end),
        phrase=text[start:end],
        **figure_fields(figure, unit, step),
        target=row.group("name"),
        reference=reference,
        reference_kind=kind,
        target_how="named",
    )
