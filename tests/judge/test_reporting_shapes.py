"""Claims in shapes reporters write, each once wrong: a pointing noun carried to a place it cannot
name, a site pointed back at through the town it is in, a distance from a region, a locator
written as an appositive, a sentence adverb taken for a place.

Sentences are our own. Expected distances come from dense geodesic sampling of the same polygons
(tests/helpers.dense_min_distance), never from the kernel.
"""

from __future__ import annotations

import numpy as np
import pytest

from geo.judge.choice import MOST_PEOPLE_FOR_NOUN
from geo.judge.judge import Judge
from geo.layers.regions import region_layer
from geo.model import VerdictKind
from geo.text.extract import extract_claims

from helpers import dense_min_distance

DATE = "2025-07-01"


def judge_text(gazetteer, text: str):
    return Judge(gazetteer, date=DATE).judge_all(extract_claims(text))


def region_km(region_id: str, lat: float, lon: float) -> float:
    """Distance (km) from a point outside a region to the region's outline, by dense sampling."""
    geom = region_layer(region_id).geometry
    rings = [np.asarray(r.coords) for p in getattr(geom, "geoms", [geom]) for r in (p.exterior, *p.interiors)]
    return dense_min_distance(lat, lon, rings, step_m=200.0)[0] / 1000


# --------------------------------------------------------------------------- pointing nouns and size


@pytest.mark.parametrize(
    "text, big",
    [
        (
            "Sevastopol was hit again overnight.\nThe village is 5 km from Sumy, the governor said.",
            "Sevastopol",
        ),
        (
            "Officials in Sumy reported shelling on Tuesday. The village is 5 km from the Russian border.",
            "Sumy",
        ),
        ("Drones hit Belgorod overnight.\nThe village, officials said, is 2 km from the border.", "Belgorod"),
        ("Odesa's port was hit again. The town is 40 km from occupied territory, an official said.", "Odesa"),
    ],
)
def test_a_village_or_town_is_not_carried_to_a_big_city(gazetteer, text, big):
    """'The village' cannot be a city of a quarter million: the claim is about an unnamed place."""
    (v,) = judge_text(gazetteer, text)
    assert v.verdict is VerdictKind.UNVERIFIABLE
    assert "uncertain_target" in v.flags
    assert big in v.explanation and "people" in v.explanation
    assert v.readings == ()
    assert v.target_choice is not None and v.target_choice.confidence == "none"


def test_a_small_village_is_still_carried(gazetteer):
    """The size rule refuses only what cannot fit: a village of 1,200 people stays the target."""
    text = "Shelling hit Kozacha Lopan on Monday.\nThe village is about 4 km from the Russian border."
    (v,) = judge_text(gazetteer, text)
    assert v.target is not None and v.target.name == "Kozacha Lopan"
    assert v.target.population <= MOST_PEOPLE_FOR_NOUN["village"]
    assert "target_from_previous_sentence" in v.flags
    assert v.verdict is not VerdictKind.UNVERIFIABLE


def test_a_town_fits_a_town_sized_place(gazetteer):
    text = "Vovchansk has been shelled for months. The town is about 5 km from the border with Russia."
    (v,) = judge_text(gazetteer, text)
    assert v.target is not None and v.target.name == "Vovchansk"


# --------------------------------------------------------------------------- a site in a town


def test_a_depot_points_back_through_the_city_it_is_in(gazetteer):
    """'An oil depot in the city of Engels … The depot': the city stands in for the unnamed depot."""
    text = (
        "Drones set fire to an oil depot overnight in the Russian city of Engels, the governor said. "
        "The depot lies roughly 600 kilometres from the front line."
    )
    (v,) = judge_text(gazetteer, text)
    assert v.target is not None and v.target.name == "Engels"
    assert "target_from_previous_sentence" in v.flags


# --------------------------------------------------------------------------- distances from a region


def test_a_distance_from_a_region_is_to_its_outline(gazetteer):
    (v,) = judge_text(
        gazetteer, "Kharkiv, the country's second city, lies about 35 km from the Belgorod region."
    )
    (reading,) = v.readings
    expected = region_km("RU-BEL", v.target.lat, v.target.lon)
    assert reading.distance_km == pytest.approx(expected, abs=0.01)
    assert reading.reference == "Belgorod Oblast"
    assert v.verdict is VerdictKind.CONSISTENT


