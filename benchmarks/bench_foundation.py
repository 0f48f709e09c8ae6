"""Foundation benchmark: gazetteer index build, cold CLI wall time, warm lookups per second.

Run: .venv/bin/python benchmarks/bench_foundation.py
Targets (issue 2): cold `geo geocode` / `geo distance` <= 1 s once the index exists.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from _common import median_seconds, report, run_cli


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GEO_CACHE_DIR"] = tmp
        from geo.config import DATA_DIR
        from geo.places.index import build_index

        t = time.perf_counter()
        build_index(Path(tmp) / "bench.sqlite", DATA_DIR)
        build = time.perf_counter() - t
        report("gazetteer index build (cities500, facilities, regions)", build)
    os.environ.pop("GEO_CACHE_DIR", None)
    run_cli("geocode", "Izhevsk")  # make sure the user-cache index exists
    for args in (
        ("geocode", "Izhevsk"),
        ("geocode", "Zaporihzzhia"),
        ("distance", "Izhevsk", "--from", "Moscow"),
        ("distance", "Izhevsk", "--from", "ukraine"),
    ):
        med, times = median_seconds(lambda a=args: run_cli(*a), repeat=5)
        report("cold `geo " + " ".join(args) + "`", med, f"(median of 5; min {min(times) * 1000:.0f} ms)")
    from geo.places.gazetteer import Gazetteer

    g = Gazetteer.default()
    names = [
        "Izhevsk",
        "Moscow",
        "Kharkov",
        "Zaporozhye",
        "Kyiv",
        "Orsk",
        "Engels-2",
        "Bakhmut",
        "Lviv",
        "Kazan",
    ]
    n = 2000
    med, _ = median_seconds(lambda: [g.resolve(names[i % len(names)]) for i in range(n)], repeat=3)
    print(f"{'warm exact lookups':<58} {n / med:10.0f} per second")
    typos = ["Zaporihzzhia", "Izhevks", "Novoshakhtnsk", "Kramatrosk", "Melitopl"]
    med, _ = median_seconds(lambda: [Gazetteer(g.db_path).lookup(t) for t in typos], repeat=3)
    print(f"{'warm fuzzy lookups (typo, each new)':<58} {len(typos) / med:10.1f} per second")


if __name__ == "__main__":
    main()
