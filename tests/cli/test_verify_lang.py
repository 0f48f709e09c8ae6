"""``geo verify`` on Ukrainian and Russian articles: --lang, --report-lang, mixed texts."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED
from helpers import run_geo

DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"
STORY_UK = """date 2025-07-01
Дрони атакували Іжевськ, розташований приблизно за 1200 км від кордону з Україною.
Місто лежить за тисячу кілометрів на схід від Москви.
Краматорськ лише за 20 км від лінії фронту.
"""
STORY_RU = "Ижевск находится примерно в 1200 км от границы с Украиной. Краматорск — в 300 км от линии фронта."

pytestmark = pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")


def test_ukrainian_article_json():
    r = run_geo("verify", "-", "--json", "--layer", str(DEEPSTATE), stdin=STORY_UK)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [o["target"]["name"] for o in out] == ["Izhevsk", "Izhevsk", "Kramatorsk"]
    assert [o["verdict"] for o in out] == ["consistent", "consistent", "consistent"]
    assert out[1]["reference"] == "Москва" and out[1]["direction"] == "E"


def test_report_in_the_articles_language():
    r = run_geo(
        "verify", "-", "--lang", "ru", "--report-lang", "ru", "--layer", str(DEEPSTATE), stdin=STORY_RU
    )
    assert r.returncode == 0, r.stderr
    assert "соответствует" in r.stdout and "преувеличено" in r.stdout
    assert "от линии фронта" in r.stdout
    uk = run_geo("verify", "-", "--report-lang", "uk", "--layer", str(DEEPSTATE), stdin=STORY_RU)
    assert "відповідає" in uk.stdout and "перебільшено" in uk.stdout
    en = run_geo("verify", "-", "--layer", str(DEEPSTATE), stdin=STORY_RU)
    assert "consistent" in en.stdout and "overstated" in en.stdout


def test_markdown_title_in_the_report_language():
    r = run_geo("verify", "-", "--markdown", "--report-lang", "uk", "--layer", str(DEEPSTATE), stdin=STORY_RU)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Перевірка відстаней")
    assert "1 відповідає, 1 перебільшено (2 тверджень)." in r.stdout and "— **перебільшено**" in r.stdout


def test_unknown_language_is_a_clear_error():
    r = run_geo("verify", "-", "--lang", "de", stdin=STORY_RU)
    assert r.returncode == 2 and "Traceback" not in r.stderr
