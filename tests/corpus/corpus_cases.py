"""The corpus cases, written for this project (no sentence is copied from published reporting).

A case is ``(id, shape, date, text, [claims])``; a claim is made with :func:`K`:

- ``fig_text``: a substring of the text that identifies the claim (the extracted span must contain it);
- ``expected``: consistent / overstated / understated / unverifiable / no_verdict;
- ``target``: a name in :mod:`corpus_places` (None for an unknown or ambiguous place and non-claims);
- ``ref``: ``"UA"`` (Ukraine), ``"b:RU"`` (a country's border), ``"front"`` or a place name;
- ``fig``: :func:`F` — the figure as written (value, unit, a range's high end, a bound);
- ``cls``: distance / length / weapon_range / route_distance / position_report / not_a_claim;
- ``frm``: where the target is named: sentence / previous_sentence / headline;
- ``dir``: the compass direction the text gives for a place reference (checked against the bearing).
"""

from __future__ import annotations


def F(value: float, unit: str = "km", high: float | None = None, bound: str | None = None) -> dict:
    """A written figure: ``bound`` is "lower" ("more than") or "upper" ("less than", "within")."""
    fig: dict = {"value": value, "unit": unit}
    if high is not None:
        fig["high"] = high
    if bound:
        fig["bound"] = bound
    return fig


def K(
    fig_text: str, expected: str, target=None, ref=None, fig=None, cls="distance", frm="sentence", dir=None
):  # noqa: A002
    """One expected claim (see the module docstring)."""
    return {
        "fig_text": fig_text,
        "expected": expected,
        "target": target,
        "ref": ref,
        "fig": fig,
        "cls": cls,
        "frm": frm,
        "dir": dir,
    }


C, OV, U, UV, NV = "consistent", "overstated", "understated", "unverifiable", "no_verdict"
P = "previous_sentence"
H = "headline"

