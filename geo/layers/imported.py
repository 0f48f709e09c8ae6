"""Layers of an imported snapshot: the user's occupied (and grey-zone) polygons as stored
in the catalogue, with controlled territory and the line of contact derived from them.

The stored file (``<id>.geojson`` in the user data directory) is a FeatureCollection whose
features carry ``{"role": "occupied"}`` or ``{"role": "grey"}``; geometries EPSG:4326.
Derivation is :func:`geo.layers.territory.controlled_from_occupied` (small holes and
slivers dropped, the seam along Ukraine's outer boundary absorbed). Built once per file.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from shapely.geometry import shape
from shapely.ops import unary_union

from geo.errors import LayerError
from geo.layers.borders import NE_SOURCE
from geo.layers.layer import Layer, as_multipolygon, role_layer
from geo.layers.territory import controlled_from_occupied, overlay_tolerance_for, simplified_notes
from geo.model import LayerOrigin, LayerRole

__all__ = ["IMPORTED_ACCURACY", "build_imported_snapshot", "read_stored"]

IMPORTED_ACCURACY = "as published by the source (imported by the user); see the snapshot's sidecar"


def read_stored(path: Path) -> tuple[object, object | None]:
    """``(occupied, grey)`` MultiPolygons of a stored snapshot file (grey None when absent)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        feats = data["features"]
        occ = [shape(f["geometry"]) for f in feats if f["properties"].get("role") == "occupied"]
        grey = [shape(f["geometry"]) for f in feats if f["properties"].get("role") == "grey"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise LayerError(f"cannot read the imported snapshot {path.name}: {err}") from None
    if not occ:
        raise LayerError(f"the imported snapshot {path.name} holds no occupied territory")
    return as_multipolygon(unary_union(occ)), (as_multipolygon(unary_union(grey)) if grey else None)


def build_imported_snapshot(entry):
    """The :class:`~geo.layers.frontline.FrontSnapshot` of an imported catalogue entry."""
    stat = entry.path.stat()
    return _build(str(entry.path), stat.st_mtime_ns, entry.id, entry.date.isoformat(), _prov_key(entry))


def _prov_key(entry) -> tuple[str, str]:
    prov = entry.provenance
    return (str(prov.get("source", "user import")), str(prov.get("licence", "as provided by the user")))


@lru_cache(maxsize=8)
def _build(path: str, _mtime_ns: int, snapshot_id: str, date: str, prov: tuple[str, str]):
    from geo.layers.frontline import FrontSnapshot

    source, licence = prov
    occupied, grey = read_stored(Path(path))
    occ, ctl, contact = controlled_from_occupied(occupied)
    notes = simplified_notes(overlay_tolerance_for(occupied), f"snapshot {snapshot_id}")
    common = {
        "source": f"{source} (imported snapshot {snapshot_id})",
        "licence": licence,
        "version": f"snapshot {snapshot_id}",
        "date": date,
        "accuracy": IMPORTED_ACCURACY,
        "origin": LayerOrigin.USER_FILE,
    }
    grey_layer = None
    if grey is not None and not grey.is_empty:
        grey_layer = Layer(
            name=f"grey zone {date}",
            kind="polygon",
            geometry=grey,
            title="contested ground (grey zone)",
            role=LayerRole.GREY,
            **common,
        )
    return FrontSnapshot(
        date=date,
        line=role_layer(LayerRole.FRONTLINE, f"front line {date} ({snapshot_id})", contact, **common),
        occupied=role_layer(
            LayerRole.OCCUPIED, f"Russian-occupied territory {date}", occ, notes=notes, **common
        ),
        controlled=role_layer(
            LayerRole.CONTROLLED,
            f"Ukrainian-controlled territory {date}",
            ctl,
            notes=notes,
            **{**common, "source": f"{NE_SOURCE} minus {common['source']}"},
        ),
        source=path,
        grey=grey_layer,
    )
