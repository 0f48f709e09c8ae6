"""Naming a point after its nearest town: the direct comparison (a few points, no SciPy)
and the k-d tree (many points) name the same towns, and the town named is the
geodesically nearest, checked with ``pyproj.Geod.inv`` against every candidate."""

from __future__ import annotations

import numpy as np

import geo.places.gazetteer as gazetteer_module
from geo.core.geodesic import WGS84


def test_direct_and_tree_naming_agree(gazetteer, monkeypatch):
    rng = np.random.default_rng(12)
    lat, lon = rng.uniform(44.5, 52.0, 60), rng.uniform(22.5, 40.0, 60)
    monkeypatch.setattr(gazetteer_module, "NEAREST_BRUTE_PAIRS", 10**12)
    direct = gazetteer.nearest_places(lat, lon, min_population=1000, k=2, country="UA")
    monkeypatch.setattr(gazetteer_module, "NEAREST_BRUTE_PAIRS", 0)
    tree = gazetteer.nearest_places(lat, lon, min_population=1000, k=2, country="UA")
    assert [[p.id for p in row] for row in direct] == [[p.id for p in row] for row in tree]


def test_named_town_is_the_geodesically_nearest(gazetteer):
    towns = gazetteer.all_places(countries=["UA"], min_population=1000)
    towns = [t for t in towns if t.kind == "populated place"]
    tlat = np.array([t.lat for t in towns])
    tlon = np.array([t.lon for t in towns])
    for lat, lon in [(49.59057, 40.11551), (46.2, 30.4), (51.3, 24.1)]:
        named = gazetteer.nearest_places(np.array([lat]), np.array([lon]), country="UA")[0][0]
        _, _, d = WGS84.inv(np.full(len(towns), lon), np.full(len(towns), lat), tlon, tlat)
        assert named.id == towns[int(np.argmin(d))].id


def test_town_names_alone_are_the_geodesically_nearest(gazetteer):
    """``nearest_town_names`` (names only, for naming many points): through the k-d tree,
    each name is that of the town nearest by ``pyproj.Geod.inv`` against every candidate."""
    towns = [
        t for t in gazetteer.all_places(countries=["UA"], min_population=1000) if t.kind == "populated place"
    ]
    tlat, tlon = np.array([t.lat for t in towns]), np.array([t.lon for t in towns])
    rng = np.random.default_rng(29)
    lat, lon = rng.uniform(44.5, 52.0, 3000), rng.uniform(22.5, 40.0, 3000)  # the k-d tree's path
    names = gazetteer.nearest_town_names(lat, lon, min_population=1000, country="UA")
    assert len(names) == len(lat)
    for i in range(0, len(lat), 150):
        _, _, d = WGS84.inv(np.full(len(towns), lon[i]), np.full(len(towns), lat[i]), tlon, tlat)
        assert names[i] == towns[int(np.argmin(d))].name
