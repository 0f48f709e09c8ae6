"""Language detection, the dispatch between extractors, and the Ukrainian/Russian figures, hedges,
references and names that the corpus test does not isolate."""

from __future__ import annotations

import pytest
import yaml

from geo.errors import EmptyInputError, GeoError
from geo.text.extract import extract_claims
from geo.text.lang import detect_language, extract_claims_any
from geo.text.slavic.numbers import parse_figure

from conftest import ROOT


def _one(text, lang=None):
    [claim] = extract_claims_any(text, lang)
    return claim


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Завод розташований за 800 км від кордону.", "uk"),
        ("Завод находится в 800 км от границы.", "ru"),
        ("The plant lies 800 km from the border.", "en"),
        ("«Рязань» — 460 км від кордону, кажуть у Києві.", "uk"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_an_english_article_reads_exactly_as_before():
    seeds = yaml.safe_load((ROOT / "seeds" / "claims.yaml").read_text(encoding="utf-8"))
    article = "\n\n".join(seed["text"] for seed in seeds["claims"])
    assert extract_claims_any(article) == extract_claims(article)
    assert extract_claims_any(article, "en") == extract_claims(article)


def test_mixed_text_goes_sentence_by_sentence_with_offsets_into_the_whole():
    text = (
        "Kazan lies some 720 km east of Moscow. Іжевськ розташований за 1200 км від кордону. "
        "Курск находится в 95 км от границы с Украиной."
    )
    claims = extract_claims_any(text)
    assert [c.target for c in claims] == ["Kazan", "Іжевськ", "Курск"]
    assert [c.reference for c in claims] == ["Moscow", "the border", "the Ukrainian border"]
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.phrase
        assert text[c.sentence_span[0] : c.sentence_span[1]] == c.text


def test_transliterated_names_in_cyrillic_text():
    claim = _one("Дрони атакували Engels-2, за 470 км від кордону.", "uk")
    assert claim.target == "Engels-2" and claim.reference_kind == "border"


@pytest.mark.parametrize(
    "written, value",
    [("1 750", 1750), ("1\u00a0750", 1750), ("1,5 тис.", 1500), ("1,5 тыс.", 1500), ("2 тисячі", 2000),
     ("десяти", 10), ("двохсот", 200), ("тисячі", 1000), ("полутора тысяч", 1500), ("сорока", 40),
     ("двісті п'ятдесят", 250), ("1,5", 1.5), ("1,300", 1300)],
)  # fmt: skip
def test_figures(written, value):
    assert parse_figure(written) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, figure, unit, hedge",
    [
        ("Завод розташований за понад 800 км від кордону.", 800, "km", "over"),
        ("Завод розташований більше ніж за 800 кілометрів від кордону.", 800, "km", "more than"),
        ("Завод розташований щонайменше за 800 км від кордону.", 800, "km", "at least"),
        ("Завод розташований майже за 800 км від кордону.", 800, "km", "almost"),
        ("Завод находится не менее чем в 800 км от границы.", 800, "km", "at least"),
        ("Завод находится свыше чем в 800 км от границы.", 800, "km", None),
        ("Завод находится на расстоянии около 500 миль от границы.", 500, "mi", "about"),
        ("Судно находилось в 12 морских милях от Севастополя.", 12, "nmi", None),
        ("Завод находится в 1,2–1,4 тыс. км от границы.", 1300, "km", "range"),
    ],
)
def test_hedges_units_and_ranges(text, figure, unit, hedge):
    claim = _one(text)
    assert (claim.figure, claim.unit) == (figure, unit)
    if hedge is not None:
        assert claim.hedge == hedge


@pytest.mark.parametrize(
    "text, target, reference, kind, direction",
    [
        ("Казань лежить за 720 км на схід від Москви.", "Казань", "Москва", "place", "E"),
        ("Казань находится в 720 км к востоку от Москвы.", "Казань", "Москва", "place", "E"),
        ("Ярославль расположен в 250 км северо-восточнее Москвы.", "Ярославль", "Москва", "place", "NE"),
        ("Вибух пролунав під Бєлгородом, за 35 км від кордону.", "Бєлгород", "the border", "border", None),
        ("Рязанського НПЗ торік уже сягали дрони: це 460 км від кордону.", "Рязанський НПЗ", "the border",
         "border", None),
        ("Завод в Ижевске находится в 1200 км от украинской границы.", "Ижевск", "the Ukrainian border",
         "border", None),
        ("Харків розташований за 30 км від російського кордону.", "Харків", "the Russian border", "border",
         None),
    ],
)  # fmt: skip
def test_targets_references_directions(text, target, reference, kind, direction):
    claim = _one(text)
    assert (claim.target, claim.reference, claim.reference_kind, claim.direction) == (
        target,
        reference,
        kind,
        direction,
    )


def test_front_line_lengths_and_what_is_no_distance():
    assert _one("Росія утримує 1200-кілометрову лінію фронту.").kind == "length"
    assert _one("Лінія фронту має протяжність близько 1000 км.").kind == "length"
    assert _one("Линия фронта протяженностью более 1000 км.").reference == "front line"
    assert extract_claims_any("Ракета має дальність 300 км.", "uk") == []
    assert extract_claims_any("Дрон летел со скоростью 180 км/ч.", "ru") == []


def test_bad_input():
    with pytest.raises(EmptyInputError):
        extract_claims_any("   ")
    with pytest.raises(GeoError):
        extract_claims_any("Текст.", "de")


def test_ukrainian_without_its_dictionary_falls_back_to_russian(monkeypatch):
    # pymorphy3-dicts-uk is an optional extra (GPLv3): without it, the Russian dictionary and the
    # spelling rules still give the nominative of the commonest town forms.
    import pymorphy3

    from geo.text.slavic import morph

    real = pymorphy3.MorphAnalyzer

    def without_uk(lang="ru", **kwargs):
        if lang == "uk":
            raise ValueError("Can't find a dictionary for language 'uk'")
        return real(lang=lang, **kwargs)

    morph.analyser.cache_clear()
    monkeypatch.setattr(pymorphy3, "MorphAnalyzer", without_uk)
    try:
        assert morph.analyser("uk").lang == "ru"
        assert morph.nominative_candidates("Іжевська", "uk", ("gent",))[0] == "Іжевськ"
    finally:
        morph.analyser.cache_clear()


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [("Izhevsk is 970 km from Moscow. ", None), ("Ижевск находится в 1300 км от Москвы. ", None)],
    ids=["english", "russian"],
)
def test_reading_stops_once_the_claims_are_over_the_limit(sentence, lang):
    # 2,000 sentences of one claim each: with a limit of 100, reading ends with the sentence that
    # passed it (101 claims), and those are the text's first 101 claims, unchanged.
    text = sentence * 2_000
    everything = extract_claims_any(text, lang)
    assert len(everything) == 2_000
    read = extract_claims_any(text, lang, limit=100)
    assert len(read) == 101
    assert [(c.span, c.target, c.figure) for c in read] == [
        (c.span, c.target, c.figure) for c in everything[:101]
    ]


def test_a_limit_the_claims_stay_within_changes_nothing():
    text = "Kazan lies 800 km east of Moscow. Ижевск находится в 1300 км от границы. " * 3
    assert extract_claims_any(text, limit=6) == extract_claims_any(text)
    assert extract_claims(text.split(" Ижевск")[0], limit=1) == extract_claims(text.split(" Ижевск")[0])
