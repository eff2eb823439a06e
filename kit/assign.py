"""Write the student versions of the exercise notebooks from their one source.

Exercises are authored once, in exercises/*.ipynb, with solutions between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` and instructor-only tests between
``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS`` (nbgrader's markers, and
nbgrader's cell metadata for graded and locked cells). This module removes both
and clears every output, writing exercises/student/*.ipynb:

    python -m kit.assign            write the student versions
    python -m kit.assign --check    exit 1 if a committed student version is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from kit.errors import ArticleFormatError, checked, invalid

_REGIONS = {
    "SOLUTION": re.compile(r"[ \t]*### BEGIN SOLUTION[^\n]*\n.*?[ \t]*### END SOLUTION[^\n]*(\n|$)", re.S),
    "HIDDEN TESTS": re.compile(
        r"[ \t]*### BEGIN HIDDEN TESTS[^\n]*\n.*?[ \t]*### END HIDDEN TESTS[^\n]*(\n|$)", re.S
    ),
}
_MARKER = re.compile(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)")


@checked
def strip_solutions(source: str, where: str = "cell") -> str:
    """Return ``source`` without its solution and hidden-test regions; refuse unbalanced markers."""
    for pattern in _REGIONS.values():
        source = pattern.sub("", source)
    leftover = _MARKER.search(source)
    if leftover:
        raise ArticleFormatError(f"{where}: '{leftover.group()}' has no matching BEGIN/END marker.")
    return source.rstrip("\n")


@checked
def student_version(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` with solutions and hidden tests removed and outputs cleared."""
    student = nbformat.from_dict(notebook)
    for index, cell in enumerate(student.cells):
        cell.source = strip_solutions(cell.source, f"{name}, cell {index}")
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    return student


@checked
def sources(folder: Path) -> list[Path]:
    """Return the source exercise notebooks in ``folder``, in order."""
    return sorted(folder.glob("*.ipynb"))


@checked
def render(path: Path) -> str:
    """Return the student version of the source notebook at ``path``, as notebook JSON text."""
    if path.suffix != ".ipynb" or not path.is_file():
        raise invalid("render", "path", path, "an existing .ipynb file")
    notebook = nbformat.read(path, as_version=4)
    return nbformat.writes(student_version(notebook, path.name)) + "\n"


@checked
def write_student_versions(folder: Path) -> list[Path]:
    """Write the student version of every source notebook in ``folder`` to ``folder/student``."""
    if not folder.is_dir():
        raise invalid("write_student_versions", "folder", folder, "an existing folder")
    out = folder / "student"
    out.mkdir(exist_ok=True)
    written = []
    for path in sources(folder):
        target = out / path.name
        target.write_text(render(path), encoding="utf-8")
        written.append(target)
    return written


@checked
def stale_student_versions(folder: Path) -> list[str]:
    """Return the names of student versions in ``folder/student`` that differ from their source."""
    stale = []
    for path in sources(folder):
        target = folder / "student" / path.name
        if not target.is_file() or target.read_text(encoding="utf-8") != render(path):
            stale.append(target.name)
    return stale


@checked
def main(argv: list[str] | None = None) -> int:
    """Run the command line: write the student versions, or check that they are up to date."""
    parser = argparse.ArgumentParser(prog="python -m kit.assign", description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("exercises"), help="the source notebooks' folder")
    parser.add_argument(
        "--check", action="store_true", help="only check that the student versions are current"
    )
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_student_versions(args.folder)
        for name in stale:
            print(f"out of date: {args.folder / 'student' / name} (run python -m kit.assign)")
        return 1 if stale else 0
    for path in write_student_versions(args.folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
