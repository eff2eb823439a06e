"""Soak test: run every lesson headless many times and count the runs that stall.

Run from the repository root:  python benchmarks/soak.py [--runs 100] [--lessons 00 05]
To compare kernels:  python benchmarks/soak.py --kernels /venv-a/bin/python /venv-b/bin/python

Issue 13 item 12: with some ipykernel versions a headless run now and then stalls with the kernel
idle (43 s against a median of 2.4 s). This script starts a fresh kernel for every run, as CI and
nbval do, runs the lessons in turn, and prints, per lesson and overall, the median, the maximum and
the count of runs over five times the median. With --kernels, each run of a lesson is made once in
every given interpreter's kernel, alternately, so a busy minute on a shared machine falls on each
kernel alike. A run that does not finish within --timeout seconds counts as a stall at the timeout;
--until HH:MM (UTC) stops after the round running at that time. This is a measurement, not a test:
it prints a table per kernel and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
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


def run_seconds(nb: nbformat.NotebookNode, kernel: str, timeout: int) -> float:
    """Return the seconds a fresh ``kernel`` takes to run ``nb``, or ``timeout`` if it stalls."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:  # each run starts with no saved work
        try:
            NotebookClient(
                nb, timeout=timeout, kernel_name=kernel, resources={"metadata": {"path": folder}}
            ).execute()
        except TimeoutError:
            return float(timeout)
    return time.perf_counter() - start


def kernel_specs(pythons: list[str], folder: Path) -> list[str]:
    """Return kernel names, one per interpreter, written as kernel specs under ``folder``."""
    if not pythons:
        return ["python3"]
    os.environ["JUPYTER_PATH"] = str(folder)
    names = []
    for number, python in enumerate(pythons, 1):
        spec = folder / "kernels" / f"soak-{number}"
        spec.mkdir(parents=True)
        argv = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        (spec / "kernel.json").write_text(
            json.dumps({"argv": argv, "display_name": python, "language": "python"})
        )
        names.append(spec.name)
    return names


def kernel_version(kernel: str) -> str:
    """Return the Python and ipykernel version that ``kernel`` runs."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    NotebookClient(nb, timeout=120, kernel_name=kernel).execute()
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
    parser.add_argument("--kernels", nargs="*", default=[], help="Python interpreters to compare")
    parser.add_argument("--until", help="stop after the round running at this UTC time, HH:MM")
    options = parser.parse_args()
    notebooks = {path.name: nbformat.read(path, as_version=4) for path in lessons(options.lessons)}
    with tempfile.TemporaryDirectory() as folder:
        kernels = kernel_specs(options.kernels, Path(folder))
        labels = {kernel: kernel_version(kernel) for kernel in kernels}
        times = {kernel: {name: [] for name in notebooks} for kernel in kernels}
        for round_number in range(1, options.runs + 1):
            for name, nb in notebooks.items():
                for kernel in kernels:
                    times[kernel][name].append(run_seconds(nb, kernel, options.timeout))
            print(f"round {round_number} done at {time.strftime('%H:%M:%S', time.gmtime())}", flush=True)
            if options.until and time.strftime("%H:%M", time.gmtime()) >= options.until:
                break
    for kernel in kernels:
        print(f"\nkernel: {labels[kernel]}\n{table(times[kernel])}")


if __name__ == "__main__":
    sys.exit(main())
