"""Lessons 06 and 07's widgets, wired in a real kernel and driven the way a front end drives them.

Their cells carry ``nbval-ignore-output`` (each displays an Output widget), so
these tests run each notebook with nbclient in a scratch folder (its work file is
written there), send the kernel the ``comm_msg`` updates a browser sends when a
student moves a slider or picks a series, and read what the kernel sends back.
"""

from __future__ import annotations

import json

import pytest
from nbclient import NotebookClient
from notebook_kernel import html_values, model_id, run_in_kernel, update_and_wait


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """Lesson 06 (the data and the lab), run in a kernel kept for the tests."""
    yield from run_in_kernel("06_numerical_targets.ipynb", tmp_path_factory.mktemp("nb06"))


@pytest.fixture(scope="module")
def debate(tmp_path_factory):
    """Lesson 07 (the debate and the epilogue), run in a kernel kept for the tests."""
    yield from run_in_kernel("07_targets_debate.ipynb", tmp_path_factory.mktemp("nb07"))


def lab_summary(client: NotebookClient) -> str:
    """Return the lab's summary HTML as the kernel last sent it."""
    return next(v for v in html_values(client) if "kit-lab-summary" in v)


def test_the_lab_renders_its_default(kernel):
    summary = lab_summary(kernel)
    assert "Results-oriented goal: met." in summary and "Numerical target: met." in summary
    outputs = [e for e in kernel.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert outputs and all(e.get("outputs", []) == [] for e in outputs)


def test_raising_the_minimum_growth_flips_the_verdict(kernel):
    growth = model_id(kernel, "FloatSliderModel", description="Minimum growth per period (%):")
    summary = update_and_wait(kernel, growth, {"value": 3.0}, "Results-oriented goal: cannot tell.")
    assert "1994Q4: 23.7%, up 2.2% (+0.5 percentage points), not enough (under 3%)." in summary
    within = model_id(kernel, "IntSliderModel", description="Must start within (periods):")
    update_and_wait(kernel, within, {"value": 2}, "Results-oriented goal: not met.")


def test_picking_another_series_resets_the_lab(kernel):
    picker = model_id(kernel, "DropdownModel", description="Series:")
    summary = update_and_wait(kernel, picker, {"index": 1}, "Met: 1995 to 1996 each grew at least 10%.")
    assert "First reached in 1996: 427,525 vehicles." in summary


def test_the_target_growth_widget_answers_its_slider(kernel):
    periods = model_id(kernel, "IntSliderModel", description="Periods to reach it:")
    summary = update_and_wait(kernel, periods, {"value": 8}, "by 1995Q3 takes +4.1% a quarter")
    assert "What happened: First reached in 1995Q3: 26.2%." in summary


def test_run_all_of_lesson_06_saves_nothing_on_the_students_behalf(kernel):
    assert kernel.after_run == ["06_numerical_targets.ipynb"]  # no work file


def test_run_all_saves_nothing_on_the_students_behalf(debate):
    assert debate.after_run == ["07_targets_debate.ipynb"]  # no work file, no prediction
    outputs = [e for e in debate.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert outputs and all(e.get("outputs", []) == [] for e in outputs)


def test_weighing_an_argument_saves_it_to_the_work_file(debate):
    empty = model_id(debate, "IntSliderModel", description="FOR \u00b7 empty")
    update_and_wait(debate, empty, {"value": 4}, "a score of +1.00")
    saved = json.loads((debate.folder / "07_targets_debate.work.json").read_text(encoding="utf-8"))
    assert saved["answers"]["arguments.weights"]["empty"] == 4