def test_a_distance_from_crimea_is_to_its_coast(gazetteer):
    (v,) = judge_text(
        gazetteer, "The port of Novorossiysk, about 400 km from Crimea, was attacked by sea drones."
    )
    (reading,) = v.readings
    expected = region_km("UA-CRIMEA", v.target.lat, v.target.lon)
    assert 90 < expected < 130  # across the Kerch Strait, not across the Black Sea to Sevastopol
    assert reading.distance_km == pytest.approx(expected, abs=0.01)
    assert v.verdict is VerdictKind.OVERSTATED


def test_a_place_inside_the_region_is_not_measured_from_it(gazetteer):
    """'Sevastopol, 300 km from Crimea' cannot mean 0 km: the text does not say what it means."""
    (v,) = judge_text(gazetteer, "Sevastopol, some 300 km from Crimea's north, was hit again.")
    assert v.verdict is VerdictKind.UNVERIFIABLE
    assert "inside Crimea" in v.explanation


# --------------------------------------------------------------------------- locators and adverbs


def test_an_appositive_locator_is_not_the_target(gazetteer):
    """'Dzhankoi, in the north of Crimea, 170 km from Kherson': the claim is about Dzhankoi."""
    (v,) = judge_text(gazetteer, "Strikes hit Dzhankoi, in the north of Crimea, roughly 170 km from Kherson.")
    assert v.target is not None and v.target.name.startswith("Dzhanko")
    assert v.verdict is VerdictKind.CONSISTENT


def test_a_sentence_adverb_is_not_a_candidate_place(gazetteer):
    text = (
        "Separately, officials in Belgorod said homes were damaged. The city is about 35 km from the border."
    )
    (v,) = judge_text(gazetteer, text)
    assert v.target is not None and v.target.name == "Belgorod"
    assert "target_chosen_among_candidates" not in v.flags


# --------------------------------------------------------------------------- explanations


def test_each_band_is_named_with_its_reference_in_the_readings_order(gazetteer):
    """Two readings with different slacks: the editor must see which band goes with which."""
    from geo.judge.explain import format_band

    (v,) = judge_text(gazetteer, "The Ryazan refinery, about 500 km from Ukraine, was hit again.")
    border, controlled = v.readings
    assert border.tolerance_km != controlled.tolerance_km
    expected = (
        f"allows {format_band(border.tolerance_km)} from {border.reference}, "
        f"{format_band(controlled.tolerance_km)} from {controlled.reference}"
    )
    assert expected in v.explanation


def test_a_figure_with_nothing_to_measure_from_says_so(gazetteer):
    text = '"We saw the flames from twenty kilometres," said a man in Afipsky.'
    verdicts = judge_text(gazetteer, text)
    assert all(v.verdict is VerdictKind.UNVERIFIABLE for v in verdicts)
    assert all("None" not in v.explanation for v in verdicts)


# --------------------------------------------------------------------------- lists


def test_a_bulleted_row_is_about_its_own_place_never_the_row_before(gazetteer):
    text = (
        "How far the drones flew\n\n"
        "Distances from the Ukrainian border, as the air force gave them:\n"
        "- Tuapse: 450 km\n"
        "- Saratov, home to a refinery: about 600 km\n"
        "- the plant that makes glide bombs: 800 km\n"
        "- Orsk, 1,500 km\n"
    )
    verdicts = judge_text(gazetteer, text)
    targets = [v.target.name if v.target else None for v in verdicts]
    assert targets[:2] == ["Tuapse", "Saratov"]
    assert "Orsk" in targets
    # The unnamed plant's row names no place: it is not Saratov's (or Tuapse's) figure.
    unnamed = [v for v in verdicts if v.claim.claimed_km == 800]
    assert all(v.target is None and v.verdict is VerdictKind.UNVERIFIABLE for v in unnamed)


# ----------------------------------------------------------- "the border" said of a place in Ukraine


