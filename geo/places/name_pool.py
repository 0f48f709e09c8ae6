"""Reading candidate places for a name out of the index: exact names, romanisation
variants, facilities by their town and kind, and fuzzy spellings (the steps are listed in
:mod:`geo.places.gazetteer`). Rows are ``(pid, how, matched name)``; nothing is ranked here.
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from geo.model import Place
from geo.places.names import skeleton
from geo.places.ranking import FUZZY_CUTOFF, SUGGESTION_CUTOFF, is_town, match_weight
from geo.places.vocabulary import DESCRIPTORS, FACILITY_KINDS, split_descriptor, strip_article

__all__ = ["FACILITY_NOT_LISTED", "NamePool", "place_of_row"]

FACILITY_NOT_LISTED = "facility not listed; the town is used"
#: Words (skeletons) that describe a facility without naming it: never matched alone.
GENERIC_WORDS = frozenset(
    skeleton(w)
    for w in "drone drones oil gas fuel military strategic missile aircraft chemical ammunition russian "
    "ukrainian naval sea river state federal main new old big large the of and".split()
)
#: A name borne by towns smaller than this also finds the facilities named after it
#: ("Belaya": the air base, not villages of 3,000); a bigger town keeps its name.
SMALL_TOWN = 20_000
#: SQL ``LIKE``'s case folding: ASCII capitals only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: Skeletons shorter than this are not matched as variants (too many collisions).
MIN_VARIANT_LENGTH = 5


class NamePool:
    """The index's name tables, read for one query at a time (``con``: an open index)."""

    def __init__(self, con: sqlite3.Connection):
        """Read from ``con``, an open SQLite connection to a gazetteer index."""
        self.con = con
        self._facilities: list[tuple[int, str, str, str, str]] | None = None
        self._prefixes: tuple[list[str], list[int]] | None = None
        self._buckets: dict[int, list[str]] = {}

    def fetch(self, pids: Sequence[int]) -> dict[int, tuple[Place, str]]:
        """``pid → (Place, region id)``."""
        if not pids:
            return {}
        q = ",".join("?" * len(pids))
        rows = self.con.execute(f"SELECT * FROM places WHERE pid IN ({q})", list(pids)).fetchall()
        return {r[0]: (place_of_row(r), r[11] or "") for r in rows}

    def exact(self, key: str) -> list[tuple[int, str, str]]:
        rows = self.con.execute("SELECT pid, primary_name, raw FROM names WHERE key = ?", (key,)).fetchall()
        return [(pid, "name" if flag else "alternate", raw) for pid, flag, raw in rows]

    def variants(self, key: str) -> list[tuple[int, str, str]]:
        skel = skeleton(key)
        if len(skel) < MIN_VARIANT_LENGTH:  # "kiv" would find Chisinau's airport code KIV
            return []
        rows = self.con.execute("SELECT pid, raw FROM names WHERE skel = ?", (skel,)).fetchall()
        return [(pid, "variant", raw) for pid, raw in rows]

    def facilities_in(
        self, core: str, kinds: Sequence[str], leading: bool = False
    ) -> list[tuple[int, str, str]]:
        """Facilities of ``kinds`` one of whose names holds the words of ``core`` (with
        ``leading``, begins with them). Failing that, the facilities named by the most
        specific word of ``core`` ("Kupol drone factory": Kupol), when that word is no
        generic one ("drone", "oil")."""
        skel = skeleton(core)
        rows = self._facilities_like(tuple(kinds), f" {skel} %" if leading else f"% {skel} %")
        if not rows and not leading:
            for word in sorted(set(skel.split()) - GENERIC_WORDS, key=len, reverse=True):
                rows = self._facilities_like(tuple(kinds), f"% {word} %")
                if rows:
                    break
        return [(pid, "facility", raw) for pid, raw in rows]

    def _facilities_like(self, kinds: tuple[str, ...], pattern: str) -> list[tuple[int, str]]:
        """``(pid, raw)`` of the facility names of ``kinds`` whose space-padded skeleton
        matches the SQL ``LIKE`` ``pattern``, in table order: the same rows as
        ``SELECT pid, raw FROM facility_names WHERE kind IN (…) AND (' ' || skel || ' ')
        LIKE ?`` (``%``/``_`` wildcards, ASCII case folded), from a copy of the small table
        held in memory instead of a scan per query."""
        wanted = set(kinds)
        body = pattern.strip("%")
        if "%" not in body and "_" not in body:  # "% x %" or " x %": a substring or a prefix test
            needle = body.translate(_ASCII_LOWER)
            if pattern.startswith("%"):
                return [
                    (pid, raw)
                    for pid, raw, _, kind, low in self._facility_rows()
                    if kind in wanted and needle in low
                ]
            rows = self._facility_rows()
            lows, order = self._facility_prefixes()
            first = bisect_left(lows, needle)
            last = bisect_left(lows, needle + "\U0010ffff", first)  # every text that starts so
            return [(rows[i][0], rows[i][1]) for i in sorted(order[first:last]) if rows[i][3] in wanted]
        like = re.compile(
            "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern),
            re.IGNORECASE | re.ASCII | re.DOTALL,
        )
        return [
            (pid, raw)
            for pid, raw, padded, kind, _ in self._facility_rows()
            if kind in wanted and like.fullmatch(padded)
        ]

    def _facility_rows(self) -> list[tuple[int, str, str, str, str]]:
        """Every facility name row ``(pid, raw, ' ' + skel + ' ', kind, the same padded
        skeleton with ASCII capitals lowered)``, read once."""
        if self._facilities is None:
            rows = self.con.execute("SELECT pid, raw, skel, kind FROM facility_names").fetchall()
            self._facilities = [
                (pid, raw, f" {skel} ", kind, f" {skel} ".translate(_ASCII_LOWER))
                for pid, raw, skel, kind in rows
            ]
        return self._facilities

    def _facility_prefixes(self) -> tuple[list[str], list[int]]:
        """The lowered padded skeletons of :meth:`_facility_rows` sorted, and the row of each:
        the rows that begin with a text are one run of it (found by bisection)."""
        if self._prefixes is None:
            pairs = sorted((low, i) for i, (_, _, _, _, low) in enumerate(self._facility_rows()))
            self._prefixes = ([low for low, _ in pairs], [i for _, i in pairs])
        return self._prefixes

    @lru_cache(maxsize=256)  # noqa: B019 - a Gazetteer lives for the process
    def fuzzy_keys(self, key: str) -> list[tuple[str, float]]:
        """Stored name keys sharing the query's first or second letter, within one character
        of its length (two past 12), whose rapidfuzz ratio to it is at least
        :data:`SUGGESTION_CUTOFF`, best first (60 at most): one pass serves both the fuzzy
        match and the suggestions."""
        from rapidfuzz import fuzz, process

        spread = 1 + len(key) // 12  # one letter more or less, two for long names
        lengths = (len(key) - spread, len(key) + spread)
        rowids = self.con.execute(
            "SELECT rowid FROM fuzzy_keys WHERE len BETWEEN ? AND ? "
            "AND ((position = 0 AND letter = ?) OR (position = 1 AND letter = ?))",
            (*lengths, key[:1], key[1:2]),
        ).fetchall()
        self._read_buckets([r[0] for r in rowids])
        # A name in both a first-letter and a second-letter bucket is scored twice; the
        # hits are sorted by score, then by position, so keeping each name's first hit gives
        # what scoring the de-duplicated list would (without building it per query).
        keys = list(chain.from_iterable(self._buckets[r[0]] for r in rowids))
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=None)
        return list(dict.fromkeys((k, s) for k, s, _ in hits))[:60]

    def _read_buckets(self, rowids: list[int]) -> None:
        """Read the ``fuzzy_keys`` rows not yet held, split once and kept (a warm process
        reads each bucket from the index at most once)."""
        missing = [r for r in rowids if r not in self._buckets]
        for start in range(0, len(missing), 500):  # well under SQLite's variable limit
            part = missing[start : start + 500]
            q = ",".join("?" * len(part))
            for rowid, text in self.con.execute(
                f"SELECT rowid, keys FROM fuzzy_keys WHERE rowid IN ({q})", part
            ):
                self._buckets[rowid] = text.split("\n")

    def only_small_towns_by_name(self, pool: list[tuple[int, str, str]]) -> bool:
        """True when the best candidate is a town under :data:`SMALL_TOWN` that bears the
        name as its own or as an alternate name ("Belbek": the village of Fruktove, once
        Bel'bek, beside Belbek air base), not only as another romanisation of it."""
        rows = self.fetch(sorted({r[0] for r in pool}))
        weights = [(match_weight(rows[pid][0], how), how, rows[pid][0]) for pid, how, _ in pool]
        _, how, place = max(weights, key=lambda w: w[0])
        return how in ("name", "alternate") and is_town(place) and place.population < SMALL_TOWN

    def facilities_named(self, key: str) -> list[tuple[int, str, str]]:
        """Facilities named exactly the query plus a descriptor ("Belaya" + "air base")."""
        skel = skeleton(key)
        names = [f"{skel} {skeleton(d)}" for d in DESCRIPTORS]
        q = ",".join("?" * len(names))
        rows = self.con.execute(f"SELECT pid, raw FROM facility_names WHERE skel IN ({q})", names).fetchall()
        return [(pid, "facility", raw) for pid, raw in rows]

    def candidates(self, key: str) -> tuple[list[tuple[int, str, str]], str]:
        """Candidate ``(pid, how, matched name)`` rows for a folded query, and a note."""
        bare = strip_article(key)
        exact = self.exact(bare) or self.exact(key)
        known = {pid for pid, _, _ in exact}
        pool = exact + [row for row in self.variants(bare) if row[0] not in known]
        if pool and self.only_small_towns_by_name(pool):
            # "Belaya": villages of 3,000 so named, beside the air base the reporting means
            pool += [row for row in self.facilities_named(bare) if row[0] not in known]
        if pool:
            return pool, ""
        found = split_descriptor(bare)
        if found:
            core, kinds = found
            facilities = self.facilities_in(core, kinds)
            if facilities:
                return facilities, ""
            towns = [(pid, "town", raw) for pid, _, raw in self.exact(core) or self.variants(core)]
            if towns:
                return towns, FACILITY_NOT_LISTED
        named_after = self.facilities_in(bare, FACILITY_KINDS, leading=True)  # "Olenya": Olenya air base
        if named_after:
            return named_after, ""
        pool = []
        for k, score in self.fuzzy_keys(bare):
            if score < FUZZY_CUTOFF:
                continue
            pool.extend((pid, f"fuzzy:{score}", raw) for pid, _, raw in self.exact(k))
        return pool, ""


def place_of_row(r) -> Place:
    """A :class:`Place` from a row of the ``places`` table."""
    return Place(
        name=r[1],
        lat=r[2],
        lon=r[3],
        country_code=r[4],
        source=r[8],
        id=r[9],
        population=r[5],
        kind=r[7],
        admin1=r[6],
        precision_km=r[10] or 0.0,
    )
