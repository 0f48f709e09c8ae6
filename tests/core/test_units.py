"""Units: exact definitions (international mile 1,609.344 m; nautical mile 1,852 m)."""

import pytest

from geo.core.units import convert, km_to_mi, normalise_unit, round_half_up


@pytest.mark.parametrize(
    "word, code",
    [
        ("km", "km"),
        ("Kilometres", "km"),
        ("kilometers", "km"),
        ("kms", "km"),
        ("miles", "mi"),
        ("mi", "mi"),
        ("nautical miles", "nmi"),
        ("Nautical-Mile", "nmi"),
        ("nmi", "nmi"),
    ],
)
def test_normalise_unit(word, code):
    assert normalise_unit(word) == code


def test_unknown_unit_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown unit 'furlongs'"):
        normalise_unit("furlongs")


def test_conversions_use_exact_definitions():
    assert convert(1, "mi", "m") == 1609.344
    assert convert(1, "nmi", "km") == pytest.approx(1.852)
    assert km_to_mi(1609.344) == pytest.approx(1000.0)
    assert convert(1300, "km", "mi") == pytest.approx(1300 / 1.609344)


def test_round_half_up():
    assert round_half_up(1186.5) == 1187
    assert round_half_up(1250, 100) == 1300
    assert round_half_up(-2.5) == -3
