"""Keeping the user's files safe at the command line's edge.

An output is never the input (not even with ``--force``, and not through a symlink, a
hard link or ``../``); an output file appears at its final path whole or not at all (it
is written to a hidden temporary file beside it and moved into place, and removed on an
error, Ctrl-C or SIGTERM); SIGTERM is turned into the same clean stop as Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import signal
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from geo.errors import GeoError

__all__ = ["atomic_output", "check_output_path", "refuse_input_as_output", "stop_on_sigterm"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        return False
    return a.resolve() == b.resolve()


def refuse_input_as_output(out: str | Path | None, option: str, inputs: Iterable[str | Path | None]) -> None:
    """Refuse (even with ``--force``) an output that names one of the user's inputs."""
    if not out:
        return
    for given in inputs:
        if given and given != "-" and _same_file(Path(out).expanduser(), Path(given).expanduser()):
            raise GeoError(f"{option} {out} is an input of this run ({given}); choose another output name")


def check_output_path(path: str | Path | None, option: str, force: bool) -> None:
    """An output path that can be written: its folder exists, it is not a folder, and it
    exists only when ``--force`` allows replacing it."""
    if not path:
        return
    p = Path(path).expanduser()
    if str(path).strip() == "" or p.name in ("", ".", ".."):
        raise GeoError(f"{option} needs a file name, got {str(path)!r}")
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in str(path)):
        raise GeoError(f"{option} {str(path)!r} holds control characters (a tab, a newline); rename it")
    if p.is_dir():
        raise GeoError(f"{option} {path} is a folder; give a file name")
    if p.exists() and not p.is_file():
        raise GeoError(f"{option} {path} is not a regular file; give a file name")
    if not p.parent.exists():
        raise GeoError(f"{option}: the folder {p.parent} does not exist")
    if p.exists() and not force:
        raise GeoError(f"{path} exists; choose another {option} or pass --force to overwrite it")


@contextlib.contextmanager
def atomic_output(final: str | Path) -> Iterator[Path]:
    """A hidden temporary path beside ``final`` (same suffix) to write to; moved to
    ``final`` when the block succeeds, deleted when it fails or is interrupted."""
    final = Path(final).expanduser()
    tmp = final.with_name(f".{final.stem}.{uuid.uuid4().hex[:8]}.partial{final.suffix}")
    try:
        yield tmp
        if not tmp.exists():
            raise GeoError(f"nothing was written for {final}")
        os.replace(tmp, final)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _terminate(signum, frame) -> None:
    raise KeyboardInterrupt


def stop_on_sigterm() -> None:
    """Make SIGTERM stop the run as Ctrl-C does, so that partial outputs are removed."""
    with contextlib.suppress(ValueError, OSError):  # not in the main thread: leave it
        signal.signal(signal.SIGTERM, _terminate)
