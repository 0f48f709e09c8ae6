"""Ukrainian and Russian articles in shapes reporters write, each once read wrong: a namesake taken
for a big city by its old name, a region's adjective taken for its capital, a figure by road judged
as a straight line, "the city" after two cities, several figures "respectively".

Sentences are our own. Expected distances come from an independent computation: ``pyproj.Geod.inv``
between GeoNames coordinates cited beside each (geonameid), or dense 100 m sampling of Natural
Earth's Ukraine for border claims (tests/helpers.dense_min_distance), never from the code under test.
"""

from __future__ import annotations

import functools

import pytest
from pyproj import Geod

from geo.judge.judge import Judge
from geo.layers.borders import ukraine
from geo.model import VerdictKind
from geo.places.cyrillic import CyrillicFirst
from geo.text.lang import extract_claims_any

from helpers import dense_min_distance, polygon_rings

DATE = "2025-07-01"
GEOD = Geod(ellps="WGS84")
#: GeoNames cities500 coordinates (lat, lon) and geonameid of the places named below.
PLACES = {
    "Belgorod": (50.60343, 36.58091),  # 578072
    "Kursk": (51.72689, 36.18457),  # 538560
    "Bryansk": (53.27096, 34.32143),  # 571476
    "Engels": (51.48389, 46.10528),  # 563464
    "Novoshakhtinsk": (47.76037, 39.93335),  # 517963
    "Tambov": (52.73632, 41.44102),  # 484646
    "Lipetsk": (52.5876, 39.55151),  # 535121
    "Kyiv": (50.45466, 30.5238),  # 703448
    "Kharkiv": (49.98177, 36.25475),  # 706483
    "Yelabuga": (55.76232, 52.04425),  # 468082
    "Kurakhove": (47.98333, 37.28333),  # Wikipedia: 47°59′N 37°17′E
    "Donetsk": (48.023, 37.80224),  # 709717
    "Pokrovsk": (48.28014, 37.17706),  # 704422
    "Kherson": (46.63695, 32.61458),  # 706448
    "Shakhty": (47.71916, 40.21603),  # 496015
    "Liski": (50.9824, 39.50403),  # 534838
    "Vovchansk": (50.29078, 36.94108),  # 689304
    "Sumy": (50.91741, 34.79906),  # 692194
    "Sudzha": (51.191, 35.271),  # 486816
    "Enerhodar": (47.49048, 34.66199),  # 709276
    "Druzhkivka": (48.61995, 37.52537),  # 616743
    "Kramatorsk": (48.73106, 37.56779),  # 704508
    "Kursk NPP": (51.67528, 35.60722),  # Wikipedia: 51°40′31″N 35°36′26″E (Kurchatov)
    "Klintsy": (52.75, 32.23333),  # Wikipedia: 52°45′N 32°14′E
    "Shebekino": (50.41667, 36.9),  # Wikipedia: 50°25′N 36°54′E
}
#: How far (km) a resolved target may lie from the cited coordinates.
SAME_PLACE_KM = 15.0


@pytest.fixture(scope="module")
def lookup(gazetteer):
    return CyrillicFirst(gazetteer)


def judge_text(lookup, text: str):
    claims = extract_claims_any(text, known=lookup.is_known)
    return claims, Judge(lookup, date=DATE).judge_all(claims)


@functools.cache
def border_km(key: str) -> float:
    lat, lon = PLACES[key]
    return dense_min_distance(lat, lon, polygon_rings(ukraine().geometry), step_m=100.0)[0] / 1000.0


def km_from(key: str, lat: float, lon: float) -> float:
    plat, plon = PLACES[key]
    return GEOD.inv(plon, plat, lon, lat)[2] / 1000.0


# --------------------------------------------------------------------------- namesakes


@pytest.mark.parametrize(
    "text",
    [
        "Олександрівка розташована за 10 км від кордону. Там обстріляли школу.",
        "Александровка находится в 10 км от границы.",
    ],
)
def test_oleksandrivka_is_not_donetsk_by_its_old_name(lookup, text):
    """A dozen Ukrainian villages bear the name, Donetsk only as an old one: the Cyrillic spelling is
    as ambiguous as the Latin one, never Donetsk (it was, 62 km from the border, 'understated')."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert verdict.verdict is VerdictKind.UNVERIFIABLE
    assert "ambiguous_place" in verdict.flags
    names = [c.get("name") for c in verdict.candidates]
    assert names.count("Oleksandrivka") >= 2 and "Donetsk" in names


@pytest.mark.parametrize("text", ["Покровськ лежить за 5 км від лінії фронту.", "Покровск в 5 км от фронта."])
def test_pokrovsk_stays_the_town_in_donetsk_oblast(lookup, text):
    """The namesake rule must not make Pokrovsk ambiguous: Engels (once Pokrovsk) matches only a
    romanisation, and Pokrovsk in Yakutia is a sixth of its size (as in English)."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert km_from("Pokrovsk", verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


