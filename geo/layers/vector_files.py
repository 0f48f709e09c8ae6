"""Reading a user's vector file safely: GeoJSON (a byte-order mark tolerated), KML (external
entities and entity expansion refused), KMZ, GeoPackage and shapefiles.

Anything that is not a regular, readable file of a known format is refused with a
:class:`~geo.errors.LayerError` that says what is wrong (a folder, a FIFO, ``/dev/zero``, a
file without read permission, a ``.txt``), before any byte of it is parsed. Output is a
GeoDataFrame as read (its CRS is checked by the caller).
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import warnings
import zipfile
from pathlib import Path

from geo.errors import LayerError
from geo.layers.geojson_arrays import geojson_arrays

__all__ = ["LAYER_SUFFIXES", "MAX_LAYER_BYTES", "MAX_LAYER_VERTICES", "check_layer_path", "read_vector"]

#: File suffixes read as vector layers.
LAYER_SUFFIXES = frozenset({".geojson", ".json", ".kml", ".kmz", ".gpkg", ".shp"})
#: The largest layer file read (bytes): 1 GB.
MAX_LAYER_BYTES = 1 << 30
#: The most vertices a layer may have: measuring stays bounded in time and memory below this.
MAX_LAYER_VERTICES = 2_000_000
#: The largest KML inside a KMZ that is unpacked (bytes): guards against zip bombs.
_MAX_KML_BYTES = 256 << 20
#: A DTD (where entities are declared) before the root element of an XML document.
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_GEOJSON_TYPES = frozenset(
    {"FeatureCollection", "Feature", "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
     "MultiPolygon", "GeometryCollection"}
)  # fmt: skip
#: GeoJSON files larger than this (bytes) have their coordinates read as arrays.
_ARRAYS_FROM_BYTES = 1 << 20
#: The start of a GeoJSON position, ``[lon``.
_POSITION = re.compile(rb"\[\s*-?[\d.]")
_FORMATS = "GeoJSON, KML, KMZ, GeoPackage or a shapefile"


def check_layer_path(p: Path) -> os.stat_result:
    """The ``stat`` of a layer path that exists, is a regular readable non-empty file of a
    known format and not too large; :class:`LayerError` saying which of these fails."""
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LayerError(f"layer file not found: {p}") from None
    except OSError as err:
        raise LayerError(f"cannot open layer file {p}: {err.strerror or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise LayerError(f"{p} is a folder, not a layer file; give a {_FORMATS} file")
    if not stat.S_ISREG(st.st_mode):
        raise LayerError(f"{p} is not a regular file (a device, pipe or socket); give a {_FORMATS} file")
    suffix = p.suffix.lower()
    if suffix not in LAYER_SUFFIXES:
        raise LayerError(f"{p.name}: unsupported layer format {suffix or '(none)'}; use {_FORMATS}")
    if st.st_size == 0:
        raise LayerError(f"layer file is empty: {p}")
    if st.st_size > MAX_LAYER_BYTES:
        raise LayerError(f"{p.name} is {st.st_size / 2**20:,.0f} MB; layers up to 1,024 MB are read")
    if not os.access(p, os.R_OK):
        raise LayerError(f"cannot read layer file {p}: permission denied")
    return st


def read_vector(p: Path):
    """A vector file as a GeoDataFrame, with a clear :class:`LayerError` for anything unreadable."""
    check_layer_path(p)
    suffix = p.suffix.lower()
    source: object = p
    if suffix in {".geojson", ".json"}:
        source, doc, built = _geojson_bytes(p)
        if _is_lonlat_geojson(doc):  # the common case, read directly: GDAL would parse it all again
            return _geojson_frame(doc, p.name, built)
    elif suffix == ".kml":
        source = _safe_kml(_read_bytes(p), p.name)
    elif suffix == ".kmz":
        source = _kml_of_kmz(p)
    gdf = _read_with_gdal(source, p.name)
    _refuse_too_many_vertices(_vertex_count(gdf.geometry), p.name)
    return gdf


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as err:
        raise LayerError(f"cannot read layer file {p}: {err.strerror or err}") from None


def _geojson_bytes(p: Path) -> tuple[io.BytesIO, object, list | None]:
    """The GeoJSON's bytes (a UTF-8 byte-order mark dropped), the parsed document and, for a
    big file, its geometries read as arrays (the document's ``coordinates`` are then their
    indexes, see :mod:`geo.layers.geojson_arrays`)."""
    data = _read_bytes(p)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if len(data) > _ARRAYS_FROM_BYTES:
        fast = geojson_arrays(data, MAX_LAYER_VERTICES)
        if fast is not None and fast[0] is None:
            _refuse_too_many_vertices(fast[1], p.name)
        if fast is not None:
            return io.BytesIO(data), fast[0], fast[1]
    if len(data) > 4 * MAX_LAYER_VERTICES:  # big enough to hold too many: count "[lon" before parsing
        _refuse_too_many_vertices(len(_POSITION.findall(data)), p.name)
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise LayerError(f"{p.name} is not valid GeoJSON: it is not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as err:
        raise LayerError(f"{p.name} is not valid GeoJSON: {str(err)[:200]}") from None
    _refuse_too_many_vertices(_positions(doc), p.name)  # before GDAL spends time and memory on it
    return io.BytesIO(data), doc, None


def _is_lonlat_geojson(doc) -> bool:
    """True for a FeatureCollection, Feature or geometry in RFC 7946's lon/lat (no other
    ``crs`` named): it is read without GDAL."""
    if not isinstance(doc, dict) or doc.get("type") not in _GEOJSON_TYPES:
        return False
    crs = doc.get("crs")
    name = str(((crs or {}).get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
    return crs is None or name.upper().endswith(("CRS84", "EPSG::4326", "EPSG:4326"))


def _geojson_frame(doc: dict, name: str, built: list | None = None):
    """A parsed lon/lat GeoJSON document as a GeoDataFrame (properties as columns); with
    ``built``, a geometry's ``coordinates`` is its index in that list of shapely geometries."""
    import geopandas as gpd

    kind = doc.get("type")
    features = (
        doc.get("features")
        if kind == "FeatureCollection"
        else [doc if kind == "Feature" else {"geometry": doc}]
    )
    if not isinstance(features, list):
        raise LayerError(f"{name} is not valid GeoJSON: 'features' is not a list")
    geoms, props = [], []
    with warnings.catch_warnings():  # NaN coordinates warn here; they are refused after reading
        warnings.simplefilter("ignore", RuntimeWarning)
        for i, feature in enumerate(features):
            geoms.append(_feature_geometry(feature, i, name, built))
            properties = feature.get("properties")
            props.append(properties if isinstance(properties, dict) else {})
    return gpd.GeoDataFrame(props, geometry=geoms, crs="EPSG:4326")


