"""Act, then compare: a button that shows the kit's reference only once the student's own answer is saved.

``reveal_after`` puts a "Compare with the reference" button below a task. It stays disabled until
the work file holds the student's saved answer under the task's keys, and it notices a save made
by a widget above it at once, without the cell being run again. Clicking it shows the reference,
drawn by a kit display or chart function. Nothing of the reference is in the cell's stored output:
a notebook read on GitHub, as a PDF or before it is run shows only a marked note of what the
button is for.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets  # type: ignore[import-untyped]  # ipywidgets ships no type hints
from IPython.display import display
from matplotlib.axes import Axes

from kit.display import show as show_chart
from kit.display.common import text_html
from kit.display.reveal import REVEALED, reveal_locked_html, reveal_locked_text
from kit.errors import KitError, invalid, whole_number
from kit.store import WorkFile
from kit.widgets.base import KitBox

# Callbacks to run after each save, per work file (the file's own ``set`` is wrapped once to call them).
_WATCHERS: weakref.WeakKeyDictionary[WorkFile, list[Callable[[], None]]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class RevealState:
    """Whether the reference may be shown yet, and one sentence saying why (or why not)."""

    ready: bool
    saved: int
    needed: int
    status: str


def _items_saved(value: object) -> int:
    """Return how many answers a saved value holds: entries of a dict or list, 1 for any other answer."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    return len(value) if isinstance(value, (dict, list)) else 1


def reveal_state(
    answers: Mapping[str, object], keys: Sequence[str], needed: int = 1, task: str = "your answer above"
) -> RevealState:
    """Return whether ``answers`` hold at least ``needed`` saved answers under every one of ``keys``."""
    if not keys:
        raise invalid("keys", keys, "a list of at least one work-file key")
    whole_number("needed", needed, 1)
    saved = min(_items_saved(answers.get(key)) for key in keys)
    if saved >= needed:
        status = f"Saved: {task}. Press the button to compare it with the reference."
    elif needed == 1:
        status = f"Locked until you save {task}. The button opens as soon as it is saved."
    else:
        status = f"Locked until you save {task}: {saved} of {needed} saved so far."
    return RevealState(saved >= needed, min(saved, needed), needed, status)


def _watch_saves(work: WorkFile, callback: Callable[[], None]) -> None:
    """Run ``callback`` after every save to ``work``, whichever widget makes it."""
    watchers = _WATCHERS.get(work)
    if watchers is None:
        watchers = _WATCHERS[work] = []
        save = work.set

        def save_and_tell(key: str, value: object) -> None:
            save(key, value)
            for watcher in list(watchers):
                watcher()

        # This instance only: every widget given this work file saves through it.
        work.set = save_and_tell  # type: ignore[method-assign]  # a deliberate per-instance wrapper
    watchers.append(callback)


class RevealBox(KitBox):
    """A reveal control whose text and HTML forms (seen before it runs, or on GitHub) say what it is."""

    def __init__(self, label: str, task: str, children: Sequence[widgets.Widget]):
        super().__init__(reveal_locked_text(label, task), children, static=reveal_locked_html(label, task))


def _show(result: object) -> None:
    for item in result if isinstance(result, (list, tuple)) else [result]:
        if isinstance(item, Axes):
            show_chart(item)
        else:
            display(item)


def _locked_button(label: str, task: str) -> widgets.Button:
    """Return the reveal button, disabled until the task is saved."""
    tooltip = f"Opens once you have saved {task}."
    return widgets.Button(
        description=label, disabled=True, icon="eye", tooltip=tooltip, layout=widgets.Layout(width="auto")
    )


def reveal_after(
    work: WorkFile,
    keys: Sequence[str],
    show: Callable[[], object],
    label: str = "Compare with the reference",
    needed: int = 1,
    task: str = "your answer above",
) -> widgets.VBox:
    """Return a button that shows ``show()`` (a kit chart or display, or a list of them) once ``work``
    holds ``needed`` saved answers under each of ``keys``; disabled until then, enabled by the save."""
    button = _locked_button(label, task)
    status, out = widgets.HTML(), widgets.Output()
    shown = {"now": False}

    def reveal(_button: object = None) -> None:
        if button.disabled:  # only the front end greys a button out; a message could still arrive
            return
        with out:
            out.clear_output(wait=True)
            try:
                _show(show())
                shown["now"] = True
                status.value = text_html(REVEALED)
            except KitError as error:
                print(error)

    def update() -> None:
        state = reveal_state(work.answers, keys, needed, task)
        button.disabled = not state.ready
        status.value = text_html(state.status)
        if shown["now"] and state.ready:
            reveal()  # already open: keep the comparison in step with the student's changes

    button.on_click(reveal)
    _watch_saves(work, update)
    update()
    return RevealBox(label, task, [widgets.HBox([button, status]), out])