# --------------------------------------------------------------------------- regions and their towns


@pytest.mark.parametrize(
    "text",
    [
        "В Курской области, в 20 км от границы, поврежден жилой дом.",
        "У Курській області, за 20 км від кордону, пошкоджено будинок.",
        "У Краснодарському краї, за 200 км від кордону, горить нафтобаза.",
    ],
)
def test_a_region_adjective_is_the_region_not_its_capital(lookup, text):
    """ "В Курской области" was read as Kursk (the city, 96 km from the border: 'understated');
    "У Краснодарському краї" as Krasnodar's refinery ('consistent'). The claim is about an unnamed
    place in the region: unverifiable."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert verdict.verdict is VerdictKind.UNVERIFIABLE
    assert verdict.target is None
    assert "region_not_point" in verdict.flags


def test_a_town_written_with_its_region_is_the_town(lookup):
    """ "в Енгельсі Саратовської області" was one unknown name; the town is Engels, located in the
    region, and "Місто" in the next sentence points back at it."""
    text = (
        "Дрони атакували нафтобазу в Енгельсі\n\n"
        "Уночі безпілотники атакували нафтобазу в Енгельсі Саратовської області. Місто розташоване "
        "приблизно за 470 км від кордону з Україною. Губернатор Саратовської області заявив, що пожежу "
        "вдалося загасити."
    )
    (claim,), (verdict,) = judge_text(lookup, text)
    assert km_from("Engels", verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
    border = next(r for r in verdict.readings if r.kind == "border")
    assert border.distance_km == pytest.approx(border_km("Engels"), abs=0.5)
    assert abs(470 - border_km("Engels")) < 0.05 * border_km("Engels")  # the figure is right
    assert verdict.verdict is VerdictKind.CONSISTENT


@pytest.mark.parametrize(
    "text, place",
    [
        ("Сам Курск находится в 95 км от границы.", "Kursk"),
        ("Окупований Донецьк розташований за 40 км від лінії фронту.", "Donetsk"),
        ("Дрони вразили завод у Єлабузі, що понад 1 000 км від кордону.", "Yelabuga"),
        ("У Курахові тривають бої, місто за 3 км від лінії фронту.", "Kurakhove"),
    ],
)
def test_the_town_behind_an_epithet_or_a_declension(lookup, text, place):
    """ "Сам Курск" and "Окупований Донецьк" were unknown names; "Єлабузі" (Єлабуга) unknown;
    "Курахові" was read as the surname Курах, a village in Dagestan 1,000 km away."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert verdict.target is not None
    assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


@pytest.mark.parametrize(
    "text",
    [
        "«Уламки впали на околиці села за 5 км від кордону», — заявив губернатор Бєлгородської області.",
        "Белгородские власти сообщили, что обломки упали в 10 км от границы.",
    ],
)
def test_a_capitalised_common_word_is_no_place(lookup, text):
    """ "Уламки" (debris) was looked up as a place, with Huambo and Alamo as suggestions; the
    governor's region says who spoke. The village is not named: unverifiable, no target."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.target is None
    assert verdict.verdict is VerdictKind.UNVERIFIABLE and "no_target" in verdict.flags


# --------------------------------------------------------------------------- routes are not straight lines


@pytest.mark.parametrize(
    "text",
    [
        "Відстань від Києва до Харкова автошляхом — 480 км.",
        "Расстояние от Киева до Харькова по трассе — 480 км.",
        "Дрон пролетів 1200 км і вразив завод в Уфі.",
        "Беспилотник пролетел более 1200 км и поразил завод в Уфе.",
    ],
)
def test_a_figure_by_road_or_in_flight_is_not_judged(lookup, text):
    """480 km by road was judged as the straight line Kyiv–Kharkiv ('overstated': 412 km as the crow
    flies, GeoNames coordinates); a drone's flight was a claim with no reference. Neither is a
    place's distance: unverifiable, as in English ("by road", "flew")."""
    claims, verdicts = judge_text(lookup, text)
    (claim,) = [c for c in claims if c.claimed_km >= 480]
    (verdict,) = [v for v in verdicts if v.claim is claim]
    assert claim.kind == "route_distance"
    assert verdict.verdict is VerdictKind.UNVERIFIABLE and "route_distance" in verdict.flags
    if "Харк" in text:
        (lat1, lon1), (lat2, lon2) = PLACES["Kyiv"], PLACES["Kharkiv"]
        assert GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000 < 480  # the road is longer than the line


