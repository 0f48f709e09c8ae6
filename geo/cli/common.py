"""What every command shares: reading the user's arguments into places, references,
numbers and files, with a clear :class:`~geo.errors.GeoError` for anything wrong, and
printing JSON. No logic of the tool's own: that lives in the pipeline's packages."""

from __future__ import annotations

import json
import math
import re
import sys

from geo.cli.article import read_article  # kept importable from here for other commands
from geo.errors import GeoError

__all__ = [
    "is_coords",
    "measure_against_references",
    "one_reference",
    "online_geocoder",
    "parse_countries",
    "parse_kms",
    "parse_rings",
    "print_json",
    "read_article",
    "references_of",
    "refuse_non_finite",
    "refuse_overwrite",
    "require_point",
    "resolve_place",
    "warn_about_match",
]


#: ``nan,nan``, ``inf,0``, ``1e400,5``: numbers that are no coordinates (not place names either).
_NOT_FINITE = re.compile(
    r"^[-+]?(?:nan|inf(?:inity)?|[\d.]+e[-+]?\d+)\s*[, ]\s*[-+]?[\w.+-]+$|^[-+]?[\d.]+\s*[, ]\s*"
    r"[-+]?(?:nan|inf(?:inity)?|[\d.]+e[-+]?\d+)$",
    re.IGNORECASE,
)


#: The largest ring or range (km): beyond it a ring nearly wraps the globe.
MAX_RING_KM = 19_000


def refuse_non_finite(text: str) -> None:
    """``nan,nan`` or ``inf,0`` are refused as coordinates, never looked up as a place name."""
    from geo.errors import InvalidCoordinatesError

    if _NOT_FINITE.match(text.strip()):
        raise InvalidCoordinatesError(
            f"{text.strip()!r} are not coordinates: latitude and longitude must be finite numbers"
        )


def parse_countries(value: str | None) -> list[str] | None:
    """``--country RU,UA`` as a list of ISO codes (None when not given)."""
    if not value:
        return None
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise GeoError(f"--country takes ISO 3166 two-letter codes such as RU,UA; got {code!r}")
    return codes


def online_geocoder(args):
    """The online geopy service named by ``--online``, or None for the offline gazetteer."""
    service = getattr(args, "online", None)
    if not service or service == "offline":
        return None
    import logging

    from geo.places.geocoders.factory import get_geocoder

    # geopy logs each retry with its traceback; the user gets one line from us instead
    logging.getLogger("geopy").addHandler(logging.NullHandler())
    logging.getLogger("geopy").propagate = False
    return get_geocoder(service)


def resolve_place(text: str, args):
    """Resolve a CLI place argument (name or lat,lon) with the chosen geocoder."""
    from geo.errors import EmptyInputError
    from geo.places.coordinates import coordinates_place, parse_lat_lon

    if text is None or not text.strip():
        raise EmptyInputError("empty place name: give a place name or lat,lon")
    text = text.strip()
    refuse_non_finite(text)
    coords = parse_lat_lon(text)
    if coords is not None:
        return coordinates_place(*coords)
    countries = parse_countries(getattr(args, "country", None))
    online = online_geocoder(args)
    if online is not None:
        return online.geocode(text, countries)
    from geo.places.gazetteer import Gazetteer

    match = Gazetteer.default().lookup_with_hint(text, countries)
    warn_about_match(text, match)
    return match.place


def warn_about_match(text: str, match) -> None:
    """Say on stderr when a name was not found as written: a fuzzy spelling was taken, or a
    town stands in for a facility that is not listed."""
    if match.how == "fuzzy":
        print(
            f"geo: warning: no place is named {text.strip()!r}; taking the closest spelling "
            f"{match.matched!r}: {match.place.describe()}",
            file=sys.stderr,
        )
    elif match.how == "town":
        print(f"geo: warning: {text.strip()!r}: {match.note}: {match.place.describe()}", file=sys.stderr)


def require_point(place, what: str = "the target"):
    """A place to measure *from a reference* must be a point: a region is refused, with
    what to do instead (a region is measured as a polygon only, with ``--from``)."""
    if place.kind == "region":
        raise GeoError(
            f"{place.name} is a region, not a point: give a place in it as {what}, "
            f'or measure from the whole region with --from "{place.name}"'
        )
    return place


