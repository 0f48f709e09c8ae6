"""The walkthrough notebook runs top to bottom (so it never rots)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import ROOT


def test_walkthrough_notebook_executes_without_errors():
    path = ROOT / "notebooks" / "walkthrough.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = "".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
    )
    assert "consistent" in outputs and "overstated" in outputs
    assert "970.1 km" in outputs  # Moscow → Izhevsk
    assert "Ukrainian-controlled territory" in outputs and "front line 2025-07-01" in outputs
    html = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    ]
    assert any("leaflet" in o["data"]["text/html"].lower() for o in html)  # the map renders inline