def test_a_straight_line_figure_next_to_a_route_is_still_judged(lookup):
    text = "Харків лежить за 410 км на схід від Києва, а дорогою — майже 480 км."
    claims, verdicts = judge_text(lookup, text)
    first = claims[0]
    assert first.kind == "distance" and first.claimed_km == 410
    (lat1, lon1), (lat2, lon2) = PLACES["Kyiv"], PLACES["Kharkiv"]
    truth = GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000
    assert abs(410 - truth) < 0.05 * truth
    assert verdicts[0].verdict is VerdictKind.CONSISTENT
    assert [c.kind for c in claims[1:]] == ["route_distance"]


# --------------------------------------------------------------------------- pointing back across sentences


@pytest.mark.parametrize(
    "text",
    [
        "Дрони атакували Тамбов і Липецьк. Місто розташоване за 280 км від кордону.",
        "Беспилотники атаковали Тамбов и Липецк. Город находится в 280 км от границы.",
    ],
)
def test_the_city_after_two_cities_is_not_settled(lookup, text):
    """ "Місто" after two cities was the last one (Lipetsk); the text does not say which: both
    are listed and the claim is unverifiable, as in English."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert verdict.verdict is VerdictKind.UNVERIFIABLE and "uncertain_target" in verdict.flags
    assert len(claim.target_candidates) == 2
    assert border_km("Tambov") - border_km("Lipetsk") > 50  # the choice would change the verdict


@pytest.mark.parametrize(
    "text",
    [
        "Дрони атакували Бєлгород. Село розташоване за 2 км від кордону.",
        "Обстрелу подвергся Белгород. Село находится в 2 км от границы.",
    ],
)
def test_the_village_is_not_the_city_before_it(lookup, text):
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.anaphor == "the village"
    assert verdict.verdict is VerdictKind.UNVERIFIABLE and verdict.target is None
    assert "uncertain_target" in verdict.flags


@pytest.mark.parametrize(
    "text, place",
    [
        ("У Бєлгороді пролунали вибухи. Від міста до кордону близько 40 км.", "Belgorod"),
        ("В Белгороде прогремели взрывы. От города до границы около 40 км.", "Belgorod"),
        (
            "Дрони атакували Новошахтинськ. Там розташований нафтопереробний завод, за 10 км від кордону.",
            "Novoshakhtinsk",
        ),
        ("Дроны атаковали Новошахтинск. Там находится НПЗ, в 10 км от границы.", "Novoshakhtinsk"),
    ],
)
def test_there_and_from_the_city_point_back(lookup, text, place):
    """ "Там" and "Від міста до кордону" name no place: the claim had no target. They point back at
    the town of the sentence before; the border distance is the one measured independently."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.target_how == "carried" and claim.target_sentence == 1
    assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
    border = next(r for r in verdict.readings if r.kind == "border")
    assert border.distance_km == pytest.approx(border_km(place), abs=0.5)


# --------------------------------------------------------------------------- lists of figures


@pytest.mark.parametrize(
    "text",
    [
        "Під ударом були Брянськ, Курськ і Бєлгород — відповідно за 100, 95 і 35 км від кордону.",
        "Под ударом оказались Брянск, Курск и Белгород — соответственно в 100, 95 и 35 км от границы.",
    ],
)
def test_three_figures_respectively(lookup, text):
    """Only "35 км" was read, with no target; each figure goes with its town, in order, and each
    verdict agrees with the independent border distance (108, 96 and 35 km)."""
    claims, verdicts = judge_text(lookup, text)
    assert [c.claimed_km for c in claims] == [100, 95, 35]
    for verdict, place, figure in zip(verdicts, ("Bryansk", "Kursk", "Belgorod"), (100, 95, 35), strict=True):
        assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
        border = next(r for r in verdict.readings if r.kind == "border")
        assert border.distance_km == pytest.approx(border_km(place), abs=0.5)
        assert abs(figure - border_km(place)) < 0.1 * border_km(place) + 12  # the corpus's own band
        assert verdict.verdict is VerdictKind.CONSISTENT


