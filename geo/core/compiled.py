"""The one way the kernel compiles its inner loops: Numba, GIL released, cached on disk.

Where no cache can be written (a read-only install and no writable home or ``NUMBA_CACHE_DIR``),
Numba refuses ``cache=True`` when the function is defined; the loops are then compiled once per
process instead of failing to import.
"""

from __future__ import annotations

from numba import njit

__all__ = ["compiled"]


def compiled(func):
    """``func`` compiled by Numba with the GIL released, cached on disk where it can be."""
    try:
        return njit(nogil=True, cache=True)(func)
    except RuntimeError:  # "cannot cache function …: no locator available"
        return njit(nogil=True)(func)
