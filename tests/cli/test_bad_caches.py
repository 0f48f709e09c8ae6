"""Damaged caches are rebuilt, not a crash; an unusable GEO_CACHE_DIR is one clear error (issue 15)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from geo.places.index_health import drop_unsound_index


def _small_index(path):
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT); INSERT INTO meta VALUES ('fingerprint', 'x');"
        "CREATE TABLE places (pid INTEGER PRIMARY KEY, name TEXT);"
        + "".join(f"INSERT INTO places VALUES ({i}, '{'n' * 200}');" for i in range(200))
    )
    con.commit()
    con.close()
    return path


def test_a_whole_index_is_kept(tmp_path):
    db = _small_index(tmp_path / "gazetteer.sqlite")
    drop_unsound_index(db)
    assert db.exists()


@pytest.mark.parametrize("damage", ["zero-bytes", "truncated", "garbage", "no-fingerprint"])
def test_a_damaged_index_is_deleted_so_that_it_is_rebuilt(tmp_path, damage):
    db = _small_index(tmp_path / "gazetteer.sqlite")
    data = db.read_bytes()
    if damage == "zero-bytes":
        db.write_bytes(b"")
    elif damage == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    else:
        con = sqlite3.connect(db)
        con.execute("DELETE FROM meta")
        con.commit()
        con.close()
    drop_unsound_index(db)
    assert not db.exists()


def _geo(env_cache, *args):
    return subprocess.run(
        [sys.executable, "-m", "geo.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "GEO_CACHE_DIR": str(env_cache)},
        timeout=300,
    )


def test_cache_dir_that_is_a_file_is_one_clear_error(tmp_path):
    not_a_dir = tmp_path / "cache-file"
    not_a_dir.write_text("I am a file")
    r = _geo(not_a_dir, "distance", "Kyiv", "--from", "Lviv")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().startswith("geo: error:") and "GEO_CACHE_DIR" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not_a_dir.read_text() == "I am a file"


def test_a_damaged_country_cache_is_read_again(tmp_path):
    from geo.config import cache_dir

    cache = tmp_path / "cache"
    cache.mkdir()
    for index in cache_dir().glob("gazetteer-*.sqlite"):  # the (large) index is shared, read-only
        (cache / index.name).symlink_to(index)
    good = _geo(cache, "distance", "Kyiv", "--from", "Poland", "--json")
    assert good.returncode == 0, good.stderr
    (wkb,) = cache.glob("*-PL.wkb")
    for damage in (b"", b"Poland\n\x01\x06\x00\x00\x00"):  # zero bytes; a truncated multipolygon
        wkb.write_bytes(damage)
        again = _geo(cache, "distance", "Kyiv", "--from", "Poland", "--json")
        assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
        assert again.stdout == good.stdout
        assert wkb.stat().st_size > 1000  # rewritten whole
