"""Shared fixtures. The gazetteer index is built once per checkout under .pytest_cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CACHE = ROOT / ".pytest_cache" / "geo-cache"
os.environ.setdefault("GEO_CACHE_DIR", str(CACHE))
# The user's imported front-line snapshots are never read or written by tests: an empty
# data home of their own (tests that import set GEO_DATA_HOME to a tmp_path).
os.environ["GEO_DATA_HOME"] = tempfile.mkdtemp(prefix="geo-data-home-")


@pytest.fixture(scope="session")
def gazetteer():
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.default()
