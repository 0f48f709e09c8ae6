"""Place names in a Ukrainian or Russian sentence, and the choice of the one a figure is about.

A name is a run of capitalised words (Cyrillic or Latin: transliterated names are names too) that are
not states, peoples, officials or months, or a place adjective before a facility noun ("Рязанського
НПЗ"). Each is put in the nominative (``geo.text.slavic.morph``) in the case the word before it governs;
``known``, when given, is asked which of the plausible nominatives is a real place (the gazetteer's
answer); without it the likeliest is taken. The rules follow the English ones (``geo.text.targets``):
an apposition right before the figure, the subject of a locative verb, the nearest name introduced by a
preposition or a verb of attack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from geo.text.slavic.morph import (
    adjective_nominative,
    adjective_reading,
    analyser,
    is_person,
    nominative_candidates,
    nominative_phrase,
)
from geo.text.slavic.vocabulary import Patterns

__all__ = ["Name", "find_target", "name_at", "names_in"]

_CAP = "A-ZА-ЯЁІЇЄҐ"
_WORD = rf"[{_CAP}][\w'’ʼ]*(?:-[\w'’ʼ]+)*"
_RUN = re.compile(rf"(?<![\w'’ʼ-]){_WORD}(?:[ \u00a0]{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}")
_PREV_WORD = re.compile(r"([\w.]+)\s*$")
_APPOSITION_END = re.compile(
    r"\s*(?:,|—|–|\(|\s-|:)\s*(?:(?:це|это|що|что|де|где|який|яка|яке|котр\w+|котор\w+)\s+)?"
    r"(?:(?:лише|всього|усього|лиш|всего|лишь|только)\s+)?$",
    re.IGNORECASE,
)
_TRAILING_APPOSITION = re.compile(r",[^,]*,\s*$")
#: Words before a name that make it a river, lake or sea ("на берегах Волги"), never a target.
_WATER_BEFORE = re.compile(
    r"берег\w*|берез[іи]|узбережж\w*|побережь\w*|річк\w*|рік[аиу]|рек[аиу]|озер\w*|мор[ея]", re.I
)
_NOT_NAME_POS = frozenset({"VERB", "INFN", "PREP", "CONJ", "PRCL", "NPRO", "ADVB", "NUMR", "INTJ", "PRED"})
#: A region noun after a place adjective ("Курської області", "у Краснодарському краї"); group ``noun``.
_REGION_NOUN = re.compile(
    r"[ \u00a0]+(?P<noun>област[ьіиеюя]\w*|обл\.|кра[юїяеє]|краем|краєм|край|республік\w*|республик\w*"
    r"|округ\w*|район\w*)(?!\w)",
    re.IGNORECASE,
)
#: The nominative of each region noun and the gender its adjective takes, by the noun's first letters.
_REGION_NOMINATIVE = {
    "обл": ("область", "femn"),
    "кра": ("край", "masc"),
    "рес": ("республіка", "femn"),
    "окр": ("округ", "masc"),
    "рай": ("район", "masc"),
}
#: A region's popular name: "Брянщина", "на Бєлгородщині", "Курщину".
_REGION_NICKNAME = re.compile(r"\w+щин[аиіуо]\w*$", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    """A place name found in the text: ``name`` in the nominative, ``written`` as in the text, its
    ``start``/``end`` offsets, the lower-cased word before it and whether it opens its sentence."""

    name: str
    written: str
    start: int
    end: int
    before_word: str
    initial: bool
    known: bool | None = None
    #: a region ("Курська область", "Брянщина"), not a town: it locates places, it is rarely a target
    region: bool = False
    #: the region written right after the name ("Енгельсі Саратовської області" → "Саратовська область")
    hint: str | None = None


def _keep_token(word: str, patterns: Patterns, initial: bool, governed: bool = False) -> bool:
    """False for words that are never places (as written or by their lemma), acronyms, and a
    sentence's first word when the dictionaries know it as no noun or adjective ("Під", "Уночі");
    ``governed`` (right after a preposition) keeps a word the dictionaries know only as a living
    being ("над Лисками")."""
    lower = word.lower().replace("’", "'")
    not_places = patterns.vocabulary.not_places
    if lower in not_places:
        return False
    letters = re.sub(r"[^A-Za-zА-Яа-яЁёІіЇїЄєҐґ]", "", word)
    if len(letters) >= 2 and letters.isupper():
        return False
    parses = analyser(patterns.vocabulary.code).parse(lower)
    best = parses[0] if parses else None
    if best is None or not best.is_known:
        return True
    if best.normal_form in not_places and not any("Geox" in str(p.tag) for p in parses[:3]):
        return False
    if "Apro" in best.tag.grammemes or best.tag.POS == "NPRO":  # "Сам Курск", "«Ми…": pronouns are no places
        return False
    if not governed and all(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes
                            and not {"Surn", "Name"} & p.tag.grammemes for p in parses):  # fmt: skip
        return False  # people ("Мешканці", "Россияне"), never places
    return not (initial and best.tag.POS in _NOT_NAME_POS)


def names_in(
    text: str, start: int, end: int, patterns: Patterns, known: Callable[[str], bool] | None = None
) -> list[Name]:
    """Every place name in ``text[start:end]``, left to right."""
    out: list[Name] = []
    for run in _RUN.finditer(text, start, end):
        tokens = list(_TOKEN.finditer(text, run.start(), run.end()))
        group: list[re.Match] = []
        for token in tokens + [None]:
            if token is not None:
                prefix = text[start : token.start()]
                initial = not prefix.strip(' «"„“(—–-') and token.start() == run.start()
                prev = _PREV_WORD.search(text, start, token.start()) if token.start() > start else None
                governed = bool(prev) and prev.group(1).lower() in patterns.vocabulary.preposition_cases
                if _keep_token(token.group(), patterns, initial, governed):
                    group.append(token)
                    continue
            if group:
                out.extend(_names_of_group(text, start, group, patterns, known))
                group = []
    return [n for n in out if not _WATER_BEFORE.fullmatch(n.before_word)]


def _names_of_group(
    text: str, start: int, group: list[re.Match], patterns: Patterns, known: Callable[[str], bool] | None
) -> list[Name]:
    """The names of one run of capitalised words: one name, or, when its last word is an adjective
    before a region noun ("Енгельсі Саратовської області", "Курской области"), the region as a name
    of its own (in the nominative, "Саратовська область") and the words before it as a name located
    in it."""
    region = _REGION_NOUN.match(text, group[-1].end())
    lang = patterns.vocabulary.code
    if region is None or not adjective_reading(group[-1].group(), lang):
        name = _make_name(text, start, group, patterns, known)
        if len(group) == 1 and name.initial and _adjective_before_noun(text, group[0], lang, agreeing=True):
            return []  # "Морские дроны атаковали…": an adjective that agrees with its noun, no town
        if known is None or name.known is not False:
            return [replace(name, region=True) if _REGION_NICKNAME.match(name.written) else name]
        if len(group) == 1 and _adjective_before_noun(text, group[0], lang):
            return []  # "Курська АЕС" unknown, "Белгородские власти": an adjective, not Курськ's genitive
        first = _common_word(group[0].group(), lang)
        if len(group) > 1 and first in ("ADJF", "PRTF"):  # "Окупований Донецьк": the town, not its epithet
            return _names_of_group(text, start, group[1:], patterns, known)
        if len(group) == 1 and (first in ("ADJF", "PRTF") or (first and name.initial)):
            return []  # "Белгородские власти", "Уламки впали…": a common word capitalised, no place
        return [name]
    noun, gender = _REGION_NOMINATIVE[region.group("noun").lower()[:3]]
    if lang == "ru":
        noun = noun.replace("іка", "ика")
    adjective = group[-1]
    written = f"{adjective_nominative(adjective.group(), lang, gender)} {noun}"
    prev = _PREV_WORD.search(text, start, adjective.start()) if adjective.start() > start else None
    initial = not text[start : adjective.start()].strip(' «"„“(—–-')
    region_name = Name(written, text[adjective.start() : region.end()], adjective.start(), region.end(),
                       prev.group(1).lower() if prev else "", initial, known(written) if known else None,
                       region=True)  # fmt: skip
    if len(group) == 1:
        return [region_name]
    located = _make_name(text, start, group[:-1], patterns, known)
    return [replace(located, hint=written), region_name]


_NEXT_WORD = re.compile(r"[ \u00a0]+([\w'’ʼ-]+)")


def _adjective_before_noun(text: str, token: re.Match, lang: str, agreeing: bool = False) -> bool:
    """True when ``token``'s likeliest reading is an adjective and the word after it a noun or an
    acronym it qualifies ("Курська АЕС", "Белгородские власти"), so it names no town itself;
    ``agreeing``: only a noun it agrees with in number and case ("Морские дроны", not "Курська дрони",
    Курськ's genitive)."""
    parses = analyser(lang).parse(token.group().lower())
    if not parses or parses[0].tag.POS not in ("ADJF", "PRTF") or not parses[0].is_known:
        return False
    after = _NEXT_WORD.match(text, token.end())
    if after is None:
        return False
    word = after.group(1)
    if len(word) >= 2 and word.isupper():
        return not agreeing
    following = analyser(lang).parse(word.lower())
    if not following or following[0].tag.POS != "NOUN" or not word[:1].islower():
        return False
    adjective, noun = parses[0].tag, following[0].tag
    return not agreeing or (adjective.number == noun.number and adjective.case == noun.case)


def _nominative(word: str, lang: str) -> bool:
    """True when the dictionaries read ``word`` as a nominative (a plural town name as written:
    "Шахти", "Суми", "Чебоксари")."""
    parses = analyser(lang).parse(word.lower())[:3]
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "nomn" and not is_person(p.tag.grammemes) for p in parses
    )


