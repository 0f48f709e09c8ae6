"""geo.render.map.features: encoded polylines and the country outlines across the antimeridian."""

from __future__ import annotations

import numpy as np
from shapely.geometry import box

from geo.render.map.features import country_outlines, encode_polyline


def _decode(text: str, precision: int) -> np.ndarray:
    """Independent decoder of Google's encoded-polyline format → (n, 2) lat, lon."""
    out, i, vals = [], 0, [0, 0]
    while i < len(text):
        for k in (0, 1):
            shift = result = 0
            while True:
                b = ord(text[i]) - 63
                i += 1
                result |= (b & 0x1F) << shift
                shift += 5
                if b < 0x20:
                    break
            vals[k] += ~(result >> 1) if result & 1 else result >> 1
        out.append((vals[0] / 10**precision, vals[1] / 10**precision))
    return np.array(out)


def test_encoded_polyline_round_trip():
    lat = np.array([38.5, 40.7, 43.252, -12.3456])
    lon = np.array([-120.2, -120.95, -126.453, 190.5])
    back = _decode(encode_polyline(lat, lon, 3), 3)
    assert np.allclose(back, np.column_stack([lat, lon]), atol=5e-4)


def test_country_outlines_merge_across_the_antimeridian():
    polys, precision = country_outlines(box(150, 50, 205, 75), 0.05)
    rings = [_decode(p[0], precision) for p in polys]
    # Chukotka: one polygon reaching both sides of 180°E, not two halves with a drawn seam
    assert any(r[:, 1].min() < 179 and r[:, 1].max() > 181 for r in rings)
    assert not any(np.isclose(r[:, 1], 180.0).sum() > 3 for r in rings)
