"""kit.assign: student versions come from the one source and never drift from it."""

from pathlib import Path

import nbformat
import pytest

from kit.assign import main, stale_student_versions, strip_solutions, student_version
from kit.errors import ArticleFormatError

EXERCISES = Path(__file__).parents[1] / "exercises"


def test_solutions_and_hidden_tests_are_removed():
    source = (
        "q1 = ...  # a number\n### BEGIN SOLUTION\nq1 = 4\n### END SOLUTION\n"
        'exercise.check("q1", q1)\n### BEGIN HIDDEN TESTS\nassert False\n### END HIDDEN TESTS'
    )
    assert strip_solutions(source) == 'q1 = ...  # a number\nexercise.check("q1", q1)'


def test_an_unbalanced_marker_is_refused():
    with pytest.raises(ArticleFormatError, match="cell 3: '### BEGIN SOLUTION' has no matching"):
        strip_solutions("### BEGIN SOLUTION\nq1 = 4\n", "cell 3")


def test_student_versions_keep_nbgrader_metadata_and_clear_outputs():
    source = nbformat.read(EXERCISES / "02_reading_exercises.ipynb", as_version=4)
    student = student_version(source, "01")
    assert all(c.get("outputs", []) == [] and c.get("execution_count") is None for c in student.cells)
    assert [c.metadata["nbgrader"]["grade_id"] for c in student.cells] == [
        c.metadata["nbgrader"]["grade_id"] for c in source.cells
    ]
    text = "".join(c.source for c in student.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "q1 = 4" not in text
    assert any(c.outputs for c in source.cells if c.cell_type == "code")  # the source itself is untouched


def test_the_committed_student_versions_are_current():
    assert stale_student_versions(EXERCISES) == [], "run: python -m kit.assign"


def test_the_command_line_writes_and_checks(tmp_path, capsys):
    (tmp_path / "x.ipynb").write_text(
        (EXERCISES / "02_reading_exercises.ipynb").read_text(), encoding="utf-8"
    )
    assert main(["--folder", str(tmp_path), "--check"]) == 1
    assert "out of date:" in capsys.readouterr().out
    assert main(["--folder", str(tmp_path)]) == 0
    assert main(["--folder", str(tmp_path), "--check"]) == 0
