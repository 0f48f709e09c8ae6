"""Extraction of distance claims from text (``geo.text.extract.extract_claims``).

Every sentence here is written for these tests; the figures are exercised, not checked for truth.
Each case states every field of every claim: figure and unit as written, the claim in km, hedge,
conversion, target, reference, reference kind, direction, kind, and the exact span text.
"""

from __future__ import annotations

import pytest

from geo.errors import EmptyInputError, GeoError
from geo.text.claim import Claim
from geo.text.extract import extract_claims

MI = 1.609344  # km per statute mile
NMI = 1.852  # km per nautical mile


def expect(
    phrase: str,
    figure: float,
    unit: str,
    claimed_km: float,
    *,
    hedge: str | None = None,
    target: str | None = None,
    reference: str | None = None,
    reference_kind: str | None = None,
    direction: str | None = None,
    kind: str = "distance",
    conversion: tuple[float | None, str | None] = (None, None),
    low_high: tuple[float | None, float | None] = (None, None),
) -> dict:
    """Every field a claim must have; unspecified optional fields must be None."""
    return {
        "phrase": phrase,
        "figure": figure,
        "unit": unit,
        "claimed_km": claimed_km,
        "hedge": hedge,
        "target": target,
        "reference": reference,
        "reference_kind": reference_kind,
        "direction": direction,
        "kind": kind,
        "conversion_figure": conversion[0],
        "conversion_unit": conversion[1],
        "figure_low": low_high[0],
        "figure_high": low_high[1],
    }


def assert_claim(claim: Claim, text: str, expected: dict) -> None:
    got = claim.to_json()
    start, end = claim.span
    assert text[start:end] == expected["phrase"] == claim.phrase
    s_start, s_end = claim.sentence_span
    assert text[s_start:s_end] == claim.text
    assert s_start <= start < end <= s_end
    assert claim.claimed_km == pytest.approx(expected["claimed_km"], rel=1e-9)
    assert claim.figure == pytest.approx(expected["figure"])
    for field in (
        "unit",
        "hedge",
        "target",
        "reference",
        "reference_kind",
        "direction",
        "kind",
        "conversion_unit",
    ):
        assert got[field] == expected[field], field
    for field in ("conversion_figure", "figure_low", "figure_high"):
        if expected[field] is None:
            assert got[field] is None, field
        else:
            assert got[field] == pytest.approx(expected[field]), field


def ref_ukraine(**kw) -> dict:
    return {"reference": "Ukraine", "reference_kind": "ukraine", **kw}


def ref_ua_border(**kw) -> dict:
    return {"reference": "the Ukrainian border", "reference_kind": "border", **kw}


def ref_border(**kw) -> dict:
    return {"reference": "the border", "reference_kind": "border", **kw}


def ref_front(**kw) -> dict:
    return {"reference": "the front line", "reference_kind": "frontline", **kw}


def ref_place(name: str, **kw) -> dict:
    return {"reference": name, "reference_kind": "place", **kw}


FRONT_LENGTH = {"kind": "length", "reference": "front line", "reference_kind": "frontline"}
BORDER_LENGTH = {"kind": "length", "reference": "border", "reference_kind": "border"}

