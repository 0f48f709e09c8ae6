"""``geo map``: a self-contained map (and embed snippet, PNG) of a distance."""

from __future__ import annotations

import sys

from geo.cli.common import measure_against_references, parse_rings, require_point, resolve_place
from geo.cli.safety import atomic_output, check_output_path, refuse_input_as_output

__all__ = ["cmd_map"]


def cmd_map(args) -> int:
    from pathlib import Path

    from geo.render.map.compose import build_map
    from geo.render.map.embed import embed_snippet, save_embed
    from geo.render.words import finding_sentence

    rings = parse_rings(args.rings)
    out = Path(args.out).expanduser()
    _check_outputs(args)
    target = require_point(resolve_place(args.target, args))
    if args.label:
        import dataclasses

        target = dataclasses.replace(target, name=args.label)
    refs, results = measure_against_references(target, args)
    shown = [r.layer for r in refs if r.layer is not None]
    from geo.model import LayerOrigin

    # a snapshot's layer (shipped, or imported: version "snapshot <id>") brings its context:
    # the border, occupied and controlled territory, the grey zone, the front line
    if any(layer.origin is LayerOrigin.SNAPSHOT or layer.version.startswith("snapshot ") for layer in shown):
        from geo.layers.catalog import snapshot_context

        context = snapshot_context(args.date)
        shown = [*context, *(layer for layer in shown if all(layer is not c for c in context))]
    user = None
    from geo.layers.user_files import load_user_layer

    if args.layer and any(r.layer is not None and r.layer.origin is LayerOrigin.USER_FILE for r in refs):
        user = load_user_layer(args.layer, args.date)
    ring_origin = refs[0].layer or refs[0].place or results[0].reference
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
        inset=args.inset,
    )
    with atomic_output(out) as tmp_html:
        save_embed(fmap, tmp_html)
        for image in (args.png, args.pdf, args.svg):  # the HTML is kept only when the images are made too
            if image:
                _render_image(tmp_html, image, out, args.scale)
    sentence = finding_sentence(results[0])
    print(f"geo: map written to {out} ({out.stat().st_size / 1024:,.0f} KB)", file=sys.stderr)
    print(sentence)
    if args.embed:
        print(embed_snippet(Path(out.name), args.title or sentence, sentence))
    for image in (args.png, args.pdf, args.svg):
        if image:
            print(f"geo: image written to {image}", file=sys.stderr)
    return 0


def _render_image(tmp_html, image: str, out, scale: float) -> None:
    """The PNG, PDF or SVG of the map at ``tmp_html``, whole at ``image`` or nothing there."""
    from pathlib import Path

    from geo.errors import GeoError
    from geo.render.map.png import render_png

    with atomic_output(image) as tmp_image:
        try:
            render_png(tmp_html, tmp_image, scale=scale)
        except GeoError as err:  # name the user's files, not our temporary ones
            text = str(err).replace(tmp_html.name, out.name).replace(tmp_image.name, Path(image).name)
            kind = Path(image).suffix.lstrip(".").upper() or "image"
            raise GeoError(f"{text}; neither {out.name} nor the {kind} was written") from None


def _check_outputs(args) -> None:
    """``--out``, ``--png``, ``--pdf`` and ``--svg`` can be written, are not the same file, and name no
    input (not even with ``--force``)."""
    from pathlib import Path

    from geo.errors import GeoError

    check_output_path(args.out, "--out", args.force)
    out = Path(args.out).expanduser().resolve()
    outputs = (("--png", args.png, ".png"), ("--pdf", args.pdf, ".pdf"), ("--svg", args.svg, ".svg"))
    for option, path, suffix in outputs:
        if not path:
            continue
        check_output_path(path, option, args.force)
        if Path(path).expanduser().resolve() == out:
            raise GeoError(f"{option} and --out name the same file; give the image its own name ({suffix})")
        if Path(path).suffix.lower() != suffix:
            raise GeoError(
                f"{option} writes a {suffix[1:].upper()} file: name it with {suffix}, not {Path(path).name!r}"
            )
    if args.embed and ":" in Path(args.out).name:  # the snippet's src must never read as a URL scheme
        raise GeoError(f"--out {Path(args.out).name!r}: with --embed, give a file name without ':'")
    inputs = [args.reference, args.layer]
    refuse_input_as_output(args.out, "--out", inputs)
    refuse_input_as_output(args.png, "--png", inputs)
    refuse_input_as_output(args.pdf, "--pdf", inputs)
    refuse_input_as_output(args.svg, "--svg", inputs)
