"""The judge end to end: verdicts on the seed figures and on claims we wrote.

Expected distances are recomputed here independently: geographiclib for place pairs, dense
50 m sampling of Natural Earth's border, the DeepStateMap snapshot in ../shared for controlled
territory and the front line's length.
"""

from __future__ import annotations

import geopandas as gpd
import pytest
import yaml
from geographiclib.geodesic import Geodesic

from geo.judge.judge import Judge
from geo.judge.tolerance import conversion_mismatch
from geo.layers.borders import ukraine
from geo.layers.territory import controlled_from_occupied
from geo.text.extract import extract_claims

from conftest import ROOT, SHARED
from helpers import dense_min_distance, polygon_rings

SEEDS = yaml.safe_load((ROOT / "seeds" / "claims.yaml").read_text(encoding="utf-8"))


DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"


needs_deepstate = pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")


@pytest.fixture(scope="module")
def judge(gazetteer):
    return Judge(gazetteer, date="2025-07-01", layer_file=str(DEEPSTATE))


def _one(text):
    claims = extract_claims(text)
    assert len(claims) == 1, claims
    return claims[0]


@needs_deepstate
@pytest.mark.parametrize("seed", SEEDS["claims"], ids=lambda s: s["id"])
def test_seed_verdicts(judge, seed):
    claim = _one(seed["text"])
    assert claim.claimed_km == pytest.approx(seed["claimed_km"])
    verdict = judge.judge(claim)
    assert verdict.verdict == seed["expected_verdict"], verdict.explanation
    assert "unit_conversion_mismatch" not in verdict.flags
    assert verdict.explanation and verdict.tolerance_rule


@needs_deepstate
def test_seed_distances_match_independent_computation(judge, gazetteer):
    ua = ukraine()
    for seed in SEEDS["claims"]:
        claim = _one(seed["text"])
        v = judge.judge(claim)
        by_kind = {r.kind: r for r in v.readings}
        if seed.get("reference_kind") in ("ukraine", "border"):
            t = v.target
            truth, _, _ = dense_min_distance(t.lat, t.lon, polygon_rings(ua.geometry))
            assert by_kind["border"].distance_km * 1000 == pytest.approx(truth, abs=1.0)
            assert by_kind["border"].distance_km == pytest.approx(seed["independent_km"]["border"], abs=1.0)
            assert by_kind["controlled"].layer_date == "2025-07-01"
            ctl = by_kind["controlled"].distance_km
            assert ctl == pytest.approx(seed["independent_km"]["controlled_deepstate"], abs=1.0)
        if seed.get("reference_kind") == "place":
            moscow = gazetteer.resolve("Moscow")
            t = v.target
            ref = Geodesic.WGS84.Inverse(moscow.lat, moscow.lon, t.lat, t.lon)
            assert by_kind["place"].distance_km * 1000 == pytest.approx(ref["s12"], abs=1e-3)
            assert by_kind["place"].bearing_deg == pytest.approx(ref["azi1"] % 360, abs=1e-6)
            assert "direction_mismatch" not in v.flags
        if seed.get("kind") == "length":
            occ = gpd.read_file(DEEPSTATE).geometry.union_all()
            _, _, contact = controlled_from_occupied(occ)
            geod = Geodesic.WGS84
            total = 0.0
            for part in getattr(contact, "geoms", [contact]):
                xy = list(part.coords)
                total += sum(
                    geod.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in zip(xy[:-1], xy[1:], strict=True)
                )
            assert by_kind["length"].distance_km == pytest.approx(total / 1000, rel=1e-9)
            assert by_kind["length"].distance_km == pytest.approx(
                seed["independent_km"]["deepstate_contact_line"], abs=1
            )


@needs_deepstate
def test_verdict_carries_evidence(judge):
    v = judge.judge(_one(SEEDS["claims"][0]["text"]))
    doc = v.to_json()
    assert doc["target"]["id"] == "554840" and doc["target"]["source"] == "geonames-cities500"
    for reading in doc["readings"]:
        assert {"reference", "layer_date", "distance_km", "verdict", "relative_error", "tolerance"} <= set(
            reading
        )
        assert reading["source"] and reading["method"] and reading["nearest"]["lat"]
    assert doc["readings"][0]["relative_error"] == pytest.approx(
        (1300 - doc["readings"][0]["distance_km"]) / doc["readings"][0]["distance_km"], rel=1e-3
    )


def test_bounds_more_than_and_less_than(judge):
    # Izhevsk is ~1,187 km from the border: "more than 1,000" holds, "more than 1,500" does not.
    ok = judge.judge(_one("The plant in Izhevsk is more than 1,000 km from Ukraine."))
    assert ok.verdict == "consistent"
    over = judge.judge(_one("The plant in Izhevsk is more than 1,500 km from Ukraine."))
    assert over.verdict == "overstated"
    under = judge.judge(_one("The plant in Izhevsk is less than 600 km from Ukraine."))
    assert under.verdict == "understated"


def test_direction_mismatch_is_flagged(judge):
    v = judge.judge(_one("Izhevsk is about 1,000 km west of Moscow."))
    assert "direction_mismatch" in v.flags


def test_unit_conversion_mismatch_flagged_on_its_own(judge):
    bad = _one("The depot in Izhevsk sits some 1,300 km (900 miles) from Ukraine.")
    assert conversion_mismatch(bad) is not None
    v = judge.judge(bad)
    assert "unit_conversion_mismatch" in v.flags and v.verdict == "consistent"
    good = _one("The depot in Izhevsk sits some 1,300 km (800 miles) from Ukraine.")
    assert conversion_mismatch(good) is None


