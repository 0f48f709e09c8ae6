"""geo.render.map.embed: the article's responsive iframe snippet."""

from __future__ import annotations

import pytest

from geo.errors import GeoError
from geo.render.map.embed import embed_snippet


def test_embed_snippet_is_responsive_accessible_and_escaped():
    alt = 'Izhevsk is about 1,190 km from Ukraine\'s border <b>"quoted"</b>'
    html = embed_snippet("maps/izhevsk.html?a=1&b=2", "Map: <Izhevsk>", alt, width=720, aspect=1.5)
    assert "aspect-ratio:1.5;" in html and "data-geo-embed" in html
    assert 'src="maps/izhevsk.html?a=1&amp;b=2"' in html
    assert 'title="Map: &lt;Izhevsk&gt;"' in html
    assert 'aria-label="Izhevsk is about 1,190 km from Ukraine&#x27;s border &lt;b&gt;&quot;quoted' in html
    assert "<b>" not in html and "max-width:720px" in html
    with pytest.raises(GeoError, match="javascript"):
        embed_snippet("javascript:alert(1)", "t", "a")
    with pytest.raises(GeoError, match="CSS length"):
        embed_snippet("x.html", "t", "a", width="100px;background:url(x)")
