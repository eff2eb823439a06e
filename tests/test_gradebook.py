"""The class gradebook: a CSV row per student, a column per question, from a folder of hand-ins
(answers re-checked in each student's variant), with a note for each file that cannot be read."""

import csv
import io
import shutil

from kit.exercise import open_exercise
from kit.export import export_work, main

NAME = "{}-06_numerical_targets_exercises.answers.json"


def hand_in(tmp_path, student, answers, hints=0, reveal=None):
    """Answer as ``student`` would, export, and copy the hand-in into the class folder."""
    exercise = open_exercise("06_numerical_targets", tmp_path / student)
    exercise.set_student(student)
    for question, answer in answers.items():
        exercise.check(question, answer)
    for _ in range(hints):
        exercise.hint("q2")
    if reveal:
        exercise.reveal(reveal)
    export_work(exercise)
    shutil.copy(
        tmp_path / student / "06_numerical_targets_exercises.answers.json",
        tmp_path / "class" / NAME.format(student),
    )


def test_the_gradebook_has_a_row_per_student_and_a_note_for_each_bad_file(tmp_path, capsys):
    (tmp_path / "class").mkdir()
    # ana's and ben's q2 is draw 5 (1998 to 1999: 15.5, worked in tests/test_variants.py); 10.8 is draw 0's
    hand_in(tmp_path, "ana", {"q1": "current account", "q2": 15.5, "q4": "met"}, hints=2, reveal="q4")
    hand_in(tmp_path, "ben", {"q1": "goods trade", "q2": 10.8, "q8": "See ¶11. " * 40})
    (tmp_path / "class" / NAME.format("eve")).write_text("{not json", encoding="utf-8")
    (tmp_path / "class" / NAME.format("fay")).write_text("", encoding="utf-8")
    assert main(["gradebook", str(tmp_path / "class")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        f"Wrote {tmp_path / 'class' / 'gradebook.csv'}: 4 students.\nHand-ins that could not be read:\n"
    )
    rows = {
        r["student"]: r
        for r in csv.DictReader(io.StringIO((tmp_path / "class" / "gradebook.csv").read_text()))
    }
    assert list(rows) == ["ana", "ben", "eve", "fay"]
    ana, ben = rows["ana"], rows["ben"]
    assert [ana[f"06_numerical_targets q{n}"] for n in (1, 2, 3, 4, 8)] == ["1", "1", "", "0", ""]
    assert [ben[f"06_numerical_targets q{n}"] for n in (1, 2, 3, 4, 8)] == ["0", "0", "", "", "rubric"]
    assert (ana["06_numerical_targets points"], ana["06_numerical_targets attempts"]) == ("2", "3")
    assert (ana["06_numerical_targets hints used"], ana["06_numerical_targets revealed early"]) == ("2", "q4")
    assert ana["note"] == ben["note"] == ""
    assert rows["eve"]["note"].startswith(f"{NAME.format('eve')} could not be read: ")
    assert "is not an exported answers file" in rows["eve"]["note"]
    assert rows["fay"]["note"].startswith(f"{NAME.format('fay')} could not be read: ")
    assert rows["eve"]["06_numerical_targets q1"] == ""
    report = (tmp_path / "ana" / "06_numerical_targets_exercises.report.html").read_text(encoding="utf-8")
    assert (
        '<p class="record">correct; 1 attempt; 2 hints used; explanation not revealed; '
        "variant: draw 5 (end 1999, first -64.0, second -73.9, start 1998).</p>"
    ) in report
    assert "not correct; 1 attempt; 0 hints used; explanation revealed before a right answer." in report  # q4


def test_a_folder_without_hand_ins_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["gradebook", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a folder holding '*_exercises.answers.json' hand-ins" in err
    assert main(["gradebook", str(tmp_path / "nowhere")]) == 2
    assert "an existing folder of hand-ins" in capsys.readouterr().err