CASES = [
    # --- pronouns and nouns referring back ---------------------------------------------------------
    (
        "pron-izhevsk-city",
        "pronoun",
        "2025-07-01",
        "Drones struck a defence plant in Izhevsk overnight, regional officials said. "
        "The city is about 1,200 km from the Ukrainian border.",
        [K("about 1,200 km", C, "Izhevsk", "b:UA", F(1200), frm=P)],
    ),
    (
        "pron-engels-base",
        "pronoun",
        "2024-05-20",
        "Ukraine's military said it had hit Engels-2 air base overnight. "
        "The base lies roughly 480 km from the Ukrainian border.",
        [K("roughly 480 km", C, "Engels-2 air base", "b:UA", F(480), frm=P)],
    ),
    (
        "pron-ryazan-refinery",
        "pronoun",
        "2025-01-15",
        "A fire broke out at the Ryazan refinery after a drone attack on Friday. "
        "The refinery is around 460 km from Ukraine.",
        [K("around 460 km", C, "Ryazan refinery", "UA", F(460), frm=P)],
    ),
    (
        "pron-kursk-city",
        "pronoun",
        "2025-02-03",
        "Officials in Kursk reported damage to a power substation. "
        "The city is less than 100 km from the border.",
        [K("less than 100 km", C, "Kursk", "b:UA", F(100, bound="upper"), frm=P)],
    ),
    (
        "pron-tula-wrong",
        "pronoun",
        "2025-03-11",
        "Local media showed smoke rising over Tula on Tuesday morning. It is about 150 km from Ukraine.",
        [K("about 150 km", U, "Tula", "UA", F(150), frm=P)],
    ),
    (
        "pron-shaykovka",
        "pronoun",
        "2024-10-02",
        "Russia keeps long-range bombers at Shaykovka air base in the Kaluga region. "
        "It is some 210 km from the Ukrainian border.",
        [K("some 210 km", C, "Shaykovka air base", "b:UA", F(210), frm=P)],
    ),
    (
        "pron-yelabuga",
        "pronoun",
        "2024-04-02",
        "Drones reached Yelabuga in Tatarstan for the first time this week. "
        "The town lies more than 1,000 km from Ukraine.",
        [K("more than 1,000 km", C, "Yelabuga", "UA", F(1000, bound="lower"), frm=P)],
    ),
    (
        "pron-olenya-they",
        "pronoun",
        "2025-06-01",
        "Satellite images show several Tu-95 bombers parked at Olenya air base on the Kola peninsula. "
        "They are about 1,750 km from the Ukrainian border.",
        [K("about 1,750 km", C, "Olenya air base", "b:UA", F(1750), frm=P)],
    ),
    (
        "pron-kstovo-town",
        "pronoun",
        "2025-01-29",
        "Ukrainian drones reached Kstovo, home to one of Russia's largest refineries. "
        "The town is roughly 780 km from the border.",
        [K("roughly 780 km", C, "Kstovo", "b:UA", F(780), frm=P)],
    ),
    (
        "pron-bryansk-wrong",
        "pronoun",
        "2025-05-14",
        "Thick smoke hung over Bryansk after the overnight attack. "
        "The city is about 400 km from the Ukrainian border.",
        [K("about 400 km", OV, "Bryansk", "b:UA", F(400), frm=P)],
    ),
    (
        "pron-novokuibyshevsk-plant",
        "pronoun",
        "2024-03-16",
        "Ukraine says it struck the Novokuibyshevsk refinery near Samara. "
        "The plant is some 790 km from Ukraine.",
        [K("some 790 km", C, "Novokuibyshevsk refinery", "UA", F(790), frm=P)],
    ),
    (
        "pron-orsk-radar-site",
        "pronoun",
        "2024-05-27",
        "A drone damaged the early-warning radar near Orsk, according to Ukrainian sources. "
        "The site is only about 800 km from the Ukrainian border, one report claimed.",
        [K("about 800 km", U, "Orsk radar", "b:UA", F(800), frm=P)],
    ),
    (
        "pron-millerovo-town",
        "pronoun",
        "2024-08-09",
        "An oil depot burned in Millerovo after the attack. "
        "The town is just 25 km from the border with Ukraine.",
        [K("just 25 km", C, "Millerovo", "b:UA", F(25), frm=P)],
    ),
    (
        "pron-syzran-apposition",
        "pronoun",
        "2024-02-03",
        "Firefighters put out a blaze at the Syzran refinery after six hours, the governor wrote. "
        "Officials said the plant, some 700 km from the Ukrainian border, had halted processing.",
        [K("some 700 km", C, "Syzran refinery", "b:UA", F(700), frm=P)],
    ),
    (
        "pron-kirishi-facility",
        "pronoun",
        "2025-03-15",
        "Ukraine hit the Kirishi refinery in the Leningrad region on Sunday. "
        "The facility is about 800 km from the Ukrainian border.",
        [K("about 800 km", C, "Kirishi refinery", "b:UA", F(800), frm=P)],
    ),
    (
        "pron-smolensk-wrong",
        "pronoun",
        "2024-09-01",
        "Drones were shot down over Smolensk overnight, the governor said. "
        "The city lies around 600 km from Ukraine's border.",
        [K("around 600 km", OV, "Smolensk", "b:UA", F(600), frm=P)],
    ),
    (
        "pron-kharkiv-it",
        "pronoun",
        "2024-07-08",
        "Russian glide bombs hit Kharkiv again on Monday. It is only about 35 km from the Russian border.",
        [K("about 35 km", C, "Kharkiv", "b:RU", F(35), frm=P)],
    ),
    (
        "pron-vovchansk-town",
        "pronoun",
        "2024-07-08",
        "Little is left of Vovchansk after weeks of fighting. "
        "The town lies just 6 km from the Russian border.",
        [K("just 6 km", C, "Vovchansk", "b:RU", F(6), frm=P)],
    ),
    (
        "pron-sumy-city",
        "pronoun",
        "2025-04-13",
        "Sumy has been hit by drones almost every night this month. "
        "The city is less than 30 km from the Russian border.",
        [K("less than 30 km", C, "Sumy", "b:RU", F(30, bound="upper"), frm=P)],
    ),
    (
        "pron-toropets-kind",
        "pronoun",
        "2024-09-18",
        "A drone hit a block of flats in Tver, and another struck the Toropets arsenal in the same region. "
        "The arsenal lies about 470 km from the Ukrainian border.",
        [K("about 470 km", C, "Toropets arsenal", "b:UA", F(470), frm=P)],
    ),
    (
        "pron-baltimor-airfield",
        "pronoun",
        "2024-12-10",
        "Officials in Voronezh said debris fell near Voronezh Baltimor air base. "
        "The airfield lies around 180 km from the border.",
        [K("around 180 km", C, "Voronezh Baltimor air base", "b:UA", F(180), frm=P)],
    ),
    (
        "pron-afipsky-kind",
        "pronoun",
        "2025-02-17",
        "Drones were shot down over Krasnodar and Novorossiysk "
        "overnight, and debris fell on the Afipsky refinery. "
        "The refinery is about 180 km from the Ukrainian border.",
        [K("about 180 km", C, "Afipsky refinery", "b:UA", F(180), frm=P)],
    ),
    (
        "pron-alabuga-quote",
        "pronoun",
        "2024-04-02",
        "Moscow confirmed that the drones had targeted Alabuga. "
        '"It is more than 1,000 km from the border," a regional official said.',
        [K("more than 1,000 km", C, "Alabuga", "b:UA", F(1000, bound="lower"), frm=P)],
    ),
    (
        "pron-gomel-wrong",
        "pronoun",
        "2025-01-20",
        "Belarusian troops held exercises near Gomel last week. "
        "The city is some 150 km from the Ukrainian border.",
        [K("some 150 km", OV, "Gomel", "b:UA", F(150), frm=P)],
    ),
    # --- headlines (no full stop) -----------------------------------------------------------------
    (
        "head-ryazan",
        "headline",
        "2025-01-15",
        "Ukrainian drones hit refinery in Ryazan, 180 km south-east of Moscow\n"
        "A fire broke out at the plant early on Wednesday, the regional governor said.",
        [K("180 km", C, "Ryazan", "Moscow", F(180), dir="SE")],
    ),
    (
        "head-tuapse-body",
        "headline",
        "2024-11-22",
        "Drones strike Tuapse refinery on Black Sea coast\n"
        "The plant, about 1,300 km south of Moscow, was set ablaze for the third time this year.",
        [K("about 1,300 km", C, "Tuapse refinery", "Moscow", F(1300), frm=H, dir="S")],
    ),
    (
        "head-belgorod",
        "headline",
        "2024-05-12",
        "Explosions reported in Belgorod, 35 km from Ukrainian border\n"
        "Residents described several loud blasts in the city centre.",
        [K("35 km", C, "Belgorod", "b:UA", F(35))],
    ),
    (
        "head-odesa",
        "headline",
        "2025-03-01",
        "Russian missile hits Odesa port, 440 km south of Kyiv\n"
        "Two cargo ships were damaged, the port authority said.",
        [K("440 km", C, "Odesa", "Kyiv", F(440), dir="S")],
    ),
    (
        "head-kazan-wrong",
        "headline",
        "2024-12-21",
        "Drones hit Kazan, 300 km east of Moscow\n"
        "Flights were suspended at the city's airport for several hours.",
        [K("300 km", U, "Kazan", "Moscow", F(300), dir="E")],
    ),
    (
        "head-morozovsk",
        "headline",
        "2024-04-05",
        "Ukraine strikes Morozovsk air base, 130 km from border\n"
        "Satellite images later showed damage to several buildings.",
        [K("130 km", C, "Morozovsk air base", "b:UA", F(130))],
    ),
    (
        "head-borisoglebsk-body",
        "headline",
        "2024-10-30",
        "Drones target Borisoglebsk air base\n"
        "The base, in Russia's Voronezh region, is about 250 km from the Ukrainian border.",
        [K("about 250 km", C, "Borisoglebsk air base", "b:UA", F(250), frm=H)],
    ),
    (
        "head-saky-body",
        "headline",
        "2024-07-08",
        "Blasts at Saky air base in Crimea\n"
        "The airfield is around 190 km from the front line, a Ukrainian spokesman said.",
        [K("around 190 km", C, "Saky air base", "front", F(190), frm=H)],
    ),
    (
        "head-dyagilevo-colon",
        "headline",
        "2025-03-20",
        "Dyagilevo air base: 460 km from Ukraine, and hit again\n"
        "The base near Ryazan hosts long-range bombers.",
        [K("460 km", C, "Dyagilevo air base", "UA", F(460))],
    ),
    (
        "head-tula-city-body",
        "headline",
        "2025-05-06",
        "Drones target Tula\n"
        "Officials said the city, some 330 km from the border, had been attacked by more than 20 drones.",
        [K("some 330 km", C, "Tula", "b:UA", F(330), frm=H)],
    ),
    # --- appositions ------------------------------------------------------------------------------
    (
        "appo-tuapse-port",
        "apposition",
        "2024-11-22",
        "Tuapse, a Black Sea port some 1,300 km south of Moscow, has been attacked repeatedly.",
        [K("some 1,300 km", C, "Tuapse", "Moscow", F(1300), dir="S")],
    ),
    (
        "appo-engels-volga",
        "apposition",
        "2024-05-20",
        "Engels, home to Russia's strategic bombers, lies on the Volga River in the Saratov region, "
        "about 470 km east of the border.",
        [K("about 470 km", C, "Engels", "b:UA", F(470))],
    ),
    (
        "appo-yaroslavl-refinery",
        "apposition",
        "2025-02-11",
        "Drones also targeted the Yaroslavl refinery, 250 km north-east of Moscow, the governor said.",
        [K("250 km", C, "Yaroslavl refinery", "Moscow", F(250), dir="NE")],
    ),
    (
        "appo-kharkiv-border",
        "apposition",
        "2024-07-08",
        "Kharkiv, some 35 km from the Russian border, came under attack again on Tuesday.",
        [K("some 35 km", C, "Kharkiv", "b:RU", F(35))],
    ),
    (
        "appo-nikopol-front",
        "apposition",
        "2024-07-08",
        "Nikopol, a city across the former reservoir from the nuclear "
        "plant, lies within 5 km of the front line.",
        [K("within 5 km", C, "Nikopol", "front", F(5, bound="upper"))],
    ),
    (
        "appo-dyagilevo",
        "apposition",
        "2025-03-20",
        "Dyagilevo, a long-range aviation base near Ryazan some 460 km from Ukraine, was hit again.",
        [K("some 460 km", C, "Dyagilevo air base", "UA", F(460))],
    ),
    (
        "appo-pokrovsk-donetsk",
        "apposition",
        "2024-07-08",
        "Pokrovsk, a logistics hub about 55 km north-west of Donetsk, is now Russia's main target.",
        [K("about 55 km", C, "Pokrovsk", "Donetsk", F(55), dir="NW")],
    ),
    (
        "appo-olenya",
        "apposition",
        "2025-06-01",
        "Olenya, an air base in the Murmansk region nearly 1,800 km from Ukraine, was among the targets.",
        [K("nearly 1,800 km", C, "Olenya air base", "UA", F(1800))],
    ),
    (
        "appo-taganrog",
        "apposition",
        "2024-08-03",
        "Taganrog, a port on the Sea of Azov about 45 km from the Ukrainian border, "
        "is home to an aircraft plant.",
        [K("about 45 km", C, "Taganrog", "b:UA", F(45))],
    ),
    (
        "appo-voronezh-wrong",
        "apposition",
        "2024-06-20",
        "Voronezh, a city of a million people only about 60 km from "
        "the Ukrainian border, reported drone debris.",
        [K("about 60 km", U, "Voronezh", "b:UA", F(60))],
    ),
    # --- relative clauses -------------------------------------------------------------------------
    (
        "rel-millerovo-base",
        "relative",
        "2024-08-09",
        "The strike hit Millerovo air base, which is only 20 km from the Ukrainian border.",
        [K("only 20 km", C, "Millerovo air base", "b:UA", F(20))],
    ),
    (
        "rel-novoshakhtinsk",
        "relative",
        "2024-03-12",
        "Drones also hit Novoshakhtinsk, which is about 15 km from the border.",
        [K("about 15 km", C, "Novoshakhtinsk", "b:UA", F(15))],
    ),
    (
        "rel-marinovka",
        "relative",
        "2024-08-15",
        "The attack targeted Marinovka air base, which Russia uses for bombing raids and which lies "
        "about 280 km from the Ukrainian border.",
        [K("about 280 km", C, "Marinovka air base", "b:UA", F(280))],
    ),
    (
        "rel-chernihiv",
        "relative",
        "2025-01-05",
        "Residents of Chernihiv, which lies about 70 km from the "
        "Russian border, spent the night in shelters.",
        [K("about 70 km", C, "Chernihiv", "b:RU", F(70))],
    ),
    (
        "rel-kostiantynivka",
        "relative",
        "2025-07-01",
        "Soldiers in Kostiantynivka, which is now less than 10 km from the front line, "
        "say drones hunt anything that moves.",
        [K("less than 10 km", C, "Kostiantynivka", "front", F(10, bound="upper"))],
    ),
    (
        "rel-dnipro-wrong",
        "relative",
        "2024-07-08",
        "Volunteers helped people leave Dnipro, which they said was only 20 km from the front line.",
        [K("only 20 km", U, "Dnipro", "front", F(20))],
    ),
    (
        "rel-izhevsk-moscow",
        "relative",
        "2025-07-01",
        "Izhevsk, where the rifles are made and which lies about 1,000 km east of Moscow, was hit twice.",
        [K("about 1,000 km", C, "Izhevsk", "Moscow", F(1000), dir="E")],
    ),
    (
        "rel-alabuga-moscow",
        "relative",
        "2024-04-02",
        "The Alabuga zone, where drones are assembled, is some 900 km from Moscow.",
        [K("some 900 km", C, "Alabuga", "Moscow", F(900))],
    ),
    (
        "rel-lipetsk-base",
        "relative",
        "2024-02-21",
        "Lipetsk air base, which trains Russia's fighter pilots, is approximately 280 km from Ukraine.",
        [K("approximately 280 km", C, "Lipetsk air base", "UA", F(280))],
    ),
    # --- several places in one sentence -----------------------------------------------------------
    (
        "multi-engels-saratov-volga",
        "multi_place",
        "2024-05-20",
        "Engels is located in Russia's Saratov region on the Volga "
        "River, more than 450 km east of the border.",
        [K("more than 450 km", C, "Engels", "b:UA", F(450, bound="lower"))],
    ),
    (
        "multi-voronezh-last",
        "multi_place",
        "2024-06-20",
        "Drones flew past Tambov and Lipetsk before reaching "
        "Voronezh, about 185 km from the Ukrainian border.",
        [K("about 185 km", C, "Voronezh", "b:UA", F(185))],
    ),
    (
        "multi-kaluga-fronted",
        "multi_place",
        "2025-05-07",
        "Located about 160 km south-west of Moscow, Kaluga closed its airport after the attack.",
        [K("about 160 km", C, "Kaluga", "Moscow", F(160), dir="SW")],
    ),
    (
        "multi-bryansk-plant-locators",
        "multi_place",
        "2025-03-19",
        "The Bryansk chemical plant in Seltso, north of Bryansk, is about 115 km from the Ukrainian border, "
        "Ukraine's general staff said.",
        [K("about 115 km", C, "Bryansk chemical plant", "b:UA", F(115))],
    ),
    (
        "multi-millerovo-rostov",
        "multi_place",
        "2024-08-09",
        "In Russia's Rostov region, Millerovo air base, some 200 km north of Rostov-on-Don, was hit.",
        [K("some 200 km", C, "Millerovo air base", "Rostov-on-Don", F(200), dir="N")],
    ),
    (
        "multi-kursk-npp-wrong",
        "multi_place",
        "2024-08-12",
        "The Kursk nuclear plant near Kurchatov, in Russia's Kursk "
        "region, lies about 150 km from the border.",
        [K("about 150 km", OV, "Kursk NPP", "b:UA", F(150))],
    ),
    (
        "multi-shatalovo-smolensk",
        "multi_place",
        "2024-12-15",
        "From Shatalovo air base near Smolensk, about 225 km from Ukraine, Russia flies fighter jets.",
        [K("about 225 km", C, "Shatalovo air base", "UA", F(225))],
    ),
    (
        "multi-afipsky-krasnodar",
        "multi_place",
        "2025-02-17",
        "The Afipsky refinery in the Krasnodar region, about 20 km south-west of Krasnodar, was hit again.",
        [K("about 20 km", C, "Afipsky refinery", "Krasnodar", F(20), dir="SW")],
    ),
    (
        "multi-poltava-kharkiv",
        "multi_place",
        "2025-02-01",
        "On the road between Kyiv and Kharkiv, Poltava lies some 130 km west of Kharkiv.",
        [K("some 130 km", C, "Poltava", "Kharkiv", F(130), dir="W")],
    ),
    (
        "multi-znpp-wrong",
        "multi_place",
        "2024-07-08",
        "Ukraine's Zaporizhzhia nuclear plant, on the Dnipro in occupied Enerhodar, "
        "is about 200 km from Zaporizhzhia city.",
        [K("about 200 km", OV, "Zaporizhzhia NPP", "Zaporizhzhia", F(200))],
    ),
    (
        "multi-two-claims",
        "multi_place",
        "2025-01-29",
        "Kstovo is about 410 km east of Moscow, while Ryazan is roughly 180 km south-east of the capital.",
        [
            K("about 410 km", C, "Kstovo", "Moscow", F(410), dir="E"),
            K("roughly 180 km", C, "Ryazan", "Moscow", F(180), dir="SE"),
        ],
    ),
    # --- lists ------------------------------------------------------------------------------------
    (
        "list-airfields",
        "list",
        "2025-06-01",
        "Airfields hit since 2022, with their distance from the Ukrainian border: Dyagilevo air base "
        "(Ryazan, 460 km), Engels-2 air base (Saratov, 480 km) and Olenya air base (Murmansk, 1,760 km).",
        [
            K("460 km", C, "Dyagilevo air base", "b:UA", F(460)),
            K("480 km", C, "Engels-2 air base", "b:UA", F(480)),
            K("1,760 km", C, "Olenya air base", "b:UA", F(1760)),
        ],
    ),
    (
        "list-refineries",
        "list",
        "2025-02-01",
        "Towns with refineries struck in January, by distance from Ukraine: Kstovo (775 km), "
        "Kirishi (795 km) and Tuapse (235 km).",
        [
            K("775 km", C, "Kstovo", "UA", F(775)),
            K("795 km", C, "Kirishi", "UA", F(795)),
            K("235 km", C, "Tuapse", "UA", F(235)),
        ],
    ),
    (
        "list-wrong-item",
        "list",
        "2024-06-20",
        "Cities hit that night and their distance from the border: Voronezh (185 km), Lipetsk (280 km), "
        "Tambov (150 km).",
        [
            K("185 km", C, "Voronezh", "b:UA", F(185)),
            K("280 km", C, "Lipetsk", "b:UA", F(280)),
            K("150 km", U, "Tambov", "b:UA", F(150)),
        ],
    ),
    (
        "list-from-kyiv",
        "list",
        "2025-03-01",
        "Distances from Kyiv: Lviv 470 km, Odesa 440 km, Kharkiv 410 km.",
        [
            K("470 km", C, "Lviv", "Kyiv", F(470)),
            K("440 km", C, "Odesa", "Kyiv", F(440)),
            K("410 km", C, "Kharkiv", "Kyiv", F(410)),
        ],
    ),
    (
        "list-dash",
        "list",
        "2024-12-01",
        "Bases within reach: Shaykovka - 210 km from the border; Shatalovo - 225 km; Khalino - 100 km.",
        [
            K("210 km", C, "Shaykovka air base", "b:UA", F(210)),
            K("225 km", C, "Shatalovo air base", "b:UA", F(225)),
            K("100 km", C, "Khalino air base", "b:UA", F(100)),
        ],
    ),
    # --- quotes -----------------------------------------------------------------------------------
    (
        "quote-izhevsk",
        "quote",
        "2025-07-01",
        '"Izhevsk is about 1,200 kilometres from our border, and we still reached it," the commander said.',
        [K("about 1,200 kilometres", C, "Izhevsk", "b:UA", F(1200))],
    ),
    (
        "quote-belgorod",
        "quote",
        "2024-05-12",
        '"Belgorod is just 35 km from the border," the governor told reporters.',
        [K("just 35 km", C, "Belgorod", "b:UA", F(35))],
    ),
    (
        "quote-kramatorsk-front",
        "quote",
        "2024-07-08",
        '"Kramatorsk is about 25 kilometres from the front line now," a Ukrainian officer said.',
        [K("about 25 kilometres", C, "Kramatorsk", "front", F(25))],
    ),
    (
        "quote-sumy-wrong",
        "quote",
        "2025-04-13",
        '"Sumy is 200 km from the Russian border, so we thought we were safe," a resident said.',
        [K("200 km", OV, "Sumy", "b:RU", F(200))],
    ),
    (
        "quote-orikhiv",
        "quote",
        "2024-07-08",
        "'The front is 12 kilometres from my house in Orikhiv,' she said.",
        [K("12 kilometres", C, "Orikhiv", "front", F(12))],
    ),
    (
        "quote-single-moscow",
        "quote",
        "2025-05-07",
        "'Moscow is only 450 kilometres from the border,' the analyst said, 'so air defence is stretched.'",
        [K("450 kilometres", C, "Moscow", "b:UA", F(450))],
    ),
    # --- figures in words -------------------------------------------------------------------------
    (
        "words-ten-km-troops",
        "words",
        "2024-07-08",
        "Russian forces are about ten kilometres from Kostiantynivka, Ukrainian officials said.",
        [K("about ten kilometres", C, "Kostiantynivka", "front", F(10))],
    ),
    (
        "words-fifteen-hundred",
        "words",
        "2024-05-27",
        "Orsk lies some fifteen hundred kilometres east of Moscow.",
        [K("some fifteen hundred kilometres", C, "Orsk", "Moscow", F(1500), dir="E")],
    ),
    (
        "words-four-miles",
        "words",
        "2024-07-08",
        "Vovchansk lies barely four miles from the Russian border.",
        [K("barely four miles", C, "Vovchansk", "b:RU", F(4, "mi"))],
    ),
    (
        "words-seven-hundred",
        "words",
        "2024-12-21",
        "Kazan is more than seven hundred kilometres east of Moscow.",
        [K("more than seven hundred kilometres", C, "Kazan", "Moscow", F(700, bound="lower"), dir="E")],
    ),
    (
        "words-twenty-two-miles",
        "words",
        "2024-05-12",
        "The city of Belgorod is about twenty-two miles from the Ukrainian border.",
        [K("about twenty-two miles", C, "Belgorod", "b:UA", F(22, "mi"))],
    ),
    (
        "words-two-hundred-fifty",
        "words",
        "2025-02-11",
        "Yaroslavl lies two hundred and fifty kilometres north-east of Moscow.",
        [K("two hundred and fifty kilometres", C, "Yaroslavl", "Moscow", F(250), dir="NE")],
    ),
    (
        "words-thirty-wrong",
        "words",
        "2025-02-03",
        "Kursk lies about thirty kilometres from the Ukrainian border.",
        [K("about thirty kilometres", U, "Kursk", "b:UA", F(30))],
    ),
    (
        "words-thirty-two-front",
        "words",
        "2024-07-08",
        "Sloviansk is thirty-two kilometres from the front line.",
        [K("thirty-two kilometres", C, "Sloviansk", "front", F(32))],
    ),
    (
        "words-twenty-miles-russia",
        "words",
        "2024-07-08",
        "Kharkiv is just over twenty miles from Russia.",
        [K("just over twenty miles", C, "Kharkiv", "b:RU", F(20, "mi"))],
    ),
    (
        "words-a-thousand",
        "words",
        "2025-06-01",
        "St Petersburg is roughly a thousand kilometres south of Murmansk.",
        [K("roughly a thousand kilometres", C, "Saint Petersburg", "Murmansk", F(1000), dir="S")],
    ),
    (
        "words-a-hundred-miles",
        "words",
        "2025-01-10",
        "Murmansk is a hundred miles from the Finnish border.",
        [K("a hundred miles", C, "Murmansk", "b:FI", F(100, "mi"))],
    ),
    # --- ranges -----------------------------------------------------------------------------------
    (
        "range-engels-miles",
        "range",
        "2024-05-20",
        "Russian bombers at Engels-2 air base are between 300 and 450 miles from Ukraine.",
        [K("between 300 and 450 miles", C, "Engels-2 air base", "UA", F(300, "mi", high=450))],
    ),
    (
        "range-toropets",
        "range",
        "2024-09-18",
        "Toropets, 450-480 km from the Ukrainian border, holds one of Russia's largest arsenals.",
        [K("450-480 km", C, "Toropets arsenal", "b:UA", F(450, high=480))],
    ),
    (
        "range-novokuibyshevsk",
        "range",
        "2024-03-16",
        "The Novokuibyshevsk refinery lies 750 to 800 km from the Ukrainian border.",
        [K("750 to 800 km", C, "Novokuibyshevsk refinery", "b:UA", F(750, high=800))],
    ),
    (
        "range-bryansk-wrong",
        "range",
        "2025-05-14",
        "Bryansk is 250-300 km from the border.",
        [K("250-300 km", OV, "Bryansk", "b:UA", F(250, high=300))],
    ),
    (
        "range-kramatorsk-troops",
        "range",
        "2024-07-08",
        "Russian positions are 20 to 25 km from Kramatorsk.",
        [K("20 to 25 km", C, "Kramatorsk", "front", F(20, high=25))],
    ),
    (
        "range-izhevsk-en-dash",
        "range",
        "2025-07-01",
        "Izhevsk is 1,150–1,250 km from the Ukrainian border.",
        [K("1,150–1,250 km", C, "Izhevsk", "b:UA", F(1150, high=1250))],
    ),
    (
        "range-kazan-wrong",
        "range",
        "2024-12-21",
        "Kazan is between 300 and 400 km from Moscow.",
        [K("between 300 and 400 km", U, "Kazan", "Moscow", F(300, high=400))],
    ),
    # --- miles and conversions --------------------------------------------------------------------
    (
        "miles-kstovo-conv",
        "miles",
        "2025-01-29",
        "Kstovo is about 480 miles (775 km) from Ukraine.",
        [K("about 480 miles (775 km)", C, "Kstovo", "UA", F(480, "mi"))],
    ),
    (
        "miles-smolensk",
        "miles",
        "2024-09-01",
        "Smolensk lies 170 miles from the Ukrainian border.",
        [K("170 miles", C, "Smolensk", "b:UA", F(170, "mi"))],
    ),
    (
        "miles-novorossiysk-conv",
        "miles",
        "2024-05-17",
        "Novorossiysk is about 70 miles (110 km) from Ukraine.",
        [K("about 70 miles (110 km)", C, "Novorossiysk", "UA", F(70, "mi"))],
    ),
    (
        "miles-moscow-wrong",
        "miles",
        "2025-05-07",
        "Moscow lies about 150 miles from the Ukrainian border.",
        [K("about 150 miles", U, "Moscow", "b:UA", F(150, "mi"))],
    ),
    (
        "miles-stpete-finland",
        "miles",
        "2025-01-10",
        "St Petersburg is roughly 90 miles from the Finnish border.",
        [K("roughly 90 miles", C, "Saint Petersburg", "b:FI", F(90, "mi"))],
    ),
    (
        "miles-yaroslavl-conv",
        "miles",
        "2025-02-11",
        "The Yaroslavl refinery is about 700 km (435 miles) from Ukraine.",
        [K("about 700 km (435 miles)", C, "Yaroslavl refinery", "UA", F(700))],
    ),
    (
        "miles-lviv-poland",
        "miles",
        "2025-03-01",
        "Lviv is only about 35 miles from the Polish border.",
        [K("about 35 miles", C, "Lviv", "b:PL", F(35, "mi"))],
    ),
    (
        "miles-izhevsk-conv",
        "miles",
        "2025-07-01",
        "Izhevsk lies some 1,200 kilometers (750 miles) from the Ukrainian border.",
        [K("some 1,200 kilometers (750 miles)", C, "Izhevsk", "b:UA", F(1200))],
    ),
    (
        "miles-mile-adjective",
        "miles",
        "2024-06-20",
        "Voronezh, a 150-mile drive from the border, was hit by debris.",
        [K("150-mile drive", NV, None, None, F(150, "mi"), cls="route_distance")],
    ),
    # --- hedges -----------------------------------------------------------------------------------
    (
        "hedge-mozdok",
        "hedge",
        "2024-11-05",
        "Russia's Mozdok air base, more than 500 km from Ukraine, was hit for the first time.",
        [K("more than 500 km", C, "Mozdok air base", "UA", F(500, bound="lower"))],
    ),
    (
        "hedge-rostov",
        "hedge",
        "2024-08-20",
        "Rostov-on-Don is less than 70 km from the Ukrainian border.",
        [K("less than 70 km", C, "Rostov-on-Don", "b:UA", F(70, bound="upper"))],
    ),
    (
        "hedge-vitebsk",
        "hedge",
        "2025-01-20",
        "Vitebsk is under 350 km from Ukraine.",
        [K("under 350 km", C, "Vitebsk", "UA", F(350, bound="upper"))],
    ),
    (
        "hedge-gomel",
        "hedge",
        "2025-01-20",
        "Gomel is barely 40 km from the Ukrainian border.",
        [K("barely 40 km", C, "Gomel", "b:UA", F(40))],
    ),
    (
        "hedge-tver-wrong",
        "hedge",
        "2024-09-18",
        "Tver is at least 900 km from Ukraine.",
        [K("at least 900 km", OV, "Tver", "UA", F(900, bound="lower"))],
    ),
    (
        "hedge-kaluga",
        "hedge",
        "2025-05-07",
        "Kaluga lies almost 300 km from the border.",
        [K("almost 300 km", C, "Kaluga", "b:UA", F(300))],
    ),
    (
        "hedge-perm-upward",
        "hedge",
        "2025-01-24",
        "Perm is upward of 1,400 km from Ukraine.",
        [K("upward of 1,400 km", C, "Perm", "UA", F(1400, bound="lower"))],
    ),
    (
        "hedge-ufa-approx",
        "hedge",
        "2025-01-24",
        "Ufa is approximately 1,220 kilometres from the Ukrainian border.",
        [K("approximately 1,220 kilometres", C, "Ufa", "b:UA", F(1220))],
    ),
    (
        "hedge-samara-wrong",
        "hedge",
        "2024-03-16",
        "Samara is no more than 400 km from Ukraine.",
        [K("no more than 400 km", U, "Samara", "UA", F(400, bound="upper"))],
    ),
    # --- directions -------------------------------------------------------------------------------
    (
        "dir-saratov-east",
        "direction",
        "2024-05-20",
        "Saratov, 470 km east of the border, has been hit several times.",
        [K("470 km", C, "Saratov", "b:UA", F(470))],
    ),
    (
        "dir-mozyr-north-of-ukraine",
        "direction",
        "2025-01-20",
        "Belarus's Mozyr refinery lies less than 50 km north of Ukraine.",
        [K("less than 50 km", C, "Mozyr refinery", "UA", F(50, bound="upper"))],
    ),
    (
        "dir-voronezh-ne",
        "direction",
        "2024-06-20",
        "Voronezh lies about 185 km north-east of the Ukrainian border.",
        [K("about 185 km", C, "Voronezh", "b:UA", F(185))],
    ),
    (
        "dir-bryansk-ne-ukraine",
        "direction",
        "2025-05-14",
        "Bryansk is about 110 km north-east of Ukraine.",
        [K("about 110 km", C, "Bryansk", "UA", F(110))],
    ),
    (
        "dir-minsk-nw-kyiv",
        "direction",
        "2025-01-20",
        "Minsk is about 430 km north-west of Kyiv.",
        [K("about 430 km", C, "Minsk", "Kyiv", F(430), dir="NW")],
    ),
    (
        "dir-warsaw-west-kyiv",
        "direction",
        "2025-03-01",
        "Warsaw lies some 690 km west of Kyiv.",
        [K("some 690 km", C, "Warsaw", "Kyiv", F(690), dir="W")],
    ),
    (
        "dir-kyiv-moscow-wrong",
        "direction",
        "2025-03-01",
        "Kyiv is about 300 km south-west of Moscow.",
        [K("about 300 km", U, "Kyiv", "Moscow", F(300), dir="SW")],
    ),
    (
        "dir-odesa-chisinau",
        "direction",
        "2025-03-01",
        "Odesa is some 155 km south-east of Chisinau.",
        [K("some 155 km", C, "Odesa", "Chisinau", F(155), dir="SE")],
    ),
    (
        "dir-minsk-north-border",
        "direction",
        "2025-01-20",
        "Minsk lies roughly 240 km north of the Ukrainian border.",
        [K("roughly 240 km", C, "Minsk", "b:UA", F(240))],
    ),
    # --- foreign borders --------------------------------------------------------------------------
    (
        "border-lutsk-poland",
        "foreign_border",
        "2025-03-01",
        "Lutsk, about 85 km from the Polish border, was hit by a missile overnight.",
        [K("about 85 km", C, "Lutsk", "b:PL", F(85))],
    ),
    (
        "border-chernihiv-belarus",
        "foreign_border",
        "2025-01-05",
        "Chernihiv lies less than 50 km from the Belarusian border.",
        [K("less than 50 km", C, "Chernihiv", "b:BY", F(50, bound="upper"))],
    ),
    (
        "border-kyiv-belarus",
        "foreign_border",
        "2025-01-05",
        "Kyiv is about 90 km south of the Belarusian border.",
        [K("about 90 km", C, "Kyiv", "b:BY", F(90))],
    ),
    (
        "border-vyborg-finland",
        "foreign_border",
        "2025-01-10",
        "Vyborg, 30 km from the Finnish border, saw a surge in military traffic.",
        [K("30 km", C, "Vyborg", "b:FI", F(30))],
    ),
    (
        "border-rivne-belarus",
        "foreign_border",
        "2025-01-05",
        "Rivne lies around 130 km from the Belarusian border.",
        [K("around 130 km", C, "Rivne", "b:BY", F(130))],
    ),
    (
        "border-lviv-poland-wrong",
        "foreign_border",
        "2025-03-01",
        "Lviv, some 200 km from the Polish border, has taken in many refugees.",
        [K("some 200 km", OV, "Lviv", "b:PL", F(200))],
    ),
    (
        "border-kupiansk-russia",
        "foreign_border",
        "2024-07-08",
        "Kupiansk, 35 km from the Russian border, was retaken by Ukraine in 2022.",
        [K("35 km", C, "Kupiansk", "b:RU", F(35))],
    ),
    (
        "border-shostka-russia",
        "foreign_border",
        "2025-04-13",
        "Shostka is about 45 km from the Russian border.",
        [K("about 45 km", C, "Shostka", "b:RU", F(45))],
    ),
    (
        "border-okhtyrka-russia",
        "foreign_border",
        "2025-04-13",
        "Okhtyrka, 43 km from the Russian border, lost power after the strike.",
        [K("43 km", C, "Okhtyrka", "b:RU", F(43))],
    ),
    (
        "border-grodno-poland",
        "foreign_border",
        "2025-01-20",
        "Grodno lies less than 20 km from the Polish border.",
        [K("less than 20 km", C, "Grodno", "b:PL", F(20, bound="upper"))],
    ),
    (
        "border-petrozavodsk-finland",
        "foreign_border",
        "2025-01-10",
        "Petrozavodsk is about 180 km from the Finnish border.",
        [K("about 180 km", C, "Petrozavodsk", "b:FI", F(180))],
    ),
    (
        "border-kaliningrad-poland",
        "foreign_border",
        "2025-01-10",
        "Kaliningrad is some 35 km from the Polish border.",
        [K("some 35 km", C, "Kaliningrad", "b:PL", F(35))],
    ),
    (
        "border-konotop-russia",
        "foreign_border",
        "2025-04-13",
        "Konotop is about 70 km from the Russian border.",
        [K("about 70 km", C, "Konotop", "b:RU", F(70))],
    ),
    (
        "border-gomel-russia",
        "foreign_border",
        "2025-01-20",
        "Gomel lies about 40 km from the Russian border.",
        [K("about 40 km", C, "Gomel", "b:RU", F(40))],
    ),
    (
        "border-chernihiv-belarus-wrong",
        "foreign_border",
        "2025-01-05",
        "Chernihiv is 200 km from the Belarusian border.",
        [K("200 km", OV, "Chernihiv", "b:BY", F(200))],
    ),
    (
        "border-poltava-russia",
        "foreign_border",
        "2025-02-01",
        "Poltava is about 115 km from the Russian border.",
        [K("about 115 km", C, "Poltava", "b:RU", F(115))],
    ),
    (
        "border-izium-russia-wrong",
        "foreign_border",
        "2024-07-08",
        "Izium lies some 20 km from the Russian border.",
        [K("some 20 km", U, "Izium", "b:RU", F(20))],
    ),
    # --- the front line ---------------------------------------------------------------------------
    (
        "front-zaporizhzhia",
        "frontline",
        "2024-07-08",
        "Zaporizhzhia is about 35 km from the front line.",
        [K("about 35 km", C, "Zaporizhzhia", "front", F(35))],
    ),
    (
        "front-pokrovsk-troops",
        "frontline",
        "2025-07-01",
        "Russian troops are less than 5 km from Pokrovsk.",
        [K("less than 5 km", C, "Pokrovsk", "front", F(5, bound="upper"))],
    ),
    (
        "front-kupiansk-within-miles",
        "frontline",
        "2025-07-01",
        "Russian units are within 2 miles of Kupiansk.",
        [K("within 2 miles", C, "Kupiansk", "front", F(2, "mi", bound="upper"))],
    ),
    (
        "front-kramatorsk-behind",
        "frontline",
        "2024-07-08",
        "Kramatorsk, 25 km behind the front line, is the region's administrative centre.",
        [K("25 km", C, "Kramatorsk", "front", F(25))],
    ),
    (
        "front-mariupol-forces",
        "frontline",
        "2025-07-01",
        "Mariupol is now about 100 km from the nearest Ukrainian forces.",
        [K("about 100 km", C, "Mariupol", "front", F(100))],
    ),
    (
        "front-donetsk",
        "frontline",
        "2025-07-01",
        "Donetsk, some 40 km from the front line, is shelled less often than before.",
        [K("some 40 km", C, "Donetsk", "front", F(40))],
    ),
    (
        "front-melitopol",
        "frontline",
        "2024-07-08",
        "Melitopol lies about 75 km from the front.",
        [K("about 75 km", C, "Melitopol", "front", F(75))],
    ),
    (
        "front-dnipro-fighting-wrong",
        "frontline",
        "2024-07-08",
        "Dnipro lies just 20 km from the fighting.",
        [K("just 20 km", U, "Dnipro", "front", F(20))],
    ),
    (
        "front-zaporizhzhia-wrong",
        "frontline",
        "2024-07-08",
        "Zaporizhzhia, more than 150 km from the front line, has become a refuge.",
        [K("more than 150 km", OV, "Zaporizhzhia", "front", F(150, bound="lower"))],
    ),
    (
        "front-kryvyi-rih",
        "frontline",
        "2024-07-08",
        "Kryvyi Rih is about 70 km from the front.",
        [K("about 70 km", C, "Kryvyi Rih", "front", F(70))],
    ),
    (
        "front-line-of-contact-2022",
        "frontline",
        "2022-02-23",
        "Kramatorsk lies about 50 km from the line of contact.",
        [K("about 50 km", C, "Kramatorsk", "front", F(50))],
    ),
    (
        "front-before-snapshots",
        "frontline",
        "2021-11-15",
        "Mariupol, about 20 km from the front line, is the largest city near the fighting.",
        [K("about 20 km", UV, "Mariupol", "front", F(20))],
    ),
    (
        "front-border-before-snapshots",
        "date",
        "2021-11-15",
        "Kharkiv lies about 35 km from the Russian border.",
        [K("about 35 km", C, "Kharkiv", "b:RU", F(35))],
    ),
    (
        "front-sloviansk-2025",
        "frontline",
        "2025-07-01",
        "Sloviansk is about 30 km from the front line.",
        [K("about 30 km", C, "Sloviansk", "front", F(30))],
    ),
    (
        "front-dobropillia",
        "frontline",
        "2025-07-01",
        "Russian drones now reach Dobropillia, about 25 km from the front line.",
        [K("about 25 km", C, "Dobropillia", "front", F(25))],
    ),
    (
        "front-pavlohrad-wrong",
        "frontline",
        "2025-07-01",
        "Pavlohrad, about 20 km from the front line, was hit by missiles.",
        [K("about 20 km", U, "Pavlohrad", "front", F(20))],
    ),
    (
        "front-izium",
        "frontline",
        "2025-07-01",
        "Izium is about 40 km from the front line.",
        [K("about 40 km", C, "Izium", "front", F(40))],
    ),
    (
        "front-luhansk-occupied",
        "frontline",
        "2024-07-08",
        "Luhansk lies about 85 km from the front line.",
        [K("about 85 km", C, "Luhansk", "front", F(85))],
    ),
    (
        "front-huliaipole",
        "frontline",
        "2024-07-08",
        "Huliaipole, about 5 km from the front line, has been shelled daily.",
        [K("about 5 km", C, "Huliaipole", "front", F(5))],
    ),
    (
        "front-kharkiv-positions",
        "frontline",
        "2024-07-08",
        "Kharkiv is 30 km from Russian positions.",
        [K("30 km", C, "Kharkiv", "front", F(30))],
    ),
    (
        "front-odesa-positions",
        "frontline",
        "2024-07-08",
        "Odesa lies some 50 km from Russian positions.",
        [K("some 50 km", C, "Odesa", "front", F(50))],
    ),
    (
        "front-stale-date",
        "frontline",
        "2025-09-15",
        "Kramatorsk is about 25 km from the front line.",
        # the newest snapshot on or before 2025-09-15 is 2025-07-01, 76 days older: more than the 60 days
        # a front-line reading may lean on (issue 13), so the claim is unverifiable, not confirmed
        [K("about 25 km", UV, "Kramatorsk", "front", F(25))],
    ),
    (
        "front-mykolaiv",
        "frontline",
        "2024-07-08",
        "Mykolaiv lies about 45 km from Russian-held territory.",
        [K("about 45 km", C, "Mykolaiv", "front", F(45))],
    ),
    # --- place to place ---------------------------------------------------------------------------
    (
        "p2p-kyiv-lviv",
        "place_to_place",
        "2025-03-01",
        "The distance from Kyiv to Lviv is about 470 km.",
        [K("about 470 km", C, "Lviv", "Kyiv", F(470))],
    ),
    (
        "p2p-moscow-kazan",
        "place_to_place",
        "2024-12-21",
        "The distance from Moscow to Kazan is over 700 km.",
        [K("over 700 km", C, "Kazan", "Moscow", F(700, bound="lower"))],
    ),
    (
        "p2p-kharkiv-kyiv",
        "place_to_place",
        "2025-03-01",
        "Kharkiv is roughly 410 km east of Kyiv.",
        [K("roughly 410 km", C, "Kharkiv", "Kyiv", F(410), dir="E")],
    ),
    (
        "p2p-dnipro-kyiv",
        "place_to_place",
        "2025-03-01",
        "Dnipro lies about 395 km south-east of Kyiv.",
        [K("about 395 km", C, "Dnipro", "Kyiv", F(395), dir="SE")],
    ),
    (
        "p2p-odesa-kyiv-wrong",
        "place_to_place",
        "2025-03-01",
        "Odesa is about 800 km from Kyiv.",
        [K("about 800 km", OV, "Odesa", "Kyiv", F(800))],
    ),
    (
        "p2p-tula-moscow",
        "place_to_place",
        "2025-03-11",
        "Tula, 170 km south of Moscow, makes artillery shells.",
        [K("170 km", C, "Tula", "Moscow", F(170), dir="S")],
    ),
    (
        "p2p-voronezh-moscow",
        "place_to_place",
        "2024-06-20",
        "Voronezh, some 470 km south of Moscow, was hit overnight.",
        [K("some 470 km", C, "Voronezh", "Moscow", F(470), dir="S")],
    ),
    (
        "p2p-between",
        "place_to_place",
        "2024-09-25",
        "The distance between Sevastopol and Kerch is about 250 km.",
        [K("about 250 km", C, "Sevastopol", "Kerch", F(250))],
    ),
    (
        "p2p-gomel-kyiv",
        "place_to_place",
        "2025-01-20",
        "Gomel is about 220 km north of Kyiv.",
        [K("about 220 km", C, "Gomel", "Kyiv", F(220), dir="N")],
    ),
    (
        "p2p-tver-moscow",
        "place_to_place",
        "2024-09-18",
        "Tver lies 160 km north-west of Moscow.",
        [K("160 km", C, "Tver", "Moscow", F(160), dir="NW")],
    ),
    (
        "p2p-ukhta-wrong",
        "place_to_place",
        "2025-02-01",
        "Ukhta, where a refinery was hit, is 600 km north-east of Moscow.",
        [K("600 km", U, "Ukhta refinery", "Moscow", F(600), dir="NE")],
    ),
    (
        "p2p-lipetsk-moscow",
        "place_to_place",
        "2024-02-21",
        "Lipetsk, some 370 km south of Moscow, was attacked.",
        [K("some 370 km", C, "Lipetsk", "Moscow", F(370), dir="S")],
    ),
    (
        "p2p-belgorod-kharkiv",
        "place_to_place",
        "2024-05-12",
        "Belgorod is about 75 km north of Kharkiv.",
        [K("about 75 km", C, "Belgorod", "Kharkiv", F(75), dir="N")],
    ),
    (
        "p2p-mariupol-donetsk",
        "place_to_place",
        "2025-07-01",
        "Mariupol, some 105 km south of Donetsk, is being rebuilt by Russia.",
        [K("some 105 km", C, "Mariupol", "Donetsk", F(105), dir="S")],
    ),
    (
        "p2p-helsinki-stpete",
        "place_to_place",
        "2025-01-10",
        "Helsinki is about 300 km west of St Petersburg.",
        [K("about 300 km", C, "Helsinki", "Saint Petersburg", F(300), dir="W")],
    ),
    (
        "p2p-cheboksary-moscow",
        "place_to_place",
        "2024-10-10",
        "The distance from Moscow to Cheboksary is about 600 km.",
        [K("about 600 km", C, "Cheboksary", "Moscow", F(600))],
    ),
    (
        "p2p-kerch-krasnodar-wrong",
        "place_to_place",
        "2024-09-25",
        "Kerch is only 80 km from Krasnodar.",
        [K("only 80 km", U, "Kerch", "Krasnodar", F(80))],
    ),
    # --- non-claims: no definite verdict ----------------------------------------------------------
    (
        "non-atacms",
        "weapon_range",
        "2024-11-19",
        "ATACMS missiles can hit targets up to 300 km away.",
        [K("up to 300 km", NV, cls="weapon_range")],
    ),
    (
        "non-storm-shadow",
        "weapon_range",
        "2024-11-20",
        "The Storm Shadow has a range of more than 250 km.",
        [K("more than 250 km", NV, cls="weapon_range")],
    ),
    (
        "non-drone-range",
        "weapon_range",
        "2025-02-10",
        "Ukraine's long-range drones can fly about 1,000 km.",
        [K("about 1,000 km", NV, cls="weapon_range")],
    ),
    (
        "non-oreshnik-dnipro",
        "weapon_range",
        "2024-11-21",
        "The missile that hit Dnipro can reach targets 5,000 km away, Moscow claims.",
        [K("5,000 km", NV, cls="weapon_range")],
    ),
    (
        "non-iskander-belarus",
        "weapon_range",
        "2023-06-16",
        "Iskander missiles, with a range of 500 km, were moved to Belarus.",
        [K("500 km", NV, cls="weapon_range")],
    ),
    (
        "non-taurus-reach",
        "weapon_range",
        "2024-05-30",
        "Germany's Taurus can strike targets 500 km from where it is launched.",
        [K("500 km", NV, cls="weapon_range")],
    ),
    (
        "non-road-kharkiv-kyiv",
        "route_distance",
        "2025-03-01",
        "The road from Kharkiv to Kyiv is 480 km long.",
        [K("480 km", NV, cls="route_distance")],
    ),
    (
        "non-drones-flew",
        "route_distance",
        "2025-06-01",
        "The drones flew about 1,800 km to reach the base near Murmansk.",
        [K("about 1,800 km", NV, cls="route_distance")],
    ),
    (
        "non-train-journey",
        "route_distance",
        "2024-07-08",
        "Evacuees travelled 1,100 km by train from Kramatorsk to Lviv.",
        [K("1,100 km", NV, cls="route_distance")],
    ),
    (
        "non-convoy",
        "route_distance",
        "2024-07-08",
        "The convoy covered 250 km in a day before reaching Dnipro.",
        [K("250 km", NV, cls="route_distance")],
    ),
    (
        "non-rail-journey",
        "route_distance",
        "2024-11-22",
        "A 1,600-km rail journey links Moscow and Tuapse.",
        [K("1,600-km", NV, cls="route_distance")],
    ),
    (
        "non-tanker-sea",
        "position_report",
        "2024-11-22",
        "The tanker was hit 27 nautical miles south of Tuapse.",
        [K("27 nautical miles", NV, cls="position_report")],
    ),
    (
        "non-patrol-ship",
        "position_report",
        "2024-03-05",
        "A Russian patrol ship was sunk about 40 km off the coast of Crimea.",
        [K("about 40 km", NV, cls="position_report")],
    ),
    (
        "non-vessel-odesa",
        "position_report",
        "2023-08-24",
        "The cargo ship was 12 nautical miles off Odesa when the mine exploded.",
        [K("12 nautical miles", NV, cls="position_report")],
    ),
    (
        "non-bridge-length",
        "length",
        "2024-09-25",
        "The Crimean Bridge is 19 km long.",
        [K("19 km", NV, cls="length")],
    ),
    (
        "non-reservoir-length",
        "length",
        "2023-06-06",
        "The Kakhovka reservoir stretched 240 km along the Dnipro.",
        [K("240 km", NV, cls="length")],
    ),
    (
        "non-queue-length",
        "length",
        "2024-09-25",
        "A queue of cars stretched 10 km at the Kerch bridge.",
        [K("10 km", NV, cls="length")],
    ),
    (
        "non-speed",
        "not_a_claim",
        "2025-02-10",
        "Shahed drones cruise at about 185 km/h over Kharkiv.",
        [K("185 km/h", NV, cls="not_a_claim")],
    ),
    (
        "non-speed-words",
        "not_a_claim",
        "2024-05-30",
        "The Kinzhal flies at up to 3,000 km an hour, Moscow says.",
        [K("3,000 km an hour", NV, cls="not_a_claim")],
    ),
    (
        "non-altitude",
        "not_a_claim",
        "2025-02-03",
        "The drone was flying at an altitude of 3 km over Kursk.",
        [K("3 km", NV, cls="not_a_claim")],
    ),
    (
        "non-advance",
        "not_a_claim",
        "2025-07-01",
        "Russian forces advanced 5 km near Pokrovsk in a week.",
        [K("5 km", NV, cls="not_a_claim")],
    ),
    (
        "non-zone-radius",
        "not_a_claim",
        "2024-07-08",
        "The IAEA wants a 30-km safety zone around the Zaporizhzhia nuclear plant.",
        [K("30-km", NV, cls="not_a_claim")],
    ),
    (
        "non-airspace",
        "not_a_claim",
        "2025-09-10",
        "Some drones crossed into Poland and flew 20 km before they were shot down.",
        [K("20 km", NV, cls="route_distance")],
    ),
    (
        "non-range-from-belarus",
        "weapon_range",
        "2024-06-01",
        "From Belarus, the missiles could reach Kyiv, 90 km from the Belarusian border, within minutes; "
        "their range is 280 km.",
        [K("90 km", C, "Kyiv", "b:BY", F(90)), K("280 km", NV, cls="weapon_range")],
    ),
    # --- places the gazetteer cannot know, and ambiguous names ------------------------------------
    (
        "unknown-zelenyi-pidlisnyk",
        "unknown_place",
        "2025-04-13",
        "The village of Zelenyi Pidlisnyk, about 12 km from the Russian border, was shelled overnight.",
        [K("about 12 km", UV, None, "b:RU", F(12))],
    ),
    (
        "unknown-sosnivka-druha",
        "unknown_place",
        "2025-07-01",
        "Drones hit a substation in Verkhnya Sosnivka-Druha, some 40 km from the front line.",
        [K("some 40 km", UV, None, "front", F(40))],
    ),
    (
        "unknown-kruhlyi-yar",
        "unknown_place",
        "2025-07-01",
        "Residents of Kruhlyi Yar, about 8 km from the front, were told to leave.",
        [K("about 8 km", UV, None, "front", F(8))],
    ),
    (
        "unknown-novo-berezhansk",
        "unknown_place",
        "2025-02-01",
        "The plant in Novo-Berezhansk, 300 km from the border, stopped work after the strike.",
        [K("300 km", UV, None, "b:UA", F(300))],
    ),
    (
        "unknown-ostrovnye-dvory",
        "unknown_place",
        "2025-02-01",
        "The strike hit a fuel depot near the village of Ostrovnye Dvory, roughly 150 km from Ukraine.",
        [K("roughly 150 km", UV, None, "UA", F(150))],
    ),
    (
        "unknown-stepove-ozero-pronoun",
        "unknown_place",
        "2025-07-01",
        "Shelling damaged the school in Stepove Ozero on Monday. The "
        "village is about 15 km from the front line.",
        [K("about 15 km", UV, None, "front", F(15), frm=P)],
    ),
    (
        "ambiguous-oleksandrivka",
        "ambiguous",
        "2025-07-01",
        "Shelling hit Oleksandrivka, about 10 km from the front line.",
        [K("about 10 km", UV, None, "front", F(10))],
    ),
    (
        "ambiguous-novoselivka",
        "ambiguous",
        "2025-07-01",
        "Drones struck Novoselivka, some 20 km from the front line.",
        [K("some 20 km", UV, None, "front", F(20))],
    ),
    (
        "ambiguous-ivanovka",
        "ambiguous",
        "2025-02-01",
        "An oil depot in Ivanovka, about 30 km from the border, caught fire.",
        [K("about 30 km", UV, None, "b:UA", F(30))],
    ),
    (
        "ambiguous-pervomaisk",
        "ambiguous",
        "2025-07-01",
        "Pervomaisk lies about 60 km from the front line.",
        [K("about 60 km", UV, None, "front", F(60))],
    ),
    (
        "ambiguous-petrivka",
        "ambiguous",
        "2025-07-01",
        "A drone hit a house in Petrivka, about 25 km from the front.",
        [K("about 25 km", UV, None, "front", F(25))],
    ),
]

