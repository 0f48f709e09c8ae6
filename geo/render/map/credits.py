"""The credit line of a map: sources, versions, dates and licences of everything on it, and the method."""

from __future__ import annotations

from collections.abc import Iterable

from geo.layers.borders import ne_version
from geo.layers.layer import Layer
from geo.model import LayerOrigin, LayerRole
from geo.render.map.items import MapItem

__all__ = ["credit_line"]


def credit_line(used_layers: Iterable[Layer], items: Iterable[MapItem] = (), date: str | None = None) -> str:
    """Sources, versions, dates and licences of everything on the map, and the method.

    Always names Natural Earth (the country outlines are always drawn).
    """
    parts: list[str] = []
    notes: list[str] = []
    ne = f"Borders: Natural Earth 1:10m v{ne_version()} (public domain)"
    parts.append(ne)
    for layer in used_layers:
        d = layer.describe()
        if layer.role is LayerRole.REGION:
            text = f"Regions: {d['source']}, {d['version']} ({d['licence']})"
        elif layer.origin is LayerOrigin.NATURAL_EARTH:
            continue
        elif layer.origin is LayerOrigin.SNAPSHOT:
            text = f"Front line and territory: geo snapshot {d['date']} (approximate; {d['licence']})"
        elif layer.origin is LayerOrigin.USER_FILE:
            when = f", {d['date']}" if d["date"] else ""
            text = f"Layer: {d['source']}{when} ({d['licence']})"
        else:
            when = f", {d['date']}" if d["date"] and d["date"] not in d["version"] else ""
            text = f"{d['name']}: {d['source']}, {d['version']}{when} ({d['licence']})"
        if text not in parts:
            parts.append(text)
        notes.extend(n for n in d["notes"] if n not in notes)
    sources = {i.target.source for i in items}
    if any(s.startswith("geonames") for s in sources):
        parts.append("Places: GeoNames (CC BY 4.0)")
    if "airfields.csv" in sources:
        parts.append("Airfields: OurAirports (public domain)")
    if any(s.startswith("facilities") for s in sources):
        parts.append("Facilities: geo facility tables (a source for each row)")
    parts.append(
        "Distances: WGS84 geodesic, the shortest over the Earth's surface (GeographicLib via pyproj)"
    )
    parts.append("Drawn with Leaflet")
    if date:
        parts.append(f"Layers as of {date}")
    parts.extend(f"Note: {n}" for n in notes)
    return " · ".join(parts)
