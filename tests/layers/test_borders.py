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
