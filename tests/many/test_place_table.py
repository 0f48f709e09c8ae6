"""The columnar place table: the same places, in the same order, as the gazetteer's own
``all_places`` (Place objects built independently, row by row); its copy on disk round-trips,
is rebuilt once the index file changes, and a truncated or damaged copy is rebuilt, never
trusted and never a traceback."""

from __future__ import annotations

import numpy as np
import pytest

import geo.many.place_table as place_table_module
from geo.many.place_table import TEXT_COLUMNS, place_table


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


def test_text_columns_are_the_values_own_text(gazetteer):
    """The UTF-8 columns writers use: each value's text (``repr`` of the coordinates, ``str``
    of the populations), and the rows a CSV writer must quote, found with Python's ``in``."""
    table = place_table(gazetteer)
    places = gazetteer.all_places()
    assert [b.decode() for b in table.utf8("lat").tolist()] == [repr(p.lat) for p in places]
    assert [b.decode() for b in table.utf8("lon").tolist()] == [repr(p.lon) for p in places]
    assert [b.decode() for b in table.utf8("population").tolist()] == [str(p.population) for p in places]
    assert [b.decode() for b in table.utf8("name").tolist()] == [p.name for p in places]
    quoted = [i for i, p in enumerate(places) if any(c in p.name for c in ',"\r\n')]
    assert table.special_rows("name").tolist() == quoted and len(quoted) > 0


@pytest.fixture
def disk_copy(gazetteer, tmp_path, monkeypatch):
    """The table's file moved to ``tmp_path`` and the in-memory copies forgotten, so that
    each ``place_table`` call reads (or rebuilds) the file."""
    path = tmp_path / "places3"
    monkeypatch.setattr(place_table_module, "_cache_path", lambda db: path)
    monkeypatch.setattr(place_table_module, "_TABLES", {})
    return path


def _fresh(gazetteer):
    place_table_module._TABLES.clear()
    return place_table(gazetteer)


def _same(a, b) -> None:
    for column in ("lat", "lon", "population", "order_rank"):
        assert np.array_equal(getattr(a, column), getattr(b, column)), column
    for column in TEXT_COLUMNS:
        assert np.array_equal(getattr(a, column), getattr(b, column)), column
        assert np.array_equal(a.special_rows(column), b.special_rows(column)), column
    for column in (*TEXT_COLUMNS, "lat", "lon", "population"):
        assert np.array_equal(a.utf8(column), b.utf8(column)), column
        assert np.array_equal(a.utf8_length(column), [len(v) for v in b.utf8(column).tolist()]), column


def test_disk_copy_round_trips_and_goes_stale(gazetteer, disk_copy, monkeypatch):
    built = _fresh(gazetteer)  # no file yet: built from the index and written
    assert disk_copy.exists()
    loaded = place_table_module._load(gazetteer.db_path)
    assert loaded is not None and loaded._text["name"] is None  # decoded only when asked
    _same(loaded, built)
    # another index file (its size or time changed): the copy is not used, and is rewritten
    monkeypatch.setattr(place_table_module, "_stamp", lambda db: "another index")
    assert place_table_module._load(gazetteer.db_path) is None
    before = disk_copy.stat().st_mtime_ns
    _same(_fresh(gazetteer), built)
    assert disk_copy.stat().st_mtime_ns != before
    assert place_table_module._load(gazetteer.db_path) is not None


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "bad header"])
def test_damaged_disk_copy_is_rebuilt(gazetteer, disk_copy, damage):
    built = _fresh(gazetteer)
    data = bytearray(disk_copy.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped byte":
        data[len(data) - 12345] ^= 0x20  # inside the columns: only the checksum can tell
    else:
        data[20:40] = b"{not json at all....."[:20]
    disk_copy.write_bytes(bytes(data))
    assert place_table_module._load(gazetteer.db_path) is None
    _same(_fresh(gazetteer), built)  # rebuilt from the index, silently
    assert place_table_module._load(gazetteer.db_path) is not None  # and written again


def test_unwritable_folder_still_gives_the_table(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setattr(place_table_module, "_cache_path", lambda db: tmp_path / "missing" / "places3")
    monkeypatch.setattr(place_table_module, "_TABLES", {})
    assert len(place_table(gazetteer)) > 200_000
    assert not (tmp_path / "missing").exists()


def test_a_text_the_file_cannot_hold_is_not_written(gazetteer, disk_copy):
    """A name ending in a NUL byte (NumPy ``S`` columns drop it) keeps the table off disk
    rather than letting the copy differ from the index."""
    rows = [("Nul\x00", 50.0, 30.0, "UA", 10, "populated place", "test", "1")]
    place_table_module._save(gazetteer.db_path, place_table_module._from_rows(rows))
    assert not disk_copy.exists()
    place_table_module._save(gazetteer.db_path, place_table_module._from_rows([("Nul", *rows[0][1:])]))
    loaded = place_table_module._load(gazetteer.db_path)
    assert loaded is not None and loaded.name.tolist() == ["Nul"]
