"""Findings in words: the figures, coordinates and sentences a reporter would write.

Distances come in as kilometres (WGS84 geodesic, as measured) and are written in km and
miles; coordinates are WGS84 latitude/longitude in degrees, written with N/S and E/W.
Pure string functions: nothing here draws (no folium), so the CLI, reports and maps share them.
"""

from __future__ import annotations

from geo.core.geodesic import COMPASS_WORDS
from geo.core.units import km_to_mi, round_half_up
from geo.layers.layer import Layer
from geo.measure.measurements import LayerMeasurement
from geo.model import LayerOrigin, LayerRole, Measurement

__all__ = [
    "finding_sentence",
    "format_coords",
    "format_distance",
    "key_words",
    "layer_phrase",
    "nice_date",
    "round_for_words",
    "words_distance",
]


def format_distance(km: float) -> str:
    """The figure on a measured line: ``"1,187 km / 737 mi"`` (to the nearest unit; one
    decimal below 10).

    >>> format_distance(1186.6335)
    '1,187 km / 737 mi'
    """
    mi = float(km_to_mi(km))

    def one(v: float) -> str:
        return f"{round_half_up(v, 0.1):,.1f}" if v < 10 else f"{round_half_up(v):,.0f}"

    return f"{one(km)} km / {one(mi)} mi"


def format_coords(lat: float, lon: float) -> str:
    """WGS84 degrees as a reader sees them, four decimals (about 10 m) with the hemisphere.

    >>> format_coords(55.75204, 37.61781), format_coords(-34.60372, -58.38159)
    ('55.7520°N, 37.6178°E', '34.6037°S, 58.3816°W')
    """
    return f"{abs(lat):.4f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.4f}°{'E' if lon >= 0 else 'W'}"


def round_for_words(value: float) -> float:
    """Round a distance for a sentence: nearest 10 above 100, nearest 1 from 10 to 100,
    one decimal below 10.

    >>> round_for_words(1186.63), round_for_words(737.34), round_for_words(42.4), round_for_words(3.26)
    (1190.0, 740.0, 42.0, 3.3)
    """
    if value >= 100:
        return round_half_up(value, 10.0)
    if value >= 10:
        return round_half_up(value, 1.0)
    return round(round_half_up(value, 0.1), 1)


def _fmt_words(value: float) -> str:
    r = round_for_words(value)
    return f"{r:,.1f}" if r < 10 else f"{r:,.0f}"


def words_distance(km: float) -> str:
    """A distance as a sentence, a title, a caption and alt text state it (one rounding:
    :func:`round_for_words`): ``"1,190 km (740 mi)"``.

    >>> words_distance(1186.6335), words_distance(0.4)
    ('1,190 km (740 mi)', 'less than 1 km (0.6 mi)')
    """
    if km < 1:
        return "less than 1 km (0.6 mi)"
    return f"{_fmt_words(km)} km ({_fmt_words(float(km_to_mi(km)))} mi)"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


def nice_date(iso: str | None) -> str:
    """An ISO date as a reader writes it (``"1 July 2025"``); anything else as it is.

    >>> nice_date("2025-07-01"), nice_date("2025"), nice_date(None)
    ('1 July 2025', '2025', '')
    """
    if not iso:
        return ""
    parts = str(iso).split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return str(iso)


def key_words(layer: Layer) -> str:
    """A layer in a map's key, in the fewest plain words: "Ukraine's border",
    "Russian-occupied, 1 July 2025", "Front line, 1 July 2025"."""
    when = nice_date(layer.date)
    dated = f", {when}" if when else ""
    if layer.role is LayerRole.BORDER:
        return "Ukraine's border"
    if layer.role is LayerRole.OCCUPIED:
        return f"Russian-occupied{dated}"
    if layer.role is LayerRole.CONTROLLED:
        return f"Ukrainian-held{dated}"
    if layer.role is LayerRole.FRONTLINE:
        return f"Front line{dated}"
    if layer.role is LayerRole.GREY:
        return f"contested (grey zone){dated}"
    title = layer.plain_title
    return f"{title[0].upper()}{title[1:]}{dated if layer.role is LayerRole.USER else ''}"


def layer_phrase(layer: Layer) -> tuple[str, str]:
    """``(what, source)`` in words for a layer: ``("Ukraine's internationally recognised
    border", "Natural Earth 1:10m")``."""
    what = layer.plain_title
    if layer.origin is LayerOrigin.NATURAL_EARTH:
        source = "Natural Earth 1:10m"
    elif layer.origin is LayerOrigin.SNAPSHOT:
        source = f"geo snapshot {layer.date}, approximate"
    elif layer.date:
        source = f"{layer.version}, {layer.date}"
    else:
        source = layer.version or layer.source
    return what, source


#: Below this distance (km, 1 mm) two points are one: no bearing or compass point is given.
ZERO_KM = 1e-6


def finding_sentence(measurement: Measurement | LayerMeasurement) -> str:
    """The finding in plain words, rounded as a reporter would write it.

    ``measurement`` is a :class:`~geo.model.Measurement` (place → place), a
    :class:`~geo.measure.measurements.LayerMeasurement` (place → layer) or a map item with
    the same ``target``, ``distance_km``, ``layer``, ``inside`` and ``ref_name`` fields.

    >>> from geo.measure.measurements import measure_places
    >>> from geo.model import Place
    >>> moscow = Place("Moscow", 55.75204, 37.61781, "RU", "geonames", "524901")
    >>> izhevsk = Place("Izhevsk", 56.85225, 53.19862, "RU", "geonames", "554840")
    >>> finding_sentence(measure_places(izhevsk, moscow))
    'Izhevsk is about 970 km (600 mi) east-north-east of Moscow'
    """
    if isinstance(measurement, Measurement):
        layer, inside, ref_name = None, False, measurement.reference.name
    elif hasattr(measurement, "layer") and hasattr(measurement, "inside"):  # LayerMeasurement, MapItem
        layer, inside = measurement.layer, bool(measurement.inside)
        ref_name = getattr(measurement, "ref_name", "")
    else:
        raise TypeError(
            f"cannot draw a {type(measurement).__name__}: give a Measurement, LayerMeasurement or MapItem"
        )
    name = measurement.target.name
    if layer is not None:
        what, source = layer_phrase(layer)
        if inside:
            return f"{name} lies inside {what} ({source})"
        where = f"from {what} ({source})"
    else:
        compass = getattr(measurement, "compass", None)
        direction = COMPASS_WORDS.get(compass or "", "")
        if (measurement.distance_km or 0.0) < ZERO_KM:  # one point: no direction means anything
            return f"{name} and {ref_name} are the same point (0 km)"
        where = f"{direction} of {ref_name}" if direction else f"from {ref_name}"
    km = measurement.distance_km or 0.0
    if km < 1:
        return f"{name} is {words_distance(km)} {where}"
    return f"{name} is about {words_distance(km)} {where}"
