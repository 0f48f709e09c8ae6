"""Coordinates of the places the Ukrainian and Russian test corpus names, as GeoNames gives them
(cities500; geonameid in the comment), and their distances to Ukraine's border and to occupied
territory computed independently in ``test_slavic_corpus`` (never by the code under test)."""

from __future__ import annotations

#: key → (lat, lon) from GeoNames cities500 (geonameid).
PLACES: dict[str, tuple[float, float]] = {
    "Izhevsk": (56.85225, 53.19862),  # 554840
    "Kazan": (55.78874, 49.12214),  # 551487
    "Orenburg": (51.76712, 55.09883),  # 515003
    "Saratov": (51.54048, 45.9901),  # 498677
    "Engels": (51.48389, 46.10528),  # 563464
    "Ryazan": (54.62696, 39.70415),  # 500096
    "Tuapse": (44.10083, 39.08326),  # 480716
    "Novorossiysk": (44.73188, 37.76176),  # 518255
    "Bryansk": (53.27096, 34.32143),  # 571476
    "Kursk": (51.72689, 36.18457),  # 538560
    "Belgorod": (50.60343, 36.58091),  # 578072
    "Voronezh": (51.66833, 39.19204),  # 472045
    "Lipetsk": (52.5876, 39.55151),  # 535121
    "Yaroslavl": (57.62987, 39.87368),  # 468902
    "Samara": (53.20767, 50.13553),  # 499099
    "Ufa": (54.74306, 55.96779),  # 479561
    "Murmansk": (68.96778, 33.09922),  # 524305
    "Taganrog": (47.23627, 38.9053),  # 484907
    "Yeysk": (46.69263, 38.27907),  # 466885
    "Syzran": (53.1585, 48.4681),  # 484972
    "Orsk": (51.23206, 58.48802),  # 514734
    "Tyumen": (57.15222, 65.52722),  # 1488754
    "Nizhny Novgorod": (56.32867, 44.00205),  # 520555
    "Kstovo": (56.1475, 44.19865),  # 540103
    "Tolyatti": (53.5303, 49.3461),  # 482283
    "Volgograd": (48.71378, 44.4976),  # 472757
    "Krasnodar": (45.04534, 38.98178),  # 542420
    "Moscow": (55.75204, 37.61781),  # 524901
    "Saint Petersburg": (59.93863, 30.31413),  # 498817
    "Smolensk": (54.77826, 32.05088),  # 491687
    "Tambov": (52.73632, 41.44102),  # 484646
    "Penza": (53.19568, 45.01075),  # 511565
    "Cheboksary": (56.13218, 47.246),  # 569696
    "Chelyabinsk": (55.1611, 61.42877),  # 1508291
    "Kyiv": (50.45466, 30.5238),  # 703448
    "Kharkiv": (49.98177, 36.25475),  # 706483
    "Odesa": (46.48572, 30.74383),  # 698740
    "Lviv": (49.83826, 24.02324),  # 702550
    "Kramatorsk": (48.73106, 37.56779),  # 704508
    "Sloviansk": (48.84974, 37.59739),  # 693468
    "Pokrovsk": (48.28014, 37.17706),  # 704422
    "Kostiantynivka": (48.52728, 37.70594),  # 705104
    "Zaporizhzhia": (47.85167, 35.11714),  # 687700
    "Sumy": (50.91741, 34.79906),  # 692194
    "Dnipro": (48.46664, 35.04066),  # 709930
    "Izium": (49.20697, 37.27679),  # 707292
    "Druzhkivka": (48.61995, 37.52537),  # 616743
}
