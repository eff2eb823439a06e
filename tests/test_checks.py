"""kit.checks: feedback that is honest, never raises, and saves every answer."""

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.article import load_article
from kit.checks import check_answer, load_questions
from kit.errors import DataFileError, InvalidInputError
from kit.exercise import open_exercise
from kit.keys import questions_from_key, student_bank


def key_question(**entry):
    """Return the question a one-question answer key gives students, sealed as a bank holds it."""
    entry = {"prompt": "?", "hints": ["a", "b"], "explanation": "e", **entry}
    return questions_from_key("t", {"questions": [entry]})[entry["id"]]


BANKS = sorted(p.stem for p in (Path(__file__).parents[1] / "kit" / "data" / "exercises").glob("*.json"))
EVERY_QUESTION = [(bank, qid) for bank in BANKS for qid in load_questions(bank)]


@pytest.fixture
def exercise(tmp_path):
    return open_exercise("02_reading", tmp_path)


@pytest.fixture
def exercises(tmp_path):
    return {bank: open_exercise(bank, tmp_path) for bank in BANKS}


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
    assert "The answer should be a number, like 12 or 16.3 (times); '10' is not." in str(feedback)


def test_tolerance_for_a_rounded_percentage(exercise):
    assert exercise.check("q5", 16.3).correct and exercise.check("q5", 16.28).correct
    assert not exercise.check("q5", 16.5).correct
    assert not exercise.check("q5", float("nan")).correct


def test_paragraph_lists_are_counted_honestly(exercise):
    feedback = exercise.check("q3", [2, 6, 8, 11, 12])  # the right form, one missing, one extra
    assert (feedback.passed, feedback.total) == (1, 3)
    assert "It includes 4 of the 5 paragraphs that belong." in str(feedback)
    assert "1 of the paragraphs listed does not belong." in str(feedback)
    assert exercise.check("q3", (17, 11, 8, 6, 2)).correct
    assert "from 1 to 20" in str(exercise.check("q3", [2, 21]))


def test_choices_ignore_case_and_name_the_options(exercise):
    assert exercise.check("q4", " Kicker ").correct
    assert "one of 'lead', 'nut graf', 'kicker', 'credits'" in str(exercise.check("q4", "ending"))


def test_written_answers_are_checked_for_form_only(exercise):
    feedback = exercise.check("q7", "Paragraph 4 is scored as positive. " * 10)
    assert feedback.correct and "It has 60 words (at least 40 to hand in)." in str(feedback)
    short = exercise.check("q7", "It is wrong.")
    assert (short.passed, short.total) == (1, 3)


def test_answers_are_saved_and_survive_a_restart(exercise, tmp_path):
    exercise.check("q2", 12)
    exercise.check("q3", [2, 6])
    exercise.check("q3", None)  # clearing an answer does not erase the saved one
    again = open_exercise("02_reading", tmp_path)
    assert again.work.get("answer.q2") == 12 and again.work.get("answer.q3") == [2, 6]
    assert again.progress().splitlines()[:3] == [
        "q1: not answered yet.",
        "q2: 1 of 2 checks passed.",
        "q3: 2 of 3 checks passed.",
    ]


def test_an_answer_that_cannot_be_saved_as_json_is_recorded_by_its_repr(exercise):
    exercise.check("q2", {3: object()})
    assert exercise.work.get("answer.q2")["not saved as given"] == "dict"


def test_sets_and_tuples_are_saved_as_lists_so_the_hand_in_agrees_with_the_check(exercise):
    assert exercise.check("q3", {17, 2, 11, 6, 8}).correct
    assert exercise.work.get("answer.q3") == [2, 6, 8, 11, 17]
    assert exercise.saved_feedback()["q3"].correct
    exercise.check("q3", (8, "x"))  # unsortable: kept in order
    assert exercise.work.get("answer.q3") == [8, "x"]


