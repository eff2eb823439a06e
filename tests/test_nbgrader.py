"""The nbgrader round trip: real nbgrader generates the assignment from the source exercise
notebooks and autogrades two submissions: the sources with their solutions, and the committed
student versions, untouched. The solutions earn every autograded point; the student versions
earn none, and run headless to the end with every check saying "not answered yet".

Autograding executes each submitted notebook in a fresh kernel, so the untouched submission's
autograded copy is also the proof that the student versions run: no second execution needed.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

EXERCISES = Path(__file__).parents[1] / "exercises"
STUDENT = EXERCISES / "student"
CONFIG = """
c = get_config()
c.CourseDirectory.root = "."
c.CourseDirectory.course_id = "trade-talks"
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ExecutePreprocessor.timeout = 120
"""


def nbgrader(course: Path, *args: str) -> None:
    """Run an nbgrader command in ``course``; fail with its output if it fails."""
    # nbgrader runs its database migrations with the `alembic` command: it must be on PATH.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


SOURCES = sorted(EXERCISES.glob("*.ipynb"))
ASSIGNMENT = "exercises"


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """Generate one assignment from every source notebook and autograde two submissions; return
    the course folder."""
    course = tmp_path_factory.mktemp("course")
    (course / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    for source in SOURCES:
        shutil.copy(source, course / "source" / ASSIGNMENT / source.name)
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    for student, folder in {"solutions": EXERCISES, "untouched": STUDENT}.items():
        submitted = course / "submitted" / student / ASSIGNMENT
        submitted.mkdir(parents=True)
        for source in SOURCES:
            shutil.copy(folder / source.name, submitted / source.name)
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    return course


@pytest.fixture(scope="module")
def scores(course) -> dict[tuple[str, str], tuple[float, float]]:
    """Return (autograded score, autogradable maximum) by (student, notebook)."""
    found = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in ("solutions", "untouched"):
            for notebook in gradebook.find_submission(ASSIGNMENT, student).notebooks:
                auto = [g for g in notebook.grades if g.auto_score is not None and not g.needs_manual_grade]
                found[student, notebook.name] = (
                    sum(g.auto_score for g in auto),
                    sum(g.max_score for g in auto),
                )
    return found


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_solutions_get_full_marks_and_the_student_version_gets_zero(scores, source):
    solutions, untouched = scores["solutions", source.stem], scores["untouched", source.stem]
    assert solutions[1] > 0 and solutions[0] == solutions[1], (solutions, untouched)
    # nbgrader marks an untouched written answer 0 automatically, so the student version's
    # maximum counts those points too; what matters is that it earns nothing.
    assert untouched[0] == 0, (solutions, untouched)


def outputs(cell: dict) -> list[str]:
    """Return the text of each of a cell's outputs (stream text, a result's text/plain, an error)."""
    return [
        o.get("text") or o.get("data", {}).get("text/plain", "") or f"{o.get('ename')}: {o.get('evalue')}"
        for o in cell.get("outputs", [])
    ]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_student_version_runs_with_nothing_answered(course, source):
    graded = nbformat.read(course / "autograded" / "untouched" / ASSIGNMENT / source.name, as_version=4)
    hidden_tests = [c for c in graded["cells"] if c["metadata"].get("nbgrader", {}).get("grade") and
                    not c["metadata"]["nbgrader"].get("solution")]  # fmt: skip
    others = [c for c in graded["cells"] if c["cell_type"] == "code" and c not in hidden_tests]
    errors = [o for c in others for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, [f"{e['ename']}: {e['evalue']}" for e in errors]
    texts = [text for c in others for text in outputs(c)]
    checks = [t for t in texts if t.startswith("q")]
    assert checks and all(t.endswith(": not answered yet.") for t in checks), checks
    assert texts[-1].startswith("Wrote ") and ", 0 answered, 0 with every check passed." in texts[-1]
    # every hidden test fails on an unanswered question, as it should
    assert all(any(o["output_type"] == "error" for o in c["outputs"]) for c in hidden_tests)