CASES += [
    # --- extension: more pronouns and descriptors -------------------------------------------------
    (
        "pron-kharkiv-descriptor",
        "pronoun",
        "2024-07-08",
        "Russia opened a new offensive towards Kharkiv in May. Located about 35 km from the Russian border, "
        "Ukraine's second-largest city has been bombed almost daily since.",
        [K("about 35 km", C, "Kharkiv", "b:RU", F(35), frm=P)],
    ),
    (
        "pron-sudzha-town",
        "pronoun",
        "2024-08-10",
        "Ukrainian troops entered Sudzha on Tuesday. The town is about 12 km from the border.",
        [K("about 12 km", C, "Sudzha", "b:UA", F(12), frm=P)],
    ),
    (
        "pron-shebekino-it",
        "pronoun",
        "2024-06-01",
        "Shebekino has been shelled for months. It lies less than 10 km from the Ukrainian border.",
        [K("less than 10 km", C, "Shebekino", "b:UA", F(10, bound="upper"), frm=P)],
    ),
    (
        "pron-enerhodar-city",
        "pronoun",
        "2024-07-08",
        "Russian troops still hold Enerhodar, home to the nuclear plant's staff. "
        "The city lies about 7 km from the front line, across the former reservoir.",
        [K("about 7 km", C, "Enerhodar", "front", F(7), frm=P)],
    ),
    (
        "pron-kursk-npp-kind",
        "pronoun",
        "2024-08-22",
        "Drones were shot down near Kurchatov, and debris fell at the Kursk nuclear plant. "
        "The plant lies about 65 km from the Ukrainian border.",
        [K("about 65 km", C, "Kursk NPP", "b:UA", F(65), frm=P)],
    ),
    (
        "pron-tokmak-town",
        "pronoun",
        "2024-07-08",
        "Russia has ringed Tokmak with three lines of trenches. The "
        "town is about 23 km behind the front line.",
        [K("about 23 km", C, "Tokmak", "front", F(23), frm=P)],
    ),
    (
        "pron-klintsy-town",
        "pronoun",
        "2025-03-03",
        "An oil depot burned in Klintsy in the Bryansk region. The "
        "town is about 50 km from the Ukrainian border.",
        [K("about 50 km", C, "Klintsy", "b:UA", F(50), frm=P)],
    ),
    (
        "pron-valuyki-town",
        "pronoun",
        "2024-06-01",
        "Trains were halted at Valuyki after the attack. The town is some 15 km from the border.",
        [K("some 15 km", C, "Valuyki", "b:UA", F(15), frm=P)],
    ),
    (
        "pron-berdiansk-port",
        "pronoun",
        "2025-07-01",
        "Ukraine struck a landing ship in the port of Berdiansk. The "
        "port is about 95 km from the front line.",
        [K("about 95 km", C, "Berdiansk", "front", F(95), frm=P)],
    ),
    (
        "pron-zheleznogorsk-wrong",
        "pronoun",
        "2024-08-22",
        "Power was cut in Zheleznogorsk after the strike. The city "
        "is about 250 km from the Ukrainian border.",
        # GeoNames has two Russian Zheleznogorsks of the same size (Kursk oblast, 97,900; Krasnoyarsk
        # krai, 93,834) and nothing in the text tells them apart: the tool must list both, not guess.
        [K("about 250 km", UV, None, "b:UA", F(250), frm=P)],
    ),
    # --- extension: headlines ---------------------------------------------------------------------
    (
        "head-shebekino",
        "headline",
        "2024-06-01",
        "Evacuation ordered in Shebekino, 8 km from border\nBuses left the town on Friday morning.",
        [K("8 km", C, "Shebekino", "b:UA", F(8))],
    ),
    (
        "head-novozybkov",
        "headline",
        "2025-03-03",
        "Drone downed near Novozybkov, 20 km from Belarusian border\nNo one was hurt, officials said.",
        [K("20 km", C, "Novozybkov", "b:BY", F(20))],
    ),
    (
        "head-kamensk",
        "headline",
        "2024-09-09",
        "Fire at Kamensk-Shakhtinsky fuel depot, 20 km from Ukraine\nThe blaze burned for a day.",
        [K("20 km", C, "Kamensk-Shakhtinsky", "UA", F(20))],
    ),
    (
        "head-izmail-romania",
        "headline",
        "2023-08-16",
        "Drones hit Danube port of Izmail, 3 km from Romanian border\nGrain silos were damaged.",
        [K("3 km", C, "Izmail", "b:RO", F(3))],
    ),
    (
        "head-two-places",
        "headline",
        "2024-08-22",
        "Kursk and Rylsk hit; Rylsk lies 105 km west of Kursk\nThe governor reported damage in both towns.",
        [K("105 km", C, "Rylsk", "Kursk", F(105), dir="W")],
    ),
    # --- extension: appositions with neighbouring countries ---------------------------------------
    (
        "appo-reni-moldova",
        "apposition",
        "2024-09-01",
        "Reni, a Danube port some 6 km from the Moldovan border, was attacked by drones.",
        [K("some 6 km", C, "Reni", "b:MD", F(6))],
    ),
    (
        "appo-chernivtsi-romania",
        "apposition",
        "2025-03-01",
        "Chernivtsi, about 30 km from the Romanian border, has taken in thousands of displaced people.",
        [K("about 30 km", C, "Chernivtsi", "b:RO", F(30))],
    ),
    (
        "appo-mukachevo-hungary",
        "apposition",
        "2025-08-21",
        "Mukachevo, some 30 km from the Hungarian border, was hit by a missile for the first time.",
        [K("some 30 km", C, "Mukachevo", "b:HU", F(30))],
    ),
    (
        "appo-pskov-estonia",
        "apposition",
        "2025-01-10",
        "Pskov, home to an airborne division and about 30 km from the Estonian border, was hit by drones.",
        [K("about 30 km", C, "Pskov", "b:EE", F(30))],
    ),
    (
        "appo-polotsk-latvia",
        "apposition",
        "2025-01-20",
        "Polotsk, some 80 km from the Latvian border, hosts a Belarusian air base.",
        [K("some 80 km", C, "Polotsk", "b:LV", F(80))],
    ),
    (
        "appo-tiraspol-ukraine",
        "apposition",
        "2025-01-20",
        "Tiraspol, the capital of Transnistria, less than 10 km from "
        "the Ukrainian border, lost gas supplies.",
        [K("less than 10 km", C, "Tiraspol", "b:UA", F(10, bound="upper"))],
    ),
    (
        "appo-kovel-poland",
        "apposition",
        "2025-03-01",
        "Kovel, a rail hub about 55 km from the Polish border, was struck overnight.",
        [K("about 55 km", C, "Kovel", "b:PL", F(55))],
    ),
    (
        "appo-feodosia-kerch",
        "apposition",
        "2024-09-25",
        "Feodosia, on Crimea's east coast about 95 km west of Kerch, has a large oil terminal.",
        [K("about 95 km", C, "Feodosia", "Kerch", F(95), dir="W")],
    ),
    # --- extension: relative clauses, words, ranges -----------------------------------------------
    (
        "rel-stary-oskol",
        "relative",
        "2024-06-01",
        "Stary Oskol, where a steel plant employs thousands, lies about 100 km from the border.",
        [K("about 100 km", C, "Stary Oskol", "b:UA", F(100))],
    ),
    (
        "rel-armyansk",
        "relative",
        "2024-07-08",
        "Armyansk, which guards the road into Crimea, is about 80 km from the front line.",
        [K("about 80 km", C, "Armyansk", "front", F(80))],
    ),
    (
        "rel-velyka-novosilka",
        "relative",
        "2024-07-08",
        "Velyka Novosilka, which Russian troops have tried to take for months, lies about 10 km "
        "from the front line.",
        [K("about 10 km", C, "Velyka Novosilka", "front", F(10))],
    ),
    (
        "words-fourteen-miles",
        "words",
        "2025-07-01",
        "Dobropillia lies fourteen miles from the front line.",
        [K("fourteen miles", C, "Dobropillia", "front", F(14, "mi"))],
    ),
    (
        "words-thirteen-miles",
        "words",
        "2025-04-13",
        "Velykyi Burluk is thirteen miles from the Russian border.",
        [K("thirteen miles", C, "Velykyi Burluk", "b:RU", F(13, "mi"))],
    ),
    (
        "words-eight-km",
        "words",
        "2024-07-08",
        "Siversk is about eight kilometres from the front line.",
        [K("about eight kilometres", C, "Siversk", "front", F(8))],
    ),
    (
        "range-rossosh",
        "range",
        "2024-06-01",
        "Rossosh lies 40-50 km from the Ukrainian border.",
        [K("40-50 km", C, "Rossosh", "b:UA", F(40, high=50))],
    ),
    (
        "range-henichesk-wrong",
        "range",
        "2024-07-08",
        "Henichesk is 20-30 km from the front line.",
        [K("20-30 km", U, "Henichesk", "front", F(20, high=30))],
    ),
    # --- extension: several places, quotes --------------------------------------------------------
    (
        "multi-sudzha-kursk",
        "multi_place",
        "2024-08-10",
        "Sudzha, in Russia's Kursk region about 85 km south-west of Kursk, has a gas metering station.",
        [K("about 85 km", C, "Sudzha", "Kursk", F(85), dir="SW")],
    ),
    (
        "multi-dzhankoi-simferopol",
        "multi_place",
        "2024-05-17",
        "The airfield at Dzhankoi, in northern Crimea some 85 km north of Simferopol, was struck.",
        [K("some 85 km", C, "Dzhankoi", "Simferopol", F(85), dir="N")],
    ),
    (
        "multi-orsha-minsk",
        "multi_place",
        "2025-01-20",
        "Orsha, on the Dnieper in Belarus's Vitebsk region, lies about 200 km east of Minsk.",
        [K("about 200 km", C, "Orsha", "Minsk", F(200), dir="E")],
    ),
    (
        "multi-berdiansk-mariupol-wrong",
        "multi_place",
        "2025-07-01",
        "Berdiansk, on the Azov coast in the Zaporizhzhia region, is some 200 km south-west of Mariupol.",
        [K("some 200 km", OV, "Berdiansk", "Mariupol", F(200), dir="SW")],
    ),
    (
        "quote-hlukhiv-russia",
        "quote",
        "2025-04-13",
        '"We are 12 km from Russia here," said a doctor in Hlukhiv.',
        [K("12 km", C, "Hlukhiv", "b:RU", F(12))],
    ),
    (
        "quote-nikopol-away",
        "quote",
        "2024-07-08",
        "'The Russians are 4 km away, across the reservoir,' a soldier said in Nikopol.",
        [K("4 km", C, "Nikopol", "front", F(4))],
    ),
    # --- extension: borders and dates -------------------------------------------------------------
    (
        "border-vilnius-belarus",
        "foreign_border",
        "2025-01-10",
        "Vilnius is barely 30 km from the Belarusian border.",
        [K("barely 30 km", C, "Vilnius", "b:BY", F(30))],
    ),
    (
        "border-kaliningrad-lithuania",
        "foreign_border",
        "2025-01-10",
        "Kaliningrad lies some 70 km from the Lithuanian border.",
        [K("some 70 km", C, "Kaliningrad", "b:LT", F(70))],
    ),
    (
        "border-odesa-moldova",
        "foreign_border",
        "2025-03-01",
        "Odesa is less than 50 km from the Moldovan border.",
        [K("less than 50 km", C, "Odesa", "b:MD", F(50, bound="upper"))],
    ),
    (
        "border-uzhhorod-hungary-wrong",
        "foreign_border",
        "2025-03-01",
        "Uzhhorod is about 150 km from the Hungarian border.",
        [K("about 150 km", OV, "Uzhhorod", "b:HU", F(150))],
    ),
    (
        "border-brest-poland",
        "foreign_border",
        "2025-01-20",
        "Brest sits less than 10 km from the Polish border.",
        [K("less than 10 km", C, "Brest", "b:PL", F(10, bound="upper"))],
    ),
    (
        "border-riga-lithuania",
        "foreign_border",
        "2025-01-10",
        "Riga is about 70 km from the Lithuanian border.",
        [K("about 70 km", C, "Riga", "b:LT", F(70))],
    ),
    (
        "date-before-snapshot-place",
        "date",
        "2021-10-01",
        "Kyiv is about 470 km east of Lviv.",
        [K("about 470 km", C, "Kyiv", "Lviv", F(470), dir="E")],
    ),
    (
        "date-before-snapshot-ukraine",
        "date",
        "2020-05-01",
        "Belgorod is just 35 km from the Ukrainian border.",
        [K("just 35 km", C, "Belgorod", "b:UA", F(35))],
    ),
    (
        "date-before-snapshot-mixed",
        "date",
        "2021-12-01",
        "Donetsk is about 10 km from the front line and about 60 km from the Russian border.",
        [K("about 10 km", UV, "Donetsk", "front", F(10)), K("about 60 km", C, "Donetsk", "b:RU", F(60))],
    ),
    # --- extension: non-claims, unknown and ambiguous places --------------------------------------
    (
        "non-flight-hours",
        "route_distance",
        "2025-02-10",
        "The drone covered 1,200 km in about ten hours.",
        [K("1,200 km", NV, cls="route_distance")],
    ),
    (
        "non-bus-sumy-lviv",
        "route_distance",
        "2025-04-13",
        "Evacuees from Sumy travelled about 700 km by bus to reach Lviv.",
        [K("about 700 km", NV, cls="route_distance")],
    ),
    (
        "non-radius-kharkiv",
        "not_a_claim",
        "2024-07-08",
        "Air raid alerts were declared within a 100 km radius of Kharkiv.",
        [K("100 km radius", NV, cls="not_a_claim")],
    ),
    (
        "non-kn23-range",
        "weapon_range",
        "2024-01-04",
        "North Korean missiles fired at Kharkiv have a range of about 700 km.",
        [K("about 700 km", NV, cls="weapon_range")],
    ),
    (
        "non-frigate-sailed",
        "route_distance",
        "2023-10-01",
        "The frigate sailed 300 nautical miles from Sevastopol to Novorossiysk.",
        [K("300 nautical miles", NV, cls="route_distance")],
    ),
    (
        "non-drone-boat-sea",
        "position_report",
        "2024-02-01",
        "The drone boat was destroyed at sea 50 km west of Sevastopol.",
        [K("50 km", NV, cls="position_report")],
    ),
    (
        "non-trench-length",
        "length",
        "2024-07-08",
        "Russia has dug a 60-km line of trenches near Tokmak.",
        [K("60-km", NV, cls="length")],
    ),
    (
        "non-strait-width",
        "not_a_claim",
        "2024-09-25",
        "The Kerch Strait is about 4 km wide at its narrowest point.",
        [K("about 4 km", NV, cls="not_a_claim")],
    ),
    (
        "non-altitude-missile",
        "not_a_claim",
        "2025-02-03",
        "The missile was fired from an altitude of 10 km over the Belgorod region.",
        [K("10 km", NV, cls="not_a_claim")],
    ),
    (
        "unknown-russian-farm",
        "unknown_place",
        "2025-02-01",
        "A drone hit a farm near Malye Kochki-Zarechnye, about 40 km from the Ukrainian border.",
        [K("about 40 km", UV, None, "b:UA", F(40))],
    ),
    (
        "ambiguous-ivanivka",
        "ambiguous",
        "2025-07-01",
        "Russian forces shelled Ivanivka, about 15 km from the front line.",
        [K("about 15 km", UV, None, "front", F(15))],
    ),
]

