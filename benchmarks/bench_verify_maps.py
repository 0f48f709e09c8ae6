"""Benchmarks for `geo verify` and `geo map` (run on demand; medians).

Run: .venv/bin/python benchmarks/bench_verify_maps.py
- verification of a ~1,000-word article (20 claims), cold (fresh interpreter, CLI) and warm (in process);
- embed size and headless-Chromium render time of the Izhevsk map and of a 20-claim verification map.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _common import median_seconds, report, run_cli

CITIES = [
    "Izhevsk",
    "Kazan",
    "Saratov",
    "Engels-2",
    "Voronezh",
    "Belgorod",
    "Kursk",
    "Bryansk",
    "Rostov-on-Don",
    "Volgograd",
    "Samara",
    "Orsk",
    "Ufa",
    "Perm",
    "Yelabuga",
    "Tambov",
    "Lipetsk",
    "Ryazan",
    "Tula",
    "Kaluga",
]
FILLER = (
    "Officials gave few details about the damage, and independent confirmation was not possible. "
    "Residents described hearing several loud explosions before dawn. "
)


def article() -> str:
    """A ~1,000-word text of our own with 20 distance claims."""
    parts = ["date 2025-07-01"]
    for i, city in enumerate(CITIES):
        km = 300 + 70 * i
        parts.append(
            f"A drone struck a depot in {city}, some {km:,} kilometers from Ukraine, the governor said. "
            + FILLER * 2
        )
    return "\n\n".join(parts)


def main() -> None:
    text = article()
    print(f"article: {len(text.split())} words, {len(CITIES)} claims")
    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp) / "story.txt"
        story.write_text(text, encoding="utf-8")
        med, _ = median_seconds(lambda: run_cli("verify", str(story), "--json"), repeat=5)
        report("cold `geo verify` (1,000 words, 20 claims)", med, "(median of 5)")

        from geo.judge.judge import Judge
        from geo.places.gazetteer import Gazetteer
        from geo.text.extract import extract_claims

        gaz = Gazetteer.default()
        judge = Judge(gaz, date="2025-07-01")
        judge.judge_all(extract_claims(text))  # warm caches
        med, _ = median_seconds(lambda: judge.judge_all(extract_claims(text)), repeat=5)
        report("warm verify in process (1,000 words, 20 claims)", med, "(median of 5)")

        from geo.render.map.png import render_png
        from geo.render.map.verdicts import verification_map

        izh = Path(tmp) / "izhevsk.html"
        med, _ = median_seconds(
            lambda: run_cli(
                "map",
                "Izhevsk",
                "--from",
                "controlled",
                "--date",
                "2025-07-01",
                "--rings",
                "500,1000,1500",
                "--out",
                str(izh),
                "--force",
            ),
            repeat=3,
        )
        report(
            "cold `geo map Izhevsk --rings 500,1000,1500`", med, f"embed {izh.stat().st_size / 1024:,.0f} KB"
        )
        med, _ = median_seconds(lambda: render_png(izh, Path(tmp) / "izhevsk.png"), repeat=3)
        report("headless Chromium render of the Izhevsk map (PNG)", med, "(median of 3)")

        vmap = Path(tmp) / "story.html"
        verdicts = judge.judge_all(extract_claims(text))
        med, _ = median_seconds(lambda: verification_map(verdicts, vmap, date="2025-07-01"), repeat=3)
        report("20-claim verification map, build + save", med, f"embed {vmap.stat().st_size / 1024:,.0f} KB")
        med, _ = median_seconds(lambda: render_png(vmap, Path(tmp) / "story.png"), repeat=3)
        report("headless Chromium render of the 20-claim map (PNG)", med, "(median of 3)")
        dark = verification_map(verdicts, Path(tmp) / "story-dark-inset.html", date="2025-07-01",
                                theme="dark", inset=True)  # fmt: skip
        report("20-claim map, --theme dark --inset", 0.0, f"embed {dark.stat().st_size / 1024:,.0f} KB")
        med, _ = median_seconds(lambda: render_png(vmap, Path(tmp) / "story.svg"), repeat=3)
        report("headless Chromium SVG of the 20-claim map", med, "(median of 3)")
        for page in (izh, vmap, dark):
            ms = page_ready_ms(page)
            report(
                f"in-page render of {page.name}, 375 and 1200 px", max(ms) / 1000, f"(median of 5: {ms} ms)"
            )


def page_ready_ms(page: Path, repeat: int = 5) -> list[int]:
    """Median milliseconds from navigation to a drawn map with its labels placed
    (``window.geoReadyMs``), at 375×667 and at 1200×800, in headless Chromium."""
    import statistics

    from playwright.sync_api import sync_playwright

    from geo.render.map.png import CHROMIUM_ARGS, find_chromium

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        for width, height in ((375, 667), (1200, 800)):
            times = []
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": width, "height": height})
                tab = context.new_page()
                tab.goto(page.resolve().as_uri(), wait_until="load")
                tab.wait_for_function("window.geoMapReady === true")
                times.append(tab.evaluate("window.geoReadyMs"))
                context.close()
            out.append(round(statistics.median(times)))
        browser.close()
    return out


if __name__ == "__main__":
    main()
