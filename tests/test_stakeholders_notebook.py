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
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_core.utils import run_sync
from notebook_kernel import (
    WIDGET_TIMEOUT,
    html_values,
    model_id,
    run_in_kernel,
    set_value_and_wait,
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
    assert "why the reference puts it there" not in stored and "Filled: the kit's reference" not in stored


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
    """Return the notebook's cells that open the work file and show the grid placer."""
    return [
        c
        for c in nb.cells
        if c.cell_type == "code" and ("open_work(" in c.source or "grid_placer(" in c.source)
    ]


def states_after(kernel, ident: str, state: dict, expect: str) -> dict[str, dict]:
    """Send a front end's update for widget ``ident``; return every state the kernel sent back, by model,
    up to the first HTML value containing ``expect``."""
    message = kernel.kc.session.msg(
        "comm_msg", {"comm_id": ident, "data": {"method": "update", "state": state, "buffer_paths": []}}
    )
    kernel.kc.shell_channel.send(message)
    sent: dict[str, dict] = {}
    deadline = time.monotonic() + WIDGET_TIMEOUT
    while time.monotonic() < deadline:
        reply = run_sync(kernel.kc.get_iopub_msg)(timeout=WIDGET_TIMEOUT)
        if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
            continue
        assert reply["msg_type"] not in ("error", "stream"), reply["content"]
        data = reply["content"].get("data", {})
        sent.setdefault(reply["content"].get("comm_id", ""), {}).update(data.get("state", {}))
        if expect in str(data.get("state", {}).get("value", "")):
            return sent
    raise AssertionError(f"no widget showed {expect!r} within {WIDGET_TIMEOUT} s")


def test_the_widget_cells_are_tagged_and_render_their_defaults(kernel):
    tagged = [c.source for c in kernel.notebook.cells if "nbval-ignore-output" in c.metadata.get("tags", [])]
    assert tagged[:1] == ["grid_placer(work)"] and "two_level_game()" in tagged
    values = html_values(kernel)
    assert any("You have placed 0 of 10 actors. Kantor: not placed yet" in v for v in values)
    assert any("(10 to go)" in v for v in values)
    assert not any(REASON in v for v in values)  # the reference stays hidden
    assert any("The win-sets overlap from 40 to 45" in v for v in values)
    outputs = [e for e in kernel.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert outputs and all(e.get("outputs", []) == [] for e in outputs)  # no errors shown
    assert not (kernel.folder / WORK).exists()  # Run All saves nothing on the student's behalf


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
    # The newest grid placer (the cells were re-run above): Kantor is placed; place the other nine.
    toggle, picker, power = (
        [i for i, e in kernel.widget_state.items() if e.get("description") == name][-1]
        for name in ("Compare with the reference", "Actor:", "Power:")
    )
    assert kernel.widget_state[toggle]["disabled"] is True
    for index in range(1, 10):
        states_after(kernel, picker, {"index": index}, "not placed yet")
        sent = states_after(kernel, power, {"value": 2}, "power 2, interest 5")
        if index < 9:
            assert sent.get(toggle, {}).get("disabled", True) is True, "opened before the grid was full"
    assert sent[toggle]["disabled"] is False  # the tenth placement, saved, opens the comparison
    saved = json.loads((kernel.folder / WORK).read_text(encoding="utf-8"))["answers"]["stakeholders.grid"]
    assert len(saved) == 10 and saved["analysts"] == [2, 5]
    assert not any(REASON in v for v in html_values(kernel))  # open, but not yet asked for
    shown = update_and_wait(kernel, toggle, {"value": True}, "why the reference puts it there")
    assert REASON in shown
