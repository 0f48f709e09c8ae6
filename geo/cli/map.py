"""``geo map``: a self-contained map (and embed snippet, PNG) of a distance."""

from __future__ import annotations

import sys

from geo.cli.common import (
    measure_against_references,
    parse_rings,
    refuse_overwrite,
    require_point,
    resolve_place,
)

__all__ = ["cmd_map"]


def cmd_map(args) -> int:
    from pathlib import Path

    from geo.render.map.compose import build_map
    from geo.render.map.embed import embed_snippet, save_embed
    from geo.render.map.png import render_png
    from geo.render.words import finding_sentence

    rings = parse_rings(args.rings)
    out = Path(args.out)
    refuse_overwrite(out, "--out", args.force)
    refuse_overwrite(args.png, "--png", args.force)
    refuse_overwrite(args.pdf, "--pdf", args.force)
    target = require_point(resolve_place(args.target, args))
    if args.label:
        import dataclasses

        target = dataclasses.replace(target, name=args.label)
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
    fmap = build_map(
        items=results,
        layers=[user] if user is not None else shown,
        rings_km=rings,
        ring_origin=ring_origin,
        title=args.title,
        date=args.date,
        basemap=args.basemap,
        byline=args.byline,
        interactive=args.interactive,
        theme=args.theme,
    )
    save_embed(fmap, out)
    sentence = finding_sentence(results[0])
    print(f"geo: map written to {out} ({out.stat().st_size / 1024:,.0f} KB)", file=sys.stderr)
    print(sentence)
    if args.embed:
        print(embed_snippet(Path(out.name), args.title or sentence, sentence))
    for image in (args.png, args.pdf):
        if image:
            render_png(out, image, scale=args.scale)
            print(f"geo: image written to {image}", file=sys.stderr)
    return 0
