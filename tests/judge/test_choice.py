"""How the judge chooses a claim's target and records why (``geo.judge.choice``), on articles written
for these tests. Coordinates in the assertions are GeoNames' published points, checked within 5 km."""

from __future__ import annotations

import pytest
from pyproj import Geod

from geo.judge.judge import Judge
from geo.text.extract import extract_claims

GEOD = Geod(ellps="WGS84")
KAZAN = (55.78874, 49.12214)  # GeoNames 551487
NOVOROSSIYSK = (44.72439, 37.76752)  # GeoNames 518255


def near(place, point, km=5.0) -> bool:
    return GEOD.inv(place.lon, place.lat, point[1], point[0])[2] / 1000 <= km


@pytest.fixture(scope="module")
def judge(gazetteer):
    return Judge(gazetteer, date="2025-07-01")


def verdicts(judge, text):
    return judge.judge_all(extract_claims(text))


def test_a_target_carried_from_the_previous_sentence_says_so(judge):
    [v] = verdicts(
        judge, "Ukrainian drones hit Novorossiysk at dawn. It lies some 600 km from the front line."
    )
    assert near(v.target, NOVOROSSIYSK)
    assert "target_from_previous_sentence" in v.flags
    choice = v.target_choice
    assert (choice.how, choice.sentence, choice.anaphor, choice.confidence) == ("carried", 1, "it", "medium")
    assert "carried from sentence 1" in choice.reason
    assert v.to_json()["target_choice"]["how"] == "carried"


def test_a_place_named_in_the_sentence_is_chosen_with_high_confidence(judge):
    [v] = verdicts(judge, "Kazan lies roughly 1,000 km from the Ukrainian border.")
    assert near(v.target, KAZAN)
    assert (v.target_choice.how, v.target_choice.confidence) == ("named", "high")
    assert v.decided_by is not None and v.decided_by in v.readings


def test_candidates_are_narrowed_to_the_one_that_fits_the_pointing_noun(judge):
    text = (
        "Fires broke out at a depot in Kazan, Tatarstan, on Monday. The city is about 1,000 km from Ukraine."
    )
    [v] = verdicts(judge, text)
    assert v.target is not None and near(v.target, KAZAN)
    assert v.target_choice.how == "chosen_among_candidates"
    assert "target_chosen_among_candidates" in v.flags


def test_two_places_for_one_it_are_unverifiable_with_both_listed(judge):
    [v] = verdicts(
        judge, "Blasts were reported in Bryansk and in Kursk. It lies about 100 km from the border."
    )
    assert str(v.verdict) == "unverifiable"
    assert v.target is None
    assert "uncertain_target" in v.flags
    assert [c["name"] for c in v.candidates] == ["Bryansk", "Kursk"]
    assert v.target_choice.confidence == "none"


def test_a_pointing_word_with_nothing_before_it_is_unverifiable(judge):
    [v] = verdicts(
        judge, "The village, some 20 km from the border, was shelled again, Governor Ivan Petrov said."
    )
    assert str(v.verdict) == "unverifiable"
    assert "no_target" in v.flags
    assert "the village" in v.explanation


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The new missile can strike targets up to 300 km away, the ministry said.", "weapon_range"),
        ("The convoy drove 640 km by road from Kharkiv to Kyiv.", "route_distance"),
        ("A Russian frigate was seen 34 nautical miles south-west of Sevastopol.", "position_report"),
    ],
)
def test_figures_that_are_not_distances_get_no_definite_verdict(judge, text, kind):
    [v] = verdicts(judge, text)
    assert v.claim.kind == kind
    assert str(v.verdict) == "unverifiable"
    assert kind in v.flags
    assert "not judged" in v.explanation


def test_a_route_shorter_than_the_straight_line_cannot_be(judge):
    # Kharkiv to Kyiv is about 410 km in a straight line (GeoNames points), so no road is 200 km
    kharkiv, kyiv = (49.98081, 36.25272), (50.45466, 30.5238)
    straight = GEOD.inv(kharkiv[1], kharkiv[0], kyiv[1], kyiv[0])[2] / 1000
    assert 400 < straight < 420
    [v] = verdicts(judge, "The convoy drove 200 km by road from Kharkiv to Kyiv.")
    assert str(v.verdict) == "understated"
    assert v.readings[0].distance_km == pytest.approx(straight, abs=1.0)
    assert "route_distance" in v.flags


def test_a_name_that_matches_no_place_exactly_is_measured_but_never_confirmed(judge):
    # "Novozybkovo" is no place; Novozybkov (Bryansk oblast) is the nearest spelling
    [v] = verdicts(judge, "Drones hit Novozybkovo overnight, some 40 km from the border.")
    assert str(v.verdict) == "unverifiable"
    assert "fuzzy_place_match" in v.flags
    assert v.target.name == "Novozybkov" and v.readings  # what it would be, shown
    assert "matches no place exactly" in v.explanation and "If that is the place meant" in v.explanation
    assert v.target_choice.confidence == "low"


@pytest.mark.parametrize(
    "word, mismatch", [("north", False), ("east", False), ("south", True), ("west", True)]
)
def test_a_direction_from_an_area_is_checked_from_its_nearest_point(judge, word, mismatch):
    # Kursk lies north-east of the nearest stretch of Ukraine's border
    [v] = verdicts(judge, f"Kursk lies about 100 km {word} of Ukraine.")
    assert ("direction_mismatch" in v.flags) is mismatch
    assert any("from the layer's nearest point" in n for r in v.readings for n in r.notes)


def test_a_region_written_with_an_ambiguous_name_tells_its_namesakes_apart(judge):
    # two Ukrainian Zolochivs (Lviv and Kharkiv oblasts); the text says which
    [v] = verdicts(judge, "Shelling hit Zolochiv in the Kharkiv region; Zolochiv is about 17 km from Russia.")
    assert v.target is not None and near(v.target, (50.2733, 35.9776), km=5)  # GeoNames 686895
    [v] = verdicts(judge, "Shelling hit Zolochiv overnight, about 17 km from the Russian border.")
    assert v.target is None and "ambiguous_place" in v.flags
