"""Small timing helpers for the on-demand benchmarks (medians; these machines are noisy)."""

from __future__ import annotations

import os
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


#: Child processes may write bytecode caches, as a user's installed package does after its
#: first run (a shell with PYTHONDONTWRITEBYTECODE=1 would recompile every module on every
#: "cold" run and time the compiler, not the tool).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_cli(*args: str) -> None:
    """Run the real ``geo`` command in a fresh interpreter (cold start), failing loudly."""
    cmd = [sys.executable, "-m", "geo.cli", *args]
    r = subprocess.run(cmd, capture_output=True, text=True, env=CHILD_ENV)
    if r.returncode != 0:
        raise SystemExit(f"geo {' '.join(args)} failed: {r.stderr.strip()}")


def report(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<58} {seconds * 1000:10.1f} ms  {extra}")
