"""The name pool's in-memory scans give exactly what SQLite gives for the same queries."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, process

from geo.places.name_pool import NamePool
from geo.places.ranking import SUGGESTION_CUTOFF

WORDS = ["belbek", "engels", "olenia", "kupol", "saki", "morozovsk", "millerovo", "novoshakhtinsk", "oil"]


@pytest.fixture(scope="module")
def pool(gazetteer):
    return NamePool(gazetteer._con)


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("leading", [False, True])
def test_facility_scan_is_sqlite_like(pool, word, leading):
    """Facility names matched in memory are the rows of SQLite's own ``LIKE`` query, in
    table order, for a word anywhere (``% w %``) and at the start (`` w %``), any case."""
    kinds = ("airbase", "plant", "refinery", "port", "radar")
    for text in (word, word.upper(), word.capitalize()):
        pattern = f" {text} %" if leading else f"% {text} %"
        q = ",".join("?" * len(kinds))
        expected = pool.con.execute(
            f"SELECT pid, raw FROM facility_names WHERE kind IN ({q}) AND (' ' || skel || ' ') LIKE ? "
            "ORDER BY rowid",
            (*kinds, pattern),
        ).fetchall()
        assert pool._facilities_like(kinds, pattern) == expected


@pytest.mark.parametrize("typo", ["Kharkof", "Mariupl", "Bakhmot", "Belgorot", "Zaporihzzhia", "Charkiv"])
def test_fuzzy_keys_are_the_deduplicated_scoring(pool, typo):
    """Fuzzy keys equal rapidfuzz's scoring of the de-duplicated bucket keys (first 60)."""
    key = typo.casefold()
    spread = 1 + len(key) // 12
    rows = pool.con.execute(
        "SELECT keys FROM fuzzy_keys WHERE len BETWEEN ? AND ? "
        "AND ((position = 0 AND letter = ?) OR (position = 1 AND letter = ?))",
        (len(key) - spread, len(key) + spread, key[:1], key[1:2]),
    ).fetchall()
    keys = list(dict.fromkeys(k for (text,) in rows for k in text.split("\n")))
    hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=60)
    assert pool.fuzzy_keys(key) == [(k, s) for k, s, _ in hits]
