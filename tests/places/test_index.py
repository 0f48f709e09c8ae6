"""The gazetteer's SQLite index: rebuilt under a new name when a source changes."""

from __future__ import annotations

import pytest

from geo.errors import UnknownPlaceError


def test_index_is_rebuilt_when_places_csv_changes(tmp_path):
    from geo.places.gazetteer import Gazetteer
    from geo.places.index import PLACES_CSV

    csv_copy = tmp_path / "places.csv"
    text = PLACES_CSV.read_text(encoding="utf-8")
    csv_copy.write_text(text, encoding="utf-8")
    g1 = Gazetteer.default(cache_dir=tmp_path / "cache", places_csv=csv_copy)
    csv_copy.write_text(
        text + 'test-site,Test Radar Site,,50.0,40.0,RU,,radar,0,1,"test row",\n', encoding="utf-8"
    )
    g2 = Gazetteer.default(cache_dir=tmp_path / "cache", places_csv=csv_copy)
    assert g1.db_path != g2.db_path
    assert g2.resolve("Test Radar Site").lat == 50.0
    with pytest.raises(UnknownPlaceError):
        g1.lookup("Test Radar Site", countries=["RU"])
