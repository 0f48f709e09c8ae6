"""Sentences that refer back to a place named earlier ("The city lies…", "It is…")."""

from __future__ import annotations

import re

__all__ = ["refers_back"]

_REFERS_BACK = re.compile(
    r"^\s*(?:the\s+(?:city|town|plant|factory|site|base|refinery|facility|airfield|region|port)|it|this)\b",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """True when a sentence opens by pointing back at a place named before.

    >>> refers_back("The plant lies 1,300 km from Ukraine."), refers_back("Kazan lies 800 km east.")
    (True, False)
    """
    return _REFERS_BACK.match(sentence) is not None
