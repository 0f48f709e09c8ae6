"""A claim that fits only within our approximate line's accuracy is neither confirmed nor refuted.

Our shipped front lines join settlements and are typically 5-15 km off. "About 3 km from the
front line" said of a town we measure 25 km away cannot be called consistent on such a line: it
fits only with the line's slack added. Distances are checked by dense geodesic sampling of the
same line (tests/helpers), independently of the kernel.
"""

from __future__ import annotations

import numpy as np
import pytest

from geo.judge.judge import Judge, place_slack_km
from geo.judge.tolerance import SNAPSHOT_SLACK_KM, claim_band_km
from geo.layers.frontline import frontline_snapshot
from geo.model import VerdictKind
from geo.text.extract import extract_claims

from helpers import dense_min_distance


def line_parts(geom) -> list[np.ndarray]:
    return [np.asarray(g.coords) for g in getattr(geom, "geoms", [geom]) if len(g.coords) > 1]


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    return tmp_path


def judged_with_independent_km(gazetteer, sentence: str, date: str = "2022-09-08"):
    """The claim, its verdict, and the town's distance (km) to that date's line by dense sampling."""
    (claim,) = extract_claims(sentence)
    v = Judge(gazetteer, date=date).judge(claim)
    parts = line_parts(frontline_snapshot(date).line.geometry)
    measured, _, _ = dense_min_distance(v.target.lat, v.target.lon, parts, step_m=200.0)
    return claim, v, measured / 1000


def test_a_figure_that_fits_only_by_the_lines_slack_is_unverifiable(home, gazetteer):
    claim, v, km = judged_with_independent_km(
        gazetteer, "Shelling hit Kherson, which is only about 3 km from the front line."
    )
    own_low, own_high = claim_band_km(claim, place_slack_km(v.target))
    assert not own_low <= km <= own_high  # outside what the claim itself allows ...
    assert km <= own_high + SNAPSHOT_SLACK_KM  # ... inside it only with the line's slack
    assert v.verdict == VerdictKind.UNVERIFIABLE
    assert "accuracy" in v.explanation and "neither confirm nor refute" in v.explanation


def test_a_figure_inside_the_claims_own_band_stays_consistent(home, gazetteer):
    claim, v, km = judged_with_independent_km(
        gazetteer, "Shelling hit Kherson, which is only about 25 km from the front line."
    )
    low, high = claim_band_km(claim, place_slack_km(v.target))
    assert low <= km <= high
    assert v.verdict == VerdictKind.CONSISTENT
