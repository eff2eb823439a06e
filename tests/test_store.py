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
    with pytest.raises(InvalidInputError, match="parameter 'name' must be 1 to 80 letters, digits"):
        WorkFile(name, tmp_path)


def test_values_that_are_not_json_are_refused_with_the_key(tmp_path):
    work = open_work("nb", tmp_path)
    with pytest.raises(InvalidInputError, match=r"answer 'chart' must be text, a number.* of those, not set"):
        work.set("chart", {1, 2})
    with pytest.raises(InvalidInputError, match="answer 'score' must be text"):
        work.set("score", float("nan"))
    with pytest.raises(InvalidInputError, match="parameter 'key' must be non-empty text"):
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


# Issue 13: never lose a student's work (two kernels, a poison answer, a newer kit, deep nesting).

TWO_KERNELS = """
import sys
from kit.store import open_work
work = open_work("shared", sys.argv[1])
for number in range(150):
    work.set(f"{sys.argv[2]}.{number}", number)
    if number % 10 == 0:
        assert open_work("shared", sys.argv[1]).notice is None  # a reader never sees a partial file
print("done", flush=True)
"""


def test_two_kernels_saving_to_one_work_file_lose_nothing(tmp_path):
    import subprocess
    import sys

    writers = [
        subprocess.Popen(
            [sys.executable, "-c", TWO_KERNELS, str(tmp_path), who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("lab", "voila")
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    assert [out for out, _ in results] == ["done\n", "done\n"], [err for _, err in results]
    answers = open_work("shared", tmp_path).answers
    assert answers == {f"{who}.{n}": n for who in ("lab", "voila") for n in range(150)}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".shared.work.json.lock", "shared.work.json"]


def test_a_save_merges_what_another_kernel_saved_meanwhile(tmp_path):
    lab, voila = open_work("nb", tmp_path), open_work("nb", tmp_path)
    lab.set("q1", "A")
    voila.set("q2", "B")
    lab.set("q3", "C")
    assert open_work("nb", tmp_path).answers == {"q1": "A", "q2": "B", "q3": "C"}
    assert lab.get("q2") == "B"  # each save also brings the other kernel's answers in


def test_a_lone_surrogate_is_stored_escaped_and_never_stops_later_saves(tmp_path):
    work = open_work("nb", tmp_path)
    work.set("answer.q7", "para 4 says \ud83d")
    work.set("answer.q8", "Kantor ✓")
    again = open_work("nb", tmp_path)
    assert again.answers == {"answer.q7": "para 4 says \ud83d", "answer.q8": "Kantor ✓"}
    assert again.notice is None
    assert "\\ud83d" in (tmp_path / "nb.work.json").read_text(encoding="utf-8")


def test_a_failed_save_is_not_shown_as_saved(tmp_path, monkeypatch):
    work = open_work("nb", tmp_path)
    work.set("prediction", "no deal by 1995")

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        work.set("prediction", "a deal without targets")
    assert work.get("prediction") == "no deal by 1995"  # what the progress display reads
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_work_file_from_a_newer_kit_is_backed_up_byte_for_byte(tmp_path):
    path = tmp_path / "nb.work.json"
    original = b'{"kit_work_file": 99, "answers": {"q1": "B"}, "history": [1, 2],  "notebook": "nb"}'
    path.write_bytes(original)
    work = open_work("nb", tmp_path)
    assert work.get("q1") == "B"
    assert "newer version of the kit (format 99; this kit reads and writes format 1)" in work.notice
    assert "copy was kept as nb.newer-kit-1.json" in work.notice
    assert (tmp_path / "nb.newer-kit-1.json").read_bytes() == original
    work.set("q2", "C")
    assert (tmp_path / "nb.newer-kit-1.json").read_bytes() == original
    assert open_work("nb", tmp_path).answers == {"q1": "B", "q2": "C"}


@pytest.mark.parametrize("depth", [500, 5000, 100_000])
def test_a_deeply_nested_work_file_is_set_aside(tmp_path, depth):
    (tmp_path / "nb.work.json").write_text('{"answers": {"q1": ' + "[" * depth + "]" * depth + "}}")
    work = open_work("nb", tmp_path)
    assert work.answers == {}
    assert "nested more than 100 levels" in work.notice and "kept as nb.unreadable-1.json" in work.notice
    work.set("q1", "A")
    assert open_work("nb", tmp_path).notice is None


def test_a_deeply_nested_answer_is_refused_with_its_key(tmp_path):
    work = open_work("nb", tmp_path)
    deep = []
    for _ in range(2000):
        deep = [deep]
    with pytest.raises(
        InvalidInputError, match="answer 'q1' must be nested at most 100 levels deep, not list"
    ):
        work.set("q1", deep)


def test_a_read_only_folder_gives_a_kit_error_that_is_still_an_os_error(tmp_path, monkeypatch):
    from kit.errors import KitError

    work = open_work("nb", tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(KitError, match=r"could not be saved in .* \(Permission denied\)") as caught:
        work.set("q1", "A")
    assert isinstance(caught.value, OSError)  # Exercise.check turns it into a note, not a crash


def test_an_over_long_folder_name_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInputError, match="folder .* cannot be used to save work.*too long"):
        open_work("nb", tmp_path / ("x" * 300))
    (tmp_path / "file").write_text("")
    with pytest.raises(InvalidInputError, match="folder .* cannot be used to save work.*not a folder"):
        open_work("nb", tmp_path / "file")
