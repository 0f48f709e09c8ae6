"""``geo frontline``: the dated snapshot catalogue (list, show, import, fetch, forget)."""

from __future__ import annotations

import json
import sys

from geo.errors import GeoError

__all__ = ["add_frontline_parser", "cmd_frontline"]


def add_frontline_parser(sub) -> None:
    """Add ``geo frontline`` and its actions to the sub-command parsers ``sub``."""
    f = sub.add_parser(
        "frontline", help="the front-line snapshots by date: list, show, import, fetch, forget"
    )
    acts = f.add_subparsers(dest="action", required=True)
    ls = acts.add_parser("list", help="every snapshot (shipped and imported), oldest first")
    ls.add_argument("--json", action="store_true", help="print a JSON list")
    sh = acts.add_parser("show", help="one snapshot's provenance")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true", help="print one JSON object")
    im = acts.add_parser(
        "import", help="import an occupied-territory file (DeepStateMap JSON, GeoJSON, KML, GPKG)"
    )
    im.add_argument("file")
    im.add_argument("--date", help="YYYY-MM-DD the file shows (default: from the data or the file name)")
    fe = acts.add_parser("fetch", help="download a published map (opt-in; see the provider's terms)")
    fe.add_argument("provider", choices=["deepstate"])
    fe.add_argument("--date", help="YYYY-MM-DD: the latest map published on or before this date")
    fe.add_argument("--accept-terms", action="store_true", help="accept the provider's terms of use")
    fo = acts.add_parser("forget", help="remove an imported snapshot from the catalogue")
    fo.add_argument("id")
    f.set_defaults(func=cmd_frontline)


def cmd_frontline(args) -> int:
    """Run one ``geo frontline`` action."""
    return {"list": _list, "show": _show, "import": _import, "fetch": _fetch, "forget": _forget}[args.action](
        args
    )


def _list(args) -> int:
    from geo.layers.snapshot_catalog import catalog_entries

    entries = catalog_entries()
    if args.json:
        print(json.dumps([{**e.to_json(), "source": _source(e)} for e in entries], indent=2))
        return 0
    print(f"{'id':<48} {'date':<10}  {'kind':<8}  source")
    for e in entries:
        print(f"{e.id:<48} {e.date.isoformat():<10}  {e.kind:<8}  {_source(e)}")
    return 0


def _source(entry) -> str:
    prov = entry.provenance
    return str(prov.get("url") or prov.get("source") or prov.get("file") or "")


def _show(args) -> int:
    from geo.layers.snapshot_catalog import find_entry

    entry = find_entry(args.id)
    record = {**entry.to_json(), **entry.provenance}
    if args.json:
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    for key, value in record.items():
        print(f"{key:<17} {value}")
    return 0


def _import(args) -> int:
    from geo.layers.snapshot_import import import_file

    result = import_file(args.file, args.date)
    _report(result)
    return 0


def _report(result) -> None:
    entry = result.entry
    if not result.created:
        print(f"geo: {result.note}; nothing changed", file=sys.stderr)
    else:
        prov = entry.provenance
        print(
            f"geo: imported {entry.id}: occupied {prov['area_km2']:,.0f} km² on {entry.date} "
            f"(date from {result.note})",
            file=sys.stderr,
        )
    print(entry.id)


def _fetch(args) -> int:
    from geo.layers.deepstate_client import TERMS, DeepStateMap, accept_terms, terms_accepted
    from geo.layers.snapshot_catalog import parse_date
    from geo.layers.snapshot_import import import_payload

    date = parse_date(args.date)
    if not terms_accepted():
        if not args.accept_terms:
            print(TERMS)
            raise GeoError(
                "DeepStateMap's terms (above) must be accepted first: run again with --accept-terms"
            )
        accept_terms()
    client = DeepStateMap()
    fetched = client.map_for(date)
    result = import_payload(fetched.body, {"source": "DeepStateMap", "url": fetched.url})
    if fetched.not_modified:
        print("geo: DeepStateMap says the map has not changed since the last fetch", file=sys.stderr)
    _report(result)
    return 0


def _forget(args) -> int:
    from geo.layers.snapshot_catalog import forget_entry

    entry = forget_entry(args.id)
    print(f"geo: forgot {entry.id} ({entry.date})", file=sys.stderr)
    return 0
