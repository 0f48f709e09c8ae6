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
file system): workers read their own blocks (``dask.dataframe.from_map``, one partition
per block, through :func:`geo.many.batch.blocks.read_block`) and measure them
(``map_partitions``, through :func:`geo.many.batch.measure_block.measure_block`). The
reference geometry is sent to every worker once (``client.scatter(..., broadcast=True)``),
not with each task. Measured blocks come back to this process in order, a few at a time.

Same answer everywhere: the partitions are our own blocks rather than
``dd.read_csv``'s byte ranges, so the Dask run cuts the input exactly as the in-process
run does, row numbers in error messages are right, CSV quoting is respected, and the
output is equal to the in-process output to the last bit. The partition functions are
module-level so that Dask can pickle them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from geo.errors import GeoError
from geo.many.batch.blocks import read_block
from geo.many.batch.measure_block import measure_block, output_schema
from geo.many.batch.plan import BatchPlan
from geo.measure.prepared import PreparedReference

__all__ = ["connect", "dask_blocks"]


# Pandas partitions around the same arrow functions ------------------------------------------
def _read_partition(i: int, plan: BatchPlan):
    import pandas as pd

    return read_block(plan, i).to_pandas(types_mapper=pd.ArrowDtype)


def _measure_partition(df, plan: BatchPlan, reference: PreparedReference, partition_info=None):
    import pandas as pd
    import pyarrow as pa

    i = partition_info["number"] if partition_info else 0
    table = pa.Table.from_pandas(df, schema=plan.schema, preserve_index=False)
    # One kernel thread per task: the worker's threads (one per core) are the parallelism,
    # and the kernel's own threads on top of them made a 2-worker cluster slower than one process.
    block = measure_block(table, plan, reference, i * plan.chunk_rows, threads=1)
    return block.to_pandas(types_mapper=pd.ArrowDtype)


def _empty_frame(schema):
    import pandas as pd

    return schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)


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
    import dask.dataframe as dd
    import pyarrow as pa

    ref = client.scatter(prepared, broadcast=True, hash=False)
    out_schema = output_schema(plan)
    ddf = dd.from_map(
        _read_partition,
        range(plan.blocks),
        args=(plan,),
        meta=_empty_frame(plan.schema),
        enforce_metadata=False,
    )
    measured = ddf.map_partitions(
        _measure_partition, plan, ref, meta=_empty_frame(out_schema), enforce_metadata=False
    )
    parts = measured.to_delayed()
    window = 2 * max(1, len(client.nthreads())) + 1
    queue: deque = deque()
    nxt = 0
    try:
        while nxt < len(parts) or queue:
            while nxt < len(parts) and len(queue) < window:
                queue.append(client.compute(parts[nxt]))
                nxt += 1
            future = queue.popleft()
            df = future.result()
            future.release()
            yield pa.Table.from_pandas(df, schema=out_schema, preserve_index=False)
    finally:
        for f in queue:
            f.cancel()
        ref.release()
