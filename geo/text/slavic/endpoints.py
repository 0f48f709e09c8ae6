"""A distance's two ends named around it in Ukrainian and Russian: "від кордону до Ярославля",
"До Харькова от Белгорода", "між Харковом і Києвом", "450 км відділяють Москву від кордону".
Each function returns names as written (the caller resolves them) or None.
"""

from __future__ import annotations

import re

from geo.text.slavic.names import name_at
from geo.text.slavic.vocabulary import Patterns

__all__ = ["between_ends", "between_two", "separated_by", "to_from"]

_GAP = re.compile(r"\s+")


def separated_by(text, expr_end, sent_end, patterns: Patterns, known):
    """ "450 км відділяють Москву від кордону": ``(target, reference, kind, end)`` or None."""
    verb = patterns.separates.match(text, expr_end, sent_end)
    if verb is None:
        return None
    target = name_at(text, verb.end(), sent_end, patterns, known)
    if target is None:
        return None
    lead = patterns.after.match(text, target.end, sent_end)
    if not lead.group("from"):
        return None
    ref = _reference_at(text, lead.end(), sent_end, patterns, known)
    return (target.name, *ref) if ref else None


def between_two(text, start, end, patterns: Patterns, known):
    """ "Відстань між Харковом і Києвом": ``(target, reference, "place")`` or None."""
    found = patterns.between.search(text, start, end)
    if found is None:
        return None
    first = name_at(text, found.end(), end, patterns, known)
    joint = patterns.between_and.match(text, first.end, end) if first else None
    second = name_at(text, joint.end(), end, patterns, known) if joint else None
    return (first.name, second.name, "place") if second else None


def between_ends(text, start, end, patterns: Patterns, known):
    """ "Від кордону до Ярославля — 700 км", "расстояние от границы до Ярославля": the place after
    "до" is the target, the one after "від" the reference → ``(target, reference, kind)`` or None."""
    found = patterns.from_before.search(text, start, end)
    if found is None:
        return between_two(text, start, end, patterns, known)
    ref = _reference_at(text, found.end(), end, patterns, known)
    if ref is None:
        return None
    to = patterns.to_between.match(text, ref[2], end)
    if to is None:
        return to_from(text, start, end, patterns, known)
    target = name_at(text, to.end(), end, patterns, known)
    if target is None:
        return None
    return target.name, ref[0], ref[1]


def to_from(text, start, end, patterns: Patterns, known):
    """ "До Харькова от Белгорода — 80 км", "До Харкова від кордону — 30 км": the place after "до" is
    the target, the place or line after "від"/"от" the reference → ``(target, reference, kind)`` or
    None."""
    to = patterns.to_before.search(text, start, end)
    if to is None:
        return None
    target = name_at(text, to.end(), end, patterns, known)
    if target is None:
        return None
    gap = _GAP.match(text, target.end, end)
    found = patterns.from_before.match(text, gap.end() if gap else target.end, end)
    if found is None:
        return None
    ref = _reference_at(text, found.end(), end, patterns, known)
    return (target.name, ref[0], ref[1]) if ref else None


def _reference_at(text, pos, end, patterns: Patterns, known) -> tuple[str, str, int] | None:
    """The reference written at ``pos`` (after "від"/"от"): a line or border of
    ``patterns.references``, else a place name → ``(reference, kind, end)``, or None."""
    for pattern, reference, kind in patterns.references:
        found = pattern.match(text, pos, end)
        if found:
            return reference, kind, found.end()
    name = name_at(text, pos, end, patterns, known)
    return (name.name, "place", name.end) if name else None
