"""Notebook 05's widgets, wired in a real kernel and driven the way a front end drives them.

The grid placer's and the game's cells carry ``nbval-ignore-output`` (they
display Output widgets), so this test runs the notebook with nbclient in a
scratch folder (the work file is written there), sends the ``comm_msg`` updates
a browser sends when a student moves a slider or picks a preset, and reads what
the kernel sends back. It also re-runs the grid's cells, as a student does after
a restart, and checks the placement comes back from the work file.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from notebook_kernel import html_values, model_id, run_in_kernel, set_value_and_wait, update_and_wait

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "05_stakeholders.ipynb"


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """Run notebook 05 in a fresh kernel, in a scratch folder, and keep the kernel for the tests."""
    yield from run_in_kernel(NOTEBOOK.name, tmp_path_factory.mktemp("nb05"))


def grid_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """Return the notebook's cells that open the work file and show the grid placer."""
    return [
        c
        for c in nb.cells
        if c.cell_type == "code" and ("open_work(" in c.source or "grid_placer(" in c.source)
    ]


def test_the_widget_cells_are_tagged_and_render_their_defaults(kernel):
    tagged = [c.source for c in kernel.notebook.cells if "nbval-ignore-output" in c.metadata.get("tags", [])]
    assert tagged == ["grid_placer(work)", "two_level_game()"]
    values = html_values(kernel)
    assert any("You have placed 0 of 10 actors. Kantor: not placed yet" in v for v in values)
    assert any("The win-sets overlap from 40 to 45" in v for v in values)
    outputs = [e for e in kernel.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert len(outputs) == 2 and all(e.get("outputs", []) == [] for e in outputs)  # no errors shown
    assert not (kernel.folder / "05_stakeholders.work.json").exists()  # nothing saved before a change


def test_moving_a_grid_slider_places_the_actor_and_saves_it(kernel):
    power = model_id(kernel, "IntSliderModel", description="Power:")
    set_value_and_wait(kernel, power, 9, "Kantor: power 9, interest 5, so manage closely.")
    saved = json.loads((kernel.folder / "05_stakeholders.work.json").read_text(encoding="utf-8"))
    assert saved["answers"]["stakeholders.grid"] == {"kantor": [9, 5]}

    for index, cell in enumerate(grid_cells(kernel.notebook)):  # the student re-runs the cells
        kernel.execute_cell(cell, index)
    assert any(
        "You have placed 1 of 10 actors. Kantor: power 9, interest 5" in v for v in html_values(kernel)
    )


def test_moving_a_game_slider_and_picking_a_preset_redraw_the_game(kernel):
    coalition = model_id(kernel, "IntSliderModel", description="the ruling coalition: ideal point")
    set_value_and_wait(kernel, coalition, 20, "The win-sets only touch, at 40")
    preset = model_id(kernel, "DropdownModel", description="Preset:")
    update_and_wait(kernel, preset, {"index": 0}, "the win-sets are 35 points apart")
