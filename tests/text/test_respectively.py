"""Figures chained in one phrase and said of several places (``geo.text.respectively``)."""

from __future__ import annotations

from geo.text.extract import extract_claims


def pairs(text: str) -> list[tuple[str | None, float, str | None, tuple[str, ...]]]:
    return [(c.target, c.claimed_km, c.reference, c.target_candidates) for c in extract_claims(text)]


def test_they_take_the_figures_in_order_and_the_first_figure_shares_the_reference():
    text = (
        "Ukraine said it had hit two bases: Olenya, in the Murmansk region, and Belaya, in Irkutsk. "
        "They are roughly 1,900 km and 4,300 km from Ukraine, respectively."
    )
    assert pairs(text) == [("Olenya", 1900.0, "Ukraine", ()), ("Belaya", 4300.0, "Ukraine", ())]


def test_named_places_take_the_figures_in_order():
    got = pairs("Kazan and Samara lie 800 km and 1,000 kilometres from the border.")
    assert [(t, km) for t, km, _, _ in got] == [("Kazan", 800.0), ("Samara", 1000.0)]
    assert {ref for _, _, ref, _ in got} == {"the border"}


def test_a_figure_sharing_the_next_ones_unit_is_never_given_to_the_wrong_place():
    """'800 and 1,000 kilometres': the bare 800 is not read; 1,000 is Samara's or nobody's."""
    got = pairs("Kazan and Samara lie 800 and 1,000 kilometres from the border.")
    assert all(t in (None, "Samara") for t, km, _, _ in got if km == 1000.0)


def test_figures_with_their_own_references_are_not_chained():
    """'800 km from Moscow and 1,000 km from the border': each figure is said of both places."""
    got = pairs("Kazan and Samara lie about 800 km from Moscow and 1,000 km from the border.")
    assert sorted((t, km, ref) for t, km, ref, _ in got) == [
        ("Kazan", 800.0, "Moscow"),
        ("Kazan", 1000.0, "the border"),
        ("Samara", 800.0, "Moscow"),
        ("Samara", 1000.0, "the border"),
    ]


def test_more_places_than_figures_leaves_every_figure_unsettled():
    got = pairs("Drones hit Olenya, Belaya and Engels, some 1,900 km and 4,300 km from Ukraine.")
    assert [(t, km) for t, km, _, _ in got] == [(None, 1900.0), (None, 4300.0)]
    assert all(cands == ("Olenya", "Belaya", "Engels") for *_, cands in got)


def test_one_place_with_two_chained_figures_keeps_both():
    """'Kursk is 100 or 110 km from the border, depending on the road': one place, both figures."""
    got = pairs("Kursk is 100 or 110 km from the border, officials said.")
    assert [(t, km) for t, km, _, _ in got] == [("Kursk", 100.0), ("Kursk", 110.0)] or len(got) == 1


def test_the_claims_of_one_sentence_share_its_text():
    """One string per sentence, not one copy per claim: a 400 kB list sentence of 20,000 rows held a
    copy per row (8 GB) before."""
    text = "Distances from the border:\n" + "".join(f"- Tuapse{i}: 450 km\n" for i in range(50))
    claims = extract_claims(text)
    assert len(claims) == 50 and all(c.text is claims[0].text for c in claims)
