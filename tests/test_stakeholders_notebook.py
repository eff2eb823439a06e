"""Notebook 05's widgets, wired in a real kernel and driven the way a front end drives them.

The grid placer's and the game's cells carry ``nbval-ignore-output`` (they
display Output widgets), so this test runs the notebook with nbclient in a
scratch folder (the work file is written there), sends the ``comm_msg`` updates
a browser sends when a student moves a slider, picks an actor or a preset, or
presses a toggle, and reads what the kernel sends back. It also re-runs the grid's
cells, as a student does after a restart, and checks the placement comes back from
the work file; and it checks that the kit's reference grid stays locked until every
actor is placed and saved, and opens only then.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
from notebook_kernel import (
    click,
    html_values,
    model_id,
    run_in_kernel,
    set_value_and_wait,
    update,
    update_and_wait,
)

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "05_stakeholders.ipynb"
WORK = "05_stakeholders.work.json"
REASON = "Can block the world trade agreement Clinton needs"  # the reference's reason for Congress


@pytest.fixture(scope="module")
def lesson() -> nbformat.NotebookNode:
    """Return the lesson as stored, outputs included."""
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_lesson_states_objectives_and_fits_one_class(lesson):
    opening = lesson.cells[0].source
    assert "**Time: 50 minutes (one class).**" in opening and "you will be able to:" in opening
    parts = [
        c.source.splitlines()[0]
        for c in lesson.cells
        if c.source.startswith("## ") and "minutes)" in c.source
    ]
    minutes = [int(re.search(r"\((\d+) minutes\)$", heading).group(1)) for heading in parts]
    assert minutes == [10, 8, 5, 15, 12] and sum(minutes) == 50
    for heading, time_taken in zip(parts, minutes, strict=True):  # the table at the top agrees
        assert f"| {heading[3:].rsplit(' (', 1)[0]} | {time_taken} min |" in opening


def test_every_code_cell_after_the_imports_reads_as_a_sentence(lesson):
    code = [c.source for c in lesson.cells if c.cell_type == "code"]
    assert code[0].startswith("from kit import charts")
    for source in code[1:]:
        assert len(source.splitlines()) <= 4, source
        nodes = ast.walk(ast.parse(source))
        comprehensions = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda)
        assert not any(isinstance(n, comprehensions) for n in nodes), source


def test_the_stored_lesson_never_shows_the_kits_grid(lesson):
    # Act, then compare: the reference placements and their reasons appear only once the student's grid is
    # complete and they ask; nothing of them may sit in the stored outputs or the saved widget state.
    stored = json.dumps(lesson)
    reasons = json.loads((NOTEBOOK.parents[1] / "kit" / "data" / "stakeholders_grid.json").read_text())
    for placement in reasons["placements"]:
        assert placement["rationale"][:50] not in stored, placement["id"]
    assert "why it is there" not in stored and "Filled: the kit's reference" not in stored
    reveal = next(c for c in lesson.cells if c.source == "grid_reference(work)")
    assert "Static view" in reveal.outputs[0]["data"]["text/html"]  # what GitHub shows: a marked note


def test_what_happened_after_the_article_is_marked_later(lesson):
    for cell in lesson.cells:
        if cell.cell_type == "markdown" and re.search(r"1995|resigned", cell.source):
            for line in cell.source.splitlines():  # each paragraph or list item says so itself
                if re.search(r"1995|resigned", line):
                    assert re.search(r"\blater\b", line, re.IGNORECASE), line


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """Run notebook 05 in a fresh kernel, in a scratch folder, and keep the kernel for the tests."""
    yield from run_in_kernel(NOTEBOOK.name, tmp_path_factory.mktemp("nb05"))


def grid_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """Return the notebook's cells that open the work file, show the grid placer and its reveal button."""
    return [
        c
        for c in nb.cells
        if c.cell_type == "code"
        and any(call in c.source for call in ("open_work(", "grid_placer(", "grid_reference("))
    ]


def test_the_widget_cells_are_tagged_and_render_their_defaults(kernel):
    tagged = [c.source for c in kernel.notebook.cells if "nbval-ignore-output" in c.metadata.get("tags", [])]
    assert tagged == ["grid_placer(work)", "two_level_game()"]
    values = html_values(kernel)
    assert any("You have placed 0 of 10 actors. Kantor: not placed yet" in v for v in values)
    assert any("Locked until you save a placement for each of the 10 actors" in v for v in values)
    assert not any(REASON in v for v in values)  # the reference stays hidden
    assert any("The win-sets overlap from 40 to 45" in v for v in values)
    outputs = [e for e in kernel.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert outputs and all(e.get("outputs", []) == [] for e in outputs)  # no errors shown
    assert not (kernel.folder / WORK).exists()  # Run All saves nothing on the student's behalf


def test_run_all_saves_nothing_on_the_students_behalf(kernel):
    assert kernel.after_run == ["05_stakeholders.ipynb"]  # no work file


def test_moving_a_grid_slider_places_the_actor_and_saves_it(kernel):
    power = model_id(kernel, "IntSliderModel", description="Power:")
    set_value_and_wait(kernel, power, 9, "Kantor: power 9, interest 5, so manage closely.")
    saved = json.loads((kernel.folder / WORK).read_text(encoding="utf-8"))
    assert saved["answers"]["stakeholders.grid"] == {"kantor": [9, 5]}

    for index, cell in enumerate(grid_cells(kernel.notebook)):  # the student re-runs the cells
        kernel.execute_cell(cell, index)
    assert any(
        "You have placed 1 of 10 actors. Kantor: power 9, interest 5" in v for v in html_values(kernel)
    )


def test_the_reference_opens_only_after_every_actor_is_placed_and_saved(kernel):
    # The newest grid placer and button (the cells were re-run above): Kantor is placed; place the other nine.
    button, picker, power = (
        [i for i, e in kernel.widget_state.items() if e.get("description") == name][-1]
        for name in ("Compare with the reference", "Actor:", "Power:")
    )
    assert kernel.widget_state[button]["disabled"] is True
    for index in range(1, 10):
        update(kernel, picker, {"index": index})
        replies = update(kernel, power, {"value": 2})
        assert "power 2, interest 5" in replies.shown and REASON not in replies.shown
        if index < 9:
            assert replies.states.get(button, {}).get("disabled", True) is True, (
                "opened before the grid was full"
            )
            assert f"{index + 1} of 10 saved so far" in replies.shown
    assert replies.states[button] == {"disabled": False}  # the tenth placement, saved, opens it
    saved = json.loads((kernel.folder / WORK).read_text(encoding="utf-8"))["answers"]["stakeholders.grid"]
    assert len(saved) == 10 and saved["analysts"] == [2, 5]
    revealed = click(kernel, button)
    assert REASON in revealed.shown and "why it is there" in revealed.shown
    assert "the furthest from it is" in revealed.shown  # the comparison chart's caption


def test_moving_a_game_slider_and_picking_a_preset_redraw_the_game(kernel):
    coalition = model_id(kernel, "IntSliderModel", description="ruling coalition: ideal point")
    set_value_and_wait(kernel, coalition, 20, "The win-sets only touch, at 40")
    preset = model_id(kernel, "DropdownModel", description="Preset:")
    update_and_wait(kernel, preset, {"index": 0}, "the win-sets are 35 points apart")
