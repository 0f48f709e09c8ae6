"""Range rows as CSV and JSON text: the columns, their order and their precision."""

from __future__ import annotations

import csv
import io
import json

from geo.many.ranges import RangeRow
from geo.render.ranges import CSV_COLUMNS, rows_to_csv, rows_to_json


def _sample_row() -> RangeRow:
    return RangeRow(
        name="Izhevsk",
        country_code="RU",
        lat=56.85225,
        lon=53.19862,
        population=648213,
        kind="populated place",
        distance_km=1186.6335473855781,
        nearest_lat=49.590565898,
        nearest_lon=40.11551477,
        near_place="Milove",
        band_km=1200.0,
        source="geonames-cities500",
        id="554840",
    )


def test_csv_header_and_row():
    text = rows_to_csv([_sample_row()])
    lines = text.splitlines()
    assert lines[0] == (
        "name,country_code,lat,lon,population,kind,distance_km,nearest_lat,nearest_lon,near_place,"
        "band_km,source,id"
    )
    assert tuple(lines[0].split(",")) == CSV_COLUMNS
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["distance_km"] == "1186.634" and row["near_place"] == "Milove" and row["band_km"] == "1200"
    assert row["nearest_lat"] == "49.590566" and row["id"] == "554840"


def test_json_fields_exactly():
    record = json.loads(rows_to_json([_sample_row()]))[0]
    assert list(record) == [
        "name",
        "country_code",
        "lat",
        "lon",
        "population",
        "kind",
        "distance_km",
        "nearest",
        "band_km",
        "source",
        "id",
    ]
    assert list(record["nearest"]) == ["lat", "lon", "near_place"]
    assert record["distance_km"] == 1186.6335473855781 and record["nearest"]["near_place"] == "Milove"


def _table_of(rows: list[RangeRow]):
    """A RangeTable holding ``rows`` (in that order), built from plain columns."""
    import numpy as np

    from geo.many.place_table import PlaceTable
    from geo.many.ranges import RangeTable

    def col(name, dtype=object):
        return np.array([getattr(r, name) for r in rows], dtype=dtype)

    places = PlaceTable(
        name=col("name"),
        lat=col("lat", float),
        lon=col("lon", float),
        country_code=col("country_code"),
        population=col("population", np.int64),
        kind=col("kind"),
        source=col("source"),
        id=col("id"),
        order_rank=np.arange(len(rows)),
    )
    return RangeTable(
        places,
        np.arange(len(rows)),
        col("distance_km", float),
        col("nearest_lat", float),
        col("nearest_lon", float),
        col("near_place"),
        col("band_km", float),
    )


def test_table_csv_is_the_row_csv_byte_for_byte():
    """The columnar writer of ``geo range --csv`` against the csv module's own output, with
    names that must be quoted (comma, quote, newline, carriage return), none, and numbers
    whose formatting differs in the last digit (-0.0, 1e-7, 1e16, a band of 1,234.5 km)."""
    from dataclasses import replace

    base = _sample_row()
    rows = [
        base,
        replace(base, name='Kyiv, "city"', near_place=None, lat=-0.0, lon=1e-7, band_km=1234.5),
        replace(base, name="Line\nbreak", kind="air,base", source="a\rb", id="", distance_km=-0.0),
        replace(base, name=" spaced ", near_place="x\x00y", nearest_lat=1e16, population=0),
        replace(base, name="Ünïcødé ’quote’", distance_km=19999.9995, nearest_lon=-179.9999995),
        replace(base, nearest_lat=-0.0, nearest_lon=0.0),  # a signed zero among shared points
        replace(base, nearest_lat=0.0, nearest_lon=-0.0),
    ]
    from geo.render.ranges import table_to_csv

    assert table_to_csv(_table_of(rows)) == rows_to_csv(rows)
    assert table_to_csv(_table_of([])) == rows_to_csv([])
    assert _table_of(rows).rows() == rows


def test_table_csv_of_real_places_is_pythons_own_text(gazetteer):
    """``geo range --csv``'s writer over real gazetteer places (names with commas and
    non-ASCII letters, facilities, near-place names, two bands) against lines written here
    by the csv module with Python's own ``repr`` and f-strings."""
    from geo.layers.borders import ukraine
    from geo.many.ranges import range_table
    from geo.render.ranges import table_to_csv_bytes

    table = range_table(ukraine(), [150, 400], gazetteer)
    rows = table.rows()
    assert len(rows) > 20_000 and any("," in r.name for r in rows) and any(r.near_place for r in rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow(
            [r.name, r.country_code, repr(r.lat), repr(r.lon), str(r.population), r.kind]
            + [f"{r.distance_km:.3f}", f"{r.nearest_lat:.6f}", f"{r.nearest_lon:.6f}", r.near_place or ""]
            + [f"{r.band_km:g}", r.source, r.id]
        )
    assert table_to_csv_bytes(table) == buf.getvalue().encode("utf-8")
