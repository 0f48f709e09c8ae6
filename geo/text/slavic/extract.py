"""Distance claims in Ukrainian and Russian text: the *extract* step for those languages.

``extract_slavic`` finds every written distance ("за понад 800 км від кордону з Україною", "в десяти
километрах от Покровска", "лінія фронту протяжністю 1200 км") and returns the same ``Claim`` records as
the English extractor: the figure and unit as written, the hedge as one of ``geo.text.claim.HEDGES``, the
target in the nominative, the reference normalised to the English form the judge knows, the compass
direction and the kind ("distance" or "length"). Offsets point into the full text.

>>> [c] = extract_slavic("Іжевськ розташований приблизно за 1300 км від кордону з Україною.", "uk")
>>> (c.target, c.figure, c.unit, c.hedge, c.reference, c.reference_kind, c.phrase)
('Іжевськ', 1300.0, 'km', 'approximately', 'the Ukrainian border', 'border', 'приблизно за 1300 км')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from geo.core.units import figure_step
from geo.text.claim import Claim, figure_fields
from geo.text.slavic.carry import (
    Antecedent,
    anaphor_of,
    carry,
    compared_reference,
    offered,
    with_speakers_place,
)
from geo.text.slavic.endpoints import between_ends, separated_by
from geo.text.slavic.names import find_target, name_at, names_in
from geo.text.slavic.numbers import FIGURE, bracketed_conversion, parse_figure, unit_of
from geo.text.slavic.vocabulary import Patterns, compass_code
from geo.text.slavic.vocabulary_ru import RUSSIAN
from geo.text.slavic.vocabulary_uk import UKRAINIAN

__all__ = ["extract_slavic", "patterns_for", "sentence_claims"]

#: "Курськ і Бєлгород розташовані відповідно за 95 і 35 км", "Брянськ, Курськ і Бєлгород — відповідно за
#: 100, 95 і 35 км", "Курск и Белгород находятся примерно в 95 и 35 км" ("respectively" unwritten): the
#: figures of a list before its last one (group ``first``).
_PAIR = re.compile(
    rf"(?:(?:відповідно|соответственно)\s+)?(?:(?:за|в|у|на)\s+)?(?P<first>{FIGURE}(?:\s*,\s*{FIGURE})*)"
    r"\s*,?\s+(?:і|и|та|й)\s+$",
    re.IGNORECASE,
)
_LIST_FIGURE = re.compile(FIGURE, re.IGNORECASE)
#: Words before a name that make it a figure's reference, never a target.
_FROM_WORDS = frozenset({"від", "од", "от"})
#: "Звідти до Бєлгорода — 70 км": the place pointed back at is the reference, not the target.
_FROM_THERE = re.compile(r"\W*(?:звідти|оттуда)(?!\w)", re.IGNORECASE)
_NEAREST_POINT = re.compile(r"(?:найближч\w+|ближайш\w+)\s+точк\w+\s+", re.IGNORECASE)
_HEADLINE_COLON = re.compile(r"\s*:\s*")
_CLAUSE_MARK = re.compile(r"[,;:—–()]")
_CLAUSE_BREAK = re.compile(r"[;]|,\s+(?:а|але|і|и|но|тоді|тогда|тоді як|в то время как)\s+", re.IGNORECASE)


@lru_cache(maxsize=2)
def patterns_for(lang: str) -> Patterns:
    """The compiled patterns of ``lang`` ("uk" or "ru")."""
    return Patterns(UKRAINIAN if lang == "uk" else RUSSIAN)


def extract_slavic(
    text: str,
    lang: str,
    spans: list[tuple[int, int]] | None = None,
    known: Callable[[str], bool] | None = None,
    previous_target: str | Antecedent | None = None,
) -> list[Claim]:
    """Every distance claim of ``text`` in ``lang`` ("uk" or "ru"), in text order.

    ``spans``: the sentences to read (default: all of ``text``, split here); ``known``: asked which
    nominative of a name is a real place; ``previous_target``: the place the text before was about, for
    a first sentence that refers back ("Місто розташоване…").
    """
    from geo.text.lang import sentence_spans

    claims: list[Claim] = []
    for number, (start, end) in enumerate(spans if spans is not None else sentence_spans(text), 1):
        found, previous_target = sentence_claims(text, start, end, lang, known, previous_target, number)
        for claim in found:
            claims.append(compared_reference(claim, text, claims[-1] if claims else None))
    return claims


def sentence_claims(
    text: str,
    sent_start: int,
    sent_end: int,
    lang: str,
    known: Callable[[str], bool] | None = None,
    previous_target: str | Antecedent | None = None,
    number: int | None = None,
) -> tuple[list[Claim], Antecedent | None]:
    """The claims of sentence ``number`` (1-based), and what the next sentence may refer back to (this
    sentence's last target, else the towns it names, else ``previous_target``: see
    ``geo.text.slavic.carry``). A claim with no target of its own takes the sentence's previous one,
    or what ``previous_target`` offers when the sentence refers back ("Місто", "Там")."""
    patterns = patterns_for(lang)
    sentence = text[sent_start:sent_end]
    names = names_in(text, sent_start, sent_end, patterns, known)
    if isinstance(previous_target, str):
        previous_target = Antecedent((previous_target,))
    back = patterns.refers_back.search(sentence)
    carried = previous_target if back else None
    claims: list[Claim] = []
    window = sent_start
    last_target, last_reference = None, None
    for match in patterns.figure.finditer(text, sent_start, sent_end):
        if match.start() < window:
            continue
        claim, consumed = _claim(text, match, window, sent_start, sent_end, patterns, names, known, sentence)
        if claim is None:
            continue
        pair = _PAIR.search(text, window, match.start()) if claim.kind == "distance" else None
        if pair is not None:
            hedge = patterns.hedge_before.search(text, window, pair.start("first"))
            word = hedge and (hedge.group("hedge") or hedge.group("hedge2"))
            claims.extend(_respectively(text, claim, pair, names, _canonical_hedge(word, patterns)))
            window = consumed
            continue
        if claim.kind == "distance":
            if claim.reference is None and claim.target and carried and _FROM_THERE.match(back.group()):
                claim = replace(claim, reference=carried.names[-1], reference_kind="place")  # "Звідти до X"
            elif claim.target is None and last_target is None and carried is not None:
                *others, claim = carry(claim, carried, anaphor_of(back.group()))
                claims.extend(others)  # "Вони лежать…": one claim per place
            claim = _fill(claim, last_target, last_reference)
            last_target = claim.target or last_target
            last_reference = (claim.reference, claim.reference_kind)
        claims.append(claim)
        window = consumed
    claims = [with_speakers_place(text, c, names) for c in claims]
    towns = [n for n in names if not n.region]
    return claims, offered([last_target] if last_target else [], towns, previous_target, number)


def _respectively(text: str, last: Claim, pair: re.Match, names, hedge: str | None) -> list[Claim]:
    """One claim per figure of "X, Y і Z … відповідно за 100, 95 і 35 км від кордону": the figures go
    with the last names before the list, in order, each with the list's ``hedge`` ("примерно в 95 и
    35 км"); with fewer names than figures, no claim has a target (the text does not say which is
    which)."""
    from dataclasses import replace

    found = list(_LIST_FIGURE.finditer(text, pair.start("first"), pair.end("first")))
    before = [n for n in names if n.end <= pair.start() and not n.region]
    count = len(found) + 1
    targets = [n.name for n in before[-count:]] if len(before) >= count else [None] * count
    claims = []
    for figure_match, target in zip(found, targets, strict=False):
        figure = parse_figure(figure_match.group())
        start, end = figure_match.start(), figure_match.end()
        claims.append(
            replace(last, span=(start, end), phrase=text[start:end],
                    **figure_fields(figure, last.unit, figure_step(figure)), hedge=hedge, target=target)
        )  # fmt: skip
    return [*claims, replace(last, target=targets[-1], hedge=last.hedge or hedge)]


def _fill(claim: Claim, target: str | None, reference: tuple[str | None, str | None] | None) -> Claim:
    """A claim with its missing target or reference taken from the claim before it."""
    from dataclasses import replace

    if claim.target is None and target is not None and target != claim.reference:
        claim = replace(claim, target=target)
    if claim.reference is None and reference is not None and reference[0] is not None:
        claim = replace(claim, reference=reference[0], reference_kind=reference[1])
    return claim


def _figure(match: re.Match) -> tuple[float, float | None, float | None, float]:
    """``(figure, low, high, step)`` of a figure or a range ("1,2–1,5 тис.": both ends in thousands)."""
    if match.group("low"):
        low, high = parse_figure(match.group("low")), parse_figure(match.group("high"))
        if high >= 1000 and low < 100 and high / max(low, 1e-9) > 100:
            low *= 1000.0
        return (low + high) / 2.0, low, high, max(figure_step(low), figure_step(high))
    figure = parse_figure(match.group("num"))
    return figure, None, None, figure_step(figure)


def _claim(text, match, window, sent_start, sent_end, patterns: Patterns, names, known, sentence: str):
    """The claim of one figure, and the offset up to which the sentence is consumed; (None, _) when
    the figure is no distance (a weapon's range, a speed, an area). ``sentence`` is
    ``text[sent_start:sent_end]``, one string shared by the sentence's claims."""
    before_all = text[window : match.start()]
    hedge_match = patterns.hedge_before.search(before_all)
    hedge_word = None
    span_start = match.start()
    if hedge_match:
        hedge_word = hedge_match.group("hedge") or hedge_match.group("hedge2")
        span_start = window + hedge_match.start()
    else:
        lead = patterns.lead_before.search(before_all)
        if lead:
            span_start = window + lead.start()
    expr_end = match.end()
    after = text[expr_end:sent_end]
    if patterns.not_distance_after.match(after) or patterns.not_distance_before.search(before_all):
        return None, expr_end
    figure, low, high, step = _figure(match)
    unit = unit_of(match.group("unit") or match.group("cunit"))
    hedge = "range" if low is not None else _canonical_hedge(hedge_word, patterns)
    before = text[window:span_start]
    conversion, context_start = bracketed_conversion(text, expr_end, sent_end, patterns.figure)
    kind, reference, ref_kind, direction, consumed = _context(
        text, match, before, context_start, sent_end, patterns, known, sent_start
    )
    if kind == "distance" and (patterns.route_before.search(before) or patterns.route_after.match(after)):
        kind = "route_distance"  # "дрон пролетів 1200 км", "автошляхом — 480 км": not a straight line
    target = None
    separated = separated_by(text, expr_end, sent_end, patterns, known) if kind != "length" else None
    if separated is not None and reference is None:
        target, reference, ref_kind, consumed = separated
    elif kind != "length":
        target, reference, ref_kind = _target(
            text, window, before, consumed, sent_end, names, patterns, known, (reference, ref_kind)
        )
    claim = Claim(
        text=sentence,
        span=(span_start, expr_end),
        sentence_span=(sent_start, sent_end),
        phrase=text[span_start:expr_end],
        **figure_fields(figure, unit, step),
        kind=kind,
        hedge=hedge,
        target=target,
        reference=reference,
        reference_kind=ref_kind,
        direction=direction,
        figure_low=low,
        figure_high=high,
        target_hint=next((n.hint for n in names if n.hint and n.name == target), None),
        conversion_figure=conversion[0] if conversion else None,
        conversion_unit=conversion[1] if conversion else None,
    )
    return claim, max(consumed, expr_end)


def _target(text, window, before, consumed, sent_end, names, patterns: Patterns, known, ref):
    """``(target, reference, reference_kind)`` of a distance: the target from the clause before the
    figure or the name after the reference; "від кордону до Ярославля" before the figure gives both;
    "Російські війська … від Покровська" is Покровськ from the front line."""
    reference, ref_kind = ref
    if reference is None:
        between = between_ends(text, window, window + len(before), patterns, known)
        if between is not None:
            return between
        reference, ref_kind = _reference_before(text, window, window + len(before), patterns)
    clause_start = _clause_start(before)
    target = find_target(before[clause_start:], window + clause_start, names, patterns)
    if target is None:
        target = _target_after(text, consumed, sent_end, names, opens=not before.strip())
    if target is not None and target == reference:
        target = None
    if target is None and ref_kind == "place" and patterns.front_subject.search(before):
        return reference, "the front line", "frontline"
    return target, reference, ref_kind


def _reference_before(text, start, end, patterns: Patterns) -> tuple[str | None, str | None]:
    """A line or border named before the figure: "до лінії фронту — 20 км", "до границы 50 км"."""
    for lead in (patterns.to_before, patterns.from_before):
        for found in lead.finditer(text, start, end):
            for pattern, reference, kind in patterns.references:
                if kind != "place" and pattern.match(text, found.end(), end):
                    return reference, kind
    return None, None


def _clause_start(before: str) -> int:
    """Where the last clause of ``before`` starts ("…, а Казань — за"): names before it are another
    claim's."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return breaks[-1].end() if breaks else 0


def _canonical_hedge(word: str | None, patterns: Patterns) -> str | None:
    if not word:
        return None
    return patterns.vocabulary.hedges.get(re.sub(r"\s+", " ", word.lower()), "about")


def _target_after(text: str, consumed: int, sent_end: int, names, opens: bool = False) -> str | None:
    """A name right after the reference, in the same clause ("за 1300 км від кордону розташований
    Іжевськ"); never past a comma or a dash ("…від границы, сообщил губернатор Курской области": the
    governor's region says who spoke, not where the village is). A headline that opens with the
    distance (``opens``) names its place after a colon: "Понад 1000 км від кордону: дрони вперше
    дісталися Уфи"."""
    colon = _HEADLINE_COLON.match(text, consumed, sent_end) if opens else None
    for name in (n for n in names if n.before_word not in _FROM_WORDS):  # "…і в 1 300 км від Москви"
        if colon and colon.end() <= name.start and name.known is not False and not name.region:
            return name.name
        if consumed <= name.start and name.start - consumed <= 40 and not name.region:
            return None if _CLAUSE_MARK.search(text, consumed, name.start) else name.name
    return None


def _context(text, match, before, expr_end, sent_end, patterns: Patterns, known, sent_start=0):
    """``(kind, reference, reference_kind, direction, consumed)`` of a figure from its surroundings."""
    after = text[expr_end:sent_end]
    line = patterns.line_after.match(after)
    if match.group("cunit") and line or (line and not re.match(r"\s*(?:від|од|от)\b", after)):
        noun = line.group("noun")
        return ("length", *_line(noun, patterns), None, expr_end + line.end())
    if patterns.length_before.search(before) or patterns.line_length_before.search(before):
        nouns = list(patterns.line_anywhere.finditer(text, sent_start, sent_end))
        if nouns:
            return ("length", *_line(nouns[0].group("noun"), patterns), None, expr_end)
    lead = patterns.after.match(text, expr_end, sent_end)
    direction = None
    if lead.group("dir"):
        direction = compass_code(lead.group("dir"), patterns.vocabulary.compass)
    if lead.group("cmp"):
        direction = compass_code(lead.group("cmp"), patterns.vocabulary.compass)
    if not (lead.group("from") or lead.group("cmp")):
        return "distance", None, None, direction, expr_end
    nearest = _NEAREST_POINT.match(text, lead.end(), sent_end)  # "від найближчої точки кордону"
    pos = nearest.end() if nearest else lead.end()
    for pattern, reference, kind in patterns.references:
        found = pattern.match(text, pos, sent_end)
        if found:
            return "distance", reference, kind, direction, found.end()
    name = name_at(text, pos, sent_end, patterns, known)
    if name is None:
        return "distance", None, None, direction, pos
    return "distance", name.name, "place", direction, name.end


def _line(noun: str, patterns: Patterns) -> tuple[str, str]:
    if noun.lower().startswith(patterns.vocabulary.border_stems):
        return "border", "border"
    return "front line", "frontline"
