"""geo.render.map.verdicts: the map of ``geo verify --map``."""

from __future__ import annotations

import numpy as np

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


def test_the_izhevsk_pile_up(gazetteer, tmp_path):
    # Four ordinary sentences about Izhevsk give eight measured lines that start at one
    # place; the map builder's staggered line labels ran off the end of the line
    # (IndexError) from seven lines on. Identical lines (same nearest point, same figure)
    # are now drawn once, with one figure.
    from geo.judge.judge import Judge
    from geo.render.map.compose import build_map
    from geo.render.map.verdicts import verdict_items
    from geo.text.extract import extract_claims

    text = (
        "Izhevsk lies about 1,200 km from the Ukrainian border. Drones reached Izhevsk, some 1,300 km "
        "from the front line. The plant in Izhevsk is 1,100 kilometres from Ukraine. Izhevsk is roughly "
        "1,250 km from the front."
    )
    verdicts = Judge(gazetteer, date="2025-07-01").judge_all(extract_claims(text))
    items, used = verdict_items(verdicts)
    assert sum(it.ref_lat is not None for it in items) >= 7
    out = verification_map(verdicts, tmp_path / "izhevsk.html", date="2025-07-01")
    assert "Izhevsk" in out.read_text(encoding="utf-8")
    m = build_map(items, layers=used)
    distinct = {(round(it.ref_lat, 3), round(it.ref_lon, 3), round(it.distance_km)) for it in items}
    figures = [lab for lab in m.geo_labels.labels if lab.kind == "figure"]
    assert len(figures) == len(distinct)
    assert [lab.text for lab in m.geo_labels.labels if lab.kind == "target"] == ["Izhevsk"]


def _deuteranope(hex_colour: str, matrix) -> np.ndarray:
    """A colour as a dichromat sees it (Viénot, Brettel & Mollon 1999, in linear RGB)."""
    rgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return np.asarray(matrix) @ lin


def test_verdict_colours_stay_apart_for_the_colour_blind_and_carry_marks():
    from geo.render.map.style import VERDICT_DASHES, VERDICT_MARKS

    protan = [[0.11238, 0.88762, 0.0], [0.11238, 0.88762, 0.0], [0.00401, -0.00401, 1.0]]
    deutan = [[0.29275, 0.70725, 0.0], [0.29275, 0.70725, 0.0], [-0.02234, 0.02234, 1.0]]
    verdicts = ["consistent", "overstated", "understated"]
    for matrix in (protan, deutan):
        seen = [_deuteranope(VERDICT_COLORS[v], matrix) for v in verdicts]
        gaps = [np.abs(a - b).sum() for i, a in enumerate(seen) for b in seen[i + 1 :]]
        assert min(gaps) > 0.2, gaps  # the old red/green (#d7191c vs #1a9641): 0.09 for a deutan
    assert len(set(VERDICT_MARKS.values())) == len(VERDICT_MARKS)  # a shape for each
    assert len(set(VERDICT_DASHES.values())) == len(VERDICT_DASHES)  # and a dash


def test_the_header_counts_each_claims_verdict_not_its_worst_reading(gazetteer, tmp_path):
    # Saratov is 469 km from Ukraine's border (far below "some 600 km") but 603 km from
    # Ukrainian-held ground: the claim is consistent, and the header must not call it overstated
    # because of its border reading.
    from collections import Counter

    from geo.judge.judge import Judge
    from geo.text.extract import extract_claims

    text = "Kharkiv is about 30 km from the Russian border. Saratov is some 600 km from Ukraine."
    verdicts = Judge(gazetteer, date="2025-07-01").judge_all(extract_claims(text))
    assert any(r.verdict != v.verdict for v in verdicts for r in v.readings)  # the case this guards
    page = verification_map(verdicts, tmp_path / "v.html", date="2025-07-01").read_text(encoding="utf-8")
    counts = Counter(str(v.verdict) for v in verdicts)
    assert f"Verdicts on {len(verdicts)} claims:" in page and "worst reading" not in page
    for verdict, n in counts.items():
        assert f"{n} {verdict}" in page


def test_an_imported_snapshot_is_drawn_on_the_verification_map(gazetteer, tmp_path, monkeypatch):
    # An imported DeepStateMap-format snapshot is a user file by origin, but it is the
    # article's dated reference: its occupied territory must be drawn and keyed.
    import datetime as dt
    import json

    from geo.judge.judge import Judge
    from geo.layers.snapshot_import import import_file
    from geo.text.extract import extract_claims

    from synthetic_deepstate import api_response

    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    when = dt.datetime(2025, 3, 14, 18, 30, tzinfo=dt.timezone.utc)
    src = tmp_path / "last.json"
    src.write_text(json.dumps(api_response(when)), encoding="utf-8")
    import_file(str(src))
    claims = extract_claims("Zaporizhzhia is about 100 km from Russian-occupied territory.")
    verdicts = Judge(gazetteer, date="2025-03-20").judge_all(claims)
    assert verdicts[0].readings and verdicts[0].readings[0].layer.snapshot_id
    page = verification_map(verdicts, tmp_path / "v.html", date="2025-03-20").read_text(encoding="utf-8")
    assert "Russian-occupied, 14 March 2025" in page
