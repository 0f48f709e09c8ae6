"""Index arithmetic on NumPy arrays shared by the nearest-point kernel: runs laid end to
end, children of parents, the smallest of each group. No loops per element."""

from __future__ import annotations

import numpy as np

__all__ = ["expand", "first_min_of_runs", "nearest_of_each", "row_products", "runs"]

#: Rows per block of :func:`row_products`.
PRODUCT_ROWS = 256


def runs(counts):
    """Runs of ``counts`` elements laid end to end: each element's run and its index
    within the run (both int arrays of length ``counts.sum()``)."""
    owner = np.repeat(np.arange(len(counts)), counts)
    return owner, np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)


def nearest_of_each(group, d):
    """Index of the smallest ``d`` of each distinct ``group`` value (the first such
    element on ties), in increasing group order."""
    order = np.lexsort((d, group))  # by group, then by distance: the first of each wins
    return order[np.r_[True, group[order][1:] != group[order][:-1]]] if len(order) else order


def expand(parent, start, length):
    """Children of each (row, parent) pair: ``(pair index, child)`` for the contiguous
    children ``start[parent] .. start[parent] + length[parent] - 1``."""
    pair, offset = runs(length[parent])
    return pair, start[parent][pair] + offset


def first_min_of_runs(group, d):
    """Index of the smallest ``d`` in each run of equal, sorted ``group`` values (the first
    such element on ties), in run order. Cheaper than :func:`nearest_of_each` for sorted
    groups."""
    if not len(group):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    run_min = np.minimum.reduceat(d, starts)
    is_min = d == np.repeat(run_min, np.diff(np.r_[starts, len(group)]))
    pick = np.minimum.reduceat(np.where(is_min, np.arange(len(group)), len(group)), starts)
    return pick[pick < len(group)]  # a run of NaN has no minimum


def row_products(a, b):
    """``a @ b.T`` for a tall ``a`` and a short ``b`` (a few columns each), in blocks of
    ``PRODUCT_ROWS`` rows: small enough that OpenBLAS computes each block on the calling
    thread. The kernel already runs one thread per core; BLAS threads on top of them
    oversubscribe the cores (measured: the whole kernel ~1.4x slower on 2 cores)."""
    out = np.empty((len(a), len(b)))
    bt = np.ascontiguousarray(b.T)
    for i in range(0, len(a), PRODUCT_ROWS):
        np.matmul(a[i : i + PRODUCT_ROWS], bt, out=out[i : i + PRODUCT_ROWS])
    return out
