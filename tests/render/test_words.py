"""geo.render.words: the finding in a sentence, figures rounded for words.

Expected distances come from GeographicLib (``geographiclib``), never from the code under test.
"""

from __future__ import annotations

from geographiclib.geodesic import Geodesic

from geo.measure.measurements import measure_places
from geo.measure.references import Reference, measure_against
from geo.model import Place
from geo.render.words import finding_sentence, format_distance, round_for_words

G = Geodesic.WGS84
MI = 1.609344


def place(name, lat, lon, cc="RU", pid="1"):
    return Place(name, lat, lon, cc, "geonames-cities500", pid)


def test_finding_sentence(izhevsk_measurement, snapshot):
    assert finding_sentence(izhevsk_measurement) == (
        "Izhevsk is about 1,190 km (740 mi) from Ukraine's internationally recognised border "
        "(Natural Earth 1:10m)"
    )
    kharkiv = place("Kharkiv", 49.98081, 36.25272, "UA")
    inside = measure_against(kharkiv, Reference("c", layer=snapshot.controlled))
    assert finding_sentence(inside) == (
        "Kharkiv lies inside Ukrainian-controlled territory (geo snapshot 2025-07-01, approximate)"
    )
    near = measure_places(place("B", 50.0, 30.05), place("A", 50.0, 30.0))
    d_km = G.Inverse(50.0, 30.0, 50.0, 30.05)["s12"] / 1000
    assert finding_sentence(near) == f"B is about {d_km:.1f} km ({d_km / MI:.1f} mi) east of A"


def test_format_and_rounding():
    assert format_distance(1186.6335) == "1,187 km / 737 mi"
    assert format_distance(5.25) == "5.3 km / 3.3 mi"
    assert round_for_words(1186.6) == 1190.0
    assert round_for_words(99.5) == 100.0
