"""Range queries over every gazetteer place, checked against independent computations."""

from __future__ import annotations

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.errors import GeoError
from geo.layers.borders import country_border
from geo.layers.frontline import frontline_snapshot
from geo.many.ranges import range_query
from geo.measure.prepared import distance_to_layer
from geo.model import Place

from helpers import dense_min_distance, polygon_rings

IZHEVSK_ID = "554840"  # GeoNames
ENGELS_ID = "ourairports-RU-8602"  # data/airfields.csv (OurAirports)
GEOD = Geodesic.WGS84


@pytest.fixture(scope="module")
def ru_1200(ua, gazetteer):
    return range_query(ua, 1200, gazetteer, countries=["RU"])


def _by_id(rows, place_id):
    found = [r for r in rows if r.id == place_id]
    return found[0] if found else None


def test_izhevsk_within_1200_km_with_the_exact_distance(ua, ru_1200):
    row = _by_id(ru_1200, IZHEVSK_ID)
    assert row is not None and row.name == "Izhevsk" and row.country_code == "RU"
    truth, tlat, tlon = dense_min_distance(row.lat, row.lon, polygon_rings(ua.geometry))
    assert abs(row.distance_km * 1000 - truth) <= 1.0
    # The reported nearest point is the one dense sampling finds, and really at that distance.
    assert GEOD.Inverse(row.nearest_lat, row.nearest_lon, tlat, tlon)["s12"] <= 50.0
    assert abs(GEOD.Inverse(row.lat, row.lon, row.nearest_lat, row.nearest_lon)["s12"] - truth) <= 1.0
    assert row.band_km == 1200
    assert isinstance(row.near_place, str) and row.near_place  # named after a Ukrainian place


def test_izhevsk_not_within_1100_km(ua, gazetteer):
    rows = range_query(ua, 1100, gazetteer, countries=["RU"])
    assert _by_id(rows, IZHEVSK_ID) is None
    assert rows and all(r.distance_km <= 1100 for r in rows)


def test_rows_sorted_by_distance_and_within_range(ru_1200):
    d = [r.distance_km for r in ru_1200]
    assert d == sorted(d) and d[-1] <= 1200
    assert {r.country_code for r in ru_1200} == {"RU"}


def test_bands_are_the_smallest_distance_each_place_lies_within(ua, gazetteer):
    bands = [1500, 500, 1000]  # any order
    rows = range_query(ua, bands, gazetteer, countries=["RU"])
    assert {r.band_km for r in rows} == {500, 1000, 1500}
    for r in rows:
        assert r.band_km == min(b for b in bands if r.distance_km <= b)
    assert _by_id(rows, IZHEVSK_ID).band_km == 1500
    # The same places as a single 1,500 km query.
    assert [r.id for r in rows] == [r.id for r in range_query(ua, 1500, gazetteer, countries=["RU"])]


def test_min_population_drops_small_places_but_keeps_facilities(ua, gazetteer, ru_1200):
    big = range_query(ua, 1200, gazetteer, countries=["RU"], min_population=100_000)
    assert big and all(r.population >= 100_000 for r in big if r.kind == "populated place")
    assert {r.id for r in big} < {r.id for r in ru_1200}
    assert _by_id(big, IZHEVSK_ID) is not None
    assert _by_id(big, ENGELS_ID) is not None  # a facility has no population but is kept


def test_kinds_airbase(ua, gazetteer):
    rows = range_query(ua, 1500, gazetteer, kinds=["airbase"])
    assert rows and {r.kind for r in rows} == {"airbase"}
    engels = _by_id(rows, ENGELS_ID)
    assert engels is not None and engels.name == "Engels-2 air base" and engels.source == "airfields.csv"
    truth, _, _ = dense_min_distance(engels.lat, engels.lon, polygon_rings(ua.geometry))
    assert abs(engels.distance_km * 1000 - truth) <= 1.0
    with pytest.raises(GeoError, match="unknown kind"):
        range_query(ua, 100, gazetteer, kinds=["spaceport"])


def test_bad_distances_are_clear_errors(ua, gazetteer):
    for bad in (0, -5, [], float("nan"), "far"):
        with pytest.raises(GeoError, match="range distances"):
            range_query(ua, bad, gazetteer)


