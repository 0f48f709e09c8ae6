"""Is a cached gazetteer index whole? A zero-byte, truncated, foreign or half-written
index file is deleted, so that it is rebuilt (a cache is always safe to delete)."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from geo import config
from geo.errors import GeoError

__all__ = ["drop_unsound_index"]


def drop_unsound_index(db_path: Path) -> None:
    """Delete a cached index that is not whole (zero bytes, truncated, not SQLite, no
    fingerprint), so that it is rebuilt: a cache is safe to delete."""
    try:
        st = db_path.stat()
    except OSError:
        return
    if _index_is_sound(str(db_path), st.st_size, st.st_mtime_ns):
        return
    try:
        db_path.unlink()
    except OSError as err:
        raise GeoError(
            f"the gazetteer index {db_path} is damaged and cannot be deleted ({err.strerror or err}); "
            f"delete it, or point {config.CACHE_ENV} at a writable folder"
        ) from None


@lru_cache(maxsize=8)
def _index_is_sound(path: str, size: int, _mtime_ns: int) -> bool:
    """True when the file is a whole SQLite database holding our fingerprint."""
    if size == 0:
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            pages = con.execute("PRAGMA page_count").fetchone()[0]
            page_size = con.execute("PRAGMA page_size").fetchone()[0]
            row = con.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()
            con.execute("SELECT pid FROM places ORDER BY pid DESC LIMIT 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and pages * page_size == size
