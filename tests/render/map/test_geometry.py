"""The geometry the maps draw: the measured geodesic, range rings, the antimeridian frame.

Expected distances come from GeographicLib (``geographiclib``) or from the brute-force
sampler in ``helpers.dense_min_distance``, never from the code under test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.core.paths import geodesic_path, into_frame, unwrap_lon
from geo.core.rings import RING_TARGET_ERROR, point_ring
from geo.errors import GeoError
from geo.measure.measurements import measure_places
from geo.measure.prepared import distance_to_layer
from geo.measure.rings import layer_ring
from geo.model import Place
from geo.render.map.compose import build_map
from geo.render.map.embed import render_html
from geo.render.map.vectors import GeodesicLine, RingLines

from helpers import dense_min_distance, polygon_rings

G = Geodesic.WGS84
MI = 1.609344


def place(name, lat, lon, cc="RU", pid="1"):
    return Place(name, lat, lon, cc, "geonames-cities500", pid)


# -- the measured line -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ((55.75204, 37.61781), (56.85225, 53.19862)),  # Moscow → Izhevsk
        ((50.45466, 30.5238), (43.10562, 131.87353)),  # Kyiv → Vladivostok, 7,000+ km
        ((-33.86785, 151.20732), (51.50853, -0.12574)),  # Sydney → London, near-antipodal-ish
    ],
)
def test_geodesic_path_is_dense_and_on_the_geodesic(a, b):
    total = G.Inverse(*a, *b)["s12"]
    lat, lon = geodesic_path(*a, *b)
    assert len(lat) >= math.ceil(total / 10_000) + 1  # a vertex every 10 km at most
    assert (lat[0], lat[-1]) == (a[0], b[0])
    assert np.all(np.abs(np.diff(lon)) < 5.0)  # continuous, never the long way round
    step = [G.Inverse(lat[i], lon[i], lat[i + 1], lon[i + 1])["s12"] for i in range(len(lat) - 1)]
    assert max(step) <= 10_000.0 + 1e-6
    for i in (1, len(lat) // 3, len(lat) // 2, len(lat) - 2):
        via = G.Inverse(*a, lat[i], lon[i])["s12"] + G.Inverse(lat[i], lon[i], *b)["s12"]
        assert abs(via - total) < 1.0, i  # on the geodesic: no detour


def test_map_draws_the_geodesic_not_a_two_point_segment(izhevsk_measurement):
    m = build_map([izhevsk_measurement])
    lines = [c for c in m._children.values() if isinstance(c, GeodesicLine)]
    assert len(lines) == 1
    locs = lines[0].locations
    assert len(locs) >= 119  # 1,187 km at ≤ 10 km per segment
    t = izhevsk_measurement.target
    assert locs[-1] == pytest.approx([t.lat, t.lon], abs=1e-5)
    # its midpoint lies on the geodesic from the nearest border point to Izhevsk
    start = locs[0]
    total = G.Inverse(*start, t.lat, t.lon)["s12"]
    mid = locs[len(locs) // 2]
    assert abs(G.Inverse(*start, *mid)["s12"] + G.Inverse(*mid, t.lat, t.lon)["s12"] - total) < 1.0


def test_the_line_label_states_the_figure_in_km_and_mi(izhevsk_measurement, ua):
    # the figure on the line is rounded as the title, caption and alt text round it (to 10
    # above 100); the popup keeps a decimal
    t = izhevsk_measurement.target
    truth_m, _, _ = dense_min_distance(t.lat, t.lon, polygon_rings(ua.geometry), step_m=200.0)
    expected = f"{round(truth_m / 10_000) * 10:,} km ({round(truth_m / 10_000 / MI) * 10:,} mi)"
    assert expected == "1,190 km (740 mi)"
    m = build_map([izhevsk_measurement])
    figures = [lab.text for lab in m.geo_labels.labels if lab.kind == "figure"]
    assert figures == [expected]
    page = render_html(m)
    assert f"<h1>Izhevsk is about {expected} from" in page
    assert f"{truth_m / 1000:,.1f} km / {truth_m / 1000 / MI:,.1f} mi" in page  # the popup


# -- range rings -----------------------------------------------------------------------------
@pytest.mark.parametrize("radius_km", [100.0, 500.0, 2000.0])
def test_point_ring_vertices_are_at_the_radius(radius_km):
    lat0, lon0 = 49.98081, 36.25272  # Kharkiv
    ring = point_ring(lat0, lon0, radius_km)
    ((lat, lon),) = ring.lines
    assert len(lat) == 361
    d = np.array([G.Inverse(lat0, lon0, la, lo)["s12"] for la, lo in zip(lat, lon, strict=True)])
    assert np.max(np.abs(d - radius_km * 1000)) < 1.0


@pytest.mark.parametrize("radius_km", [500.0, 1500.0])
def test_ring_around_the_ukraine_border_is_at_the_radius(ua, radius_km):
    ring = layer_ring(ua, radius_km)
    r_m = radius_km * 1000
    lat = np.concatenate([la for la, _ in ring.lines])
    lon = np.concatenate([lo for _, lo in ring.lines])
    assert len(lat) > 2 * math.pi * radius_km / 25  # densified: ≤ ~20 km between vertices
    exact = distance_to_layer(lat, np.mod(lon + 180, 360) - 180, ua)
    assert not exact.inside.any()
    rel = np.abs(exact.distance_m - r_m) / r_m
    assert rel.max() <= 0.005  # the promise
    assert rel.max() <= RING_TARGET_ERROR * 1.0001  # what the correction reaches
    assert ring.max_error_m == pytest.approx(float(np.abs(exact.distance_m - r_m).max()), abs=1e-6)
    # independent check of a few vertices by brute-force sampling of the border
    rings = polygon_rings(ua.geometry)
    for i in np.linspace(0, len(lat) - 1, 6).astype(int):
        truth, _, _ = dense_min_distance(float(lat[i]), float(lon[i]), rings, step_m=500.0)
        assert abs(truth - r_m) / r_m < 0.005
        assert abs(truth - exact.distance_m[i]) < 0.5


def test_the_aeqd_buffer_alone_is_not_good_enough(ua):
    raw = layer_ring(ua, 1500.0, max_iterations=0)
    fixed = layer_ring(ua, 1500.0)
    assert raw.max_relative_error > 1e-3  # km off before correction
    assert fixed.max_relative_error < raw.max_relative_error / 50


def test_ring_around_a_front_line_and_controlled_territory(snapshot):
    for layer, radius in ((snapshot.line, 300.0), (snapshot.controlled, 800.0)):
        ring = layer_ring(layer, radius)
        lat = np.concatenate([la for la, _ in ring.lines])
        lon = np.concatenate([lo for _, lo in ring.lines])
        d = distance_to_layer(lat, lon, layer).distance_m
        assert np.max(np.abs(d - radius * 1000)) / (radius * 1000) < 0.005


def test_ring_radius_must_be_positive(ua):
    with pytest.raises(GeoError, match="positive radius"):
        layer_ring(ua, 0)


# -- antimeridian ----------------------------------------------------------------------------
def test_antimeridian_lines_and_rings_are_continuous():
    anadyr, nome = place("Anadyr", 64.73424, 177.5103), place("Nome", 64.5011, -165.4064, "US")
    m = build_map([measure_places(nome, anadyr)], rings_km=(500, 1000), ring_origin=anadyr)
    line = next(c for c in m._children.values() if isinstance(c, GeodesicLine))
    lon = np.array(line.locations)[:, 1]
    assert np.all(np.abs(np.diff(lon)) < 1.0)
    assert lon[-1] == pytest.approx(-165.4064)  # the target stays where it is...
    assert lon[0] == pytest.approx(177.5103 - 360)  # ...and Anadyr joins it across ±180
    truth = G.Inverse(64.73424, 177.5103, 64.5011, -165.4064)["s12"]
    assert truth < 1_000_000  # 815 km the short way, not 40,000 km minus that
    for ring in m.geo_rings:
        ((la, lo),) = ring.lines
        assert np.all(np.abs(np.diff(lo)) < 5.0)
        assert lo.max() - lo.min() < 60


def test_unwrap_and_frame():
    assert unwrap_lon([170.0, 179.0, -179.0, -170.0]).tolist() == [170.0, 179.0, 181.0, 190.0]
    assert unwrap_lon([179.0, -179.0], center=-170.0).tolist() == [-181.0, -179.0]
    assert into_frame(np.array([-179.0, 179.0]), 175.0).tolist() == [181.0, 179.0]


def test_the_kamchatka_ring_is_drawn_in_its_origins_copy_of_the_world():
    # A 5,000 km ring around Kyiv encloses the North Pole; on a map centred on a far-east
    # target it was drawn a whole world to the east. Its southern crossing of Kyiv's
    # meridian (the direct problem, independently) must lie at Kyiv's longitude.
    kyiv = place("Kyiv", 50.45466, 30.5238, "UA")
    kamchatka = place("Petropavlovsk-Kamchatsky", 53.04444, 158.65076)
    m = build_map([measure_places(kamchatka, kyiv)], rings_km=(5000,), ring_origin=kyiv)
    line = next(c for c in m._children.values() if isinstance(c, GeodesicLine))
    assert line.path_lon[0] == pytest.approx(30.5238, abs=1e-3)  # the line starts at Kyiv
    south = G.Direct(50.45466, 30.5238, 180.0, 5_000_000)
    rings = [c for c in m._children.values() if isinstance(c, RingLines)]
    pts = np.concatenate([np.array(ln.locations) for r in rings for ln in r._children.values()])
    near = pts[(np.abs(pts[:, 1] - 30.5238) < 1.0) & (np.abs(pts[:, 0] - south["lat2"]) < 0.5)]
    assert len(near) >= 1, (pts[:, 1].min(), pts[:, 1].max())
