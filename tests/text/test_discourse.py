"""Targets carried across sentences (``geo.text.discourse``), on short articles written for these tests."""

from __future__ import annotations

import pytest

from geo.text.discourse import anaphor_kind
from geo.text.extract import extract_claims


def only(text: str):
    claims = [c for c in extract_claims(text) if c.kind == "distance"]
    assert len(claims) == 1, [(c.phrase, c.target) for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    "text, target, how, sentence, anaphor",
    [
        # a kind noun pointing back one sentence
        (
            "Drones set fire to the Engels air base on Sunday night. The base lies some 600 km east of the "
            "Ukrainian border.",
            "Engels air base",
            "carried",
            1,
            "the base",
        ),
        # a pronoun, two sentences back, past a sentence with no place
        (
            "Ukrainian drones struck Novorossiysk before dawn. Witnesses reported three blasts. It is more "
            "than 260 miles from the nearest Ukrainian forces.",
            "Novorossiysk",
            "carried",
            1,
            "it",
        ),
        # the headline names the place; the body only says "the refinery"
        (
            "Drones hit Ryazan refinery for third time this year\n\n"
            "Officials said a fire broke out overnight. The refinery is about 180 km south-east of Moscow.",
            "Ryazan refinery",
            "headline",
            1,
            "the refinery",
        ),
        # a locator in the earlier sentence is not what "the city" points at
        (
            "A drone hit an apartment block in Voronezh, north-east of Kharkiv, on Friday. The city is "
            "roughly 250 km from the Ukrainian border.",
            "Voronezh",
            "carried",
            1,
            "the city",
        ),
        # a fronted distance, then the pointing noun
        (
            "Explosions were heard in Kstovo overnight.\n\nLocated some 800 km from the front line, the "
            "plant refines crude for central Russia.",
            "Kstovo",
            "carried",
            1,
            "the plant",
        ),
    ],
)
def test_a_pointing_word_takes_the_place_named_before(text, target, how, sentence, anaphor):
    claim = only(text)
    assert (claim.target, claim.target_how, claim.target_sentence, claim.anaphor) == (
        target,
        how,
        sentence,
        anaphor,
    )


def test_a_sentence_with_claims_offers_its_targets_not_its_references():
    text = (
        "Kursk lies about 500 km from Moscow. It is also some 100 km from the Ukrainian border. "
        "The city was shelled on Monday."
    )
    first, second = extract_claims(text)
    assert (first.target, first.reference) == ("Kursk", "Moscow")
    assert (second.target, second.target_how, second.target_sentence) == ("Kursk", "carried", 1)


def test_they_takes_every_place_of_the_earlier_sentence():
    text = "Drones hit Kazan and Yelabuga overnight. They are more than 1,000 km from the border."
    claims = extract_claims(text)
    assert [c.target for c in claims] == ["Kazan", "Yelabuga"]
    assert {c.phrase for c in claims} == {"more than 1,000 km"}


def test_it_with_two_places_before_is_left_uncertain_with_both_candidates():
    text = "Blasts were reported in Bryansk and in Kursk. It lies about 100 km from the border."
    claim = only(text)
    assert claim.target is None
    assert claim.target_candidates == ("Bryansk", "Kursk")


def test_a_settlement_noun_skips_an_air_base():
    text = "Drones hit the Shaykovka air base and the town of Kirov. The town is 400 km from the border."
    claim = only(text)
    assert claim.target == "Kirov"


def test_nothing_to_point_back_at_leaves_no_target():
    text = "The village, some 20 km from the border, was shelled again, Governor Ivan Petrov said."
    claim = only(text)
    assert claim.target is None and claim.target_candidates == ()
    assert claim.anaphor == "the village"


def test_a_pointing_word_does_not_reach_too_far_back_except_to_the_headline():
    body = " ".join(["Officials gave no details."] * 4)
    text = (
        f"Strike on Tuapse port\n\nA fire broke out in Sochi. {body} The port is about 400 km from Ukraine."
    )
    claim = only(text)
    assert (claim.target, claim.target_how) == ("Tuapse port", "headline")


@pytest.mark.parametrize(
    "words, kind",
    [("the base", "airfield"), ("the oil refinery", "facility"), ("the cities", "settlement"), ("it", None)],
)
def test_anaphor_kind(words, kind):
    assert anaphor_kind(words) == kind


@pytest.mark.parametrize(
    "text, target",
    [
        (
            '"We are barely 10 km from the border," said the head of the Krasnopillia community.',
            "Krasnopillia",
        ),
        ('"Our city is less than 30 km from Belarus," the mayor of Chernihiv said.', "Chernihiv"),
    ],
)
def test_a_quotes_we_or_our_city_is_the_speakers_place(text, target):
    assert only(text).target == target


def test_a_facility_named_with_the_opens_a_sentence_as_itself_not_as_a_pointing_word():
    claim = only("The Ust-Luga oil terminal, barely 25 km from the Estonian border, ships crude.")
    assert (claim.target, claim.anaphor) == ("Ust-Luga oil terminal", None)


def test_two_places_some_distance_apart():
    claim = only("Kharkiv and Belgorod, about 75 km apart, are shelled almost daily.")
    assert (claim.target, claim.reference, claim.reference_kind) == ("Belgorod", "Kharkiv", "place")


def test_a_markdown_table_gives_each_row_its_place_and_the_header_its_reference():
    text = "| City | Distance from the border |\n| --- | --- |\n| Kursk | 95 km |\n| Oryol | 165 km |"
    claims = extract_claims(text)
    assert [(c.target, c.reference) for c in claims] == [("Kursk", "the border"), ("Oryol", "the border")]
