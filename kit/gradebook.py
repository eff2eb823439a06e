"""A class gradebook: one CSV row per student, a column per question, from a folder of hand-ins.

``python -m kit.export gradebook FOLDER`` reads every exported answers file in FOLDER
(``<student>-<exercise>_exercises.answers.json``), re-checks each answer in the variant the
student answered (answers are re-checked, never trusted), and writes ``FOLDER/gradebook.csv``.
A file that cannot be read gets a row of its own with a note saying why; it never stops the rest.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from kit.checks import check_answer
from kit.errors import invalid
from kit.export import read_records, variant_answered
from kit.questions import Question, bank_names, load_questions

_HANDIN = re.compile(r"(?:(?P<student>.+)-)?(?P<exercise>[A-Za-z0-9_]+)_exercises\.answers\.json")


def _cell(question: Question, record: dict) -> str:
    """Return a question's gradebook cell: its points, or '' when it was not answered."""
    feedback = check_answer(
        question, record["answers"].get(question.id), variant_answered(record, question.id)
    )
    if not feedback.answered:
        return ""
    if question.kind == "written":
        return "rubric"
    return f"{question.points if feedback.correct else 0:g}"


def _usage(questions: dict[str, Question], record: dict) -> tuple[int, int, str]:
    """Return the hints used and attempts made over an exercise, and the questions revealed early."""
    results = record["results"]
    rows = [results.get(q) if isinstance(results.get(q), dict) else {} for q in questions]
    hints = sum(r.get("hints", 0) for r in rows if isinstance(r.get("hints", 0), int))
    attempts = sum(r.get("attempts", 0) for r in rows if isinstance(r.get("attempts", 0), int))
    revealed = " ".join(q for q, r in zip(questions, rows, strict=True) if r.get("revealed") is True)
    return hints, attempts, revealed


def _exercises_in(folder: Path) -> list[str]:
    found = {m.group("exercise") for p in folder.iterdir() if (m := _HANDIN.fullmatch(p.name))}
    return [name for name in bank_names() if name in found]


def _student_of(name: str, record: dict | None) -> str:
    match = _HANDIN.fullmatch(name)
    from_name = match.group("student") if match and match.group("student") else ""
    return from_name or (record or {}).get("student") or "(no name)"


def _exercise_rows(exercise: str, folder: Path, rows: dict[str, dict[str, str]]) -> list[str]:
    """Add each student's cells for ``exercise`` to ``rows``; return the exercise's columns."""
    questions = load_questions(exercise)
    columns = [f"{exercise} {q}" for q in questions]
    columns += [f"{exercise} {c}" for c in ("points", "attempts", "hints used", "revealed early")]
    records, problems = read_records(folder, exercise)
    for name, record in records.items():
        row = rows.setdefault(_student_of(name, record), {})
        cells = {f"{exercise} {q.id}": _cell(q, record) for q in questions.values()}
        points = sum(float(c) for c in cells.values() if c not in ("", "rubric"))
        hints, attempts, revealed = _usage(questions, record)
        row.update(cells)
        row.update(
            {
                columns[-4]: f"{points:g}",
                columns[-3]: str(attempts),
                columns[-2]: str(hints),
                columns[-1]: revealed,
            }
        )
    for name, problem in problems.items():
        row = rows.setdefault(_student_of(name, None), {})
        row["note"] = "; ".join(filter(None, [row.get("note", ""), f"{name} could not be read: {problem}"]))
    return columns


def gradebook_csv(folder: str | Path) -> str:
    """Return the class gradebook for the hand-ins in ``folder`` as CSV text: a row per student."""
    where = Path(folder)
    if not where.is_dir():
        raise invalid("folder", str(folder), "an existing folder of hand-ins")
    exercises = _exercises_in(where)
    if not exercises:
        raise invalid("folder", str(folder), "a folder holding '*_exercises.answers.json' hand-ins")
    rows: dict[str, dict[str, str]] = {}
    columns = [c for exercise in exercises for c in _exercise_rows(exercise, where, rows)]
    out = io.StringIO()
    writer = csv.DictWriter(out, ["student", *columns, "note"], restval="", lineterminator="\n")
    writer.writeheader()
    for student in sorted(rows):
        writer.writerow({"student": student, **rows[student]})
    return out.getvalue()


def write_gradebook(folder: str | Path, out: str | Path | None = None) -> str:
    """Write the class gradebook for ``folder`` to ``out`` (default FOLDER/gradebook.csv); summarise it."""
    text = gradebook_csv(folder)
    target = Path(out) if out is not None else Path(folder) / "gradebook.csv"
    try:
        if target.is_dir() or not target.parent.is_dir():
            raise OSError("not a file's path in an existing folder")
        target.write_text(text, encoding="utf-8")
    except (OSError, UnicodeError, ValueError):
        raise invalid("out", str(out), "a CSV file's path in an existing folder") from None
    rows = list(csv.DictReader(io.StringIO(text)))
    notes = [f"  {r['student']}: {r['note']}" for r in rows if r["note"]]
    head = f"Wrote {target}: {len(rows)} students."
    return "\n".join([head, *(["Hand-ins that could not be read:", *notes] if notes else [])])
