"""An instructor's folder of hand-ins may hold anything: each bad hand-in is named, the rest are read.

Issue 13 item 5: a symlink to /dev/zero read until memory ran out, a FIFO hung for ever, a directory
raised IsADirectoryError and a deeply nested file RecursionError. Only regular files up to a size
limit are read; every other entry is reported by name with the reason, and the summary goes on.
"""

import json
import os
import subprocess
import sys

import pytest

from kit.export import MAX_HANDIN_BYTES, class_agreement, class_summary, read_handins

EXERCISE = "02_reading"
NAME = "{}-02_reading_exercises.answers.json"


def hand_in(folder, student, answers):
    path = folder / NAME.format(student)
    path.write_text(json.dumps({"exercise": EXERCISE, "answers": answers}), encoding="utf-8")
    return path


@pytest.fixture
def hostile_folder(tmp_path):
    hand_in(tmp_path, "ana", {"q2": 10, "q4": "kicker"})
    hand_in(tmp_path, "ben", {"q2": 12})
    (tmp_path / NAME.format("zero")).symlink_to("/dev/zero")
    os.mkfifo(tmp_path / NAME.format("fifo"))
    (tmp_path / NAME.format("folder")).mkdir()
    (tmp_path / NAME.format("deep")).write_text('{"answers": {"q1": ' + "[" * 5000 + "]" * 5000 + "}}")
    (tmp_path / NAME.format("huge")).write_text(" " * (MAX_HANDIN_BYTES + 1))
    (tmp_path / NAME.format("broken")).write_text("{ half a file")
    (tmp_path / NAME.format("dangling")).symlink_to(tmp_path / "gone.json")
    return tmp_path


def test_read_handins_reads_good_files_and_names_every_bad_one(hostile_folder):
    handins, problems = read_handins(hostile_folder, EXERCISE)
    assert handins == {
        NAME.format("ana"): {"q2": 10, "q4": "kicker"},
        NAME.format("ben"): {"q2": 12},
    }
    assert sorted(problems) == sorted(
        NAME.format(s) for s in ["zero", "fifo", "folder", "deep", "huge", "broken", "dangling"]
    )
    assert "not a regular file" in problems[NAME.format("zero")]
    assert "not a regular file" in problems[NAME.format("fifo")]
    assert "not a regular file" in problems[NAME.format("folder")]
    assert f"larger than the limit of {MAX_HANDIN_BYTES:,} bytes" in problems[NAME.format("huge")]
    assert "nested more than" in problems[NAME.format("deep")]
    assert "not an exported answers file" in problems[NAME.format("broken")]
    assert "could not be opened" in problems[NAME.format("dangling")]


def test_moderately_deep_nesting_is_refused_before_a_check_walks_it(tmp_path):
    (tmp_path / NAME.format("deep")).write_text('{"answers": {"q1": ' + "[" * 500 + "]" * 500 + "}}")
    handins, problems = read_handins(tmp_path, EXERCISE)
    assert handins == {} and "nested more than 100 levels" in problems[NAME.format("deep")]


def test_class_summary_goes_on_past_bad_hand_ins_and_names_them(hostile_folder):
    summary = {s.question: s for s in class_summary(hostile_folder, EXERCISE)}
    assert (summary["q2"].students, summary["q2"].answered, summary["q2"].correct) == (2, 2, 1)
    assert len(summary["q2"].problems) == 7
    assert any(p.startswith(NAME.format("zero") + ": ") for p in summary["q2"].problems)


def test_class_agreement_leaves_out_bad_hand_ins_by_name(hostile_folder, monkeypatch):
    from tests.test_exercises import CODING_BANK

    monkeypatch.setattr("kit.export.load_questions", lambda name: CODING_BANK)
    monkeypatch.setattr("kit.checks.bank_names", lambda: [EXERCISE])
    hand_in(hostile_folder, "ana", {"c1": {"1": "x", "2": "y"}})
    hand_in(hostile_folder, "ben", {"c1": {"1": "x", "2": "x"}})
    agreement = class_agreement(hostile_folder, EXERCISE, "c1")
    assert agreement.students == 2
    assert NAME.format("fifo") in agreement.left_out and NAME.format("zero") in agreement.left_out
    assert any("not a regular file" in p for p in agreement.problems)


def test_reading_hand_ins_does_not_load_matplotlib():
    # an instructor's gradebook run loads no chart library: only saving a chart (kit.exercise) needs it
    code = "import sys, kit.export, kit.checks; print([m for m in sys.modules if m.startswith('matplotlib')])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
