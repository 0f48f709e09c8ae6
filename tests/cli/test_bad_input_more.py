"""More bad input (issue 15): standard input, named points, skipped rows, huge layers and the
suggestion budget, run like the table in ``test_bad_input.py``."""

from __future__ import annotations

import pytest
from bad_input_corpus import ERR, OK, check_outcome, run_in_process, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-input-more")
    write_corpus(root)
    (root / "out").mkdir()
    return root


def test_stdin_article_and_empty_stdin(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    check_outcome(*run_in_process(["verify", "-"], stdin="Izhevsk is 970 km from Moscow.\n"), OK, "Izhevsk")
    check_outcome(*run_in_process(["verify", "-"], stdin=""), ERR, "standard input is empty")
    check_outcome(*run_in_process(["verify", "-"], stdin="x" * (1025 * 1024)), ERR, "larger than")


def test_points_reference_names_the_nearest_point_by_geodesic(corpus, monkeypatch):
    from pyproj import Geod

    monkeypatch.chdir(corpus)
    status, out, _ = run_in_process(["distance", "-33.9,151.2", "--from", "points.geojson", "--json"])
    assert status == OK
    got = __import__("json").loads(out)
    _, _, d = Geod(ellps="WGS84").inv(151.21, -33.87, 151.2, -33.9)  # Bravo → target
    assert got["reference"]["name"] == "Bravo"
    assert got["distance_km"] * 1000 == pytest.approx(d, abs=1e-3)


def test_skip_bad_rows_writes_the_good_rows_and_says_which_were_left_out(corpus, monkeypatch):
    import pyarrow.parquet as pq

    monkeypatch.chdir(corpus)
    status, _, err = run_in_process(
        ["batch", "longrow.csv", "--from", "Kyiv", "--out", "out/skip.parquet", "--skip-bad-rows", "--quiet"]
    )
    assert status == OK, err
    table = pq.read_table(corpus / "out" / "skip.parquet")
    assert table.column("name").to_pylist() == ["Moscow"]
    assert "row 1 (line 2) skipped" in err and "1 of 2 rows could not be read" in err


def test_a_layer_of_more_than_two_million_vertices_is_refused_clearly(tmp_path, monkeypatch):
    from geo.layers.vector_files import MAX_LAYER_VERTICES

    n = MAX_LAYER_VERTICES + 1  # a (degenerate) ring: it is refused by its size before it is built
    layer = tmp_path / "huge.geojson"
    layer.write_bytes(
        b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
        b'"geometry":{"type":"Polygon","coordinates":[[' + b"[36.5,50.25]," * (n - 1) + b"[36.5,50.25]]]}}]}"
    )
    monkeypatch.chdir(tmp_path)
    status, out, err = run_in_process(["distance", "Kyiv", "--from", "huge.geojson"])
    check_outcome(status, out, err, ERR, f"{n:,} vertices; layers of up to 2,000,000")


def test_suggestions_have_a_time_budget_and_are_remembered(gazetteer):
    from geo.cli.budget import BudgetedGazetteer

    free = BudgetedGazetteer(gazetteer.db_path, budget_s=60.0)
    first = free.suggestions("Zaporizhzhiaa")
    assert first == gazetteer.suggestions("Zaporizhzhiaa") and first
    assert free.suggestions("Zaporizhzhiaa") == first and free.skipped == 0
    spent = BudgetedGazetteer(gazetteer.db_path, budget_s=0.0)
    assert spent.suggestions("Zaporizhzhiaa") == [] and spent.skipped == 1


def test_a_failed_png_leaves_neither_the_png_nor_the_html(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    monkeypatch.setenv("GEO_CHROMIUM", "/bin/false")  # a "browser" that exits at once
    argv = ["map", "Kyiv", "--from", "Lviv", "--out", "out/pf.html", "--png", "out/pf.png"]
    check_outcome(*run_in_process(argv), ERR, r"Chromium.*neither pf\.html nor the PNG was written")
    assert not list((corpus / "out").glob("*pf*"))


def test_a_text_without_full_stops_is_quoted_clipped_not_whole_per_claim(tmp_path, monkeypatch):
    import json

    filler = "and the talks went on for hours " * 6000  # ~190 kB in one "sentence"
    text = " ".join(f"Izhevsk is {900 + 10 * i} km from Moscow {filler}" for i in range(5))
    (tmp_path / "long.txt").write_text(text)
    monkeypatch.chdir(tmp_path)
    status, out, err = run_in_process(["verify", "long.txt", "--json"])
    check_outcome(status, out, err, OK, "Izhevsk")
    claims = json.loads(out)
    assert len(claims) == 5
    assert all(len(c["text"]) <= 402 for c in claims)
    for i, c in enumerate(claims):  # each quote shows its own claim
        assert f"{900 + 10 * i} km" in c["text"]
    assert len(out) < 50_000  # not five copies of a 950 kB sentence
    status, md, err = run_in_process(["verify", "long.txt", "--markdown"])
    check_outcome(status, md, err, OK, "Izhevsk")
    assert len(md) < 50_000


def test_an_unreachable_online_service_is_one_line_without_geopy_logs(corpus, monkeypatch, tmp_path):
    """``--online nominatim`` with nothing listening (the network down): geopy logs each retry
    with a traceback; the user gets our one line only, and nothing is cached under GEO_CACHE_DIR."""
    import functools
    import logging
    import socket

    from geo.places.geocoders import factory

    with socket.socket() as s:  # a port nothing listens on: connection refused, as when offline
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    loopback = functools.partial(
        factory.GeopyGeocoder, domain=f"127.0.0.1:{port}", scheme="http", min_delay_seconds=0.0,
        error_wait_seconds=0.0,
    )  # fmt: skip
    monkeypatch.setattr(factory, "GeopyGeocoder", loopback)
    monkeypatch.setattr(logging.root, "handlers", [])  # as outside pytest: a record would reach stderr
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(corpus)
    status, out, err = run_in_process(["geocode", "Izhevsk", "--online", "nominatim"])
    check_outcome(status, out, err, ERR, f"cannot reach nominatim at http://127.0.0.1:{port}")
    assert len(err.strip().splitlines()) == 1, err  # no retry logs, no traceback
    assert not list((tmp_path / "cache").rglob("*.json"))
