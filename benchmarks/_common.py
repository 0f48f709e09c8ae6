"""Small timing helpers for the on-demand benchmarks (medians; these machines are noisy)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def median_seconds(fn: Callable[[], object], repeat: int = 5) -> tuple[float, list[float]]:
    """Run ``fn`` ``repeat`` times; return the median and all timings, seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def run_cli(*args: str) -> None:
    """Run the real ``geo`` command in a fresh interpreter (cold start), failing loudly."""
    r = subprocess.run([sys.executable, "-m", "geo.cli", *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"geo {' '.join(args)} failed: {r.stderr.strip()}")


def report(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<58} {seconds * 1000:10.1f} ms  {extra}")
