"""The ``geo`` command line: parse, call, print. No logic of its own.

Every user error is a :class:`geo.errors.GeoError`; ``main`` prints it as one line on
stderr (``geo: error: ...``) and exits with its code (2), never with a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from geo.errors import AmbiguousPlaceError, GeoError


def _countries(value: str | None) -> list[str] | None:
    if not value:
        return None
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise GeoError(f"--country takes ISO 3166 two-letter codes such as RU,UA; got {code!r}")
    return codes


def _geocoder(args):
    """The online geopy service named by ``--online``, or None for the offline gazetteer."""
    service = getattr(args, "online", None)
    if not service or service == "offline":
        return None
    from geo.places.geocoders import get_geocoder

    return get_geocoder(service)


def resolve_place(text: str, args):
    """Resolve a CLI place argument (name or lat,lon) with the chosen geocoder."""
    from geo.errors import EmptyInputError
    from geo.places.gazetteer import coordinates_place, parse_lat_lon

    if text is None or not text.strip():
        raise EmptyInputError("empty place name: give a place name or lat,lon")
    coords = parse_lat_lon(text)
    if coords is not None:
        return coordinates_place(*coords)
    countries = _countries(getattr(args, "country", None))
    online = _geocoder(args)
    if online is not None:
        return online.geocode(text, countries)
    from geo.places.gazetteer import Gazetteer, split_country_hint

    name, countries = split_country_hint(text, countries)
    match = Gazetteer.default().lookup(name, countries)
    if match.how == "fuzzy":
        print(
            f"geo: warning: no place is named {text.strip()!r}; taking the closest spelling "
            f"{match.matched!r}: {match.place.describe()}",
            file=sys.stderr,
        )
    return match.place


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


# -- geocode ------------------------------------------------------------------------------
def cmd_geocode(args) -> int:
    from geo.places.gazetteer import Gazetteer

    countries = _countries(args.country)
    if args.online:
        place = resolve_place(args.name, args)
        _print_json(place.to_json()) if args.json else print(place.describe())
        return 0
    gaz = Gazetteer.default()
    try:
        match = gaz.lookup(args.name, countries) if not _is_coords(args.name) else None
    except AmbiguousPlaceError as err:
        if args.json:
            _print_json(
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
        _print_json(place.to_json()) if args.json else print(place.describe())
        return 0
    if args.json:
        _print_json({**match.place.to_json(), "matched": {"how": match.how, "name": match.matched}})
    else:
        print(match.describe())
    return 0


def _is_coords(text: str) -> bool:
    from geo.places.gazetteer import parse_lat_lon

    return parse_lat_lon(text) is not None


# -- distance -----------------------------------------------------------------------------
def measure_against_references(target, args, sphere: bool = False):
    """Resolve ``--from`` (with ``--date``/``--layer``), measure ``target`` against every
    reference, print each result's warnings on stderr; return ``(refs, results)``."""
    from geo.measure.measurements import nearest_place_namer
    from geo.measure.references import measure_against
    from geo.places.gazetteer import Gazetteer

    refs = _references(args)
    namer = nearest_place_namer(Gazetteer.default()) if any(r.layer is not None for r in refs) else None
    results = [measure_against(target, r, sphere=sphere, near_place=namer) for r in refs]
    for result in results:
        for warning in getattr(result, "warnings", ()):
            print(f"geo: warning: {warning}", file=sys.stderr)
    return refs, results


def _references(args):
    """``--from`` (with ``--date``/``--layer``) resolved to references."""
    from geo.measure.references import resolve_references

    return resolve_references(
        args.reference, lambda text: resolve_place(text, args), date=args.date, layer_file=args.layer
    )


def refuse_overwrite(path, option: str, force: bool) -> None:
    """Nothing the user has is overwritten without ``--force``."""
    from pathlib import Path

    if path and Path(path).exists() and not force:
        raise GeoError(f"{path} exists; choose another {option} or pass --force to overwrite it")


def cmd_distance(args) -> int:
    target = resolve_place(args.target, args)
    _, results = measure_against_references(target, args, sphere=args.sphere)
    if args.json:
        _print_json(results[0].to_json() if len(results) == 1 else [r.to_json() for r in results])
        return 0
    print(f"target     {target.describe()}")
    for m in results:
        if hasattr(m, "layer"):
            _print_layer_measurement(m)
        else:
            print(f"reference  {m.reference.describe()}")
            print(f"distance   {m.distance_km:,.1f} km / {m.distance_mi:,.1f} mi")
            print(
                f"bearing    {m.bearing_deg:.1f}° ({m.compass}) "
                f"from {m.reference.name} towards {m.target.name}"
            )
            print(f"method     {m.method}")
    return 0


