"""The columnar CSV writer against Python's own text: ``format`` for the fixed-point numbers
(ties, signed zeros, huge and non-finite values included) and the :mod:`csv` module for
quoting and whole lines."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from geo.render.csv_text import category_field, csv_bytes, fixed_field, utf8_field


def _texts(field) -> list[bytes]:
    """Each output row's text, as the writer lays it out (:meth:`Field.block`)."""
    width = int(field.length.max(initial=0))
    pairs = zip(field.block(0, len(field.length), width).tolist(), field.length.tolist(), strict=True)
    if field.right:
        return [bytes(row[len(row) - n :]) for row, n in pairs]
    return [bytes(row[:n]) for row, n in pairs]


def _awkward_numbers() -> np.ndarray:
    rng = np.random.default_rng(17)
    ties = np.arange(-4000, 4000) / 2000.0  # exact halves of the last digit at 3 decimals
    near_ties = np.nextafter(ties, np.inf), np.nextafter(ties, -np.inf)
    return np.concatenate(
        [
            rng.uniform(0, 20_004, 20_000),  # distances, km
            rng.uniform(-180, 180, 20_000),  # coordinates, degrees
            10.0 ** rng.uniform(-12, 20, 5_000) * rng.choice([-1, 1], 5_000),
            ties,
            *near_ties,
            np.arange(-2000, 2000) / 2.0**21,  # ties at 6 decimals and below
            [0.0, -0.0, -1e-9, 5e-324, 0.0005, 0.0625, 1.0005, 0.9995, 9.9995, 99_999.9995],
            [1e16, -1e16, 2.0**52, 2.0**53 + 2, 1e300, np.nan, np.inf, -np.inf],
        ]
    )


@pytest.mark.parametrize("digits", [0, 1, 3, 6])
def test_fixed_point_is_pythons_format(digits):
    values = _awkward_numbers()
    expected = [format(v, f".{digits}f").encode() for v in values.tolist()]
    assert _texts(fixed_field(values, digits)) == expected


def test_text_is_quoted_as_the_csv_module_quotes():
    values = ["Kyiv", 'Kyiv, "city"', "a\rb", "line\nbreak", "", " spaced ", "Ünïcødé ’", "x\x00y", ","]
    encoded = np.array([v.encode() for v in values])  # as wide as the longest: quoting widens
    expected = []
    for v in values:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([v, ""])
        expected.append(buf.getvalue()[:-2].encode())
    assert _texts(utf8_field(encoded)) == expected
    rows = np.array([8, 1, 1, 0, 3, 7, 2])  # picked rows, repeated, in another order
    assert _texts(utf8_field(encoded, rows=rows)) == [expected[i] for i in rows]
    assert _texts(category_field(np.array([1, -1, 0, 1]), ["a,b", "c"])) == [b"c", b"", b'"a,b"', b"c"]


def test_lines_are_the_csv_modules_lines():
    rng = np.random.default_rng(3)
    n = 10_000  # more than one block of rows
    names = [f"p{i}" * int(rng.integers(1, 9)) + ("," if i % 997 == 0 else "") for i in range(n)]
    km = rng.uniform(0, 5000, n)
    lat = rng.uniform(-90, 90, n)
    band = rng.choice([500.0, 1234.5], n)
    fields = [
        utf8_field(np.array([s.encode() for s in names])),
        fixed_field(km, 3),
        fixed_field(lat, 6),
        category_field(np.where(band == 500.0, 0, 1), ["500", "1234.5"]),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "distance_km", "lat", "band_km"])
    for s, k, a, b in zip(names, km, lat, band, strict=True):
        w.writerow([s, f"{k:.3f}", f"{a:.6f}", f"{b:g}"])
    assert csv_bytes(["name", "distance_km", "lat", "band_km"], fields) == buf.getvalue().encode()
    assert csv_bytes(["a", "b"], [utf8_field(np.array([], dtype="S1"))] * 2) == b"a,b\n"
