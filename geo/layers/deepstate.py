"""Reading DeepStateMap's formats: which features are occupied territory, which grey zone.

Two shapes reach us:

* the API response (``/api/history/{id}/geojson``, ``/api/history/last``): an object
  ``{"id": <publication time, Unix seconds>, "datetime": <display only>, "map":
  <FeatureCollection>}``;
* a per-day archive GeoJSON: a FeatureCollection of one MultiPolygon without properties
  (all of it occupied).

API features are classified by the tag in their ``name``
(``"<uk> /// <en> /// geoJSON.<tag>"``, possibly with ``\\xa0``, newlines or a trailing
``{{at:…}}``): occupied = :data:`OCCUPIED_TAGS`, grey zone = :data:`GREY_TAGS`; everything
else (``status.dismissed*``, other ``territories.*``) and every Point (units, airfields,
arrows) is dropped. Early-2022 maps carry no tags: their occupied areas are recognised by
fill colour (:data:`OCCUPIED_FILLS`). Geometries are EPSG:4326; a third coordinate is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from geo.errors import LayerError

__all__ = [
    "GREY_TAGS",
    "OCCUPIED_FILLS",
    "OCCUPIED_TAGS",
    "PARSER_VERSION",
    "Classified",
    "classify_features",
    "feature_tag",
    "read_deepstate_json",
]

#: Bumped whenever the classification below changes (recorded in each import's sidecar).
PARSER_VERSION = "deepstate-1"
TAG_RE = re.compile(r"geoJSON\.(\w+\.\w+)")
OCCUPIED_TAGS = frozenset({"status.occupied", "territories.crimea", "territories.ordlo", "territories.tuzla"})
GREY_TAGS = frozenset({"status.unknown"})
#: Fill colours of occupied areas on untagged (early-2022) maps.
OCCUPIED_FILLS = frozenset({"#a52714", "#880e4f"})


@dataclass
class Classified:
    """Polygons sorted into occupied and grey zone, with what was seen and dropped.

    ``tags`` counts every tag (or ``fill:<colour>``, ``untagged``, ``point``) met;
    ``how`` is ``"tags"``, ``"fill colours"`` or ``"all polygons"`` (a plain file).
    """

    occupied: list = field(default_factory=list)
    grey: list = field(default_factory=list)
    tags: Counter = field(default_factory=Counter)
    how: str = "all polygons"
    published: dt.datetime | None = None


def feature_tag(name: object) -> str | None:
    """The ``geoJSON.<group>.<tag>`` tag of a DeepStateMap feature name, or None.

    >>> feature_tag("Окуповано /// Occupied /// geoJSON.status.occupied{{at:1}}")
    'status.occupied'
    >>> feature_tag("a\\xa0///\\nb /// geoJSON.territories.crimea") , feature_tag(None)
    ('territories.crimea', None)
    """
    if not isinstance(name, str):
        return None
    m = TAG_RE.search(name.replace("\xa0", " "))
    return m.group(1) if m else None


def _fill(props: dict) -> str | None:
    for key in ("fill", "fill-color", "fillColor"):
        value = props.get(key)
        if isinstance(value, str):
            return value.strip().lower()
    return None


def _polygons(geom) -> list[Polygon]:
    geom = shapely.force_2d(geom)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    parts = getattr(geom, "geoms", [geom])
    out = []
    for g in parts:
        if isinstance(g, Polygon) and not g.is_empty:
            out.append(g)
        elif isinstance(g, MultiPolygon) or hasattr(g, "geoms"):
            out.extend(_polygons(g))
    return out


def classify_features(features: list[tuple[dict, object]]) -> Classified:
    """Sort ``(properties, shapely geometry)`` pairs into occupied and grey-zone polygons.

    Tags decide when any feature has one; else the occupied fill colours when any feature
    has one; else (a plain occupied-territory file) every polygon is occupied.
    """
    out = Classified()
    tagged = any(feature_tag(p.get("name")) for p, _ in features)
    coloured = not tagged and any(_fill(p) in OCCUPIED_FILLS for p, _ in features)
    out.how = "tags" if tagged else "fill colours" if coloured else "all polygons"
    for props, geom in features:
        if geom is None or geom.is_empty:
            continue
        polys = _polygons(geom)
        if not polys:
            out.tags["point or line"] += 1
            continue
        if tagged:
            key = feature_tag(props.get("name")) or "untagged"
            target = out.occupied if key in OCCUPIED_TAGS else out.grey if key in GREY_TAGS else None
        elif coloured:
            key = f"fill:{_fill(props)}"
            target = out.occupied if _fill(props) in OCCUPIED_FILLS else None
        else:
            key, target = "polygon", out.occupied
        out.tags[key] += 1
        if target is not None:
            target.extend(polys)
    return out


def read_deepstate_json(data: object) -> Classified:
    """Classify a parsed DeepStateMap API response, archive file or any GeoJSON object."""
    published = None
    if isinstance(data, dict) and "map" in data:
        published = _publication_time(data.get("id"))
        data = data["map"]
    if not isinstance(data, dict):
        raise LayerError("not a GeoJSON object (expected a FeatureCollection, Feature or geometry)")
    kind = data.get("type")
    if kind == "FeatureCollection":
        raw = data.get("features")
        if not isinstance(raw, list):
            raise LayerError("the FeatureCollection has no list of features")
    elif kind == "Feature":
        raw = [data]
    elif isinstance(kind, str):
        raw = [{"type": "Feature", "properties": {}, "geometry": data}]
    else:
        raise LayerError("not a GeoJSON object (no 'type')")
    features = []
    for i, f in enumerate(raw):
        try:
            props = f.get("properties") or {}
            geom = shape(f["geometry"]) if f.get("geometry") else None
        except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException) as err:
            raise LayerError(f"feature {i} has an unreadable geometry: {err}") from None
        features.append((props if isinstance(props, dict) else {}, geom))
    out = classify_features(features)
    out.published = published
    return out


def _publication_time(value: object) -> dt.datetime:
    """DeepStateMap's ``id``: the publication time in Unix seconds (UTC)."""
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise LayerError(f"the response's id {value!r} is not a publication time in Unix seconds") from None
