"""kit.widgets.reveal: the reference stays locked until the student's own answer is saved.

The pure core (``reveal_state``) is tested on plain answers; the shell in plain Python (a save by
another widget on the same work file enables the button at once) and in a real kernel, driven the
way a front end drives it: disabled before a save, enabled by a save made in the widget above,
the reference shown only on a click and never in the stored output.
"""

from __future__ import annotations

import nbformat
import pytest
from notebook_kernel import click, model_id, run_in_kernel, update

from kit.display.reveal import reveal_locked_html, reveal_locked_text
from kit.errors import InvalidInputError
from kit.store import open_work
from kit.widgets import reveal_after, reveal_state

TASK = "your coding of all 20 paragraphs"


def test_state_locked_until_every_key_holds_enough_answers():
    state = reveal_state({"frames": {"1": "Economic", "2": "Political"}}, ["frames"], 20, TASK)
    assert (state.ready, state.saved, state.needed) == (False, 2, 20)
    assert state.status == f"Locked until you save {TASK}: 2 of 20 saved so far."
    assert not reveal_state({"frames": {"1": "Economic"}}, ["frames", "entman"]).ready
    assert not reveal_state({"note": "   "}, ["note"]).ready  # blank text is not an answer


def test_state_ready_once_saved():
    coding = {str(n): "Economic" for n in range(1, 21)}
    state = reveal_state({"frames": coding}, ["frames"], 20, TASK)
    assert state.ready and state.saved == 20
    assert state.status == f"Saved: {TASK}. Press the button to compare it with the reference."
    single = reveal_state({"choice": "Kantor"}, ["choice"])
    assert single.ready and single.status.startswith("Saved: your answer above.")


def test_state_rejects_no_keys_and_a_bad_count():
    with pytest.raises(InvalidInputError, match="'keys' must be a list of at least one work-file key"):
        reveal_state({}, [])
    with pytest.raises(InvalidInputError, match=".needed. must be a whole number of at least 1, not int 0"):
        reveal_state({}, ["frames"], 0)


def test_button_enabled_by_a_save_through_the_same_work_file(tmp_path):
    work = open_work("lesson", tmp_path)
    shown = []
    box = reveal_after(work, ["answer"], lambda: shown.append("reference") or "reference")
    button, status = box.children[0].children
    assert button.disabled and "Locked until you save your answer above" in status.value
    button.click()  # a click that reaches the kernel while locked shows nothing
    assert shown == []
    work.set("answer", "my reading")  # as a widget above saves it
    assert not button.disabled and status.value.startswith("<p>Saved: your answer above.")
    assert shown == []  # nothing is shown before the click
    button.click()
    assert shown == ["reference"]
    work.set("answer", "")  # emptied again: locked again
    assert button.disabled


def test_a_second_reveal_on_the_same_work_file_is_told_too(tmp_path):
    work = open_work("lesson", tmp_path)
    first = reveal_after(work, ["a"], lambda: None)
    second = reveal_after(work, ["b"], lambda: None)
    work.set("a", 1)
    assert not first.children[0].children[0].disabled and second.children[0].children[0].disabled


def test_stored_forms_hold_no_reference_and_say_what_the_button_does(tmp_path):
    box = reveal_after(open_work("lesson", tmp_path), ["answer"], lambda: None, task=TASK)
    bundle = box._repr_mimebundle_()
    assert bundle["text/plain"] == reveal_locked_text("Compare with the reference", TASK)
    assert bundle["text/plain"].startswith("[Compare with the reference: a button that opens once you")
    assert "<b>Static view</b>" in bundle["text/html"] and "not printed here" in bundle["text/html"]
    assert bundle["text/html"] == reveal_locked_html("Compare with the reference", TASK)
    assert "application/vnd.jupyter.widget-view+json" in bundle


KERNEL_CELLS = [
    "from kit.article import load_article\nfrom kit.display import rows_html\n"
    "from kit.store import open_work\nfrom kit.widgets import frame_coder, reveal_after\n"
    "article, work = load_article(), open_work('scratch')",
    "frame_coder(article, work)",
    "reveal_after(work, ['frames'], lambda: rows_html(['x'], [['REFERENCE-TABLE']]), task='one frame')",
]


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """Run a scratch notebook (a frame coder above a reveal) in a fresh kernel; keep the kernel."""
    folder = tmp_path_factory.mktemp("reveal")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in KERNEL_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "scratch.ipynb")
    yield from run_in_kernel("scratch.ipynb", folder)


def test_in_a_kernel_the_save_above_enables_the_button_and_the_click_reveals(kernel):
    button = model_id(kernel, "ButtonModel", description="Compare with the reference")
    assert kernel.widget_state[button]["disabled"] is True
    stored = kernel.notebook.cells[2].outputs[0]["data"]
    assert "REFERENCE-TABLE" not in str(stored) and "Static view" in stored["text/html"]
    choice = model_id(kernel, "DropdownModel", description="Primary frame:")
    replies = update(kernel, choice, {"index": 1})  # the first frame, Economic, for paragraph 1
    assert replies.states[button] == {"disabled": False}
    assert "Saved: one frame." in replies.shown and "REFERENCE-TABLE" not in replies.shown
    assert '"1": "Economic"' in (kernel.folder / "scratch.work.json").read_text()
    revealed = click(kernel, button)
    assert "The reference is below" in revealed.shown and "REFERENCE-TABLE" in revealed.shown
