"""Measurement of many points at once: range queries over every gazetteer place
(:mod:`geo.many.ranges`, on the columns of :mod:`geo.many.place_table`) and batch distances
from millions of points, in process or on Dask (:mod:`geo.many.batch`)."""
