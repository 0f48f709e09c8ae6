"""Bad, big and hostile input at the command line (issue 15): one table of cases.

Each case runs ``geo`` in process (``geo.cli.main``, the console script's own entry point:
a subprocess per case would take minutes) in a folder of generated files
(:mod:`bad_input_corpus`), and asserts its exit status, that no exception escaped (no
traceback), that an error is exactly one ``geo: error:`` line saying what is wrong, and that
no file the user gave or named changed (SHA-256 of every file before and after). Signals
during a batch and a map are sent to real subprocesses at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input_corpus import ERR, OK, check_outcome, digests, run_in_process, write_corpus

# -- the table -----------------------------------------------------------------------------------------
# (id, argv, exit status, regex the error line (status 2) or stdout (status 0) must match)
CASES: list[tuple[str, list[str], int, str]] = []


def case(cid: str, argv: list[str], status: int, pattern: str = "") -> None:
    CASES.append((cid, argv, status, pattern))


# coordinates and names
for text in ("nan,nan", "inf,0", "0,inf", "-inf,5", "1e400,5", "NaN, 30"):
    case(f"target-{text}", ["distance", text, "--from", "Kyiv"], ERR, "not coordinates")
    case(f"from-{text}", ["distance", "Kyiv", "--from", text], ERR, "not coordinates")
case("geocode-nan", ["geocode", "nan,nan"], ERR, "not coordinates")
case("lat-91", ["distance", "91,0", "--from", "Kyiv"], ERR, "(?i)latitude")
case("lon-181", ["distance", "0,181", "--from", "Kyiv"], ERR, "(?i)longitude")
case("empty-target", ["distance", "", "--from", "Kyiv"], ERR, "empty place name")
case("blank-target", ["distance", "   ", "--from", "Kyiv"], ERR, "empty place name")
case("empty-from", ["distance", "Kyiv", "--from", ""], ERR, "empty place name")
case("empty-geocode", ["geocode", ""], ERR, "empty place name")
case("unknown-target", ["distance", "Qzxvgradplor", "--from", "Kyiv"], ERR, "unknown place")
case("bad-country", ["distance", "Kyiv", "--from", "Lviv", "--country", "UKR"], ERR, "two-letter codes")
case("bad-country-2", ["geocode", "Kyiv", "--country", "RU,1X"], ERR, "two-letter codes")
case("negative-coords", ["distance", "-33.9,18.4", "--from", "-34,18.5"], OK, r"14\.4 km")
case("negative-coords-spaced", ["distance", "-33.9, 18.4", "--from", "-34, 18.5"], OK, r"14\.4 km")
case("negative-from-equals", ["distance", "-33.9,18.4", "--from=-34,18.5"], OK, r"14\.4 km")
case("zero-distance-place", ["distance", "Kyiv", "--from", "Kyiv"], OK, r"bearing    none")
case("zero-distance-antimeridian", ["distance", "65,180", "--from", "65,-180"], OK, r"same point")
case("zero-distance-json", ["distance", "Kyiv", "--from", "Kyiv", "--json"], OK, r'"compass": null')
case("sphere-layer", ["distance", "Kyiv", "--from", "ukraine", "--sphere"], ERR, "--sphere applies")
case("online-unknown", ["geocode", "Kyiv", "--online", "nosuchservice"], ERR, "(?i)nosuchservice")
# dates
for cmd in (["distance", "Kyiv", "--from", "Lviv"], ["distance", "Kyiv", "--from", "ukraine"]):
    for bad in ("yesterday", "2024-13-45", "2024/01/01", ""):
        case(f"date-{cmd[-1]}-{bad or 'empty'}", [*cmd, "--date", bad], ERR, "cannot read date")
case("date-no-effect", ["distance", "Kyiv", "--from", "Lviv", "--date", "2024-01-01"], OK, "Lviv")
case(
    "date-range-garbage", ["range", "--from", "Kyiv", "--km", "50", "--date", "soon"], ERR, "cannot read date"
)
case(
    "date-batch-garbage",
    ["batch", "points.csv", "--from", "Kyiv", "--out", "out/d.parquet", "--date", "x"],
    ERR,
    "cannot read date",
)
case("date-verify-garbage", ["verify", "story.txt", "--date", "tomorrow"], ERR, "cannot read date")

# --from FILE: the file's own geometry, anywhere on Earth
case("from-kursk-inside", ["distance", "Kursk", "--from", "kursk.geojson"], OK, "0 km: Kursk lies inside")
case("from-bom", ["distance", "Kursk", "--from", "bom.geojson"], OK, "lies inside")
case("from-gpkg", ["distance", "Kursk", "--from", "kursk.gpkg"], OK, "lies inside")
case("from-far-polygon", ["distance", "-34.6,-58.4", "--from", "far.geojson"], OK, r"distance   \d")
# the nearest point lies on the antimeridian-crossing line itself, named by its coordinates
# (no town of 1,000 people within 50 km; never a Ukrainian town's name)
ON_THE_LINE = r"nearest\s+65\.\d+,179\.\d+\n"
case("from-chukotka", ["distance", "65.5,179.9", "--from", "chukotka.geojson"], OK, ON_THE_LINE)
case("from-points-named", ["distance", "Kyiv", "--from", "points.geojson"], OK, "reference  Alpha")
case("from-points-south", ["distance", "-33.9,151.2", "--from", "points.geojson"], OK, "reference  Bravo")
case("from-kml", ["distance", "Kyiv", "--from", "line.kml"], OK, "nearest")
case("from-kmz", ["distance", "Kyiv", "--from", "line.kmz"], OK, "nearest")

case("negative-target-layer", ["distance", "-33.9,18.4", "--from", "ukraine"], OK, r"distance   \d")
case("negative-target-layer-map", ["map", "-33.9,18.4", "--from", "ukraine", "--out", "out/neg.html"], OK, "")
case(
    "range-country-narrows-output-not-from",
    ["range", "--from", "Kyiv", "--country", "RU", "--km", "500", "--min-pop", "300000"],
    OK,
    r"^(?![\s\S]*\(UA,)[\s\S]*within 500 km of Kyiv\b[\s\S]*\(RU, pop",
)
# layers over 1 MB, read as coordinate arrays
case("from-big-ring", ["distance", "Kharkiv", "--from", "ring60k.geojson"], OK, r"distance   \d")
case(
    "layer-big-ring-occupied",
    ["distance", "Kharkiv", "--from", "occupied", "--layer", "ring60k.geojson"],
    OK,
    "occupied",
)
case("verify-layer-big-ring", ["verify", "story.txt", "--layer", "ring60k.geojson"], OK, "Izhevsk")
for name, why in {"ring60k_mercator.geojson": "not longitude/latitude", "ring60k_nan.geojson": "NaN"}.items():
    case(f"from-{name}", ["distance", "Kyiv", "--from", name], ERR, why)
    case(f"layer-{name}", ["distance", "Kyiv", "--from", "occupied", "--layer", name], ERR, why)

# a map re-reads the user's layer for its features: through the same safe reader
case(
    "map-layer-kmz",
    ["map", "Kyiv", "--from", "frontline", "--layer", "line.kmz", "--out", "out/kmz.html"],
    OK,
    "front line",
)
case(
    "map-layer-big-ring",
    ["map", "Kharkiv", "--from", "occupied", "--layer", "ring60k.geojson", "--out", "out/ring.html"],
    OK,
    "occupied",
)

# bad layer files, each used five ways
BAD_LAYERS = {
    "malformed.geojson": "not valid GeoJSON",
    "empty.geojson": "empty",
    "nofeatures.geojson": "no geometry",
    "array.geojson": "cannot read|no geometry",
    "deep.geojson": "not valid GeoJSON",
    "mercator.geojson": "not longitude/latitude",
    "nullgeom.geojson": "no geometry",
    "latin1.geojson": "not UTF-8",
    "binary.geojson": "not UTF-8|not valid GeoJSON",
    "entity.kml": "entities",
    "bomb.kml": "entities",
    "notkml.kml": "not KML",
    "entity.kmz": "entities",
    "nokml.kmz": "without a .kml",
    "notzip.kmz": "not a readable KMZ",
    "layer.txt": "unsupported layer format",
    "folder.geojson": "is a folder",
    "adir": "is a folder",
    "fifo.geojson": "not a regular file",
    "/dev/zero": "not a regular file",
    "missing.geojson": "not found",
}
for name, why in BAD_LAYERS.items():
    case(f"from-{name}", ["distance", "Kyiv", "--from", name], ERR, why)
    case(f"layer-{name}", ["distance", "Kyiv", "--from", "controlled", "--layer", name], ERR, why)
    case(f"verify-layer-{name}", ["verify", "story.txt", "--layer", name], ERR, why)
    case(f"range-{name}", ["range", "--from", name, "--km", "100"], ERR, why)
    case(f"batch-{name}", ["batch", "points.csv", "--from", name, "--out", "out/b.parquet"], ERR, why)
case(
    "layer-points-only",
    ["distance", "Kyiv", "--from", "controlled", "--layer", "points.geojson"],
    ERR,
    "points",
)
case("verify-layer-points-only", ["verify", "story.txt", "--layer", "points.geojson"], ERR, "points")
case("range-points-only", ["range", "--from", "points.geojson", "--km", "100"], ERR, "only points")
case(
    "batch-points-only",
    ["batch", "points.csv", "--from", "points.geojson", "--out", "out/p.parquet"],
    ERR,
    "only points",
)

# geo verify: the article
case("verify-missing", ["verify", "missing.txt"], ERR, "not found")
case("verify-folder", ["verify", "adir"], ERR, "is a folder")
case("verify-dev-zero", ["verify", "/dev/zero"], ERR, "not a regular file")
case("verify-fifo", ["verify", "fifo.geojson"], ERR, "not a regular file")
case("verify-empty", ["verify", "empty.txt"], ERR, "empty")
case("verify-blank", ["verify", "blank.txt"], ERR, "empty")
case("verify-binary", ["verify", "story.bin"], ERR, "binary")
case("verify-latin1", ["verify", "latin1.txt"], ERR, "not UTF-8")
case("verify-too-big", ["verify", "big.txt"], ERR, "larger than 1,024 KB")
case("verify-big-allowed", ["verify", "big.txt", "--max-kb", "2048"], OK, "No distance claims")
case(
    "verify-too-many-claims", ["verify", "manyclaims.txt"], ERR, "more than 500 distance claims; at most 500"
)
case("verify-max-claims-zero", ["verify", "story.txt", "--max-claims", "0"], ERR, "at least 1")
case("verify-max-kb-word", ["verify", "story.txt", "--max-kb", "lots"], ERR, "whole number")
case("verify-no-figure", ["verify", "nofigure.txt"], OK, "No distance claims")
case("verify-ansi-table", ["verify", "ansi.txt"], OK, "Izhevsk")
case("verify-ansi-markdown", ["verify", "ansi.txt", "--markdown"], OK, "Izhevsk")
case("verify-ansi-json", ["verify", "ansi.txt", "--json"], OK, "Izhevsk")
case("verify-tiny-figure", ["verify", "tiny.txt"], OK, "")
case("verify-huge-figure", ["verify", "huge_figure.txt"], OK, "")
case("verify-400-digits", ["verify", "digits400.txt"], OK, "")
case("verify-zero-figure", ["verify", "zero.txt", "--json"], OK, "")
case("verify-50000-numbers", ["verify", "numbers.txt"], OK, "No distance claims")
case("verify-dr-dr-dr", ["verify", "dr.txt"], OK, "No distance claims")
case("verify-no-full-stops", ["verify", "nostop.txt", "--json"], ERR, "more than 500 distance claims")
case("verify-self-map", ["verify", "self.txt", "--map", "out/self.html"], OK, "")
# the map builder's IndexError with seven or more lines from one place (fixed in render/map): a map
case("verify-seven-lines-map", ["verify", "izhevsk4.txt", "--map", "out/iz.html"], OK, "Izhevsk")
case(
    "verify-map-is-source", ["verify", "story.txt", "--map", "story.txt", "--force"], ERR, "input of this run"
)
case(
    "verify-map-is-layer",
    ["verify", "story.txt", "--layer", "line.kml", "--map", "line.kml", "--force"],
    ERR,
    "input",
)
case("verify-map-exists", ["verify", "story.txt", "--map", "existing.html"], ERR, "exists")
case("verify-map-folder", ["verify", "story.txt", "--map", "adir"], ERR, "is a folder")
case("verify-map-no-folder", ["verify", "story.txt", "--map", "nowhere/x.html"], ERR, "does not exist")

# geo map: outputs and numbers
MAP = ["map", "Kyiv", "--from", "Lviv"]
for rings in ("nan", "inf", "-5", "0", "abc", "25000", "500,,nan", ",".join(["100"] * 21)):
    case(f"map-rings-{rings[:12]}", [*MAP, "--out", "out/r.html", "--rings", rings], ERR, "--rings")
case(
    "map-out-is-from",
    ["map", "Kyiv", "--from", "kursk.geojson", "--out", "kursk.geojson", "--force"],
    ERR,
    "input",
)
case("map-out-is-layer", [*MAP, "--layer", "line.kml", "--out", "line.kml", "--force"], ERR, "input")
case("map-png-is-out", [*MAP, "--out", "out/m.html", "--png", "out/m.html"], ERR, "same file")
case("map-png-not-png", [*MAP, "--out", "out/m.html", "--png", "out/m.jpg"], ERR, r"\.png")
case(
    "map-png-is-from",
    ["map", "Kyiv", "--from", "kursk.geojson", "--out", "out/k.html", "--png", "kursk.geojson"],
    ERR,
    "",
)
case("map-out-exists", [*MAP, "--out", "existing.html"], ERR, "exists")
case("map-png-exists", [*MAP, "--out", "out/e.html", "--png", "existing.png"], ERR, "exists")
case("map-out-folder", [*MAP, "--out", "adir", "--force"], ERR, "is a folder")
case("map-out-no-folder", [*MAP, "--out", "nowhere/m.html"], ERR, "does not exist")
case("map-out-dev-null", [*MAP, "--out", "/dev/null", "--force"], ERR, "not a regular file")
case(
    "map-out-tab-scheme",
    [*MAP, "--out", "out/java\tscript:alert(1).html", "--embed"],
    ERR,
    "control characters",
)
case("map-out-newline", [*MAP, "--out", "out/a\nb.html"], ERR, "control characters")
case("map-out-scheme-embed", [*MAP, "--out", "out/javascript:alert(1).html", "--embed"], ERR, "without ':'")
case("map-ok", [*MAP, "--out", "out/ok.html"], OK, "Kyiv is about")
case("map-zero", ["map", "Kyiv", "--from", "Kyiv", "--out", "out/zero.html"], OK, "same point")
case(
    "map-from-polygon",
    ["map", "Kursk", "--from", "kursk.geojson", "--out", "out/kursk.html"],
    OK,
    "Kursk lies inside",
)
case(
    "layer-kml-frontline",
    ["distance", "Kyiv", "--from", "frontline", "--layer", "line.kml"],
    OK,
    "front line",
)
case(
    "layer-kmz-frontline",
    ["distance", "Kyiv", "--from", "frontline", "--layer", "line.kmz"],
    OK,
    "front line",
)
case("map-from-points", ["map", "Kyiv", "--from", "points.geojson", "--out", "out/pts.html"], OK, "Alpha")

# geo range
for km in ("nan", "inf", "-5", "0", "abc", "25000", ""):
    case(f"range-km-{km or 'empty'}", ["range", "--from", "Kyiv", "--km", km], ERR, "--km")
case(
    "range-min-pop-negative", ["range", "--from", "Kyiv", "--km", "50", "--min-pop", "-1"], ERR, "at least 0"
)
case("range-all", ["range", "--from", "all", "--km", "50"], ERR, "give one reference")
case(
    "range-country-filters-output-only",
    ["range", "--from", "Kyiv", "--km", "60", "--country", "RU"],
    OK,
    "Kyiv",
)
case(
    "range-map-is-from",
    ["range", "--from", "kursk.geojson", "--km", "50", "--map", "kursk.geojson", "--force"],
    ERR,
    "input",
)

# geo batch
BATCH = ["batch", "points.csv", "--from", "Kyiv", "--quiet"]
case(
    "batch-lat-is-lon",
    [*BATCH, "--out", "out/a.parquet", "--lat-col", "lat", "--lon-col", "lat"],
    ERR,
    "both name",
)
for name, why in {
    "shortrow.csv": "row 2 \\(line 3\\) has 2 fields, the header has 3",
    "longrow.csv": "row 1 \\(line 2\\) has 4 fields, the header has 3",
    "badcoord.csv": "not a number",
    "nancoord.csv": "not a number|latitude",
    "outofrange.csv": "(?i)latitude",
    "nolat.csv": "has no 'lat'",
    "dupcols.csv": "repeat",
    "empty.csv": "empty",
    "latin1.csv": "UTF-8|utf-8|cannot read",
    "missing.csv": "not found|does not exist|no such",
}.items():
    case(f"batch-{name}", ["batch", name, "--from", "Kyiv", "--out", f"out/c-{name}.parquet"], ERR, why)
for name in ("shortrow.csv", "longrow.csv", "badcoord.csv"):
    case(
        f"batch-skip-{name}",
        ["batch", name, "--from", "Kyiv", "--out", f"out/s-{name}.parquet", "--skip-bad-rows"],
        OK,
        "1 points measured",
    )
case("batch-out-tab", [*BATCH, "--out", "out/a\tb.parquet"], ERR, "control characters|Parquet")
case("batch-out-exists", [*BATCH, "--out", "existing.parquet"], ERR, "exists")
case("batch-out-not-parquet", [*BATCH, "--out", "out/x.csv"], ERR, "Parquet")
case("batch-out-is-input", [*BATCH, "--out", "points.csv", "--force"], ERR, "input|Parquet")
case("batch-out-folder", [*BATCH, "--out", "adir", "--force"], ERR, "folder|Parquet")
for sched in (
    "",
    "tcp://127.0.0.1:1",
    "inproc://x",
    "tls://127.0.0.1:8786",
    "foo",
    "tcp://:80",
    "tcp://host:notaport",
):
    case(
        f"batch-scheduler-{sched or 'empty'}",
        [*BATCH, "--out", "out/d.parquet", "--scheduler", sched],
        ERR,
        "scheduler",
    )
for rows in ("0", "-5", "abc"):
    case(f"batch-chunk-{rows}", [*BATCH, "--out", "out/d.parquet", "--chunk-rows", rows], ERR, "whole number")
case("batch-folder-input", ["batch", "adir", "--from", "Kyiv", "--out", "out/f.parquet"], ERR, "")
case("batch-dev-zero-input", ["batch", "/dev/zero", "--from", "Kyiv", "--out", "out/z.parquet"], ERR, "")
case("batch-ok", [*BATCH, "--out", "out/ok.parquet"], OK, "2 points measured")


# -- running a case ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad-input")
    write_corpus(root)
    (root / "out").mkdir()
    return root


@pytest.mark.parametrize(("argv", "expected", "pattern"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(corpus, monkeypatch, argv, expected, pattern):
    monkeypatch.chdir(corpus)
    before = digests(corpus)
    status, out, err = run_in_process(argv)
    check_outcome(status, out, err, expected, pattern)
    assert digests(corpus) == before, "a file of the user's changed"
    assert not list(corpus.glob(".*partial*")) and not list((corpus / "out").glob(".*partial*"))


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 150
    assert len({c[0] for c in CASES}) == len(CASES)
