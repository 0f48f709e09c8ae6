"""Exact range rings around a reference layer (the kernel is :mod:`geo.core.rings`)."""

from __future__ import annotations

from geo.core.rings import RING_SPACING_KM, RING_TARGET_ERROR, RangeRing, ring_around
from geo.layers.layer import Layer
from geo.measure.prepared import distance_to_layer

__all__ = ["layer_ring"]


def layer_ring(
    layer: Layer,
    radius_km: float,
    spacing_km: float = RING_SPACING_KM,
    target_error: float = RING_TARGET_ERROR,
    max_iterations: int = 30,
) -> RangeRing:
    """The line at ``radius_km`` (WGS84 geodesic) from a whole layer (line or polygon),
    every vertex within ``target_error`` of the radius, measured exactly; see
    :func:`geo.core.rings.ring_around`."""

    def measure(lat, lon):
        res = distance_to_layer(lat, lon, layer)
        return res.distance_m, res.nearest_lat, res.nearest_lon

    return ring_around(
        layer.geometry, radius_km, measure, layer.name, spacing_km, target_error, max_iterations
    )
