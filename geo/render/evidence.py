"""The full evidence for one verdict, for an editor who wants to see the reasoning (``geo verify
--explain N``): the text span, how the target was chosen, every reading with its layer, date, band and
method, the reading that decided, the rule applied and the flags. Pure: a ``Verdict`` → lines of text.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.judge.explain import format_band
from geo.judge.verdicts import Verdict
from geo.render.report import clip_quote, terminal_safe

__all__ = ["evidence_text"]


def evidence_text(verdicts: Sequence[Verdict], number: int) -> str:
    """The evidence for claim ``number`` (1-based) of ``verdicts``, as labelled lines."""
    v = verdicts[number - 1]
    c = v.claim
    start, end = c.span
    lines = [
        f"Claim {number} of {len(verdicts)}",
        f"  text:       {c.phrase!r} at characters {start}-{end}",
        f"  sentence:   {clip_quote(c.text, c.phrase)}",
        f"  figure:     {_figure_words(c)}",
        f"  kind:       {c.kind}",
        f"  reference:  {c.reference or 'none found'}"
        + (f" ({c.reference_kind})" if c.reference_kind else "")
        + (f", direction {c.direction}" if c.direction else ""),
    ]
    lines.extend(_target_lines(v))
    lines.append("  readings:" if v.readings else "  readings:   none measured")
    for reading in v.readings:
        lines.extend(_reading_lines(reading, reading is v.decided_by))
    if v.decided_by is not None:
        lines.append(f"  decided by: the reading against {v.decided_by.reference} ({v.decided_by.kind})")
    lines.append(f"  rule:       {v.tolerance_rule}")
    lines.append(f"  verdict:    {v.verdict}")
    lines.append(f"  flags:      {', '.join(v.flags) or 'none'}")
    lines.append(f"  in words:   {v.explanation}")
    return terminal_safe("\n".join(lines))  # nothing from the article reaches the terminal raw


def _figure_words(c) -> str:
    hedge = f"{c.hedge} " if c.hedge else ""
    written = f"{hedge}{c.figure:,g} {c.unit}"
    if c.figure_low is not None:
        written = f"between {c.figure_low:,g} and {c.figure_high:,g} {c.unit}"
    step = f"written to the nearest {c.figure_step:,g} {c.unit}"
    conversion = ""
    if c.conversion_figure is not None:
        conversion = f"; conversion given: {c.conversion_figure:,g} {c.conversion_unit}"
    return f"{written} = {c.claimed_km:,.1f} km ({step}{conversion})"


def _target_lines(v: Verdict) -> list[str]:
    choice = v.target_choice
    lines = []
    if v.target is not None:
        t = v.target
        lines.append(f"  target:     {t.describe()}")
    else:
        lines.append("  target:     none")
    if choice is not None:
        lines.append(f"  chosen:     {choice.reason}")
        lines.append(f"  confidence: {choice.confidence}")
        if choice.candidates:
            lines.append(f"  candidates: {', '.join(choice.candidates)}")
    for cand in v.candidates:
        if "name" in cand and "lat" in cand:
            country = cand.get("country_code") or "?"
            lines.append(f"    candidate {cand['name']} ({country}) {cand['lat']},{cand['lon']}")
        elif "suggestion" in cand:
            lines.append(f"    did you mean: {cand['suggestion']}")
    return lines


def _reading_lines(r, decided: bool) -> list[str]:
    when = f" on {r.layer_date}" if r.layer_date else ""
    mark = "*" if decided else "-"
    band = format_band(r.tolerance_km)
    lines = [
        f"    {mark} {r.reference}{when}: {r.distance_km:,.1f} km; the claim allows {band} → {r.verdict}",
        f"      source: {r.source}",
        f"      method: {r.method}",
    ]
    if r.nearest:
        near = r.nearest
        where = f"{near['lat']:.4f},{near['lon']:.4f}"
        named = f" near {near['near_place']} ({near['near_place_country']})" if near.get("near_place") else ""
        inside = " (the place is inside this layer)" if near.get("inside") else ""
        lines.append(f"      nearest point: {where}{named}{inside}")
    if r.bearing_deg is not None:
        lines.append(f"      bearing from the reference: {r.bearing_deg:.0f}°")
    lines.extend(f"      note: {n}" for n in r.notes)
    return lines