CASES += [
    # --- extension: whole short articles, several claims and carried targets ----------------------
    (
        "art-izhevsk-engels",
        "article",
        "2025-07-01",
        "Ukrainian drones struck a plant in Izhevsk on Tuesday, officials said. The city lies some "
        "1,200 kilometers (750 miles) from Ukraine and about 1,000 km east of Moscow. It was the second "
        "attack on the plant this year. Separately, drones hit Engels-2 air base, which is about 480 km "
        "from the border.",
        [
            K("some 1,200 kilometers (750 miles)", C, "Izhevsk", "UA", F(1200), frm=P),
            K("about 1,000 km east of Moscow", C, "Izhevsk", "Moscow", F(1000), frm=P, dir="E"),
            K("about 480 km", C, "Engels-2 air base", "b:UA", F(480)),
        ],
    ),
    (
        "art-kharkiv-lyptsi",
        "article",
        "2024-07-08",
        "Kharkiv came under fire again overnight. The city, about 35 km from the Russian border, has been "
        "hit by glide bombs since May. Russian troops are about 30 km away, near Lyptsi. Further east, "
        "Kupiansk lies just 13 km from the front line.",
        [
            K("about 35 km", C, "Kharkiv", "b:RU", F(35), frm=P),
            K("about 30 km", C, "Kharkiv", "front", F(30), frm=P),
            K("just 13 km", C, "Kupiansk", "front", F(13)),
        ],
    ),
    (
        "art-orsk-radar",
        "article",
        "2024-05-27",
        "A drone struck a long-range radar near Orsk overnight, a Ukrainian source said. The station is "
        "part of Russia's early-warning network. It lies some 1,350 km from the Ukrainian border, far "
        "beyond the reach of Western missiles, which can fly only about 300 km.",
        [
            K("some 1,350 km", C, "Orsk radar", "b:UA", F(1350), frm=P),
            K("about 300 km", NV, cls="weapon_range"),
        ],
    ),
    (
        "art-kstovo-route",
        "article",
        "2025-01-29",
        "Drones targeted the Kstovo refinery in the Nizhny Novgorod region overnight. The refinery, roughly "
        "780 km from the border, processes about 17 million tonnes of oil a year. The drones flew more "
        "than 1,000 km to reach it, officials said.",
        [
            K("roughly 780 km", C, "Kstovo refinery", "b:UA", F(780), frm=P),
            K("more than 1,000 km", NV, cls="route_distance"),
        ],
    ),
    (
        "art-donetsk-front-towns",
        "article",
        "2025-07-01",
        "Russian forces are pressing on Pokrovsk and Kostiantynivka. Pokrovsk is less than 5 km from the "
        "front line, and Kostiantynivka about 6 km. Kramatorsk, the regional centre, is about 25 km from "
        "the fighting.",
        [
            K("less than 5 km", C, "Pokrovsk", "front", F(5, bound="upper")),
            K("about 6 km", C, "Kostiantynivka", "front", F(6)),
            K("about 25 km", C, "Kramatorsk", "front", F(25)),
        ],
    ),
    (
        "art-alabuga-zone",
        "article",
        "2024-04-02",
        "Drones reached Tatarstan for the first time on Tuesday. One hit a dormitory in the Alabuga special "
        "economic zone, where Shahed drones are assembled. The zone lies more than 1,000 km from Ukraine.",
        [K("more than 1,000 km", C, "Alabuga", "UA", F(1000, bound="lower"), frm=P)],
    ),
    (
        "art-bombers-two-bases",
        "article",
        "2025-03-20",
        "Russia keeps its strategic bombers at several bases. Engels-2 air base is roughly 480 km from "
        "Ukraine; Olenya air base, on the Kola peninsula, is about 1,760 km away.",
        [
            K("roughly 480 km", C, "Engels-2 air base", "UA", F(480)),
            K("about 1,760 km", C, "Olenya air base", "UA", F(1760)),
        ],
    ),
    (
        "art-fronted-possessive",
        "multi_place",
        "2025-03-20",
        "Located about 175 km south-east of Moscow, Russia's Dyagilevo air base trains bomber crews.",
        [K("about 175 km", C, "Dyagilevo air base", "Moscow", F(175), dir="SE")],
    ),
    (
        "art-fronted-npp",
        "multi_place",
        "2024-08-22",
        "Located about 40 km west of Kursk, the Kursk nuclear plant supplies much of the region's power.",
        [K("about 40 km", C, "Kursk NPP", "Kursk", F(40), dir="W")],
    ),
    (
        "unnamed-refinery",
        "unknown_place",
        "2025-02-01",
        "A refinery 600 km from the border was hit overnight, officials said, without naming it.",
        [K("600 km", UV, None, "b:UA", F(600))],
    ),
    (
        "non-evacuation-zone",
        "not_a_claim",
        "2024-06-01",
        "Residents living within 10 km of the border were told to leave.",
        [K("within 10 km", NV, cls="not_a_claim")],
    ),
    (
        "non-deep-advance",
        "not_a_claim",
        "2024-08-10",
        "Ukrainian troops pushed 10 km deep into the Kursk region in two days.",
        [K("10 km deep", NV, cls="not_a_claim")],
    ),
]

