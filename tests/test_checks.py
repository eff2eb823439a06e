"""kit.checks: feedback that is honest, never raises, and saves every answer."""

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.checks import Question, check_answer, load_questions, open_exercise
from kit.errors import ArticleFormatError, InvalidInputError

BANK = load_questions("01_reading")


@pytest.fixture
def exercise(tmp_path):
    return open_exercise("01_reading", tmp_path)


@pytest.mark.parametrize("answer", [None, ..., "", "   ", [], (), set(), {}])
def test_no_answer_is_not_answered_yet(exercise, answer):
    assert str(exercise.check("q3", answer)) == "q3: not answered yet."


def test_a_right_number(exercise):
    feedback = exercise.check("q2", 10)
    assert (feedback.passed, feedback.total, feedback.correct) == (2, 2, True)
    assert str(feedback) == "q2: 2 of 2 checks passed.\n  ✓ The answer is a number.\n  ✓ 10 is right."


def test_a_number_given_as_text_is_feedback_not_a_traceback(exercise):
    feedback = exercise.check("q2", "10")
    assert (feedback.passed, feedback.total, feedback.correct) == (0, 2, False)
    assert "The answer should be a number, like 12 or 16.3; '10' is not." in str(feedback)


def test_tolerance_for_a_rounded_percentage(exercise):
    assert exercise.check("q5", 16.3).correct and exercise.check("q5", 16.28).correct
    assert not exercise.check("q5", 16.5).correct
    assert not exercise.check("q5", float("nan")).correct


def test_paragraph_lists_are_counted_honestly(exercise):
    feedback = exercise.check("q3", [2, 6, 8, 11, 12])  # the right form, one missing, one extra
    assert (feedback.passed, feedback.total) == (1, 3)
    assert "It includes 4 of the 5 paragraphs that belong." in str(feedback)
    assert "1 of the paragraphs listed do not belong." in str(feedback)
    assert exercise.check("q3", (17, 11, 8, 6, 2)).correct
    assert "from 1 to 20" in str(exercise.check("q3", [2, 21]))


def test_choices_ignore_case_and_name_the_options(exercise):
    assert exercise.check("q4", " Kicker ").correct
    assert "one of 'lead', 'nut graf', 'kicker', 'credits'" in str(exercise.check("q4", "ending"))


def test_written_answers_are_checked_for_form_only(exercise):
    feedback = exercise.check("q7", "Paragraph 4 is scored as positive. " * 10)
    assert feedback.correct and "It has 60 words (40 or more asked)." in str(feedback)
    short = exercise.check("q7", "It is wrong.")
    assert (short.passed, short.total) == (1, 3)


def test_answers_are_saved_and_survive_a_restart(exercise, tmp_path):
    exercise.check("q2", 12)
    exercise.check("q3", [2, 6])
    exercise.check("q3", None)  # clearing an answer does not erase the saved one
    again = open_exercise("01_reading", tmp_path)
    assert again.work.get("answer.q2") == 12 and again.work.get("answer.q3") == [2, 6]
    assert again.progress().splitlines()[:3] == [
        "q1: not answered yet.",
        "q2: 1 of 2 checks passed.",
        "q3: 2 of 3 checks passed.",
    ]


def test_an_answer_that_cannot_be_saved_as_json_is_recorded_by_its_repr(exercise):
    exercise.check("q2", {3, 4})
    assert exercise.work.get("answer.q2") == {"not saved as given": "set", "repr": "{3, 4}"}


def test_the_hint_ladder(exercise, tmp_path):
    assert exercise.hint("q2").startswith("Hint 1 of 2 for q2: article.search(")
    assert exercise.hint("q2").startswith("Hint 2 of 2 for q2: The search matches whole words")
    assert exercise.hint("q2").startswith("Explanation for q2: len(article.search")
    assert exercise.hint("q2").startswith("Explanation for q2")  # the ladder ends there
    assert open_exercise("01_reading", tmp_path).hint("q1").startswith("Hint 1 of 2 for q1")
    assert open_exercise("01_reading", tmp_path).hint("q2").startswith("Explanation")  # saved


def test_unknown_questions_get_feedback(exercise):
    assert str(exercise.check("q99", 1)) == (
        "'q99': there is no such question; the questions are q1, q2, q3, q4, q5, q6, q7, q8."
    )
    assert exercise.hint(7).startswith("7: there is no such question")


def test_a_save_that_fails_is_reported_in_the_feedback(exercise, monkeypatch):
    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exercise.work, "set", full_disk)
    feedback = exercise.check("q2", 10)
    assert feedback.correct
    assert "could not be saved to 01_reading_exercises.work.json" in str(feedback)


def test_question_banks_are_validated(tmp_path, monkeypatch):
    with pytest.raises(InvalidInputError, match="There is no question bank 'nope'; the banks are 01_reading"):
        load_questions("nope")
    from kit import checks

    with pytest.raises(ArticleFormatError, match="question 'x' has kind 'essay'"):
        checks._question("b.json", {"id": "x", "kind": "essay", "prompt": "", "hints": [], "explanation": ""})
    with pytest.raises(ArticleFormatError, match="needs exactly two hints"):
        checks._question(
            "b.json", {"id": "x", "kind": "written", "prompt": "", "hints": ["a"], "explanation": ""}
        )


class Unprintable:
    def __repr__(self):
        raise RuntimeError("no repr")


ANSWERS = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.binary()
    | st.just(...)
    | st.builds(Unprintable)
    | st.complex_numbers(),
    lambda inner: (
        st.lists(inner)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner)
        | st.frozensets(st.integers())
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.sampled_from(sorted(BANK)), answer=ANSWERS)
def test_no_answer_ever_makes_a_check_raise(exercise, question, answer):
    feedback = exercise.check(question, answer)
    assert feedback.question == question
    assert 0 <= feedback.passed <= feedback.total
    assert str(feedback)  # printable
    json.loads(exercise.work.path.read_text()) if exercise.work.path.exists() else None


@settings(max_examples=200, deadline=None)
@given(answer=ANSWERS)
def test_check_answer_is_pure_and_total(answer):
    question = Question("x", "number", "?", ("a", "b"), "e", expected=math.pi, tolerance=0.01)
    first, second = check_answer(question, answer), check_answer(question, answer)
    assert first == second
