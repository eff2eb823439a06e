"""kit.ask and kit.display.questions: the answer widgets and what they show. Pure cores are tested
directly; the shells are driven as a student drives them (set a value, press a button) and must
save, restore, check, hint and reveal."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.ask import answer_from, control_value, parse_number, start_exercise
from kit.checks import check_answer, load_questions
from kit.display.questions import feedback_html, hints_html, prompt_html, text_fallback, written_status
from kit.keys import questions_from_key

QUESTIONS = questions_from_key(
    "t",
    {
        "questions": [
            {"id": "c", "kind": "choice", "prompt": "?", "hints": ["a"], "explanation": "e",
             "options": ["lead", "nut graf", "kicker"], "expected": "kicker",
             "mistakes": [{"answer": "lead", "message": "The lead opens the story."}]},
            {"id": "i", "kind": "items", "prompt": "?", "hints": ["a"], "explanation": "e",
             "options": ["Kantor", "Hata", "Clinton"], "expected": ["Kantor", "Hata"]},
            {"id": "p", "kind": "paragraphs", "prompt": "?", "hints": ["a"], "explanation": "e",
             "expected": [3, 4],
             "mistakes": [{"answer": [2, 3], "message": "Off by one: the nut graf follows the lead."}]},
            {"id": "n", "kind": "number", "prompt": "?", "hints": ["a"], "explanation": "e", "unit": "%",
             "expected": 27.4, "tolerance": 0.1,
             "mistakes": [{"answer": 4, "message": "That is a share of all words."}]},
            {"id": "k", "kind": "coding", "prompt": "?", "hints": ["a"], "explanation": "e",
             "options": ["trade", "politics"], "expected": {"1": "trade", "2": "politics"}},
            {"id": "w", "kind": "written", "prompt": "?", "hints": ["a"], "explanation": "e", "min_words": 5},
        ]
    },
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "number"),
    [("10.8", 10.8), (" 10,8 ", 10.8), ("\u221219.7", -19.7), ("12.5 %", 12.5), ("1e2", 100.0),
     (3, 3.0), ("", None), ("ten", None), ("1,234.5", None), ("1e999", None), ("nan", None),
     (True, None), (None, None)],
)  # fmt: skip
def test_parse_number_reads_what_a_student_types(text, number):
    assert parse_number(text) == number


def test_answer_from_and_control_value_are_inverse_for_each_kind():
    cases = {
        "c": ("kicker", "kicker"),
        "i": (("Hata", "Kantor"), ["Kantor", "Hata"]),
        "p": ((4, 3), [3, 4]),
        "n": ("27.4", 27.4),
        "k": ({"1": "trade", "2": None}, {"1": "trade"}),
        "w": ("See ¶4.", "See ¶4."),
    }
    for qid, (value, answer) in cases.items():
        question = QUESTIONS[qid]
        assert answer_from(question, value) == answer, qid
        assert answer_from(question, control_value(question, answer)) == answer, qid


def test_empty_widgets_are_not_answered_and_junk_saved_answers_show_empty_widgets():
    empties = {"c": None, "i": (), "p": (), "n": "  ", "k": {"1": None, "2": None}, "w": " "}
    for qid, value in empties.items():
        assert answer_from(QUESTIONS[qid], value) is None, qid
        assert not check_answer(QUESTIONS[qid], answer_from(QUESTIONS[qid], value)).answered
    junk = {"not saved as given": "dict", "repr": "{3: <object>}"}
    assert [control_value(QUESTIONS[q], junk) for q in "cipnkw"] == [None, (), (), "", {}, ""]
    assert answer_from(QUESTIONS["n"], "ten") == "ten"  # checked, so the feedback says it is not a number


def test_the_written_counter_counts_words_and_distinct_paragraphs():
    assert written_status("", 40) == "0 words (at least 40 to hand in); no paragraph cited yet (like ¶4)."
    assert written_status("¶4 and ¶ 4 and paragraph 10.", 0) == "7 words; 2 paragraphs cited."
    assert written_status("One ¶20", 2) == "2 words (at least 2 to hand in); 1 paragraph cited."


def test_prompt_and_hints_are_escaped_and_numbered():
    assert prompt_html("q2", "Is 3 < 4?") == "<p><strong>q2.</strong> Is 3 &lt; 4?</p>"
    assert hints_html(["Look at ¶4.", "Divide."], 3, "No hint left.") == (
        "<ul><li>Hint 1 of 3: Look at ¶4.</li><li>Hint 2 of 3: Divide.</li></ul><p>No hint left.</p>"
    )
    assert hints_html([], 3) == ""


def test_feedback_names_the_mistake_and_shows_an_earned_explanation_only():
    wrong = check_answer(QUESTIONS["n"], 4)
    page = feedback_html(wrong)
    assert "<strong>Not right yet.</strong> 1 of 2 checks passed." in page
    assert "<strong>A common mistake:</strong> That is a share of all words." in page
    assert "Explanation" not in page and 'role="status"' in page
    right = feedback_html(check_answer(QUESTIONS["n"], 27.4), "27.4% of quoted words.")
    assert (
        "<strong>Right.</strong>" in right and "<strong>Explanation.</strong> 27.4% of quoted words." in right
    )
    assert check_answer(QUESTIONS["p"], [2, 3]).mistake == "Off by one: the nut graf follows the lead."
    assert check_answer(QUESTIONS["c"], "Lead").mistake == "The lead opens the story."
    assert "<p><em>Not answered yet" in feedback_html(check_answer(QUESTIONS["c"], None))
    essay = feedback_html(check_answer(QUESTIONS["w"], "A full answer, citing ¶4."), written=True)
    assert "<strong>Ready to hand in: your instructor grades what it says.</strong> 3 of 3 checks" in essay
    assert "<strong>Not ready yet.</strong>" in feedback_html(
        check_answer(QUESTIONS["w"], "Short."), written=True
    )


def test_the_text_fallback_says_how_to_answer():
    assert text_fallback(QUESTIONS["n"], "How much?", "27.4") == (
        "n. How much?\n[Answer with a number box (%), then press Check; saved answer '27.4'. "
        "Open this notebook in JupyterLab to answer.]"
    )
    assert "Options: lead, nut graf, kicker." in text_fallback(QUESTIONS["c"], "?", None)


@pytest.fixture
def exercise(tmp_path):
    return start_exercise("06_numerical_targets", tmp_path)


def test_a_student_answers_checks_and_gets_hints_through_the_widgets(exercise, tmp_path):
    q2 = exercise.ask("q2")
    q2.control.inputs[0].value = "-9,7"  # typed, with a decimal comma
    assert exercise.work.get("answer.q2") == -9.7  # saved at once, before Check
    assert exercise.attempts("q2") == 0
    q2.check_button.click()
    assert "A common mistake:" in q2.feedback.value and exercise.attempts("q2") == 1
    q2.hint_button.click()
    q2.hint_button.click()
    q2.hint_button.click()
    assert q2.hints.value.count("<li>Hint") == 3 and q2.hint_button.disabled
    q2.control.inputs[0].value = "10.8"  # no student id: draw 0, 1993 to 1994
    q2.check_button.click()
    assert "<strong>Right.</strong>" in q2.feedback.value and "Explanation." in q2.feedback.value
    assert not exercise.revealed("q2")


def test_answers_and_feedback_are_restored_after_a_restart(exercise, tmp_path):
    q3 = exercise.ask("q3")
    option = exercise.questions["q3"].options[1]
    q3.control.inputs[1].value = True  # the checkbox for the second option
    q3.check_button.click()
    q1 = exercise.ask("q1")
    q1.reveal_button.click()
    assert "Explanation." in q1.feedback.value and exercise.revealed("q1")
    again = start_exercise("06_numerical_targets", tmp_path)  # a new kernel
    restored = again.ask("q3")
    assert restored.control.value == (option,) and "1 of the 2 items" in restored.feedback.value.replace(
        "includes ", ""
    )
    assert "Explanation." in again.ask("q1").feedback.value


def test_the_student_id_box_rewords_the_questions_shown(exercise):
    q2 = exercise.ask("q2")
    assert "from 1993 to 1994?" in q2.prompt.value
    exercise.id_box.value = "ana"
    exercise.id_button.click()
    assert (
        "from 1998 to 1999?" in q2.prompt.value
        and exercise.id_status.value == "Saved: your student id is 'ana'."
    )
    assert exercise._repr_mimebundle_()["text/plain"] == "Exercises 06_numerical_targets; student id: ana."


def test_every_widget_kind_is_labelled_for_screen_readers(exercise, tmp_path):
    q8 = exercise.ask("q8")
    assert q8.control.inputs[0].description == "Answer:" and q8.check_button.tooltip
    q8.control.inputs[0].value = "See ¶11 and ¶13."
    assert q8.control.status.value == "4 words (at least 60 to hand in); 2 paragraphs cited."
    for button in (q8.check_button, q8.hint_button, q8.reveal_button):
        assert button.description and button.tooltip
    assert exercise.ask("q99") == (
        "'q99': there is no such question; the questions are q1, q2, q3, q4, q5, q6, q7, q8, q9."
    )


def test_widgets_for_paragraphs_and_codings_show_each_paragraphs_text(tmp_path):
    from kit.ask import AnswerControl

    picker = AnswerControl(QUESTIONS["p"], (3,))
    assert len(picker.inputs) == 20 and picker.inputs[2].value and picker.inputs[2].description == "¶3"
    assert "Kantor" in picker.box.children[0].children[1].value or picker.box.children[0].children[1].value
    coding = AnswerControl(QUESTIONS["k"], {"1": "trade"})
    assert [d.description for d in coding.inputs] == ["¶1:", "¶2:"] and coding.value == {
        "1": "trade",
        "2": None,
    }
    coding.inputs[1].value = "politics"
    assert answer_from(QUESTIONS["k"], coding.value) == {"1": "trade", "2": "politics"}


STUDENT_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.just(...),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner)
        | st.dictionaries(st.text() | st.integers(), inner, max_size=4)
    ),
    max_leaves=6,
)
EVERY_QUESTION = [q for q in QUESTIONS.values()] + [
    q for name in ("02_reading", "06_numerical_targets") for q in load_questions(name).values()
]


@settings(max_examples=200, deadline=None)
@given(question=st.sampled_from(EVERY_QUESTION), value=STUDENT_VALUES)
def test_any_value_a_student_can_produce_never_raises(question, value):
    answer = answer_from(question, value)
    shown = control_value(question, value)
    assert answer_from(question, shown) == answer_from(question, control_value(question, answer))
    feedback = check_answer(question, answer)
    assert feedback_html(feedback) and text_fallback(question, "?", shown)
    written_status(value, 3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.sampled_from(["q1", "q2", "q3", "q8"]), text=st.text(max_size=40))
def test_any_text_typed_into_a_widget_is_saved_and_checked_without_raising(exercise, question, text):
    asked = exercise.ask(question)
    box = asked.control.inputs[0]
    if hasattr(box, "options"):
        return  # radio buttons take only their options: the browser cannot give them other text
    if question == "q3":
        box.value = bool(text)
    else:
        box.value = text
    asked.check_button.click()
    if exercise.work.path.exists():  # nothing typed yet writes nothing
        json.loads(exercise.work.path.read_text(encoding="utf-8"))
