"""The columnar place table: the same places, in the same order, as the gazetteer's own
``all_places`` (Place objects built independently, row by row), and its copy on disk
round-trips and is dropped once the index file changes."""

from __future__ import annotations

import numpy as np

import geo.many.place_table as place_table_module
from geo.many.place_table import place_table


def test_columns_are_the_gazetteers_places_in_order(gazetteer):
    table = place_table(gazetteer)
    places = gazetteer.all_places()
    assert len(table) == len(places) > 200_000
    assert table.name.tolist() == [p.name for p in places]
    assert table.id.tolist() == [p.id for p in places]
    assert table.country_code.tolist() == [p.country_code for p in places]
    assert table.kind.tolist() == [p.kind for p in places]
    assert table.source.tolist() == [p.source for p in places]
    assert np.array_equal(table.lat, [p.lat for p in places])
    assert np.array_equal(table.lon, [p.lon for p in places])
    assert np.array_equal(table.population, [p.population for p in places])
    order = sorted(range(len(places)), key=lambda i: (places[i].name, places[i].id))
    assert np.array_equal(np.argsort(table.order_rank), order)


def test_disk_copy_round_trips_and_goes_stale(gazetteer, tmp_path, monkeypatch):
    table = place_table(gazetteer)
    monkeypatch.setattr(place_table_module, "_cache_path", lambda db: tmp_path / "places3")
    place_table_module._save(gazetteer.db_path, table)
    loaded = place_table_module._load(gazetteer.db_path)
    assert loaded is not None
    for field in ("name", "lat", "lon", "country_code", "population", "kind", "source", "id", "order_rank"):
        assert np.array_equal(getattr(loaded, field), getattr(table, field))
    monkeypatch.setattr(place_table_module, "_stamp", lambda db: "another index")
    assert place_table_module._load(gazetteer.db_path) is None
