"""``geo range`` and ``geo batch``: every place within range, distances for many points."""

from __future__ import annotations

import sys

from geo.cli.common import one_reference, parse_countries, parse_kms, print_json, refuse_overwrite

__all__ = ["cmd_batch", "cmd_range"]


def cmd_range(args) -> int:
    from geo.many.ranges import range_query
    from geo.places.gazetteer import Gazetteer
    from geo.render.ranges import rows_to_csv, rows_to_json

    kms = parse_kms(args.km)
    reference = one_reference(args)
    kinds = [k.strip() for k in args.kind.split(",")] if args.kind else None
    rows = range_query(
        reference,
        kms,
        Gazetteer.default(),
        countries=parse_countries(args.country),
        min_population=args.min_pop,
        kinds=kinds,
    )
    if args.map:
        from pathlib import Path

        from geo.render.map.ranges import range_map

        out = Path(args.map)
        refuse_overwrite(out, "--map", args.force)
        range_map(rows, reference, kms, out, date=args.date)
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
    from geo.many.batch.run import batch_distances

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
