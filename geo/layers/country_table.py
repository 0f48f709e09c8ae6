"""Natural Earth admin-0 countries as plain columns, cached on disk for fast cold starts.

The map draws every country's outline and names the larger ones; reading the shapefile
through geopandas for that costs pandas, pyogrio and the file (about half a second).
:func:`country_table` gives the same rows, in the same order as
:func:`geo.layers.borders.countries_frame`, as NumPy columns: ISO alpha-2 ``code``,
``name`` (``NAME``), the label point ``label_x``/``label_y`` (``LABEL_X``/``LABEL_Y``,
WGS84 degrees), ``label_rank`` (``LABELRANK``) and ``geometry`` (shapely, EPSG:4326, exact:
stored as WKB). The cache file lives in the user cache, is rebuilt when missing or
unreadable, and is safe to delete.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import shapely

from geo.config import cache_dir

__all__ = ["CountryTable", "country_table"]

#: Bump when the cached columns change.
_FORMAT = 1


class CountryTable(NamedTuple):
    """Natural Earth admin-0 countries, one entry per row of the source, in its order."""

    code: np.ndarray  # str, ISO alpha-2 (or ISO_A2_EH when ISO_A2 is -99)
    name: np.ndarray  # str, Natural Earth NAME
    label_x: np.ndarray  # float, degrees east
    label_y: np.ndarray  # float, degrees north
    label_rank: np.ndarray  # float, LABELRANK
    geometry: np.ndarray  # object: shapely (Multi)Polygon or None, EPSG:4326


def _cache_path() -> Path:
    from geo.layers.borders import ne_version

    return cache_dir() / f"ne-{ne_version()}-deu-countries-v{_FORMAT}.npz"


def _from_frame() -> CountryTable:
    from geo.layers.borders import countries_frame

    df = countries_frame()
    return CountryTable(
        code=np.array([str(c) for c in df["code"]], dtype=str),
        name=np.array(["" if n is None else str(n) for n in df["NAME"]], dtype=str),
        label_x=np.asarray(df["LABEL_X"], dtype=float),
        label_y=np.asarray(df["LABEL_Y"], dtype=float),
        label_rank=np.asarray(df["LABELRANK"], dtype=float),
        geometry=np.array(list(df.geometry), dtype=object),
    )


def _store(table: CountryTable, path: Path) -> None:
    wkb = [b"" if g is None else shapely.to_wkb(g) for g in table.geometry]
    offsets = np.cumsum([0, *map(len, wkb)]).astype(np.int64)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.savez(
                fh,
                code=table.code,
                name=table.name,
                label_x=table.label_x,
                label_y=table.label_y,
                label_rank=table.label_rank,
                wkb=np.frombuffer(b"".join(wkb), dtype=np.uint8),
                offsets=offsets,
            )
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


def _load(path: Path) -> CountryTable | None:
    try:
        with np.load(path, allow_pickle=False) as z:
            cols = {k: z[k] for k in ("code", "name", "label_x", "label_y", "label_rank", "wkb", "offsets")}
        blob, off = cols["wkb"].tobytes(), cols["offsets"]
        pieces = np.array([blob[a:b] or None for a, b in zip(off[:-1], off[1:], strict=True)], dtype=object)
        geometry = shapely.from_wkb(pieces)
    except (OSError, ValueError, KeyError, shapely.errors.ShapelyError):  # missing, truncated, garbage
        return None
    if len(geometry) != len(cols["code"]):
        return None
    return CountryTable(
        cols["code"], cols["name"], cols["label_x"], cols["label_y"], cols["label_rank"], geometry
    )


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """Every Natural Earth country as columns (see the module docstring), from the cache,
    or read from the shapefile once and cached."""
    path = _cache_path()
    table = _load(path)
    if table is None:
        table = _from_frame()
        _store(table, path)
    return table