def neighbour_km(code: str, lat: float, lon: float, box_deg: float = 4.0) -> float:
    """Distance (km) to a country's outline near a point, by dense sampling of the rings within
    ``box_deg`` of it (the nearest point of a border tens of km away lies there)."""
    from geo.layers.borders import country_border

    geom = country_border(code).geometry
    rings = []
    for p in getattr(geom, "geoms", [geom]):
        for r in (p.exterior, *p.interiors):
            xy = np.asarray(r.coords)
            near = (np.abs(xy[:, 0] - lon) < box_deg) & (np.abs(xy[:, 1] - lat) < box_deg)
            if near.any():
                rings.append(xy)
    return dense_min_distance(lat, lon, rings, step_m=200.0)[0] / 1000 if rings else float("inf")


@pytest.mark.parametrize(
    "text, town, code",
    [
        ("Further north, Sumy is about twenty miles from the border.", "Sumy", "RU"),
        ("Lviv, some 70 km from the border, took in refugees.", "Lviv", "PL"),
        ("Occupied Donetsk lies about 60 km from the border.", "Donetsk", "RU"),
        ("Chernihiv, 60 km from the Ukrainian border, was besieged.", "Chernihiv", "BY"),
    ],
)
def test_the_border_of_a_place_in_ukraine_is_its_nearest_neighbours(gazetteer, text, town, code):
    """Never 0 km ('Sumy lies inside Ukraine'): the land border the place is near."""
    from geo.judge.neighbours import UKRAINE_NEIGHBOURS

    (v,) = judge_text(gazetteer, text)
    assert v.target.name == town
    (reading,) = v.readings
    expected = {c: neighbour_km(c, v.target.lat, v.target.lon) for c in UKRAINE_NEIGHBOURS}
    assert min(expected, key=expected.get) == code
    assert reading.distance_km == pytest.approx(expected[code], abs=0.01)
    assert any("nearest neighbour" in n for n in reading.notes)  # the evidence says why this border
    assert v.verdict is VerdictKind.CONSISTENT


def test_the_border_of_a_place_in_crimea_is_not_guessed(gazetteer):
    (v,) = judge_text(gazetteer, "Dzhankoi, in northern Crimea, is about 40 km from the border.")
    assert v.verdict is VerdictKind.UNVERIFIABLE and v.readings == ()


def test_a_place_in_ukrainian_held_territory_is_not_measured_from_ukraine(gazetteer):
    (v,) = judge_text(gazetteer, "Kharkiv, 30 km from Ukraine, was hit again.")
    assert v.verdict is VerdictKind.UNVERIFIABLE and v.readings == ()
    (v,) = judge_text(gazetteer, "Occupied Donetsk is only about 40 km from Ukraine.")
    assert [r.kind.value for r in v.readings] == ["controlled"]


def test_frontier_is_a_border(gazetteer):
    (v,) = judge_text(
        gazetteer, "The air base at Millerovo, about 25 km from the Ukrainian frontier, was hit."
    )
    assert v.claim.reference == "the Ukrainian border"


# --------------------------------------------------------------------------- several places, several figures


def test_respectively_pairs_places_and_figures_in_order(gazetteer):
    text = (
        "Ukraine said it had hit two bases: Olenya, in the Murmansk region, and Belaya, in Irkutsk. "
        "They are roughly 1,900 km and 4,300 km from Ukraine, respectively."
    )
    verdicts = judge_text(gazetteer, text)
    assert [(v.target.name.split()[0], v.claim.claimed_km) for v in verdicts] == [
        ("Olenya", 1900.0),
        ("Belaya", 4300.0),
    ]
    assert all(v.verdict is VerdictKind.CONSISTENT for v in verdicts)


def test_it_after_officials_in_two_towns_is_not_settled(gazetteer):
    """'Officials in Ryazan and Tula reported…': Tula is a place there, not a government acting."""
    text = "Officials in Ryazan and Tula reported debris falling. It is about 180 km south of Moscow."
    (v,) = judge_text(gazetteer, text)
    assert v.verdict is VerdictKind.UNVERIFIABLE
    assert set(v.claim.target_candidates) == {"Ryazan", "Tula"}


