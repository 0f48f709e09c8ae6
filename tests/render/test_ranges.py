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
