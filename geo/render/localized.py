"""Reports in the article's language: verdict words and explanations in Ukrainian or Russian.

The English explanation is written by the judge; for another language it is written afresh here from
the verdict's own records (its readings, tolerance bands and flags) with the words of
``geo.render.lexicon``, so no English sentence is translated by guesswork. Notes the judge wrote in
English (about a snapshot, a facility) stay in English, in brackets.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence

from geo.judge.verdicts import Verdict
from geo.model import ReadingKind, VerdictKind
from geo.render import report
from geo.render.lexicon import word

__all__ = ["explanation", "localize", "to_markdown", "to_table", "word"]


def _band(band: tuple[float, float], lang: str) -> str:
    low, high = band
    if math.isinf(high):
        return f"{word('at least', lang)} {_km(low)} км"
    if math.isinf(low) or low <= 0:
        return f"{word('at most', lang)} {_km(high)} км"
    return f"{_km(low)}–{_km(high)} км"


def _km(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u00a0")


def _what(reading, lang: str) -> str:
    """What a reading measured from, in ``lang``: "від лінії фронту", "от Moscow"."""
    what = reading.reference if reading.kind is ReadingKind.PLACE else word(str(reading.kind), lang)
    return f"{word('from', lang)} {what}"


def explanation(verdict: Verdict, lang: str) -> str:
    """``verdict``'s explanation in ``lang`` (the judge's own for English)."""
    if lang == "en":
        return verdict.explanation
    claim = verdict.claim
    if verdict.verdict == VerdictKind.UNVERIFIABLE or not verdict.readings:
        reasons = [word(f, lang) for f in verdict.flags if word(f, lang) != f] or [verdict.explanation]
        return f"{word('Cannot verify', lang)}: {'; '.join(reasons)}."
    parts = []
    for r in verdict.readings:
        when = f" ({word('on', lang)} {r.layer_date})" if r.layer_date else ""
        if r.kind is ReadingKind.LENGTH:
            parts.append(f"{word('the front line measures', lang)} {_km(r.distance_km)} км{when}")
        else:
            parts.append(f"{_km(r.distance_km)} км {_what(r, lang)}{when}")
    measured = "; ".join(parts)
    lead = (
        f"{verdict.target.name}: {measured}." if verdict.target else f"{measured[:1].upper()}{measured[1:]}."
    )
    bands = " / ".join(sorted({_band(r.tolerance_km, lang) for r in verdict.readings}))
    tail = f" {word('the claim allows', lang).format(figure=claim.phrase)} {bands}, "
    if verdict.verdict == VerdictKind.CONSISTENT:
        tail += word("so it is consistent", lang)
    else:
        closest = min(verdict.readings, key=lambda r: abs(r.relative_error))
        key = "so it overstates" if verdict.verdict == VerdictKind.OVERSTATED else "so it understates"
        what = _what(closest, lang)
        tail += word(key, lang).format(error=f"{abs(closest.relative_error):.0%}", reference=what)
    notes = [word(f, lang) for f in verdict.flags if word(f, lang) != f]
    return lead + tail + "." + (f" ({'; '.join(notes)}.)" if notes else "")


def localize(verdicts: Sequence[Verdict], lang: str) -> list[Verdict]:
    """The verdicts with their explanations in ``lang`` (unchanged for English)."""
    if lang == "en":
        return list(verdicts)
    return [dataclasses.replace(v, explanation=explanation(v, lang)) for v in verdicts]


def to_table(verdicts: Sequence[Verdict], lang: str = "en") -> str:
    """The terminal table of ``geo verify`` in ``lang``: the English table for "en"; otherwise one
    line per claim (phrase as written, measured distances, verdict word) and each explanation."""
    if lang == "en":
        return report.to_table(verdicts)
    if not verdicts:
        return word("No distance claims found in the text.", lang)
    lines = []
    for i, v in enumerate(verdicts, 1):
        target = v.claim.target or "?"
        measured = "; ".join(f"{_km(r.distance_km)} км {_what(r, lang)}" for r in v.readings) or "-"
        mark = report.MARK[str(v.verdict)]
        lines.append(f"{i}. {target}: «{v.claim.phrase}» — {measured} — {mark} {word(str(v.verdict), lang)}")
    lines.append("")
    lines.extend(f"{i}. {explanation(v, lang)}" for i, v in enumerate(verdicts, 1))
    return "\n".join(lines)


_KINDS = tuple(str(k) for k in VerdictKind)


def to_markdown(verdicts: Sequence[Verdict], lang: str = "en") -> str:
    """The Markdown memo of ``geo verify --markdown`` in ``lang``: the English memo with its title,
    summary, verdict words and explanations in ``lang`` (the evidence tables keep their English
    column names and figures)."""
    if lang == "en":
        return report.to_markdown(verdicts)
    memo = report.to_markdown(localize(verdicts, lang), title=word("Distance fact-check", lang))
    memo = memo.replace(
        "No distance claims found in the text.", word("No distance claims found in the text.", lang)
    )
    kinds = "|".join(_KINDS)
    memo = re.sub(rf"— \*\*({kinds})\*\*$", lambda m: f"— **{word(m.group(1), lang)}**", memo, flags=re.M)
    summary = re.compile(rf"^((?:\d+ (?:{kinds})(?:, )?)+) \((\d+) claims\)\.$", re.M)
    return summary.sub(lambda m: _summary(m.group(1), m.group(2), lang), memo, count=1)


def _summary(counts: str, total: str, lang: str) -> str:
    words = re.sub(r"(\d+) (\w+)", lambda m: f"{m.group(1)} {word(m.group(2), lang)}", counts)
    return f"{words} ({total} {word('claims', lang)})."
