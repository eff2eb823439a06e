"""Notebook 04's measurement lab, wired in a real kernel and driven the way a front end drives it.

The lab's cell carries ``nbval-ignore-output`` (it displays an Output widget), so
this test runs the notebook with nbclient in a scratch folder (its work file is
written there), sends the kernel the ``comm_msg`` updates a browser sends when a
student moves a slider or picks a series, and reads the summaries the kernel
sends back.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "04_numerical_targets.ipynb"
WIDGET_TIMEOUT = 30


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """Run notebook 04 in a fresh kernel, in a scratch folder, and keep the kernel for the tests."""
    folder = tmp_path_factory.mktemp("nb04")
    shutil.copy(NOTEBOOK, folder)
    nb = nbformat.read(folder / NOTEBOOK.name, as_version=4)
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        client.folder = folder
        yield client


def model_id(client: NotebookClient, model: str, **state: object) -> str:
    """Return the id of the widget model of type ``model`` whose state includes ``state``."""
    for ident, entry in client.widget_state.items():
        if entry.get("_model_name") == model and all(entry.get(k) == v for k, v in state.items()):
            return ident
    raise AssertionError(f"no {model} with {state} among the kernel's widgets")


def lab_summary(client: NotebookClient) -> str:
    """Return the lab's summary HTML as the kernel last sent it."""
    values = [e.get("value", "") for e in client.widget_state.values() if e.get("_model_name") == "HTMLModel"]
    return next(v for v in values if "kit-lab-summary" in v)


def update_and_wait(client: NotebookClient, ident: str, state: dict, expect: str) -> str:
    """Send a front end's state update for widget ``ident``; return the first HTML value with ``expect``.

    Fail on any error or printed text the kernel reports meanwhile.
    """
    message = client.kc.session.msg(
        "comm_msg", {"comm_id": ident, "data": {"method": "update", "state": state, "buffer_paths": []}}
    )
    client.kc.shell_channel.send(message)
    deadline = time.monotonic() + WIDGET_TIMEOUT
    while time.monotonic() < deadline:
        reply = run_sync(client.kc.get_iopub_msg)(timeout=WIDGET_TIMEOUT)
        if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
            continue
        assert reply["msg_type"] != "error", reply["content"]
        if reply["msg_type"] == "stream":
            raise AssertionError(f"the widget printed {reply['content']['text']!r}")
        value = str(reply["content"].get("data", {}).get("state", {}).get("value", ""))
        if expect in value:
            return value
    raise AssertionError(f"no widget showed {expect!r} within {WIDGET_TIMEOUT} s")


def test_the_lab_renders_its_default_and_the_prediction_is_saved(kernel):
    assert "Results-oriented goal: met. Numerical target: met." in lab_summary(kernel)
    outputs = [e for e in kernel.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert outputs and all(e.get("outputs", []) == [] for e in outputs)
    saved = json.loads((kernel.folder / "04_numerical_targets.work.json").read_text(encoding="utf-8"))
    assert saved["answers"]["epilogue.prediction"]["autos settled by"] == "1994"


def test_raising_the_minimum_growth_flips_the_verdict(kernel):
    growth = model_id(kernel, "FloatSliderModel", description="Minimum growth per period (%):")
    summary = update_and_wait(kernel, growth, {"value": 3.0}, "Results-oriented goal: cannot tell.")
    assert "1994Q4: 23.7%, up 2.2% (not enough)." in summary
    within = model_id(kernel, "IntSliderModel", description="Must start within (periods):")
    update_and_wait(kernel, within, {"value": 2}, "Results-oriented goal: not met.")


def test_picking_another_series_resets_the_lab(kernel):
    picker = model_id(kernel, "DropdownModel", description="Series:")
    summary = update_and_wait(kernel, picker, {"index": 1}, "Met: 1995 to 1996 each grew enough.")
    assert "First reached in 1996: 427,525 vehicles." in summary


def test_the_target_growth_widget_answers_its_slider(kernel):
    periods = model_id(kernel, "IntSliderModel", description="Periods to reach it:")
    summary = update_and_wait(kernel, periods, {"value": 8}, "by 1995Q3 takes +4.1% a quarter")
    assert "What happened: First reached in 1995Q3: 26.2%." in summary


def test_weighing_an_argument_saves_it_to_the_work_file(kernel):
    results = model_id(kernel, "IntSliderModel", description="FOR \u00b7 results")
    update_and_wait(kernel, results, {"value": 4}, "a score of +1.00")
    saved = json.loads((kernel.folder / "04_numerical_targets.work.json").read_text(encoding="utf-8"))
    assert saved["answers"]["arguments.weights"]["results"] == 4
