"""The hostile and careless inputs of ``tests/cli/test_bad_input.py``, written under a temp dir.

Every file here is made by :func:`write_corpus`; the article sentences are our own. Names
are relative to the corpus folder (the tests run with it as the working directory).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

from geo.cli.main import main

OK, ERR = 0, 2
OK_OR_ERR = -1  # either a result or one clear error


def _fc(*features) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _feature(geom: dict, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geom}


def _square(lon0: float, lat0: float, lon1: float, lat1: float) -> dict:
    ring = [[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]
    return {"type": "Polygon", "coordinates": [ring]}


#: A polygon around Kursk (RU): Kursk itself is inside it.
KURSK_BOX = (35.9, 51.5, 36.5, 52.0)
#: A line across the antimeridian over Chukotka (lon 170 → -175).
CHUKOTKA_LINE = [[170.0, 65.0], [-175.0, 66.0]]
#: Named points: one near Kyiv, one in Sydney.
POINTS = [("Alpha", 50.40, 30.60), ("Bravo", -33.87, 151.21)]

KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
KML_BODY = (
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>{name}</name>'
    "<LineString><coordinates>36.0,48.0 37.5,48.5</coordinates></LineString></Placemark></Document></kml>"
)
ENTITY_KML = (
    KML_HEAD
    + '<!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
    + KML_BODY.format(name="&secret;")
)
BOMB_KML = (
    KML_HEAD
    + '<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    + '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
    + KML_BODY.format(name="&d;")
)

#: Articles: (file name, text). Sentences written for these tests.
ARTICLES = {
    "story.txt": "Izhevsk lies about 970 km east of Moscow, officials said.\n",
    "empty.txt": "",
    "blank.txt": "   \n\n\t  \n",
    "nofigure.txt": "Nothing here is measured at all.\n",
    "ansi.txt": "Izhevsk\x1b[31m lies about 970 km east of Moscow\x1b]0;pwned\x07 said a \x1b[2J source.\n",
    "tiny.txt": "The drone landed 0.0001 km from Kyiv.\n",
    "huge_figure.txt": "The missile flew 10^40 km from Moscow.\n",
    "digits400.txt": "Izhevsk is " + "9" * 400 + " km from Moscow.\n",
    "zero.txt": "Kyiv is 0 km from Kyiv.\n",
    "numbers.txt": " ".join(["100"] * 50_000) + "\n",
    "dr.txt": "Dr. " * 50_000 + "\n",
    "nostop.txt": "Izhevsk is 970 km from Moscow and " * 600 + "that is all\n",
    "unknown.txt": " ".join(f"Qzxv{i}grad is 100 km from Wqplor{i}sk." for i in range(100)) + "\n",
    "self.txt": "Moscow is 600 km from Moscow. Moscow is about 5 km from Moscow.\n",
    "izhevsk4.txt": (
        "Izhevsk is 970 km from Moscow. Izhevsk is 1,000 km from Kyiv. Izhevsk is about 1,700 km from Lviv. "
        "Izhevsk is 1,200 km from the front line. Izhevsk is 1,300 km from Ukraine. "
        "Izhevsk is 1,000 km from Belgorod. Izhevsk is 1,800 km from Odesa.\n"
    ),
}


def _csv(rows) -> str:
    return "\n".join(rows) + "\n"


#: CSV inputs of geo batch.
CSVS = {
    "points.csv": _csv(["lat,lon,name", "50.45,30.52,Kyiv", "55.75,37.62,Moscow"]),
    "shortrow.csv": _csv(["lat,lon,name", "50.45,30.52,Kyiv", "55.75,37.62"]),
    "longrow.csv": _csv(["lat,lon,name", "50.45,30.52,Kyiv, the capital", "55.75,37.62,Moscow"]),
    "badcoord.csv": _csv(["lat,lon,name", "50.45,thirty,Kyiv", "55.75,37.62,Moscow"]),
    "nancoord.csv": _csv(["lat,lon,name", "nan,30.52,Kyiv", "55.75,37.62,Moscow"]),
    "outofrange.csv": _csv(["lat,lon,name", "95,30.52,Nowhere"]),
    "nolat.csv": _csv(["y,x", "50.45,30.52"]),
    "dupcols.csv": _csv(["lat,lat,lon", "1,2,3"]),
    "headeronly.csv": _csv(["lat,lon"]),
    "empty.csv": "",
}


def write_corpus(root: Path) -> None:
    """Write every input file of the corpus under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    w = lambda name, text: (root / name).write_text(text, encoding="utf-8")  # noqa: E731
    w("kursk.geojson", _fc(_feature(_square(*KURSK_BOX), name="Kursk box")))
    w("far.geojson", _fc(_feature(_square(-60.0, -35.0, -58.0, -33.0), name="Pampas")))
    w("chukotka.geojson", _fc(_feature({"type": "LineString", "coordinates": CHUKOTKA_LINE})))
    w(
        "points.geojson",
        _fc(*(_feature({"type": "Point", "coordinates": [lon, lat]}, name=n) for n, lat, lon in POINTS)),
    )
    (root / "bom.geojson").write_bytes(b"\xef\xbb\xbf" + _fc(_feature(_square(*KURSK_BOX))).encode())
    w("malformed.geojson", '{"type": "FeatureCollection", "features": [')
    w("empty.geojson", "")
    w("nofeatures.geojson", _fc())
    w("array.geojson", "[1, 2, 3]")
    w("deep.geojson", "[" * 100_000)
    w("mercator.geojson", _fc(_feature(_square(4e6, 6e6, 4.2e6, 6.2e6))))
    w("nullgeom.geojson", _fc({"type": "Feature", "properties": {}, "geometry": None}))
    (root / "latin1.geojson").write_bytes('{"name": "Kharkiv é"}'.encode("latin-1"))
    (root / "binary.geojson").write_bytes(bytes(range(256)) * 4)
    w("line.kml", KML_HEAD + KML_BODY.format(name="Line"))
    w("entity.kml", ENTITY_KML)
    w("bomb.kml", BOMB_KML)
    w("notkml.kml", "this is not xml at all")
    with zipfile.ZipFile(root / "line.kmz", "w") as zf:
        zf.writestr("doc.kml", KML_HEAD + KML_BODY.format(name="Zipped"))
    with zipfile.ZipFile(root / "entity.kmz", "w") as zf:
        zf.writestr("doc.kml", ENTITY_KML)
    with zipfile.ZipFile(root / "nokml.kmz", "w") as zf:
        zf.writestr("readme.txt", "no kml here")
    w("notzip.kmz", "not a zip file")
    w("layer.txt", "hello")
    (root / "folder.geojson").mkdir(exist_ok=True)
    (root / "adir").mkdir(exist_ok=True)
    if not (root / "fifo.geojson").exists():
        os.mkfifo(root / "fifo.geojson")
    _write_gpkg(root / "kursk.gpkg")
    _write_big_rings(root)
    for name, text in ARTICLES.items():
        w(name, text)
    (root / "story.bin").write_bytes(b"\x00\x01\x02 binary")
    (root / "latin1.txt").write_bytes("Kharkiv est à 40 km de la frontière.".encode("latin-1"))
    (root / "big.txt").write_text("a" * (1025 * 1024), encoding="utf-8")
    (root / "manyclaims.txt").write_text("Izhevsk is 970 km from Moscow. " * 600, encoding="utf-8")
    for name, text in CSVS.items():
        w(name, text)
    (root / "latin1.csv").write_bytes("lat,lon,nom\n50.45,30.52,Kyïv\n".encode("latin-1"))
    (root / "existing.parquet").write_bytes(b"PAR1 not really")
    (root / "existing.html").write_text("<p>keep me</p>", encoding="utf-8")
    (root / "existing.png").write_bytes(b"\x89PNG keep me")
    if not (root / "link.csv").exists():
        (root / "link.csv").symlink_to("points.csv")


