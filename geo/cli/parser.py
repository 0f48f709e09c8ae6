"""The ``geo`` command line's arguments: one sub-command per job of the pipeline."""

from __future__ import annotations

import argparse

from geo.cli.article import DEFAULT_MAX_CLAIMS, DEFAULT_MAX_KB
from geo.cli.frontline import add_frontline_parser
from geo.cli.many import cmd_batch, cmd_range
from geo.cli.map import cmd_map
from geo.cli.places import cmd_distance, cmd_geocode
from geo.cli.verify import cmd_verify

__all__ = ["build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; each sub-command's ``func`` runs it."""
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
        help="a place or lat,lon (negative ones too: --from -33.9,18.4); ukraine | controlled | occupied | "
        "frontline | all; border:CC or a country name; or a file (GeoJSON, KML, KMZ, GeoPackage, shapefile) "
        "measured as its own geometry anywhere on Earth (inside a polygon = 0 km; a file of points: the "
        "nearest point, named)",
    )
    d.add_argument("--date", help="YYYY-MM-DD: use the front-line snapshot on or before this date")
    d.add_argument(
        "--layer",
        help="your own occupied-territory (polygons) or front-line (lines) file, read for --from "
        "controlled | occupied | frontline instead of the shipped snapshots",
    )
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
    m.add_argument("--byline", default="", help="who made the map, shown under it (e.g. 'Map: J. Doe')")
    m.add_argument("--label", help="the target's name on the map (for a lat,lon target)")
    m.add_argument(
        "--interactive", action="store_true", help="wheel zoom and one-finger drag (default: static)"
    )
    m.add_argument(
        "--theme", choices=("auto", "light", "dark"), default="auto", help="colours (default: reader's)"
    )
    m.add_argument(
        "--scale", type=float, default=2.0, help="device pixels per CSS pixel of --png (default 2)"
    )
    m.add_argument("--pdf", help="also render a PDF for print (headless Chromium)")
    m.add_argument(
        "--svg", help="also write a standalone SVG for print (vectors and text; headless Chromium)"
    )
    m.add_argument(
        "--inset",
        action="store_true",
        help="a small locator of the map's area in Europe and Asia, in a free corner",
    )
    common(m)
    m.set_defaults(func=cmd_map)

    rg = sub.add_parser("range", help="every gazetteer place within a distance of a reference")
    rg.add_argument(
        "--from", dest="reference", required=True, help="controlled | frontline | ukraine | PLACE | FILE"
    )
    rg.add_argument("--km", required=True, help="distance in km, or bands such as 500,1000,1500")
    rg.add_argument("--date", help="YYYY-MM-DD: the front-line snapshot on or before this date")
    rg.add_argument("--layer", help="your own occupied-territory or front-line GeoJSON/KML file")
    rg.add_argument(
        "--min-pop", type=_non_negative_int, default=0, help="only places of at least this population"
    )
    rg.add_argument("--kind", help="only these kinds, e.g. airbase or plant,refinery")
    out_fmt = rg.add_mutually_exclusive_group()
    out_fmt.add_argument("--csv", action="store_true", help="CSV: a header and one row per place")
    rg.add_argument("--map", help="also write a map of the places and rings")
    rg.add_argument("--force", action="store_true", help="overwrite an existing --map file")
    _map_look(rg)
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
    b.add_argument(
        "--chunk-rows", type=_positive_int, default=500_000, help="rows per block (memory is a few blocks)"
    )
    b.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="leave out CSV rows that cannot be read (wrong field count, no coordinates) and report them",
    )
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
    v.add_argument(
        "--explain",
        metavar="N",
        help="print the full evidence for claim N (its number in the table), or 'all'",
    )
    v.add_argument(
        "--lang",
        choices=("en", "uk", "ru"),
        help="the article's language (default: detected per sentence; English, Ukrainian or Russian)",
    )
    v.add_argument(
        "--report-lang",
        choices=("en", "uk", "ru"),
        default="en",
        help="write verdicts and explanations in this language (default: en)",
    )
    v.add_argument("--map", metavar="HTML", help="also write a map of every verified claim")
    v.add_argument("--force", action="store_true", help="overwrite an existing --map file")
    _map_look(v)
    v.add_argument(
        "--max-kb", type=_positive_int, default=DEFAULT_MAX_KB, help="largest text read, in KB (default 1024)"
    )
    v.add_argument(
        "--max-claims",
        type=_positive_int,
        default=DEFAULT_MAX_CLAIMS,
        help="most claims checked (default 500)",
    )
    v.set_defaults(func=cmd_verify)
    add_frontline_parser(sub)
    return parser


def _positive_int(text: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    return _whole_number(text, 1)


def _non_negative_int(text: str) -> int:
    """A whole number of at least 0 (argparse type)."""
    return _whole_number(text, 0)


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text.strip().replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least {least}, got {text!r}")
    return value


def _map_look(p) -> None:
    """``--theme`` and ``--inset`` for a command's ``--map``, as ``geo map`` has them."""
    p.add_argument(
        "--theme", choices=("auto", "light", "dark"), default="auto", help="--map colours (default: reader's)"
    )
    p.add_argument("--inset", action="store_true", help="--map: a small locator of its area, in a corner")
