"""Values built once per live object: a search index per set of segments, a box cache per index.

The objects (``Segments``, ``SampleIndex``) are immutable arrays that are not hashable, so their values are
kept by ``id`` and dropped when the object is collected (its id may then be reused). Thread-safe: the
kernel's threads may ask at once; a value is built once, under the store's lock.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["PerObject"]

V = TypeVar("V")


class PerObject(Generic[V]):
    """A store of one value per live object, built on first use by the ``make`` given to :meth:`get`."""

    def __init__(self) -> None:
        self._values: dict[int, V] = {}
        self._lock = threading.Lock()

    def get(self, obj: object, make: Callable[[], V]) -> V:
        """The value of ``obj``, built by ``make()`` the first time and kept while ``obj`` lives."""
        key = id(obj)
        value = self._values.get(key)
        if value is not None:
            return value
        with self._lock:
            value = self._values.get(key)
            if value is None:
                value = self._values[key] = make()
                weakref.finalize(obj, self._values.pop, key, None)  # the id may be reused once obj is gone
        return value
