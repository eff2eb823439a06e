"""Per-student variants: the draw follows the student id, and the check, hints, mistakes, the
record and the instructor's list all follow the draw. Expected values are computed by hand from
kit/data/targets_us_goods_trade.csv (balance_reported, USD billions)."""

import pytest

from kit.assign import main
from kit.exercise import open_exercise
from kit.variants import student_key, variant_index

# student id -> (draw, start, end, right answer, the wrong-base answer), each worked by hand:
HAND_COMPUTED = {
    # 1998 -64.0, 1999 -73.9: 73.9 / 64.0 = 1.15469 -> 15.5; 64.0 / 73.9 = 0.86604 -> -13.4
    "ben": (5, 1998, 1999, 15.5, -13.4),
    # 1995 -59.3, 1996 -47.6: 47.6 / 59.3 = 0.80270 -> -19.7; 59.3 / 47.6 = 1.24580 -> 24.6
    "cai": (2, 1995, 1996, -19.7, 24.6),
    # 1996 -47.6, 1997 -55.7: 55.7 / 47.6 = 1.17017 -> 17.0; 47.6 / 55.7 = 0.85458 -> -14.5
    "eve": (3, 1996, 1997, 17.0, -14.5),
    # 1994 -65.7, 1995 -59.3: 59.3 / 65.7 = 0.90259 -> -9.7; 65.7 / 59.3 = 1.10793 -> 10.8
    "gus": (1, 1994, 1995, -9.7, 10.8),
}


@pytest.mark.parametrize("student", HAND_COMPUTED)
def test_a_variant_is_checked_against_its_hand_computed_answer(tmp_path, student):
    draw, start, end, right, wrong_base = HAND_COMPUTED[student]
    exercise = open_exercise("06_numerical_targets", tmp_path)
    assert exercise.set_student(f" {student.upper()} ") == f"Saved: your student id is {student.upper()!r}."
    assert exercise.variant_of("q2") == draw
    assert f"from {start} to {end}?" in exercise.prompt("q2") and "{" not in exercise.prompt("q2")
    assert exercise.check("q2", right).correct
    assert exercise.check("q2", right + 0.1).correct and not exercise.check("q2", right + 0.2).correct
    mistake = exercise.check("q2", wrong_base)
    assert not mistake.correct and f"divide by the {start} figure." in mistake.mistake
    assert exercise.hint("q2") == (
        f"Hint 1 of 3 for q2: A change in percent compares the change with where it started: "
        f"the {start} figure is the base."
    )
    assert exercise.record("q2")["variant"] == {
        "index": draw, "start": start, "end": end,
        "first": pytest.approx(exercise.questions["q2"].variant(draw).values["first"]),
        "second": pytest.approx(exercise.questions["q2"].variant(draw).values["second"]),
    }  # fmt: skip


def test_two_students_side_by_side_get_different_numbers(tmp_path):
    eve, cai = (
        open_exercise("06_numerical_targets", tmp_path / "eve"),
        open_exercise("06_numerical_targets", tmp_path / "cai"),
    )
    eve.set_student("eve")
    cai.set_student("cai")
    assert eve.prompt("q2") != cai.prompt("q2")
    assert eve.check("q2", 17.0).correct and not cai.check("q2", 17.0).correct


def test_no_id_gets_the_keys_own_wording_and_the_id_is_locked_once_a_variant_is_answered(tmp_path):
    exercise = open_exercise("06_numerical_targets", tmp_path)
    assert exercise.variant_of("q2") == 0 and "from 1993 to 1994?" in exercise.prompt("q2")
    exercise.set_student("eve")
    exercise.check("q2", 17.0)
    assert "ask your instructor before changing it" in exercise.set_student("ben")
    assert exercise.student == "eve"
    assert (
        exercise.set_student("  ")
        == "A student id is 1 to 80 characters, as your instructor gave it; nothing was saved."
    )


@pytest.mark.parametrize("student", [None, "", 7, "  "])
def test_no_student_id_is_draw_zero(student):
    assert student_key(student) == "" and variant_index(student_key(student), "x", "q2", 8) == 0


def test_the_instructor_lists_every_students_variant(capsys):
    assert main(["--variants", "06_numerical_targets", "eve", "gus"]) == 0
    assert capsys.readouterr().out == (
        "eve: q2 draw 3 (start 1996, end 1997, first -47.6, second -55.7); "
        "q7 draw 3 (start 1993Q4, level 30, periods 2, first 20.7)\n"
        "gus: q2 draw 1 (start 1994, end 1995, first -65.7, second -59.3); "
        "q7 draw 2 (start 1993Q4, level 35, periods 3, first 20.7)\n"
    )
    assert main(["--variants", "nope", "ana"]) == 2
    assert "parameter 'NAME' must be the name of a bank" in capsys.readouterr().err
