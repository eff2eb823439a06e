"""Exports to a bad folder give a KitError naming the folder and what is allowed (issue 13 item 11),
and an answer holding a lone surrogate (which a browser can send) is still exported (item 2)."""

import json

import pytest

from kit.errors import InvalidInputError, KitError
from kit.exercise import open_exercise
from kit.export import export_work
from kit.framing import export_coding


@pytest.fixture
def exercise(tmp_path):
    exercise = open_exercise("02_reading", tmp_path / "work")
    exercise.check("q4", "kicker \ud83d")
    return exercise


def test_an_answer_with_a_lone_surrogate_is_exported_escaped(exercise, tmp_path):
    assert export_work(exercise, tmp_path / "out").startswith("Wrote 02_reading_exercises.report.html")
    record = json.loads((tmp_path / "out" / "02_reading_exercises.answers.json").read_text(encoding="utf-8"))
    assert record["answers"]["q4"] == "kicker \ud83d"
    assert "kicker \\ud83d" in (tmp_path / "out" / "02_reading_exercises.report.html").read_text()


def test_a_file_or_an_over_long_name_as_the_folder_is_a_clear_error(exercise, tmp_path):
    (tmp_path / "a-file").write_text("")
    for folder, why in [(tmp_path / "a-file", "it is not a folder"), (tmp_path / ("x" * 300), "too long")]:
        with pytest.raises(InvalidInputError, match=f"folder .* cannot be used to save work \\(.*{why}"):
            export_work(exercise, folder)
        with pytest.raises(InvalidInputError, match=f"folder .* cannot be used to save work \\(.*{why}"):
            export_coding({1: "Economic"}, "ana", folder)


def test_a_read_only_folder_is_a_kit_error(exercise, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    for export in (
        lambda: export_work(exercise, tmp_path),
        lambda: export_coding({1: "Economic"}, "ana", tmp_path),
    ):
        with pytest.raises(KitError, match=r"could not be saved in .* \(Permission denied\)") as caught:
            export()
        assert isinstance(caught.value, OSError)
