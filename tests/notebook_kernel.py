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
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
WIDGET_TIMEOUT = 30


class MirrorCountingClient(NotebookClient):
    """nbclient, counting the messages it sends the kernel to mirror an Output widget.

    nbclient acts as the front end of an Output widget that captures output while a cell runs, and
    sends the kernel each change on the socket where it waits for the cell's reply; now and then the
    reply is then missed and the run stalls until its timeout (nbclient #312). The kit never
    captures output while a cell runs (kit.widgets.base.say), and the runners here check it.
    """

    mirrored = 0

    def on_comm_open_jupyter_widget(self, msg: dict) -> object:
        widget = super().on_comm_open_jupyter_widget(msg)
        if widget is not None:
            send = widget.send

            def counted(*args: object, **kwargs: object) -> None:
                self.mirrored += 1
                send(*args, **kwargs)

            widget.send = counted
        return widget


def run_in_kernel(name: str, folder: Path) -> Iterator[NotebookClient]:
    """Run notebook ``name`` from notebooks/ in a fresh kernel, in a scratch ``folder`` (work files
    land there, never in notebooks/); yield the client with the kernel still up.

    The client also carries ``folder``, the executed ``notebook`` and ``after_run``: the names of
    the files in ``folder`` as Run All left them, before a test moves any widget.
    """
    if not (folder / name).exists():  # a test may write its own small notebook there first
        shutil.copy(NOTEBOOKS / name, folder)
    nb = nbformat.read(folder / name, as_version=4)
    client = MirrorCountingClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        assert client.mirrored == 0, f"Run All of {name} captured output into an Output widget"
        client.folder, client.notebook = folder, nb
        client.after_run = sorted(path.name for path in folder.iterdir())
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
    message = _send(client, ident, {"method": "update", "state": state, "buffer_paths": []})
    deadline = time.monotonic() + WIDGET_TIMEOUT
    while time.monotonic() < deadline:
        reply = _reply_to(client, message)
        if reply is None:
            continue
        value = reply["content"].get("data", {}).get("state", {}).get("value", "")
        if expect in str(value):
            return value
    raise AssertionError(f"no widget showed {expect!r} within {WIDGET_TIMEOUT} s")


@dataclass
class Replies:
    """What the kernel sent back for one message: state updates by widget id, and what it displayed."""

    states: dict[str, dict] = field(default_factory=dict)
    displayed: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        """Return every text value updated and every HTML or text displayed, joined."""
        values = [str(state.get("value", "")) for state in self.states.values()]
        return "\n".join(values + self.displayed)


def send(client: NotebookClient, ident: str, data: dict) -> Replies:
    """Send comm message ``data`` to widget ``ident`` as a front end does; return what the kernel sent
    back, once it is idle again. Fail on any error or printed text meanwhile."""
    message = _send(client, ident, data)
    replies = Replies()
    deadline = time.monotonic() + WIDGET_TIMEOUT
    while time.monotonic() < deadline:
        reply = _reply_to(client, message)
        if reply is None:
            continue
        kind, content = reply["msg_type"], reply["content"]
        if kind == "comm_msg" and content["data"].get("method") == "update":
            replies.states.setdefault(content["comm_id"], {}).update(content["data"]["state"])
        if kind == "display_data":
            replies.displayed.append(content["data"].get("text/html") or content["data"]["text/plain"])
        if kind == "status" and content["execution_state"] == "idle":
            return replies
    raise AssertionError(f"the kernel did not finish handling the message within {WIDGET_TIMEOUT} s")


def update(client: NotebookClient, ident: str, state: dict) -> Replies:
    """Send a front end's state update (e.g. ``{"index": 1}`` for a Dropdown); return ``send``'s updates."""
    return send(client, ident, {"method": "update", "state": state, "buffer_paths": []})


def click(client: NotebookClient, ident: str) -> Replies:
    """Click button ``ident`` as a front end does; return ``send``'s updates."""
    return send(client, ident, {"method": "custom", "content": {"event": "click"}})


def _send(client: NotebookClient, ident: str, data: dict) -> dict:
    message = client.kc.session.msg("comm_msg", {"comm_id": ident, "data": data})
    client.kc.shell_channel.send(message)
    return message


def _reply_to(client: NotebookClient, message: dict) -> dict | None:
    """Return the kernel's next iopub message if it answers ``message`` (None if not); fail on an
    error or printed text."""
    reply = run_sync(client.kc.get_iopub_msg)(timeout=WIDGET_TIMEOUT)
    if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
        return None
    assert reply["msg_type"] != "error", reply["content"]
    if reply["msg_type"] == "stream":
        raise AssertionError(f"the widget printed {reply['content']['text']!r}")
    return reply


def set_value_and_wait(client: NotebookClient, ident: str, value: object, expect: str) -> str:
    """Send a front end's value update for widget ``ident``; return the first HTML update containing
    ``expect``. Fail on any error the kernel reports meanwhile."""
    return update_and_wait(client, ident, {"value": value}, expect)