CASES = [
    # --- every hedge -----------------------------------------------------------------------------
    (
        "A drone hit a fuel depot in Engels, some 700 km from Ukraine.",
        [expect("some 700 km", 700, "km", 700, hedge="some", target="Engels", **ref_ukraine())],
    ),
    (
        "Officials said Kstovo lies about 400 kilometres (250 miles) east of Moscow.",
        [
            expect(
                "about 400 kilometres (250 miles)",
                400,
                "km",
                400,
                hedge="about",
                target="Kstovo",
                direction="E",
                conversion=(250, "mi"),
                **ref_place("Moscow"),
            )
        ],
    ),
    (
        "The refinery at Ryazan, roughly 180 km southeast of Moscow, was set ablaze overnight.",
        [
            expect(
                "roughly 180 km",
                180,
                "km",
                180,
                hedge="roughly",
                target="Ryazan",
                direction="SE",
                **ref_place("Moscow"),
            )
        ],
    ),
    (
        "Drones struck an airfield near Morozovsk, around 250 kilometers from the front line.",
        [
            expect(
                "around 250 kilometers",
                250,
                "km",
                250,
                hedge="around",
                target="Morozovsk airfield",
                **ref_front(),
            )
        ],
    ),
    (
        "The Tatarstan city of Yelabuga, approximately 1,200 km (750 miles) from the Ukrainian border, "
        "assembles attack drones.",
        [
            expect(
                "approximately 1,200 km (750 miles)",
                1200,
                "km",
                1200,
                hedge="approximately",
                target="Yelabuga",
                conversion=(750, "mi"),
                **ref_ua_border(),
            )
        ],
    ),
    (
        "Novorossiysk lies nearly 500 km from Ukraine's border.",
        [expect("nearly 500 km", 500, "km", 500, hedge="nearly", target="Novorossiysk", **ref_ua_border())],
    ),
    (
        "A long-range drone reached Tyumen, almost 2,000 kilometres from the border.",
        [
            expect(
                "almost 2,000 kilometres", 2000, "km", 2000, hedge="almost", target="Tyumen", **ref_border()
            )
        ],
    ),
    (
        "Kyiv says its drones have struck targets more than 1,500 km from the front.",
        [expect("more than 1,500 km", 1500, "km", 1500, hedge="more than", **ref_front())],
    ),
    (
        "The drone flew over 800 km before it was brought down.",
        [expect("over 800 km", 800, "km", 800, hedge="over", kind="route_distance")],
    ),
    (
        "Targets at least 1,000 km inside Russia are now within reach, a commander said.",
        [
            expect(
                "at least 1,000 km",
                1000,
                "km",
                1000,
                hedge="at least",
                reference="the Russian border",
                reference_kind="border",
            )
        ],
    ),
    (
        "The port of Ust-Luga, less than 150 km from Estonia, was attacked again.",
        [
            expect(
                "less than 150 km",
                150,
                "km",
                150,
                hedge="less than",
                target="Ust-Luga",
                reference="the Estonian border",  # a country's name as a reference is its border
                reference_kind="border",
            )
        ],
    ),
    (
        "Belgorod, under 40 km from the border with Ukraine, is shelled almost daily.",
        [expect("under 40 km", 40, "km", 40, hedge="under", target="Belgorod", **ref_ua_border())],
    ),
    (
        "The new drones can hit depots up to 1,800 miles (2,900 km) from Ukrainian territory.",
        [
            expect(
                "up to 1,800 miles (2,900 km)",
                1800,
                "mi",
                1800 * MI,
                hedge="up to",
                kind="weapon_range",
                conversion=(2900, "km"),
                **ref_ukraine(),
            )
        ],
    ),
    (
        "Voronezh sits just over 200 km from the Ukrainian border.",
        [expect("just over 200 km", 200, "km", 200, hedge="just over", target="Voronezh", **ref_ua_border())],
    ),
    (
        "The airfield at Millerovo is just under 20 miles (32 km) from the border.",
        [
            expect(
                "just under 20 miles (32 km)",
                20,
                "mi",
                20 * MI,
                hedge="just under",
                target="Millerovo",
                conversion=(32, "km"),
                **ref_border(),
            )
        ],
    ),
    (
        "Some 600 kilometers from the front, the depot burned for two days.",
        [expect("Some 600 kilometers", 600, "km", 600, hedge="some", **ref_front())],
    ),
    # --- unit spellings and figure formats ---------------------------------------------------------
    ("Kursk is 90 kms from Sumy.", [expect("90 kms", 90, "km", 90, target="Kursk", **ref_place("Sumy"))]),
    (
        "The Saky airfield lies 200 kilometres (124 miles) north-west of Sevastopol.",
        [
            expect(
                "200 kilometres (124 miles)",
                200,
                "km",
                200,
                target="Saky airfield",
                direction="NW",
                conversion=(124, "mi"),
                **ref_place("Sevastopol"),
            )
        ],
    ),
    (
        "A shell fell 1 kilometer from Enerhodar.",
        [expect("1 kilometer", 1, "km", 1, **ref_place("Enerhodar"))],
    ),
    (
        "The tanker sank 1 mile off Kerch.",
        [expect("1 mile", 1, "mi", MI, kind="position_report", **ref_place("Kerch"))],
    ),
    (
        "Adler is 20 mi (32 km) southeast of Sochi.",
        [
            expect(
                "20 mi (32 km)",
                20,
                "mi",
                20 * MI,
                target="Adler",
                direction="SE",
                conversion=(32, "km"),
                **ref_place("Sochi"),
            )
        ],
    ),
    (
        "The frigate was 60 nautical miles south of Sevastopol.",
        [
            expect(
                "60 nautical miles",
                60,
                "nmi",
                60 * NMI,
                direction="S",
                kind="position_report",
                **ref_place("Sevastopol"),
            )
        ],
    ),
    (
        "A patrol boat was hit 40 nmi west of Crimea.",
        [expect("40 nmi", 40, "nmi", 40 * NMI, direction="W", kind="position_report", **ref_place("Crimea"))],
    ),
    (
        "A Ukrainian drone made an 800-mile flight from Sumy to Kazan.",
        [expect("800-mile", 800, "mi", 800 * MI, target="Kazan", kind="route_distance", **ref_place("Sumy"))],
    ),
    (
        "Planners mapped a 1,300-kilometer route from Kharkiv to Izhevsk.",
        [
            expect(
                "1,300-kilometer",
                1300,
                "km",
                1300,
                target="Izhevsk",
                kind="route_distance",
                **ref_place("Kharkiv"),
            )
        ],
    ),
    (
        "Drones reached Cheboksary, 1 300 km from the front line.",
        [expect("1 300 km", 1300, "km", 1300, target="Cheboksary", **ref_front())],
    ),
    (
        "Drones reached Cheboksary, 1\u202f300\u00a0km from the front line.",
        [expect("1\u202f300\u00a0km", 1300, "km", 1300, target="Cheboksary", **ref_front())],
    ),
    (
        "A plant in Ufa, 1\u2009350 km from Ukraine, was hit.",
        [expect("1\u2009350 km", 1350, "km", 1350, target="Ufa", **ref_ukraine())],
    ),
    (
        "The refinery in Salavat, 1.300 km from Ukraine, was hit.",
        [expect("1.300 km", 1300, "km", 1300, target="Salavat", **ref_ukraine())],
    ),
    (
        "Kupiansk is 2.5 km from the front line.",
        [expect("2.5 km", 2.5, "km", 2.5, target="Kupiansk", **ref_front())],
    ),
    (
        "Drones hit Kazan, 1,250km from Ukraine.",
        [expect("1,250km", 1250, "km", 1250, target="Kazan", **ref_ukraine())],
    ),
    (
        "Chelyabinsk lies approx. 1,800 Kilometers from Ukraine.",
        [
            expect(
                "approx. 1,800 Kilometers",
                1800,
                "km",
                1800,
                hedge="approximately",
                target="Chelyabinsk",
                **ref_ukraine(),
            )
        ],
    ),
    # --- ranges ------------------------------------------------------------------------------------
    (
        "Cheboksary is 1,200-1,300 km from the border.",
        [
            expect(
                "1,200-1,300 km",
                1250,
                "km",
                1250,
                hedge="range",
                target="Cheboksary",
                low_high=(1200, 1300),
                **ref_border(),
            )
        ],
    ),
    (
        "Drones struck Saratov, between 800 and 900 km from the front line.",
        [
            expect(
                "between 800 and 900 km",
                850,
                "km",
                850,
                hedge="range",
                target="Saratov",
                low_high=(800, 900),
                **ref_front(),
            )
        ],
    ),
    # --- conversions: miles first, wrong ones kept, ", or" -----------------------------------------
    (
        "Ukhta lies roughly 1,090 miles (1,750 kilometers) from Ukraine.",
        [
            expect(
                "roughly 1,090 miles (1,750 kilometers)",
                1090,
                "mi",
                1090 * MI,
                hedge="roughly",
                target="Ukhta",
                conversion=(1750, "km"),
                **ref_ukraine(),
            )
        ],
    ),
    (
        "Perm is 1,500 km (1,200 miles) from the Ukrainian border.",
        [
            expect(
                "1,500 km (1,200 miles)",
                1500,
                "km",
                1500,
                target="Perm",
                conversion=(1200, "mi"),
                **ref_ua_border(),
            )
        ],
    ),
    (
        "Orenburg lies 1,400 kilometers, or about 870 miles, from Ukraine.",
        [
            expect(
                "1,400 kilometers, or about 870 miles",
                1400,
                "km",
                1400,
                target="Orenburg",
                conversion=(870, "mi"),
                **ref_ukraine(),
            )
        ],
    ),
    # --- directions --------------------------------------------------------------------------------
    (
        "Yaroslavl sits roughly 250 km northeast of Moscow.",
        [
            expect(
                "roughly 250 km",
                250,
                "km",
                250,
                hedge="roughly",
                target="Yaroslavl",
                direction="NE",
                **ref_place("Moscow"),
            )
        ],
    ),
    (
        "Sevastopol is about 250 km to the south-southwest of Kherson.",
        [
            expect(
                "about 250 km",
                250,
                "km",
                250,
                hedge="about",
                target="Sevastopol",
                direction="SSW",
                **ref_place("Kherson"),
            )
        ],
    ),
    (
        "Bryansk, 100 km north-east of the Ukrainian border, was hit.",
        [expect("100 km", 100, "km", 100, target="Bryansk", direction="NE", **ref_ua_border())],
    ),
    (
        "Kazan is 720 km east-northeast of the Russian capital.",
        [expect("720 km", 720, "km", 720, target="Kazan", direction="ENE", **ref_place("Moscow"))],
    ),
    # --- lengths of lines --------------------------------------------------------------------------
    (
        "Russian troops are pressing along the roughly 1,100-kilometer (680-mile) front line.",
        [
            expect(
                "roughly 1,100-kilometer (680-mile)",
                1100,
                "km",
                1100,
                hedge="roughly",
                conversion=(680, "mi"),
                **FRONT_LENGTH,
            )
        ],
    ),
    (
        "Soldiers hold a 1,150-km frontline from Kharkiv to Kherson.",
        [expect("1,150-km", 1150, "km", 1150, **FRONT_LENGTH)],
    ),
    (
        "The front line stretches for some 1,000 km across four regions.",
        [expect("some 1,000 km", 1000, "km", 1000, hedge="some", **FRONT_LENGTH)],
    ),
    (
        "The contact line runs for nearly 1,200 kilometres through the east.",
        [expect("nearly 1,200 kilometres", 1200, "km", 1200, hedge="nearly", **FRONT_LENGTH)],
    ),
    (
        "Russia's 2,300-kilometre border with Ukraine is hard to guard.",
        [expect("2,300-kilometre", 2300, "km", 2300, **BORDER_LENGTH)],
    ),
    (
        "The front, some 1,000 km long, has barely moved this year.",
        [expect("some 1,000 km", 1000, "km", 1000, hedge="some", **FRONT_LENGTH)],
    ),
    # --- two claims in one sentence ------------------------------------------------------------------
    (
        "Kazan lies 800 km east of Moscow and about 1,200 km from the Ukrainian border.",
        [
            expect("800 km", 800, "km", 800, target="Kazan", direction="E", **ref_place("Moscow")),
            expect("about 1,200 km", 1200, "km", 1200, hedge="about", target="Kazan", **ref_ua_border()),
        ],
    ),
    (
        "Drones hit Tuapse, 350 km from the front, and Novorossiysk, 450 km from the border.",
        [
            expect("350 km", 350, "km", 350, target="Tuapse", **ref_front()),
            expect("450 km", 450, "km", 450, target="Novorossiysk", **ref_border()),
        ],
    ),
    # --- target names: before the figure, subject, multi-word, hyphenated --------------------------
    (
        "A drone struck a chemical plant in Naberezhnye Chelny, some 1,200 km from Ukraine.",
        [
            expect(
                "some 1,200 km", 1200, "km", 1200, hedge="some", target="Naberezhnye Chelny", **ref_ukraine()
            )
        ],
    ),
    (
        "Rostov-on-Don lies about 100 km from the border with Ukraine.",
        [expect("about 100 km", 100, "km", 100, hedge="about", target="Rostov-on-Don", **ref_ua_border())],
    ),
    (
        "Nizhny Novgorod sits roughly 400 km (250 miles) east of Moscow.",
        [
            expect(
                "roughly 400 km (250 miles)",
                400,
                "km",
                400,
                hedge="roughly",
                target="Nizhny Novgorod",
                direction="E",
                conversion=(250, "mi"),
                **ref_place("Moscow"),
            )
        ],
    ),
    (
        "On Sunday, drones targeted St. Petersburg, almost 900 kilometers north of the border.",
        [
            expect(
                "almost 900 kilometers",
                900,
                "km",
                900,
                hedge="almost",
                target="St. Petersburg",
                direction="N",
                **ref_border(),
            )
        ],
    ),
    (
        "Strikes hit the Engels-2 air base, 600 km from the front.",
        [expect("600 km", 600, "km", 600, target="Engels-2 air base", **ref_front())],
    ),
    (
        "The city of Izhevsk, home to an arms plant, is located 1,250 km from the Ukrainian border.",
        [expect("1,250 km", 1250, "km", 1250, target="Izhevsk", **ref_ua_border())],
    ),
    (
        "Kirov, which lies some 900 km from the front, hosts a drone plant.",
        [expect("some 900 km", 900, "km", 900, hedge="some", target="Kirov", **ref_front())],
    ),
    (
        "In May, Ukrainian drones hit a depot in Russia’s Bryansk region, less than 100 km from Ukraine.",
        [
            expect(
                "less than 100 km",
                100,
                "km",
                100,
                hedge="less than",
                target="Bryansk region",
                **ref_ukraine(),
            )
        ],
    ),
    (
        "Ukrainian forces say Tuapse, at least 300 km (190 mi) behind the front lines, was struck.",
        [
            expect(
                "at least 300 km (190 mi)",
                300,
                "km",
                300,
                hedge="at least",
                target="Tuapse",
                conversion=(190, "mi"),
                **ref_front(),
            )
        ],
    ),
    (
        "Moscow officials say the drones were launched 500 km from Kursk.",
        [expect("500 km", 500, "km", 500, **ref_place("Kursk"))],
    ),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_claims_in_one_sentence(sentence, expected):
    claims = extract_claims(sentence)
    assert len(claims) == len(expected), [c.phrase for c in claims]
    for claim, want in zip(claims, expected, strict=True):
        assert claim.sentence_span == (0, len(sentence))
        assert claim.text == sentence
        assert_claim(claim, sentence, want)


NOT_CLAIMS = [
    "Russia fired 479 drones and 20 missiles on June 9, 2025, the air force said.",
    "The drones cruised at 120 km/h over an area of 3,000 square kilometers.",
    "The jets flew at 900 kilometers per hour, or about 560 mph.",
    "The reservoir covers 2,155 km2 and the park 400 sq km.",
    "The drone was flying at 3 km altitude, then climbed 4 km high.",
    "Ukraine said 5,438 attack drones were launched in June, up from 4,198 in May.",
]


@pytest.mark.parametrize("sentence", NOT_CLAIMS, ids=[s[:40] for s in NOT_CLAIMS])
def test_numbers_that_are_not_distances_are_ignored(sentence):
    assert extract_claims(sentence) == []


WEAPON_RANGES = [
    ("The Oreshnik missile has a range of 5,000 km, officials said.", ["5,000 km"]),
    ("A 1,500-km range drone was shown at the fair, with a 300 km radius of action.", ["1,500-km", "300 km"]),
    ("Such missiles can strike targets as far as 300 km away.", ["as far as 300 km"]),
]


@pytest.mark.parametrize("sentence, phrases", WEAPON_RANGES, ids=[s[:40] for s, _ in WEAPON_RANGES])
def test_weapon_ranges_are_classified_not_judged(sentence, phrases):
    claims = extract_claims(sentence)
    assert [c.phrase for c in claims] == phrases
    assert {c.kind for c in claims} == {"weapon_range"}


def test_text_without_claims_gives_empty_list():
    assert extract_claims("Officials gave no figures.\n\nThe investigation continues.") == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_text_is_a_clear_error(text):
    with pytest.raises(EmptyInputError, match="text is empty") as info:
        extract_claims(text)
    assert isinstance(info.value, GeoError)


MULTI_PARAGRAPH = (
    "KHARKIV, Ukraine (AP) — Ukrainian drones set fire to an oil terminal in Primorsk overnight, "
    "officials said Dr. Petrov confirmed it.\n"
    "\n"
    "Primorsk, a Baltic port roughly 1,000 kilometers (620 miles) from the Ukrainian border, ships crude "
    "abroad. No one was hurt.\n"
    "\n"
    "Russia says its forces advanced on the 1,200-km front line. In the U.S. Congress, aid was debated.\n"
    "\n"
    "Separately, a drone hit Voronezh, some 250 km northeast of Kharkiv."
)


def test_multi_paragraph_text_spans_point_into_the_full_text():
    claims = extract_claims(MULTI_PARAGRAPH)
    assert [c.phrase for c in claims] == [
        "roughly 1,000 kilometers (620 miles)",
        "1,200-km",
        "some 250 km",
    ]
    first, second, third = claims
    assert_claim(
        first,
        MULTI_PARAGRAPH,
        expect(
            "roughly 1,000 kilometers (620 miles)",
            1000,
            "km",
            1000,
            hedge="roughly",
            target="Primorsk",
            conversion=(620, "mi"),
            **ref_ua_border(),
        ),
    )
    assert_claim(second, MULTI_PARAGRAPH, expect("1,200-km", 1200, "km", 1200, **FRONT_LENGTH))
    assert_claim(
        third,
        MULTI_PARAGRAPH,
        expect(
            "some 250 km",
            250,
            "km",
            250,
            hedge="some",
            target="Voronezh",
            direction="NE",
            **ref_place("Kharkiv"),
        ),
    )
    assert first.text.startswith("Primorsk, a Baltic port") and first.text.endswith("abroad.")
    assert second.text == "Russia says its forces advanced on the 1,200-km front line."
    assert third.text == "Separately, a drone hit Voronezh, some 250 km northeast of Kharkiv."
    start = MULTI_PARAGRAPH.index("roughly 1,000")
    assert first.span == (start, start + len("roughly 1,000 kilometers (620 miles)"))
    assert third.span[1] == MULTI_PARAGRAPH.index(" northeast of Kharkiv")


@pytest.mark.parametrize(
    "sentence, step, precision_km",
    [
        ("Izhevsk lies 1,287 km from Ukraine.", 1, 1),
        ("Izhevsk lies 1,300 km from Ukraine.", 100, 100),
        ("Izhevsk lies 1.300 km from Ukraine.", 100, 100),
        ("Izhevsk lies 1 000 km from Ukraine.", 100, 100),
        ("Izhevsk lies 10,000 km from Ukraine.", 1000, 1000),
        ("Izhevsk lies 620 km from Ukraine.", 10, 10),
        ("Izhevsk lies 50 km from Ukraine.", 10, 10),
        ("Izhevsk lies 1.5 km from Ukraine.", 0.1, 0.1),
        ("Izhevsk lies 1,287 miles from Ukraine.", 1, MI),
        ("Izhevsk lies 1,300 nautical miles from Ukraine.", 100, 100 * NMI),
        ("Izhevsk lies 1,250-1,300 km from Ukraine.", 100, 100),
    ],
)
def test_figure_step_follows_the_project_rule(sentence, step, precision_km):
    """The step is geo.core.units.figure_step of the figure in the claim's unit; precision is it in km."""
    [claim] = extract_claims(sentence)
    assert claim.figure_step == pytest.approx(step)
    assert claim.figure_precision_km == pytest.approx(precision_km)


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Russian troops are 10 km from Pokrovsk.", "Pokrovsk"),
        ("Russian forces advanced to within 3 miles of Pokrovsk.", "Pokrovsk"),
        ("The front line is now 15 km from Zaporizhzhia.", "Zaporizhzhia"),
        ("Fighting is raging some 20 km from Kostiantynivka.", "Kostiantynivka"),
    ],
)
def test_the_front_as_subject_measures_the_town_from_the_front_line(sentence, target):
    [claim] = extract_claims(sentence)
    assert (claim.target, claim.reference, claim.reference_kind) == (target, "the front line", "frontline")


def test_a_list_with_its_unit_and_reference_in_the_header_gives_each_row_a_claim():
    text = (
        "Distance from the Russian border, in kilometres:\nShostka 44\nKonotop 69\n\nOfficials said 12 died."
    )
    claims = extract_claims(text)
    assert [(c.target, c.figure, c.unit, c.reference, c.reference_kind) for c in claims] == [
        ("Shostka", 44.0, "km", "the Russian border", "border"),
        ("Konotop", 69.0, "km", "the Russian border", "border"),
    ]
    assert [text[s:e] for s, e in (c.span for c in claims)] == ["44", "69"]
    miles = extract_claims("Distances to the front line (miles):\n- Sloviansk: 19\n")
    assert [(c.target, round(c.claimed_km, 3)) for c in miles] == [("Sloviansk", round(19 * 1.609344, 3))]
