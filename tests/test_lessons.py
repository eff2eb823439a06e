"""What every lesson promises a student, checked across notebooks/ in lesson order.

TEACHING.md's habits as tests: each lesson opens with its objectives and a time in minutes; after the
imports every code cell reads as a sentence (at most four lines, no comprehension or lambda); the
primer has a glossary; nothing that happened after the article appears before the cell where the
student records a prediction; and a lesson run from top to bottom saves nothing on the student's behalf.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
from notebook_kernel import NOTEBOOKS, run_in_kernel

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
TIMED = [path for path in LESSONS if not path.name.startswith("00_")]
MAX_LINES = 4
# Later events a student must not meet before recording a prediction (lessons 00 to 02).
SPOILERS = re.compile(
    r"autos? (deal|agreement|accord|pact)|June 1995|28 June|1995|Murayama|October 1994|1 Oct(ober)? 1994",
    re.IGNORECASE,
)
PREDICTION_CELL = "prediction_form("


def cells(path: Path) -> list:
    """Return the notebook's cells."""
    return nbformat.read(path, as_version=4).cells


def code_cells_after_imports(path: Path) -> list:
    """Return the code cells after the first one (the lesson's imports)."""
    code = [cell for cell in cells(path) if cell.cell_type == "code"]
    return code[1:]


def cell_text(cell) -> str:
    """Return a cell's source and every text it shows: outputs, alt text and captions included."""
    parts = [cell.source]
    for output in cell.get("outputs", []):
        parts.extend(str(value) for value in output.get("data", {}).values())
        parts.append(json.dumps(output.get("metadata", {})))
        parts.append(str(output.get("text", "")))
    return "\n".join(parts)


def test_the_lessons_are_numbered_in_order():
    names = [path.name for path in LESSONS]
    assert [name[:2] for name in names] == [f"{n:02d}" for n in range(len(names))], names
    assert "01_background.ipynb" in names and "02_reading_the_article.ipynb" in names


@pytest.mark.parametrize("path", TIMED, ids=lambda p: p.stem)
def test_every_lesson_opens_with_objectives_and_a_time(path):
    opening = cells(path)[0]
    assert opening.cell_type == "markdown"
    assert re.search(r"\b\d{2}\s*minutes\b", opening.source), "no time in minutes in the opening cell"
    assert re.search(r"objectives|you will|by the end", opening.source, re.IGNORECASE), (
        "no objectives in the opening"
    )
    total = int(re.search(r"\b(\d{2})\s*minutes\b", opening.source).group(1))
    assert total <= 50, f"{path.name} takes {total} minutes: more than one class"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_code_cells_read_as_sentences(path):
    for cell in code_cells_after_imports(path):
        lines = [
            line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")
        ]
        assert len(lines) <= MAX_LINES, f"{path.name}: a {len(lines)}-line cell:\n{cell.source}"
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(
                node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp | ast.Lambda
            ), f"{path.name}: a comprehension or lambda in:\n{cell.source}"


def test_the_primer_has_a_glossary_of_the_terms_the_story_needs():
    primer = NOTEBOOKS / "01_background.ipynb"
    text = "\n".join(cell_text(cell) for cell in cells(primer))
    assert re.search(r"^#+ (\d+\. )?Glossary", text, re.MULTILINE)
    for term in (
        "USTR",
        "MITI",
        "Section 301",
        "Super 301",
        "Uruguay Round",
        "current account",
        "c.i.f.",
        "percentage point",
    ):
        assert term.lower() in text.lower(), term


def test_no_later_event_appears_before_the_prediction_is_recorded():
    seen = []
    for path in LESSONS:
        for index, cell in enumerate(cells(path)):
            if PREDICTION_CELL in cell.source and cell.cell_type == "code":
                assert path.name == "02_reading_the_article.ipynb"
                assert not seen, "\n".join(seen)
                return
            match = SPOILERS.search(cell_text(cell))
            if match:
                seen.append(f"{path.name} cell {index}: {match.group(0)!r}")
    pytest.fail("no lesson has a cell that records the prediction")


# A lesson whose widgets are tested in a real kernel is checked there, on the Run All those tests
# start from anyway (``after_run``: the folder as Run All left it), to spare a kernel per lesson.
SAVES_NOTHING_CHECKED_IN = {
    "02_reading_the_article.ipynb": "test_notebook_widgets.py",
    "03_framing_voices.ipynb": "test_framing_notebook.py",
    "04_framing_coding.ipynb": "test_framing_notebook.py",
    "05_stakeholders.ipynb": "test_stakeholders_notebook.py",
    "06_numerical_targets.ipynb": "test_targets_notebook.py",
    "07_targets_debate.ipynb": "test_targets_notebook.py",
}


@pytest.mark.parametrize(
    "path", [p for p in LESSONS if p.name not in SAVES_NOTHING_CHECKED_IN], ids=lambda p: p.stem
)
def test_running_a_lesson_saves_nothing_for_the_student(path, tmp_path):
    for client in run_in_kernel(path.name, tmp_path):
        assert client.after_run == [path.name]


@pytest.mark.parametrize("name", sorted(SAVES_NOTHING_CHECKED_IN))
def test_every_other_lesson_is_checked_to_save_nothing_where_its_widgets_are_tested(name):
    assert name in [path.name for path in LESSONS]
    test_file = (Path(__file__).parent / SAVES_NOTHING_CHECKED_IN[name]).read_text(encoding="utf-8")
    assert name in test_file and ".after_run == [" in test_file
