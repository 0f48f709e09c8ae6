"""The words of a report in English, Ukrainian and Russian: one table, English ids as keys.

``word(key, lang)`` returns the phrase for ``lang`` ("en", "uk", "ru"), falling back to English. Keys are
the English phrases themselves (verdicts, reading kinds, flags, headings), so a caller that knows the
English word knows the key. ``geo.render.localized`` writes explanations with these words; the map's
header and key may use them too (``word("consistent", "uk")``).
"""

from __future__ import annotations

__all__ = ["LEXICON", "REPORT_LANGUAGES", "word"]

#: The languages a report can be written in.
REPORT_LANGUAGES = ("en", "uk", "ru")

#: English id → {language: phrase}; English is the id itself unless given.
LEXICON: dict[str, dict[str, str]] = {
    # verdicts
    "consistent": {"uk": "відповідає", "ru": "соответствует"},
    "overstated": {"uk": "перебільшено", "ru": "преувеличено"},
    "understated": {"uk": "применшено", "ru": "преуменьшено"},
    "unverifiable": {"uk": "неможливо перевірити", "ru": "невозможно проверить"},
    # what was measured (reading kinds), in the genitive after "від"/"от"
    "border": {"uk": "міжнародно визнаного кордону України", "ru": "международно признанной границы Украины"},
    "controlled": {"uk": "підконтрольної Україні території", "ru": "подконтрольной Украине территории"},
    "occupied": {"uk": "окупованої території", "ru": "оккупированной территории"},
    "frontline": {"uk": "лінії фронту", "ru": "линии фронта"},
    "country": {"uk": "кордону країни", "ru": "границы страны"},
    "length": {"uk": "довжина лінії фронту", "ru": "длина линии фронта"},
    # sentence parts
    "from": {"uk": "від", "ru": "от"},
    "on": {"uk": "станом на", "ru": "на"},
    "is": {"uk": "розташований за", "ru": "находится в"},
    "the front line measures": {"uk": "лінія фронту має довжину", "ru": "линия фронта имеет длину"},
    "the claim allows": {"uk": "Твердження «{figure}» допускає", "ru": "Утверждение «{figure}» допускает"},
    "so it is consistent": {"uk": "тож воно відповідає виміру", "ru": "поэтому оно соответствует измерению"},
    "so it overstates": {
        "uk": "тож воно перебільшує відстань (на {error} відносно: {reference})",
        "ru": "поэтому оно преувеличивает расстояние (на {error} относительно: {reference})",
    },
    "so it understates": {
        "uk": "тож воно применшує відстань (на {error} відносно: {reference})",
        "ru": "поэтому оно преуменьшает расстояние (на {error} относительно: {reference})",
    },
    "Cannot verify": {"uk": "Неможливо перевірити", "ru": "Невозможно проверить"},
    "at least": {"uk": "щонайменше", "ru": "не менее"},
    "at most": {"uk": "щонайбільше", "ru": "не более"},
    "Distance fact-check": {"uk": "Перевірка відстаней", "ru": "Проверка расстояний"},
    "No distance claims found in the text.": {
        "uk": "У тексті не знайдено тверджень про відстані.",
        "ru": "В тексте не найдено утверждений о расстояниях.",
    },
    "claim": {"uk": "твердження", "ru": "утверждение"},
    "claims": {"uk": "тверджень", "ru": "утверждений"},
    "measured": {"uk": "виміряно", "ru": "измерено"},
    "verdict": {"uk": "висновок", "ru": "вывод"},
    "flags": {"uk": "позначки", "ru": "пометки"},
    # flags (why a claim could not be verified)
    "no_target": {"uk": "у твердженні не назване місце", "ru": "в утверждении не названо место"},
    "unknown_place": {"uk": "місце не знайдене в довіднику", "ru": "место не найдено в справочнике"},
    "ambiguous_place": {
        "uk": "назва неоднозначна, є кілька кандидатів",
        "ru": "название неоднозначно, есть несколько кандидатов",
    },
    "not_a_place": {"uk": "це слово не є назвою місця", "ru": "это слово не название места"},
    "region_not_point": {"uk": "це регіон, а не точка", "ru": "это регион, а не точка"},
    "unknown_reference": {
        "uk": "незрозуміло, від чого виміряно відстань",
        "ru": "непонятно, от чего измерено расстояние",
    },
    "ambiguous_reference": {"uk": "точка відліку неоднозначна", "ru": "точка отсчёта неоднозначна"},
    "no_snapshot_for_date": {
        "uk": "немає знімка лінії фронту на цю дату",
        "ru": "нет снимка линии фронта на эту дату",
    },
    "direction_mismatch": {"uk": "напрямок не збігається", "ru": "направление не совпадает"},
    "reference_pointed_back": {
        "uk": "точку відліку взято з попереднього тексту",
        "ru": "точка отсчёта взята из предшествующего текста",
    },
    "unit_conversion_mismatch": {
        "uk": "перерахунок одиниць у тексті хибний",
        "ru": "пересчёт единиц в тексте неверен",
    },
    "nearest_on_detached_part": {
        "uk": "найближча точка на відокремленій частині країни (ексклав чи острів)",
        "ru": "ближайшая точка на отделённой части страны (эксклав или остров)",
    },
}


def word(key: str, lang: str = "en") -> str:
    """The phrase for ``key`` in ``lang``, English (the key) when there is none.

    >>> word("consistent", "uk"), word("overstated", "ru"), word("consistent")
    ('відповідає', 'преувеличено', 'consistent')
    """
    if lang == "en":
        return key
    return LEXICON.get(key, {}).get(lang, key)
