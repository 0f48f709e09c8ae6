"""``geo frontline`` end to end in a subprocess; and a stale snapshot in ``geo verify``."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from geo.layers.frontline import frontline_snapshot

from helpers import dense_min_distance, run_geo
from synthetic_deepstate import api_response

WHEN = dt.datetime(2025, 3, 14, 18, 30, tzinfo=dt.timezone.utc)


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    return tmp_path


def one_line_error(r, *words):
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    for w in words:
        assert w in r.stderr


def test_import_list_show_forget(home):
    src = home / "map.json"
    src.write_text(json.dumps(api_response(WHEN)), encoding="utf-8")
    r = run_geo("frontline", "import", str(src))
    assert r.returncode == 0, r.stderr
    sid = r.stdout.strip()
    assert sid.startswith("2025-03-14-deepstate-") and "occupied" in r.stderr
    listed = json.loads(run_geo("frontline", "list", "--json").stdout)
    shipped = ["2022-02-23", "2022-03-25", "2022-09-05", "2022-10-05", "2022-11-15", "2023-06-01"]
    shipped.append("2024-07-08")
    assert [e["id"] for e in listed] == [*shipped, sid, "2025-07-01"]
    shown = json.loads(run_geo("frontline", "show", sid, "--json").stdout)
    assert shown["file"] == str(src.resolve()) and shown["publication_time"].startswith("2025-03-14T18:30")
    for key in ("sha256", "fetch_time", "licence", "parser_version", "area_km2", "source"):
        assert shown[key]
    dist = run_geo("distance", "Donetsk", "--from", "frontline", "--date", "2025-03-20", "--json")
    assert dist.returncode == 0 and sid in dist.stdout
    assert "no effect" not in dist.stderr  # the date picked the imported snapshot: it had an effect
    assert run_geo("frontline", "forget", sid).returncode == 0
    assert sid not in run_geo("frontline", "list").stdout
    assert src.exists()  # the user's own file is never touched


def test_errors_are_one_line(home):
    one_line_error(run_geo("frontline", "show", "nope"), "no front-line snapshot 'nope'", "2024-07-08")
    one_line_error(run_geo("frontline", "forget", "2024-07-08"), "shipped")
    one_line_error(run_geo("frontline", "import", str(home / "missing.geojson")), "not found")
    bad = home / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    one_line_error(run_geo("frontline", "import", str(bad), "--date", "2025-01-01"), "not valid JSON")
    one_line_error(run_geo("frontline", "import", str(bad), "--date", "1 May"), "YYYY-MM-DD")


def test_stale_snapshot_makes_front_line_verdicts_unverifiable(home):
    """A story of 2026-12-01 has only the 2025-07-01 snapshot (518 days older): its
    front-line claim is unverifiable (stale_snapshot); its border claim is still judged."""
    story = home / "story.txt"
    story.write_text(
        "date: 2026-12-01\nIzhevsk lies some 1,300 km from Ukraine.\nKharkiv is 30 km from the front line.\n",
        encoding="utf-8",
    )
    r = run_geo("verify", str(story), "--json")
    assert r.returncode == 0, r.stderr
    izhevsk, kharkiv = json.loads(r.stdout)
    assert "stale" in r.stderr
    assert kharkiv["verdict"] == "unverifiable" and "stale_snapshot" in kharkiv["flags"]
    assert "518 days" in kharkiv["explanation"] and "2025-07-01" in kharkiv["explanation"]
    assert izhevsk["verdict"] == "consistent"  # the border reading needs no snapshot


def test_story_after_the_kherson_withdrawal_gets_the_post_withdrawal_line(home):
    """A story of 2022-12-15 is judged against the 2022-11-15 snapshot (the line on the
    Dnipro after the withdrawal of 11 November 2022), not the pre-invasion line 95 km away."""
    story = home / "kherson.txt"
    story.write_text(
        "date: 2022-12-15\n"
        "Shelling from across the river hit Kherson, which is only about 3 km from the front line.\n",
        encoding="utf-8",
    )
    r = run_geo("verify", str(story), "--json")
    assert r.returncode == 0, r.stderr
    (kherson,) = json.loads(r.stdout)
    front = next(x for x in kherson["readings"] if x["kind"] == "frontline")
    assert front["layer_date"] == "2022-11-15" and front["distance_km"] < 5
    assert kherson["verdict"] == "consistent" and "stale_snapshot" not in kherson["flags"]


def line_distance_km(date: str, lat: float, lon: float) -> float:
    """Distance to a shipped snapshot's line by dense geodesic sampling (independent of geo.measure)."""
    line = frontline_snapshot(date).line.geometry
    parts = [list(g.coords) for g in getattr(line, "geoms", [line])]
    return dense_min_distance(lat, lon, parts, step_m=100.0)[0] / 1000


