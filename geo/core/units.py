"""Units of length used at the edges of the tool: km, statute miles, nautical miles.

Inside the kernels every distance is in metres; these helpers convert at the edges.
Exact definitions: 1 mi = 1.609344 km (international mile), 1 nmi = 1.852 km.
"""

from __future__ import annotations

import math

import numpy as np

METRES_PER_UNIT: dict[str, float] = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "nmi": 1852.0}

UNIT_ALIASES: dict[str, str] = {
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "km": "km",
    "kms": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
    "nmi": "nmi",
    "nm": "nmi",
    "nautical mile": "nmi",
    "nautical miles": "nmi",
}


def normalise_unit(name: str) -> str:
    """Return the canonical unit code ('m', 'km', 'mi', 'nmi') for a unit word.

    >>> normalise_unit("Kilometers")
    'km'
    """
    key = " ".join(name.strip().lower().replace("-", " ").split())
    try:
        return UNIT_ALIASES[key]
    except KeyError:
        raise ValueError(f"unknown unit {name!r}; use km, mi or nmi") from None


def convert(value, from_unit: str, to_unit: str):
    """Convert a length (scalar or array) between units.

    >>> round(convert(800, "mi", "km"), 3)
    1287.475
    """
    factor = METRES_PER_UNIT[normalise_unit(from_unit)] / METRES_PER_UNIT[normalise_unit(to_unit)]
    if isinstance(value, (int, float)):
        return value * factor
    return np.asarray(value, dtype=float) * factor


def metres_to_km(metres):
    """Metres → kilometres (scalar or array)."""
    return convert(metres, "m", "km")


def km_to_mi(km):
    """Kilometres → statute miles (scalar or array)."""
    return convert(km, "km", "mi")


def round_half_up(value: float, step: float = 1.0) -> float:
    """Round to a multiple of ``step``, halves away from zero (as people round figures).

    >>> round_half_up(1187.5)
    1188.0
    """
    if step <= 0:
        raise ValueError("step must be positive")
    return math.copysign(math.floor(abs(value) / step + 0.5) * step, value)


def figure_step(figure: float) -> float:
    """The rounding step a figure was most likely written to, in its own unit.

    Trailing zeros mark rounding: 1,300 → 100, 800 → 100, 1,287 → 1, 620 → 10; a figure of
    four or more digits is taken to two significant figures at most (2,000 → 100,
    20,000 → 1,000), and a power of ten to one step finer than its zeros (100 → 10,
    1,000 → 100): people write "1,000 km" for anything from 950 to 1,050. Two digits keep
    their zero (50 → 10); decimals → their last place.

    >>> figure_step(1300), figure_step(1287), figure_step(1000), figure_step(620), figure_step(1.5)
    (100.0, 1.0, 100.0, 10.0, 0.1)
    >>> figure_step(800), figure_step(500), figure_step(100), figure_step(250)
    (100.0, 100.0, 10.0, 10.0)
    """
    if figure <= 0:
        return 1.0
    if figure != int(figure):
        decimals = len(f"{figure:.10g}".split(".")[1])
        return 10.0**-decimals
    n = int(round(figure))
    digits = len(str(n))
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    step = 10**zeros
    if digits >= 4 or n == 100:
        step = min(step, 10 ** (digits - 2))
    return float(step)
