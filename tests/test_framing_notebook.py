"""Notebook 02's widgets wired in a real kernel, driven by the messages a browser sends.

The notebook runs in a scratch folder so its work file never lands in notebooks/.
The test codes a paragraph through the Dropdown as a student would, checks the
work file on disk, then runs the notebook again in a new kernel (a restart) and
checks the coder shows the saved choice.
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

NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "02_framing.ipynb"
TIMEOUT = 30
ECONOMIC_INDEX = 1  # the Dropdown lists "(not coded yet)" first, then the codebook from Economic


def run_notebook(folder: Path) -> tuple[NotebookClient, object]:
    """Start a kernel in ``folder``, run every cell, and return the client with its kernel context."""
    nb = nbformat.read(folder / NOTEBOOK.name, as_version=4)
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    context = client.setup_kernel()
    context.__enter__()
    for index, cell in enumerate(nb.cells):
        client.execute_cell(cell, index)
    return client, context


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(NOTEBOOK, tmp_path / NOTEBOOK.name)
    return tmp_path


def models(client: NotebookClient, model: str, **state: object) -> list[str]:
    """Return the ids of the widget models of type ``model`` whose state includes ``state``."""
    return [
        ident
        for ident, entry in client.widget_state.items()
        if entry.get("_model_name") == model and all(entry.get(k) == v for k, v in state.items())
    ]


def send(client: NotebookClient, ident: str, state: dict) -> dict[str, dict]:
    """Send a front end's update of widget ``ident``; return the state updates the kernel sent back,
    by widget id, once it is idle again. Fail on any error or print meanwhile."""
    message = client.kc.session.msg(
        "comm_msg", {"comm_id": ident, "data": {"method": "update", "state": state, "buffer_paths": []}}
    )
    client.kc.shell_channel.send(message)
    updates: dict[str, dict] = {}
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        reply = run_sync(client.kc.get_iopub_msg)(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
            continue
        kind, content = reply["msg_type"], reply["content"]
        assert kind != "error", content
        if kind == "stream":
            raise AssertionError(f"the widget printed {content['text']!r}")
        if kind == "comm_msg" and content["data"].get("method") == "update":
            updates.setdefault(content["comm_id"], {}).update(content["data"]["state"])
        if kind == "status" and content["execution_state"] == "idle":
            return updates
    raise AssertionError(f"the kernel did not finish handling the update within {TIMEOUT} s")


def html_updates(updates: dict[str, dict]) -> str:
    """Return every text value in ``updates`` joined, to search for what the student would see."""
    return "\n".join(str(state.get("value", "")) for state in updates.values())


def child_of_same_box(client: NotebookClient, ident: str, model: str) -> str:
    """Return the id of the ``model`` widget in the same box as widget ``ident``."""
    for entry in client.widget_state.values():
        children = entry.get("children", [])
        if f"IPY_MODEL_{ident}" in children:
            for child in children:
                child_id = child.removeprefix("IPY_MODEL_")
                if client.widget_state[child_id].get("_model_name") == model:
                    return child_id
    raise AssertionError(f"no {model} beside widget {ident}")


def test_a_frame_choice_is_saved_and_survives_a_restart(folder: Path):
    client, context = run_notebook(folder)
    try:
        outputs = [e for e in client.widget_state.values() if e.get("_model_name") == "OutputModel"]
        assert outputs and all(e.get("outputs", []) == [] for e in outputs)  # no error in any widget
        [dropdown] = models(client, "DropdownModel", description="Primary frame:")
        slider = child_of_same_box(client, dropdown, "IntSliderModel")
        assert "¶9</b> In the long run" in html_updates(send(client, slider, {"value": 9}))
        shown = html_updates(send(client, dropdown, {"index": ECONOMIC_INDEX}))
        assert "1 of 20 paragraphs coded" in shown and "Money and markets" in shown
    finally:
        context.__exit__(None, None, None)
    saved = json.loads((folder / "02_framing.work.json").read_text("utf-8"))
    assert saved["answers"]["frames"] == {"9": "Economic"}

    client, context = run_notebook(folder)  # a kernel restart, then Run All
    try:
        [dropdown] = models(client, "DropdownModel", description="Primary frame:")
        slider = child_of_same_box(client, dropdown, "IntSliderModel")
        summaries = [
            e.get("value", "") for e in client.widget_state.values() if e.get("_model_name") == "HTMLModel"
        ]
        assert any("1 of 20 paragraphs coded" in v for v in summaries)
        updates = send(client, slider, {"value": 9})
        assert updates[dropdown] == {"index": ECONOMIC_INDEX}  # the saved choice comes back
    finally:
        context.__exit__(None, None, None)


def test_the_entman_tagger_and_the_reframing_lab_answer(folder: Path):
    client, context = run_notebook(folder)
    try:
        [dropdown] = models(client, "DropdownModel", description="Primary framing function:")
        assert "1 of 20 paragraphs coded" in html_updates(send(client, dropdown, {"index": 1}))
        [headline] = models(client, "TextModel", description="Your headline:")
        shown = html_updates(send(client, headline, {"value": "Japan Must Yield to Pressure"}))
        assert "framing devices found: Yield, Pressure." in shown
    finally:
        context.__exit__(None, None, None)
    saved = json.loads((folder / "02_framing.work.json").read_text("utf-8"))["answers"]
    assert saved["entman"] == {"1": "problem definition"}
    assert saved["reframe"] == {"headline": "Japan Must Yield to Pressure", "dek": "", "frame": "Economic"}