CASES += [
    # --- extension: more lists and quotes ---------------------------------------------------------
    (
        "list-semicolons",
        "list",
        "2024-09-01",
        "Russian cities hit overnight and their distance from Ukraine's border: Bryansk, 110 km; Oryol, "
        "165 km; Kaluga, 290 km.",
        [
            K("110 km", C, "Bryansk", "b:UA", F(110)),
            K("165 km", C, "Oryol", "b:UA", F(165)),
            K("290 km", C, "Kaluga", "b:UA", F(290)),
        ],
    ),
    (
        "list-bullets",
        "list",
        "2025-03-15",
        "Refineries within reach of Ukrainian drones:\n- Ryazan refinery (460 km from the border)\n"
        "- Kirishi refinery (795 km from the border)\n- Ukhta refinery (1,700 km from the border)",
        [
            K("460 km", C, "Ryazan refinery", "b:UA", F(460)),
            K("795 km", C, "Kirishi refinery", "b:UA", F(795)),
            K("1,700 km", C, "Ukhta refinery", "b:UA", F(1700)),
        ],
    ),
    (
        "list-front-towns",
        "list",
        "2025-07-01",
        "Distances to the front line on 1 July: Sloviansk 30 km, Izium 40 km, Dnipro 105 km.",
        [
            K("30 km", C, "Sloviansk", "front", F(30)),
            K("40 km", C, "Izium", "front", F(40)),
            K("105 km", C, "Dnipro", "front", F(105)),
        ],
    ),
    (
        "quote-rylsk-governor",
        "quote",
        "2024-08-22",
        '"Rylsk is 26 km from the border and is shelled every day," the governor said.',
        [K("26 km", C, "Rylsk", "b:UA", F(26))],
    ),
    (
        "quote-chernihiv-we",
        "quote",
        "2025-01-05",
        'Officials in Chernihiv say the threat remains. "We are less '
        'than 50 km from Belarus," the mayor said.',
        [K("less than 50 km", C, "Chernihiv", "b:BY", F(50, bound="upper"), frm=P)],
    ),
    (
        "quote-kyiv-wrong",
        "quote",
        "2025-01-05",
        '"Kyiv is 300 km from the Belarusian border," a commentator claimed on television.',
        [K("300 km", OV, "Kyiv", "b:BY", F(300))],
    ),
]

