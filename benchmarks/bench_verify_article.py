"""Benchmark: `geo verify` on a 5,000-word article (issue 12: cold ≤ 1.5 s, warm ≤ 100 ms; medians).

Run: .venv/bin/python benchmarks/bench_verify_article.py
The article is our own text in reporters' shapes (headline, pronouns across sentences, appositives,
lists, quotes, figures in words, non-claims), padded with prose that holds no figure. "Cold" is a fresh
interpreter running the CLI with a built gazetteer index; "warm" is extract + judge in process with the
gazetteer and layers loaded, which is what a newsroom service answering many articles would pay.
The baseline is the same process doing nothing but import and read the article (`geo verify` on an
article with no claims), so the ratio shows what the claims themselves cost.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _common import median_seconds, report, run_cli

PARAGRAPHS = [
    "Drones hit Engels air base in overnight raid\n",
    "Ukrainian drones struck the Engels air base in Russia's Saratov region overnight, the regional "
    "governor said. The base lies some 600 km east of the Ukrainian border. It hosts long-range bombers.",
    "Kazan and Yelabuga lie more than 1,000 km from the front line, yet both were hit this year.",
    "Tuapse, a port on the Black Sea, is about 300 km from the nearest Ukrainian-controlled territory.",
    '"We are about ten kilometres from Pokrovsk," a soldier said. Russian troops are 5 km from the town.',
    "The refinery in Ryazan, roughly 500 km from Ukraine, was hit again. It is about 180 km south-east "
    "of Moscow.",
    "Targets on the list included Dyagilevo air base (Ryazan, 520 km) and Shaykovka (Kaluga, 300 km).",
    "The new missile can hit targets up to 300 km away, the ministry said. The drones flew 1,200 km.",
    "A frigate was spotted 34 nautical miles south-west of Sevastopol on Tuesday.",
    "Located about 30 km from the Russian border, Kharkiv is Ukraine's second largest city.",
]
FILLER = (
    "Officials gave few details about the damage, and independent confirmation was not possible at the "
    "time of writing. Residents described hearing several loud explosions before dawn, followed by the "
    "sound of air defence systems and sirens that lasted for much of the night across the district. "
)


def article(words: int = 5000) -> str:
    """About ``words`` words of our own text, the claim paragraphs repeated between filler."""
    parts = ["date 2025-07-01"]
    i = 0
    while len(" ".join(parts).split()) < words:
        parts.append(PARAGRAPHS[i % len(PARAGRAPHS)] + " " + FILLER * 2)
        i += 1
    return "\n\n".join(parts)


def main() -> None:
    text = article()
    empty = "date 2025-07-01\n\n" + FILLER * (5000 // len(FILLER.split()))
    with tempfile.TemporaryDirectory() as tmp:
        story, plain = Path(tmp) / "story.txt", Path(tmp) / "plain.txt"
        story.write_text(text, encoding="utf-8")
        plain.write_text(empty, encoding="utf-8")

        from geo.judge.judge import Judge
        from geo.places.gazetteer import Gazetteer
        from geo.text.extract import extract_claims

        claims = extract_claims(text)
        print(f"article: {len(text.split()):,} words, {len(claims)} claims")
        base, _ = median_seconds(lambda: run_cli("verify", str(plain), "--json"), repeat=5)
        report("baseline: cold `geo verify` on 5,000 words, no claims", base, "(median of 5)")
        med, _ = median_seconds(lambda: run_cli("verify", str(story), "--json"), repeat=5)
        report("cold `geo verify` (5,000 words)", med, f"{med / base:.2f}x baseline; target <= 1,500 ms")

        judge = Judge(Gazetteer.default(), date="2025-07-01")
        judge.judge_all(extract_claims(text))  # warm caches
        med, _ = median_seconds(lambda: judge.judge_all(extract_claims(text)), repeat=7)
        report("warm extract + judge in process (5,000 words)", med, "(median of 7); target <= 100 ms")
        med, _ = median_seconds(lambda: extract_claims(text), repeat=7)
        report("  of which extraction", med, "(median of 7)")


if __name__ == "__main__":
    main()
