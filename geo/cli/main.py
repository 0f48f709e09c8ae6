"""The ``geo`` command line: parse, call, print. No logic of its own.

Every user error is a :class:`geo.errors.GeoError`; ``main`` prints it as one line on
stderr (``geo: error: ...``) and exits with its code (2), never with a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from geo.cli.parser import build_parser
from geo.errors import GeoError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geo`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GeoError as err:
        print(f"geo: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
