"""The lessons give the same outputs in any order, run twice, with a student's saved work present.

Lessons 04 and 07 keep a student's answers in a work file beside them
(``04_framing_coding.work.json``, ``07_targets_debate.work.json``, and the prediction in
``prediction.work.json``) and read it back when they run again: the classic way for a
notebook to pass once on a fresh clone and then fail, or to depend on which lesson ran
first. This test copies both into a folder holding answers a student might have saved and
runs them in reverse order (07, then 04) in fresh kernels; each run must match the outputs
stored in notebooks/ under nbval's own rules: its sanitizer (tests/nbval_sanitize.cfg), the
fields it compares, and no check for cells tagged ``nbval-ignore-output``.

The first run, on a fresh clone, is nbval's own (in lesson order, each in a fresh kernel), and
Run All of either lesson writes nothing to its folder (tests/test_framing_notebook.py and
tests/test_targets_notebook.py check ``after_run``), so nothing one run leaves can reach the
other: running them here in an empty folder first would repeat nbval's check at two kernels' cost.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import (
    coalesce_streams,
    find_comment_markers,
    find_metadata_tags,
    get_sanitize_patterns,
    transform_streams_for_comparison,
)
from notebook_kernel import NOTEBOOKS, run_in_kernel

from kit.framing import entman_scheme, frame_scheme
from kit.store import open_work
from kit.widgets.framing import REFRAME_KEY
from kit.widgets.targets import WEIGHTS_KEY

TESTS = Path(__file__).parent
REVERSED = ["07_targets_debate.ipynb", "04_framing_coding.ipynb"]
PATTERNS = get_sanitize_patterns((TESTS / "nbval_sanitize.cfg").read_text(encoding="utf-8"))
# nbval's IPyNbFile.skip_compare, with its default (no nbdime) image skips.
SKIP = {
    "metadata",
    "traceback",
    "prompt_number",
    "output_type",
    "name",
    "execution_count",
    "application/vnd.jupyter.widget-view+json",
    "image/png",
    "image/jpeg",
}


def sanitize(value: object) -> object:
    """Return ``value`` with nbval's sanitizer patterns applied, if it is text."""
    if not isinstance(value, str):
        return value
    for regex, replace in PATTERNS:
        value = re.sub(regex, replace, value)
    return value


def comparable(outputs: list) -> dict[str, list]:
    """Return a cell's outputs as nbval compares them: each compared field, its sanitized values."""
    fields = defaultdict(list)
    for output in transform_streams_for_comparison(coalesce_streams(copy.deepcopy(outputs))):
        for key, value in output.items():
            if key == "data":
                for mime, content in value.items():
                    if mime not in SKIP:
                        fields[mime].append(sanitize(content))
            elif key not in SKIP:
                fields[key].append(sanitize(value))
    return dict(fields)


def checked(cell: nbformat.NotebookNode) -> bool:
    """Return whether nbval compares this code cell's outputs."""
    options = dict(find_comment_markers(cell.source))
    options.update(find_metadata_tags(cell.metadata))
    return options.get("check", True) and not options.get("skip", False)


def run(name: str, folder: Path) -> nbformat.NotebookNode:
    """Return notebook ``name``, copied into ``folder`` and executed in a fresh kernel started there."""
    (client,) = run_in_kernel(name, folder)  # unpacking runs the generator out: the kernel is shut down
    return client.notebook


def differences(name: str, executed: nbformat.NotebookNode) -> list[str]:
    """Return a line for each checked cell whose outputs differ from those stored in notebooks/."""
    stored = nbformat.read(NOTEBOOKS / name, as_version=4)
    found = []
    for index, (ref, new) in enumerate(zip(stored.cells, executed.cells, strict=True)):
        if ref.cell_type == "code" and checked(ref):
            want, got = comparable(ref.outputs), comparable(new.outputs)
            if want != got:
                found.append(f"{name} cell {index}: stored {want!r:.300} but ran {got!r:.300}")
    return found


def save_student_work(folder: Path) -> None:
    """Write answers a student might have saved: codings, a rewrite, weights, another prediction."""
    framing = open_work("04_framing_coding", folder)
    framing.set(frame_scheme().work_key, {"1": "Morality", "4": "Economic"})
    framing.set(entman_scheme().work_key, {"2": "moral evaluation"})
    framing.set(REFRAME_KEY, {"headline": "Tokyo Stands Firm", "dek": "", "frame": "Morality"})
    open_work("07_targets_debate", folder).set(WEIGHTS_KEY, {"results": 5, "chips": 4, "managed": 1})
    open_work("prediction", folder).set(
        "prediction",
        {
            "numerical targets in the autos deal": "no",
            "U.S. sanctions on Japanese cars": "neither",
            "autos settled by": "1996 or later",
        },
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """An empty folder: each run copies its notebook in and starts the kernel there."""
    return tmp_path_factory.mktemp("determinism")


def test_reverse_order_with_saved_work_matches_the_stored_outputs(folder):
    save_student_work(folder)
    runs = {name: run(name, folder) for name in REVERSED}
    assert [line for name in REVERSED for line in differences(name, runs[name])] == []
    # The student's work survived both runs untouched.
    framing = open_work("04_framing_coding", folder).answers
    assert framing[REFRAME_KEY]["headline"] == "Tokyo Stands Firm"
    assert framing[frame_scheme().work_key] == {"1": "Morality", "4": "Economic"}
    assert open_work("07_targets_debate", folder).get(WEIGHTS_KEY) == {"results": 5, "chips": 4, "managed": 1}
    assert open_work("prediction", folder).get("prediction")["autos settled by"] == "1996 or later"


def test_the_comparison_sees_a_changed_output():
    cell = nbformat.v4.new_code_cell(
        "x", outputs=[nbformat.v4.new_output("stream", name="stdout", text="a\n")]
    )
    other = nbformat.v4.new_output("stream", name="stdout", text="b\n")
    assert comparable(cell.outputs) == {"stdout": ["a\n"]}
    assert comparable([other]) != comparable(cell.outputs)
    assert comparable([nbformat.v4.new_output("stream", name="stdout", text="at 0x7f3a2b1c0d10\n")]) == {
        "stdout": ["at 0xADDRESS\n"]
    }
    assert checked(cell)
    cell.metadata["tags"] = ["nbval-ignore-output"]
    assert not checked(cell)


def test_differences_names_a_changed_cell_and_skips_ignored_ones():
    executed = nbformat.read(NOTEBOOKS / "07_targets_debate.ipynb", as_version=4)
    assert differences("07_targets_debate.ipynb", executed) == []
    epilogue = next(c for c in executed.cells if "position(weigh(example))" in c.source)
    epilogue.outputs[0].data["text/html"] = "<p>Another position.</p>"
    weigher = next(c for c in executed.cells if c.source.startswith("argument_weigher"))
    weigher.outputs = []  # tagged nbval-ignore-output: not compared
    index = executed.cells.index(epilogue)
    assert [line.split(":")[0] for line in differences("07_targets_debate.ipynb", executed)] == [
        f"07_targets_debate.ipynb cell {index}"
    ]
