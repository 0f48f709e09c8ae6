"""Where one fresh ``geo range --from ukraine --km 19000 --csv`` spends its time (issue 17).

Run: .venv/bin/python benchmarks/profile_range.py > /dev/null   (the CSV goes to stdout)

Does what the command does, in this fresh process, and prints to stderr the CPU seconds
(``time.process_time``; the kernel on one thread, ``GEO_KERNEL_THREADS=1``, so that the
figures hold on a shared machine) and wall seconds of each step: imports, the reference,
the place table, the work before the exact kernel (bounds, inside test), the kernel
(``geo.core.nearest.nearest_on_segments``), the rest of the query (sort, bands, naming),
the CSV text and its writing. "Not kernel" is the process's CPU time less the kernel's,
interpreter start included.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("GEO_KERNEL_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
STEPS: list[tuple[str, float, float]] = [("start", time.process_time(), time.perf_counter())]


def step(name: str) -> None:
    STEPS.append((name, time.process_time(), time.perf_counter()))


def main() -> None:
    import argparse

    from geo.cli.common import one_reference
    from geo.cli.parser import build_parser

    step("imports: command line")
    import geo.many.ranges as ranges
    from geo.many.place_table import place_table
    from geo.places.gazetteer import Gazetteer
    from geo.render.ranges import table_csv_chunks

    step("imports: range query, CSV writer")
    args = build_parser().parse_args(["range", "--from", "ukraine", "--km", "19000", "--csv"])
    reference = one_reference(argparse.Namespace(**{**vars(args), "country": None}))
    step("reference (Ukraine's border)")
    gazetteer = Gazetteer.default()
    place_table(gazetteer)
    step("gazetteer and place table")
    kernel = ranges.nearest_on_segments

    def timed_kernel(*a, **k):
        step("before the kernel (bounds, inside test)")
        result = kernel(*a, **k)
        step("exact kernel")
        return result

    ranges.nearest_on_segments = timed_kernel
    table = ranges.range_table(reference, [19_000.0], gazetteer)
    step("after the kernel (sort, bands, naming)")
    chunks = list(table_csv_chunks(table))
    step("CSV text")
    sys.stdout.buffer.writelines(chunks)
    sys.stdout.flush()
    step("writing")
    kernel_cpu = 0.0
    print(f"{'step':42s} {'CPU s':>7s} {'wall s':>7s}", file=sys.stderr)
    for (_, c0, w0), (name, c1, w1) in zip(STEPS, STEPS[1:], strict=False):
        print(f"{name:42s} {c1 - c0:7.3f} {w1 - w0:7.3f}", file=sys.stderr)
        kernel_cpu += (c1 - c0) if name == "exact kernel" else 0.0
    total = STEPS[-1][1]
    print(f"{'process CPU (interpreter start included)':42s} {total:7.3f}", file=sys.stderr)
    print(f"{'not kernel':42s} {total - kernel_cpu:7.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
