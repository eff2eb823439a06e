"""The nbgrader round trip: real nbgrader generates the assignment from the source exercise
notebooks and autogrades two submissions. The solutions earn every autograded point; the
untouched release earns none, and autograding it raises no error."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

EXERCISES = Path(__file__).parents[1] / "exercises"
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
def scores(tmp_path_factory) -> dict[tuple[str, str], tuple[float, float]]:
    """Generate one assignment from every source notebook, autograde two submissions, and
    return (autograded score, autogradable maximum) by (student, notebook)."""
    course = tmp_path_factory.mktemp("course")
    (course / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    for source in SOURCES:
        shutil.copy(source, course / "source" / ASSIGNMENT / source.name)
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    for student, folder in {"solutions": EXERCISES, "untouched": course / "release" / ASSIGNMENT}.items():
        submitted = course / "submitted" / student / ASSIGNMENT
        submitted.mkdir(parents=True)
        for source in SOURCES:
            shutil.copy(folder / source.name, submitted / source.name)
    nbgrader(course, "autograde", ASSIGNMENT, "--force")

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
def test_solutions_get_full_marks_and_the_release_gets_zero(scores, source):
    solutions, untouched = scores["solutions", source.stem], scores["untouched", source.stem]
    assert solutions[1] > 0 and solutions[0] == solutions[1], (solutions, untouched)
    # nbgrader marks an untouched written answer 0 automatically, so the release's maximum
    # counts those points too; what matters is that it earns nothing.
    assert untouched[0] == 0, (solutions, untouched)
