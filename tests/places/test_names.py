"""Place-name folding."""

from __future__ import annotations

from geo.places.names import fold


def test_fold():
    assert fold("Zaporiz’hzhia") == "zaporizhzhia"
    assert fold("Rostov-on-Don") == "rostov on don"
    assert fold("St. Petersburg") == fold("Saint-Petersburg")
