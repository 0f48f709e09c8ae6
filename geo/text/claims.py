"""Distance claims in English news text: the *extract* step (text → ``Claim`` records).

``extract_claims`` finds every written distance ("some 1,300 kilometers (800 miles) from Ukraine",
"the roughly 1,000-kilometer front line") and records what the sentence says about it: the figure and
unit as written, any parenthetical conversion, the hedge, the place the claim is about (``target``), what
the distance is measured from (``reference``), a compass direction and whether it is a place-to-reference
distance or the length of a line. Nothing here measures anything: comparing a claim with a measured
distance is the *judge* step and lives elsewhere.

Everything is textual: regular expressions over one sentence at a time, no gazetteer and no NLP library.
Units: figures stay in the unit they were written in (``figure``, ``figure_step``); every ``*_km`` field is
in kilometres (1 mi = 1.609344 km, 1 nmi = 1.852 km, per ``geo.core.units``).

>>> [c] = extract_claims("Kazan lies some 800 km (500 miles) east of Moscow.")
>>> (c.target, c.figure, c.unit, c.hedge, c.direction, c.reference, c.conversion_figure)
('Kazan', 800.0, 'km', 'some', 'E', 'Moscow', 500.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.core.units import convert, figure_step, normalise_unit
from geo.errors import EmptyInputError

__all__ = ["Claim", "HEDGES", "extract_claims", "split_sentences"]

#: Canonical hedge values; ``Claim.hedge`` is one of these, ``"range"`` (for "1,200-1,300 km") or None.
HEDGES: tuple[str, ...] = (
    "some",
    "about",
    "roughly",
    "around",
    "approximately",
    "nearly",
    "almost",
    "more than",
    "over",
    "at least",
    "less than",
    "under",
    "up to",
    "just over",
    "just under",
)

#: Written hedge → canonical hedge. Synonyms map onto the nearest listed hedge.
_HEDGE_WORDS: dict[str, str] = {
    **{h: h for h in HEDGES},
    "approx.": "approximately",
    "an estimated": "about",
    "an approximate": "about",
    "close to": "nearly",
    "upward of": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "well over": "over",
    "well under": "under",
    "fewer than": "less than",
    "within": "up to",
    "no more than": "up to",
    "at most": "up to",
    "as far as": "up to",
    "as much as": "up to",
    "a little over": "just over",
    "slightly over": "just over",
    "slightly more than": "just over",
    "just more than": "just over",
    "a little under": "just under",
    "slightly under": "just under",
    "slightly less than": "just under",
    "just less than": "just under",
}
_HEDGE_ALT = "|".join(re.escape(h) for h in sorted(_HEDGE_WORDS, key=len, reverse=True))

_COMPASS_16 = frozenset("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())

# --------------------------------------------------------------------------- figures and units

_SP = "[ \u00a0\u202f\u2009]"  # space, no-break space, narrow no-break space, thin space
_NUM = (
    r"(?:[1-9]\d{0,2}(?:,\d{3})+(?!\d)(?:\.\d+)?"  # 1,300  1,300.5
    rf"|[1-9]\d{{0,2}}(?:{_SP}\d{{3}})+(?![\d.,]?\d)"  # 1 300 (any of the spaces above)
    r"|[1-9]\d{0,2}(?:\.\d{3})+(?![\d,.]?\d)"  # 1.300 (European thousands separator)
    r"|\d+(?:\.\d+)?)"  # 1300  1.5
)
_UNIT = r"(?i:nautical[\s-]+miles?|nmi|kilomet(?:er|re)s?|kms?|miles?|mi)(?![\w²³/])"

# A figure (or a range of two) and its unit; the hedge is looked up in the text before it.
_EXPR = re.compile(
    r"(?<![\w.,\-])(?:"
    rf"(?i:between)\s+(?P<blow>{_NUM})\s+(?i:and)\s+(?P<bhigh>{_NUM})"
    rf"|(?P<low>{_NUM})(?:\s*[-–—]\s*|\s+to\s+)(?P<high>{_NUM})"
    rf"|(?P<num>{_NUM})"
    rf")(?P<sep>-|\s*)(?P<unit>{_UNIT})"
)
# "(800 miles)", "(620-mile)", "(about 500 mi)" right after the unit.
_CONVERSION = re.compile(
    rf"\s*\(\s*(?:(?i:{_HEDGE_ALT})\s+|~\s*)?(?P<num>{_NUM})(?:\s*[-–]\s*{_NUM})?(?:-|\s*)"
    rf"(?P<unit>{_UNIT})(?:-long)?\s*\)"
)
# ", or about 800 miles," right after the unit.
_CONVERSION_OR = re.compile(
    rf",?\s+or\s+(?:(?i:{_HEDGE_ALT})\s+)?(?P<num>{_NUM})(?:-|\s*)(?P<unit>{_UNIT})\s*,?"
)
_HEDGE_BEFORE = re.compile(rf"(?:^|(?<=[\s(\[\"“—–]))(?P<hedge>{_HEDGE_ALT}|~)\s*$", re.IGNORECASE)

# Figures with a unit that are not distances between places.
_NOT_DISTANCE_AFTER = re.compile(
    r"(?:\s*(?:/|per\b|an?\s+hour\b|squared\b|[²³])"  # speeds, areas
    r"|[\s-]*(?:high|tall|wide|altitude|above|below|up\b|in\s+(?:altitude|height|diameter|width|radius))\b"
    r"|[\s-]*deep\b(?!\s+(?:into|inside|in|behind)\b)"
    r"|[\s-]*(?:flight\s+|strike\s+|striking\s+|operational\s+)?(?:range|radius|reach)\b)",  # weapon ranges
    re.IGNORECASE,
)
_NOT_DISTANCE_BEFORE = re.compile(
    r"\b(?:range|radius|reach|altitude|height|depth|elevation|ceiling|speed)\s+of\s*$", re.IGNORECASE
)

# --------------------------------------------------------------------------- lines, directions, references

_LINE_NOUN = (
    r"(?P<noun>front[\s-]?lines?|frontlines?|front|line\s+of\s+contact|contact\s+line|battle\s*lines?"
    r"|border|frontier)"
)
_LINE_MODS = (
    r"(?:(?:entire|whole|active|shared|common|long|new|land|winding|sprawling|meandering|eastern|southern"
    r"|northern|western|Russian|Ukrainian|Russia[-–]Ukraine|Ukraine[-–]Russia|Russian[-–]Ukrainian"
    r"|Ukrainian[-–]Russian)\s+){0,2}"
)
# "1,000-kilometer front line", "1,000 km-long border", "a 1,200-km frontline"
_LENGTH_NOUN_AFTER = re.compile(rf"(?:-long|\s+long)?\s*{_LINE_MODS}{_LINE_NOUN}\b", re.IGNORECASE)
# "1,000 km long", "1,000 km in length"
_LENGTH_WORD_AFTER = re.compile(r"[\s-]+(?:long|in\s+length)\b", re.IGNORECASE)
# "along 1,000 km of front line"
_LENGTH_OF_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?{_LINE_MODS}{_LINE_NOUN}\b", re.IGNORECASE)
_ALONG_BEFORE = re.compile(
    r"\b(?:along|across|covering|covers?|spanning|spans?|stretching|guarding|defending|holds?|holding)\s*$",
    re.IGNORECASE,
)
# "the front line stretches for some 1,000 km", "a front line of about 1,000 km"
_STRETCH_BEFORE = re.compile(
    r"\b(?:stretch(?:es|ed|ing)?|runs?|ran|running|extend(?:s|ed|ing)?|spans?|spanned|spanning"
    r"|measur(?:es|ed|ing))\s+(?:for\s+|over\s+|across\s+|along\s+)?$",
    re.IGNORECASE,
)
_LINE_OF_BEFORE = re.compile(rf"{_LINE_NOUN}\s+of\s*$", re.IGNORECASE)
_LINE_NOUN_ANYWHERE = re.compile(rf"\b{_LINE_NOUN}\b", re.IGNORECASE)

_DIR_WORD = r"(?:north|south|east|west)"
_DIRECTION = rf"{_DIR_WORD}(?:[\s-]?{_DIR_WORD}){{0,2}}(?![a-z])"
# What follows a distance figure: "away", a direction, a preposition, then the reference.
_AFTER_DISTANCE = re.compile(
    rf"\s*(?:away\s+)?(?:(?:to\s+the\s+)?(?P<dir>{_DIRECTION})(?:ward)?\s*)?"
    r"(?:(?P<prep>(?:away\s+)?from|of|off|behind|beyond|past|(?:deep\s+)?(?:inside|into|within))"
    r"\s+)?",
    re.IGNORECASE,
)
# "a 1,300-kilometer flight from Ukraine to Izhevsk": skip the noun of a compound adjective.
_TRIP_NOUN = re.compile(
    r"\s+(?:(?:drone|long-range|round)\s+)?(?:journey|flight|trip|route|drive|march|trek|raid|mission|strike"
    r"|attack|voyage|crossing)\b",
    re.IGNORECASE,
)

_APOS = "[’']"
_NEAREST_POINT = re.compile(r"(?:the\s+)?(?:nearest|closest)\s+point\s+(?:on|of|in)\s+")
_REFERENCES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), reference, kind)
    for pattern, reference, kind in (
        (
            rf"(?:the\s+)?(?:(?:nearest|closest)\s+)?(?:(?:Russia{_APOS}s\s+)?border\s+with\s+Ukraine"
            rf"|Ukraine{_APOS}s\s+(?:state\s+)?border"
            r"|(?:Russian[-–]Ukrainian|Ukrainian[-–]Russian|Russia[-–]Ukraine|Ukraine[-–]Russia)\s+border"
            r"|Ukrainian\s+(?:state\s+)?border)\b",
            "the Ukrainian border",
            "border",
        ),
        (
            rf"(?:the\s+)?(?:Russian\s+(?:state\s+)?border|Russia{_APOS}s\s+border|border\s+with\s+Russia"
            r"|Russian\s+territory|Russian\s+soil|Russia(?!{_APOS}s)\b)",
            "the Russian border",
            "border",
        ),
        (r"(?:the\s+)?(?:(?:nearest|closest)\s+)?(?:state\s+)?(?:border|frontier)\b", "the border", "border"),
        (
            r"(?:the\s+)?(?:(?:nearest|closest)\s+)?Ukrainian[-\s](?:controlled|held)\s+(?:territory|land|areas?)\b",
            "Ukrainian-controlled territory",
            "ukraine",
        ),
        (
            rf"(?:Ukrainian\s+(?:territory|soil|land|airspace)|Ukraine{_APOS}s\s+territory|Ukraine(?!{_APOS}s))\b",
            "Ukraine",
            "ukraine",
        ),
        (
            r"(?:the\s+)?(?:(?:nearest|closest|current|active)\s+)?(?:Ukrainian\s+)?"
            r"(?:front[\s-]?lines?|frontlines?|line\s+of\s+contact|contact\s+line|battle\s*lines?|combat\s+zone"
            r"|war\s+zone|fighting|battlefield|front\b)",
            "the front line",
            "frontline",
        ),
        (
            r"(?:the\s+)?(?:(?:nearest|closest)\s+)?(?:Ukrainian\s+(?:lines|positions|troops|forces)|enemy\s+lines)\b",
            "the front line",
            "frontline",
        ),
        (rf"(?:the\s+Russian\s+capital|Russia{_APOS}s\s+capital)\b", "Moscow", "place"),
        (rf"(?:the\s+Ukrainian\s+capital|Ukraine{_APOS}s\s+capital)\b", "Kyiv", "place"),
    )
)

# --------------------------------------------------------------------------- place names

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAP_WORD = rf"[{_UPPER}][\w’']*(?:[-–][\w’']+)*"
_NAME_RUN = re.compile(rf"(?:(?:St|Mt)\.\s+)?{_CAP_WORD}(?:[ \u00a0](?:(?:St|Mt)\.\s+)?{_CAP_WORD})*")
_NAME_SUFFIX = re.compile(
    r"\s+(?:region|oblast|province|krai|republic|air\s*base|airbase|airfield|air\s+field)\b"
)
_PLACE_REFERENCE_PREFIX = re.compile(
    rf"(?:the\s+)?(?:(?:Russian|Ukrainian|occupied|Russian-occupied|Russian-annexed|annexed|Russian-held"
    rf"|Ukrainian-held|Russia{_APOS}s|Ukraine{_APOS}s|southern|northern|eastern|western|central)\s+){{0,2}}"
    r"(?:(?:city|town|village|port|settlement|regional\s+capital)\s+of\s+)?"
)
_NATIONALITIES = frozenset(
    "russia russian russians ukraine ukrainian ukrainians soviet belarusian american americans european "
    "western nato iranian korean chinese british polish georgian kazakh u.s. us".split()
)
_NOT_PLACES = _NATIONALITIES | frozenset(
    "the a an this that these those it its he she they we i his her their our in on at by for from with to "
    "after before during meanwhile however but and or also according as when while since if though although "
    "officials official local regional governor president mayor minister ministry defense defence security "
    "service military kremlin parliament government telegram general staff prime spokesperson spokesman "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december ap associated press reuters afp tass ria interfax sbu "
    "un eu there here some about roughly around nearly almost over more at least up just drone drones "
    "strike strikes attack attacks".split()
)
# "Kyiv officials", "Moscow said": a name acting as a government, not a place.
_NAME_AS_ACTOR = re.compile(
    r"\s+(?:officials?|authorities|forces|troops|government|military|army|said|says|claimed|claims"
    r"|reported|announced|denied|governor|mayor)\b"
)
_INTRO_BEFORE = re.compile(
    r"\b(?:in|at|of|near|outside|on|over|across|struck|strike|strikes|striking|hit|hits|hitting|targeted"
    r"|targeting|targets|attacked|attacking|attack|bombed|shelled|reached|reaching|towards?|into)\s+"
    rf"(?:(?:the|a|an)\s+)?(?:(?:Russia{_APOS}s|Ukraine{_APOS}s|Russian|Ukrainian|Russian-occupied|occupied"
    r"|annexed|Russian-annexed|southern|northern|eastern|western|central|remote|distant)\s+){0,2}$",
    re.IGNORECASE,
)
_APPOSITION_END = re.compile(r"\s*(?:,|—|–|\(|\s-)\s*$")
_LOCATIVE_END = re.compile(
    r"(?P<link>,?\s*\b(?:which|that|and|but)\s+)?\b(?:is|was|are|were|lies|lay|lie|sits|sat|sit|stands|stood"
    r"|located|situated|based|lying|sitting)(?:\s+(?:located|situated|based|just|only))*\s*$"
)
_APPOSITIVE_NOUN = re.compile(r",\s+(?:a|an|the)\s+[^,;:()]*$")
_TRAILING_APPOSITION = re.compile(r",[^,]*,\s*$")
_TARGET_AFTER = re.compile(r"\s*,?\s*(?:in|at)\s+(?:the\s+(?:city|town|village|port)\s+of\s+)?")
_TARGET_TO = re.compile(r"\s+to\s+(?:the\s+(?:city|town|village|port)\s+of\s+)?")

# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev st mt jr sr vs inc corp co ltd "
    "no nos vol approx est jan feb apr aug sep sept oct nov dec fig e.g i.e cf".split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'\)\]]*(?=\s)")
_NEXT_CHAR = re.compile(r"\s+(\S)")
_ABBREV_TOKEN = re.compile(r"([\w.]+)$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")


@dataclass(frozen=True)
class Claim:
    """One distance written in a text, with what its sentence says about it.

    Offsets are character offsets into the full text given to ``extract_claims``.

    - ``text``: the sentence holding the claim; ``sentence_span``: its ``(start, end)``.
    - ``span``: ``(start, end)`` of the distance expression, hedge and conversion included, so that
      ``full_text[start:end] == phrase`` (e.g. ``"some 1,300 kilometers (800 miles)"``,
      ``"1,300-kilometer"``).
    - ``figure``: the number as written, in ``unit`` ('km', 'mi' or 'nmi'); for a range
      ("1,200-1,300 km") the midpoint, with ``figure_low``/``figure_high`` set and ``hedge == "range"``.
    - ``claimed_km``: ``figure`` in kilometres.
    - ``figure_step``: the rounding step the figure was most likely written to, in ``unit``, by the
      project's one rule, ``geo.core.units.figure_step`` (1,300 → 100, 1,287 → 1, 620 → 10, 1.5 → 0.1;
      for a range the coarser of its two ends); ``figure_precision_km``: the same step in kilometres.
    - ``conversion_figure``/``conversion_unit``: a conversion given alongside ("(800 miles)",
      ", or 800 miles,"), kept as written even when it is wrong; else None.
    - ``hedge``: one of ``HEDGES``, ``"range"`` or None.
    - ``kind``: ``"distance"`` (a place to a reference) or ``"length"`` (the length of a line).
    - ``target``: the place the distance is about, as written (None for lengths or when not found).
    - ``reference``: what the distance is measured from, lightly normalised ("Ukraine", "the Ukrainian
      border", "the border", "the Russian border", "the front line", a place name such as "Moscow"); for a
      length, the line measured ("front line", "border").
    - ``reference_kind``: "ukraine", "border", "frontline", "place" or None.
    - ``direction``: 16-point compass code of the target from the reference ("east of" → "E"), or None.
    """

    text: str
    span: tuple[int, int]
    sentence_span: tuple[int, int]
    phrase: str
    figure: float
    unit: str
    claimed_km: float
    figure_step: float
    figure_precision_km: float
    kind: str = "distance"
    hedge: str | None = None
    conversion_figure: float | None = None
    conversion_unit: str | None = None
    target: str | None = None
    reference: str | None = None
    reference_kind: str | None = None
    direction: str | None = None
    figure_low: float | None = None
    figure_high: float | None = None

    def to_json(self) -> dict:
        """A JSON-ready dict of every field (spans as two-element lists)."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["span"] = list(self.span)
        record["sentence_span"] = list(self.sentence_span)
        return record


# --------------------------------------------------------------------------- public functions


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return their ``(start, end)`` character offsets, whitespace trimmed.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (closing quotes and brackets included) followed by
    whitespace and an upper-case letter, a digit or an opening quote, and always at a blank line (so
    headlines without a full stop stand alone). A full stop does not end a sentence after a title or common
    abbreviation ("Dr.", "Gen.", "St.", "No.", "approx.", months), a single initial ("J."), or a dotted
    acronym ("U.S.", "a.m."); decimal points never do since no space follows them. "km." does end one.

    >>> text = "Dr. Ivanov said the U.S. Embassy is 1.5 km away. It was hit at 3 a.m. Nobody was hurt."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Dr. Ivanov said the U.S. Embassy is 1.5 km away.', 'It was hit at 3 a.m. Nobody was hurt.']
    """
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for end_match in _SENTENCE_END.finditer(text, para_start, para_end):
            end = end_match.end()
            following = _NEXT_CHAR.match(text, end, para_end)
            if following is None:
                continue
            first = following.group(1)
            if not (first.isupper() or first.isdigit() or first in "\"“‘'(["):
                continue
            if end_match.group().startswith(".") and _is_abbreviation(text[start : end_match.start()]):
                continue
            _append_trimmed(spans, text, start, end)
            start = end
        _append_trimmed(spans, text, start, para_end)
    return spans


def extract_claims(text: str) -> list[Claim]:
    """Find every distance claim in ``text`` (English news prose); return them in text order.

    Figures are read as written: "1,300", "1 300" (also no-break/thin spaces), "1.300" (European
    thousands), "1.5", "1,300km", "1,300-kilometer", ranges "1,200-1,300 km" / "between 1,200 and 1,300
    km". Units: km, kms, kilometre(s), kilometer(s), mile(s), mi, nautical mile(s), nmi. Speeds (km/h,
    per hour), areas (square km, km²), heights/altitudes/widths and weapon ranges are not claims.

    Raises ``EmptyInputError`` when ``text`` is empty or only whitespace; returns [] when it has no claim.

    >>> [c.to_json()["phrase"] for c in extract_claims("The roughly 1,000-km front line held. 5,438 drones.")]
    ['roughly 1,000-km']
    """
    if text is None or not text.strip():
        raise EmptyInputError("the text is empty: give an article or a sentence that states a distance")
    claims: list[Claim] = []
    for sent_start, sent_end in split_sentences(text):
        claims.extend(_claims_in_sentence(text, sent_start, sent_end))
    return claims


# --------------------------------------------------------------------------- internals


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    return bounds


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_abbreviation(before: str) -> bool:
    token = _ABBREV_TOKEN.search(before)
    if token is None:
        return False
    word = token.group(1)
    if word.lower() in _ABBREVIATIONS:
        return True
    # "J." (an initial), "U.S." / "a.m." (dotted acronyms: the token before the last dot is "U.S").
    return re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word) is not None


def _plain_number(figure_text: str) -> str:
    """'1,300' / '1 300' / '1.300' → '1300'; '1.5' → '1.5'."""
    compact = re.sub(r"[,\s\u00a0\u202f\u2009]", "", figure_text)
    if re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", figure_text):
        compact = compact.replace(".", "")
    return compact


def _parse_number(figure_text: str) -> float:
    return float(_plain_number(figure_text))


def _direction_code(phrase: str | None) -> str | None:
    if not phrase:
        return None
    code = "".join(word[0].upper() for word in re.findall(_DIR_WORD, phrase.lower()))
    return code if code in _COMPASS_16 else None


def _line_reference(noun: str) -> tuple[str, str]:
    """A line noun as matched → (reference for a length claim, reference_kind)."""
    if noun.lower() in ("border", "frontier"):
        return "border", "border"
    return "front line", "frontline"


def _claims_in_sentence(text: str, sent_start: int, sent_end: int) -> list[Claim]:
    sentence = text[sent_start:sent_end]
    claims: list[Claim] = []
    window_start = sent_start  # where the text that may hold this claim's target begins
    previous_target: str | None = None
    pos = sent_start
    while True:
        match = _EXPR.search(text, pos, sent_end)
        if match is None:
            break
        unit_end = match.end()
        conv_figure = conv_unit = None
        conv_or = False
        conv = _CONVERSION.match(text, unit_end, sent_end)
        if conv is None:
            conv = _CONVERSION_OR.match(text, unit_end, sent_end)
            conv_or = conv is not None
        if conv is not None:
            conv_figure = _parse_number(conv.group("num"))
            conv_unit = normalise_unit(conv.group("unit"))
            expr_end = conv.end()
            if conv_or:  # keep the trailing comma out of the span
                expr_end = conv.start() + len(conv.group().rstrip().rstrip(",").rstrip())
        else:
            expr_end = unit_end
        pos = max(expr_end, match.end())

        unit = normalise_unit(match.group("unit"))
        if unit not in ("km", "mi", "nmi"):  # pragma: no cover - the unit pattern only knows these
            continue
        hedge_match = _HEDGE_BEFORE.search(text, window_start, match.start())
        span_start = hedge_match.start("hedge") if hedge_match else match.start()
        before = text[window_start:span_start]
        after = text[expr_end:sent_end]
        if _NOT_DISTANCE_AFTER.match(after) or _NOT_DISTANCE_BEFORE.search(before):
            continue

        low_text = match.group("low") or match.group("blow")
        high_text = match.group("high") or match.group("bhigh")
        if low_text:
            low, high = _parse_number(low_text), _parse_number(high_text)
            figure, hedge = (low + high) / 2.0, "range"
            step = max(figure_step(low), figure_step(high))
        else:
            low = high = None
            figure = _parse_number(match.group("num"))
            hedge = _HEDGE_WORDS.get(hedge_match.group("hedge").lower(), "about") if hedge_match else None
            step = figure_step(figure)

        compound = match.group("sep") == "-"
        found = _read_context(text, before, after, expr_end, sent_end, compound, conv_or)
        kind, reference, reference_kind, direction, consumed_end, target = found
        if kind == "distance" and target is None:
            target = _find_target(before)
            if target is None:
                target = previous_target
            if target is None and reference is not None:
                target = _name_after(text, consumed_end, sent_end, _TARGET_AFTER)
            if target is not None and target == reference:
                target = None
        if kind == "distance" and target is not None:
            previous_target = target

        claims.append(
            Claim(
                text=sentence,
                span=(span_start, expr_end),
                sentence_span=(sent_start, sent_end),
                phrase=text[span_start:expr_end],
                figure=figure,
                unit=unit,
                claimed_km=float(convert(figure, unit, "km")),
                figure_step=step,
                figure_precision_km=float(convert(step, unit, "km")),
                kind=kind,
                hedge=hedge,
                conversion_figure=conv_figure,
                conversion_unit=conv_unit,
                target=target,
                reference=reference,
                reference_kind=reference_kind,
                direction=direction,
                figure_low=low,
                figure_high=high,
            )
        )
        window_start = max(consumed_end, expr_end)
        pos = max(pos, window_start)
    return claims


def _read_context(
    text: str, before: str, after: str, expr_end: int, sent_end: int, compound: bool, conv_or: bool
) -> tuple[str, str | None, str | None, str | None, int, str | None]:
    """Classify a figure by its surroundings.

    Returns (kind, reference, reference_kind, direction, end offset of what was consumed, target found
    after the reference or None).
    """
    # Lengths of lines.
    noun_after = _LENGTH_NOUN_AFTER.match(after)
    if noun_after:
        reference, ref_kind = _line_reference(noun_after.group("noun"))
        return "length", reference, ref_kind, None, expr_end + noun_after.end(), None
    word_after = _LENGTH_WORD_AFTER.match(after)
    stretch = _STRETCH_BEFORE.search(before) or _LINE_OF_BEFORE.search(before)
    if word_after or stretch:
        nouns = list(_LINE_NOUN_ANYWHERE.finditer(before))
        reference = ref_kind = None
        if nouns:
            reference, ref_kind = _line_reference(nouns[-1].group("noun"))
        consumed = expr_end + (word_after.end() if word_after else 0)
        return "length", reference, ref_kind, None, consumed, None
    of_after = _LENGTH_OF_AFTER.match(after)
    if of_after and _ALONG_BEFORE.search(before):
        reference, ref_kind = _line_reference(of_after.group("noun"))
        return "length", reference, ref_kind, None, expr_end + of_after.end(), None

    # Distances: "[away] [to the] [north-east] [of|from|behind|inside...] REFERENCE".
    offset = 0
    if conv_or:
        offset = len(after) - len(after.lstrip(" ,"))
    trip = _TRIP_NOUN.match(after, offset) if compound else None
    if trip:
        offset = trip.end()
    lead = _AFTER_DISTANCE.match(after, offset)
    direction = _direction_code(lead.group("dir"))
    consumed = expr_end + lead.end() if (lead.group("dir") or lead.group("prep")) else expr_end
    reference = ref_kind = None
    if lead.group("prep"):
        rest_start = expr_end + lead.end()
        ref = _parse_reference(text, rest_start, sent_end)
        if ref is not None:
            reference, ref_kind, consumed = ref
            if "inside" in lead.group("prep").lower() or "into" in lead.group("prep").lower():
                if ref_kind == "ukraine":
                    reference, ref_kind = "the Ukrainian border", "border"
    target = _name_after(text, consumed, sent_end, _TARGET_TO) if trip and reference else None
    return "distance", reference, ref_kind, direction, consumed, target


def _parse_reference(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """The reference that begins at ``text[start]`` → (reference, reference_kind, end offset)."""
    nearest_point = _NEAREST_POINT.match(text, start, end)
    if nearest_point:
        start = nearest_point.end()
    for pattern, reference, kind in _REFERENCES:
        found = pattern.match(text, start, end)
        if found:
            return reference, kind, found.end()
    prefix = _PLACE_REFERENCE_PREFIX.match(text, start, end)
    name = _name_at(text, prefix.end(), end)
    if name is None:
        return None
    return name[0], "place", name[1]


def _clean_token(token: str) -> str:
    return re.sub(r"[’']s$", "", token)


def _is_place_token(token: str) -> bool:
    word = _clean_token(token)
    if word.lower() in _NOT_PLACES or word.split("-")[0].lower() in _NATIONALITIES:
        return False
    letters = re.sub(r"[^A-Za-zА-Яа-яЁё]", "", word)
    return not (len(letters) >= 2 and letters.isupper())  # AP, SBU, KYIV (a dateline)


def _name_at(text: str, start: int, end: int) -> tuple[str, int] | None:
    """A place name starting exactly at ``start`` (with a region/air-base suffix) → (name, end)."""
    run = _NAME_RUN.match(text, start, end)
    if run is None:
        return None
    names = _names_in(run.group(), run.start())
    if not names or names[0][1] != run.start():
        return None
    name, name_start, name_end = names[0]
    return _with_suffix(text, name, name_end, end)


def _name_after(text: str, start: int, end: int, lead: re.Pattern[str]) -> str | None:
    found = lead.match(text, start, end)
    if found is None:
        return None
    name = _name_at(text, found.end(), end)
    return name[0] if name else None


def _with_suffix(text: str, name: str, name_end: int, end: int) -> tuple[str, int]:
    suffix = _NAME_SUFFIX.match(text, name_end, end)
    if suffix:
        return name + " " + " ".join(suffix.group().split()), suffix.end()
    return name, name_end


def _names_in(run: str, offset: int) -> list[tuple[str, int, int]]:
    """Split a run of capitalised words at words that are not places → [(name, start, end)]."""
    names: list[tuple[str, int, int]] = []
    current: list[tuple[str, int, int]] = []

    def flush() -> None:
        if current:
            words = [w for w, _, _ in current]
            words[-1] = _clean_token(words[-1])
            end = current[-1][1] + len(words[-1])
            names.append((" ".join(words), current[0][1], end))
            current.clear()

    for token in re.finditer(r"(?:(?:St|Mt)\.\s+)?\S+", run):
        word = token.group()
        if _is_place_token(word):
            current.append((word, offset + token.start(), offset + token.end()))
            if _clean_token(word) != word:  # a possessive ends the name: "Izhevsk’s plant"
                flush()
        else:
            flush()
    flush()
    return names


def _find_target(before: str) -> str | None:
    """The place a distance is about, from the text of its sentence before the figure."""
    candidates: list[tuple[str, int, int]] = []
    for run in _NAME_RUN.finditer(before):
        for name, start, end in _names_in(run.group(), run.start()):
            if _NAME_AS_ACTOR.match(before, end):
                continue
            name, end = _with_suffix(before, name, end, len(before))
            candidates.append((name, start, end))
    if not candidates:
        return None

    # 1. Apposition: "the city of Orsk, some 1,800 km from ..."
    last_name, _, last_end = candidates[-1]
    if _APPOSITION_END.match(before[last_end:]):
        return last_name
    # 2. Subject of a locative verb: "Izhevsk lies ...", "Kazan, which is ...".
    locative = _LOCATIVE_END.search(before)
    if locative:
        head = before[: locative.start()]
        link = (locative.group("link") or "").strip(" ,")
        if link not in ("which", "that"):
            head = _TRAILING_APPOSITION.sub("", head)
        subjects = [c for c in candidates if c[2] <= len(head)]
        if subjects:
            return subjects[0][0] if link in ("and", "but") else subjects[-1][0]
    # 3. A name opening the clause, then an appositive up to the figure: "Primorsk, a Baltic port 1,000 km".
    first_name, first_start, first_end = candidates[0]
    if not before[:first_start].strip() and _APPOSITIVE_NOUN.match(before, first_end):
        return first_name
    # 4. The nearest name introduced by in/at/of/near/struck/hit/...
    for name, start, _ in reversed(candidates):
        if _INTRO_BEFORE.search(before[:start]):
            return name
    return None
