"""``geo map`` and ``geo verify --map`` from the command line (subprocess), offline."""

from __future__ import annotations

import re

from helpers import run_geo


def test_map_with_rings_embed_snippet_and_no_network_assets(tmp_path):
    out = tmp_path / "izhevsk.html"
    r = run_geo("map", "Izhevsk", "--from", "controlled", "--date", "2025-07-01", "--rings", "500,1000,1500",
                "--out", str(out), "--embed")  # fmt: skip
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size <= 300 * 1024
    assert not re.search(r"<script[^>]+src=[\"']https?://", html)
    assert not re.search(r"<link[^>]+href=[\"']https?://", html)
    assert "1,260 km" in html and "Natural Earth" in html and "2025-07-01" in html
    assert "Russian-occupied, 1 July 2025" in html  # context layers shown with the controlled one (key)
    assert r.stdout.startswith("Izhevsk is about 1,260 km")
    assert "<iframe" in r.stdout and 'title="Izhevsk is about 1,260 km' in r.stdout


def test_map_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "m.html"
    out.write_text("keep me", encoding="utf-8")
    r = run_geo("map", "Izhevsk", "--from", "Moscow", "--out", str(out))
    assert r.returncode == 2 and "exists" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    r = run_geo("map", "Izhevsk", "--from", "Moscow", "--out", str(out), "--force")
    assert r.returncode == 0, r.stderr
    assert "970 km" in out.read_text(encoding="utf-8")


def test_map_bad_rings(tmp_path):
    r = run_geo("map", "Izhevsk", "--from", "Moscow", "--out", str(tmp_path / "x.html"), "--rings", "5OO")
    assert r.returncode == 2 and "--rings" in r.stderr and "Traceback" not in r.stderr


def test_verify_map_colours_each_claim(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "date 2025-07-01\nA drone hit a plant in Izhevsk, some 1,300 km from Ukraine.\n"
        "A radar in the city of Orsk, some 1,800 km from the Ukrainian border, was hit too.\n",
        encoding="utf-8",
    )
    out = tmp_path / "story.html"
    r = run_geo("verify", str(story), "--map", str(out))
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "Izhevsk" in html and "Orsk" in html and "overstated" in html and "consistent" in html
    r = run_geo("verify", str(story), "--map", str(out))
    assert r.returncode == 2 and "exists" in r.stderr
    assert 'class="geo-auto-theme"' in html and "Locator: the map" not in html
    # the map's look, as geo map has it: the dark palette and the inset locator
    r = run_geo("verify", str(story), "--map", str(out), "--force", "--theme", "dark", "--inset")
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert 'class="geo-dark"' in html and "Locator: the map" in html


def test_range_map_takes_the_theme_and_the_inset(tmp_path):
    out = tmp_path / "range.html"
    r = run_geo("range", "--from", "Kyiv", "--km", "300", "--min-pop", "100000", "--map", str(out),
                "--theme", "dark", "--inset")  # fmt: skip
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert 'class="geo-dark"' in html and "Locator: the map" in html


def test_a_cold_cache_draws_the_same_map_as_a_warm_one(tmp_path):
    # The cold-cache double Ukraine: on the first run after the country cache was emptied,
    # `--from all` drew Ukraine's border twice (247 KB instead of 231 KB).
    import os
    import shutil
    import subprocess
    import sys

    from geo.config import cache_dir

    cache = tmp_path / "cache"
    cache.mkdir()
    for index in cache_dir().glob("gazetteer-*.sqlite"):  # keep the index, drop the country cache
        shutil.copy(index, cache / index.name)
    pages = []
    for run in ("cold", "warm"):
        out = tmp_path / f"{run}.html"
        env = {**os.environ, "GEO_CACHE_DIR": str(cache)}
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "geo.cli",
                "map",
                "Kazan",
                "--from",
                "all",
                "--date",
                "2025-07-01",
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert r.returncode == 0, r.stderr
        pages.append(re.sub(r"_[0-9a-f]{32}", "_ID", out.read_text(encoding="utf-8")))
    assert pages[0] == pages[1]


def test_title_caption_and_alt_text_state_one_figure(tmp_path):
    out = tmp_path / "izhevsk.html"
    r = run_geo(
        "map", "Izhevsk", "--from", "ukraine", "--out", str(out), "--embed", "--byline", "Map: A. Reporter"
    )
    assert r.returncode == 0, r.stderr
    sentence = r.stdout.splitlines()[0]
    figure = re.search(r"about ([\d,]+ km \([\d,]+ mi\))", sentence).group(1)
    assert figure == "1,190 km (740 mi)"
    html = out.read_text(encoding="utf-8")
    h1 = re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert figure in h1 and "1,187" not in h1
    snippet = r.stdout
    assert snippet.count(figure) >= 2 and "1,187" not in snippet  # title and aria-label
    assert '<p class="geo-byline">Map: A. Reporter</p>' in html
    assert '"scrollWheelZoom":false' in html  # static by default
    assert "data-geo-embed" in snippet and "geo-embed-height" in snippet


def test_interactive_label_and_a_crafted_out_name(tmp_path):
    crafted = tmp_path / "java\tscript:x.html"
    r = run_geo("map", "56.85,53.2", "--from", "Moscow", "--out", str(crafted), "--embed")
    assert r.returncode == 2 and "control characters" in r.stderr  # refused before anything is written
    assert not crafted.exists()
    out = tmp_path / "plant.html"
    r = run_geo("map", "56.85,53.2", "--label", "The plant", "--from", "Moscow", "--out", str(out),
                "--embed", "--interactive")  # fmt: skip
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert '"scrollWheelZoom":true' in html and '"The plant"' in html
    src = re.search(r'<iframe src="([^"]*)"', r.stdout).group(1)
    assert src == "plant.html"
