"""Figures as written in Ukrainian and Russian: digits with spaces ("1 750"), a decimal comma ("1,5"),
thousands written out or abbreviated ("1,5 тис.", "2 тысячи"), and number words in every case form
("десяти", "двохсот", "тисячі", "полутора").

``FIGURE`` is the regular-expression source of one written figure (no groups); ``parse_figure`` turns a
figure it matched into a float. A comma followed by exactly three digits and no thousand word ("1,300") is
a thousands separator as in English copy; any other comma is a decimal comma.
"""

from __future__ import annotations

import re

__all__ = ["FIGURE", "NUMBER_WORD_VALUES", "bracketed_conversion", "parse_figure", "unit_of"]

_SPACE = "[ \u00a0\u202f\u2009]"
_APOSTROPHE = "['’ʼ]"


def _forms(value: float, *forms: str) -> dict[str, float]:
    return dict.fromkeys(forms, value)


#: Every case form of the number words of both languages (lower case, apostrophe as "'") → value.
#: "тисяча"/"тысяча" (1000) multiplies what precedes it; "півтори"/"полтора" is 1.5.
NUMBER_WORD_VALUES: dict[str, float] = {
    # Ukrainian
    **_forms(1, "один", "одного", "одному", "одним", "одна", "одну", "одне", "одної", "одній"),
    **_forms(2, "два", "дві", "двох", "двом", "двома"),
    **_forms(3, "три", "трьох", "трьом", "трьома"),
    **_forms(4, "чотири", "чотирьох", "чотирьом", "чотирма"),
    **_forms(5, "п'ять", "п'яти", "п'ятьох", "п'ятьма"),
    **_forms(6, "шість", "шести", "шістьох", "шістьма"),
    **_forms(7, "сім", "семи", "сімох", "сьома"),
    **_forms(8, "вісім", "восьми", "вісьмох", "вісьма"),
    **_forms(9, "дев'ять", "дев'яти", "дев'ятьох", "дев'ятьма"),
    **_forms(10, "десять", "десяти", "десятьох", "десятьма"),
    **{
        stem + ending: value
        for stem, value in (
            ("одинадцят", 11), ("дванадцят", 12), ("тринадцят", 13), ("чотирнадцят", 14),
            ("п'ятнадцят", 15), ("шістнадцят", 16), ("сімнадцят", 17), ("вісімнадцят", 18),
            ("дев'ятнадцят", 19), ("двадцят", 20), ("тридцят", 30), ("п'ятдесят", 50),
            ("шістдесят", 60), ("сімдесят", 70), ("вісімдесят", 80),
        )
        for ending in ("ь", "и", "ьма", "ьох", "ьом")
    },
    **_forms(50, "п'ятдесят"),
    **_forms(60, "шістдесят"),
    **_forms(70, "сімдесят"),
    **_forms(80, "вісімдесят"),
    **_forms(40, "сорок", "сорока"),
    **_forms(90, "дев'яносто", "дев'яноста"),
    **_forms(100, "сто", "ста"),
    **_forms(200, "двісті", "двохсот", "двомстам", "двомастами", "двохстах"),
    **_forms(300, "триста", "трьохсот", "трьомстам", "трьомастами", "трьохстах"),
    **_forms(400, "чотириста", "чотирьохсот", "чотирьомстам", "чотирьохстах"),
    **_forms(500, "п'ятсот", "п'ятисот", "п'ятистам", "п'ятистах"),
    **_forms(600, "шістсот", "шестисот", "шестистам", "шестистах"),
    **_forms(700, "сімсот", "семисот", "семистам", "семистах"),
    **_forms(800, "вісімсот", "восьмисот", "восьмистам", "восьмистах"),
    **_forms(900, "дев'ятсот", "дев'ятисот", "дев'ятистам", "дев'ятистах"),
    **_forms(1000, "тисяча", "тисячі", "тисяч", "тисячу", "тисячею", "тисячам", "тисячами", "тисячах"),
    **_forms(1.5, "півтори", "півтора"),
    # Russian
    **_forms(1, "одной", "одна", "одну", "одно"),
    **_forms(2, "две", "двух", "двум", "двумя"),
    **_forms(3, "трех", "трёх", "трем", "трём", "тремя"),
    **_forms(4, "четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
    **_forms(5, "пять", "пяти", "пятью"),
    **_forms(6, "шесть", "шестью"),
    **_forms(7, "семь", "семью"),
    **_forms(8, "восемь", "восемью"),
    **_forms(9, "девять", "девяти", "девятью"),
    **_forms(10, "десятью"),
    **{
        stem + ending: value
        for stem, value in (
            ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14),
            ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18),
            ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30),
        )
        for ending in ("ь", "и", "ью")
    },
    **_forms(50, "пятьдесят", "пятидесяти", "пятьюдесятью"),
    **_forms(60, "шестьдесят", "шестидесяти", "шестьюдесятью"),
    **_forms(70, "семьдесят", "семидесяти", "семьюдесятью"),
    **_forms(80, "восемьдесят", "восьмидесяти", "восемьюдесятью"),
    **_forms(90, "девяносто", "девяноста"),
    **_forms(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах"),
    **_forms(300, "трехсот", "трёхсот", "тремстам", "тремястами", "трехстах", "трёхстах"),
    **_forms(400, "четыреста", "четырехсот", "четырёхсот", "четыремстам", "четырехстах"),
    **_forms(500, "пятьсот", "пятисот", "пятистам", "пятистах"),
    **_forms(600, "шестьсот", "шестистах"),
    **_forms(700, "семьсот", "семистах"),
    **_forms(800, "восемьсот", "восьмистах"),
    **_forms(900, "девятьсот", "девятисот", "девятистам", "девятистах"),
    **_forms(1000, "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячью", "тысячам", "тысячами",
             "тысячах"),
    **_forms(1.5, "полтора", "полторы", "полутора"),
}  # fmt: skip
_THOUSAND_WORDS = frozenset(w for w, v in NUMBER_WORD_VALUES.items() if v == 1000)
#: "сотня"/"сотня" (a hundred, a noun) multiplies the number before it ("півтори сотні" = 150,
#: "три сотні" = 300); never a figure alone ("сотні кілометрів" is "hundreds of kilometres").
_HUNDRED_WORDS = frozenset(
    ("сотня", "сотні", "сотень", "сотню", "сотнею", "сотням", "сотнями", "сотнях")
    + ("сотни", "сотен", "сотней", "сотне")
)
_WORD_ALT = "|".join(
    re.escape(w).replace("'", _APOSTROPHE) for w in sorted(NUMBER_WORD_VALUES, key=len, reverse=True)
)
_HUNDRED_ALT = "|".join(sorted(_HUNDRED_WORDS, key=len, reverse=True))
#: A figure in words (regex source, no groups): one or more number words, e.g. "двохсот п'ятдесяти",
#: "півтори сотні".
_IN_WORDS = rf"(?i:(?:{_WORD_ALT})(?:\s+(?:і\s+|и\s+)?(?:{_WORD_ALT}|{_HUNDRED_ALT}))*)(?![\w'’ʼ])"
#: A thousand written after digits: "1,5 тис.", "2 тисячі", "1,3 тыс."
_THOUSAND = r"(?:тис\.|тис\b|тыс\.|тыс\b|тисяч[іаеуюи]?\w*|тысяч\w*)"
_DIGITS = (
    rf"(?:[1-9]\d{{0,2}}(?:{_SPACE}\d{{3}})+(?![\d,.]?\d)"  # 1 750
    r"|[1-9]\d{0,2}(?:,\d{3})+(?![\d,]?\d)"  # 1,300 (English-style, in copy from agencies)
    r"|\d+(?:[,.]\d+)?)"  # 1300  1,5  1.5
)
#: A case ending written after digits, as in "в 40-ка километрах", "у 50-ти кілометрах", "в 100-а км".
_CASE_ENDING = r"(?:-(?:ти|ми|ка|а|и)(?![\w'’ʼ]))"
#: One written figure: digits (with an optional case ending or thousand word) or number words.
FIGURE = rf"(?:{_DIGITS}(?:{_CASE_ENDING}|{_SPACE}?{_THOUSAND})?|{_IN_WORDS})"

