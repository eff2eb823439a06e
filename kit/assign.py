"""Write the student versions of the exercises and their sealed question banks from one source.

Exercises are authored once, in exercises/*.ipynb, with solutions between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` and instructor-only tests between
``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS`` (nbgrader's markers, and
nbgrader's cell metadata for graded and locked cells). This module removes both
and clears every output, writing exercises/student/*.ipynb; and it seals each answer
key, exercises/key/<name>.json, into the student bank kit/data/exercises/<name>.json:

    python -m kit.assign                       write the student versions and the banks
    python -m kit.assign --check               exit 1 if a student version or a bank is out of date
    python -m kit.assign --variants NAME ID..  list each student id's variant of NAME's questions
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from kit.errors import DataFileError, KitError, invalid
from kit.keys import bank_text
from kit.questions import Question, questions_of
from kit.variants import variant_index

BANKS = Path(__file__).parent / "data" / "exercises"

_REGIONS = {
    "SOLUTION": re.compile(r"[ \t]*### BEGIN SOLUTION[^\n]*\n.*?[ \t]*### END SOLUTION[^\n]*(\n|$)", re.S),
    "HIDDEN TESTS": re.compile(
        r"[ \t]*### BEGIN HIDDEN TESTS[^\n]*\n.*?[ \t]*### END HIDDEN TESTS[^\n]*(\n|$)", re.S
    ),
}
_MARKER = re.compile(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)")


def strip_solutions(source: str, where: str = "cell") -> str:
    """Return ``source`` without its solution and hidden-test regions; refuse unbalanced markers."""
    for pattern in _REGIONS.values():
        source = pattern.sub("", source)
    leftover = _MARKER.search(source)
    if leftover:
        raise DataFileError(f"{where}: '{leftover.group()}' has no matching BEGIN/END marker.")
    return source.rstrip("\n")


def _is_test(cell: nbformat.NotebookNode) -> bool:
    grading = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and grading.get("grade") is True and not grading.get("solution")


def _tag(cell: nbformat.NotebookNode, tag: str) -> None:
    tags = cell.metadata.setdefault("tags", [])
    if tag not in tags:
        tags.append(tag)


def student_version(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` with solutions, hidden tests, outputs and widget state removed."""
    student = nbformat.from_dict(notebook)
    student.metadata.pop("widgets", None)  # the source's saved widget state: its answers, shown in a page
    for index, cell in enumerate(student.cells):
        cell.source = strip_solutions(cell.source, f"{name}, cell {index}")
        if _is_test(cell):
            _tag(cell, "raises-exception")  # an unanswered question's test fails; Run All goes on
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    return student


def sources(folder: Path) -> list[Path]:
    """Return the source exercise notebooks in ``folder``, in order."""
    return sorted(folder.glob("*.ipynb"))


def render(path: Path) -> str:
    """Return the student version of the source notebook at ``path``, as notebook JSON text."""
    if path.suffix != ".ipynb" or not path.is_file():
        raise invalid("path", path, "an existing .ipynb file")
    notebook = nbformat.read(path, as_version=4)
    return nbformat.writes(student_version(notebook, path.name)) + "\n"


def write_student_versions(folder: Path) -> list[Path]:
    """Write the student version of every source notebook in ``folder`` to ``folder/student``."""
    if not folder.is_dir():
        raise invalid("folder", folder, "an existing folder")
    out = folder / "student"
    out.mkdir(exist_ok=True)
    written = []
    for path in sources(folder):
        target = out / path.name
        target.write_text(render(path), encoding="utf-8")
        written.append(target)
    return written


def stale_student_versions(folder: Path) -> list[str]:
    """Return the names of student versions in ``folder/student`` that differ from their source."""
    stale = []
    for path in sources(folder):
        target = folder / "student" / path.name
        if not target.is_file() or target.read_text(encoding="utf-8") != render(path):
            stale.append(target.name)
    return stale


def _sealed_text(key: Path) -> str:
    """Return the bank sealed from ``key``; a bad key's error names the answer keys' folder."""
    try:
        return bank_text(key)
    except DataFileError as error:
        raise DataFileError(f"answer keys in {key.parent}: {error}") from None


def write_banks(keys: Path, banks: Path) -> list[Path]:
    """Write the sealed student bank of every answer key in ``keys`` to ``banks``."""
    if not keys.is_dir():
        raise invalid("keys", keys, "an existing folder of answer keys")
    banks.mkdir(parents=True, exist_ok=True)
    written = []
    for key in sorted(keys.glob("*.json")):
        written.append((banks / key.name, _sealed_text(key)))  # every key sealed before a bank is written
    for path, text in written:
        path.write_text(text, encoding="utf-8")
    return [path for path, _ in written]


def stale_banks(keys: Path, banks: Path) -> list[str]:
    """Return the names of the banks in ``banks`` that differ from what their key in ``keys`` seals."""
    stale = [k.name for k in sorted(keys.glob("*.json")) if not (banks / k.name).is_file() or
             (banks / k.name).read_text(encoding="utf-8") != _sealed_text(k)]  # fmt: skip
    keyless = [b.name for b in sorted(banks.glob("*.json")) if not (keys / b.name).is_file()]
    return stale + keyless


def _variant_rows(bank: Path, students: list[str]) -> list[str]:
    """Return one line per student: the values of each variant question that student gets."""
    import json

    questions: dict[str, Question] = questions_of(bank.name, json.loads(bank.read_text(encoding="utf-8")))
    varied = [q for q in questions.values() if len(q.variants) > 1]
    if not varied:
        return [f"{bank.stem} has no question with variants."]
    rows = []
    for student in students:
        parts = []
        for q in varied:
            index = variant_index(student, bank.stem, q.id, len(q.variants))
            values = ", ".join(f"{k} {v}" for k, v in q.variant(index).values.items())
            parts.append(f"{q.id} draw {index} ({values})")
        rows.append(f"{student}: " + "; ".join(parts))
    return rows


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kit.assign", description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("exercises"), help="the source notebooks' folder")
    parser.add_argument("--keys", type=Path, help="the answer keys' folder (default: FOLDER/key)")
    parser.add_argument("--banks", type=Path, default=BANKS, help="where the student banks go")
    parser.add_argument("--check", action="store_true", help="only check that everything is current")
    parser.add_argument("--variants", nargs="+", metavar=("NAME", "ID"), help="list students' variants")
    return parser.parse_args(argv)


def _run(args: argparse.Namespace) -> int:
    keys = args.keys or args.folder / "key"
    if args.variants:
        bank = args.banks / f"{args.variants[0]}.json"
        if not bank.is_file():
            raise invalid("NAME", args.variants[0], f"the name of a bank in {args.banks}")
        print("\n".join(_variant_rows(bank, args.variants[1:])))
        return 0
    if args.check:
        stale = [f"{args.folder / 'student' / n}" for n in stale_student_versions(args.folder)]
        stale += [f"{args.banks / n}" for n in stale_banks(keys, args.banks)]
        for name in stale:
            print(f"out of date: {name} (run python -m kit.assign)")
        return 1 if stale else 0
    for path in [*write_banks(keys, args.banks), *write_student_versions(args.folder)]:
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a problem is one line on stderr and exit status 2, never a traceback."""
    args = _arguments(argv)
    try:
        return _run(args)
    except (KitError, OSError) as error:
        print(f"python -m kit.assign: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
