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
    with pytest.raises(InvalidInputError, match=r"answer 'chart' must be text, a number.*but it holds a set"):
        work.set("chart", {1, 2})
    with pytest.raises(InvalidInputError, match="answer 'score' must be text"):
        work.set("score", float("nan"))
    with pytest.raises(InvalidInputError, match="answer key must be non-empty text"):
        work.set(" ", 1)
    assert not (tmp_path / "nb.work.json").exists()  # nothing half-written
