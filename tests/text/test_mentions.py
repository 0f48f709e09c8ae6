"""Names in a sentence and the part each plays (``geo.text.mentions``)."""

from __future__ import annotations

import pytest

from geo.text.mentions import mentions


def roles(sentence: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in mentions(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Engels is located in Russia's Saratov region on the Volga River.",
            [("Engels", "place"), ("Saratov region", "locator"), ("Volga River", "feature")],
        ),
        ("Tuapse, a port on the Black Sea, burned.", [("Tuapse", "place"), ("Black Sea", "feature")]),
        (
            "A depot in Voronezh, north-east of Kharkiv, burned.",
            [("Voronezh", "place"), ("Kharkiv", "locator")],
        ),
        ("Kazan, the capital of Tatarstan, was hit.", [("Kazan", "place"), ("Tatarstan", "locator")]),
        ("Drones hit Kazan and Samara.", [("Kazan", "place"), ("Samara", "place")]),
        ("Kyiv said the attack failed.", [("Kyiv", "actor")]),
        (
            "Kursk Governor Ivan Petrov said Rylsk was hit.",
            [("Kursk", "actor"), ("Ivan Petrov", "person"), ("Rylsk", "place")],
        ),
        (
            "Analyst Maria Ivanova wrote that Engels was struck.",
            [("Maria Ivanova", "person"), ("Engels", "place")],
        ),
    ],
)
def test_roles(sentence, expected):
    assert roles(sentence) == expected


def test_kind_nouns_and_target_names():
    found = {m.name: m for m in mentions("Drones hit the Yaroslavl refinery and the city of Tver.")}
    assert (found["Yaroslavl"].noun, found["Yaroslavl"].kind, found["Yaroslavl"].target_name) == (
        "refinery",
        "facility",
        "Yaroslavl refinery",
    )
    assert (found["Tver"].noun, found["Tver"].kind, found["Tver"].target_name) == (
        "city",
        "settlement",
        "Tver",
    )
    [base] = mentions("The Engels-2 air base burned.")
    assert (base.name, base.kind) == ("Engels-2 air base", "airfield")