def _print_layer_measurement(m) -> None:
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


# -- verify -------------------------------------------------------------------------------
def read_article(source: str) -> str:
    """The article text from a file path or ``-`` (stdin), with clear errors for bad input."""
    from geo.errors import EmptyInputError

    if source == "-":
        data = sys.stdin.buffer.read()
        label = "standard input"
    else:
        from pathlib import Path

        path = Path(source)
        if not path.exists():
            raise GeoError(f"file not found: {source}")
        if path.is_dir():
            raise GeoError(f"{source} is a folder; give a text file or - for standard input")
        data = path.read_bytes()
        label = source
    if b"\x00" in data[:8192]:
        raise GeoError(f"{label} looks like a binary file, not text; give plain text (UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GeoError(f"{label} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise EmptyInputError(f"{label} is empty: nothing to verify")
    return text


def cmd_verify(args) -> int:

    from geo.judge.judge import Judge
    from geo.layers.frontline import choose_snapshot, parse_date
    from geo.places.gazetteer import Gazetteer
    from geo.render import report
    from geo.text.dates import article_date
    from geo.text.extract import extract_claims

    parse_date(args.date)  # a malformed --date is an error before anything else
    refuse_overwrite(args.map, "--map", args.force)
    text = read_article(args.source)
    claims = extract_claims(text)
    date = args.date or article_date(text)
    if claims and not args.layer:
        choice = choose_snapshot(date)
        if choice.warning:
            print(f"geo: warning: {choice.warning}", file=sys.stderr)
        if date is None:
            print(
                f"geo: warning: no --date given and none in the text; using the latest snapshot, "
                f"{choice.snapshot.isoformat()}",
                file=sys.stderr,
            )
    judge = Judge(Gazetteer.default(), date=date, layer_file=args.layer)
    verdicts = judge.judge_all(claims)
    if args.map:
        from geo.render.map.maps import verification_map

        verification_map(verdicts, args.map, date=date)
        print(f"geo: map written to {args.map}", file=sys.stderr)
    if args.json:
        print(report.to_json(verdicts))
    elif args.markdown:
        print(report.to_markdown(verdicts))
    else:
        print(report.to_table(verdicts))
    return 0


# -- map ----------------------------------------------------------------------------------
def _rings(value: str | None) -> list[float]:
    if not value:
        return []
    try:
        rings = [float(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise GeoError(
            f"--rings takes kilometres separated by commas, e.g. 500,1000,1500; got {value!r}"
        ) from None
    if any(r <= 0 or r > 20_000 for r in rings):
        raise GeoError("--rings must be between 0 and 20,000 km")
    return rings


def cmd_map(args) -> int:
    from pathlib import Path

    from geo.render.map import maps

    rings = _rings(args.rings)
    out = Path(args.out)
    refuse_overwrite(out, "--out", args.force)
    refuse_overwrite(args.png, "--png", args.force)
    target = resolve_place(args.target, args)
    refs, results = measure_against_references(target, args)
    shown = [r.layer for r in refs if r.layer is not None]
    from geo.model import LayerOrigin

    if any(layer.origin is LayerOrigin.SNAPSHOT for layer in shown):
        from geo.layers.catalog import snapshot_context

        context = snapshot_context(args.date)
        shown = [*context, *(layer for layer in shown if all(layer is not c for c in context))]
    user = None
    ref_path = Path(args.reference)
    from geo.layers.user_files import LAYER_SUFFIXES, load_user_layer

    if ref_path.suffix.lower() in LAYER_SUFFIXES:
        user = load_user_layer(ref_path, args.date)
    elif args.layer:
        user = load_user_layer(args.layer, args.date)
    ring_origin = refs[0].layer if refs[0].layer is not None else refs[0].place
    fmap = maps.build_map(
        items=results,
        layers=[user] if user is not None else shown,
        rings_km=rings,
        ring_origin=ring_origin,
        title=args.title,
        date=args.date,
        basemap=args.basemap,
    )
    maps.save_embed(fmap, out)
    sentence = maps.finding_sentence(results[0])
    print(f"geo: map written to {out} ({out.stat().st_size / 1024:,.0f} KB)", file=sys.stderr)
    print(sentence)
    if args.embed:
        print(maps.embed_snippet(out.name, args.title or sentence, sentence))
    if args.png:
        maps.render_png(out, args.png)
        print(f"geo: image written to {args.png}", file=sys.stderr)
    return 0


# -- range and batch ----------------------------------------------------------------------
def _one_reference(args):
    refs = _references(args)
    if len(refs) != 1:
        raise GeoError(
            "give one reference here (ukraine, controlled, frontline, a place or a file), not 'all'"
        )
    ref = refs[0]
    for note in getattr(ref.layer, "notes", ()) or ():
        print(f"geo: warning: {note}", file=sys.stderr)
    return ref.layer if ref.layer is not None else ref.place


def _kms(value: str) -> list[float]:
    try:
        kms = [float(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise GeoError(
            f"--km takes kilometres separated by commas, e.g. 1500 or 500,1000,1500; got {value!r}"
        ) from None
    if not kms or any(k <= 0 for k in kms):
        raise GeoError("--km needs positive distances in km")
    return kms


def cmd_range(args) -> int:
    from geo.many.ranges import range_query, rows_to_csv, rows_to_json
    from geo.places.gazetteer import Gazetteer

    kms = _kms(args.km)
    reference = _one_reference(args)
    kinds = [k.strip() for k in args.kind.split(",")] if args.kind else None
    rows = range_query(
        reference,
        kms,
        Gazetteer.default(),
        countries=_countries(args.country),
        min_population=args.min_pop,
        kinds=kinds,
    )
    if args.map:
        from pathlib import Path

        from geo.render.map import maps

        out = Path(args.map)
        refuse_overwrite(out, "--map", args.force)
        maps.range_map(rows, reference, kms, out, date=args.date)
        print(f"geo: map written to {out}", file=sys.stderr)
    if args.csv:
        sys.stdout.write(rows_to_csv(rows))
    elif args.json:
        print(rows_to_json(rows))
    else:
        name = getattr(reference, "name", "")
        print(f"{len(rows):,} places within {max(kms):,g} km of {name}")
        for r in rows:
            band = f"  [≤{r.band_km:,g} km]" if len(kms) > 1 else ""
            pop = f"pop. {r.population:,}" if r.population else r.kind
            print(f"{r.distance_km:9,.1f} km  {r.name} ({r.country_code}, {pop}){band}")
    return 0


def cmd_batch(args) -> int:
    from geo.many.batch import batch_distances

    reference = _one_reference(args)
    summary = batch_distances(
        args.points,
        reference,
        args.out,
        lat_col=args.lat_col,
        lon_col=args.lon_col,
        chunk_rows=args.chunk_rows,
        scheduler=args.scheduler,
        progress=not args.quiet,
        overwrite=args.force,
    )
    if args.json:
        _print_json(summary.to_json())
    else:
        print(
            f"{summary.rows:,} points measured against {summary.reference} in {summary.seconds:,.1f} s "
            f"({summary.points_per_second:,.0f} points/s, {summary.scheduler}); {summary.inside:,} inside; "
            f"written to {summary.output_path}"
        )
        for note in summary.notes:
            print(f"geo: note: {note}", file=sys.stderr)
    return 0


# -- parser -------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geo", description="Geocode places, measure exact WGS84 distances, verify distance claims."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--country", help="narrow place names to these ISO codes, e.g. RU,UA")
        p.add_argument(
            "--online",
            metavar="SERVICE",
            help="geocode with an online geopy service (e.g. nominatim) instead of the offline gazetteer",
        )
        p.add_argument("--json", action="store_true", help="print one JSON object")

    g = sub.add_parser("geocode", help="resolve a place name (or lat,lon) to coordinates")
    g.add_argument("name")
    common(g)
    g.set_defaults(func=cmd_geocode)

    d = sub.add_parser("distance", help="distance and bearing from a reference to a place")
    d.add_argument("target", help="place name or lat,lon")
    d.add_argument(
        "--from",
        dest="reference",
        required=True,
        help="a place or lat,lon; ukraine | controlled | occupied | frontline | all; border:CC or a country "
        "name; or a GeoJSON/KML file",
    )
    d.add_argument("--date", help="YYYY-MM-DD: use the front-line snapshot on or before this date")
    d.add_argument("--layer", help="your own occupied-territory or front-line GeoJSON/KML file")
    d.add_argument(
        "--sphere",
        action="store_true",
        help="spherical great circle on a sphere of radius 6,371.0088 km instead of WGS84",
    )
    common(d)
    d.set_defaults(func=cmd_distance)

    m = sub.add_parser("map", help="an interactive map (self-contained HTML) of a distance, with range rings")
    m.add_argument("target", help="place name or lat,lon")
    m.add_argument("--from", dest="reference", required=True, help="as for geo distance")
    m.add_argument("--date", help="YYYY-MM-DD: the front-line snapshot on or before this date")
    m.add_argument("--layer", help="your own occupied-territory or front-line GeoJSON/KML file")
    m.add_argument("--rings", help="range rings in km around the reference, e.g. 500,1000,1500")
    m.add_argument("--out", "-o", required=True, help="the HTML file to write")
    m.add_argument("--title", help="map title (default: the finding in words)")
    m.add_argument("--embed", action="store_true", help="also print a responsive iframe snippet")
    m.add_argument("--png", help="also render a static PNG (headless Chromium)")
    m.add_argument(
        "--basemap", action="store_true", help="add an OpenStreetMap tile layer (needs the network)"
    )
    m.add_argument("--force", action="store_true", help="overwrite existing output files")
    common(m)
    m.set_defaults(func=cmd_map)

    rg = sub.add_parser("range", help="every gazetteer place within a distance of a reference")
    rg.add_argument(
        "--from", dest="reference", required=True, help="controlled | frontline | ukraine | PLACE | FILE"
    )
    rg.add_argument("--km", required=True, help="distance in km, or bands such as 500,1000,1500")
    rg.add_argument("--date", help="YYYY-MM-DD: the front-line snapshot on or before this date")
    rg.add_argument("--layer", help="your own occupied-territory or front-line GeoJSON/KML file")
    rg.add_argument("--min-pop", type=int, default=0, help="only places of at least this population")
    rg.add_argument("--kind", help="only these kinds, e.g. airbase or plant,refinery")
    out_fmt = rg.add_mutually_exclusive_group()
    out_fmt.add_argument("--csv", action="store_true", help="CSV: a header and one row per place")
    rg.add_argument("--map", help="also write a map of the places and rings")
    rg.add_argument("--force", action="store_true", help="overwrite an existing --map file")
    common(rg)
    rg.set_defaults(func=cmd_range)

    b = sub.add_parser("batch", help="add distance columns to a table of points (CSV, Parquet, GeoJSON)")
    b.add_argument("points", help="points.csv, points.parquet or points.geojson")
    b.add_argument(
        "--from", dest="reference", required=True, help="controlled | frontline | ukraine | PLACE | FILE"
    )
    b.add_argument("--out", required=True, help="the Parquet file to write")
    b.add_argument("--date", help="YYYY-MM-DD: the front-line snapshot on or before this date")
    b.add_argument("--layer", help="your own occupied-territory or front-line GeoJSON/KML file")
    b.add_argument("--lat-col", default="lat")
    b.add_argument("--lon-col", default="lon")
    b.add_argument("--chunk-rows", type=int, default=500_000, help="rows per block (memory is a few blocks)")
    b.add_argument("--scheduler", help="run on Dask: local (2 workers here) or tcp://HOST:PORT of a cluster")
    b.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    common(b)
    b.set_defaults(func=cmd_batch)

    v = sub.add_parser("verify", help="check the distance claims in an article")
    v.add_argument("source", help="a text file, or - to read standard input")
    v.add_argument(
        "--date", help="article date YYYY-MM-DD (default: a 'date YYYY-MM-DD' first line, else latest)"
    )
    v.add_argument("--layer", help="your own occupied-territory GeoJSON/KML instead of the shipped snapshots")
    fmt = v.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="a JSON list, one object per claim")
    fmt.add_argument("--markdown", action="store_true", help="a Markdown fact-check memo")
    v.add_argument("--map", metavar="HTML", help="also write a map of every verified claim")
    v.add_argument("--force", action="store_true", help="overwrite an existing --map file")
    v.set_defaults(func=cmd_verify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geo`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GeoError as err:
        print(f"geo: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