def test_prefilter_loses_no_place_in_range(ua, gazetteer):
    """Range query == the exact kernel run on every place (RU, UA, BY, PL; 500 km)."""
    countries = ["RU", "UA", "BY", "PL"]
    places = gazetteer.all_places(countries=countries)
    lat = np.array([p.lat for p in places])
    lon = np.array([p.lon for p in places])
    exact = distance_to_layer(lat, lon, ua)
    within = {p.id: d for p, d in zip(places, exact.distance_m, strict=True) if d <= 500_000}
    rows = range_query(ua, 500, gazetteer, countries=countries)
    assert {r.id for r in rows} == set(within)
    assert len(within) > 5000  # the test means something: many places, near and far
    # Same distances (the kernel is exact to < 1 mm; how points are batched may move the last bits).
    assert max(abs(r.distance_km * 1000 - within[r.id]) for r in rows) < 1e-6
    inside = [r for r in rows if r.distance_km == 0]
    assert inside and all(r.country_code == "UA" for r in inside)
    assert all((r.nearest_lat, r.nearest_lon) == (r.lat, r.lon) for r in inside)


def test_point_reference_is_plain_geodesic(gazetteer):
    moscow = Place("Moscow", 55.75204, 37.61781, "RU", "geonames-cities500", "524901", 10381222)
    rows = range_query(moscow, [50, 100], gazetteer)
    assert rows[0].id == "524901" and rows[0].distance_km == 0
    for r in rows:
        assert (r.nearest_lat, r.nearest_lon) == (moscow.lat, moscow.lon)
        assert r.near_place is None
        assert abs(GEOD.Inverse(moscow.lat, moscow.lon, r.lat, r.lon)["s12"] - r.distance_km * 1000) < 1e-6
    # Every place within 100 km (independent check over a box around Moscow).
    box = [
        p
        for p in gazetteer.all_places(countries=["RU"])
        if abs(p.lat - 55.75) < 1.5 and abs(p.lon - 37.6) < 2.5
    ]
    truth = {p.id for p in box if GEOD.Inverse(moscow.lat, moscow.lon, p.lat, p.lon)["s12"] <= 100_000}
    assert {r.id for r in rows} == truth


def test_inside_controlled_territory_is_zero_and_named(gazetteer):
    ctl = frontline_snapshot("2025-07-01").controlled
    rows = range_query(ctl, 30, gazetteer, countries=["UA"], min_population=500_000)
    kyiv = _by_id(rows, "703448")
    assert kyiv is not None and kyiv.distance_km == 0 and kyiv.near_place == "Kyiv"


def test_non_ukrainian_layer_has_no_near_place(gazetteer):
    rows = range_query(country_border("PL"), 20, gazetteer, countries=["DE"], min_population=20_000)
    assert rows and all(r.near_place is None for r in rows)


@pytest.mark.parametrize("limit_km", [300, 3000, 18_200, 19_000, 20_000])
def test_places_settled_by_a_vertex_are_in_range(ua, limit_km):
    """The shortcut past the lower bound (a chord bound from Schur's theorem, else one inverse
    to a boundary vertex) never settles a point beyond the range: every settled point of a
    uniform sample of the globe is within it by the exact distance to the border (the kernel
    checked against dense sampling above), and most are settled at the long ranges."""
    import geo.many.ranges as ranges

    rng = np.random.default_rng(limit_km)
    lat = np.concatenate([np.degrees(np.arcsin(rng.uniform(-1, 1, 2000))), rng.uniform(40, 60, 1000)])
    lon = np.concatenate([rng.uniform(-180, 180, 2000), rng.uniform(15, 50, 1000)])
    settled = ranges._within_of_a_vertex(ua.segments(), lat, lon, limit_km * 1000.0)
    exact = distance_to_layer(lat, lon, ua).distance_m
    assert np.all(exact[settled] <= limit_km * 1000.0) and settled.any()
    if limit_km >= 18_200:
        assert settled.mean() > 0.9


def test_rows_are_ordered_by_distance_then_name_as_lexsort_orders_them():
    """The sort of the results (one sort of the distances, a second over the tied rows only)
    against NumPy's own two-key ``lexsort``, with many ties (places inside share 0 km)."""
    import geo.many.ranges as ranges

    rng = np.random.default_rng(5)
    for n in (0, 1, 2, 10, 1000, 50_000):
        d = rng.integers(0, max(n // 3, 1), n).astype(float)
        far = rng.random(n) < 0.5
        d[far] = rng.uniform(0, 1e6, far.sum())
        rank = rng.permutation(n)
        assert np.array_equal(ranges._order(d, rank), np.lexsort((rank, d)))