# --------------------------------------------------------------------------- a town's adjective names a site


@pytest.mark.parametrize(
    "text",
    ["Курська АЕС розташована за 60 км від кордону.", "Курская АЭС находится в 60 км от границы."],
)
def test_the_kursk_npp_is_not_kursk(lookup, text):
    """ "Курська АЕС" was read as the genitive of Курськ: the city, 96 km from the border, and the
    claim 'understated'. The plant at Kurchatov is 40 km from the city and about 64 km from the border."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert km_from("Kursk NPP", verdict.target.lat, verdict.target.lon) < 2
    assert km_from("Kursk NPP", *PLACES["Kursk"]) > 30
    border = next(r for r in verdict.readings if r.kind == "border")
    assert border.distance_km == pytest.approx(border_km("Kursk NPP"), abs=1.0)
    assert verdict.verdict is VerdictKind.CONSISTENT


@pytest.mark.parametrize(
    "text",
    [
        "Курск и Белгород находятся примерно в 95 и 35 км от границы.",
        "Курськ і Бєлгород розташовані приблизно за 95 і 35 км від кордону.",
    ],
)
def test_two_figures_for_two_towns_without_respectively(lookup, text):
    """With "respectively" unwritten, only "35 км" was read, and given to Kursk: 'understated' against
    its 96 km. Each figure goes with its town, with the list's hedge."""
    claims, verdicts = judge_text(lookup, text)
    assert [(c.claimed_km, c.hedge) for c in claims] == [(95, "approximately"), (35, "approximately")]
    for verdict, place in zip(verdicts, ("Kursk", "Belgorod"), strict=True):
        assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
        assert verdict.verdict is VerdictKind.CONSISTENT


def test_a_conversion_in_brackets_keeps_the_reference(lookup):
    """ "в 1 200 км (750 миль) от границы": the bracket cut the figure from its reference (two claims,
    both 'cannot tell what the distance is from'). One claim, from the border, the miles kept."""
    claims, verdicts = judge_text(lookup, "Курск находится в 100 км (62 мили) от границы.")
    (claim,) = claims
    assert claim.reference_kind == "border" and (claim.conversion_figure, claim.conversion_unit) == (62, "mi")
    border = next(r for r in verdicts[0].readings if r.kind == "border")
    assert border.distance_km == pytest.approx(border_km("Kursk"), abs=0.5)


# --------------------------------------------------------------------------- rivers, plurals, prepositions


@pytest.mark.parametrize(
    "text, place",
    [
        ("Херсон розташований на правому березі Дніпра, за 1 км від позицій ворога.", "Kherson"),
        ("Місто Шахти розташоване за 40 км від кордону.", "Shakhty"),
        ("Дрони атакували Шахти, що за 40 км від кордону.", "Shakhty"),
        ("Губернатор сообщил, что беспилотник сбит над Лисками, в 130 км от границы.", "Liski"),
    ],
)
def test_the_town_not_the_river_or_the_singular(lookup, text, place):
    """ "на правому березі Дніпра" was read as the city of Dnipro, 103 km from the front ('understated');
    "Місто Шахти" as Шахта, a village in the Urals 1,500 km away; "над Лисками" as no place (a fox)."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


@pytest.mark.parametrize(
    "text, place",
    [
        ("«Ми лише за 12 км від кордону», — каже мешканка Вовчанська.", "Vovchansk"),
        ("«До кордону звідси лише 30 кілометрів», — сказав мер Сум.", "Sumy"),
    ],
)
def test_we_and_here_are_the_speakers_town(lookup, text, place):
    """A quote that says "we" or "here" names no place; the resident or mayor after it does (as in
    English, "said a doctor in Hlukhiv"). The claim had no target."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


@pytest.mark.parametrize(
    "text, place",
    [
        ("Суджа Курской области находится всего в 8 км от границы.", "Sudzha"),
        ("Энергодар Запорожской области находится в 5 км от линии фронта.", "Enerhodar"),
        ("Армавір Краснодарського краю лежить за 320 км від кордону.", None),
    ],
)
def test_a_town_before_its_region_is_the_subject(lookup, text, place):
    """ "Суджа Курской области находится…": the region only says where the town is; it was taken
    for the subject (unverifiable, 'a region, not a point')."""
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.target_hint is not None
    assert verdict.target is not None and verdict.target.kind != "region"
    if place:
        assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
    else:
        assert verdict.target.country_code == "RU"  # Armavir in Krasnodar krai, not in Armenia


