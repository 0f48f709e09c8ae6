"""The per-object store behind the kernel's indexes: one build per live object, under concurrency."""

from __future__ import annotations

import gc
import threading

from geo.core.per_object import PerObject


class Thing:
    pass


def test_a_value_is_built_once_and_dropped_with_its_object():
    store: PerObject[list] = PerObject()
    thing, builds = Thing(), []
    first = store.get(thing, lambda: builds.append(1) or ["value"])
    assert store.get(thing, lambda: builds.append(1) or ["other"]) is first and builds == [1]
    del thing
    gc.collect()
    assert store._values == {}


def test_threads_asking_at_once_share_one_build():
    store: PerObject[object] = PerObject()
    thing, builds, start = Thing(), [], threading.Barrier(8)

    def make():
        builds.append(1)
        return object()

    got = []

    def ask():
        start.wait()
        got.append(store.get(thing, make))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(builds) == 1 and len({id(v) for v in got}) == 1