def test_the_hint_ladder_ends_at_its_last_hint_and_the_explanation_is_a_recorded_reveal(exercise, tmp_path):
    assert exercise.hint("q2").startswith("Hint 1 of 3 for q2: The keyword search counts for you")
    assert exercise.hint("q2").startswith("Hint 2 of 3 for q2: The search matches the whole word")
    assert exercise.hint("q2").startswith("Hint 3 of 3 for q2: Worked method:")
    assert exercise.hint("q2").startswith("Hint 3 of 3 for q2")  # the ladder ends at its last hint
    assert open_exercise("02_reading", tmp_path).hint("q1").startswith("Hint 1 of 3 for q1")
    assert open_exercise("02_reading", tmp_path).hints_used("q2") == 3  # saved
    assert exercise.explanation("q2") == "" and not exercise.revealed("q2")
    assert exercise.reveal("q2").startswith("Explanation for q2: The word occurs 10 times")
    assert open_exercise("02_reading", tmp_path).revealed("q2")
    assert exercise.explanation("q2").startswith("The word occurs 10 times")


def test_an_explanation_opened_by_a_right_answer_is_not_a_reveal(exercise):
    assert exercise.check("q4", "kicker").correct
    assert exercise.explanation("q4") and exercise.reveal("q4").startswith("Explanation for q4")
    assert not exercise.revealed("q4")


@pytest.mark.parametrize("saved", ["two", -1, 2.5, True, [1], {"n": 1}, None])
def test_a_corrupt_hint_counter_gives_a_clear_message(exercise, saved):
    exercise.work.set("hints.q2", saved)
    text = exercise.hint("q2")
    assert text.startswith("Hint 1 of 3 for q2: ")
    if saved is not None:
        assert "was " in text and "not a count; it starts again from 0." in text
    assert exercise.hints_used("q2") == 1


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
    assert "could not be saved to 02_reading_exercises.work.json" in str(feedback)


def test_question_banks_are_validated(tmp_path, monkeypatch):
    with pytest.raises(
        InvalidInputError,
        match=r"parameter 'name' must be the name of a question bank \(02_reading, "
        r"04_framing, 05_stakeholders, 06_numerical_targets, 07_targets_debate, 08_capstone\)"
        r", not str 'nope'\.",
    ):
        load_questions("nope")
    with pytest.raises(DataFileError, match="question 'x' has kind 'essay'"):
        key_question(id="x", kind="essay")
    with pytest.raises(DataFileError, match="needs 'hints', a list of one or more texts"):
        key_question(id="x", kind="written", hints=[])
    with pytest.raises(DataFileError, match="question 'x' needs an 'expected' answer"):
        key_question(id="x", kind="number")
    with pytest.raises(DataFileError, match="question ids must differ"):
        student_bank("t", {"questions": [{"id": "x", "kind": "written", "prompt": "?", "hints": ["a"],
                                          "explanation": "e"}] * 2})  # fmt: skip


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
        | st.dictionaries(st.text() | st.integers(), inner)
        | st.frozensets(st.integers())
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.sampled_from(EVERY_QUESTION), answer=ANSWERS)
def test_no_answer_ever_makes_a_check_raise(exercises, question, answer):
    bank, qid = question
    exercise = exercises[bank]
    feedback = exercise.check(qid, answer)
    assert feedback.question == qid
    assert 0 <= feedback.passed <= feedback.total
    assert str(feedback)  # printable
    json.loads(exercise.work.path.read_text()) if exercise.work.path.exists() else None


@settings(max_examples=100, deadline=None)
@given(answer=ANSWERS)
def test_check_answer_is_pure_and_total(answer):
    question = key_question(id="x", kind="number", expected=math.pi, tolerance=0.01)
    first, second = check_answer(question, answer), check_answer(question, answer)
    assert first == second


ITEMS = key_question(id="i", kind="items", expected=["Kantor", "Hata"], options=["Kantor", "Hata", "Clinton"])
CODING = key_question(
    id="c",
    kind="coding",
    expected={"1": "trade", "2": "politics", "3": "trade", "4": "politics"},
    options=["trade", "politics"],
    min_kappa=0.4,
)


def test_items_are_matched_in_any_case_and_counted_honestly():
    assert check_answer(ITEMS, ["hata", " KANTOR "]).correct
    partial = check_answer(ITEMS, ["Kantor", "Clinton"])
    assert (partial.passed, partial.total) == (1, 3)
    assert [text for _, text in partial.lines][1:] == [
        "It includes 1 of the 2 items that belong.",
        "1 of the items listed does not belong.",
    ]
    odd = check_answer(ITEMS, ["Kantor", "Bentsen"])
    assert "a list of options from 'Kantor', 'Hata', 'Clinton'; ['Kantor', 'Bentsen'] is not." in str(odd)


