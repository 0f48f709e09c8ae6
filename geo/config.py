"""Settings that every stage shares: where data and caches live, and who we say we are.

One place for them (as osmnx keeps its ``settings``): the user cache directory, which
``GEO_CACHE_DIR`` overrides everywhere; the project's own data folder; the name and
User-Agent the tool gives online services.
"""

from __future__ import annotations

import os
from pathlib import Path

from geo import __version__

#: Name used for the user cache directory and in the User-Agent.
APP_NAME = "geo-strike-range"
#: The User-Agent sent to online services (geocoders): honest, with a way to reach us.
USER_AGENT = f"geo-strike-range-mapper/{__version__} (newsroom fact-checking; contact via project README)"
#: The project's own data files (facilities, front-line snapshots), with provenance in its README.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: Environment variable that moves every cache.
CACHE_ENV = "GEO_CACHE_DIR"


def cache_dir() -> Path:
    """The user cache directory for built indexes and cached layers (override with ``GEO_CACHE_DIR``).

    Everything kept there is rebuilt when its source changes and is safe to delete.
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


#: Environment variable that moves the user data directory (imported front-line snapshots).
DATA_HOME_ENV = "GEO_DATA_HOME"


def data_home() -> Path:
    """The user data directory (override with ``GEO_DATA_HOME``): the user's own imported
    front-line snapshots with their provenance sidecars. Unlike the cache, this holds the
    user's data: nothing here is deleted except by ``geo frontline forget``."""
    env = os.environ.get(DATA_HOME_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))
