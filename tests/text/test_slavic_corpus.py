"""Ukrainian and Russian articles end to end: recall and verdict agreement on a corpus written for
this test (``slavic_corpus``), each language at least 90 %.

Expected verdicts come from an independent computation: pyproj ``Geod.inv`` between the GeoNames
coordinates cited in ``slavic_places`` for place-to-place claims, dense 100 m sampling of Natural Earth's
Ukraine for border claims, dense sampling of the DeepStateMap occupied territory in ../shared for
front-line claims, and the published length of that snapshot's line of contact (seeds/claims.yaml) for
front-line lengths. A claim whose figure lies near a band edge would be a matter of tolerance rules, not
of reading: the corpus holds none (``test_corpus_has_no_borderline_figures``).
"""

from __future__ import annotations

import functools

import geopandas as gpd
import pytest
import yaml
from pyproj import Geod

from geo.judge.choice import resolve_name
from geo.judge.judge import Judge
from geo.layers.borders import ukraine
from geo.places.cyrillic import CyrillicFirst
from geo.text.lang import extract_claims_any

from conftest import ROOT, SHARED
from helpers import dense_min_distance, polygon_rings
from slavic_corpus import RU, RU_MORE, RU_THIRD, UK, UK_MORE, UK_THIRD
from slavic_places import PLACES

DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"
SEEDS = yaml.safe_load((ROOT / "seeds" / "claims.yaml").read_text(encoding="utf-8"))
FRONT_LENGTH_KM = next(
    c["independent_km"]["deepstate_contact_line"] for c in SEEDS["claims"] if c.get("kind") == "length"
)
GEOD = Geod(ellps="WGS84")
#: How far (km) a resolved target may lie from the cited coordinates (a facility in its town).
SAME_PLACE_KM = 15.0

pytestmark = pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")


@functools.cache
def _border_km(key: str) -> float:
    lat, lon = PLACES[key]
    return dense_min_distance(lat, lon, polygon_rings(ukraine().geometry), step_m=100.0)[0] / 1000.0


@functools.lru_cache(maxsize=1)
def _occupied_rings():
    return polygon_rings(gpd.read_file(DEEPSTATE).geometry.union_all())


@functools.cache
def _front_km(key: str) -> float:
    lat, lon = PLACES[key]
    return dense_min_distance(lat, lon, _occupied_rings(), step_m=100.0)[0] / 1000.0


def _geodesic_km(a: str, b: str) -> float:
    (lat1, lon1), (lat2, lon2) = PLACES[a], PLACES[b]
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def _truth_km(place, reference) -> float:
    if reference == "length":
        return float(FRONT_LENGTH_KM)
    if reference == "border":
        return _border_km(place)
    if reference == "front":
        return _front_km(place)
    return _geodesic_km(place, reference)


def _expected_verdict(figure: float, truth: float, sense: str, reference: str) -> str | None:
    """The verdict the figure deserves, or None when it lies too near a band edge to say."""
    allowance = 0.25 * truth if reference == "length" else 0.10 * truth + 12.0
    if sense == ">" and figure <= truth * 0.97:
        return "consistent"
    if sense == "<" and figure >= truth * 1.03:
        return "consistent"
    if sense == "~" and abs(figure - truth) <= allowance:
        return "consistent"
    if figure >= 1.3 * truth + 30.0 + (0.3 * truth if reference == "length" else 0.0):
        return "overstated"
    if figure <= 0.75 * truth - 20.0 and sense != ">":
        return "understated"
    return None


def _km_from(place, lat: float, lon: float) -> float:
    plat, plon = PLACES[place]
    return GEOD.inv(plon, plat, lon, lat)[2] / 1000.0


@pytest.fixture(scope="module")
def lookup(gazetteer):
    return CyrillicFirst(gazetteer)


@pytest.fixture(scope="module")
def judge(lookup):
    return Judge(lookup, date="2025-07-01", layer_file=str(DEEPSTATE))


def _matches(claim, verdict, expected, judge) -> bool:
    """True when ``claim`` is the expected claim: its figure, its reference, and a target (and
    reference place) that resolve within ``SAME_PLACE_KM`` of the cited coordinates."""
    figure, place, reference, _ = expected
    if abs(claim.claimed_km - figure) > 0.01 * figure:
        return False
    if reference == "length":
        return claim.kind == "length" and claim.reference_kind == "frontline"
    if verdict.target is None or _km_from(place, verdict.target.lat, verdict.target.lon) > SAME_PLACE_KM:
        return False
    if reference == "border":
        return claim.reference_kind in ("border", "ukraine")
    if reference == "front":
        return claim.reference_kind == "frontline"
    ref = (
        resolve_name(judge.gazetteer, claim.reference or "").place
        if claim.reference_kind == "place"
        else None
    )
    return ref is not None and _km_from(reference, ref.lat, ref.lon) <= SAME_PLACE_KM


def _score(corpus, lang, judge, lookup):
    found = agreed = total = 0
    misses = []
    for text, expected_claims in corpus:
        claims = extract_claims_any(text, lang, known=lookup.is_known)
        verdicts = judge.judge_all(claims)
        for expected in expected_claims:
            total += 1
            truth = _truth_km(expected[1], expected[2])
            want = _expected_verdict(expected[0], truth, expected[3], expected[2])
            hit = next(
                (v for c, v in zip(claims, verdicts, strict=True) if _matches(c, v, expected, judge)), None
            )
            if hit is None:
                misses.append((text, expected, [(c.target, c.claimed_km, c.reference) for c in claims]))
                continue
            found += 1
            if hit.verdict == want:
                agreed += 1
            else:
                misses.append((text, expected, f"verdict {hit.verdict}, expected {want}: {hit.explanation}"))
    return found / total, agreed / total, total, misses


@pytest.mark.parametrize("lang, corpus", [("uk", UK + UK_MORE + UK_THIRD), ("ru", RU + RU_MORE + RU_THIRD)])
def test_corpus_has_no_borderline_figures(lang, corpus):
    assert len(corpus) >= 60
    for text, expected_claims in corpus:
        for figure, place, reference, sense in expected_claims:
            truth = _truth_km(place, reference)
            assert _expected_verdict(figure, truth, sense, reference), (text, truth)


@pytest.mark.parametrize("lang, corpus", [("uk", UK + UK_MORE + UK_THIRD), ("ru", RU + RU_MORE + RU_THIRD)])
def test_recall_and_verdict_agreement(lang, corpus, judge, lookup):
    recall, agreement, total, misses = _score(corpus, lang, judge, lookup)
    print(f"\n{lang}: {total} claims, recall {recall:.1%}, verdict agreement {agreement:.1%}")
    for miss in misses:
        print("  miss:", miss)
    assert recall >= 0.90 and agreement >= 0.90, misses


@pytest.mark.parametrize("lang, corpus", [("uk", UK), ("ru", RU)])
def test_detected_language_reads_the_same(lang, corpus, lookup):
    # --lang is a hint, not a need: detection per sentence finds the same claims.
    for text, _ in corpus[:20]:
        forced = [c.to_json() for c in extract_claims_any(text, lang, known=lookup.is_known)]
        assert [c.to_json() for c in extract_claims_any(text, None, known=lookup.is_known)] == forced