def _feature_geometry(feature, i: int, name: str, built: list | None):
    """The shapely geometry of the ``i``-th feature (None for a null geometry)."""
    from shapely.geometry import shape

    if not isinstance(feature, dict):
        raise LayerError(f"{name} is not valid GeoJSON: feature {i + 1} is not an object")
    geometry = feature.get("geometry")
    try:
        if built is not None and isinstance(geometry, dict) and type(geometry.get("coordinates")) is int:
            return built[geometry["coordinates"]]
        return shape(geometry) if geometry else None
    except Exception as err:  # shapely raises several types for bad coordinates
        raise LayerError(f"{name}: feature {i + 1} has no valid geometry: {str(err)[:200]}") from None


def _positions(node) -> int:
    """How many coordinate positions a parsed GeoJSON document holds."""
    count, stack = 0, [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(
                v for k, v in item.items() if k in ("coordinates", "geometries", "features", "geometry")
            )
        elif isinstance(item, list) and item:
            if isinstance(item[0], (int, float)):
                count += 1
            else:
                stack.extend(item)
    return count


def _refuse_too_many_vertices(vertices: int, name: str) -> None:
    if vertices > MAX_LAYER_VERTICES:
        raise LayerError(
            f"{name} has {vertices:,} vertices; layers of up to {MAX_LAYER_VERTICES:,} are measured: "
            "simplify it first (e.g. ogr2ogr -simplify 0.0001, about 10 m)"
        )


def _safe_kml(data: bytes, name: str) -> io.BytesIO:
    """KML bytes with no DTD: external entities and entity expansion are refused, since
    they read other files or the network, or blow up memory."""
    root = re.search(rb"<(?:[A-Za-z_][\w.-]*:)?kml\b", data)
    prologue = data[: root.start()] if root else data[:65536]
    if _DTD.search(prologue):
        raise LayerError(
            f"{name}: the KML declares a DTD or entities (<!DOCTYPE/<!ENTITY>); external entities and entity "
            "expansion are refused for safety: remove the declaration and try again"
        )
    if root is None:
        raise LayerError(f"{name} is not KML: no <kml> element")
    return io.BytesIO(data)


def _kml_of_kmz(p: Path) -> io.BytesIO:
    """The main KML of a KMZ (``doc.kml``, else the first ``.kml`` in it), checked as KML."""
    try:
        with zipfile.ZipFile(p) as zf:
            kmls = [i for i in zf.infolist() if i.filename.lower().endswith(".kml")]
            if not kmls:
                raise LayerError(f"{p.name} is a KMZ without a .kml document inside")
            info = next((i for i in kmls if i.filename.lower() == "doc.kml"), kmls[0])
            if info.file_size > _MAX_KML_BYTES:
                raise LayerError(f"{p.name}: its KML unpacks to {info.file_size / 2**20:,.0f} MB; too large")
            data = zf.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as err:
        raise LayerError(f"{p.name} is not a readable KMZ (zip) file: {err}") from None
    return _safe_kml(data, p.name)


def _read_with_gdal(source, name: str):
    import geopandas as gpd
    import pyogrio

    # the vertex limit above bounds a layer; GDAL's own 200 MB limit per GeoJSON object is lifted
    pyogrio.set_gdal_config_options({"OGR_GEOJSON_MAX_OBJ_SIZE": "0"})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return gpd.read_file(source, engine="pyogrio")
    except Exception as err:  # pyogrio raises DataSourceError/DataLayerError/... subclasses
        first = str(err).splitlines()[0][:300] if str(err) else type(err).__name__
        if "OGR_GEOJSON_MAX_OBJ_SIZE" in first:
            first = "a single object is too large for the GeoJSON reader; simplify or split it"
        raise LayerError(f"cannot read {name} as a vector layer: {first}") from None


def _vertex_count(geoms) -> int:
    import shapely

    return int(shapely.get_num_coordinates(geoms.values).sum()) if len(geoms) else 0