_GAPS = re.compile(r"[\s\u00a0\u202f\u2009]")
_THOUSAND_TAIL = re.compile(rf"{_SPACE}?{_THOUSAND}$", re.IGNORECASE)


def parse_figure(text: str) -> float:
    """A figure as matched by ``FIGURE`` → its value.

    >>> parse_figure("1 750"), parse_figure("1,5 тис."), parse_figure("1,300"), parse_figure("1,5")
    (1750.0, 1500.0, 1300.0, 1.5)
    >>> parse_figure("десяти"), parse_figure("двохсот п'ятдесяти"), parse_figure("полутора тысяч")
    (10.0, 250.0, 1500.0)
    >>> parse_figure("40-ка"), parse_figure("50-ти"), parse_figure("півтори сотні")
    (40.0, 50.0, 150.0)
    """
    text = re.sub(rf"{_CASE_ENDING}$", "", text.strip())
    if not re.match(r"\d", text):
        return words_value(text)
    thousand = _THOUSAND_TAIL.search(text)
    digits = _GAPS.sub("", text[: thousand.start()] if thousand else text)
    if thousand:
        return float(digits.replace(",", ".")) * 1000.0
    if re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3})+", digits):
        return float(digits.replace(",", ""))
    return float(digits.replace(",", "."))