def test_they_after_two_towns_is_each_of_them(lookup):
    """ "Вони лежать за 20 км від фронту" after two towns: one claim each, as in English ("they");
    it was one claim with both as candidates."""
    text = "Раніше окупанти атакували Дружківку та Краматорськ. Вони лежать за 20 км від фронту."
    claims, verdicts = judge_text(lookup, text)
    assert [c.claimed_km for c in claims] == [20, 20]
    for verdict, place in zip(verdicts, ("Druzhkivka", "Kramatorsk"), strict=True):
        assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


@pytest.mark.parametrize(
    "text",
    [
        "Город находится всего в 2 км от позиций российских войск.",
        "Місто лише за 2 км від позицій російських військ.",
    ],
)
def test_russian_troops_positions_are_the_front_line(lookup, text):
    (claim,) = extract_claims_any(text, known=lookup.is_known)
    assert claim.reference_kind == "frontline"


def test_a_short_ukrainian_sentence_is_read_as_ukrainian(lookup):
    """A sentence with no і, ї, є or ґ was read with the Russian vocabulary, which does not know
    "подолали": a drone's 100 km flight became a distance claim. The article's language holds."""
    text = "Дрони атакували Брянськ і Курськ. За 40 хвилин дрони подолали 100 км."
    (claim,) = extract_claims_any(text, known=lookup.is_known)
    assert claim.kind == "route_distance"


@pytest.mark.parametrize(
    "text",
    [
        "Понад 1000 км від кордону: дрони вперше дісталися Уфи",
        "Более 1000 км от границы: дроны впервые долетели до Уфы",
    ],
)
def test_a_headline_that_opens_with_the_distance_names_its_place_after_the_colon(lookup, text):
    (claim,), (verdict,) = judge_text(lookup, text)
    ufa = (54.74306, 55.96779)  # GeoNames 479561
    assert GEOD.inv(ufa[1], ufa[0], verdict.target.lon, verdict.target.lat)[2] / 1000 < SAME_PLACE_KM


@functools.cache
def country_km(code: str, lat: float, lon: float) -> float:
    """Distance (km) to a country's Natural Earth outline near Ukraine, by dense sampling."""
    from shapely.geometry import box

    from geo.layers.borders import countries_frame

    frame = countries_frame()
    geom = frame[(frame["ISO_A2_EH"] == code) | (frame["ISO_A2"] == code)].geometry.union_all()
    rings = polygon_rings(geom.intersection(box(20, 42, 48, 60)))
    return dense_min_distance(lat, lon, rings, step_m=100.0)[0] / 1000.0


@pytest.mark.parametrize(
    "text",
    ["Чернігів розташований за 70 км від кордону з РФ.", "Чернигов находится в 70 км от границы с РФ."],
)
def test_the_border_with_the_rf_is_russias(lookup, text):
    """ "від кордону з РФ" was read as any border: Chernihiv was measured to Belarus (47 km) and the
    70 km called 'overstated'. Russia is 72 km away."""
    chernihiv = (51.50541, 31.28656)  # GeoNames 710735
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.reference == "the Russian border"
    (reading,) = verdict.readings
    assert reading.distance_km == pytest.approx(country_km("RU", *chernihiv), abs=0.5)
    assert country_km("BY", *chernihiv) < 50  # the wrong reading would be much shorter
    assert verdict.verdict is VerdictKind.CONSISTENT


def test_smt_is_no_part_of_the_name(lookup):
    (claim,) = extract_claims_any("Смт Краснопілля, що за 10 км від кордону, знову під обстрілом.")
    assert claim.target == "Краснопілля"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Селище Кшенський поблизу Курська розташоване за 150 км від кордону.", (51.84083, 37.71361)),
        ("Уфа — столиця Башкортостану — лежить за 1 200 км від кордону.", (54.74306, 55.96779)),
        ("Новошахтинськ у Ростовській області лежить за 15 км від кордону.", (47.76037, 39.93335)),
        ("Новошахтинск в Ростовской области находится в 15 км от границы.", (47.76037, 39.93335)),
    ],
)
def test_a_name_that_only_locates_the_subject_is_not_it(lookup, text, place):
    """ "Кшенський поблизу Курська розташоване" was Kursk, 106 km away ('overstated'); "Уфа — столиця
    Башкортостану" and "Новошахтинськ у Ростовській області" were the regions. GeoNames cities500
    coordinates: Kshenskiy 540121, Ufa 479561, Novoshakhtinsk 517963."""
    (claim,), (verdict,) = judge_text(lookup, text)
    lat, lon = place
    assert GEOD.inv(lon, lat, verdict.target.lon, verdict.target.lat)[2] / 1000 < SAME_PLACE_KM


