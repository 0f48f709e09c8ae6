"""Exact distances from millions of points to a reference, streamed in-process or on Dask.

:func:`geo.many.batch.run.batch_distances` reads points (CSV, Parquet or GeoJSON; degrees
WGS84, EPSG:4326), measures each against a reference layer (or a place) with the same
exact WGS84 kernel as single queries (:meth:`geo.measure.prepared.PreparedReference.measure`,
i.e. :func:`geo.core.nearest.nearest_on_segments`, better than 1 mm), and writes one
Parquet file with ``distance_km`` (km), ``nearest_lat``/``nearest_lon`` (degrees) and
``inside``.

The modules, in the order a run uses them:

``plan``
    :class:`~geo.many.batch.plan.BatchPlan`, how an input is cut into blocks of
    ``chunk_rows`` consecutive rows, and what every reader shares.
``io_csv``, ``io_parquet``, ``io_geojson``
    One reader per format: plan the blocks, read one block at random, stream them.
``blocks``
    The format-agnostic side: plan any input, read block ``i``, stream every block.
``measure_block``
    The output columns of a block, after checking its coordinates.
``on_dask``
    The same blocks read and measured on a Dask cluster.
``run``
    The entry point: output checks, in-process or Dask run, atomic move, progress.
"""

__all__: list[str] = []
