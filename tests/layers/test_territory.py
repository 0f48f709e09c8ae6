"""Reference layers and exact distances to them, against independent brute force."""

from __future__ import annotations

import pytest
from shapely.geometry import box

from geo.errors import LayerError
from geo.layers.territory import split_territory


def test_split_territory_leaves_kyiv_controlled():
    square = box(30.0, 45.0, 40.0, 52.0)
    from shapely.geometry import LineString

    line = LineString([(36.0, 53.0), (36.0, 44.0)])
    occ, ctl = split_territory(square, [line])
    assert ctl.contains(box(30.5, 50.0, 30.6, 50.6))
    assert occ.bounds[0] == pytest.approx(36.0)
    with pytest.raises(LayerError, match="cuts nothing off"):
        split_territory(square, [LineString([(20.0, 53.0), (20.0, 44.0)])])
