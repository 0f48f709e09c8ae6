"""What is drawn: :class:`MapItem`, one measured place with its line and figure, and its popup.

A map item is built from a place → place :class:`~geo.model.Measurement` or a place →
layer :class:`~geo.measure.measurements.LayerMeasurement` (distances in km, WGS84
geodesic; coordinates WGS84 degrees), and carries what a verdict may override: colour,
label, popup and key.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from geo.core.units import km_to_mi
from geo.layers.layer import Layer
from geo.model import Measurement, Place
from geo.render.map.markers import popup_html
from geo.render.words import format_coords

__all__ = ["MapItem", "target_popup"]


@dataclass(frozen=True)
class MapItem:
    """One thing to draw: a target, optionally the point it was measured from and the
    geodesic between them, with its figure.

    Build with :meth:`of` from a :class:`~geo.model.Measurement` or
    :class:`~geo.measure.measurements.LayerMeasurement`. ``color``, ``label`` (the text on the
    line, default "1,187 km / 737 mi"), ``popup_html`` (trusted HTML: escape what you put
    in it) and ``legend`` (the legend's words for this colour) override the defaults, so
    verdicts can be drawn in their colours; ``marker_color`` colours the target's
    marker when it differs from the line (a claim's overall verdict). ``ref_label`` names
    the line's far end on the map ("Kyiv", "Ukraine's border near Sumy"); ``severity``
    ranks its labels on a crowded map (a verdict's); ``dash`` is its line's dash pattern.
    """

    target: Place
    distance_km: float | None = None
    ref_lat: float | None = None
    ref_lon: float | None = None
    ref_name: str = ""
    ref_description: str = ""
    layer: Layer | None = None
    inside: bool = False
    color: str | None = None
    label: str | None = None
    popup_html: str | None = None
    legend: str | None = None
    method: str = ""
    marker_color: str | None = None
    ref_label: str = ""
    severity: int = 0
    dash: str | None = None

    @classmethod
    def of(cls, obj: object, **overrides: object) -> MapItem:
        """A :class:`MapItem` from a measurement (or a MapItem, with overrides applied).

        Attributes ``color``, ``label``, ``popup_html`` and ``legend`` on ``obj`` are taken
        as overrides too (a verdict-like object may carry them).
        """
        for key in ("color", "label", "popup_html", "legend", "marker_color", "ref_label", "dash"):
            if key not in overrides and getattr(obj, key, None) is not None:
                overrides[key] = getattr(obj, key)
        if isinstance(obj, MapItem):
            return dataclasses.replace(obj, **overrides)
        if isinstance(obj, Measurement):
            ref = obj.reference
            return cls(
                target=obj.target,
                distance_km=obj.distance_km,
                ref_lat=ref.lat,
                ref_lon=ref.lon,
                ref_name=ref.name,
                ref_description=f"{ref.name} {format_coords(ref.lat, ref.lon)} [{ref.source}:{ref.id}]",
                method=obj.method,
                ref_label=overrides.pop("ref_label", ref.name),
                **overrides,
            )
        if hasattr(obj, "layer") and hasattr(obj, "nearest_lat"):  # LayerMeasurement
            near = getattr(obj, "near_place", None)
            near_words = f", near {near.name}" if near is not None else ""
            return cls(
                target=obj.target,
                distance_km=obj.distance_km,
                ref_lat=None if obj.inside else obj.nearest_lat,
                ref_lon=None if obj.inside else obj.nearest_lon,
                ref_name=f"nearest point of {obj.layer.name}",
                ref_description=f"Nearest point of {obj.layer.name}: "
                f"{format_coords(obj.nearest_lat, obj.nearest_lon)}{near_words}",
                layer=obj.layer,
                inside=bool(obj.inside),
                method=obj.method,
                ref_label=overrides.pop("ref_label", f"near {near.name}" if near is not None else ""),
                **overrides,
            )
        raise TypeError(
            f"cannot draw a {type(obj).__name__}: give a Measurement, LayerMeasurement or MapItem"
        )

    @property
    def distance_mi(self) -> float | None:
        """The distance in statute miles (None when there is no distance)."""
        return None if self.distance_km is None else float(km_to_mi(self.distance_km))


def target_popup(it: MapItem) -> str:
    """The default popup of an item's target: distance in km and mi, where from,
    coordinates, source id and method (escaped HTML)."""
    t = it.target
    rows = [("Coordinates", format_coords(t.lat, t.lon)), ("Source", f"{t.source}:{t.id}")]
    if it.distance_km is not None:
        if it.inside:
            rows.insert(0, ("Distance", f"0 km: inside {it.layer.name if it.layer else it.ref_name}"))
        else:
            rows.insert(0, ("Distance", f"{it.distance_km:,.1f} km / {it.distance_mi:,.1f} mi"))
            rows.insert(1, ("From", it.ref_description or it.ref_name))
    if it.method:
        rows.append(("Method", it.method))
    return popup_html(t.name, rows)
