"""Helpers for testing a notebook's widgets in a real kernel, driven the way a front end drives them.

nbval cannot check cells that display Output widgets (they carry the
``nbval-ignore-output`` tag), so a kernel test runs the notebook with nbclient,
finds each widget's model in the kernel's widget state, sends the kernel the
same ``comm_msg`` update a browser sends when a student types, slides or picks,
and reads the updates the kernel sends back. Shared by the notebook tests.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
WIDGET_TIMEOUT = 30


def run_in_kernel(name: str, folder: Path) -> Iterator[NotebookClient]:
    """Run notebook ``name`` from notebooks/ in a fresh kernel, in a scratch ``folder`` (work files
    land there, never in notebooks/); yield the client with the kernel still up.

    The client also carries ``folder`` and the executed ``notebook``.
    """
    shutil.copy(NOTEBOOKS / name, folder)
    nb = nbformat.read(folder / name, as_version=4)
    client = NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        client.folder, client.notebook = folder, nb
        yield client


def model_id(client: NotebookClient, model: str, **state: object) -> str:
    """Return the id of the widget model of type ``model`` whose state includes ``state``."""
    for ident, entry in client.widget_state.items():
        if entry.get("_model_name") == model and all(entry.get(k) == v for k, v in state.items()):
            return ident
    raise AssertionError(f"no {model} with {state} among the kernel's widgets")


def html_values(client: NotebookClient) -> list[str]:
    """Return the value of every HTML widget the kernel has created."""
    return [e.get("value", "") for e in client.widget_state.values() if e.get("_model_name") == "HTMLModel"]


def update_and_wait(client: NotebookClient, ident: str, state: dict, expect: str) -> str:
    """Send a front end's state update for widget ``ident``; return the first HTML update containing
    ``expect``. Fail on any error or printed text the kernel reports meanwhile."""
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
        value = reply["content"].get("data", {}).get("state", {}).get("value", "")
        if expect in str(value):
            return value
    raise AssertionError(f"no widget showed {expect!r} within {WIDGET_TIMEOUT} s")


def set_value_and_wait(client: NotebookClient, ident: str, value: object, expect: str) -> str:
    """Send a front end's value update for widget ``ident``; return the first HTML update containing
    ``expect``. Fail on any error the kernel reports meanwhile."""
    return update_and_wait(client, ident, {"value": value}, expect)
