"""The offline gazetteer: look a place name up in the index and rank what matches.

The index (GeoNames cities500, our facility tables, the regions) is built by
:mod:`geo.places.index`; names are compared *folded* (:func:`geo.places.names.fold`).

Matching, in order, each step only when the one before found nothing:

1. the name itself (a leading "the" or "Russia's" aside), primary or alternate
   (GeoNames carries Kharkov/Kharkiv, Zaporozhye/Zaporizhzhia, Artemovsk/Bakhmut);
2. another romanisation of a stored name (:func:`~geo.places.names.skeleton`:
   "Krasnyi Lyman" finds Lyman, whose alternate is "Krasnyy Lyman");
3. a facility by its town and kind ("Volgograd refinery", "Saky airfield"); if none is
   listed, the town, with the note "facility not listed; the town is used";
4. a facility whose name begins with the query ("Olenya": Olenya air base); a facility
   named exactly the query and a descriptor is also a candidate beside towns that bear the
   name but have fewer than :data:`SMALL_TOWN` people ("Belaya": the air base, not the
   villages of 3,000);
5. a fuzzy spelling, taken only when close, populated and in the countries the reporting
   is about (:mod:`geo.places.ranking`); anything weaker is only a suggestion.

Words that are never places (months, compass points, rivers, seas, "Siberia") are
refused first (:mod:`geo.places.vocabulary`). Ranking and ambiguity are the rules of
:mod:`geo.places.ranking`: when they cannot tell candidates apart, :meth:`Gazetteer.lookup`
raises :class:`AmbiguousPlaceError` with all of them, never a silent guess.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from geo.config import DATA_DIR
from geo.errors import AmbiguousPlaceError, EmptyInputError, GeoError, NotAPlaceError, UnknownPlaceError
from geo.model import Place
from geo.places.coordinates import coordinates_place, parse_lat_lon
from geo.places.hints import split_hint
from geo.places.index import build_index, geonames_dir, index_path
from geo.places.name_pool import NamePool, place_of_row
from geo.places.names import fold
from geo.places.ranking import (
    SUGGESTION_CUTOFF,
    Match,
    fuzzy_acceptable,
    is_rival,
    km_apart,
    listing_order,
    match_weight,
)
from geo.places.vocabulary import FOCUS_COUNTRIES, not_a_place, strip_article

#: A suggestion whose own name does not look like the query still stands when one of its other names
#: scores at least this (rapidfuzz ratio, 0-100) against it.
SUGGESTION_SURE_SCORE = 85.0

__all__ = ["Gazetteer", "Match", "country_codes_by_name", "split_country_hint"]

#: "Belbek air base near Sevastopol": how far (km) a place may lie from a town named as near it.
NEAR_KM = 60.0
#: Naming at most this many (point, town) pairs compares every pair; more go through a k-d tree.
NEAREST_BRUTE_PAIRS = 2_000_000


class Gazetteer:
    """Offline place-name index. Use :meth:`default` to open (and if need be build) it."""

    def __init__(self, db_path: Path):
        """Open the index file at ``db_path`` read-only (see :func:`geo.places.index.build_index`)."""
        self.db_path = Path(db_path)
        self._con = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, check_same_thread=False)
        self._names = NamePool(self._con)

    @classmethod
    def default(cls, cache_dir: Path | None = None, data_dir: Path = DATA_DIR) -> Gazetteer:
        """Open the cached index for the current sources, building it first if missing."""
        return _open_index(str(index_path(Path(data_dir), cache_dir)), str(data_dir))

    # -- rows ---------------------------------------------------------------------------
    def region_members(self, region_id: str) -> set[str]:
        """The region ids a region stands for: itself, or the regions it groups (Donbas)."""
        rows = self._con.execute("SELECT member_id FROM region_members WHERE region_id = ?", (region_id,))
        return {r[0] for r in rows} or {region_id}

    # -- matching -----------------------------------------------------------------------
    def matches(
        self,
        name: str,
        countries: Sequence[str] | None = None,
        limit: int = 10,
        regions: set[str] | None = None,
        near: Place | None = None,
    ) -> list[Match]:
        """Candidate matches for ``name``, best first.

        ``countries``: ISO 3166-1 alpha-2 codes that narrow the search; ``regions``: region
        ids (``RU-VOR``) whose places alone count; ``near``: a place the answer must lie within
        :data:`NEAR_KM` of. Raises :class:`NotAPlaceError` for words that are never places.
        """
        key = fold(name or "")
        if not key:
            raise EmptyInputError("empty place name")
        what = not_a_place(key)
        if what:
            raise NotAPlaceError(name, what)
        allowed = {c.strip().upper() for c in countries or () if c.strip()}
        pool, note = self._names.candidates(key)
        rows = self._names.fetch(sorted({p for p, _, _ in pool}))
        found: dict[int, Match] = {}
        for pid, how, raw in pool:
            place, region = rows[pid]
            if (allowed and place.country_code not in allowed) or (regions and region not in regions):
                continue
            if near is not None and km_apart(place, near) > NEAR_KM:
                continue
            score = 100.0
            if how.startswith("fuzzy:"):
                how, score = "fuzzy", float(how.split(":", 1)[1])
                if not fuzzy_acceptable(place, score):
                    continue
            m = Match(place, how, raw, score, match_weight(place, how, score), note if how == "town" else "")
            if pid not in found or m.weight > found[pid].weight:
                found[pid] = m
        return sorted(found.values(), key=lambda m: (-m.weight, m.place.name, m.place.id))[:limit]

    def candidates(self, name: str, countries: Sequence[str] | None = None, limit: int = 10) -> list[Place]:
        """Candidate places for ``name``, best first (see :meth:`matches`)."""
        return [m.place for m in self.matches(name, countries, limit)]

    def suggestions(self, name: str, countries: Sequence[str] | None = None, limit: int = 5) -> list[str]:
        """Up to ``limit`` similar names (for an unknown-place message): places in the countries the
        reporting is about first (a Polish village's misspelling is not Guayaquil), then the biggest;
        only places whose own name looks like the query (or one of whose names is very close to it)."""
        from rapidfuzz import fuzz

        key = strip_article(fold(name or ""))
        if not key:
            return []
        score_of = dict(self._names.fuzzy_keys(key))
        if not score_of:
            return []
        q = ",".join("?" * len(score_of))
        rows = self._con.execute(
            f"SELECT n.key, p.* FROM names n JOIN places p ON p.pid = n.pid WHERE n.key IN ({q})",
            list(score_of),
        ).fetchall()
        allowed = {c.strip().upper() for c in countries or () if c.strip()}
        scored: list[tuple[float, str]] = []
        for row in rows:
            place = place_of_row(row[1:])
            if allowed and place.country_code not in allowed:
                continue
            pop = f", pop. {place.population:,}" if place.population else f", {place.kind}"
            label = f"{place.name} ({place.country_code}{pop})"
            # a suggestion must look like the query by its own name, unless a written form of it is very close
            # ("Wyryki" is no "Kireyevsk", though one of Kireyevsk's many transliterations is 'kyreyky')
            looks = fuzz.ratio(key, strip_article(fold(place.name)))
            if looks < SUGGESTION_CUTOFF and score_of[row[0]] < SUGGESTION_SURE_SCORE:
                continue
            focus = place.country_code in FOCUS_COUNTRIES
            scored.append((focus, match_weight(place, "fuzzy", score_of[row[0]]), label))
        return list(dict.fromkeys(label for *_, label in sorted(scored, reverse=True)))[:limit]

    def lookup(
        self,
        name: str,
        countries: Sequence[str] | None = None,
        regions: set[str] | None = None,
        near: Place | None = None,
    ) -> Match:
        """The single best :class:`Match` for ``name``.

        Raises :class:`UnknownPlaceError` (with suggestions) when nothing matches and
        :class:`AmbiguousPlaceError` (with the candidates) when the best cannot be told
        from a rival (:func:`geo.places.ranking.is_rival`).
        """
        ranked = self.matches(name, countries, limit=25, regions=regions, near=near)
        if not ranked:
            raise UnknownPlaceError(name, self.suggestions(name, countries))
        best = ranked[0]
        rivals = [m for m in ranked[1:] if is_rival(m, best)]
        if rivals:
            raise AmbiguousPlaceError(name, listing_order([best, *rivals]))
        return best

    def lookup_with_hint(self, text: str, countries: Sequence[str] | None = None) -> Match:
        """:meth:`lookup` for a name written with its context: "Saki, UA", "Kramatorsk,
        Donetsk Oblast", "Novoshakhtinsk in Rostov region", "Belbek air base near
        Sevastopol". The hint (a country, a region, or a town the place lies within
        :data:`NEAR_KM` of) narrows the candidates. A hint that is no place known by that
        name is no hint: the whole text is looked up, and an unknown one says so whole."""
        name, hint, _near = split_hint(text)
        if hint is None:
            return self.lookup(name, countries)
        code = _country_code(hint)
        where = None
        if code is None:
            try:
                where = self.lookup_with_hint(hint)
            except GeoError:
                where = None
            if where is None or where.how == "fuzzy":  # not a hint: the comma is the name's
                return self.lookup(text, countries)
        try:
            if code:
                return self.lookup(name, [code])
            if where.place.kind == "region":
                return self.lookup(name, countries, regions=self.region_members(where.place.id))
            return self.lookup(name, countries, near=where.place)
        except NotAPlaceError:
            raise
        except UnknownPlaceError:
            raise UnknownPlaceError(text, self.suggestions(name, countries)) from None

    def resolve(self, name: str, countries: Sequence[str] | None = None) -> Place:
        """Resolve a place name (with an optional hint, see :meth:`lookup_with_hint`) or
        ``lat,lon`` to one :class:`Place`."""
        if name is None or not name.strip():
            raise EmptyInputError("empty place name: give a place name or lat,lon")
        coords = parse_lat_lon(name)
        if coords is not None:
            return coordinates_place(*coords)
        return self.lookup_with_hint(name, countries).place

    # -- many places --------------------------------------------------------------------
    def nearest_places(
        self, lat, lon, min_population: int = 1000, k: int = 1, country: str | None = None
    ) -> list[list[Place]]:
        """The ``k`` nearest gazetteer towns (population ≥ ``min_population``) to each point,
        to name it; ``country`` (ISO alpha-2) keeps one country's. Chord order on ECEF
        coordinates (equal to geodesic order at these ranges): directly for a few points,
        through a k-d tree for many."""
        pids = self._nearest_pids(lat, lon, min_population, k, country)
        fetched = self._names.fetch(sorted(set(pids.ravel().tolist())))
        return [[fetched[pid][0] for pid in row] for row in pids.tolist()]

    def nearest_town_names(
        self, lat, lon, min_population: int = 1000, country: str | None = None
    ) -> list[str]:
        """The name of the nearest town to each point (:meth:`nearest_places` with ``k=1``,
        names only: no :class:`Place` records, for naming many points at once)."""
        pids = self._nearest_pids(lat, lon, min_population, 1, country)[:, 0].tolist()
        wanted = sorted(set(pids))
        q = ",".join("?" * len(wanted))
        names = dict(self._con.execute(f"SELECT pid, name FROM places WHERE pid IN ({q})", wanted).fetchall())
        return [names[pid] for pid in pids]

    def _nearest_pids(self, lat, lon, min_population: int, k: int, country: str | None):
        """The pids (points × ``k`` array) of :meth:`nearest_places`."""
        import numpy as np

        from geo.core.segments import ecef

        xyz, pids = self._town_points(min_population, (country or "").upper())
        pts = ecef(np.atleast_1d(lat), np.atleast_1d(lon))
        if len(pts) * len(xyz) <= NEAREST_BRUTE_PAIRS:  # a few points: no k-d tree (nor SciPy) needed
            gap = pts[:, None, :] - xyz[None, :, :]
            d2 = np.einsum("ijk,ijk->ij", gap, gap)
            idx = np.argsort(d2, axis=1, kind="stable")[:, :k]
        else:
            _, idx = self._tree(min_population, (country or "").upper()).query(pts, k=k)
        return pids[np.asarray(idx).reshape(len(pts), k)]

    @lru_cache(maxsize=8)  # noqa: B019 - a Gazetteer lives for the process
    def _town_points(self, min_population: int, country: str = ""):
        """ECEF coordinates (m) and pids of the towns that may name a point (one country's when
        ``country`` is given: a query for those rows only, which is what a single distance pays)."""
        import numpy as np

        from geo.core.segments import ecef

        sql = "SELECT pid, lat, lon FROM places WHERE kind = 'populated place' AND population >= ?"
        args: list = [min_population]
        if country:
            sql += " AND cc = ?"
            args.append(country)
        rows = self._con.execute(sql, args).fetchall()
        if not rows:
            raise UnknownPlaceError(f"places in {country}", [])
        pids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        lats = np.fromiter((r[1] for r in rows), dtype=float, count=len(rows))
        lons = np.fromiter((r[2] for r in rows), dtype=float, count=len(rows))
        return ecef(lats, lons), pids

    @lru_cache(maxsize=8)  # noqa: B019 - a Gazetteer lives for the process
    def _tree(self, min_population: int, country: str = ""):
        from scipy.spatial import cKDTree

        return cKDTree(self._town_points(min_population, country)[0])

    def all_places(self, countries: Sequence[str] | None = None, min_population: int = 0) -> list[Place]:
        """Every town and facility (not regions; of at least ``min_population``, in
        ``countries`` if given) in index order: for range analysis over the gazetteer."""
        sql = "SELECT * FROM places WHERE kind != 'region' AND population >= ?"
        args: list = [min_population]
        allowed = sorted({c.strip().upper() for c in countries or () if c.strip()})
        if allowed:
            sql += f" AND cc IN ({','.join('?' * len(allowed))})"
            args += allowed
        return [place_of_row(r) for r in self._con.execute(sql + " ORDER BY pid", args).fetchall()]


@lru_cache(maxsize=1)
def country_codes_by_name() -> dict[str, str]:
    """Folded country name (GeoNames countries.json) → ISO alpha-2 code; no heavy imports."""
    with open(geonames_dir() / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return {fold(rec["name"]): code for code, rec in countries.items()}


def _country_code(hint: str) -> str | None:
    """An ISO code for a hint that names a country ("UA", "Ukraine"), else None."""
    text = hint.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    return country_codes_by_name().get(fold(text))


def split_country_hint(name: str, countries: Sequence[str] | None) -> tuple[str, Sequence[str] | None]:
    """Split ``"Moscow, RU"`` into ``("Moscow", ["RU"])``; other names pass unchanged."""
    head, hint, _ = split_hint(name)
    if hint is not None and len(hint) == 2 and hint.isalpha():
        return head, [hint.upper()]
    return name, countries


@lru_cache(maxsize=4)
def _open_index(db_path: str, data_dir: str) -> Gazetteer:
    """Open (building first if missing) the index file named after its sources' fingerprint."""
    db = Path(db_path)
    if not db.exists():
        build_index(db, Path(data_dir))
    return Gazetteer(db)
