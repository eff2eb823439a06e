"""Benchmark what starting a process costs: CPU seconds (user+sys) of fresh interpreters and kernels.

Run from the repository root:  python benchmarks/startup.py [--repeats 3] [--lessons]

The suite starts about 80 notebook kernels and a few dozen Jupyter, nbgrader and pytest
processes; each pays its imports before it does any work. This prints, as the median of
``--repeats`` runs: the CPU of importing what every Jupyter process imports (nbformat) and what
the nbgrader commands import; the CPU each lesson's and exercise's first cell (its imports only)
adds to a kernel, with the heavy libraries it loads; and with ``--lessons``, the CPU a kernel
spends running each lesson headless. CPU, not wall time, so the figures hold on a busy machine.
This is a measurement, not a test: it prints a table and exits 0.
"""

from __future__ import annotations

import argparse
import ast
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parents[1]
# What a kernel has imported before its first cell runs.
KERNEL = "import ipykernel.kernelapp"
HEAVY = ("textblob", "nltk", "pysbd", "matplotlib", "ipywidgets", "numpy", "nbformat")
PROCESSES = {
    "python -c pass": "pass",
    "import nbformat (every Jupyter process, nbval)": "import nbformat",
    "import nbgrader.apps (each nbgrader command)": "import nbgrader.apps",
    "import jupyter_server.serverapp (Lab, single-user)": "import jupyter_server.serverapp",
    "import voila.app": "import voila.app",
    "import jupyterhub.app": "import jupyterhub.app",
    "a kernel's own imports (ipykernel)": KERNEL,
}


def children_cpu(action: Callable[[], object]) -> float:
    """Return the CPU seconds (user+sys) the child processes ``action`` starts and waits for use."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    action()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def python_cpu(code: str, repeats: int) -> float:
    """Return the median CPU seconds of a fresh interpreter running ``code``."""
    command = [sys.executable, "-c", code]
    return statistics.median(
        children_cpu(lambda: subprocess.run(command, check=True, cwd=ROOT)) for _ in range(repeats)
    )


def import_cell(path: Path) -> str:
    """Return the import statements of the first code cell of the notebook at ``path``."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    source = "".join(next(cell for cell in cells if cell["cell_type"] == "code")["source"])
    return "\n".join(
        ast.unparse(node) for node in ast.parse(source).body if isinstance(node, ast.Import | ast.ImportFrom)
    )


def heavy_modules(code: str) -> list[str]:
    """Return which of the HEAVY libraries a fresh interpreter has loaded after running ``code``."""
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.split()


def notebooks() -> list[Path]:
    """Return the lessons and the exercises, in order."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))


def lesson_cpu(path: Path, repeats: int) -> float:
    """Return the median CPU seconds a kernel spends starting and running the lesson at ``path``.

    The kernel runs in an empty folder, so nothing it might save lands beside the lessons.
    """
    import nbformat
    from nbclient import NotebookClient

    def run() -> None:
        nb = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as folder:
            NotebookClient(
                nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}}
            ).execute()

    return statistics.median(children_cpu(run) for _ in range(repeats))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per figure; the median is shown (default 3)"
    )
    parser.add_argument("--lessons", action="store_true", help="also run each lesson headless in a kernel")
    args = parser.parse_args()

    print(f"Fresh interpreter, CPU seconds (user+sys), median of {args.repeats}")
    for name, code in PROCESSES.items():
        print(f"{name:56} {python_cpu(code, args.repeats):6.2f}")
    kernel = python_cpu(KERNEL, args.repeats)
    print(f"\nWhat each notebook's import cell adds to a kernel ({kernel:.2f} s), CPU seconds; what it loads")
    for path in notebooks():
        code = import_cell(path)
        added = python_cpu(f"{KERNEL}\n{code}", args.repeats) - kernel
        print(f"{path.parent.name + '/' + path.name:56} {added:6.2f}  {' '.join(heavy_modules(code))}")
    if args.lessons:
        print(f"\nA kernel starting and running each lesson headless, CPU seconds, median of {args.repeats}")
        for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
            print(f"{path.parent.name + '/' + path.name:56} {lesson_cpu(path, args.repeats):6.2f}")


if __name__ == "__main__":
    main()
