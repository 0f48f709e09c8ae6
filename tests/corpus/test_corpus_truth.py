"""The corpus is sound: every expected verdict agrees with the independent distance, clear-cut.

The distances come from :mod:`corpus_truth` (pyproj geodesics to cited coordinates, to the Natural Earth
boundary and to the front-line snapshot, both densified to 1 km with ``Geod.npts``), never from geo.
"""

from __future__ import annotations

import numpy as np
import pytest
from corpus.corpus_truth import (
    GEOD,
    border_km,
    check_claim,
    country_boundary_points,
    densify,
    expected_verdict,
    load_cases,
)

CASES = load_cases()


def test_corpus_is_big_enough_and_ids_are_unique():
    claims = [c for case in CASES for c in case["claims"]]
    assert len(claims) >= 170
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_expected_verdicts_agree_with_independent_distances(case):
    for claim in case["claims"]:
        assert case["text"].count(claim["figure_text"]) == 1, "figure_text must occur once in the text"
        for key in ("target", "reference"):
            if claim[key] and claim[key].get("lat") is not None:
                assert claim[key]["source"], f"{key} coordinates need a source"
        assert check_claim(case, claim) is None, check_claim(case, claim)


def test_densify_keeps_samples_within_one_km():
    lons, lats = densify(np.array([30.0, 40.0, 40.0]), np.array([50.0, 50.0, 55.0]))
    _, _, gaps = GEOD.inv(lons[:-1], lats[:-1], lons[1:], lats[1:])
    assert gaps.max() <= 1000.0 + 1e-6
    assert len(lons) > 700 + 550  # ~715 km along the parallel, ~556 km along the meridian


def test_border_distance_is_zero_inside_and_positive_outside():
    assert border_km(50.45466, 30.5238, "UA")[0] == 0.0  # Kyiv
    d, near = border_km(55.75204, 37.61781, "UA")  # Moscow
    assert 440 < d < 470  # the Sumy/Chernihiv border, about 450 km south-west
    assert near[0] > 51.5
    lons, _ = country_boundary_points("UA")
    assert len(lons) > 5000


@pytest.mark.parametrize(
    ("figure", "true_km", "verdict"),
    [
        ({"value": 1200, "unit": "km"}, 1187.0, "consistent"),
        ({"value": 400, "unit": "km"}, 108.0, "overstated"),
        ({"value": 150, "unit": "km"}, 327.0, "understated"),
        ({"value": 1000, "unit": "km", "bound": "lower"}, 1057.0, "consistent"),
        ({"value": 300, "unit": "mi", "high": 450}, 480.0, "consistent"),
        ({"value": 800, "unit": "km"}, 721.0, None),  # 11 % off: too close to call, not in the corpus
        ({"value": 30, "unit": "km"}, 45.0, None),  # inside any sensible band's slack
    ],
)
def test_expected_verdict_is_clear_cut_or_none(figure, true_km, verdict):
    assert expected_verdict(figure, true_km) == verdict