def words_value(text: str) -> float:
    """The value of number words in any case form ("двохсот п'ятдесяти" → 250, "тисячі" → 1000,
    "півтори тисячі" → 1500); ``ValueError`` for a word that is no number.

    >>> words_value("тисячі"), words_value("трьохсот"), words_value("дві тисячі триста")
    (1000.0, 300.0, 2300.0)
    """
    total = current = 0.0
    for word in re.split(r"\s+", text.strip().lower()):
        word = re.sub(_APOSTROPHE, "'", word)
        if word in ("і", "и", ""):
            continue
        if word not in NUMBER_WORD_VALUES and word not in _HUNDRED_WORDS:
            raise ValueError(f"{word!r} is not a number word")
        if word in _THOUSAND_WORDS:
            total += max(current, 1.0) * 1000.0
            current = 0.0
        elif word in _HUNDRED_WORDS:
            current = max(current, 1.0) * 100.0
        else:
            current += NUMBER_WORD_VALUES[word]
    return total + current


def unit_of(written: str) -> str:
    """The unit code ("km", "mi", "nmi") of a unit as written ("кілометрів", "миль", "морських миль")."""
    lower = written.lower()
    if lower.startswith(("морськ", "морск")):
        return "nmi"
    if lower.startswith(("мил", "мильн")):
        return "mi"
    return "km"


_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def bracketed_conversion(text: str, expr_end: int, sent_end: int, figure: re.Pattern[str]):
    """A conversion in brackets right after a figure ("1 200 км (750 миль) від кордону"): ``((figure,
    unit), end)`` with ``end`` past the bracket, else ``(None, expr_end)``; ``figure`` is a
    language's compiled figure-and-unit pattern (groups ``num`` and ``unit``)."""
    opened = _OPEN.match(text, expr_end, sent_end)
    inner = figure.match(text, opened.end(), sent_end) if opened else None
    closed = _CLOSE.match(text, inner.end(), sent_end) if inner and inner.group("num") else None
    if closed is None:
        return None, expr_end
    return (parse_figure(inner.group("num")), unit_of(inner.group("unit") or "")), closed.end()
