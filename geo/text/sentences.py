"""Sentence and paragraph splitting of English news prose, with the abbreviations that do not end one.

``split_sentences`` returns character offsets into the text it was given, so everything found in a
sentence can point back into the full article. Pure text rules: no NLP library.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

#: Lower-cased words whose full stop does not end a sentence ("Dr.", "Gen.", "St.", "No.", "approx.").
_ABBREVIATIONS: frozenset[str] = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev st mt jr sr vs inc corp co ltd "
    "no nos vol approx est jan feb apr aug sep sept oct nov dec fig e.g i.e cf".split()
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'\)\]]*(?=\s)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_NEXT_CHAR = re.compile(r"\s+(\S)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")
#: How far back (characters) the word before a full stop is looked for: a bounded window keeps
#: splitting linear in the text's length ("Dr. Dr. Dr. …" has no sentence end to reset from).
_LOOK_BACK = 64


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
            before = text[max(start, end_match.start() - _LOOK_BACK) : end_match.start()]
            if end_match.group().startswith(".") and _is_abbreviation(before):
                continue
            _append_trimmed(spans, text, start, end)
            start = end
        _append_trimmed(spans, text, start, para_end)
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: the text between blank lines (untrimmed), and a headline
    line at the top of the text on its own (see :func:`_headline_end`)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    headline_end = _headline_end(text)
    if headline_end is not None:
        bounds.append((0, headline_end))
        start = headline_end
    for brk in _PARAGRAPH_BREAK.finditer(text, start):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    return bounds


#: The first line of a text, after an optional "date YYYY-MM-DD" line, then a line break and a capital.
_FIRST_LINE = re.compile(
    r"(?:[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*\r?\n)?[ \t]*([^\n]{1,160})\r?\n(?=[ \t]*[A-ZА-ЯЁІЇЄ\"“])"
)
_DATE_LINE = re.compile(r"date\s+\d{4}-\d{2}-\d{2}")
#: Words a headline never ends with (a line that ends with one is a sentence wrapped mid-way).
_NOT_LAST = frozenset("a an the of in on at to for with from by and or but as than near".split())


def _headline_end(text: str) -> int | None:
    """Where a headline ends when the text opens with one on a line of its own, followed by a single
    line break ("Drones target Tula" / "Officials said…"): at most 16 words, no full stop, not ending with
    a function word or a comma (a wrapped sentence). None otherwise."""
    found = _FIRST_LINE.match(text)
    if found is None:
        return None
    line = found.group(1).rstrip()
    if _DATE_LINE.fullmatch(line.strip()):
        return None
    words = line.split()
    if not words or len(words) > 16 or line[-1] in ".!?…,;:-–—" or words[-1].lower() in _NOT_LAST:
        return None
    return found.end(1)


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``(start, end)`` with surrounding whitespace trimmed, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_abbreviation(before: str) -> bool:
    """True when the word just before a full stop is an abbreviation, an initial or a dotted acronym."""
    i = len(before)
    while i > 0 and (before[i - 1].isalnum() or before[i - 1] in "._"):  # the word's start, from the right
        i -= 1
    word = before[i:]
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS:
        return True
    # "J." (an initial), "U.S." / "a.m." (dotted acronyms: the token before the last dot is "U.S").
    return _INITIALS.fullmatch(word) is not None
