"""Place names and the choice of a claim's target (``geo.text.targets``), one rule at a time."""

from __future__ import annotations

import pytest

from geo.text.names import name_after, name_at, names_in
from geo.text.targets import find_target
from geo.text.vocabulary import TARGET_AFTER, TARGET_TO


@pytest.mark.parametrize(
    "before, target",
    [
        # 1. apposition right before the figure
        ("The city of Orsk, some ", "Orsk"),
        ("Strikes hit the Engels-2 air base, ", "Engels-2 air base"),
        # 2. subject of a locative verb
        ("Izhevsk lies ", "Izhevsk"),
        ("Officials said Kstovo lies ", "Kstovo"),
        ("Kazan, which is ", "Kazan"),
        # 3. a name opening the clause, then an appositive
        ("Primorsk, a Baltic port ", "Primorsk"),
        # 4. the nearest name introduced by in/at/struck/hit...
        ("A drone struck a plant in Naberezhnye Chelny, some ", "Naberezhnye Chelny"),
        ("In May, Ukrainian drones hit a depot in Russia’s Bryansk region, ", "Bryansk region"),
        # no place, or a name acting as a government
        ("Kyiv says its drones have struck targets ", None),
        ("Moscow officials say the drones were launched ", None),
        ("The drone flew ", None),
    ],
)
def test_find_target_by_rule(before, target):
    assert find_target(before) == target


def test_names_in_splits_at_words_that_are_not_places_and_keeps_offsets():
    assert names_in("Izhevsk’s Kalashnikov", 10) == [("Izhevsk", 10, 17), ("Kalashnikov", 20, 31)]
    assert names_in("St. Petersburg", 5) == [("St. Petersburg", 5, 19)]
    assert names_in("Ukrainian-held Kupiansk", 0) == [("Kupiansk", 15, 23)]


def test_names_in_skips_acronyms_and_datelines():
    assert names_in("KHARKIV Ukraine AP", 0) == []


def test_name_at_starts_exactly_there_and_keeps_a_suffix():
    text = "the Engels-2 air base, near Saratov"
    assert name_at(text, 4, len(text)) == ("Engels-2 air base", 21)
    assert name_at(text, 0, len(text)) is None
    assert name_at(text, 28, len(text)) == ("Saratov", len(text))


def test_name_after_a_lead():
    text = " to the city of Kazan."
    assert name_after(text, 0, len(text), TARGET_TO) == "Kazan"
    assert name_after(text, 0, len(text), TARGET_AFTER) is None
    text = ", in Belgorod"
    assert name_after(text, 0, len(text), TARGET_AFTER) == "Belgorod"
