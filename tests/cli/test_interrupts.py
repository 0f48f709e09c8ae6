"""Interrupting a batch or a map (SIGINT, SIGTERM) leaves no partial file at the final path,
and the input unchanged (issue 15): real ``geo`` processes, really signalled."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _interrupt_midway(argv: list[str], cwd: Path, sig: int, wait_for: float) -> subprocess.CompletedProcess:
    proc = subprocess.Popen(
        [sys.executable, "-m", "geo.cli", *argv],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(wait_for)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_a_batch_leaves_no_partial_file(tmp_path, sig):
    import numpy as np

    rng = np.random.default_rng(15)
    n = 800_000
    src = tmp_path / "many.csv"
    with open(src, "w") as fh:
        fh.write("lat,lon\n")
        np.savetxt(
            fh, np.column_stack([rng.uniform(44, 53, n), rng.uniform(22, 41, n)]), fmt="%.5f", delimiter=","
        )
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    r = _interrupt_midway(
        [
            "batch",
            "many.csv",
            "--from",
            "frontline",
            "--out",
            "out.parquet",
            "--quiet",
            "--chunk-rows",
            "50000",
        ],
        tmp_path,
        sig,
        wait_for=4.0,
    )
    assert "Traceback" not in r.stderr
    assert r.returncode in (0, 130, -sig), r.stderr
    out = tmp_path / "out.parquet"
    if out.exists():  # finished (or moved into place) before the signal: then the output is whole
        import pyarrow.parquet as pq

        assert pq.read_metadata(out).num_rows == n
    else:
        assert r.returncode != 0
    assert sorted(p.name for p in tmp_path.iterdir()) in (["many.csv"], ["many.csv", "out.parquet"])
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_a_map_leaves_no_partial_file(tmp_path, sig):
    r = _interrupt_midway(
        ["map", "Izhevsk", "--from", "all", "--rings", "500,1000,1500", "--out", "m.html"], tmp_path, sig, 2.5
    )
    assert "Traceback" not in r.stderr
    assert r.returncode in (0, 130, -sig), r.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names in ([], ["m.html"])  # no temporary file is ever left behind
    if names:  # moved into place before the signal (or finished): then the map is whole
        assert (tmp_path / "m.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    else:
        assert r.returncode != 0
