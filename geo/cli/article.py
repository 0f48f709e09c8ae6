"""Reading an article for ``geo verify`` within limits: a maximum size and claim count per
run (configurable), so that a huge or hostile input gets a clear error, not a hang.

Only a regular file or standard input is read, and never more than the limit plus one
byte (``/dev/zero`` is refused at once, not read to the end).
"""

from __future__ import annotations

import os
import stat
import sys

from geo.errors import EmptyInputError, GeoError

__all__ = ["DEFAULT_MAX_CLAIMS", "DEFAULT_MAX_KB", "check_claim_count", "read_article"]

#: The largest article read by default (KB): a long feature is ~50 KB; 1 MB is a book.
DEFAULT_MAX_KB = 1024
#: The most claims judged in one run by default.
DEFAULT_MAX_CLAIMS = 500


def read_article(source: str, max_kb: int = DEFAULT_MAX_KB) -> str:
    """The article text from a file path or ``-`` (stdin), with clear errors for bad input."""
    limit = int(max_kb) * 1024
    if source == "-":
        data = sys.stdin.buffer.read(limit + 1)
        label = "standard input"
    else:
        data = _read_file(source, limit)
        label = source
    if len(data) > limit:
        raise GeoError(
            f"{label} is larger than {max_kb:,} KB; verify a shorter text, or raise the limit with --max-kb"
        )
    if b"\x00" in data[:8192]:
        raise GeoError(f"{label} looks like a binary file, not text; give plain text (UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GeoError(f"{label} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise EmptyInputError(f"{label} is empty: nothing to verify")
    return text


def _read_file(source: str, limit: int) -> bytes:
    try:
        st = os.stat(source)
    except FileNotFoundError:
        raise GeoError(f"file not found: {source}") from None
    except OSError as err:
        raise GeoError(f"cannot open {source}: {err.strerror or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise GeoError(f"{source} is a folder; give a text file or - for standard input")
    if not stat.S_ISREG(st.st_mode):
        raise GeoError(f"{source} is not a regular file (a device, pipe or socket); give a text file")
    if st.st_size > limit:  # too large: refused without reading it
        raise GeoError(
            f"{source} is larger than {limit // 1024:,} KB; "
            "verify a shorter text, or raise the limit with --max-kb"
        )
    try:
        with open(source, "rb") as fh:
            return fh.read(limit + 1)
    except OSError as err:
        raise GeoError(f"cannot read {source}: {err.strerror or err}") from None


def check_claim_count(n: int, max_claims: int = DEFAULT_MAX_CLAIMS) -> None:
    """Refuse a run with more than ``max_claims`` claims (each is geocoded and measured).

    ``n`` is the number read, which may stop short of the text's end once it is over the limit
    (``extract_claims_any(..., limit=max_claims)``), so the message says "more than".
    """
    if n > max_claims:
        raise GeoError(
            f"the text holds more than {max_claims:,} distance claims; at most {max_claims:,} are checked "
            "in one run: split it, or raise the limit with --max-claims"
        )
