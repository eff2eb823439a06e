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


@pytest.mark.parametrize("source", sorted(EXERCISES.glob("*.ipynb")), ids=lambda p: p.stem)
def test_solutions_get_full_marks_and_the_release_gets_zero(source, tmp_path):
    assignment = source.stem
    (tmp_path / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "source" / assignment).mkdir(parents=True)
    shutil.copy(source, tmp_path / "source" / assignment / source.name)
    nbgrader(tmp_path, "generate_assignment", assignment, "--force")
    for student, notebook in {
        "solutions": source,
        "untouched": tmp_path / "release" / assignment / source.name,
    }.items():
        folder = tmp_path / "submitted" / student / assignment
        folder.mkdir(parents=True)
        shutil.copy(notebook, folder / source.name)
    nbgrader(tmp_path, "autograde", assignment, "--force")

    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        scores = {}
        for student in ("solutions", "untouched"):
            grades = gradebook.find_submission(assignment, student).notebooks[0].grades
            automatic = [g for g in grades if g.auto_score is not None and not g.needs_manual_grade]
            scores[student] = (sum(g.auto_score for g in automatic), sum(g.max_score for g in automatic))
    solutions, untouched = scores["solutions"], scores["untouched"]
    assert solutions[1] > 0 and solutions[0] == solutions[1], scores
    assert untouched[0] == 0, scores