def verify_story(home, name: str, text: str) -> tuple[list[dict], str]:
    story = home / name
    story.write_text(text, encoding="utf-8")
    r = run_geo("verify", str(story), "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout), r.stderr


def test_story_near_kyiv_in_march_2022_gets_the_march_line(home):
    """A story of 2022-03-28 is judged against the 2022-03-25 line (Russian forces at Irpin and
    north of Brovary), not the 2022-02-23 line in Donbas 600 km away; no stale flag."""
    (brovary, kharkiv), err = verify_story(
        home,
        "brovary.txt",
        "date: 2022-03-28\nBrovary is about 15 km from the front line.\n"
        "Kharkiv is 11 km from the front line.\n",
    )
    assert "stale" not in err
    for verdict, (lat, lon) in ((brovary, (50.51097, 30.79106)), (kharkiv, (49.98177, 36.25475))):
        front = next(x for x in verdict["readings"] if x["kind"] == "frontline")
        assert front["layer_date"] == "2022-03-25", verdict
        assert front["distance_km"] == pytest.approx(line_distance_km("2022-03-25", lat, lon), abs=0.05)
        assert verdict["verdict"] == "consistent" and "stale_snapshot" not in verdict["flags"]
    assert line_distance_km("2022-02-23", 50.51097, 30.79106) > 500  # the pre-invasion line would not do


def test_story_of_5_september_2022_gets_the_line_before_the_kharkiv_counteroffensive(home):
    """On 2022-09-05 Izium was occupied: it is measured to Ukrainian-controlled territory of
    2022-09-05, and its distance to the line is that of 2022-09-05, not of 2022-10-05."""
    text = "date: 2022-09-05\nIzium lies some 12 km from the front line.\n"
    (izium,), err = verify_story(home, "izium.txt", text)
    assert "stale" not in err and "moved" not in err
    kinds = {x["kind"]: x for x in izium["readings"]}
    assert set(kinds) == {"frontline", "controlled"}  # occupied on that date: measured to the other side
    assert all(x["layer_date"] == "2022-09-05" for x in izium["readings"])
    expected = line_distance_km("2022-09-05", 49.20697, 37.27679)
    assert kinds["frontline"]["distance_km"] == pytest.approx(expected, abs=0.05)
    assert abs(expected - line_distance_km("2022-10-05", 49.20697, 37.27679)) > 20
    assert izium["verdict"] == "consistent" and "stale_snapshot" not in izium["flags"]


def test_story_of_8_september_2022_is_after_the_counteroffensive_began(home):
    """On 2022-09-08 the Kharkiv counter-offensive (from 6 September) had moved the line near Izium: the
    three-day-old snapshot of 5 September cannot confirm a distance there; the warning and the verdict
    say why."""
    text = "date: 2022-09-08\nIzium lies some 12 km from the front line.\n"
    (izium,), err = verify_story(home, "izium.txt", text)
    assert "Kharkiv counter-offensive" in err
    assert izium["verdict"] == "unverifiable" and "stale_snapshot" in izium["flags"]
    assert all(r["layer_date"] == "2022-09-05" and r["line_moved"] for r in izium["readings"])
    assert "moved near here" in izium["explanation"]


def test_batch_and_range_honour_the_date_with_an_imported_snapshot(home):
    """``--date`` picks the imported snapshot in batch and range as in distance: Donetsk's
    distance to the front line equals dense sampling of that snapshot's line (independent)."""
    src = home / "map.json"
    src.write_text(json.dumps(api_response(WHEN)), encoding="utf-8")
    sid = run_geo("frontline", "import", str(src)).stdout.strip()
    points = home / "points.csv"
    points.write_text("name,lat,lon\nDonetsk,48.023,37.80224\n", encoding="utf-8")
    out = home / "out.parquet"
    r = run_geo(
        "batch", str(points), "--from", "frontline", "--date", "2025-03-20", "--out", str(out), "--quiet"
    )
    assert r.returncode == 0, r.stderr
    got = pd.read_parquet(out)["distance_km"].iloc[0]
    line = frontline_snapshot("2025-03-20").line
    assert line.snapshot_id == sid
    parts = [list(g.coords) for g in getattr(line.geometry, "geoms", [line.geometry])]
    expected, _, _ = dense_min_distance(48.023, 37.80224, parts, step_m=100.0)
    assert got == pytest.approx(expected / 1000, abs=0.05)
    rg = run_geo("range", "--from", "frontline", "--date", "2025-03-20", "--km", "5", "--json")
    assert rg.returncode == 0, rg.stderr
    rows = json.loads(rg.stdout)
    assert rows
    for row in rows[:3]:  # within 5 km of the imported line, by dense sampling
        d, _, _ = dense_min_distance(row["lat"], row["lon"], parts, step_m=200.0)
        assert d <= 5_050
    shipped = frontline_snapshot("2025-03-13").line  # 2024-07-08, before the import
    assert shipped.snapshot_id == "2024-07-08"
    far = [dense_min_distance(r["lat"], r["lon"], shipped_parts(shipped), step_m=500.0)[0] for r in rows[:3]]
    assert max(far) > 20_000  # so these places come from the imported snapshot, not the shipped one


def shipped_parts(layer):
    return [list(g.coords) for g in getattr(layer.geometry, "geoms", [layer.geometry])]
