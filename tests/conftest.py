"""Shared fixtures. The gazetteer index is built once per checkout under .pytest_cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CACHE = ROOT / ".pytest_cache" / "geo-cache"
os.environ.setdefault("GEO_CACHE_DIR", str(CACHE))


@pytest.fixture(scope="session")
def gazetteer():
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.default()
