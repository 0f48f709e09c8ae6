"""The ``geo`` command line: parse, call, print. No logic of its own.

Every user error is a :class:`geo.errors.GeoError`; ``main`` prints it as one line on
stderr (``geo: error: ...``) and exits with its code (2), never with a traceback. A file
the system refuses to open (permission, a folder, a full disk) is a user error too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

from geo.cli.parser import build_parser
from geo.cli.safety import stop_on_sigterm
from geo.errors import GeoError

__all__ = ["main"]

#: ``-33.9,18.4`` (negative coordinates): argparse would take it for an option.
_NEGATIVE_COORDS = re.compile(r"^-\s*(?:\d|\.\d|inf|nan)[\w.+-]*\s*[, ]\s*[-+]?[\w.]", re.IGNORECASE)


def protect_negative_coordinates(argv: Sequence[str]) -> list[str]:
    """Arguments with negative ``lat,lon`` given a leading space, so that argparse reads them
    as values, not options (the space is stripped when they are parsed).

    >>> protect_negative_coordinates(["distance", "-33.9,18.4", "--from", "-34,18"])
    ['distance', ' -33.9,18.4', '--from', ' -34,18']
    """
    return [f" {a}" if _NEGATIVE_COORDS.match(a) else a for a in argv]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geo`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(protect_negative_coordinates(sys.argv[1:] if argv is None else argv))
    stop_on_sigterm()
    try:
        return int(args.func(args) or 0)
    except GeoError as err:
        return _fail(str(err), err.exit_code)
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:  # a file the system refuses: one line, not a traceback
        where = f": {err.filename}" if err.filename else ""
        return _fail(f"{err.strerror or err}{where}", 2)
    except MemoryError:
        return _fail("out of memory: the input is too large for this machine; split it", 2)


def _fail(message: str, code: int) -> int:
    """Print ``message`` as one line on stderr (control characters removed); return ``code``."""
    line = re.sub(r"[\x00-\x1f\x7f-\x9f]+", " ", message).strip()
    print(f"geo: error: {line}", file=sys.stderr)
    return code
