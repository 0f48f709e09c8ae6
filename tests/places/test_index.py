"""The gazetteer's SQLite index: rebuilt under a new name when a source changes."""

from __future__ import annotations

import shutil

import pytest

from geo.config import DATA_DIR
from geo.errors import UnknownPlaceError
from geo.places.gazetteer import Gazetteer
from geo.places.index import facility_files


def test_index_is_rebuilt_when_a_facility_table_changes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for path in facility_files(DATA_DIR):
        shutil.copy(path, data / path.name)
    g1 = Gazetteer.default(cache_dir=tmp_path / "cache", data_dir=data)
    table = data / "facilities_military.csv"
    with open(table, "a", encoding="utf-8") as fh:
        fh.write('test-site,Test Radar Site,,radar,50.0,40.0,RU,,1,"test row",https://example.org,\n')
    g2 = Gazetteer.default(cache_dir=tmp_path / "cache", data_dir=data)
    assert g1.db_path != g2.db_path
    place = g2.resolve("Test Radar Site")
    assert (place.lat, place.kind, place.precision_km, place.source) == (50.0, "radar", 1.0, table.name)
    with pytest.raises(UnknownPlaceError):
        g1.lookup("Test Radar Site", countries=["RU"])
