"""Render verdicts: a terminal table, a Markdown fact-check memo, JSON.

Pure functions from :class:`geo.judge.verdicts.Verdict` lists to strings. Anything echoed
from the article is made safe for a terminal (control characters and ANSI escape sequences
removed) and a claim's sentence is clipped to :data:`MAX_QUOTE_CHARS` around the claim
with an ellipsis, so a text without full stops is not repeated whole for every claim.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from collections.abc import Sequence

from geo.judge.verdicts import Verdict

#: The most characters of a claim's sentence quoted in a report.
MAX_QUOTE_CHARS = 400
#: ANSI escape sequences (CSI, OSC and two-character ones), then any other control character.
_ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` without ANSI escape sequences, control characters or bidi overrides
    (newlines and tabs kept)."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def clip_quote(text: str, phrase: str = "", limit: int = MAX_QUOTE_CHARS) -> str:
    """``text`` cut to about ``limit`` characters around ``phrase`` (where it occurs), with
    an ellipsis where something was left out."""
    if len(text) <= limit:
        return text
    at = text.find(phrase) if phrase else -1
    centre = at + len(phrase) // 2 if at >= 0 else 0
    start = max(0, min(centre - limit // 2, len(text) - limit))
    end = start + limit
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _safe_record(obj, phrase: str = ""):
    """A JSON record with every string terminal-safe and the claim's sentence clipped."""
    if isinstance(obj, dict):
        phrase = obj.get("phrase") if isinstance(obj.get("phrase"), str) else phrase
        return {k: clip_quote(terminal_safe(v), phrase) if k == "text" and isinstance(v, str)
                else _safe_record(v, phrase) for k, v in obj.items()}  # fmt: skip
    if isinstance(obj, list):
        return [_safe_record(v, phrase) for v in obj]
    return terminal_safe(obj) if isinstance(obj, str) else obj


MARK = {"consistent": "OK", "overstated": "OVER", "understated": "UNDER", "unverifiable": "?"}


def to_json(verdicts: Sequence[Verdict]) -> str:
    """A JSON list, one object per claim (``[]`` when there are none)."""
    records = [_safe_record(v.to_json(), getattr(v.claim, "phrase", "") or "") for v in verdicts]
    return json.dumps(records, ensure_ascii=False, indent=2)


def _claim_words(v: Verdict) -> str:
    c = v.claim
    hedge = f"{c.hedge} " if c.hedge else ""
    ref = c.reference or "?"
    if c.kind == "length":
        return f"{hedge}{c.figure:,g} {c.unit} {ref}"
    direction = f" ({c.direction} of)" if c.direction else ""
    target = c.target or (" or ".join(c.target_candidates) + "?" if c.target_candidates else "?")
    kind = "" if c.kind == "distance" else f" [{c.kind.replace('_', ' ')}]"
    return f"{target}: {hedge}{c.figure:,g} {c.unit} from {ref}{direction}{kind}"


def _measured_words(v: Verdict) -> str:
    if not v.readings:
        return "-"
    return "; ".join(
        f"{r.distance_km:,.0f} km {'length' if r.kind == 'length' else r.kind}"
        + (f" {r.layer_date}" if r.layer_date else "")
        for r in v.readings
    )


def to_table(verdicts: Sequence[Verdict], width: int = 110) -> str:
    """A plain-text table for the terminal, then each claim's explanation."""
    return terminal_safe(_table(verdicts, width))


def _table(verdicts: Sequence[Verdict], width: int) -> str:
    if not verdicts:
        return "No distance claims found in the text."
    rows = [("#", "claim", "measured", "verdict", "flags")]
    for i, v in enumerate(verdicts, 1):
        rows.append(
            (
                str(i),
                _claim_words(v),
                _measured_words(v),
                f"{MARK[v.verdict]} {v.verdict}",
                ",".join(v.flags) or "-",
            )
        )
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    widths[1] = min(widths[1], 46)
    widths[2] = min(widths[2], 40)

    def cell(text: str, w: int) -> str:
        return text if len(text) <= w else text[: w - 1] + "…"

    lines = ["  ".join(cell(r[k], widths[k]).ljust(widths[k]) for k in range(5)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    for i, v in enumerate(verdicts, 1):
        lines.extend(textwrap.wrap(f"{i}. {v.explanation}", width=width, subsequent_indent="   "))
    return "\n".join(lines)


def _md(text: str) -> str:
    """Escape Markdown/HTML-significant characters in untrusted text."""
    out = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "|*_`[]#":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(verdicts: Sequence[Verdict], title: str = "Distance fact-check") -> str:
    """A fact-check memo: one section per claim with its readings and evidence."""
    return terminal_safe(_markdown(verdicts, title))


def _markdown(verdicts: Sequence[Verdict], title: str) -> str:
    out = [f"# {_md(title)}", ""]
    if not verdicts:
        out.append("No distance claims found in the text.")
        return "\n".join(out) + "\n"
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v.verdict] = counts.get(v.verdict, 0) + 1
    out.append(", ".join(f"{n} {k}" for k, n in sorted(counts.items())) + f" ({len(verdicts)} claims).")
    out.append("")
    for i, v in enumerate(verdicts, 1):
        out.append(f"## {i}. {_md(_claim_words(v))} — **{v.verdict}**")
        out.append("")
        quote = clip_quote(v.claim.text.strip(), getattr(v.claim, "phrase", "") or "")
        out.append(f"> {_md(' '.join(quote.split()))}")
        out.append("")
        out.append(_md(v.explanation))
        out.append("")
        if v.target:
            t = v.target
            out.append(
                f"- Target: {_md(t.name)} ({t.country_code}) {t.lat:.5f}, {t.lon:.5f} [{t.source}:{t.id}]"
            )
        if v.readings:
            out.append("")
            out.append("| reading | date | measured | allowed | verdict | error | nearest point |")
            out.append("| --- | --- | --- | --- | --- | --- | --- |")
            for r in v.readings:
                low, high = r.tolerance_km
                lo_txt = "" if math.isinf(low) else f"{low:,.0f}"
                hi_txt = "" if math.isinf(high) else f"{high:,.0f}"
                allowed = f"{lo_txt}–{hi_txt} km"
                near = r.nearest or {}
                place = _md(str(near.get("near_place", "")))
                where = f"{near.get('lat', 0):.4f}, {near.get('lon', 0):.4f} near {place}"
                out.append(
                    f"| {_md(r.reference)} | {r.layer_date or '-'} | {r.distance_km:,.1f} km | {allowed} | "
                    f"{r.verdict} | {r.relative_error:+.1%} | {where} |"
                )
            out.append("")
            sources = sorted({r.source for r in v.readings})
            out.append(f"- Sources: {_md('; '.join(sources))}")
            out.append(f"- Method: {_md(v.readings[0].method)}")
        out.append(f"- Tolerance: {_md(v.tolerance_rule)}")
        if v.flags:
            out.append(f"- Flags: {', '.join(v.flags)}")
        if v.candidates:
            names = [c.get("name") or c.get("suggestion") or "" for c in v.candidates][:8]
            out.append(f"- Candidates: {_md('; '.join(str(n) for n in names))}")
        out.append("")
    return "\n".join(out)
