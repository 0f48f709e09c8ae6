"""Pure WGS84 kernels on arrays: units, geodesics, segments, the exact nearest-point
kernel, drawn paths and exact range rings. No I/O; imports nothing of ours but
``geo.errors`` and ``geo.model``."""
