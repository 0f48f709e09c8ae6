"""Places benchmark: how fast an unknown name is answered, and how well names as reporters
write them resolve (the 189 sourced names of ``tests/places/data/reporter_names.csv``).

Run: .venv/bin/python benchmarks/bench_places.py
Target (issue "Places as reporters write them"): unknown names answer with suggestions in
<= 300 ms cold (median).
"""

from __future__ import annotations

import subprocess
import sys

from _common import ROOT, median_seconds, report


def cold(*args: str) -> None:
    """The real ``geo`` command in a fresh interpreter; exit 0 or 2 (a user error) both count."""
    r = subprocess.run([sys.executable, "-m", "geo.cli", *args], capture_output=True, text=True)
    if r.returncode not in (0, 2) or "Traceback" in r.stderr:
        raise SystemExit(f"geo {' '.join(args)} failed: {r.stderr.strip()}")


def main() -> None:
    cold("geocode", "Izhevsk")  # the user-cache index exists from here on
    for args in (
        ("geocode", "Izhevsk"),
        ("geocode", "Qwertyovsk"),
        ("geocode", "Xyzzyville"),
        ("geocode", "Zaporihzzhia"),
        ("geocode", "Belgorod region"),
        ("geocode", "the Engels airbase"),
    ):
        med, times = median_seconds(lambda a=args: cold(*a), repeat=7)
        report("cold `geo " + " ".join(args) + "`", med, f"(median of 7; min {min(times) * 1000:.0f} ms)")
    sys.path.insert(0, str(ROOT / "tests"))
    from geo.places.gazetteer import Gazetteer

    from name_evaluation import evaluate_all, summary

    print(summary(evaluate_all(Gazetteer.default())))


if __name__ == "__main__":
    main()
