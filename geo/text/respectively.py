"""Several figures joined in one phrase, said of several places: "They are roughly 1,900 km and
4,300 km from Ukraine, respectively"; "Olenya and Belaya lie 1,900 and 4,300 km from Ukraine".

Figures written one after another with only "and", "or" or a comma between them form a *chain*: they
share the reference written after the last of them ("1,900 km and 4,300 km from Ukraine": both from
Ukraine), and, said of as many places as there are figures, the places take them in order (the
first place the first figure). Any other number of places leaves each figure's place unsettled: the
claims keep their places as candidates and no target, never every place with every figure (which
judged Olenya against Belaya's 4,300 km).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from geo.text.claim import Claim

__all__ = ["chains", "pair_chained_figures", "share_chained_reference"]

#: What may stand between two figures of one chain: "and", "or", a comma ("1,900 km, 4,300 km").
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def chains(text: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Indexes of ``spans`` (figures, sorted, distinct) grouped into chains of two or more figures
    joined only by "and", "or" or a comma."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i, span in enumerate(spans):
        if current and _JOIN.match(text, spans[current[-1]][1], span[0]):
            current.append(i)
            continue
        if len(current) > 1:
            groups.append(current)
        current = [i]
    if len(current) > 1:
        groups.append(current)
    return groups


def share_chained_reference(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims of one sentence, with a chained figure that has no reference given the reference of
    the next figure of its chain ("1,900 km and 4,300 km from Ukraine")."""
    by_span = _by_span(claims)
    spans = sorted(by_span)
    reference_at: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    for group in chains(text, spans):
        for a, b in zip(reversed(group[:-1]), reversed(group[1:]), strict=True):
            first_b = by_span[spans[b]][0]
            later = reference_at.get(spans[b]) or (first_b.reference, first_b.reference_kind)
            if by_span[spans[a]][0].reference is None and later[0] is not None:
                reference_at[spans[a]] = later
    if not reference_at:
        return claims
    return [
        dataclasses.replace(c, reference=reference_at[c.span][0], reference_kind=reference_at[c.span][1])
        if c.span in reference_at and c.kind == "distance"
        else c
        for c in claims
    ]


def pair_chained_figures(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims of one sentence with each chain of figures said of several places paired in order (as
    many places as figures) or, otherwise, left with its places as candidates only."""
    by_span = _by_span(claims)
    spans = sorted(by_span)
    changed: dict[tuple[int, int], list[Claim]] = {}
    for group in chains(text, spans):
        members = [spans[i] for i in group]
        per_figure = [by_span[span] for span in members]
        names = [tuple(c.target for c in same if c.target) for same in per_figure]
        if any(len(n) < 2 for n in names) or len(set(names)) != 1:
            continue  # one place per figure, or different places: nothing to pair
        places = names[0]
        for k, (span, same) in enumerate(zip(members, per_figure, strict=True)):
            if len(places) == len(members):
                changed[span] = [c for c in same if c.target == places[k]]
            else:
                changed[span] = [dataclasses.replace(same[0], target=None, target_candidates=places)]
    if not changed:
        return claims
    return [c for span in spans for c in changed.get(span, by_span[span])]


def _by_span(claims: list[Claim]) -> dict[tuple[int, int], list[Claim]]:
    """The claims of each figure (its span), in their order."""
    out: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        out.setdefault(c.span, []).append(c)
    return out
