"""Reference layers and exact distances to them, against independent brute force."""

from __future__ import annotations

import pytest

from geo.errors import DateError
from geo.layers.frontline import choose_snapshot


# -- snapshot dates ---------------------------------------------------------------------------
@pytest.fixture()
def snapdir(tmp_path):
    for day in ("2022-02-23", "2025-07-01"):
        (tmp_path / f"{day}.csv").write_text("part,name,lat,lon,note\nmain,a,50,40,x\nmain,b,46,31,y\n")
    return tmp_path


def test_choose_snapshot_on_or_before(snapdir):
    assert choose_snapshot("2025-07-01", snapdir).snapshot.isoformat() == "2025-07-01"
    c = choose_snapshot("2025-07-20", snapdir)
    assert c.snapshot.isoformat() == "2025-07-01" and c.warning is None
    c = choose_snapshot("2024-01-01", snapdir)
    assert c.snapshot.isoformat() == "2022-02-23"
    assert "2022-02-23" in c.warning and "days older" in c.warning
    assert choose_snapshot(None, snapdir).snapshot.isoformat() == "2025-07-01"


def test_date_before_first_snapshot_lists_dates(snapdir):
    with pytest.raises(DateError, match="snapshots: 2022-02-23, 2025-07-01"):
        choose_snapshot("2021-12-31", snapdir)
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        choose_snapshot("1 July 2025", snapdir)
