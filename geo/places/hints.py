"""Context written beside a name: "Saki, UA", "Kramatorsk, Donetsk Oblast",
"Rossosh, Voronezh region", "Novoshakhtinsk in Rostov region", "Saky (Crimea)",
"Belbek air base near Sevastopol", "Toretsk (formerly Dzerzhynsk)".

Only the text is read here; :meth:`geo.places.gazetteer.Gazetteer.lookup_with_hint` decides
what a hint is (a country, a region, a town nearby) and narrows the candidates with it.
"""

from __future__ import annotations

import re

__all__ = ["split_hint"]

#: A parenthesis that is not a hint but another name: "(formerly Dzerzhynsk)".
_OTHER_NAME = re.compile(r"\s*\((?:formerly|former|previously|now|also|known as|aka|until)\b[^()]*\)", re.I)
_TRAILING = re.compile(r"^(?P<name>[^,()]+?)\s*(?:,\s*(?P<comma>[^,()]+)|\((?P<paren>[^()]+)\))\s*$")
_PLACED = re.compile(
    r"^(?P<name>.+?)\s+(?P<how>in|near|outside|close to|on the outskirts of|just outside)"
    r"\s+(?P<hint>[^,()]+?)\s*$",
    re.IGNORECASE,
)


def split_hint(text: str) -> tuple[str, str | None, bool]:
    """``(name, hint, near)`` from a name written with its context; ``near`` is True when the
    hint is a place *near* the name ("near Sevastopol") rather than one containing it.

    >>> split_hint("Saki, UA"), split_hint("Rossosh, Voronezh region")
    (('Saki', 'UA', False), ('Rossosh', 'Voronezh region', False))
    >>> split_hint("Novoshakhtinsk in Rostov region"), split_hint("Saky (Crimea)")
    (('Novoshakhtinsk', 'Rostov region', False), ('Saky', 'Crimea', False))
    >>> split_hint("Belbek air base near Sevastopol")
    ('Belbek air base', 'Sevastopol', True)
    >>> split_hint("Toretsk (formerly Dzerzhynsk), Donetsk Oblast")
    ('Toretsk', 'Donetsk Oblast', False)
    >>> split_hint("Kazan")
    ('Kazan', None, False)
    """
    text = _OTHER_NAME.sub("", text).strip()
    m = _TRAILING.match(text)
    if m:
        return m.group("name").strip(), (m.group("comma") or m.group("paren")).strip(), False
    m = _PLACED.match(text)
    if m:
        return m.group("name").strip(), m.group("hint").strip(), m.group("how").lower() != "in"
    return text, None, False
