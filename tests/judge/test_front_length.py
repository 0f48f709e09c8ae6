"""Front-line length claims: a waypoint line under-measures, a detailed line is judged as measured.

Expected lengths are recomputed here with ``pyproj.Geod.line_length`` over the lines' vertices,
not with ``geo.measure``.
"""

from __future__ import annotations

import json

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import box as shapely_box

from geo.judge.judge import Judge
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot
from geo.layers.snapshot_import import import_file
from geo.text.extract import extract_claims

from synthetic_deepstate import box, feature

GEOD = Geod(ellps="WGS84")
# Two boxes (lon, lat) well inside Ukraine: one holding Donetsk, one holding Simferopol. Their whole
# boundary is the contact line of the imported snapshot.
DONBAS_INLAND = (35.2, 47.6, 38.0, 49.3)
CRIMEA_INLAND = (33.9, 44.85, 34.4, 45.2)


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    return tmp_path


def one_claim(text: str):
    (claim,) = extract_claims(text)
    assert claim.kind == "length" and claim.reference_kind == "frontline", claim
    return claim


def line_length_km(geometry) -> float:
    """Independent: pyproj's geodesic length over the vertices of each part."""
    total = 0.0
    for part in shapely.get_parts(geometry):
        lons, lats = zip(*part.coords, strict=True)
        total += GEOD.line_length(lons, lats)
    return total / 1000


def test_a_claim_longer_than_our_waypoint_line_is_unverifiable_not_overstated(home, gazetteer):
    """The 2025-07-01 waypoint line is ~775 km where DeepStateMap's is 1,152 km: "the 1,200-km
    front line" is not shown to be overstated by it. The verdict says which line measured what."""
    judge = Judge(gazetteer, date="2025-07-01")
    measured = line_length_km(frontline_snapshot("2025-07-01").line.geometry)
    v = judge.judge(one_claim("Russia says its forces advanced on the 1,200-km front line."))
    assert str(v.verdict) == "unverifiable" and "waypoint_line_under_measures" in v.flags
    assert "under-measures by about a third" in v.explanation
    assert f"it measured {measured:,.0f} km" in v.explanation and "Import a detailed line" in v.explanation
    (reading,) = v.readings
    assert reading.distance_km == pytest.approx(measured, rel=1e-9)
    assert reading.layer_date == "2025-07-01" and "data/frontline" in reading.source
    assert "2025-07-01" in v.explanation  # the snapshot that measured it
    # Beyond what any detailed line could measure (1.6 times ours) the claim is still overstated ...
    far = judge.judge(one_claim("The front line is some 3,000 km long."))
    assert str(far.verdict) == "overstated" and "under-measures by about a third" in far.explanation
    # ... and one that fits only our short line is not confirmed either.
    short = judge.judge(one_claim("The front line is about 600 km long."))
    assert str(short.verdict) == "unverifiable" and "fits our waypoint line" in short.explanation


def test_an_imported_detailed_line_is_judged_on_its_own_length(home, gazetteer, tmp_path):
    ua = ukraine().geometry
    for b in (DONBAS_INLAND, CRIMEA_INLAND):  # inland, > 7 km from the coast and border (the seam is 5 km)
        assert ua.contains(shapely_box(*b)) and shapely_box(*b).distance(ua.boundary) > 0.1
    data = {
        "type": "FeatureCollection",
        "features": [
            feature("Окуповано /// Occupied /// geoJSON.status.occupied", box(DONBAS_INLAND)),
            feature("Крим /// Crimea /// geoJSON.territories.crimea", box(CRIMEA_INLAND)),
        ],
    }
    src = tmp_path / "detailed.geojson"
    src.write_text(json.dumps(data), encoding="utf-8")
    import_file(src, date="2025-07-01")
    expected = sum(
        line_length_km(shapely_box(*b).exterior) for b in (DONBAS_INLAND, CRIMEA_INLAND)
    )  # about 950 km
    judge = Judge(gazetteer, date="2025-07-01")
    fits = judge.judge(one_claim("Russia says its forces advanced on the 1,200-km front line."))
    (reading,) = fits.readings
    assert reading.distance_km == pytest.approx(expected, rel=1e-6)
    assert str(fits.verdict) == "consistent" and "waypoint_line_under_measures" not in fits.flags
    assert "detailed.geojson" in reading.source and reading.layer_date == "2025-07-01"
    # Longer than this line but within 1.6 times it: a waypoint line would leave it open, a detailed
    # line decides.
    over = judge.judge(one_claim("The front line is 1,500 km long."))
    assert over.readings[0].tolerance_km[0] < 1.6 * expected
    assert str(over.verdict) == "overstated" and "waypoint" not in over.explanation
