"""``geo geocode`` and ``geo distance``: a place, and its distance from a reference."""

from __future__ import annotations

from geo.cli.common import (
    is_coords,
    measure_against_references,
    parse_countries,
    print_json,
    refuse_non_finite,
    require_point,
    resolve_place,
    warn_about_match,
)
from geo.errors import AmbiguousPlaceError

__all__ = ["cmd_distance", "cmd_geocode"]


def cmd_geocode(args) -> int:
    from geo.places.gazetteer import Gazetteer

    countries = parse_countries(args.country)
    refuse_non_finite(args.name)
    if args.online:
        place = resolve_place(args.name, args)
        print_json(place.to_json()) if args.json else print(place.describe())
        return 0
    gaz = Gazetteer.default()
    try:
        match = gaz.lookup_with_hint(args.name, countries) if not is_coords(args.name) else None
    except AmbiguousPlaceError as err:
        if args.json:
            print_json(
                {
                    "ambiguous": True,
                    "query": args.name,
                    "candidates": [m.place.to_json() for m in err.candidates],
                }
            )
            return err.exit_code
        raise
    if match is None:
        place = resolve_place(args.name, args)
        print_json(place.to_json()) if args.json else print(place.describe())
        return 0
    warn_about_match(args.name, match)
    if args.json:
        matched = {"how": match.how, "name": match.matched, "note": match.note or None}
        print_json({**match.place.to_json(), "matched": matched})
    else:
        print(match.describe())
        if match.place.kind == "region":
            print("a region: measured as its polygon (geo distance PLACE --from REGION), never as a point")
    return 0


def cmd_distance(args) -> int:
    target = require_point(resolve_place(args.target, args))
    _, results = measure_against_references(target, args, sphere=args.sphere)
    if args.json:
        records = [_without_bearing_at_zero(r.to_json()) for r in results]
        print_json(records[0] if len(records) == 1 else records)
        return 0
    print(f"target     {target.describe()}")
    for m in results:
        if hasattr(m, "layer"):
            print_layer_measurement(m)
        else:
            print(f"reference  {m.reference.describe()}")
            print(f"distance   {m.distance_km:,.1f} km / {m.distance_mi:,.1f} mi")
            if m.distance_km >= ZERO_KM:  # one point has no bearing
                print(
                    f"bearing    {m.bearing_deg:.1f}° ({m.compass}) "
                    f"from {m.reference.name} towards {m.target.name}"
                )
            else:
                print(f"bearing    none: {m.target.name} and {m.reference.name} are the same point")
            print(f"method     {m.method}")
    return 0


#: Below this distance (km, 1 mm) two points are one: no bearing or compass point is given.
ZERO_KM = 1e-6


def _without_bearing_at_zero(record: dict) -> dict:
    """A measurement's JSON with no bearing or compass point at 0 km (they mean nothing)."""
    if (record.get("distance_km") or 0.0) < ZERO_KM:
        record = {**record, "bearing_deg": None, "compass": None}
    return record


def print_layer_measurement(m) -> None:
    layer = m.layer
    when = f", {layer.date}" if layer.date else ""
    print(f"reference  {layer.name} [{layer.source}{when}; {layer.accuracy}]")
    if m.inside:
        print(f"distance   0 km: {m.target.name} lies inside {layer.name}")
        return
    near = f" near {m.near_place.name} ({m.near_place.country_code})" if m.near_place else ""
    print(f"distance   {m.distance_km:,.1f} km / {m.distance_mi:,.1f} mi")
    print(f"nearest    {m.nearest_lat:.5f},{m.nearest_lon:.5f}{near}")
    print(f"bearing    {m.bearing_deg:.1f}° ({m.compass}) from the nearest point towards {m.target.name}")
    print(f"method     {m.method}")