def test_miles_first_claim(judge):
    v = judge.judge(_one("Izhevsk is some 800 miles (1,300 kilometers) from Ukraine."))
    assert v.claim.unit == "mi" and v.verdict == "consistent"


def test_unknown_and_ambiguous_places_are_unverifiable_not_crashes(judge):
    v = judge.judge(_one("A drone hit a depot in Qwertyuiopgrad, some 900 km from Ukraine."))
    assert v.verdict == "unverifiable" and "unknown_place" in v.flags
    v = judge.judge(_one("A drone hit a depot in Springfield, some 900 km from the border."))
    assert v.verdict == "unverifiable" and "ambiguous_place" in v.flags
    assert len(v.candidates) >= 2


def test_ambiguous_name_in_the_region_is_resolved_with_a_flag(judge):
    v = judge.judge(_one("Strikes hit the port of Odessa, some 450 km from Kyiv."))
    assert v.target.country_code == "UA" and "country_assumed" in v.flags
    assert v.verdict == "consistent"


def test_range_claim_uses_its_ends(judge):
    v = judge.judge(_one("Izhevsk is 1,100-1,300 km from Ukraine."))
    assert v.claim.hedge == "range" and v.verdict == "consistent"
    v = judge.judge(_one("Izhevsk is 1,400-1,500 km from Ukraine."))
    assert v.verdict == "overstated"
    # Both ends are written to the hundred: ±50 km each (README rule 2), plus 10 km for the
    # city and 2 km for Natural Earth's border (rule 4). Not ±5 km from the midpoint's rounding.
    v = judge.judge(_one("Izhevsk is 1,200-1,300 km from Ukraine."))
    border = next(r for r in v.readings if r.kind == "border")
    assert border.tolerance_km == pytest.approx((1200 - 50 - 12, 1300 + 50 + 12))


def test_round_hundreds_are_hundreds_and_words_are_figures(judge):
    # Kazan is 721 km from Moscow (Kazan 551487, Moscow 524901; geographiclib, as in the seeds).
    # "800" is written to the hundred (README rule 2): 800 × 0.95 − 50 − 20 km for the two
    # cities = 690 km, so 721 km fits; it once came out overstated when "800" meant ±5 km.
    for sentence in (
        "Kazan lies 800 km east of Moscow.",
        "Kazan lies eight hundred kilometres east of Moscow.",
    ):
        v = judge.judge(_one(sentence))
        assert v.verdict == "consistent", v.explanation
        [reading] = v.readings
        assert reading.tolerance_km[0] == pytest.approx(800 * 0.95 - 50 - 20)


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Kharkiv lies about 25 miles from the Russian border.", "RU"),
        ("Kyiv is some 90 km from the Belarusian border.", "BY"),
        ("Lviv is about 70 km from the Polish border.", "PL"),
    ],
)
def test_a_foreign_border_is_that_countrys_border(judge, gazetteer, sentence, code):
    # "From the Russian border", said of a Ukrainian city, is measured to Russia (not to
    # Ukraine's own border, which would be 0 km): checked against dense 50 m sampling of the
    # country's boundary near the city (the clip box's own edges lie hundreds of km away).
    import shapely

    from geo.layers.borders import country_border

    v = judge.judge(_one(sentence))
    [reading] = v.readings
    assert reading.kind == "country" and v.verdict == "consistent", v.explanation
    target = v.target
    near = shapely.clip_by_rect(
        country_border(code).geometry, target.lon - 4, target.lat - 3, target.lon + 4, target.lat + 3
    )
    truth_m, _, _ = dense_min_distance(target.lat, target.lon, polygon_rings(near))
    assert reading.distance_km * 1000 == pytest.approx(truth_m, abs=1.0)


def test_the_russian_border_said_of_a_russian_city_is_the_border_with_ukraine(judge):
    v = judge.judge(_one("Belgorod lies about 40 km from the Russian border."))
    assert {r.kind for r in v.readings} == {"border", "controlled"}


def test_the_front_line_of_a_town_on_either_side_is_measured_to_the_other_side(gazetteer):
    # A town in Ukrainian-held ground (Pokrovsk, on the 2025-07-01 snapshot) is measured to the
    # front line and to occupied territory; a Russian town (Belgorod) to the front line and to
    # Ukrainian-controlled territory. Either way the second reading equals the first: the
    # territory's edge is the line. Checked against dense 50 m sampling of each layer.
    from geo.layers.frontline import frontline_snapshot

    snap = frontline_snapshot("2025-07-01")
    judge = Judge(gazetteer, date="2025-07-01")  # our own snapshot, not the DeepStateMap file
    for sentence, kinds, other in (
        ("Russian troops are 10 km from Pokrovsk.", ["frontline", "occupied"], snap.occupied),
        ("Belgorod lies some 40 km from the front line.", ["frontline", "controlled"], snap.controlled),
    ):
        v = judge.judge(_one(sentence))
        assert [r.kind for r in v.readings] == kinds, v.explanation
        second = v.readings[1]
        truth_m, _, _ = dense_min_distance(v.target.lat, v.target.lon, polygon_rings(other.geometry))
        assert second.distance_km * 1000 == pytest.approx(truth_m, abs=1.0)