CASES += [
    # --- blind batch 2 (written without reading geo/) ---
    # pronouns and nouns referring back
    (
        "blind-pron-novocherkassk-station",
        "pronoun",
        "2025-07-03",
        "Drones set fire to a transformer at the Novocherkassk power station overnight, the regional "
        "governor said. The station is roughly 60 km from the Ukrainian border.",
        [K("roughly 60 km", C, "Novocherkassk power station", "b:UA", F(60), frm=P)],
    ),
    (
        "blind-head-nizhnekamsk-complex",
        "headline",
        "2024-11-05",
        "Nizhnekamsk refinery halts a unit after drone strike\n"
        "The complex, one of the largest in the country, lies more than 1,000 km from Ukraine.",
        [K("more than 1,000 km", C, "TANECO refinery", "UA", F(1000, bound="lower"), frm=H)],
    ),
    (
        "blind-pron-buturlinovka-they",
        "pronoun",
        "2025-03-20",
        "Ukraine says its drones hit aircraft at Buturlinovka air base in the Voronezh region. "
        "They were parked some 140 km from the border.",
        [K("some 140 km", C, "Buturlinovka air base", "b:UA", F(140), frm=P)],
    ),
    (
        "blind-pron-smolensk-npp-wrong",
        "pronoun",
        "2025-05-02",
        "Debris from a downed drone fell near the Smolensk nuclear plant, its operator said. "
        "The plant is about 450 km from Ukraine.",
        [K("about 450 km", OV, "Smolensk NPP", "UA", F(450), frm=P)],
    ),
    (
        "blind-pron-volgograd-refinery",
        "pronoun",
        "2025-02-04",
        "The Volgograd refinery stopped processing crude after Sunday's attack. "
        "It sits roughly 320 km from the Ukrainian border.",
        [K("roughly 320 km", C, "Volgograd refinery", "b:UA", F(320), frm=P)],
    ),
    (
        "blind-pron-borisoglebsk-wrong",
        "pronoun",
        "2024-10-12",
        "Satellite pictures showed burned-out hangars at Borisoglebsk air base. "
        "The airfield is only 90 km from Ukraine, a military blogger wrote.",
        [K("only 90 km", U, "Borisoglebsk air base", "UA", F(90), frm=P)],
    ),
    # appositions and relative clauses
    (
        "blind-appos-lipetsk-base",
        "apposition",
        "2024-08-09",
        "Lipetsk air base, some 280 km from the Ukrainian border and home to Su-34 bombers, was hit "
        "overnight.",
        [K("some 280 km", C, "Lipetsk air base", "b:UA", F(280))],
    ),
    (
        "blind-appos-salavat",
        "apposition",
        "2025-05-12",
        "Salavat, an industrial city in Bashkortostan about 1,170 km from Ukraine, was attacked for the "
        "first time on Monday.",
        [K("about 1,170 km", C, "Salavat", "UA", F(1170))],
    ),
    (
        "blind-appos-ust-luga-estonia",
        "apposition",
        "2025-03-26",
        "The Ust-Luga oil terminal, barely 25 km from the Estonian border, handles a large share of "
        "Russia's seaborne crude.",
        [K("barely 25 km", C, "Ust-Luga terminal", "b:EE", F(25))],
    ),
    (
        "blind-rel-toropets",
        "relative_clause",
        "2024-09-18",
        "The blast destroyed much of the arsenal at Toropets, which lies about 470 km from the Ukrainian "
        "border.",
        [K("about 470 km", C, "Toropets", "b:UA", F(470))],
    ),
    (
        "blind-rel-chernobyl",
        "relative_clause",
        "2025-02-14",
        "Workers at the Chernobyl plant, which is only about 10 km from the Belarusian border, reported "
        "a drone hit on the shelter.",
        [K("only about 10 km", C, "Chernobyl NPP", "b:BY", F(10))],
    ),
    (
        "blind-rel-unecha-wrong",
        "relative_clause",
        "2025-02-19",
        "Drones struck the Unecha pumping station, which officials said was 200 km from the Ukrainian "
        "border.",
        [K("200 km", OV, "Unecha pumping station", "b:UA", F(200))],
    ),
    # several places and locators
    (
        "blind-multi-zolochiv-kharkiv",
        "several_places",
        "2025-06-10",
        "Shelling hit Zolochiv in the Kharkiv region and a village near Bohodukhiv; Zolochiv is about "
        "17 km from the Russian border.",
        [K("about 17 km", C, "Zolochiv", "b:RU", F(17))],
    ),
    (
        "blind-multi-borova-oskil",
        "several_places",
        "2025-07-20",
        "Borova, in the Kharkiv region near the Oskil river, is now about 11 km from the front line, "
        "local officials said.",
        [K("about 11 km", C, "Borova", "front", F(11))],
    ),
    (
        "blind-multi-vasylivka-dnipro",
        "several_places",
        "2025-07-10",
        "Russian-held Vasylivka, in the Zaporizhzhia region near the Kakhovka reservoir, lies about "
        "11 km from the front line.",
        [K("about 11 km", C, "Vasylivka", "front", F(11))],
    ),
    (
        "blind-multi-sumy-okhtyrka",
        "several_places",
        "2025-04-20",
        "Drones hit Sumy and Okhtyrka overnight; Okhtyrka, in the south of the Sumy region, is about "
        "45 km from the Russian border.",
        [K("about 45 km", C, "Okhtyrka", "b:RU", F(45))],
    ),
    (
        "blind-multi-kivsharivka-latter",
        "several_places",
        "2025-08-01",
        "Russian units pressed towards Kupiansk and Kivsharivka, the latter about 8 km from the front line.",
        [K("about 8 km", C, "Kivsharivka", "front", F(8))],
    ),
    (
        "blind-multi-nikopol-enerhodar",
        "several_places",
        "2024-07-08",
        "Nikopol, across the reservoir from Russian-held Enerhodar, is about 5 km from the front line.",
        [K("about 5 km", C, "Nikopol", "front", F(5))],
    ),
    # lists and tables
    (
        "blind-list-table-voronezh",
        "list",
        "2024-12-01",
        "| Target | Distance from Ukraine |\n| --- | --- |\n| Voronezh | 185 km |\n| Lipetsk | 280 km |\n"
        "| Tambov | 355 km |",
        [
            K("185 km", C, "Voronezh", "UA", F(185)),
            K("280 km", C, "Lipetsk", "UA", F(280)),
            K("355 km", C, "Tambov", "UA", F(355)),
        ],
    ),
    (
        "blind-list-belarus-dashes",
        "list",
        "2025-01-20",
        "Belarusian towns and their distance to the Ukrainian border: Pinsk – 24 km; Rechytsa – 50 km; "
        "Zhlobin – 110 km.",
        [
            K("24 km", C, "Pinsk", "b:UA", F(24)),
            K("50 km", C, "Rechytsa", "b:UA", F(50)),
            K("110 km", C, "Zhlobin", "b:UA", F(110)),
        ],
    ),
    (
        "blind-list-sumy-unit-in-header",
        "list",
        "2025-03-01",
        "Distance from the Russian border, in kilometres:\nShostka 44\nKonotop 69\nRomny 75",
        [
            K("44", C, "Shostka", "b:RU", F(44)),
            K("69", C, "Konotop", "b:RU", F(69)),
            K("75", C, "Romny", "b:RU", F(75)),
        ],
    ),
    # quotes
    (
        "blind-quote-krasnopillia",
        "quote",
        "2025-05-18",
        '"We are barely 10 km from the Russian border, and the shelling never stops," the head of the '
        "Krasnopillia community told reporters.",
        [K("barely 10 km", C, "Krasnopillia", "b:RU", F(10))],
    ),
    (
        "blind-quote-trubchevsk-wrong",
        "quote",
        "2025-06-02",
        '"Trubchevsk is 150 km from the Ukrainian border and drones still reach it every night," '
        "a local blogger wrote.",
        [K("150 km", OV, "Trubchevsk", "b:UA", F(150))],
    ),
    (
        "blind-quote-vilnius",
        "quote",
        "2025-04-03",
        '"Our capital is less than 30 km from Belarus," the Lithuanian minister said of Vilnius.',
        [K("less than 30 km", C, "Vilnius", "b:BY", F(30, bound="upper"))],
    ),
    # figures in words
    (
        "blind-words-sevsk",
        "words",
        "2025-01-11",
        "Sevsk, a small town in the Bryansk region, lies some thirty kilometres from the Ukrainian border.",
        [K("some thirty kilometres", C, "Sevsk", "b:UA", F(30))],
    ),
    (
        "blind-words-gomel-chernihiv",
        "words",
        "2024-12-15",
        "Gomel is just over a hundred kilometres north of Chernihiv.",
        [K("just over a hundred kilometres", C, "Gomel", "Chernihiv", F(100, bound="lower"), dir="N")],
    ),
    (
        "blind-words-kursk-npp",
        "words",
        "2024-08-20",
        "The Kursk nuclear plant is some sixty-five kilometres from the Ukrainian border.",
        [K("some sixty-five kilometres", C, "Kursk NPP", "b:UA", F(65))],
    ),
    (
        "blind-words-tambov-wrong",
        "words",
        "2025-04-25",
        "Tambov, hit again on Friday, is less than two hundred kilometres from Ukraine.",
        [K("less than two hundred kilometres", U, "Tambov", "UA", F(200, bound="upper"))],
    ),
    # ranges
    (
        "blind-range-dobropillia",
        "range",
        "2025-08-12",
        "Dobropillia is now 20 to 25 km from the front, officials said.",
        [K("20 to 25 km", C, "Dobropillia", "front", F(20, high=25))],
    ),
    (
        "blind-range-belaya-kalitva",
        "range",
        "2025-01-24",
        "Belaya Kalitva, where a metal works was hit, lies 55-60 km from the Ukrainian border.",
        [K("55-60 km", C, "Belaya Kalitva", "b:UA", F(55, high=60))],
    ),
    (
        "blind-range-novovoronezh",
        "range",
        "2024-09-07",
        "The Novovoronezh nuclear plant is 140–150 km from Ukraine.",
        [K("140–150 km", C, "Novovoronezh NPP", "UA", F(140, high=150))],
    ),
    # miles
    (
        "blind-miles-moscow",
        "miles",
        "2025-03-11",
        "Moscow is roughly 280 miles (450 km) from the Ukrainian border.",
        [K("roughly 280 miles", C, "Moscow", "b:UA", F(280, "mi"))],
    ),
    (
        "blind-miles-migalovo",
        "miles",
        "2024-12-20",
        "Migalovo air base near Tver, some 320 miles from Ukraine, houses transport aircraft.",
        [K("some 320 miles", C, "Migalovo air base", "UA", F(320, "mi"))],
    ),
    (
        "blind-miles-sochi-wrong",
        "miles",
        "2025-06-28",
        "Sochi, about 60 miles from Ukraine, was targeted by drones for the first time.",
        [K("about 60 miles", U, "Sochi", "UA", F(60, "mi"))],
    ),
    # hedges
    (
        "blind-hedge-kantemirovka",
        "hedge",
        "2025-02-09",
        "Kantemirovka is barely 15 km from the border with Ukraine.",
        [K("barely 15 km", C, "Kantemirovka", "b:UA", F(15))],
    ),
    (
        "blind-hedge-gubkin",
        "hedge",
        "2025-03-05",
        "Gubkin sits just under 100 km from the Ukrainian border.",
        [K("just under 100 km", C, "Gubkin", "b:UA", F(100, bound="upper"))],
    ),
    (
        "blind-hedge-afipsky",
        "hedge",
        "2024-11-02",
        "The Afipsky refinery near Krasnodar is well over 150 km from Ukraine.",
        [K("well over 150 km", C, "Afipsky refinery", "UA", F(150, bound="lower"))],
    ),
    # directions
    (
        "blind-dir-irpin",
        "direction",
        "2025-02-24",
        "Irpin, some 20 km north-west of Kyiv, is rebuilding its bridge.",
        [K("some 20 km", C, "Irpin", "Kyiv", F(20), dir="NW")],
    ),
    (
        "blind-dir-bila-tserkva",
        "direction",
        "2025-01-02",
        "A drone hit an industrial site in Bila Tserkva, about 80 km south-west of Kyiv.",
        [K("about 80 km", C, "Bila Tserkva", "Kyiv", F(80), dir="SW")],
    ),
    (
        "blind-dir-berdychiv",
        "direction",
        "2024-10-30",
        "Berdychiv lies 40 km south of Zhytomyr.",
        [K("40 km", C, "Berdychiv", "Zhytomyr", F(40), dir="S")],
    ),
    (
        "blind-dir-dnipro-zaporizhzhia",
        "direction",
        "2025-05-30",
        "Dnipro lies some 70 km north of Zaporizhzhia.",
        [K("some 70 km", C, "Dnipro", "Zaporizhzhia", F(70), dir="N")],
    ),
    # foreign borders
    (
        "blind-border-vyborg-finland",
        "foreign_border",
        "2025-04-09",
        "Vyborg is about 30 km from the Finnish border.",
        [K("about 30 km", C, "Vyborg", "b:FI", F(30))],
    ),
    (
        "blind-border-pskov-estonia",
        "foreign_border",
        "2024-08-31",
        "Pskov, whose airfield was hit by drones last year, is about 30 km from the Estonian border.",
        [K("about 30 km", C, "Pskov", "b:EE", F(30))],
    ),
    (
        "blind-border-kaliningrad-poland",
        "foreign_border",
        "2025-05-05",
        "Kaliningrad is roughly 35 km from the Polish border.",
        [K("roughly 35 km", C, "Kaliningrad", "b:PL", F(35))],
    ),
    (
        "blind-border-chernivtsi-romania",
        "foreign_border",
        "2024-07-15",
        "Chernivtsi is about 30 km from the Romanian border.",
        [K("about 30 km", C, "Chernivtsi", "b:RO", F(30))],
    ),
    (
        "blind-border-kovel-belarus-wrong",
        "foreign_border",
        "2025-06-18",
        "Kovel, which some reports placed just 15 km from the Belarusian border, hosts a rail hub.",
        [K("just 15 km", U, "Kovel", "b:BY", F(15))],
    ),
    (
        "blind-border-grodno-poland",
        "foreign_border",
        "2025-08-28",
        "Grodno is less than 20 km from Poland.",
        [K("less than 20 km", C, "Grodno", "b:PL", F(20, bound="upper"))],
    ),
    (
        "blind-border-petrozavodsk-wrong",
        "foreign_border",
        "2025-07-22",
        "Petrozavodsk is only 50 km from Finland, a state television host claimed.",
        [K("only 50 km", U, "Petrozavodsk", "b:FI", F(50))],
    ),
    # the front line
    (
        "blind-front-kramatorsk-troops",
        "frontline",
        "2025-08-20",
        "Russian troops are now about 23 km from Kramatorsk, according to analysts.",
        [K("about 23 km", C, "Kramatorsk", "front", F(23))],
    ),
    (
        "blind-front-zaporizhzhia-positions",
        "frontline",
        "2024-09-01",
        "Zaporizhzhia is about 35 km from Russian positions.",
        [K("about 35 km", C, "Zaporizhzhia", "front", F(35))],
    ),
    (
        "blind-front-pokrovsk",
        "frontline",
        "2024-08-10",
        "The front is now about 25 km from Pokrovsk.",
        [K("about 25 km", C, "Pokrovsk", "front", F(25))],
    ),
    (
        "blind-front-kostiantynivka",
        "frontline",
        "2025-08-30",
        "Kostiantynivka, some 6 km from the front line, is shelled daily.",
        [K("some 6 km", C, "Kostiantynivka", "front", F(6))],
    ),
    (
        "blind-front-dnipro-wrong",
        "frontline",
        "2025-08-15",
        "Dnipro is just 30 km from the front line, a commentator claimed.",
        [K("just 30 km", U, "Dnipro", "front", F(30))],
    ),
    (
        "blind-front-kramatorsk-stale",
        "frontline",
        "2025-09-20",
        "The front line is now 20 km from Kramatorsk.",
        [K("20 km", UV, "Kramatorsk", "front", F(20))],
    ),
    # place to place
    (
        "blind-p2p-kharkiv-belgorod",
        "place_to_place",
        "2024-07-30",
        "Kharkiv and Belgorod, about 75 km apart, have both been hit repeatedly.",
        [K("about 75 km", C, "Belgorod", "Kharkiv", F(75))],
    ),
    (
        "blind-p2p-minsk-kyiv-wrong",
        "place_to_place",
        "2025-01-25",
        "Minsk is barely 200 km from Kyiv, the analyst argued.",
        [K("barely 200 km", U, "Minsk", "Kyiv", F(200))],
    ),
    (
        "blind-p2p-odesa-mykolaiv",
        "place_to_place",
        "2025-03-08",
        "The distance between Odesa and Mykolaiv is about 110 km.",
        [K("about 110 km", C, "Odesa", "Mykolaiv", F(110))],
    ),
    # non-claims
    (
        "blind-non-drone-range",
        "non_claim",
        "2025-08-22",
        "Ukraine's new long-range drone can reportedly fly up to 1,700 km, officials said.",
        [K("up to 1,700 km", NV, cls="weapon_range")],
    ),
    (
        "blind-non-flight-route",
        "non_claim",
        "2024-11-20",
        "The drones flew some 1,200 km over Russian territory before reaching the plant in Tatarstan.",
        [K("some 1,200 km", NV, cls="route_distance")],
    ),
    (
        "blind-non-tanker-sea",
        "non_claim",
        "2025-01-07",
        "The tanker was drifting about 20 nautical miles off the coast of Sevastopol.",
        [K("about 20 nautical miles", NV, cls="position_report")],
    ),
    (
        "blind-non-column-length",
        "non_claim",
        "2025-03-14",
        "The column of trucks stretched for about 12 km on the road north of Belgorod.",
        [K("about 12 km", NV, cls="length")],
    ),
    (
        "blind-non-speed-dnipro",
        "non_claim",
        "2024-11-21",
        "The missile that struck Dnipro reached about 13,000 km/h, officials said.",
        [K("13,000 km/h", NV, cls="not_a_claim")],
    ),
    (
        "blind-non-altitude-kursk",
        "non_claim",
        "2024-08-25",
        "Reconnaissance drones flew at an altitude of about 5 km above Kursk.",
        [K("about 5 km", NV, cls="not_a_claim")],
    ),
    (
        "blind-non-mixed-chernihiv-iskander",
        "non_claim",
        "2025-01-30",
        "Chernihiv, about 45 km from the Belarusian border, is within reach of Iskander missiles, which "
        "can fly 500 km.",
        [K("about 45 km", C, "Chernihiv", "b:BY", F(45)), K("500 km", NV, cls="weapon_range")],
    ),
    # unknown and ambiguous places
    (
        "blind-unknown-krasnyi-zabolot",
        "unknown_place",
        "2025-04-28",
        "Drones hit a grain store in Krasnyi Zabolot, a village some 20 km from the Ukrainian border.",
        [K("some 20 km", UV, None, "b:UA", F(20))],
    ),
    (
        "blind-unknown-nyzhni-zavodianky",
        "unknown_place",
        "2025-07-05",
        "Shelling killed two people in Nyzhni Zavodianky on Sunday. The village lies about 7 km from the "
        "front line.",
        [K("about 7 km", UV, None, "front", F(7), frm=P)],
    ),
    (
        "blind-unknown-staroborovskoye",
        "unknown_place",
        "2024-12-03",
        "The substation at Staroborovskoye, some 90 km from Ukraine, caught fire after the attack.",
        [K("some 90 km", UV, None, "UA", F(90))],
    ),
    (
        "blind-ambig-zolochiv",
        "ambiguous",
        "2025-07-01",
        "A drone hit a warehouse in Zolochiv, about 20 km from the front.",
        [K("about 20 km", UV, None, "front", F(20))],
    ),
    (
        "blind-ambig-borova",
        "ambiguous",
        "2025-07-01",
        "Russian shells landed in Borova, about 10 km from the front line.",
        [K("about 10 km", UV, None, "front", F(10))],
    ),
]
