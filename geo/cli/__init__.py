"""The ``geo`` command line: parse, call, print; no logic of its own."""

from geo.cli.main import main

__all__ = ["main"]
