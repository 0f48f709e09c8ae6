"""``geo verify --explain N``: the full evidence for one claim, in a subprocess."""

from __future__ import annotations

import pytest

from helpers import run_geo

STORY = """date 2025-07-01
Drones set fire to the Engels air base overnight, the governor of the Saratov region said.

The base lies some 600 km east of the Ukrainian border. Smoke was seen from Saratov.

Blasts were reported in Bryansk and in Kursk. It lies about 100 km from the border.
"""


@pytest.fixture()
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def test_explain_prints_span_target_choice_readings_rule_and_verdict(story):
    r = run_geo("verify", str(story), "--explain", "1")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    start = STORY.index("some 600 km")
    assert f"'some 600 km' at characters {start}-{start + len('some 600 km')}" in out
    assert "Engels-2 air base" in out
    assert "carried from sentence 1" in out  # the date line opens the first sentence and "'the base'" in out
    assert "confidence: medium" in out
    assert "Ukraine's internationally recognised border" in out and "on 2025-07-01" in out
    assert "decided by:" in out and "rule:" in out and "verdict:    consistent" in out
    assert "bearing" in out  # the written direction is checked against the bearing


def test_explain_an_uncertain_target_lists_the_candidates(story):
    r = run_geo("verify", str(story), "--explain", "2")
    assert r.returncode == 0, r.stderr
    assert "candidates: Bryansk, Kursk" in r.stdout
    assert "verdict:    unverifiable" in r.stdout
    assert "readings:   none measured" in r.stdout


def test_explain_all_prints_every_claim(story):
    r = run_geo("verify", str(story), "--explain", "all")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("Claim ") == 2


@pytest.mark.parametrize("value, message", [("3", "has 2 claim(s), numbered 1 to 2"), ("x", "claim number")])
def test_explain_out_of_range_or_not_a_number_is_one_clear_line(story, value, message):
    r = run_geo("verify", str(story), "--explain", value)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
