"""Reference layers and exact distances to them, against independent brute force."""

from __future__ import annotations

import pytest

from geo.errors import LayerError
from geo.layers.borders import country_border


def test_country_border_by_code_name_and_errors():
    assert country_border("PL").name == country_border("Poland").name
    assert country_border("pol").geometry.equals(country_border("PL").geometry)
    with pytest.raises(LayerError, match="unknown country"):
        country_border("Narnia")


def test_one_layer_object_per_country_however_it_is_asked_for():
    # A map that shows Ukraine for two reasons (--from all, and the snapshot's context) must
    # get one layer, so it draws it once (once, on a cold cache, it drew it twice).
    assert country_border("UA") is country_border("Ukraine") is country_border("ua")


def test_main_territory_is_the_mainland_with_its_part_across_the_antimeridian():
    """Russia's main territory holds Moscow and eastern Chukotka (66° N 172° W: cut from the rest at
    ±180° by the data set) but not Kaliningrad (an exclave); a country of one polygon has none.
    Coordinates: GeoNames (Moscow 524901, Kaliningrad 554234)."""
    from geo.layers.borders import main_territory
    from geo.measure.prepared import inside_layer

    main = main_territory(country_border("RU"))
    assert main is not None
    assert inside_layer(55.75222, 37.61556, main)  # Moscow
    assert inside_layer(66.0, -172.0, main)  # Chukotka, east of the antimeridian
    assert not inside_layer(54.70649, 20.51095, main)  # Kaliningrad
    assert inside_layer(54.70649, 20.51095, country_border("RU"))
    assert main_territory(country_border("MD")) is None  # Moldova: one polygon
