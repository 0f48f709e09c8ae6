"""Render verdicts: a terminal table, a Markdown fact-check memo, JSON.

Pure functions from :class:`geo.judge.verdicts.Verdict` lists to strings.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Sequence

from geo.judge.verdicts import Verdict

MARK = {"consistent": "OK", "overstated": "OVER", "understated": "UNDER", "unverifiable": "?"}


def to_json(verdicts: Sequence[Verdict]) -> str:
    """A JSON list, one object per claim (``[]`` when there are none)."""
    return json.dumps([v.to_json() for v in verdicts], ensure_ascii=False, indent=2)


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
        out.append(f"> {_md(v.claim.text.strip())}")
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