def _ring(n: int, lon0: float, lat0: float, r_deg: float) -> list[list[float]]:
    """A closed ``n``-vertex ring (lon, lat) around (lon0, lat0), wiggly, rounded to 1e-6°."""
    import numpy as np

    t = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    r = r_deg * (1 + 0.05 * np.sin(37 * t))
    ring = np.column_stack([lon0 + r * np.cos(t) / 0.66, lat0 + r * np.sin(t)]).round(6).tolist()
    return [*ring, ring[0]]


def _write_big_rings(root: Path) -> None:
    """Layers over 1 MB (read as coordinate arrays): a 60,000-vertex occupied polygon east of
    Kharkiv, the same in Web Mercator metres without a ``crs``, and one with ``NaN`` in it."""
    ring = _ring(60_000, 37.6, 49.6, 0.5)
    (root / "ring60k.geojson").write_text(_fc(_feature({"type": "Polygon", "coordinates": [ring]})))
    mercator = [[x * 111_319.5, y * 111_319.5] for x, y in ring]
    (root / "ring60k_mercator.geojson").write_text(
        _fc(_feature({"type": "Polygon", "coordinates": [mercator]}))
    )
    with_nan = [ring[0], [float("nan"), ring[1][1]], *ring[2:]]  # json writes it as NaN
    (root / "ring60k_nan.geojson").write_text(_fc(_feature({"type": "Polygon", "coordinates": [with_nan]})))


def _write_gpkg(path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    if not path.exists():
        gpd.GeoDataFrame({"name": ["Kursk box"]}, geometry=[box(*KURSK_BOX)], crs="EPSG:4326").to_file(
            path, driver="GPKG", engine="pyogrio"
        )


def digests(root: Path) -> dict[str, str]:
    """SHA-256 of every regular file of the user's (``out/`` is where outputs go)."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink() and "out" not in p.relative_to(root).parts:
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def run_in_process(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """``geo argv`` through the console script's entry point: (status, stdout, stderr).
    Any exception escaping ``main`` fails the test (it would be a traceback)."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as stop:  # argparse's usage errors
                status = stop.code
    finally:
        sys.stdin = old_stdin
    return int(status or 0), out.getvalue(), err.getvalue()


def check_outcome(status: int, out: str, err: str, expected: int, pattern: str) -> None:
    assert "Traceback" not in err and "Traceback" not in out
    if expected == OK_OR_ERR:
        expected = status if status in (OK, ERR) else ERR
        pattern = pattern if status == ERR else ""
    assert status == expected, f"exit {status}, expected {expected}\nstderr: {err}\nstdout: {out[:2000]}"
    assert "\x1b" not in out and "\x1b" not in err  # nothing from the input reaches the terminal raw
    if expected == ERR:
        lines = [line for line in err.splitlines() if line.strip() and not line.startswith("geo: warning")]
        assert lines, err
        assert len(lines) >= 1 and (lines[-1].startswith("geo: error:") or lines[-1].startswith("geo ")), err
        errors = [line for line in lines if line.startswith("geo: error:")]
        assert len(errors) <= 1, err
        assert re.search(pattern, lines[-1]), f"{pattern!r} not in {lines[-1]!r}"
    elif pattern:
        assert re.search(pattern, out), f"{pattern!r} not in stdout: {out[:2000]}\nstderr: {err}"
