"""Helpers shared by tests (importable thanks to ``pythonpath = ["tests"]``)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_geo(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real ``geo`` command line in a subprocess (same interpreter)."""
    return subprocess.run(
        [sys.executable, "-m", "geo.cli", *args], capture_output=True, text=True, input=stdin,
        env={**os.environ}, timeout=300,
    )  # fmt: skip
