"""Which language a text (or each of its sentences) is written in, and the extractor for it.

``detect_language`` tells English, Ukrainian and Russian apart by their letters: Cyrillic at all, then the
letters only one of the two has (і ї є ґ for Ukrainian; ы э ъ ё for Russian), then their commonest
short words. ``extract_claims_any`` sends each sentence to its language's extractor, so an English
article goes through ``geo.text.extract.extract_claims`` unchanged and a mixed text is read sentence by
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geo.errors import EmptyInputError, GeoError
from geo.text.claim import Claim
from geo.text.sentences import split_sentences

__all__ = ["LANGUAGES", "detect_language", "extract_claims_any", "sentence_spans"]

#: The languages ``geo verify --lang`` knows.
LANGUAGES = ("en", "uk", "ru")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_LATIN = re.compile(r"[A-Za-z]")
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
_UK_WORDS = re.compile(
    r"(?<!\w)(?:від|що|це|та|який|яка|як|не|до|на|його|її|близько|понад|кілометр\w*)(?!\w)", re.I
)
_RU_WORDS = re.compile(
    r"(?<!\w)(?:от|что|это|и|который|которая|как|не|до|на|его|её|около|более|километр\w*)(?!\w)", re.I
)
#: Abbreviations after which a full stop does not end a Ukrainian or Russian sentence ("м. Суми").
#: A sentence's end followed by one that opens with a quotation mark: "…від фронту. «Ми…".
_QUOTE_OPENS = re.compile(r"(?<=[.!?…])\s+(?=[«„\"“][A-ZА-ЯЁІЇЄҐ])")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:м|с|смт|г|пгт|п|вул|ул|обл|р|див|им|ім|тис|тыс)\.$", re.I)
#: "км." ends a sentence unless the text goes on in lower case ("за 30 км. від кордону" in some copy).
_KM_END = re.compile(r"\sкм\.$", re.I)


def detect_language(text: str) -> str:
    """The language of ``text`` (an article or one sentence): "en", "uk" or "ru".

    >>> detect_language("Іжевськ розташований за 1300 км від кордону.")
    'uk'
    >>> detect_language("Ижевск находится в 1300 км.")
    'ru'
    >>> detect_language("Izhevsk lies 1,300 km from Ukraine.")
    'en'
    """
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic == 0 or cyrillic < len(_LATIN.findall(text)):
        return "en"
    uk = 3 * len(_UK_LETTERS.findall(text)) + len(_UK_WORDS.findall(text))
    ru = 3 * len(_RU_LETTERS.findall(text)) + len(_RU_WORDS.findall(text))
    return "uk" if uk >= ru and uk > 0 else "ru"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)``, the English rules plus the Ukrainian and Russian
    abbreviations that do not end one ("м. Суми", "г. Курск", "1,5 тис. км").

    >>> text = "Дрони атакували м. Суми. Місто за 30 км від кордону."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Дрони атакували м. Суми.', 'Місто за 30 км від кордону.']
    >>> text = "До границы около 35 км. Шебекино ещё ближе — 5 км."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['До границы около 35 км.', 'Шебекино ещё ближе — 5 км.']
    """
    merged: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        last = text[merged[-1][0] : merged[-1][1]] if merged else ""
        goes_on = text[start:end].lstrip()[:1].islower()
        if merged and (_ABBREVIATION_END.search(last) or (_KM_END.search(last) and goes_on)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [part for start, end in merged for part in _split_at_quotes(text, start, end)]


def _split_at_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One span split where a sentence ends and the next opens with a quotation mark ("…від
    фронту. «Ми лише за 12 км…»"), which the English rules do not split at."""
    cuts = [m.end() for m in _QUOTE_OPENS.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    pairs = zip(bounds, bounds[1:], strict=False)
    return [(a, b if b == end else a + len(text[a:b].rstrip())) for a, b in pairs]


def extract_claims_any(
    text: str,
    lang: str | None = None,
    known: Callable[[str], bool] | None = None,
    limit: int | None = None,
) -> list[Claim]:
    """Every distance claim in ``text``, in text order, in any of ``LANGUAGES``.

    ``lang`` forces one language for the whole text; None detects it per sentence, so English
    sentences go to the English extractor and Cyrillic ones to theirs. ``known``, when given, tells
    which spelling of a Cyrillic name is a real place (the gazetteer's answer). ``limit``, when given,
    stops the reading once more than ``limit`` claims are found (see ``extract_claims``): the list is
    then longer than ``limit`` and the text holds at least as many.

    >>> text = "Kazan lies 800 km east of Moscow. Ижевск находится в 1300 км от границы."
    >>> [c.target for c in extract_claims_any(text)]
    ['Kazan', 'Ижевск']
    """
    from geo.text.extract import extract_claims
    from geo.text.slavic.carry import Antecedent, compared_reference
    from geo.text.slavic.extract import sentence_claims

    if text is None or not text.strip():
        raise EmptyInputError("the text is empty: give an article or a sentence that states a distance")
    if lang is not None and lang not in LANGUAGES:
        raise GeoError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    if lang == "en" or (lang is None and not _CYRILLIC.search(text)):
        return extract_claims(text, limit)
    claims: list[Claim] = []
    previous = None
    article_lang = lang or detect_language(text)
    for number, (start, end) in enumerate(sentence_spans(text), 1):
        sentence_lang = lang or _sentence_language(text[start:end], article_lang)
        if sentence_lang == "en":
            found = [_shift(c, start) for c in extract_claims(text[start:end])]
            previous = next((Antecedent((c.target,), number) for c in reversed(found) if c.target), previous)
        else:
            found, previous = sentence_claims(text, start, end, sentence_lang, known, previous, number)
            for i, claim in enumerate(found):
                found[i] = compared_reference(
                    claim, text, found[i - 1] if i else (claims[-1] if claims else None)
                )
        claims.extend(found)
        if limit is not None and len(claims) > limit:
            break  # over the limit: the rest of the text is not read
    return claims


def _sentence_language(sentence: str, article: str) -> str:
    """The language of one sentence of an article in ``article``: English when it is, else the
    article's Ukrainian or Russian unless the sentence has letters only the other one has (a short
    Ukrainian sentence with no і, ї, є or ґ is still Ukrainian: "За 40 хвилин дрони подолали 100 км").

    >>> _sentence_language("Дрони подолали 100 км.", "uk"), _sentence_language("Дроны ударили.", "uk")
    ('uk', 'ru')
    """
    found = detect_language(sentence)
    if found == "en" or article not in ("uk", "ru"):
        return found
    own = _UK_LETTERS if found == "uk" else _RU_LETTERS
    return found if found == article or own.search(sentence) else article


def _shift(claim: Claim, offset: int) -> Claim:
    """A claim found in one sentence, its offsets moved into the full text."""
    from dataclasses import replace

    return replace(
        claim,
        span=(claim.span[0] + offset, claim.span[1] + offset),
        sentence_span=(claim.sentence_span[0] + offset, claim.sentence_span[1] + offset),
    )
