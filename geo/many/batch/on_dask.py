"""The Dask side of a batch run: connect to a scheduler, measure the blocks on its workers.

``scheduler="local"`` starts a ``distributed.LocalCluster(n_workers=2,
threads_per_worker=1)`` for the run. An address ``"tcp://host:8786"`` (or a
``distributed.Client``) uses a running cluster::

    $ dask scheduler                          # on one machine; prints its tcp:// address
    $ dask worker tcp://10.0.0.5:8786         # on each worker machine
    $ geo batch points.parquet --from ukraine --out distances.parquet \\
          --scheduler tcp://10.0.0.5:8786

Every worker needs the ``geo`` package installed (same version; ``pip install
geo-strike-range[dask]``) and must be able to read the input at the same path (a shared
file system): each task reads one of our blocks on its worker
(:func:`geo.many.batch.blocks.read_block`), measures it there with one kernel thread
(:func:`geo.many.batch.measure_block.measure_block`; the worker processes are the
parallelism) and sends back a pyarrow Table, so no DataFrame library sits on the path
(no pandas conversion per partition, no ``dask.dataframe`` import). The reference
geometry is sent to every worker once (``client.scatter(..., broadcast=True)``), not with
each task. Measured blocks come back to this process in order, a few at a time, and are
written here while the workers go on.

Same answer everywhere: the tasks are our own blocks rather than ``dd.read_csv``'s byte
ranges, so the Dask run cuts the input exactly as the in-process run does, row numbers in
error messages are right, CSV quoting is respected, and the output is equal to the
in-process output to the last bit. The task function is module-level so that Dask can
pickle it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from geo.errors import GeoError
from geo.many.batch.blocks import read_block
from geo.many.batch.measure_block import measure_block
from geo.many.batch.plan import BatchPlan
from geo.measure.prepared import PreparedReference

__all__ = ["connect", "dask_blocks"]


def _measure_task(i: int, plan: BatchPlan, reference: PreparedReference):
    """Block ``i`` read and measured on a worker, as a pyarrow Table (one kernel thread: the
    worker processes are the parallelism; threads on top of them only contend)."""
    return measure_block(read_block(plan, i), plan, reference, i * plan.chunk_rows, threads=1)


def connect(scheduler) -> tuple:
    """``(client, cluster_or_None, label)`` for the ``scheduler`` argument.

    ``scheduler``: ``"local"`` (a cluster started here; close it after the run), a Dask
    address (``tcp://``, ``tls://``, ``ucx://``, ``inproc://``) or a ``distributed.Client``
    (used as is). Raises :class:`geo.errors.GeoError` if Dask is not installed, the
    argument is not understood or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise GeoError(
            "running on Dask needs the dask and distributed packages: "
            "pip install 'dask[dataframe]' distributed"
        ) from None
    if isinstance(scheduler, Client):
        return scheduler, None, str(scheduler.scheduler.address)
    if scheduler == "local":
        import logging

        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
        )
        return Client(cluster), cluster, "local cluster"
    text = str(scheduler)
    if not text.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        raise GeoError(
            f"unknown scheduler {text!r}: use 'local' or a Dask address such as tcp://10.0.0.5:8786"
        )
    try:
        return Client(text, timeout="20s"), None, text
    except (OSError, TimeoutError) as err:
        raise GeoError(f"cannot reach the Dask scheduler at {text}: {err}") from None


def dask_blocks(plan: BatchPlan, prepared: PreparedReference, client) -> Iterator:
    """Measured blocks (pyarrow Tables) in order, computed on the cluster a few at a time."""
    import uuid

    ref = client.scatter(prepared, broadcast=True, hash=False)
    run = uuid.uuid4().hex[:8]
    window = 2 * max(1, len(client.nthreads())) + 1
    queue: deque = deque()
    nxt = 0
    try:
        while nxt < plan.blocks or queue:
            while nxt < plan.blocks and len(queue) < window:
                key = f"geo-batch-{run}-{nxt}"
                queue.append(client.submit(_measure_task, nxt, plan, ref, key=key, pure=False))
                nxt += 1
            future = queue.popleft()
            table = future.result()
            future.release()
            yield table
    finally:
        for f in queue:
            f.cancel()
        ref.release()
