"""The ``Claim`` record: one distance written in a text, with what its sentence says about it.

``Claim`` is what the *extract* step (``geo.text.extract.extract_claims``) produces and the *judge* step
reads. It holds no logic beyond its JSON form; ``figure_fields`` gives every extractor the figure's
fields, in its unit and in kilometres, by the same rule. ``HEDGES`` are the canonical hedge values a
claim can carry; each language's vocabulary maps its written hedges onto them.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.core.units import convert

__all__ = ["CLAIM_KINDS", "Claim", "HEDGES", "JUDGED_KINDS", "figure_fields"]

#: What a written figure can be. Only ``JUDGED_KINDS`` get a verdict on their figure.
CLAIM_KINDS: tuple[str, ...] = ("distance", "length", "weapon_range", "route_distance", "position_report")
JUDGED_KINDS: tuple[str, ...] = ("distance", "length")

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
    - ``kind``: one of ``CLAIM_KINDS``: ``"distance"`` (a place to a reference), ``"length"`` (the
      length of a line or an object), ``"weapon_range"`` ("can hit targets up to 300 km away"),
      ``"route_distance"`` ("1,593 km by road", "the drones flew 1,800 km") or ``"position_report"``
      ("34 nautical miles south-west of the port"). Only distances and front-line lengths are judged.
    - ``target``: the place the distance is about, as written (None for lengths or when not found).
    - ``target_how``: how the target was found: ``"named"`` (in the claim's sentence),
      ``"carried"`` (from an earlier sentence, the claim's sentence pointing back at it with
      ``anaphor``: "The base", "It"), ``"headline"`` (carried from the headline), or None.
    - ``target_sentence``: the 1-based number of the sentence that names the target.
    - ``target_candidates``: every name the target could be when the text does not settle it
      (two places in the sentence pointed back at); empty when it is settled.
    - ``anaphor``: the words that point back at the target ("the base", "it"), else None.
    - ``target_hint``: a place the text locates the target in ("Zolochiv in the Kharkiv region" →
      "Kharkiv region"), which can tell two places of the target's name apart; else None.
    - ``reference``: what the distance is measured from, lightly normalised ("Ukraine", "the Ukrainian
      border", "the border", "the Russian border", "the front line", a place name such as "Moscow"); for a
      length, the line measured ("front line", "border").
    - ``reference_kind``: "ukraine", "border", "frontline", "place" or None ("anaphor" while the
      reference is words pointing back at a place named before, "from the base", not yet resolved).
    - ``reference_anaphor``: those words when the reference was carried from an earlier sentence
      (``reference_sentence``, 1-based), else None.
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
    target_how: str | None = None
    target_sentence: int | None = None
    target_candidates: tuple[str, ...] = ()
    anaphor: str | None = None
    target_hint: str | None = None
    reference_anaphor: str | None = None
    reference_sentence: int | None = None

    def to_json(self) -> dict:
        """A JSON-ready dict of every field (spans as two-element lists)."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["span"] = list(self.span)
        record["sentence_span"] = list(self.sentence_span)
        record["target_candidates"] = list(self.target_candidates)
        return record


def figure_fields(figure: float, unit: str, step: float) -> dict:
    """A claim's figure fields: ``figure`` and its rounding ``step`` in ``unit`` ('km', 'mi', 'nmi'), and
    both in kilometres (``claimed_km``, ``figure_precision_km``).

    >>> figure_fields(800.0, "mi", 100.0)["claimed_km"]
    1287.4752
    """
    return {
        "figure": figure,
        "unit": unit,
        "claimed_km": float(convert(figure, unit, "km")),
        "figure_step": step,
        "figure_precision_km": float(convert(step, unit, "km")),
    }
