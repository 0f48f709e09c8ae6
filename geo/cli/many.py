"""``geo range`` and ``geo batch``: every place within range, distances for many points."""

from __future__ import annotations

import sys

from geo.cli.common import one_reference, parse_countries, parse_kms, print_json
from geo.cli.safety import atomic_output, check_output_path, refuse_input_as_output

__all__ = ["cmd_batch", "cmd_range"]


def cmd_range(args) -> int:
    import argparse

    from geo.many.ranges import range_table
    from geo.places.gazetteer import Gazetteer
    from geo.render.ranges import rows_to_json, table_csv_chunks

    kms = parse_kms(args.km)
    check_output_path(args.map, "--map", args.force)
    refuse_input_as_output(args.map, "--map", [args.reference, args.layer])
    # --country narrows the places listed, not the lookup of --from
    reference = one_reference(argparse.Namespace(**{**vars(args), "country": None}))
    kinds = [k.strip() for k in args.kind.split(",")] if args.kind else None
    table = range_table(
        reference,
        kms,
        Gazetteer.default(),
        countries=parse_countries(args.country),
        min_population=args.min_pop,
        kinds=kinds,
    )
    if args.csv and not args.map:  # the fast path: columns straight to text, no row objects
        _write_chunks(table_csv_chunks(table))
        return 0
    rows = table.rows()
    if args.map:
        from pathlib import Path

        from geo.render.map.ranges import range_map

        out = Path(args.map)
        with atomic_output(out) as tmp:
            range_map(rows, reference, kms, tmp, date=args.date, theme=args.theme, inset=args.inset)
        print(f"geo: map written to {out}", file=sys.stderr)
    if args.csv:
        _write_chunks(table_csv_chunks(table))
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


def _write_chunks(chunks) -> None:
    """UTF-8 ``chunks`` to stdout as they come (straight to its buffer when it has one)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    for chunk in chunks:
        if buffer is not None:
            buffer.write(chunk)
        else:
            sys.stdout.write(chunk.decode("utf-8"))
    sys.stdout.flush()


def cmd_batch(args) -> int:
    from geo.many.batch.run import batch_distances

    if args.lat_col.strip() == args.lon_col.strip():
        from geo.errors import GeoError

        raise GeoError(f"--lat-col and --lon-col both name the column {args.lat_col!r}; give two columns")
    check_output_path(args.out, "--out", args.force)
    refuse_input_as_output(args.out, "--out", [args.points, args.reference, args.layer])
    if args.scheduler is not None:
        check_scheduler(args.scheduler)
    reference = one_reference(args)
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
        skip_bad_rows=args.skip_bad_rows,
    )
    if args.json:
        print_json(summary.to_json())
    else:
        print(
            f"{summary.rows:,} points measured against {summary.reference} in {summary.seconds:,.1f} s "
            f"({summary.points_per_second:,.0f} points/s, {summary.scheduler}); {summary.inside:,} inside; "
            f"written to {summary.output_path}"
        )
        for note in summary.notes:
            print(f"geo: note: {note}", file=sys.stderr)
    return 0


def check_scheduler(text: str) -> None:
    """``--scheduler``: ``local`` or a reachable ``tcp://HOST:PORT``; anything else is a
    clear error before any work (a TLS or in-process address cannot be used from here)."""
    import socket
    from urllib.parse import urlsplit

    from geo.errors import GeoError

    address = text.strip()
    if address == "local":
        return
    if address.startswith(("tls://", "inproc://", "ucx://")):
        raise GeoError(
            f"--scheduler {address}: only 'local' or a tcp://HOST:PORT address "
            "can be used from the command line"
        )
    parts = urlsplit(address)
    host = parts.hostname
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme != "tcp" or not host or not port:
        raise GeoError(
            f"--scheduler takes 'local' or a Dask address such as tcp://10.0.0.5:8786; got {text!r}"
        )
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as err:
        raise GeoError(f"cannot reach the Dask scheduler at {address}: {err.strerror or err}") from None