def print_json(obj) -> None:
    """One JSON document on stdout, non-ASCII kept."""
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def is_coords(text: str) -> bool:
    """True when ``text`` is ``lat,lon`` rather than a name."""
    from geo.places.coordinates import parse_lat_lon

    return parse_lat_lon(text) is not None


def measure_against_references(target, args, sphere: bool = False):
    """Resolve ``--from`` (with ``--date``/``--layer``), measure ``target`` against every
    reference, print each result's warnings on stderr; return ``(refs, results)``."""
    from geo.measure.measurements import nearest_place_namer
    from geo.measure.references import measure_against
    from geo.places.gazetteer import Gazetteer

    refs = references_of(args)
    namer = nearest_place_namer(Gazetteer.default()) if any(r.layer is not None for r in refs) else None
    results = [measure_against(target, r, sphere=sphere, near_place=namer) for r in refs]
    for result in results:
        for warning in getattr(result, "warnings", ()):
            print(f"geo: warning: {warning}", file=sys.stderr)
    return refs, results


def references_of(args):
    """``--from`` (with ``--date``/``--layer``) resolved to references."""
    from geo.layers.catalog import iso_date
    from geo.measure.references import resolve_references
    from geo.model import LayerOrigin

    date = iso_date(getattr(args, "date", None))  # garbage is refused before anything is looked up
    refs = resolve_references(
        args.reference, lambda text: resolve_place(text, args), date=date, layer_file=args.layer
    )
    dated = [r for r in refs if r.layer is not None and r.layer.snapshot_id]  # shipped or imported snapshots
    if date and not dated and not args.layer:
        print(
            f"geo: warning: --date {date} has no effect here: {args.reference} does not change with the date "
            "(it picks the front-line snapshot for controlled, occupied and frontline)",
            file=sys.stderr,
        )
    if args.layer and not any(r.layer is not None and r.layer.origin is LayerOrigin.USER_FILE for r in refs):
        print(
            f"geo: warning: --layer {args.layer} has no effect here: it replaces the front-line snapshot "
            "for --from controlled, occupied or frontline",
            file=sys.stderr,
        )
    return refs


def refuse_overwrite(path, option: str, force: bool) -> None:
    """Nothing the user has is overwritten without ``--force``."""
    from pathlib import Path

    if path and Path(path).exists() and not force:
        raise GeoError(f"{path} exists; choose another {option} or pass --force to overwrite it")


def parse_rings(value: str | None) -> list[float]:
    """``--rings 500,1000`` as km."""
    if not value:
        return []
    try:
        rings = [float(v) for v in value.split(",") if v.strip()]
    except ValueError:
        rings = [math.nan]
    if not rings or not all(math.isfinite(r) for r in rings):
        raise GeoError(f"--rings takes kilometres separated by commas, e.g. 500,1000,1500; got {value!r}")
    if any(r <= 0 or r > MAX_RING_KM for r in rings):
        raise GeoError(f"--rings must be more than 0 and at most {MAX_RING_KM:,} km")
    if len(rings) > 20:
        raise GeoError(f"--rings takes at most 20 rings; got {len(rings)}")
    return rings


def one_reference(args):
    """The single layer or place ``--from`` names (``all`` is refused here)."""
    refs = references_of(args)
    if len(refs) != 1:
        raise GeoError(
            "give one reference here (ukraine, controlled, frontline, a place or a file), not 'all'"
        )
    ref = refs[0]
    if ref.points:
        raise GeoError(
            f"{ref.label} holds only points: geo distance and geo map measure to the nearest of them; "
            "here give a file of polygons or lines, or one place"
        )
    for note in getattr(ref.layer, "notes", ()) or ():
        print(f"geo: warning: {note}", file=sys.stderr)
    return ref.layer if ref.layer is not None else ref.place


def parse_kms(value: str) -> list[float]:
    """``--km 500,1000,1500`` as km."""
    try:
        kms = [float(v) for v in value.split(",") if v.strip()]
    except ValueError:
        kms = [math.nan]
    if not kms or not all(math.isfinite(k) for k in kms):
        raise GeoError(
            f"--km takes kilometres separated by commas, e.g. 1500 or 500,1000,1500; got {value!r}"
        )
    if any(k <= 0 for k in kms):
        raise GeoError("--km needs positive distances in km")
    if any(k > MAX_RING_KM for k in kms):
        raise GeoError(
            f"--km must be at most {MAX_RING_KM:,} km (half the Earth's circumference is ~20,004 km)"
        )
    return kms