def test_a_sentence_that_opens_with_a_quote_is_a_sentence(lookup):
    """ "…від фронту.\\n«Ми лише за 12 км…»" was one sentence: the capitalised pronoun "Ми" became the
    target of both claims ('unknown place')."""
    text = (
        "Раніше окупанти атакували Дружківку та Краматорськ. Вони лежать за 20 км від фронту.\n"
        "«Ми лише за 12 км від кордону», — каже мешканка Вовчанська."
    )
    claims, verdicts = judge_text(lookup, text)
    assert len(claims) == 3
    for verdict, place in zip(verdicts, ("Druzhkivka", "Kramatorsk", "Vovchansk"), strict=True):
        assert km_from(place, verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


@pytest.mark.parametrize(
    "text",
    [
        "Беспилотники атаковали нефтеперерабатывающий завод в Туапсе. Предприятие находится примерно "
        "в 350 км от линии фронта и в 1 300 км от Москвы.",
        "Дрони атакували нафтопереробний завод у Туапсе. Підприємство розташоване приблизно за 350 км "
        "від лінії фронту і за 1 300 км від Москви.",
    ],
)
def test_the_next_figures_reference_is_not_this_ones_target(lookup, text):
    """ "…в 350 км от линии фронта и в 1 300 км от Москвы" made Moscow the target of both claims:
    Moscow 350 km from the front ('understated') and 1,300 km from itself ('overstated'). Both are
    the plant in Tuapse; Tuapse–Moscow is the independent geodesic."""
    tuapse, moscow = (44.10083, 39.08326), (55.75204, 37.61781)  # GeoNames 480716, 524901
    claims, verdicts = judge_text(lookup, text)
    assert len(claims) == 2
    for verdict in verdicts:
        target = verdict.target
        assert GEOD.inv(tuapse[1], tuapse[0], target.lon, target.lat)[2] / 1000 < SAME_PLACE_KM
    (reading,) = verdicts[1].readings
    truth = GEOD.inv(tuapse[1], tuapse[0], moscow[1], moscow[0])[2] / 1000
    assert reading.distance_km == pytest.approx(truth, rel=0.01)
    assert verdicts[1].verdict is VerdictKind.CONSISTENT


def test_a_governors_name_is_not_carried(lookup):
    """The sentence before names only the governor: "Об'єкт" pointed back at "Вячеслав Гладков"."""
    text = (
        "Губернатор Вячеслав Гладков заявив, що пожежу загасили. "
        "Об'єкт розташований за 30 км від кордону з Україною."
    )
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.target is None and "no_target" in verdict.flags


@pytest.mark.parametrize(
    "text",
    [
        "Харків розташований за 30 км від кордону з Росією. Звідти до Бєлгорода — близько 70 км.",
        "Харьков находится в 30 км от границы с Россией. Оттуда до Белгорода — около 70 км.",
    ],
)
def test_from_there_is_the_reference(lookup, text):
    """ "Звідти до Бєлгорода — 70 км": the place pointed back at is where the distance is from (it had
    no reference). Kharkiv–Belgorod by the independent geodesic."""
    claims, verdicts = judge_text(lookup, text)
    assert claims[1].reference_kind == "place"
    (reading,) = verdicts[1].readings
    (lat1, lon1), (lat2, lon2) = PLACES["Kharkiv"], PLACES["Belgorod"]
    assert reading.distance_km == pytest.approx(GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000, rel=0.01)
    assert km_from("Belgorod", verdicts[1].target.lat, verdicts[1].target.lon) < SAME_PLACE_KM


def test_a_capitalised_adjective_that_agrees_with_its_noun_is_no_candidate(lookup):
    """ "Морские дроны атаковали Новороссийск … Порт находится…": "Морские" was offered beside
    Новороссийск and the claim left unsettled; "ближайшей точки украинской границы" was no reference.
    Novorossiysk is 112 km from Ukraine's border (dense sampling)."""
    text = (
        "Морские дроны атаковали Новороссийск, где базируется часть Черноморского флота. Порт находится "
        "примерно в 110 км от ближайшей точки украинской границы."
    )
    novorossiysk = (44.73188, 37.76176)  # GeoNames 518255
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.target_candidates == () and claim.reference_kind == "border"
    target = verdict.target
    assert GEOD.inv(novorossiysk[1], novorossiysk[0], target.lon, target.lat)[2] / 1000 < SAME_PLACE_KM
    border = next(r for r in verdict.readings if r.kind == "border")
    rings = polygon_rings(ukraine().geometry)
    truth = dense_min_distance(target.lat, target.lon, rings, step_m=100.0)[0] / 1000
    assert border.distance_km == pytest.approx(truth, abs=0.5)
    assert verdict.verdict is VerdictKind.CONSISTENT


def test_the_regional_centre_points_back(lookup):
    text = "Росіяни вдарили по Сумах. Обласний центр лежить лише за 30 км від кордону з Росією."
    (claim,), (verdict,) = judge_text(lookup, text)
    assert claim.anaphor == "the city" and claim.target_how == "carried"
    assert km_from("Sumy", verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Бєлгород розташований у 50-ти кілометрах від кордону з Україною.", 50.0),
        ("Белгород находится в 40-ка километрах от границы с Украиной.", 40.0),
        ("Белгород — в 30-ти км от украинской границы.", 30.0),
    ],
)
def test_a_figure_with_its_case_ending_is_read(lookup, text, figure):
    """'в 40-ка километрах', 'у 50-ти кілометрах': digits with the numeral's case ending, as people
    write and say them; the claim was missed. Belgorod lies 35 km from the border (dense sampling)."""
    claims, (verdict,) = judge_text(lookup, text)
    assert claims[0].figure == figure
    assert km_from("Belgorod", verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
    border = next(r for r in verdict.readings if r.reference == "Ukraine's internationally recognised border")
    assert border.distance_km == pytest.approx(border_km("Belgorod"), abs=0.5)
    low, high = border.tolerance_km
    assert low <= border_km("Belgorod") <= high  # so the claim fits the border
    assert verdict.verdict is VerdictKind.CONSISTENT


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Бєлгород розташований за півтори сотні кілометрів від Харкова.", 150.0),
        ("Белгород находится примерно в трех сотнях километров от Харькова, пишут местные каналы.", 300.0),
    ],
)
def test_hundreds_as_a_noun_after_a_number(lookup, text, figure):
    """'півтори сотні' is 150, 'три сотни' 300: 'сотня' multiplies the number before it. Belgorod is
    73 km from Kharkiv (pyproj between GeoNames points), so both overstate; 'сотні кілометрів' alone
    ('hundreds of kilometres') is no figure."""
    claims, (verdict,) = judge_text(lookup, text)
    assert claims[0].figure == figure
    truth = GEOD.inv(*PLACES["Belgorod"][::-1], *PLACES["Kharkiv"][::-1])[2] / 1000.0
    assert verdict.readings[0].distance_km == pytest.approx(truth, abs=SAME_PLACE_KM)
    assert verdict.verdict is VerdictKind.OVERSTATED
    vague, _ = judge_text(lookup, "Липецьк розташований за сотні кілометрів від фронту.")
    assert vague == []


