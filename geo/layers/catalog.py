"""The one place that turns a layer's name (or role) and a date into a :class:`Layer`.

``ukraine`` is Ukraine's internationally recognised border; ``controlled``, ``occupied``
and ``frontline`` come from the catalogue's snapshot on or before the date (shipped or
imported, :mod:`geo.layers.snapshot_catalog`; its layers carry the snapshot's id, age and
staleness), or from a user's occupied-territory file when one is given (``--layer``).
A new kind of reference layer is added here (and given a style in
``geo.render.map.style``), nowhere else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from geo.errors import LayerError
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot, parse_date
from geo.layers.layer import Layer
from geo.layers.user_files import load_user_layer
from geo.model import LayerRole

__all__ = ["ALL_WORDS", "LAYER_WORDS", "iso_date", "layer_for", "snapshot_context"]

#: The words ``--from`` accepts for a named layer, and the role each stands for.
LAYER_WORDS: dict[str, LayerRole] = {
    "ukraine": LayerRole.BORDER,
    "ukraine-border": LayerRole.BORDER,
    "border": LayerRole.BORDER,
    "controlled": LayerRole.CONTROLLED,
    "ukrainian-controlled": LayerRole.CONTROLLED,
    "occupied": LayerRole.OCCUPIED,
    "frontline": LayerRole.FRONTLINE,
    "front-line": LayerRole.FRONTLINE,
    "front": LayerRole.FRONTLINE,
}
#: What ``--from all`` expands to, in order.
ALL_WORDS = ("ukraine", "controlled", "frontline")
#: The word each role is printed as (the label of a reference).
ROLE_WORDS = {
    LayerRole.BORDER: "ukraine",
    LayerRole.CONTROLLED: "controlled",
    LayerRole.OCCUPIED: "occupied",
    LayerRole.FRONTLINE: "frontline",
}


def iso_date(date: str | dt.date | None) -> str | None:
    """A date as ``YYYY-MM-DD`` (checked), or None."""
    d = parse_date(date)
    return d.isoformat() if d else None


def layer_for(role: LayerRole, date: str | dt.date | None = None, layer_file: str | None = None) -> Layer:
    """The layer playing ``role`` on ``date``.

    ``BORDER`` is Ukraine's internationally recognised border (no date). ``CONTROLLED``,
    ``OCCUPIED`` and ``FRONTLINE`` come from ``layer_file`` when given, else from the
    latest catalogue snapshot on or before ``date`` (an old one carries its warning in
    ``layer.notes``; ``layer.snapshot_id``, ``age_days`` and ``stale`` say which and how old).
    """
    if role is LayerRole.BORDER:
        return ukraine()
    if role not in (LayerRole.CONTROLLED, LayerRole.OCCUPIED, LayerRole.FRONTLINE):
        raise ValueError(f"no named layer plays the role {role!s}")
    if layer_file:
        user = load_user_layer(layer_file, iso_date(date))
        layer = {LayerRole.CONTROLLED: user.controlled, LayerRole.OCCUPIED: user.occupied}.get(
            role, user.line
        )
        if layer is None:
            raise LayerError(
                f"{Path(layer_file).name} has no polygons, so it gives no {ROLE_WORDS[role]} territory"
            )
        return layer
    snap = frontline_snapshot(date)
    return {LayerRole.CONTROLLED: snap.controlled, LayerRole.OCCUPIED: snap.occupied}.get(role, snap.line)


def snapshot_context(date: str | dt.date | None = None) -> list[Layer]:
    """The layers a front-line map shows for orientation: Ukraine's border, occupied and
    controlled territory, the front line and (an imported snapshot's) grey zone of the
    snapshot on or before ``date``."""
    snap = frontline_snapshot(date)
    grey = [snap.grey] if snap.grey is not None else []
    return [ukraine(), snap.occupied, snap.controlled, *grey, snap.line]
