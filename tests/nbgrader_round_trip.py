"""The nbgrader round trip, run by two test files on a share of the exercise notebooks each.

Real nbgrader generates an assignment from the source exercise notebooks and autogrades three
submissions: the committed student versions, untouched; and the student version answered through
its widgets in a real kernel, partly right (handed in with the work file the widgets wrote at that
point), then, in the same kernel, with the wrong answers corrected (handed in as well). The right
widget answers earn every autograded point (every hidden test cell's points), the partly right ones
the points of the questions they got right, and the untouched versions none; while a question is
unanswered, its visible test fails (so nbgrader's Validate cannot report success).

Autograding executes each submitted notebook in a fresh kernel, so the untouched submission's
autograded copy is also the proof that the student versions run: no second execution needed. The
instructor's source notebooks are not submitted: nbval runs them (``exercises/`` is a test path)
with their hidden tests, which fail there if a solution is wrong, and the widget submission earns
every point without them.

Each test file subclasses RoundTrip and names its notebooks in SOURCES; each builds and grades its
own course, so pytest-xdist (``--dist loadfile``) runs the halves on both workers at once.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from notebook_kernel import MirrorCountingClient

from kit.variants import computed, variant_index

EXERCISES = Path(__file__).parents[1] / "exercises"
STUDENT = EXERCISES / "student"
SOURCES = tuple(sorted(EXERCISES.glob("*.ipynb")))
# test_nbgrader.py grades the first SPLIT notebooks and runs Validate; test_nbgrader_second_half.py
# grades the rest. The halves take about as long (measured with -n 0: see tests/conftest.py).
SPLIT = 3
CONFIG = """
c = get_config()
c.CourseDirectory.root = "."
c.CourseDirectory.course_id = "trade-talks"
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ExecutePreprocessor.timeout = 120
"""
SUBMISSIONS = ("untouched", "widgets", "partly")


def nbgrader(folder: Path, *args: str, check: bool = True) -> str:
    """Run an nbgrader command in ``folder``; return its output, failing with it if the command fails
    and ``check`` is set."""
    # nbgrader runs its database migrations with the `alembic` command: it must be on PATH.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=folder, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0 or not check, result.stdout + result.stderr
    return result.stdout + result.stderr


ASSIGNMENT = "exercises"
STUDENT_ID = "ana"
PARTLY_RIGHT = 3  # the partly right submission: the first three auto-checked questions right
BANK = re.compile(r'start_exercise\((?:\\)?"(\w+)(?:\\)?"\)')


def bank_of(source: Path) -> str:
    """Return the name of the question bank a source exercise notebook starts."""
    return BANK.search(source.read_text(encoding="utf-8")).group(1)


def key_answers(bank: str, student: str) -> dict[str, object]:
    """Return the right answer to every auto-checked question of ``bank`` for ``student``, from the key."""
    key = json.loads((EXERCISES / "key" / f"{bank}.json").read_text(encoding="utf-8"))
    answers = {}
    for question in key["questions"]:
        if "variant" in question:
            draws = computed(question["id"], question["variant"])
            index = variant_index(student, bank, question["id"], len(draws))
            answers[question["id"]] = draws[index][1]["expected"]
        elif question["kind"] != "written":
            answers[question["id"]] = question["expected"]
    return answers


def wrong_answer(value: object) -> object:
    """Return an answer of the same form that is not right."""
    if isinstance(value, int | float):
        return value + 1000
    if isinstance(value, list):
        return value[:-1] or [99]
    return "not one of the options" if isinstance(value, str) else {}


def model_answer(cell_source: str, question_id: str) -> str:
    """Return the model written answer a source cell checks (the text a student types in the box),
    or a plain answer citing paragraphs where the cell has none."""
    code = cell_source.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", "")
    for node in ast.walk(ast.parse(code)):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "check"
            and len(node.args) == 2
            and all(isinstance(arg, ast.Constant) for arg in node.args)
            and node.args[0].value == question_id
            and isinstance(node.args[1].value, str)
        ):
            return node.args[1].value
    return "As ¶9 and ¶11 show, " * 30


def answering(answers: dict[str, object], right: int, start: int = 0) -> list[str]:
    """Return the lines that answer the questions of ``answers`` from number ``start`` on through
    their widgets and press Check: the first ``right`` questions right, the others wrong."""
    lines = []
    for number, (qid, value) in list(enumerate(answers.items()))[start:]:
        given = value if number < right else wrong_answer(value)
        lines += [
            f"exercise.asked[{qid!r}].answer({given!r})",
            f"exercise.asked[{qid!r}].check_button.click()",
        ]
    return lines


def written_work(source: Path, answers: dict[str, object]) -> list[str]:
    """Return the lines that type a written answer into each written question's box and run the
    source's chart cells."""
    lines = []
    for cell in nbformat.read(source, as_version=4).cells:
        written = re.search(r'exercise\.ask\("(\w+)"\)', cell.source)
        if written and written.group(1) not in answers:
            text = model_answer(cell.source, written.group(1))
            lines.append(f"exercise.asked[{written.group(1)!r}].answer({text!r})")
        elif (
            cell.cell_type == "code"
            and "exercise.ask(" not in cell.source
            and "BEGIN SOLUTION" in cell.source
        ):
            lines.append(cell.source.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", ""))
    return lines


# Copies the notebook's files in the kernel's folder (the untouched notebook, the work file the widgets
# wrote, the report Run All wrote) into a hand-in folder: what a student hands in at that moment.
HAND_IN = """
import pathlib, shutil
for handed in pathlib.Path().glob({stem!r} + ".*"):
    shutil.copy(handed, {folder!r})
"""


def driving_code(source: Path, partly: Path) -> str:
    """Return the code a test runs in the kernel after the student version: type the student id,
    answer every widget as a student would and press Check (the first PARTLY_RIGHT questions right,
    the others wrong), type the written answers and run the source's chart cells; hand that in to
    ``partly``; then correct the wrong answers, so that the kernel's own folder holds a work file
    with every answer right."""
    answers = key_answers(bank_of(source), STUDENT_ID)
    return "\n".join(
        [f"exercise.id_box.value = {STUDENT_ID!r}", "exercise.id_button.click()"]
        + answering(answers, PARTLY_RIGHT)
        + written_work(source, answers)
        + [HAND_IN.format(stem=source.stem, folder=str(partly))]
        + answering(answers, len(answers), start=PARTLY_RIGHT)
    )


def answer_through_widgets(source: Path, right: Path, partly: Path) -> None:
    """Run the student version of ``source`` in a real kernel in folder ``right``, then answer through
    its widgets: partly right, handed in to folder ``partly``, then all right. Each folder is left
    with the untouched notebook and the work file the widgets wrote."""
    student = nbformat.read(STUDENT / source.name, as_version=4)
    shutil.copy(STUDENT / source.name, right / source.name)
    student.cells.append(nbformat.v4.new_code_cell(driving_code(source, partly)))
    client = MirrorCountingClient(
        student, timeout=120, allow_errors=True, resources={"metadata": {"path": str(right)}}
    )
    client.execute()
    errors = [o for o in student.cells[-1].outputs if o["output_type"] == "error"]
    assert not errors, errors
    assert client.mirrored == 0, f"answering {source.name} captured output into an Output widget"


def graded_course(course: Path, sources: tuple[Path, ...]) -> Path:
    """Generate one assignment from ``sources`` in folder ``course``, autograde the three submissions
    and return the folder."""
    (course / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    for source in sources:
        shutil.copy(source, course / "source" / ASSIGNMENT / source.name)
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    untouched, right, partly = (course / "submitted" / student / ASSIGNMENT for student in SUBMISSIONS)
    for folder in (untouched, right, partly):
        folder.mkdir(parents=True)
    for source in sources:
        shutil.copy(STUDENT / source.name, untouched / source.name)
        answer_through_widgets(source, right, partly)  # one kernel per notebook answers both
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    return course


def scores_of(course: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """Return (autograded score, autogradable maximum) by (student, notebook)."""
    found = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in SUBMISSIONS:
            for notebook in gradebook.find_submission(ASSIGNMENT, student).notebooks:
                auto = [g for g in notebook.grades if g.auto_score is not None and not g.needs_manual_grade]
                found[student, notebook.name] = (
                    sum(g.auto_score for g in auto),
                    sum(g.max_score for g in auto),
                )
    return found


def autograded(course: Path, student: str, source: Path) -> nbformat.NotebookNode:
    """Return the autograded copy of ``student``'s submission of ``source``."""
    return nbformat.read(course / "autograded" / student / ASSIGNMENT / source.name, as_version=4)


def autograded_tests(graded: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """Return the autograded test cells of ``graded``: graded, and not a solution cell."""
    return [
        c
        for c in graded.cells
        if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")
    ]


def points_by_question(graded: nbformat.NotebookNode) -> dict[str, float]:
    """Return the points of each autograded test cell of ``graded``, by question ("q3" for "q3_test")."""
    return {
        c.metadata["nbgrader"]["grade_id"].removesuffix("_test"): c.metadata["nbgrader"]["points"]
        for c in autograded_tests(graded)
    }


def outputs(cell: dict) -> list[str]:
    """Return the text of each of a cell's outputs (stream text, a result's text/plain, an error)."""
    return [
        o.get("text") or o.get("data", {}).get("text/plain", "") or f"{o.get('ename')}: {o.get('evalue')}"
        for o in cell.get("outputs", [])
    ]


class RoundTrip:
    """The round trip's tests, for the exercise notebooks a subclass names in SOURCES: one course,
    generated and autograded once for the class."""

    SOURCES: tuple[Path, ...] = ()

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Run each test that takes a ``source`` once for every notebook in SOURCES."""
        if "source" in metafunc.fixturenames:
            metafunc.parametrize("source", self.SOURCES, ids=lambda p: p.stem)

    @pytest.fixture(scope="class")
    @classmethod
    def course(cls, tmp_path_factory: pytest.TempPathFactory) -> Path:
        """Return the course folder, its assignment generated from SOURCES and autograded."""
        return graded_course(tmp_path_factory.mktemp("course"), cls.SOURCES)

    @pytest.fixture(scope="class")
    @classmethod
    def scores(cls, course: Path) -> dict[tuple[str, str], tuple[float, float]]:
        """Return (autograded score, autogradable maximum) by (student, notebook)."""
        return scores_of(course)

    def test_answers_given_through_the_widgets_earn_every_autograded_point(self, scores, course, source):
        full = sum(points_by_question(autograded(course, "widgets", source)).values())
        widgets = scores["widgets", source.stem]
        assert full > 0 and widgets == (full, full), (full, widgets)

    def test_the_untouched_student_version_gets_zero(self, scores, source):
        # nbgrader marks an untouched written answer 0 automatically, so the student version's
        # maximum counts those points too; what matters is that it earns nothing.
        score, maximum = scores["untouched", source.stem]
        assert maximum > 0 and score == 0, (score, maximum)

    def test_the_student_version_runs_with_nothing_answered(self, course, source):
        graded = autograded(course, "untouched", source)
        hidden_tests = autograded_tests(graded)
        others = [c for c in graded["cells"] if c["cell_type"] == "code" and c not in hidden_tests]
        errors = [o for c in others for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors, [f"{e['ename']}: {e['evalue']}" for e in errors]
        texts = [text for c in others for text in outputs(c)]
        # A tool cell may save a chart for the hand-in ("q3: chart saved ..."): a record, not a check.
        checks = [t for t in texts if re.match(r"q\d+[:.] ", t) and "chart saved" not in t]
        assert checks and all("not answered yet" in t for t in checks), checks
        # The hand-in cell's printed line (a busy kernel may send its newline as a stream of its own).
        handed_in = "".join(outputs(others[-1]))
        assert handed_in.startswith("Wrote ") and ", 0 answered, 0 with every check passed." in handed_in
        # every hidden test fails on an unanswered question, as it should
        assert all(any(o["output_type"] == "error" for o in c["outputs"]) for c in hidden_tests)

    def test_a_partly_right_submission_gets_the_points_of_the_questions_it_got_right(
        self, scores, course, source
    ):
        points = points_by_question(autograded(course, "partly", source))
        answers = key_answers(bank_of(source), STUDENT_ID)
        right = list(answers)[:PARTLY_RIGHT]
        # Tests of written work and saved charts (the capstone's) are done in full in both submissions.
        extra = sum(value for grade, value in points.items() if grade not in answers)
        assert scores["partly", source.stem][0] == sum(points[q] for q in right if q in points) + extra > 0

    def test_the_visible_tests_fail_while_a_question_is_unanswered(self, course, source):
        graded = autograded(course, "untouched", source)
        visible = [c for c in graded.cells if "exercise.require(" in c.source]
        assert visible and all(
            any(
                o.get("ename") == "NotAnsweredError" and "is not answered yet" in o.get("evalue", "")
                for o in c.outputs
            )
            for c in visible
        )
        # and the student version itself holds no answer placeholder
        student = (STUDENT / source.name).read_text(encoding="utf-8")
        assert not re.search(r'\bq\d+ = (\[\]|\{\}|\.\.\.|""|\\"\\"\\")', student)
