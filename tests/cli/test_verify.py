"""``geo verify`` end to end in a subprocess: formats, input errors, no claims."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED
from helpers import run_geo

DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"
STORY = """date 2025-07-01
A drone hit an arms plant in Izhevsk, some 1,300 kilometers (800 miles) from Ukraine, officials said.
The city lies about 1,000 km east of Moscow.
In May a drone reached a radar in the city of Orsk, some 1,800 km (1,120 miles) from the Ukrainian border.
"""


@pytest.fixture()
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


@pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")
def test_verify_json_from_stdin_with_a_user_layer():
    r = run_geo("verify", "-", "--json", "--layer", str(DEEPSTATE), stdin=STORY)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [o["verdict"] for o in out] == ["consistent", "consistent", "overstated"]
    first = out[0]
    for key in (
        "text",
        "span",
        "target",
        "reference",
        "claimed_km",
        "claimed_unit",
        "hedge",
        "readings",
        "verdict",
        "flags",
        "explanation",
    ):
        assert key in first
    assert STORY[first["span"][0] : first["span"][1]].startswith("some 1,300")
    assert {r["reference"] for r in first["readings"]} == {
        "Ukraine's internationally recognised border",
        "Ukrainian-controlled territory",
    }
    assert out[1]["target"]["name"] == "Izhevsk"  # "The city" inherits the previous target


@pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")
def test_verify_table_and_markdown(story):
    r = run_geo("verify", str(story), "--layer", str(DEEPSTATE))
    assert r.returncode == 0, r.stderr
    assert "consistent" in r.stdout and "overstated" in r.stdout and "Izhevsk" in r.stdout
    r = run_geo("verify", str(story), "--markdown", "--layer", str(DEEPSTATE))
    assert r.returncode == 0 and r.stdout.startswith("# Distance fact-check")
    assert "| reading | date | measured |" in r.stdout


def test_no_claims_says_so_and_exits_0(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("The mayor opened a new bridge on Tuesday. Traffic was light.", encoding="utf-8")
    r = run_geo("verify", str(p))
    assert r.returncode == 0 and "No distance claims" in r.stdout
    r = run_geo("verify", str(p), "--json")
    assert r.returncode == 0 and json.loads(r.stdout) == []


def test_bad_inputs_are_one_line_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Kharkiv est à 480 km de Kyiv".encode("latin-1"))
    cases = [
        (run_geo("verify", str(empty)), "empty"),
        (run_geo("verify", "-", stdin=""), "empty"),
        (run_geo("verify", str(binary)), "binary"),
        (run_geo("verify", str(latin1)), "UTF-8"),
        (run_geo("verify", str(tmp_path / "missing.txt")), "not found"),
        (run_geo("verify", str(tmp_path)), "folder"),
        (run_geo("verify", "-", "--date", "01/07/2025", stdin=STORY), "YYYY-MM-DD"),
    ]
    for r, needle in cases:
        assert r.returncode == 2, (needle, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and needle in r.stderr


def test_a_story_dated_before_the_first_snapshot_keeps_its_border_readings(tmp_path):
    # The first shipped snapshot is 2022-02-23: a story of 2022-02-21 is still judged against
    # the border and against places; only its front-line readings cannot be.
    story = tmp_path / "story.txt"
    story.write_text(
        "date: 2022-02-21\nIzhevsk lies some 1,300 km from Ukraine.\nKharkiv is 30 km from the front line.\n",
        encoding="utf-8",
    )
    r = run_geo("verify", str(story), "--json")
    assert r.returncode == 0, r.stderr
    assert "no front-line snapshot on or before 2022-02-21" in r.stderr and "Traceback" not in r.stderr
    izhevsk, kharkiv = json.loads(r.stdout)
    assert izhevsk["verdict"] == "consistent"
    assert [reading["kind"] for reading in izhevsk["readings"]] == ["border"]
    assert kharkiv["verdict"] == "unverifiable" and "no_snapshot_for_date" in kharkiv["flags"]


def test_a_10_mb_article_over_the_claim_limit_is_refused_in_one_line(tmp_path):
    # The 10 MB article of benchmarks/bench_hostile.py: 127,875 claims. Reading stops at the 501st
    # (tests/text/test_lang.py shows the stop); here the refusal is one line, exit 2, the file untouched.
    sentence = "The talks went on for hours near Izhevsk, about 970 km east of Moscow, they said. "
    path = tmp_path / "article10mb.txt"
    path.write_text(sentence * (10 * 2**20 // len(sentence)), encoding="utf-8")
    before = path.read_bytes()
    r = run_geo("verify", str(path), "--max-kb", "10240")
    assert r.returncode == 2, r.stderr
    assert r.stderr.splitlines() == [
        "geo: error: the text holds more than 500 distance claims; at most 500 are checked in one run: "
        "split it, or raise the limit with --max-claims"
    ]
    assert r.stdout == ""
    assert path.read_bytes() == before
