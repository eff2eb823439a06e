"""The student versions of the exercises run headless, every check saying "not answered yet",
and a hand-in export works from what the source notebook saved."""

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kit.checks import open_exercise
from kit.export import class_summary, export_work

STUDENT = Path(__file__).parents[1] / "exercises" / "student"


@pytest.mark.parametrize("path", sorted(STUDENT.glob("*.ipynb")), ids=lambda p: p.name)
def test_student_version_runs_with_nothing_answered(path, tmp_path):
    shutil.copy(path, tmp_path / path.name)
    nb = nbformat.read(tmp_path / path.name, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    texts = [
        o.get("text") or o.get("data", {}).get("text/plain", "")
        for c in nb.cells
        for o in c.get("outputs", [])
    ]
    checks = [t for t in texts if t.startswith("q")]
    assert checks and all(t.endswith(": not answered yet.") for t in checks), checks
    assert texts[-1].startswith("Wrote ") and ", 0 answered, 0 with every check passed." in texts[-1]


def test_export_and_class_summary(tmp_path):
    for student, answers in {"ana": {"q2": 10, "q4": "kicker"}, "ben": {"q2": 12}}.items():
        folder = tmp_path / student
        exercise = open_exercise("01_reading", folder)
        for question, answer in answers.items():
            exercise.check(question, answer)
        assert export_work(exercise) == (
            "Wrote 01_reading_exercises.report.html and 01_reading_exercises.answers.json: "
            f"8 questions, {len(answers)} answered, {2 if student == 'ana' else 0} with every check passed."
        )
        shutil.copy(
            folder / "01_reading_exercises.answers.json",
            tmp_path / f"{student}-01_reading_exercises.answers.json",
        )
    report = (tmp_path / "ana" / "01_reading_exercises.report.html").read_text()
    assert "<h2>q4</h2>" in report and "&#x27;kicker&#x27; is right." in report
    summary = {s.question: s for s in class_summary(tmp_path, "01_reading")}
    assert (summary["q2"].students, summary["q2"].answered, summary["q2"].correct) == (2, 2, 1)
    assert (summary["q4"].answered, summary["q4"].correct, summary["q1"].answered) == (1, 1, 0)
