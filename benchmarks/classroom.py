"""A class at once: N simulated students against a real JupyterHub on this machine.

Run from the repository root:  python benchmarks/classroom.py --students 20 [--lesson NAME]

Starts JupyterHub on 127.0.0.1 as tests/test_jupyterhub.py does (a home folder per
student, the dummy authenticator, the Python proxy). All N students then act at once, as
a class does when the instructor says "open the lesson and run it": each gets a token
through the Hub's REST API, starts their own server, opens the lesson (a kernel in its
folder) and runs every code cell over the kernel's websocket. It reports, per student,
the server start time and the Run All time (median, p95, max), the peak memory of the
student's server plus kernel (sampled every 0.5 s), the CPU time those processes used
(which, unlike the wall-clock times, does not grow when other programs share the machine),
and the total time for the class.
The default lesson is the one with the most code cells. This is a measurement, not a
test: it prints a table and exits 0 (1 if a student's run failed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hub import (  # noqa: E402
    NOTEBOOKS,
    Hub,
    add_student,
    code_cells,
    cpu_seconds,
    memory_mb,
    open_session,
    run_cells,
    running_hub,
    server_processes,
    start_server,
)


@dataclass
class Result:
    """What one simulated student measured."""

    name: str
    start_s: float = 0.0
    run_all_s: float = 0.0
    peak_mb: float = 0.0
    cpu_start_s: float = 0.0
    cpu_run_all_s: float = 0.0
    errors: tuple[str, ...] = ()


def busiest_lesson() -> str:
    """Return the lesson in notebooks/ with the most code cells."""
    lessons = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    return max(lessons, key=lambda name: len(code_cells(name)))


def one_student(hub: Hub, result: Result, lesson: str) -> None:
    """Log ``result.name`` in, start their server, run ``lesson``; fill in ``result``."""
    token = add_student(hub, result.name)
    started = time.perf_counter()
    server = start_server(hub, result.name, token)
    result.start_s = time.perf_counter() - started
    result.cpu_start_s = cpu_seconds(server_processes(result.name))
    kernel = open_session(server, token, lesson)
    started = time.perf_counter()
    result.errors = tuple(run_cells(server, token, kernel, code_cells(lesson)))
    result.run_all_s = time.perf_counter() - started
    result.cpu_run_all_s = cpu_seconds(server_processes(result.name)) - result.cpu_start_s


def sample_memory(results: list[Result], stop: threading.Event) -> None:
    """Record each student's peak server-plus-kernel memory until ``stop`` is set."""
    while not stop.is_set():
        for result in results:
            result.peak_mb = max(result.peak_mb, memory_mb(server_processes(result.name)))
        stop.wait(0.5)


def run_class(students: int, lesson: str) -> tuple[list[Result], float]:
    """Run ``students`` students at once against a fresh Hub; return their results and the total time."""
    results = [Result(f"student{i:02d}") for i in range(1, students + 1)]
    with tempfile.TemporaryDirectory(prefix="classroom-") as folder, running_hub(Path(folder)) as hub:
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(results, stop), daemon=True)
        sampler.start()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=students) as pool:
            for future in [pool.submit(one_student, hub, result, lesson) for result in results]:
                future.result()
        total = time.perf_counter() - started
        stop.set()
        sampler.join()
    return results, total


def percentile(values: list[float], fraction: float) -> float:
    """Return the ``fraction`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def report(results: list[Result], total: float, lesson: str) -> str:
    """Return the benchmark's table."""
    rows = [f"{len(results)} students at once, lesson {lesson} ({len(code_cells(lesson))} code cells)"]
    for label, values, unit in (
        ("server start", [r.start_s for r in results], "s"),
        ("Run All", [r.run_all_s for r in results], "s"),
        ("peak memory (server + kernel)", [r.peak_mb for r in results], "MB"),
        ("CPU time, server start", [r.cpu_start_s for r in results], "s"),
        ("CPU time, kernel + Run All", [r.cpu_run_all_s for r in results], "s"),
    ):
        median, p95 = statistics.median(values), percentile(values, 0.95)
        rows.append(
            f"  {label:<31} median {median:7.1f} {unit}  p95 {p95:7.1f} {unit}  max {max(values):7.1f} {unit}"
        )
    rows.append(f"  {'total (first log-in to last cell)':<31} {total:7.1f} s")
    rows.append(
        f"  {'memory, whole class (sum of peaks)':<31} {sum(r.peak_mb for r in results) / 1000:7.2f} GB"
    )
    failed = [f"{r.name}: {r.errors[0]}" for r in results if r.errors]
    rows += [f"  FAILED {line}" for line in failed]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line; print the table."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/classroom.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--students", type=int, default=20, help="how many students act at once (default 20)")
    parser.add_argument(
        "--lesson", default=None, help="the notebook each student runs (default: the biggest)"
    )
    args = parser.parse_args(argv)
    if args.students < 1:
        parser.error("--students must be 1 or more")
    lesson = args.lesson or busiest_lesson()
    results, total = run_class(args.students, lesson)
    print(report(results, total, lesson))
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
