"""Controlled territory derived from a real occupied polygon must have no border slivers.

Uses the independent DeepStateMap snapshot in ../shared/data/frontline (validation data, read
from there, never copied). Its border line differs from Natural Earth's, so Ukraine minus
the polygon leaves thin "controlled" strips along the Russian border in occupied Luhansk
oblast; a nearest point on such a strip is wrong.
"""

from __future__ import annotations

import geopandas as gpd
import pytest

from geo.layers.borders import country_border, ukraine
from geo.layers.layer import Layer
from geo.layers.territory import controlled_from_occupied
from geo.measure.prepared import distance_to_layer

from conftest import SHARED

DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"
pytestmark = pytest.mark.skipif(not DEEPSTATE.exists(), reason=f"validation data not found at {DEEPSTATE}")

# GeoNames coordinates: Millerovo (RU, 527191) and Rostov-on-Don (RU, 501175), both near occupied oblasts.
MILLEROVO = (48.92206, 40.39833)
ROSTOV = (47.23135, 39.72328)


@pytest.fixture(scope="module")
def derived():
    occupied = gpd.read_file(DEEPSTATE).geometry.union_all()
    occ, ctl, contact = controlled_from_occupied(occupied)
    raw = ukraine().geometry.difference(occupied)
    mk = lambda g, kind: Layer("t", kind, g, "test", "test", "test")  # noqa: E731
    return {
        "occupied": occupied,
        "controlled": mk(ctl, "polygon"),
        "raw": mk(raw, "polygon"),
        "contact": mk(contact, "line"),
        "russia": country_border("RU"),
    }


@pytest.mark.parametrize("place", [MILLEROVO, ROSTOV])
def test_the_trap_exists_in_naive_difference(derived, place):
    # Naive Ukraine − occupied: the nearest "controlled" ground is a strip at the Russian border.
    raw = distance_to_layer(*place, derived["raw"])
    to_russia_edge = distance_to_layer(raw.nearest_lat[0], raw.nearest_lon[0], derived["russia"])
    assert to_russia_edge.distance_m[0] < 3_000


@pytest.mark.parametrize("place", [MILLEROVO, ROSTOV])
def test_nearest_controlled_point_lies_on_the_line_of_contact(derived, place):
    res = distance_to_layer(*place, derived["controlled"])
    lat, lon = res.nearest_lat[0], res.nearest_lon[0]
    # Far from Russia's border (the slivers lie within a few km of it) ...
    assert distance_to_layer(lat, lon, derived["russia"]).distance_m[0] > 20_000
    # ... and on the DeepState polygon's own boundary, i.e. the front line (within 10 m).
    on_front = distance_to_layer(lat, lon, derived["contact"]).distance_m[0]
    assert on_front < 10.0
    # and much farther than the naive answer.
    naive = distance_to_layer(*place, derived["raw"]).distance_m[0]
    assert res.distance_m[0] > naive + 50_000


def test_contact_line_drops_border_and_coast(derived):
    contact = derived["contact"].geometry
    ua_edge = ukraine().geometry.boundary
    # No part of the derived line of contact runs along the international border or coast.
    assert contact.length > 0
    assert contact.intersection(ua_edge.buffer(0.02)).length / contact.length < 0.01


def test_controlled_and_occupied_share_their_boundary(derived):
    ctl = derived["controlled"].geometry
    occ, *_ = controlled_from_occupied(derived["occupied"])
    assert ctl.intersection(occ).area < 1e-6  # no overlap (square degrees)
    ua = ukraine().geometry
    gap = ua.difference(ctl.union(occ)).area
    assert gap / ua.area < 1e-5  # they tile Ukraine, up to projection round-off (< 10 ppm)
