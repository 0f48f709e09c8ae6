"""geo.render.map.verdicts: the map of ``geo verify --map``."""

from __future__ import annotations

from geo.render.map.style import VERDICT_COLORS
from geo.render.map.verdicts import verification_map


def test_verification_map_colours_by_verdict(gazetteer, tmp_path):
    from geo.judge.judge import Judge
    from geo.text.extract import extract_claims

    text = (
        "The drone struck Izhevsk, some 1,300 kilometers (800 miles) from Ukraine. "
        "Kazan lies about 500 km from the border."
    )
    verdicts = Judge(gazetteer, date="2025-07-01").judge_all(extract_claims(text))
    out = verification_map(verdicts, tmp_path / "v.html", date="2025-07-01")
    page = out.read_text(encoding="utf-8")
    assert VERDICT_COLORS["consistent"] in page and VERDICT_COLORS["understated"] in page
    assert "consistent with the measurement" in page and "✓ " in page and "▼ " in page


def test_verification_map_with_nothing_to_map_still_writes_a_map(tmp_path):
    out = verification_map([], tmp_path / "empty.html")
    page = out.read_text(encoding="utf-8")
    assert "No claim names a place to map" in page and "Natural Earth" in page
