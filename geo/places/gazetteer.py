"""The offline gazetteer: look a place name up in the index and rank what matches.

The index (GeoNames cities500 plus our ``data/places.csv``) is built by
:mod:`geo.places.index`; names are compared *folded* (:func:`geo.places.names.fold`).

Matching:

1. exact primary name, 2. exact alternate name (GeoNames carries transliteration
   variants such as Kharkov/Kharkiv, Zaporozhye/Zaporizhzhia, Artemovsk/Bakhmut),
3. fuzzy fallback only when nothing matches exactly: rapidfuzz ratio ≥ 92, or ≥ 85 for
   places of 10,000 people or more; anything weaker is only a suggestion.

Ranking weighs the match kind against population: a place matched by its primary name
scores its population, by an alternate name 1/20 of it, by a fuzzy name 1/20 times
(score/100)^8. So "Zaporizhzhia" is the city of 710,000 (alternate name) rather than a
village of 656 whose primary name it is, while a primary name still wins among places
of similar size. When the runner-up scores at least a fifth of the best and lies more
than 25 km away, the name is *ambiguous*: the API raises :class:`AmbiguousPlaceError`
with the candidates, never a silent guess.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.errors import AmbiguousPlaceError, EmptyInputError, UnknownPlaceError
from geo.model import Place
from geo.places.coordinates import coordinates_place, parse_lat_lon
from geo.places.index import PLACES_CSV, build_index, geonames_dir, index_path
from geo.places.names import fold

__all__ = [
    "ALTERNATE_WEIGHT",
    "AMBIGUITY_RATIO",
    "FUZZY_CUTOFF",
    "FUZZY_MIN_POPULATION",
    "FUZZY_SURE_SCORE",
    "SAME_PLACE_KM",
    "SUGGESTION_CUTOFF",
    "Gazetteer",
    "Match",
    "country_codes_by_name",
    "split_country_hint",
]

ALTERNATE_WEIGHT = 1 / 20
AMBIGUITY_RATIO = 1 / 5
SAME_PLACE_KM = 25.0
FUZZY_CUTOFF = 85.0
#: A fuzzy match is taken only when it is this close, or the place this big; weaker ones
#: are offered as suggestions instead ("Chukotka" must not become a village named Chukok).
FUZZY_SURE_SCORE = 92.0
FUZZY_MIN_POPULATION = 10_000
SUGGESTION_CUTOFF = 60.0


@dataclass(frozen=True)
class Match:
    """A candidate place for a query: how it matched and how it ranks.

    ``how`` is ``"name"``, ``"alternate"`` or ``"fuzzy"``; ``matched`` the name (as stored)
    that matched; ``score`` the fuzzy ratio (100 for exact); ``weight`` the ranking weight.
    """

    place: Place
    how: str
    matched: str
    score: float
    weight: float

    def describe(self) -> str:
        """The place as one line, plus how it matched unless by its primary name."""
        via = "" if self.how == "name" else f" (matched {self.how} name {self.matched!r})"
        return self.place.describe() + via


class Gazetteer:
    """Offline place-name index. Use :meth:`default` to open (and if need be build) it."""

    def __init__(self, db_path: Path):
        """Open the index file at ``db_path`` read-only (see :func:`geo.places.index.build_index`)."""
        self.db_path = Path(db_path)
        self._con = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, check_same_thread=False)

    @classmethod
    def default(cls, cache_dir: Path | None = None, places_csv: Path = PLACES_CSV) -> Gazetteer:
        """Open the cached index for the current sources, building it first if missing."""
        path = Path(places_csv)
        return _open_index(str(index_path(path, cache_dir)), str(path))

    # -- lookups ------------------------------------------------------------------------
    def _rows_to_places(self, rows) -> list[Place]:
        return [
            Place(
                name=r[1],
                lat=r[2],
                lon=r[3],
                country_code=r[4],
                source=r[8],
                id=r[9],
                population=r[5],
                kind=r[7],
                admin1=r[6],
            )
            for r in rows
        ]

    def _fetch(self, pids: Sequence[int]) -> dict[int, Place]:
        if not pids:
            return {}
        q = ",".join("?" * len(pids))
        rows = self._con.execute(f"SELECT * FROM places WHERE pid IN ({q})", list(pids)).fetchall()
        return {r[0]: p for r, p in zip(rows, self._rows_to_places(rows), strict=True)}

    def _exact(self, key: str) -> list[tuple[int, int, str]]:
        return self._con.execute("SELECT pid, primary_name, raw FROM names WHERE key = ?", (key,)).fetchall()

    def _fuzzy_keys(
        self, key: str, cutoff: float, limit: int, spread: int | None = None
    ) -> list[tuple[str, float]]:
        """Stored name keys within ``spread`` characters of the query's length whose
        rapidfuzz ratio to it is at least ``cutoff`` (0-100), best first."""
        from rapidfuzz import fuzz, process

        spread = max(2, len(key) // 4) if spread is None else spread
        rows = self._con.execute(
            "SELECT key FROM fuzzy_keys WHERE len BETWEEN ? AND ?", (len(key) - spread, len(key) + spread)
        ).fetchall()
        keys = [r[0] for r in rows]
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(k, s) for k, s, _ in hits]

    def matches(self, name: str, countries: Sequence[str] | None = None, limit: int = 10) -> list[Match]:
        """Candidate matches for ``name``, best first (exact matches, else fuzzy ones).

        ``countries``: optional ISO 3166-1 alpha-2 codes that narrow the search.
        """
        key = fold(name or "")
        if not key:
            raise EmptyInputError("empty place name")
        allowed = {c.strip().upper() for c in countries or () if c.strip()}
        found: dict[int, Match] = {}
        exact = self._exact(key)
        pool = exact
        how_of = {1: "name", 0: "alternate"}
        if not exact:
            pool = []
            for k, score in self._fuzzy_keys(key, FUZZY_CUTOFF, 40):
                pool.extend((pid, -score, raw) for pid, _, raw in self._exact(k))
        places = self._fetch(sorted({p for p, _, _ in pool}))
        for pid, flag, raw in pool:
            place = places[pid]
            if allowed and place.country_code not in allowed:
                continue
            if flag < 0:
                score, how = -flag, "fuzzy"
                if score < FUZZY_SURE_SCORE and place.population < FUZZY_MIN_POPULATION:
                    continue
                weight = ALTERNATE_WEIGHT * (score / 100) ** 8 * (place.population + 1)
            else:
                score, how = 100.0, how_of[flag]
                weight = (1.0 if flag else ALTERNATE_WEIGHT) * (place.population + 1)
            current = found.get(pid)
            if current is None or weight > current.weight:
                found[pid] = Match(place, how, raw, score, weight)
        ranked = sorted(found.values(), key=lambda m: (-m.weight, m.place.name, m.place.id))
        return ranked[:limit]

    def candidates(self, name: str, countries: Sequence[str] | None = None, limit: int = 10) -> list[Place]:
        """Candidate places for ``name``, best first (see :meth:`matches`)."""
        return [m.place for m in self.matches(name, countries, limit)]

    def suggestions(self, name: str, countries: Sequence[str] | None = None, limit: int = 5) -> list[str]:
        """Up to ``limit`` similar names (for an unknown-place message), biggest places first."""
        key = fold(name or "")
        if not key:
            return []
        pool = self._fuzzy_keys(key, SUGGESTION_CUTOFF, 60, spread=max(3, len(key) // 2))
        out: list[tuple[float, str]] = []
        allowed = {c.strip().upper() for c in countries or () if c.strip()}
        for k, score in pool:
            pids = [p for p, _, _ in self._exact(k)]
            for place in self._fetch(pids).values():
                if allowed and place.country_code not in allowed:
                    continue
                label = f"{place.name} ({place.country_code}" + (
                    f", pop. {place.population:,})" if place.population else ")"
                )
                out.append(((score / 100) ** 8 * (place.population + 1), label))
        seen, result = set(), []
        for _, label in sorted(out, reverse=True):
            if label not in seen:
                seen.add(label)
                result.append(label)
        return result[:limit]

    def lookup(self, name: str, countries: Sequence[str] | None = None) -> Match:
        """The single best :class:`Match` for ``name``.

        Raises :class:`UnknownPlaceError` (with suggestions) when nothing matches and
        :class:`AmbiguousPlaceError` (with the candidates) when the best are too close.
        """
        ranked = self.matches(name, countries, limit=25)
        if not ranked:
            raise UnknownPlaceError(name, self.suggestions(name, countries))
        best = ranked[0]
        rivals = [
            m
            for m in ranked[1:]
            if m.weight >= AMBIGUITY_RATIO * best.weight and _km_apart(m.place, best.place) > SAME_PLACE_KM
        ]
        if rivals:
            raise AmbiguousPlaceError(name, [best, *rivals])
        return best

    def resolve(self, name: str, countries: Sequence[str] | None = None) -> Place:
        """Resolve a place name or ``lat,lon`` to one :class:`Place` (see :meth:`lookup`).

        ``"Name, CC"`` (a trailing ISO country code) is read as a country hint.
        """
        if name is None or not name.strip():
            raise EmptyInputError("empty place name: give a place name or lat,lon")
        coords = parse_lat_lon(name)
        if coords is not None:
            return coordinates_place(*coords)
        name, countries = split_country_hint(name, countries)
        return self.lookup(name, countries).place

    def nearest_places(
        self, lat, lon, min_population: int = 1000, k: int = 1, country: str | None = None
    ) -> list[list[Place]]:
        """The ``k`` nearest gazetteer places (population ≥ ``min_population``) to each point.

        ``country`` (ISO alpha-2) restricts them to one country, e.g. ``"UA"`` to name a
        point of a Ukrainian layer after a Ukrainian town. Uses a k-d tree on ECEF
        coordinates (chord order equals geodesic order at these ranges).
        """
        import numpy as np

        from geo.core.segments import ecef

        tree, pids = self._tree(min_population, (country or "").upper())
        pts = ecef(np.atleast_1d(lat), np.atleast_1d(lon))
        _, idx = tree.query(pts, k=k)
        idx = np.asarray(idx).reshape(len(pts), k)
        fetched = self._fetch(sorted({int(pids[i]) for i in idx.ravel()}))
        return [[fetched[int(pids[i])] for i in row] for row in idx]

    @lru_cache(maxsize=8)  # noqa: B019 - a Gazetteer lives for the process
    def _tree(self, min_population: int, country: str = ""):
        import numpy as np
        from scipy.spatial import cKDTree

        from geo.core.segments import ecef

        sql = "SELECT pid, lat, lon FROM places WHERE (population >= ? OR source = 'places.csv')"
        args: list = [min_population]
        if country:
            sql += " AND cc = ?"
            args.append(country)
        rows = self._con.execute(sql, args).fetchall()
        if not rows:
            raise UnknownPlaceError(f"places in {country}", [])
        arr = np.asarray(rows, dtype=float)
        return cKDTree(ecef(arr[:, 1], arr[:, 2])), arr[:, 0].astype(np.int64)

    def all_places(self, countries: Sequence[str] | None = None, min_population: int = 0) -> list[Place]:
        """Every place (of at least ``min_population``, in ``countries`` if given) in index order:
        for range analysis over the whole gazetteer."""
        sql = "SELECT * FROM places WHERE population >= ?"
        args: list = [min_population]
        allowed = sorted({c.strip().upper() for c in countries or () if c.strip()})
        if allowed:
            sql += f" AND cc IN ({','.join('?' * len(allowed))})"
            args += allowed
        rows = self._con.execute(sql + " ORDER BY pid", args).fetchall()
        return self._rows_to_places(rows)


@lru_cache(maxsize=1)
def country_codes_by_name() -> dict[str, str]:
    """Folded country name (GeoNames countries.json) → ISO alpha-2 code; no heavy imports."""
    with open(geonames_dir() / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return {fold(rec["name"]): code for code, rec in countries.items()}


def split_country_hint(name: str, countries: Sequence[str] | None) -> tuple[str, Sequence[str] | None]:
    """Split ``"Moscow, RU"`` into ``("Moscow", ["RU"])``; other names pass unchanged."""
    head, sep, tail = name.rpartition(",")
    if sep and head.strip() and re.fullmatch(r"\s*[A-Za-z]{2}\s*", tail):
        return head.strip(), [tail.strip().upper()]
    return name, countries


def _km_apart(a: Place, b: Place) -> float:
    """Great-circle km between two places (for the same-place test only)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=4)
def _open_index(db_path: str, places_csv: str) -> Gazetteer:
    """Open (building first if missing) the index file named after its sources' fingerprint."""
    db = Path(db_path)
    if not db.exists():
        build_index(db, Path(places_csv))
    return Gazetteer(db)
