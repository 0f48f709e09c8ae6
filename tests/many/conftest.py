"""Fixtures of the batch tests: Ukraine's border and one synthetic point set written as CSV,
Parquet and GeoJSON, measured once from CSV (session scope: the files are written once)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from geo.layers.borders import ukraine
from geo.many.batch.run import batch_distances

from helpers import N_POINTS


@pytest.fixture(scope="session")
def ua():
    return ukraine()


@pytest.fixture(scope="session")
def points():
    """Synthetic points over Eastern Europe (fixed seed), 6 decimals as a CSV would carry."""
    rng = np.random.default_rng(20250701)
    return pd.DataFrame(
        {
            "id": np.arange(N_POINTS),
            "label": [f"pt-{i}" for i in range(N_POINTS)],
            "lat": np.round(rng.uniform(43.0, 60.0, N_POINTS), 6),
            "lon": np.round(rng.uniform(18.0, 48.0, N_POINTS), 6),
        }
    )


@pytest.fixture(scope="session")
def files(tmp_path_factory, points):
    d = tmp_path_factory.mktemp("batch")
    points.to_csv(d / "points.csv", index=False)
    points.to_parquet(d / "points.parquet", row_group_size=700)
    features = [
        {
            "type": "Feature",
            "properties": {"label": r.label},
            "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
        }
        for r in points.head(400).itertuples()
    ]
    (d / "points.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return d


@pytest.fixture(scope="session")
def csv_result(files, ua):
    out = files / "from_csv.parquet"
    summary = batch_distances(files / "points.csv", ua, out, progress=False)
    return summary, pq.read_table(out).to_pandas()
