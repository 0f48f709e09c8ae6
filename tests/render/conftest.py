"""Fixtures of the render tests: Ukraine's border, a small test front line, Izhevsk measured."""

from __future__ import annotations

import pytest

from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot
from geo.measure.references import Reference, measure_against

SNAPSHOT_CSV = """part,name,lat,lon,note
main,start in Russia,50.60,38.60,outside
main,Kupiansk area,49.70,37.70,
main,Bakhmut area,48.60,38.00,
main,Avdiivka area,48.10,37.60,
main,Vuhledar area,47.80,37.20,
main,Orikhiv area,47.55,35.80,
main,Vasylivka area,47.45,35.25,
main,Dnipro river,47.30,34.40,
main,Kherson area,46.65,32.70,
main,Black Sea,46.35,31.70,outside
"""


@pytest.fixture(scope="module")
def ua():
    return ukraine()


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    """A small test front line (our own waypoints), cut through the real Ukraine polygon."""
    d = tmp_path_factory.mktemp("frontline")
    (d / "2025-07-01.csv").write_text(SNAPSHOT_CSV, encoding="utf-8")
    return frontline_snapshot(None, d)


@pytest.fixture(scope="module")
def izhevsk_measurement(gazetteer, ua):
    izh = gazetteer.lookup("Izhevsk").place
    return measure_against(izh, Reference("ukraine", layer=ua))
