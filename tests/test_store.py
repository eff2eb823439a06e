"""kit.store: student work is written atomically, restored, and never lost."""

import json
import os

import pytest

from kit.errors import InvalidInputError
from kit.store import WorkFile, open_work


def test_answers_are_saved_at_once_and_restored_by_a_new_session(tmp_path):
    work = open_work("03_stakeholders", tmp_path)
    work.set("grid.Kantor", {"power": 9, "interest": 10})
    assert json.loads((tmp_path / "03_stakeholders.work.json").read_text())["answers"] == {
        "grid.Kantor": {"power": 9, "interest": 10}
    }
    again = open_work("03_stakeholders", tmp_path)  # a kernel restart re-runs the notebook
    assert again.get("grid.Kantor") == {"power": 9, "interest": 10}
    assert again.get("missing", "none yet") == "none yet"
    assert again.notice is None


def test_answers_cannot_be_changed_behind_the_files_back(tmp_path):
    work = open_work("nb", tmp_path)
    work.set("weights", [1, 2])
    work.answers["weights"].append(3)
    work.get("weights").append(4)
    assert open_work("nb", tmp_path).get("weights") == [1, 2]


def test_a_crash_mid_save_keeps_the_last_complete_save(tmp_path, monkeypatch):
    work = open_work("nb", tmp_path)
    work.set("prediction", "no deal by 1995")

    def crash(*args):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        work.set("prediction", "a deal without targets")
    monkeypatch.undo()
    assert open_work("nb", tmp_path).get("prediction") == "no deal by 1995"


def test_an_unreadable_file_is_set_aside_never_overwritten(tmp_path):
    path = tmp_path / "nb.work.json"
    path.write_text("{ half a file", encoding="utf-8")
    work = open_work("nb", tmp_path)
    assert work.answers == {}
    assert "nb.work.json could not be read" in work.notice and "kept as nb.unreadable-1.json" in work.notice
    assert (tmp_path / "nb.unreadable-1.json").read_text() == "{ half a file"
    work.set("q1", "B")
    path.write_text("[]", encoding="utf-8")  # the wrong shape is unreadable too; number 2 this time
    assert "kept as nb.unreadable-2.json" in open_work("nb", tmp_path).notice
    assert json.loads((tmp_path / "nb.unreadable-2.json").read_text()) == []


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "a/b", "..", "", ".hidden", "x" * 81, 3])
def test_work_file_names_cannot_leave_the_folder(tmp_path, name):
    with pytest.raises(InvalidInputError, match="work file name must be 1 to 80 letters, digits"):
        WorkFile(name, tmp_path)


def test_values_that_are_not_json_are_refused_with_the_key(tmp_path):
    work = open_work("nb", tmp_path)
    with pytest.raises(
        InvalidInputError, match=r"answer 'chart' must be text, a number.*but its value holds a set"
    ):
        work.set("chart", {1, 2})
    with pytest.raises(InvalidInputError, match="answer 'score' must be text"):
        work.set("score", float("nan"))
    with pytest.raises(InvalidInputError, match="answer key must be non-empty text"):
        work.set(" ", 1)
    assert not (tmp_path / "nb.work.json").exists()  # nothing half-written


WRITER = """
import sys
from kit.store import open_work
work = open_work("crash", sys.argv[1])
print("ready", flush=True)
round = 0
while True:
    round += 1
    work.set("answers", {"round": round, "essay": "word " * 2000})
"""


def test_killing_a_process_mid_save_never_leaves_a_broken_file(tmp_path):
    """Kill a process that saves as fast as it can, many times over: the file is always complete."""
    import random
    import signal
    import subprocess
    import sys
    import time

    rounds = []
    for attempt in range(25):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout.readline() == "ready\n"
        time.sleep(random.uniform(0.001, 0.05))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        work = open_work("crash", tmp_path)
        assert work.notice is None, f"attempt {attempt}: {work.notice}"
        answers = work.get("answers")
        if answers is not None:  # killed before its first save completed: the last file stands
            assert answers["essay"] == "word " * 2000
            rounds.append(answers["round"])
    assert rounds, "no save ever completed: the test proved nothing"
