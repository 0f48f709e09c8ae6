"""Place-name folding: the one normal form under which names are stored and matched.

A folded name is Unicode NFKD without diacritics, case-folded, without apostrophes or
quotes, with hyphens, dots, commas, slashes and brackets as single spaces, and with the
common abbreviations spelt out (``St`` → ``saint``, ``Mt`` → ``mount``). The index
stores every name folded and every query is folded the same way, so "Zaporiz'hzhia-Sich"
finds "Zaporizhzhia Sich". Transliteration (Cyrillic → Latin) will live here too.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʹ`´\"“”"), None)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.,/()]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def fold(name: str) -> str:
    """Fold a place name for matching: no diacritics, case-folded, no apostrophes,
    hyphens/dots/commas as single spaces.

    >>> fold("Zaporiz'hzhia-Sich")
    'zaporizhzhia sich'
    >>> fold("Artëmovsk")
    'artemovsk'
    >>> fold("St. Petersburg")
    'saint petersburg'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.translate(_APOSTROPHES).casefold()
    words = _SEPARATORS.sub(" ", stripped).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)
