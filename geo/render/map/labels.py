"""Labels on the map: what each says, where it may go, how much it matters (:class:`MapLabel`).

Positions are WGS84 ``lat, lon`` in degrees, in the map's 360° frame (longitudes may leave
±180). The labels and the markers they must not cover go into the page as data, and
:mod:`geo.render.map.placer` places them there, collision-free, by priority.

Priorities (higher first): :data:`PRIORITY` by kind (the measured target, then its figure,
then the far end of its line, capitals, ring radii, other places, country names); within
a kind, a verdict's severity and then population add to it (:func:`label_priority`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from folium.template import Template

from geo.render.map.html import SafeMacroElement, check_color, js_json
from geo.render.map.placer import PHONE_WIDTH_PX, PLACER_JS

__all__ = ["PRIORITY", "LabelLayer", "MapLabel", "label_priority"]

_SLOT = re.compile(r"\bGEO_(MAP|LABELS|OBSTACLES|NOTE|PHONE)\b")

#: The base priority of each kind of label.
PRIORITY = {
    "target": 9000,
    "figure": 8000,
    "ref": 6000,
    "capital": 5000,
    "ring": 4500,
    "place": 3000,
    "country": 1000,
}


def label_priority(kind: str, severity: int = 0, population: int = 0) -> float:
    """A label's priority: its kind's base, plus 100 per step of verdict severity, plus up
    to 99 by population (log scale: 10 million and more is 99).

    >>> label_priority("target", 3, 1_000_000) > label_priority("target", 2, 10_000_000)
    True
    >>> label_priority("figure", 3) < label_priority("target")
    True
    """
    pop = min(99.0, 99.0 * math.log10(max(population, 1)) / 7.0)
    return PRIORITY[kind] + 100 * severity + round(pop, 2)


@dataclass(frozen=True)
class MapLabel:
    """One label: its ``text`` (plain text), ``kind`` (a key of :data:`PRIORITY`; also
    its CSS class ``geo-lbl-<kind>``), the ``anchors`` it may sit at (``(lat, lon)``,
    best first), its ``priority``, a border ``color`` (figures), the ``radius`` in px of
    the marker it names (0: centred on its anchor), ``counted`` (a place, or a line's figure, that is
    counted in the key when it does not fit), ``minor`` (left out of the phone layout) and
    ``leader`` (may sit further out, with a leader line); ``dot``: the placer draws the
    point's dot itself, only when its label fits (capitals)."""

    text: str
    kind: str
    anchors: tuple[tuple[float, float], ...]
    priority: float
    color: str | None = None
    radius: float = 0.0
    counted: bool = False
    minor: bool = False
    leader: bool = False
    dot: bool = False

    def key(self) -> tuple:
        """What makes two labels the same (drawn once): text, kind and first anchor."""
        a = self.anchors[0]
        return (self.text, self.kind, round(a[0], 3), round(a[1], 3))

    def row(self) -> list:
        """The label as the page's placer reads it."""
        flat = [round(float(v), 3) for a in self.anchors for v in a]
        flags = int(self.counted) | 2 * int(self.minor) | 4 * int(self.leader) | 8 * int(self.dot)
        color = check_color(self.color, "") or None
        return [self.text, self.kind, self.priority, flat, color, self.radius, flags]


def _note_words(note: tuple[str, str], unlabelled: int) -> list:
    """The placer's note: ``[singular, plural, unlabelled, where]`` from the key's words
    (``("more place in the table", "more places in the table")``): the words before
    " in the " name the places, the rest says where they are (dropped figures are
    "distances" there: "2 more places and 3 distances in the table").

    >>> _note_words(("more place in the claims table", "more places in the claims table"), 4)
    ['more place', 'more places', 4, 'in the claims table']
    """
    one, _, where = note[0].partition(" in the ")
    many = note[1].partition(" in the ")[0]
    return [one, many, unlabelled, f"in the {where}" if where else ""]


class LabelLayer(SafeMacroElement):
    """Every label of a map and the markers they must not cover (``obstacles``:
    ``(lat, lon, radius_px)``), placed in the page by :data:`PLACER_JS`. ``note`` is the
    key's words for labels left out (singular, plural), after their number; ``unlabelled``
    (set before the page is rendered) counts places that were never offered a label."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        labels: Sequence[MapLabel],
        obstacles: Sequence[tuple[float, float, float]],
        note: tuple[str, str] = ("more place in the table", "more places in the table"),
    ):
        super().__init__()
        self._name = "LabelLayer"
        unique = {lab.key(): lab for lab in reversed(list(labels))}
        self.labels = [unique[k] for k in dict.fromkeys(lab.key() for lab in labels)]
        obs = [[round(float(a), 4), round(float(b), 4), float(r)] for a, b, r in obstacles]
        self.obstacles = obs
        self.note = note
        self.unlabelled = 0
        self.code = ""

    def render(self, **kwargs) -> None:
        values = {
            "MAP": self._parent.get_name(),
            "LABELS": js_json([lab.row() for lab in self.labels]),
            "OBSTACLES": js_json(self.obstacles),
            "NOTE": js_json(_note_words(self.note, int(self.unlabelled))),
            "PHONE": str(PHONE_WIDTH_PX),
        }
        # one pass over the placer's code only: nothing in the data is ever substituted
        self.code = _SLOT.sub(lambda mt: values[mt.group(1)], PLACER_JS)
        super().render(**kwargs)
