"""Place names in their grammatical cases → nominative, with pymorphy3's Ukrainian and Russian
dictionaries (OpenCorpora for Russian, VESUM for Ukrainian; installed from PyPI, read offline).

"від Іжевська" → "Іжевськ", "в Ижевске" → "Ижевск", "під Бєлгородом" → "Бєлгород", "Рязанського НПЗ" →
"Рязанський НПЗ", "Нижнього Новгорода" → "Нижній Новгород". The case the preposition before a name
governs narrows the readings ("від" takes the genitive, "під" the instrumental); a reading tagged as a
place (``Geox``) is preferred, then any noun, then an adjective agreeing with a noun after it. A name the
dictionaries do not know keeps a spelling rule for the commonest endings ("Покровська" after "від" →
"Покровськ") or stays as written. Nothing here checks that the name is a real place: the gazetteer does.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "adjective_nominative",
    "adjective_reading",
    "analyser",
    "is_person",
    "nominative",
    "nominative_candidates",
    "nominative_phrase",
]

_ADJ_ENDINGS = ("ого", "ому", "им", "ій", "ої", "ою", "ий", "ая", "ой", "ую", "ей", "ом", "ем", "ім", "ым")


@lru_cache(maxsize=2)
def analyser(lang: str):
    """The pymorphy3 analyser for ``lang`` ("uk" or "ru"), loaded once (~0.3 s). Without the Ukrainian
    dictionary (the optional ``pymorphy3-dicts-uk``, GPLv3) Ukrainian is read with the Russian one;
    the spelling rules and the gazetteer's answer still put most town names right."""
    import pymorphy3

    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except ValueError:  # pymorphy3 raises ValueError when a language's dictionary is not installed
        if lang == "ru":
            raise
        return pymorphy3.MorphAnalyzer(lang="ru")


def _restore_case(lemma: str, written: str) -> str:
    """``lemma`` capitalised like ``written``: every hyphen-separated part that was capitalised
    ("ростов-на-дону" from "Ростова-на-Дону" → "Ростов-на-Дону")."""
    if written.isupper() and len(written) > 1:
        return lemma.upper()
    parts, written_parts = lemma.split("-"), written.split("-")
    out = []
    for i, part in enumerate(parts):
        cap = i < len(written_parts) and written_parts[i][:1].isupper()
        out.append(part[:1].upper() + part[1:] if cap else part)
    return "-".join(out)


def _score(parse, cases: tuple[str, ...]) -> tuple[int, float]:
    tag = parse.tag
    case_ok = not cases or (tag.case in cases)
    grammemes = str(tag)
    rank = 0
    if "Geox" in grammemes:
        rank += 8
    if tag.POS == "NOUN" and not {"Surn", "Name", "Patr"} & tag.grammemes:
        rank += 4
    if tag.POS == "NOUN":
        rank += 1
    if case_ok:
        rank += 16
    if "sing" in grammemes or "plur" not in grammemes:
        rank += 1
    return rank, parse.score


def nominative(word: str, lang: str, cases: tuple[str, ...] = ()) -> str:
    """One name word → its nominative, capitalised as written.

    >>> nominative("Іжевська", "uk", ("gent",)), nominative("Ижевске", "ru"), nominative("Бєлгородом", "uk")
    ('Іжевськ', 'Ижевск', 'Бєлгород')
    >>> nominative("Покровська", "uk", ("gent",)), nominative("Туапсе", "ru"), nominative("Sumy", "uk")
    ('Покровськ', 'Туапсе', 'Sumy')
    """
    if not re.search("[А-Яа-яЁёІіЇїЄєҐґ]", word) or word.isupper():
        return word
    # a person's name is no town's nominative ("Курахові" is not the surname Курах's)
    parses = [p for p in analyser(lang).parse(word) if p.tag.POS == "NOUN" and not is_person(p.tag.grammemes)]
    best = max(parses, key=lambda p: _score(p, cases), default=None)
    if best is not None and _score(best, cases)[0] >= 20 and best.is_known:
        return _restore_case(best.normal_form, word)
    ruled = _spelling_rule(word, cases)
    if ruled:
        return ruled
    if best is not None and best.is_known and (not cases or best.tag.case in cases):
        return _restore_case(best.normal_form, word)
    return word


def is_person(grammemes) -> bool:
    """A reading as a first name, surname or patronymic, and not as a place."""
    return "Geox" not in grammemes and bool({"Surn", "Name", "Patr"} & grammemes)