@pytest.mark.parametrize(
    "text",
    [
        "До Харькова от Белгорода — около 80 километров.",
        "До Харкова від Бєлгорода — близько 80 кілометрів, кажуть місцеві.",
    ],
)
def test_to_before_from_names_both_ends(lookup, text):
    """'До X от Y — N км' (the 'to' end first): Kharkiv from Belgorod. The reference was unknown
    ('cannot tell what the distance is from'). Truth: pyproj between the GeoNames points."""
    _, (verdict,) = judge_text(lookup, text)
    assert km_from("Kharkiv", verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
    assert verdict.claim.reference_kind == "place"
    truth = GEOD.inv(*PLACES["Belgorod"][::-1], *PLACES["Kharkiv"][::-1])[2] / 1000.0
    assert verdict.readings[0].distance_km == pytest.approx(truth, abs=SAME_PLACE_KM)
    assert verdict.verdict is VerdictKind.CONSISTENT


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Довжина кордону між Україною та Росією становить близько 2 000 км.", "border"),
        ("Протяжённость границы между Россией и Украиной составляет около 2300 километров.", "border"),
        ("Цей кордон часто обстрілюють. Довжина лінії фронту сягає понад 1 200 км.", "front line"),
        ("Граница снова под огнём. Протяжённость линии фронта — около 1200 км.", "front line"),
    ],
)
def test_the_length_of_a_line_named_far_before_its_figure(lookup, text, reference):
    """'Довжина кордону між Україною та Росією становить 2 000 км' is the border's length, however
    many words lie between the length noun and the figure (it was a distance with no place); and the
    line is this sentence's, not an earlier sentence's ('кордон' before 'Довжина лінії фронту' made
    the front line's length a border's)."""
    claims, (verdict,) = judge_text(lookup, text)
    assert claims[0].kind == "length" and claims[0].reference == reference
    if reference == "border":
        assert verdict.verdict is VerdictKind.UNVERIFIABLE and "length_not_of_front_line" in verdict.flags
    else:
        assert "length_not_of_front_line" not in verdict.flags


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Вночі дрони атакували Брянськ. Місто розташоване приблизно за 100 км від українського кордону. "
            "Також вибухи лунали в Клинцях — це ще ближче, близько 50 км.",
            "Klintsy",
        ),
        (
            "Белгород обстреливают ежедневно: до границы около 35 км. Шебекино ещё ближе — примерно 5 км.",
            "Shebekino",
        ),
    ],
)
def test_even_closer_is_measured_from_the_same_reference(lookup, text, place):
    """'Клинці — це ще ближче, близько 50 км': the comparison keeps the reference before it (the
    border), for the place written in its own sentence. The Russian one also ends its first sentence
    at 'км.' (it ran on, and Шебекино's 5 km was Belgorod's, 'understated'). Truth: dense sampling."""
    claims, verdicts = judge_text(lookup, text)
    last = verdicts[-1]
    assert km_from(place, last.target.lat, last.target.lon) < SAME_PLACE_KM
    assert claims[-1].reference_kind == "border"
    border = next(r for r in last.readings if r.reference == "Ukraine's internationally recognised border")
    rings = polygon_rings(ukraine().geometry)
    truth = dense_min_distance(last.target.lat, last.target.lon, rings, step_m=100.0)[0] / 1000.0
    assert border.distance_km == pytest.approx(truth, abs=0.05)


