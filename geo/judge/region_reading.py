"""A claim measured from a region: "Kharkiv lies about 40 km from the Belgorod region".

A region is a polygon (Natural Earth admin-1, :mod:`geo.layers.regions`): the distance from it is
the WGS84 geodesic distance to its nearest edge, judged with Natural Earth's slack
(``BORDER_SLACK_KM``) added to the place's own. A place inside the region is never measured as
0 km from it: the figure must then mean something else (its capital, its border with another
region), which the text does not say, so the reading is refused with the reason.
"""

from __future__ import annotations

from geo.errors import GeoError
from geo.judge.readings import Reading, layer_reading
from geo.judge.tolerance import BORDER_SLACK_KM, claim_band_km, place_slack_km
from geo.layers.regions import region_layer
from geo.measure.measurements import measure_layer
from geo.model import Place, ReadingKind

__all__ = ["region_reading"]


def region_reading(claim, target: Place, region_id: str, namer=None) -> tuple[Reading, list[str]]:
    """The reading of ``claim`` about ``target`` from the region ``region_id`` (e.g. ``RU-BEL``) and
    its flags; ``GeoError`` when the target lies inside the region. ``namer`` names the region's
    nearest point (see :func:`geo.measure.measurements.nearest_place_namer`)."""
    layer = region_layer(region_id)
    m = measure_layer(target, layer, namer)
    if m.inside:
        raise GeoError(
            f"{target.name} lies inside {layer.plain_title}: a distance from the region cannot mean "
            "its own edge, and the text does not say what else"
        )
    band = claim_band_km(claim, place_slack_km(target) + BORDER_SLACK_KM)
    return layer_reading(ReadingKind.PLACE, m, claim.claimed_km, band, claim.direction)