#: Case endings of town names → the nominative ending, tried when the dictionaries do not settle it
#: (with the Ukrainian consonant shifts of the locative: "Олександрівці" → "-ка", "Єлабузі" → "-га").
_ENDINGS = (
    ("ська", "ськ"),
    ("цька", "цьк"),
    ("ська", "ськ"),
    ("ську", "ськ"),
    ("ськом", "ськ"),
    ("ськові", "ськ"),
    ("ске", "ск"),
    ("ску", "ск"),
    ("ском", "ск"),
    ("ска", "ск"),
    ("цке", "цк"),
    ("цка", "цк"),
    ("ані", "ань"),
    ("ені", "ень"),
    ("ани", "ань"),
    ("ени", "ень"),
    ("анню", "ань"),
    ("ью", "ь"),
    ("ві", "ва"),
    ("ви", "ва"),
    ("вы", "ва"),
    ("ве", "ва"),
    ("ою", "а"),
    ("ой", "а"),
    ("ці", "ка"),
    ("зі", "га"),
    ("сі", "ха"),
    ("ові", "ове"),
    ("ії", "ія"),
    ("ии", "ия"),
    ("і", ""),
    ("е", ""),
    ("у", ""),
    ("а", ""),
    ("ом", ""),
    ("ем", ""),
    ("и", "а"),
    ("ы", "а"),
    ("і", "а"),
    ("е", "а"),
    ("у", "а"),
    ("я", "ь"),
    ("і", "ь"),
    ("и", "ь"),
    ("ю", "ь"),
    ("ем", "ь"),
)


def nominative_candidates(word: str, lang: str, cases: tuple[str, ...] = ()) -> list[str]:
    """Every plausible nominative of one name word, the likeliest first: ``nominative``'s answer, the
    other language's dictionary, the spelling rules of town endings, the word as written.

    >>> nominative_candidates("Казані", "uk", ("loct",))[:3]
    ['Казан', 'Казань', 'Казана']
    """
    out = [nominative(word, lang, cases)]
    other = "ru" if lang == "uk" else "uk"
    from_other = nominative(word, other, cases)
    if from_other != word:
        out.append(from_other)
    lower = word.lower()
    for parse in analyser(lang).parse(lower)[:4]:  # a plural town name: "над Лисками" → "Лиски"
        plural = parse.inflect({"nomn", "plur"}) if "plur" in parse.tag.grammemes else None
        if plural is not None and (not cases or parse.tag.case in cases):
            out.append(_restore_case(plural.word, word))
    for ending, nominative_ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            out.append(word[: len(word) - len(ending)] + nominative_ending)
    out.append(word)
    return list(dict.fromkeys(out))


def _spelling_rule(word: str, cases: tuple[str, ...]) -> str | None:
    """The commonest town endings out of the genitive, dative/locative and instrumental:
    "-ська"/"-ська" → "-ськ", "-ську" → "-ськ", "-ськом" → "-ськ", "-ске" → "-ск"."""
    lower = word.lower()
    for ending, stem_end in (("ська", "ськ"), ("цька", "цьк"), ("ска", "ск"), ("цка", "цк")):
        if lower.endswith(ending) and (not cases or "gent" in cases):
            return word[: -len(ending)] + stem_end
    for ending, stem_end in (
        ("ську", "ськ"),
        ("цьку", "цьк"),
        ("ском", "ск"),
        ("ськом", "ськ"),
        ("ске", "ск"),
    ):
        if lower.endswith(ending):
            return word[: -len(ending)] + stem_end
    return None


def nominative_phrase(words: list[str], lang: str, cases: tuple[str, ...] = ()) -> str:
    """A name of several words → nominative: adjectives agree with the last noun ("Нижнього Новгорода"
    → "Нижній Новгород"); a lone adjective before a facility noun is
    put in the masculine nominative ("Рязанського" → "Рязанський", for "Рязанський НПЗ").

    >>> nominative_phrase(["Нижнего", "Новгорода"], "ru", ("gent",))
    'Нижний Новгород'
    >>> nominative_phrase(["Рязанського"], "uk", ("gent",))
    'Рязанський'
    """
    if not words:
        return ""
    if len(words) == 1:
        if words[0].lower().endswith(_ADJ_ENDINGS) and adjective_reading(words[0], lang):
            return adjective_nominative(words[0], lang, "masc")
        return nominative(words[0], lang, cases)
    head = nominative(words[-1], lang, cases)
    head_parse = analyser(lang).parse(head.lower())
    gender = next((p.tag.gender for p in head_parse if p.tag.POS == "NOUN" and p.tag.gender), "masc")
    out = []
    for word in words[:-1]:
        out.append(adjective_nominative(word, lang, gender) if adjective_reading(word, lang) else word)
    return " ".join([*out, head])


def adjective_reading(word: str, lang: str):
    """The best adjective reading of ``word``, or None."""
    return next((p for p in analyser(lang).parse(word) if p.tag.POS in ("ADJF", "PRTF")), None)


def adjective_nominative(word: str, lang: str, gender: str) -> str:
    """An adjective put in the nominative singular of ``gender``, capitalised as written."""
    parse = adjective_reading(word, lang)
    if parse is None:
        return word
    inflected = parse.inflect({"nomn", "sing", gender}) or parse.inflect({"nomn", gender})
    return _restore_case(inflected.word if inflected else parse.normal_form, word)
