"""Figures that are not distances between places: weapon ranges, routes, positions (``geo.text.kinds``),
through the extractor, on sentences written for these tests."""

from __future__ import annotations

import pytest

from geo.text.extract import extract_claims


@pytest.mark.parametrize(
    "sentence, kinds",
    [
        ("The launchers can reach targets some 500 km away, a general said.", ["weapon_range"]),
        ("Its missiles have a maximum range of 2,500 km.", ["weapon_range"]),
        ("The 300-km-range rockets were delivered in spring.", ["weapon_range"]),
        ("The trip is 1,593 km by road and 1,237 km by direct route.", ["route_distance", "distance"]),
        ("The drones flew some 1,800 km before they hit the plant.", ["route_distance"]),
        ("Soldiers marched 40 km to the river.", ["route_distance"]),
        ("A tanker sank 12 nautical miles off the coast.", ["position_report"]),
        ("The corvette was patrolling 20 km south of Novorossiysk.", ["position_report"]),
        ("Novorossiysk, a Black Sea port, lies 500 km from the front line.", ["distance"]),
        ("Kazan is 800 km from Moscow as the crow flies.", ["distance"]),
    ],
)
def test_kind_of_each_figure(sentence, kinds):
    assert [c.kind for c in extract_claims(sentence)] == kinds


def test_a_straight_line_after_the_figure_keeps_its_reference():
    [_, direct] = extract_claims("Lviv is 540 km by road and 470 km by direct route from Kyiv.")
    assert (direct.kind, direct.reference, direct.reference_kind) == ("distance", "Kyiv", "place")
