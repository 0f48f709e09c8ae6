"""Offline gazetteer: name variants, typos, ranking, ambiguity and errors.

Expected identities are GeoNames ids (a published identifier), not the code's output.
"""

from __future__ import annotations

import pytest

from geo.errors import AmbiguousPlaceError, EmptyInputError, InvalidCoordinatesError, UnknownPlaceError
from geo.places.gazetteer import split_country_hint

KHARKIV, ZAPORIZHZHIA, BAKHMUT, KYIV, IZHEVSK, MOSCOW, ODESA = (
    "706483",
    "687700",
    "713174",
    "703448",
    "554840",
    "524901",
    "698740",
)


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Kharkiv", KHARKIV),
        ("Kharkov", KHARKIV),
        ("KHARKOV", KHARKIV),
        ("Khar'kov", KHARKIV),
        ("Zaporizhzhia", ZAPORIZHZHIA),
        ("Zaporozhye", ZAPORIZHZHIA),
        ("Zaporizhzhya", ZAPORIZHZHIA),
        ("Bakhmut", BAKHMUT),
        ("Kiev", KYIV),
        ("Kyiv", KYIV),
        ("Київ", KYIV),
        ("izhevsk", IZHEVSK),
        ("Ижевск", IZHEVSK),
        ("Moscow", MOSCOW),
        ("Moskva", MOSCOW),
    ],
)
def test_name_variants_resolve_to_the_right_city(gazetteer, name, geonameid):
    assert gazetteer.resolve(name).id == geonameid


@pytest.mark.parametrize("typo, geonameid", [("Zaporihzzhia", ZAPORIZHZHIA), ("Izhevks", IZHEVSK)])
def test_typos_resolve_by_fuzzy_match_to_the_big_city(gazetteer, typo, geonameid):
    match = gazetteer.lookup(typo)
    assert match.place.id == geonameid
    assert match.how == "fuzzy"
    assert match.place.population > 500_000


@pytest.mark.parametrize("written, geonameid", [("Kharkiw", KHARKIV), ("Zaporizhzia", ZAPORIZHZHIA)])
def test_another_romanisation_is_a_variant_not_a_typo(gazetteer, written, geonameid):
    # "Kharkiw" (German-style w) and "Zaporizhzia" (one zh) are other romanisations of
    # Харків and Запоріжжя, found by their transliteration skeleton
    match = gazetteer.lookup(written)
    assert match.place.id == geonameid
    assert match.how == "variant"
    assert match.place.population > 500_000


def test_alternate_name_of_a_city_beats_primary_name_of_a_village(gazetteer):
    # GeoNames has a village whose primary name is "Zaporizhzhia" (pop. 656); the city of
    # 710,052 carries the name as an alternate. The city must win, and say how it matched.
    match = gazetteer.lookup("Zaporizhzhia")
    assert match.place.id == ZAPORIZHZHIA and match.how == "alternate"


def test_ambiguous_name_lists_candidates(gazetteer):
    with pytest.raises(AmbiguousPlaceError) as err:
        gazetteer.resolve("Springfield")
    assert len(err.value.candidates) >= 3
    assert {c.place.country_code for c in err.value.candidates} == {"US"}
    assert "--country" in str(err.value)


def test_artemovsk_is_ambiguous_until_narrowed_to_ukraine(gazetteer):
    with pytest.raises(AmbiguousPlaceError) as err:
        gazetteer.resolve("Artemovsk")
    assert BAKHMUT in {c.place.id for c in err.value.candidates}
    assert gazetteer.resolve("Artemovsk", countries=["UA"]).id == BAKHMUT


def test_country_hint_narrows(gazetteer):
    assert gazetteer.resolve("Odessa", countries=["UA"]).id == ODESA
    assert gazetteer.resolve("Moscow", countries=["US"]).country_code == "US"
    assert gazetteer.resolve("Moscow, US").country_code == "US"


def test_big_city_is_not_ambiguous_with_a_small_namesake(gazetteer):
    assert gazetteer.resolve("Moscow").id == MOSCOW  # Moscow, Idaho has 25,060 people


def test_our_facilities_resolve_with_source(gazetteer):
    place = gazetteer.resolve("Kupol Electromechanical Plant")
    assert place.source == "facilities_military.csv" and place.kind == "plant" and place.country_code == "RU"
    assert gazetteer.resolve("Engels-2").kind == "airbase"
    assert gazetteer.resolve("Orsk radar").kind == "radar"
    assert gazetteer.resolve("Alabuga SEZ").kind == "plant"
    assert gazetteer.resolve("Morozovsk air base").kind == "airbase"


def test_unknown_place_gives_suggestions(gazetteer):
    with pytest.raises(UnknownPlaceError) as err:
        gazetteer.resolve("Izhevskograd")
    assert 1 <= len(err.value.suggestions) <= 5
    assert any("Izhevsk" in s for s in err.value.suggestions)


def test_errors_for_empty_and_bad_coordinates(gazetteer):
    with pytest.raises(EmptyInputError):
        gazetteer.resolve("   ")
    with pytest.raises(InvalidCoordinatesError, match="latitude 91"):
        gazetteer.resolve("91,10")
    with pytest.raises(InvalidCoordinatesError, match="longitude 200"):
        gazetteer.resolve("10,200")


def test_coordinates_pass_through(gazetteer):
    place = gazetteer.resolve("55.0, 45.0")
    assert (place.lat, place.lon, place.source) == (55.0, 45.0, "coordinates")


def test_split_country_hint():
    assert split_country_hint("Odessa, UA", None) == ("Odessa", ["UA"])
    assert split_country_hint("Rostov-on-Don", None) == ("Rostov-on-Don", None)


def test_nearest_places_finds_the_city_itself(gazetteer):
    [[place]] = gazetteer.nearest_places(56.85, 53.20, min_population=100_000)
    assert place.id == IZHEVSK


def test_suggestions_look_like_the_query_and_prefer_the_countries_reported_on(gazetteer):
    """A misspelt or unknown village gets suggestions whose own names resemble it, Ukraine, Russia and
    Belarus first: 'Wyryki' (a Polish village the gazetteer lacks) was offered Guayaquil and Zürich,
    matched through one of their many foreign spellings."""
    from rapidfuzz import fuzz

    with pytest.raises(UnknownPlaceError) as err:
        gazetteer.resolve("Wyryki")
    names = [s.split(" (")[0] for s in err.value.suggestions]
    assert "Guayaquil" not in names and "Zürich" not in names
    assert all(fuzz.ratio("wyryki", n.lower()) >= 50 for n in names)
    codes = [s.split("(")[1][:2] for s in err.value.suggestions]
    focus = [c in ("UA", "RU", "BY") for c in codes]
    assert focus == sorted(focus, reverse=True)  # the reported-on countries first
