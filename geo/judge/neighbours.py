""" "The border" said of a place inside Ukraine: the border with its nearest neighbour.

"Sumy is about 30 km from the border" cannot mean Ukraine's own territory (Sumy is inside it, 0 km):
it means the land border Sumy is near, Russia's. Measured to each neighbour's territory (Natural
Earth admin-0 polygons, WGS84 geodesic), the nearest neighbour is the border meant; a coast is no
border, so Ukraine's own outline (which runs along the Black Sea) is never used for it.
"""

from __future__ import annotations

import dataclasses

from geo.judge.readings import DETACHED_NOTE, Reading
from geo.layers.borders import country_border, main_territory, ukraine
from geo.layers.layer import Layer
from geo.layers.regions import region_layer
from geo.measure.prepared import distance_to_layer, inside_layer
from geo.model import Place

__all__ = [
    "UKRAINE_NEIGHBOURS",
    "border_is_a_neighbours",
    "nearest_neighbour_border",
    "with_main_territory",
]

#: How much farther (km) a country's main territory must be than its nearest part to be named.
DETACHED_MIN_KM = 1.0
#: Ukraine's land neighbours (ISO 3166-1 alpha-2).
UKRAINE_NEIGHBOURS = ("RU", "BY", "PL", "SK", "HU", "RO", "MD")


def border_is_a_neighbours(place: Place) -> bool:
    """True when "the border" said of ``place`` means a neighbour's: ``place`` lies within Ukraine's
    internationally recognised border. ``ValueError`` for a place in Crimea, where reporters also
    mean Crimea's boundary with mainland Ukraine, so the text does not settle which border."""
    if not inside_layer(place.lat, place.lon, ukraine()):
        return False
    if inside_layer(place.lat, place.lon, region_layer("UA-CRIMEA")):
        raise ValueError("a place in Crimea: 'the border' may be Crimea's with mainland Ukraine or Russia's")
    return True


def nearest_neighbour_border(place: Place) -> Layer:
    """The territory of the neighbour of Ukraine nearest to ``place`` (geodesic distance, metres
    compared; ties go to the first in ``UKRAINE_NEIGHBOURS``)."""
    layers = [country_border(code) for code in UKRAINE_NEIGHBOURS]
    distances = [float(distance_to_layer(place.lat, place.lon, layer).distance_m[0]) for layer in layers]
    nearest = layers[distances.index(min(distances))]
    why = f"'the border' of a place in Ukraine is read as its nearest neighbour's: {nearest.plain_title}"
    return nearest.with_notes((why,))


def with_main_territory(reading: Reading, place: Place, layer: Layer, flags: list[str]) -> Reading:
    """``reading`` of a country's border, with a note when its nearest point lies on a detached part
    (an exclave or an island) and the main territory is farther: "more than 1,000 km from Russian
    territory" of a town in western Ukraine is 587 km from Kaliningrad oblast and over 1,000 km from
    mainland Russia, and an editor must see both. The verdict still reads the whole country; the
    flag ``nearest_on_detached_part`` marks it."""
    main = main_territory(layer)
    if main is None or reading.distance_km <= 0:
        return reading
    main_km = float(distance_to_layer(place.lat, place.lon, main).distance_m[0]) / 1000.0
    if main_km <= reading.distance_km + DETACHED_MIN_KM:
        return reading
    flags.append("nearest_on_detached_part")
    country = layer.name.split(" (")[0]
    note = (
        f"{DETACHED_NOTE} {country} (an exclave or an island); its main territory is {main_km:,.0f} km away"
    )
    return dataclasses.replace(reading, notes=(note, *reading.notes))