def test_a_comparison_with_no_place_of_its_own_takes_no_verdict(lookup):
    """'Ещё ближе — примерно 5 км — расположены сёла': no place of its own, so it must not take
    Belgorod's place or a verdict."""
    text = "Белгород находится примерно в 35 км от границы. Ещё ближе — примерно 5 км — расположены сёла."
    _, verdicts = judge_text(lookup, text)
    assert verdicts[-1].verdict is VerdictKind.UNVERIFIABLE


@pytest.mark.parametrize(
    "text",
    [
        "Суми, Конотоп і Шостка регулярно потерпають від обстрілів. Усі три міста розташовані менш ніж "
        "за 60 км від кордону з Росією.",
        "Сумы, Конотоп и Шостка регулярно обстреливаются. Все три города находятся менее чем в 60 км от "
        "границы с Россией.",
    ],
)
def test_all_three_towns_are_each_of_them(lookup, text):
    """'Усі три міста …': each of the three towns named before, one claim each. 'Усі' opening the
    sentence was a place: Уси, the Russian name of Wuxi in China, 1,506 km away, 'understated'."""
    _, verdicts = judge_text(lookup, text)
    assert [v.target.name for v in verdicts] == ["Sumy", "Konotop", "Shostka"]
    assert all(v.target.country_code == "UA" for v in verdicts)
    assert all(v.readings and v.readings[0].reference == "Russia's border" for v in verdicts)


@pytest.mark.parametrize(
    "text",
    [
        "Але вибухи чули і в Брянську. Тут, за 100 км від кордону, люди звикли до тривог.",
        "Взрывы слышали и в Брянске. Здесь, в 100 км от границы, люди привыкли к тревогам.",
    ],
)
def test_here_points_back_at_the_place_before(lookup, text):
    """'Тут, за 100 км від кордону': here is Bryansk, named in the sentence before (it had no target).
    Truth: dense sampling of the border from the target's coordinates."""
    _, (verdict,) = judge_text(lookup, text)
    assert km_from("Bryansk", verdict.target.lat, verdict.target.lon) < SAME_PLACE_KM
    rings = polygon_rings(ukraine().geometry)
    truth = dense_min_distance(verdict.target.lat, verdict.target.lon, rings, step_m=100.0)[0] / 1000.0
    assert verdict.readings[0].distance_km == pytest.approx(truth, abs=0.05)
    assert verdict.verdict is VerdictKind.CONSISTENT
