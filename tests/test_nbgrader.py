"""The nbgrader round trip for the first exercise notebooks (tests/nbgrader_round_trip.py has the
rest of the story), and nbgrader's Validate on a blank and on a complete notebook."""

import re
import shutil
from pathlib import Path

from nbgrader_round_trip import ASSIGNMENT, SOURCES, SPLIT, STUDENT, RoundTrip, nbgrader


def validate(notebook: Path) -> str:
    """Return what nbgrader's Validate (the command behind the button) says of ``notebook``."""
    return nbgrader(notebook.parent, "validate", notebook.name, check=False)


class TestFirstHalf(RoundTrip):
    SOURCES = SOURCES[:SPLIT]

    def test_validate_names_each_unanswered_question_in_one_line_and_passes_a_complete_notebook(
        self, course, tmp_path
    ):
        name, blank, done = "02_reading_exercises.ipynb", tmp_path / "blank", tmp_path / "done"
        blank.mkdir()
        shutil.copy(STUDENT / name, blank / name)
        said = validate(blank / name)
        assert "VALIDATION FAILED ON 6 CELL(S)!" in said and "Traceback" not in said
        errors = re.findall(r"The error was:\n\n(.*)\n", said)
        assert errors == [
            f"    q{n} is not answered yet: answer it above and press Check." for n in range(1, 7)
        ]
        # The round trip's widget submission: the student version and the work file its widgets
        # wrote, every question answered right.
        done.mkdir()
        for handed in (course / "submitted" / "widgets" / ASSIGNMENT).glob(f"{Path(name).stem}.*"):
            shutil.copy(handed, done)
        assert "Success! Your notebook passes all the tests." in validate(done / name)
