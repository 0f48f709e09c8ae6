"""The cached country columns are the shapefile's rows, exactly, and survive a bad cache."""

from __future__ import annotations

import numpy as np
import shapely

from geo.layers import country_table as ct
from geo.layers.borders import countries_frame


def _same(a: ct.CountryTable, df) -> None:
    assert list(a.code) == [str(c) for c in df["code"]]
    assert list(a.name) == [str(n) for n in df["NAME"]]
    np.testing.assert_array_equal(a.label_x, np.asarray(df["LABEL_X"], float))
    np.testing.assert_array_equal(a.label_y, np.asarray(df["LABEL_Y"], float))
    np.testing.assert_array_equal(a.label_rank, np.asarray(df["LABELRANK"], float))
    assert len(a.geometry) == len(df)
    for g, h in zip(a.geometry, df.geometry, strict=True):
        assert (g is None and h is None) or shapely.equals_exact(g, h, tolerance=0.0)


def test_cached_columns_are_the_shapefile_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    ct.country_table.cache_clear()
    try:
        first = ct.country_table()  # read from the shapefile, written to the cache
        assert ct._cache_path().exists()
        ct.country_table.cache_clear()
        again = ct.country_table()  # read back from the cache
    finally:
        ct.country_table.cache_clear()
    df = countries_frame()
    _same(first, df)
    _same(again, df)
    assert "UA" in set(again.code) and "RU" in set(again.code)


def test_a_garbage_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    ct.country_table.cache_clear()
    try:
        ct._cache_path().write_bytes(b"not an npz")
        table = ct.country_table()
    finally:
        ct.country_table.cache_clear()
    _same(table, countries_frame())
    assert ct._load(tmp_path / next(p.name for p in tmp_path.glob("*.npz"))) is not None