# ----------------------------------------------------------- a plant with its adjectives, appositives


def test_the_factory_is_the_named_plant_not_the_town_it_is_in(gazetteer):
    text = (
        "Drone hits plant in Izhevsk\n\n"
        "A long-range drone struck the Kupol electromechanical plant in Izhevsk on Tuesday, officials said. "
        "The factory is some 1,300 kilometres from the Ukrainian border.\n\n"
        '"It is our deepest strike," a source said, adding that the target lay more than 1,000 km from '
        "the front line."
    )
    first, second = judge_text(gazetteer, text)
    assert first.target is not None and first.target.name.startswith("Kupol")
    assert second.target is not None and second.target.name.startswith("Kupol")


def test_is_the_capital_of_is_a_predicate_and_the_republic_is_the_appositions_place(gazetteer):
    (v,) = judge_text(
        gazetteer, "Izhevsk is the capital of Udmurtia, a republic some 1,000 km east of Moscow."
    )
    assert v.verdict is VerdictKind.UNVERIFIABLE
    assert "region, not a point" in v.explanation and "Udmurt" in v.explanation


def test_a_city_apposition_after_a_locator_is_the_located_place(gazetteer):
    (v,) = judge_text(
        gazetteer,
        "Engels, in the Saratov region, a city of 200,000 people some 600 km from Ukraine, was hit.",
    )
    assert v.target is not None and v.target.name == "Engels"


# --------------------------------------------------------------------------- Ukrainian and Russian


@pytest.mark.parametrize(
    "text",
    [
        "Село расположено в 5 км от границы, сообщил губернатор Курской области.",
        "Село розташоване за 5 км від кордону, повідомив голова Сумської області.",
    ],
)
def test_the_speakers_region_after_a_comma_is_not_the_target(gazetteer, text):
    """The governor's region says who spoke; the village is unnamed, so nothing can be measured."""
    from geo.places.cyrillic import CyrillicFirst
    from geo.text.lang import extract_claims_any

    lookup = CyrillicFirst(gazetteer)
    (claim,) = extract_claims_any(text, known=lookup.is_known)
    assert claim.target is None
    (v,) = Judge(lookup, date=DATE).judge_all([claim])
    assert v.verdict is VerdictKind.UNVERIFIABLE


def test_a_site_named_after_its_region_is_the_site_in_the_town_written_beside_it(gazetteer):
    text = "Drones reached the Tatarstan refinery in Nizhnekamsk, which lies some 1,100 km from Ukraine."
    (v,) = judge_text(gazetteer, text)
    assert v.target is not None and v.target.kind == "refinery" and "Nizhnekamsk" in v.target.name


def test_twin_towns_with_an_appositive_both_get_the_figure(gazetteer):
    text = "Pokrovsk and Myrnohrad, twin mining towns, are both within 5 km of Russian positions."
    assert [v.target.name for v in judge_text(gazetteer, text)] == ["Pokrovsk", "Myrnohrad"]


def test_a_places_own_site_is_not_pointing_back(gazetteer):
    """'Feodosia's oil terminal, roughly 100 km west of Kerch': Feodosia's, not the last sentence's place."""
    text = "Sevastopol was hit overnight.\nFeodosia's oil terminal, roughly 100 km west of Kerch, burned."
    (v,) = judge_text(gazetteer, text)
    assert v.target is not None and v.target.name.startswith("Feodosi")
    assert "target_from_previous_sentence" not in v.flags


def test_the_kremlin_is_a_place_to_measure_from(gazetteer):
    """'42 km from the Kremlin': from the Kremlin (55°45′06″N 37°37′04″E, Wikipedia), Moscow's own point."""
    from pyproj import Geod

    (v,) = judge_text(gazetteer, "Domodedovo airport, 42 km from the Kremlin, briefly closed.")
    (reading,) = v.readings
    expected = Geod(ellps="WGS84").inv(37.6178, 55.7517, v.target.lon, v.target.lat)[2] / 1000
    assert reading.distance_km == pytest.approx(expected, abs=0.1)
