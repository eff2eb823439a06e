"""Lessons 03 and 04 (framing) in a real kernel, driven by the messages a browser sends.

Each lesson runs in a scratch folder, so its work file never lands in notebooks/. In 04 the
test codes paragraphs through the Dropdown as a student would and checks the work file on disk;
it checks that the "Compare with the reference" buttons stay disabled until every paragraph is
saved, open after the save made in the widget above them, and that the stored lesson holds no
reference answer. Those tests share one kernel of 04: each codes with its own widget, saved under
its own key. A restart is Run All in a new kernel beside a work file in the form that coding
writes, holding one choice: the coder shows it.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from notebook_kernel import click, html_values, model_id, run_in_kernel, update

from kit.framing import entman_scheme, frame_scheme
from kit.store import open_work

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
CODING = "04_framing_coding.ipynb"
ECONOMIC_INDEX = 1  # the Dropdown lists "(not coded yet)" first, then the codebook from Economic
PARAGRAPHS = 20


def child_of_same_box(client, ident: str, model: str) -> str:
    """Return the id of the ``model`` widget in the same box as widget ``ident``."""
    for entry in client.widget_state.values():
        children = entry.get("children", [])
        if f"IPY_MODEL_{ident}" in children:
            for child in children:
                child_id = child.removeprefix("IPY_MODEL_")
                if client.widget_state[child_id].get("_model_name") == model:
                    return child_id
    raise AssertionError(f"no {model} beside widget {ident}")


def buttons(client) -> list[str]:
    """Return the ids of the two reveal buttons, frames first, in the order the lesson shows them."""
    found = [
        ident
        for ident, e in client.widget_state.items()
        if e.get("_model_name") == "ButtonModel" and e.get("description") == "Compare with the reference"
    ]
    assert len(found) == 2
    return found


@pytest.fixture(scope="module")
def coding(tmp_path_factory):
    """Lesson 04 run once, in a kernel kept for the tests that code in it: the frame coding, then the
    Entman tags and the rewrite, each saved under its own key and read by no other widget."""
    yield from run_in_kernel(CODING, tmp_path_factory.mktemp("nb04"))


def assert_run_all_saves_nothing_and_shows_no_error(client, lesson: str) -> None:
    """Check the kernel's widgets as Run All left them, and the folder it ran in."""
    outputs = [e for e in client.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert all(e.get("outputs", []) == [] for e in outputs)  # no error in any widget
    assert client.after_run == [lesson]  # Run All answers nothing on the student's behalf


def test_run_all_of_lesson_03_saves_nothing_and_shows_no_error(tmp_path: Path):
    for client in run_in_kernel("03_framing_voices.ipynb", tmp_path):
        assert_run_all_saves_nothing_and_shows_no_error(client, "03_framing_voices.ipynb")


def test_run_all_of_lesson_04_saves_nothing_and_shows_no_error(coding):
    # widget_state is the state Run All left: the tests below send updates without changing it
    assert_run_all_saves_nothing_and_shows_no_error(coding, CODING)


def test_the_stored_lesson_holds_no_reference_answer():
    stored = json.dumps(nbformat.read(NOTEBOOKS / CODING, as_version=4))
    for scheme in (frame_scheme(), entman_scheme()):
        for paragraph, reason in scheme.rationale.items():
            assert json.dumps(reason)[1:-1] not in stored, f"{scheme.name}: the reason for ¶{paragraph} shows"
    assert stored.count("<b>Static view</b>") == 2  # each locked button says what it is for


def test_a_saved_frame_choice_survives_a_restart(tmp_path: Path):
    # What coding ¶9 as Economic saves (the test below codes through the widget and reads the file),
    # so that only the restart costs a kernel.
    open_work("04_framing_coding", tmp_path).set(frame_scheme().work_key, {"9": "Economic"})
    for client in run_in_kernel(CODING, tmp_path):  # a kernel restart, then Run All
        dropdown = model_id(client, "DropdownModel", description="Primary frame:")
        slider = child_of_same_box(client, dropdown, "IntSliderModel")
        assert any("1 of 20 paragraphs coded" in v for v in html_values(client))
        assert update(client, slider, {"value": 9}).states[dropdown] == {"index": ECONOMIC_INDEX}


def test_the_reference_opens_only_after_every_paragraph_is_coded(coding):
    frames_button, entman_button = buttons(coding)
    assert coding.widget_state[frames_button]["disabled"] is True
    dropdown = model_id(coding, "DropdownModel", description="Primary frame:")
    slider = child_of_same_box(coding, dropdown, "IntSliderModel")
    for paragraph in range(1, PARAGRAPHS + 1):
        moved = update(coding, slider, {"value": paragraph})
        replies = update(coding, dropdown, {"index": ECONOMIC_INDEX})
        if paragraph == 9:
            assert "¶9</b> In the long run" in moved.shown and "Money and markets" in replies.shown
        opened = replies.states.get(frames_button, {}).get("disabled") is False
        assert opened == (paragraph == PARAGRAPHS), f"the button opened after ¶{paragraph}"
        assert f"{paragraph} of 20 saved so far" in replies.shown or opened
    assert "Saved: your coding of all 20 paragraphs." in replies.shown
    saved = json.loads((coding.folder / "04_framing_coding.work.json").read_text("utf-8"))
    assert saved["answers"]["frames"] == {str(p): "Economic" for p in range(1, PARAGRAPHS + 1)}
    assert entman_button not in replies.states  # the Entman reference waits for its own tags
    revealed = click(coding, frames_button).shown
    assert "3 of 20 coded paragraphs agree with the reference (15%)" in revealed  # ¶7-9 are Economic
    assert "the reference&#x27;s reason" in revealed and "Hard bargaining" in revealed


def test_the_entman_tagger_and_the_reframing_lab_answer(coding):
    dropdown = model_id(coding, "DropdownModel", description="Primary framing function:")
    assert "1 of 20 paragraphs coded" in update(coding, dropdown, {"index": 1}).shown
    headline = model_id(coding, "TextModel", description="Your headline:")
    shown = update(coding, headline, {"value": "Japan Must Yield to Pressure"}).shown
    assert "framing devices found: Yield, Pressure." in shown
    saved = json.loads((coding.folder / "04_framing_coding.work.json").read_text("utf-8"))["answers"]
    assert saved["entman"] == {"1": "problem definition"}
    assert saved["reframe"] == {"headline": "Japan Must Yield to Pressure", "dek": "", "frame": "Economic"}
