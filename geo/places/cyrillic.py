"""Looking up names written in Cyrillic: an exact Cyrillic name outranks another romanisation.

"Покровськ" is stored as Pokrovsk's (Donetsk oblast) own Ukrainian name, and its romanisation "Pokrovsk"
is also an old name of Engels; the plain gazetteer weighs the two alike and gives up. ``CyrillicFirst``
wraps a ``Gazetteer`` so that, for a name with Cyrillic letters, the candidates that bear it as written
(primary or alternate name) win over those that only share its skeleton. Latin names are looked up
unchanged, so English articles read as before. ``is_known`` answers "is this spelling a place?" for the
Ukrainian and Russian extractors, which try several nominatives of a declined name.
"""

from __future__ import annotations

import re

from geo.errors import AmbiguousPlaceError, GeoError
from geo.places.ranking import bears_as_own, is_rival, listing_order

__all__ = ["CyrillicFirst", "has_cyrillic"]

_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
#: How a match must be found for a spelling to count as a place's name.
_EXACT = ("name", "alternate", "facility")


def has_cyrillic(name: str) -> bool:
    """True when ``name`` holds a Cyrillic letter.

    >>> has_cyrillic("Іжевськ"), has_cyrillic("Izhevsk")
    (True, False)
    """
    return _CYRILLIC.search(name or "") is not None


class CyrillicFirst:
    """A gazetteer whose ``lookup`` prefers exact Cyrillic names; everything else is the wrapped one's."""

    def __init__(self, gazetteer):
        """Wrap ``gazetteer`` (a :class:`geo.places.gazetteer.Gazetteer`)."""
        self.gazetteer = gazetteer
        self._known: dict[str, bool] = {}

    def __getattr__(self, name: str):
        return getattr(self.gazetteer, name)

    def lookup(self, name: str, *args, **kwargs):
        """As :meth:`Gazetteer.lookup`; for a Cyrillic name that is ambiguous only because other places
        share its romanisation, the single candidate that bears it as written; for one found only by a
        romanisation of another of a place's names, the places that bear it as written first."""
        try:
            best = self.gazetteer.lookup(name, *args, **kwargs)
        except AmbiguousPlaceError as err:
            if not has_cyrillic(name):
                raise
            exact = [m for m in err.candidates if m.how in _EXACT]
            if len(exact) == 1:
                return exact[0]
            raise
        if best.how != "variant" or not has_cyrillic(name) or bears_as_own(best):
            return best
        return self._written_before_other_name(name, best, *args, **kwargs)

    def _written_before_other_name(self, name: str, best, *args, **kwargs):
        """``best`` was found only by a romanisation of another of its names ("Александровка":
        Donetsk, once Aleksandrovka); towns that bear the name as written ("Александровка": a dozen
        Oleksandrivkas, in Russian) come first: the biggest if no other rivals it, else all are
        listed, ``best`` with them."""
        countries = args[0] if args else kwargs.get("countries")
        written = [m for m in self.gazetteer.matches(name, countries, limit=25) if m.how in _EXACT]
        if not written:
            return best
        rivals = [m for m in written[1:] if is_rival(m, written[0])]
        if rivals or is_rival(best, written[0]):
            raise AmbiguousPlaceError(name, listing_order([*written[:1], *rivals, best]))
        return written[0]

    def is_known(self, name: str) -> bool:
        """True when ``name`` is a stored name (or romanisation) of a place or facility, not merely
        a close spelling."""
        if name not in self._known:
            try:
                matches = self.gazetteer.matches(name, limit=3)
            except GeoError:
                matches = []
            self._known[name] = any(m.how in (*_EXACT, "variant") for m in matches)
        return self._known[name]
