"""Soak test: run every lesson headless many times and count the runs that stall.

Run from the repository root:  python benchmarks/soak.py [--runs 100] [--lessons 00 05]

Issue 13 item 12: with some ipykernel versions a headless run now and then stalls with the kernel
idle (43 s against a median of 2.4 s). This script starts a fresh kernel for every run, as CI and
nbval do, runs the lessons in turn (so a slow minute on a shared machine falls on every lesson
alike), and prints, per lesson and overall, the median, the maximum and the count of runs over five
times the median. A run that does not finish within --timeout seconds counts as a stall at the
timeout. This is a measurement, not a test: it prints a table and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).parents[1]
STALL_FACTOR = 5
PROBE = "import sys, ipykernel; print(sys.executable, ipykernel.__version__)"


def run_seconds(nb: nbformat.NotebookNode, timeout: int) -> float:
    """Return the seconds a fresh kernel takes to run ``nb``, or ``timeout`` if it stalls."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:  # each run starts with no saved work
        try:
            NotebookClient(
                nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": folder}}
            ).execute()
        except TimeoutError:
            return float(timeout)
    return time.perf_counter() - start


def kernel_version() -> str:
    """Return the Python and ipykernel version the lessons' kernel runs with."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    return nb.cells[0].outputs[0]["text"].strip()


def summary(samples: list[float]) -> tuple[int, float, float, int]:
    """Return the count, median, maximum and the number of runs over five times the median."""
    median = statistics.median(samples)
    return len(samples), median, max(samples), sum(s > STALL_FACTOR * median for s in samples)


def table(times: dict[str, list[float]]) -> str:
    """Return the results as a Markdown table, one row per lesson and one for all of them."""
    rows = ["| lesson | runs | median s | max s | runs > 5x median |", "|---|---:|---:|---:|---:|"]
    everything = [s for samples in times.values() for s in samples]
    for name, samples in [*times.items(), ("all lessons", everything)]:
        count, median, longest, stalls = summary(samples)
        rows.append(f"| {name} | {count} | {median:.2f} | {longest:.2f} | {stalls} |")
    return "\n".join(rows)


def lessons(prefixes: list[str]) -> list[Path]:
    """Return the lesson notebooks, or those whose names start with one of ``prefixes``."""
    paths = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    return [p for p in paths if not prefixes or p.name.startswith(tuple(prefixes))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="runs of each lesson (default 100)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds before a cell counts as stalled")
    parser.add_argument("--lessons", nargs="*", default=[], help="lesson name prefixes (default: all)")
    options = parser.parse_args()
    notebooks = {path.name: nbformat.read(path, as_version=4) for path in lessons(options.lessons)}
    print(f"kernel: {kernel_version()}", flush=True)
    times: dict[str, list[float]] = {name: [] for name in notebooks}
    for round_number in range(1, options.runs + 1):
        for name, nb in notebooks.items():
            times[name].append(run_seconds(nb, options.timeout))
        print(f"round {round_number}: " + ", ".join(f"{t[-1]:.1f}" for t in times.values()), flush=True)
    print(table(times))


if __name__ == "__main__":
    sys.exit(main())