def test_a_coding_is_compared_with_the_reference_by_cohens_kappa():
    # 3 of 4 agree; the answer codes trade 3/4, the reference 2/4: chance 0.5, kappa (0.75-0.5)/0.5 = 0.5
    feedback = check_answer(CODING, {1: "trade", 2: "politics", 3: "trade", 4: "trade"})
    assert feedback.correct
    assert feedback.lines[2][1] == (
        "It agrees with the reference coding on 3 of 4 paragraphs (Cohen's kappa 0.50; 0.40 or more asked)."
    )
    # saved answers come back from JSON with text keys
    assert check_answer(CODING, {"1": "Trade", "2": "politics", "3": "trade", "4": "politics"}).correct
    # all one label: kappa 0 against a balanced reference
    flat = check_answer(CODING, dict.fromkeys([1, 2, 3, 4], "trade"))
    assert not flat.correct and "(Cohen's kappa 0.00; 0.40 or more asked)" in flat.lines[2][1]


def test_an_incomplete_or_malformed_coding_is_feedback():
    incomplete = check_answer(CODING, {1: "trade", 2: "politics"})
    assert [ok for ok, _ in incomplete.lines] == [True, False, False]
    assert incomplete.lines[1][1] == "It codes 2 of the 4 paragraphs asked."
    problems = [
        ({1: "economy"}, "paragraph 1's label 'economy' is not one of them"),
        ({"one": "trade"}, "'one' is not a paragraph number from 1 to 20"),
        ({0: "trade"}, "0 is not a paragraph number from 1 to 20"),
        ([1, "trade"], "[1, 'trade'] is not a coding of paragraphs"),
        ({1: ["trade"]}, "paragraph 1's label ['trade'] is not one of them"),
    ]
    for answer, problem in problems:
        assert check_answer(CODING, answer).lines[0] == (
            False,
            f"The answer should be a label for each paragraph asked, one of 'trade', 'politics'; {problem}.",
        )


def test_keys_with_expected_answers_outside_their_options_are_refused():
    with pytest.raises(DataFileError, match=r"'x' \(items\) needs a list of 'options'"):
        key_question(id="x", kind="items", expected=["A"])
    with pytest.raises(DataFileError, match=r"names 'C', which is not one of its options \['A', 'B'"):
        key_question(id="x", kind="items", expected=["A", "C"], options=["A", "B"])
    with pytest.raises(DataFileError, match="names 'B'"):
        key_question(id="x", kind="coding", options=["A"], expected={"1": "B"})
    with pytest.raises(DataFileError, match=r"mistake 1 needs an 'answer' and a 'message'"):
        key_question(id="x", kind="choice", options=["A", "B"], expected="A", mistakes=[{"answer": "B"}])


def test_a_saved_chart_goes_with_the_answer(exercise):
    from kit.charts import story_shape
    from kit.quotes import story_shape as shape_of

    ax = story_shape(shape_of(load_article()))
    message = exercise.save_chart("q5", ax)
    assert message.startswith("q5: chart saved for your hand-in (")
    chart = open_exercise("02_reading", exercise.work.folder).saved_chart("q5")
    assert chart["png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert exercise.save_chart("q5", "my chart") == (
        "q5: save_chart needs the Axes a kit chart returned, not 'my chart'."
    )
    assert exercise.save_chart("q99", ax).startswith("'q99': there is no such question")


@pytest.mark.parametrize("key", ["²", "١", "٣", " 3²", "1e1", "-1"])
def test_a_paragraph_key_that_only_looks_like_a_number_is_feedback_not_a_crash(key):
    from kit.checks import coding_of

    answer = {key: "trade", "2": "politics"}
    assert coding_of(CODING, answer) is None
    feedback = check_answer(CODING, answer)
    assert not feedback.correct and "is not a paragraph number from 1 to 20" in feedback.lines[0][1]