def _common_word(word: str, lang: str) -> str | None:
    """The part of speech of a word the dictionary knows only as a common noun, adjective or
    participle (no place, first name or surname reading among its likeliest), else None."""
    parses = analyser(lang).parse(word.lower())[:3]
    if not parses or not parses[0].is_known or parses[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return None
    if any({"Geox", "Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
        return None
    return parses[0].tag.POS


def _make_name(
    text: str, start: int, group: list[re.Match], patterns: Patterns, known: Callable[[str], bool] | None
) -> Name:
    first, last = group[0], group[-1]
    # the word before, even before ``start`` (a reference read from right after its "від")
    prev = _PREV_WORD.search(text, max(0, first.start() - 40), first.start()) if first.start() else None
    before_word = prev.group(1).lower() if prev else ""
    cases = patterns.vocabulary.preposition_cases.get(before_word, ())
    words = [g.group() for g in group]
    end = last.end()
    facility = None
    for noun_pattern, noun in patterns.facility_nouns:
        found = noun_pattern.match(text, end)
        if found and len(words) == 1:
            facility, end = noun, found.end()
            break
    if facility:  # the adjective agrees with the noun: "Рязанський НПЗ", "Курська АЕС"
        options = [f"{nominative_phrase(words, patterns.vocabulary.code, cases)} {facility}"]
        if adjective_reading(words[0], patterns.vocabulary.code):
            options += [f"{adjective_nominative(words[0], patterns.vocabulary.code, g)} {facility}"
                        for g in ("femn", "neut")]  # fmt: skip
        name = next((o for o in options if known and known(o)), options[0])
    elif len(words) == 1:
        options = nominative_candidates(words[0], patterns.vocabulary.code, cases)
        if (not cases or "nomn" in cases) and _nominative(words[0], patterns.vocabulary.code):
            options = [words[0], *options]  # "Місто Шахти" is Shakhty, not a village named Шахта
        fallback = options[0]
        pattern, airfield = patterns.vocabulary.airfield
        if re.fullmatch(pattern, before_word, re.IGNORECASE):  # "аеродром Енгельс": the air base
            options = [f"{airfield} {options[0]}", *options]
        name = next((o for o in options if known and known(o)), fallback)
    else:
        name = nominative_phrase(words, patterns.vocabulary.code, cases)
    initial = not text[start : first.start()].strip(' «"„“(—–-')
    is_known = known(name) if known else None
    return Name(name, text[first.start() : end], first.start(), end, before_word, initial, is_known)


def name_at(
    text: str, pos: int, end: int, patterns: Patterns, known: Callable[[str], bool] | None = None
) -> Name | None:
    """The place name that starts exactly at ``text[pos]`` (a reference after "від"/"от"), else None."""
    found = names_in(text, pos, end, patterns, known)
    if found and found[0].start == pos:
        return found[0]
    return None


#: Between a place and a name that only says where it is: "поблизу", "під", "— столиця", "у" + a region.
_NEAR_GAP = re.compile(
    r"\s*[,—–-]?\s*(?:поблизу|біля|неподалік(?:\s+від)?|під|около|возле|близ|под|недалеко\s+от"
    r"|неподалеку\s+от|(?:\w+\s+)?(?:столиц\w+|центр\w*))\s+$",
    re.IGNORECASE,
)
_IN_GAP = re.compile(r"\s*,?\s*(?:у|в|во|на)\s+$", re.IGNORECASE)


def _without_locators(names: list[Name], before: str, offset: int) -> list[Name]:
    """``names`` without those that only locate the place named before them ("Селище Кшенський
    поблизу Курська", "Уфа — столиця Башкортостану", "Новошахтинськ у Ростовській області"): a name
    after "поблизу"/"під"/"столиця", or after "у" when it is a region. ``before`` starts at ``offset``."""
    kept = names[:1]
    for previous, name in zip(names, names[1:], strict=False):
        if previous.start < offset or name.start < offset:
            kept.append(name)
            continue
        gap = before[previous.end - offset : name.start - offset]
        if not (_NEAR_GAP.fullmatch(gap) or (name.region and _IN_GAP.fullmatch(gap))):
            kept.append(name)
    return kept


def find_target(before: str, offset: int, names: list[Name], patterns: Patterns) -> str | None:
    """The place a figure is about, from ``before`` (the text of its clause before the figure, starting
    at ``offset`` of the full text) and the ``names`` found there; None when unclear."""
    names = _without_locators([n for n in names if n.end <= offset + len(before)], before, offset)
    located = {n.hint for n in names if n.hint}  # "Суджа Курской области": the region only locates
    names = [n for n in names if not (n.region and n.name in located)]
    if any(n.known for n in names):  # the gazetteer was asked: names it does not know ("Волги") step aside
        names = [n for n in names if n.known]
    if not names:
        return None
    last = names[-1]
    tail = before[last.end - offset :]
    if _APPOSITION_END.match(tail):
        return last.name
    locative = patterns.locative.search(before)
    if locative:
        head = before[: locative.start()]
        if not (locative.group("link") or "").strip(" ,"):
            head = _TRAILING_APPOSITION.sub("", head)
        subjects = [n for n in names if n.end - offset <= len(head)]
        if subjects:
            return subjects[-1].name
    for name in reversed(names):
        if patterns.intro_before.search(before[: name.start - offset]) or patterns.place_nouns.search(
            before[: name.start - offset]
        ):
            return name.name
    towns = [n for n in names if not n.region]  # a region locates; it is a target only when introduced
    if towns and towns[0] is names[0] and names[0].initial:  # "Краматорськ лише за 20 км…": the opening name
        return names[0].name
    if len(towns) == 1 and len(names) == 1 and names[0].known is not False:
        return names[0].name  # the clause's one place: "Мешканці Дружківки живуть…"
    return None
