"""geo: a geospatial strike-range mapper for newsrooms.

Geocode place names offline, measure exact WGS84 geodesic distances to places and
reference layers (Ukraine's border, controlled territory, the front line on a date),
verify distance claims in article text, and map the result.
"""

__version__ = "0.1.0"
