"""kit.prediction: questions, comparison, the form (saved at each change, restored), lesson 07's display."""

import json

import pytest

from kit.display.prediction import NOTHING_SAVED, comparison, form_status
from kit.errors import InvalidInputError
from kit.prediction import QUESTIONS, compare, compare_prediction, questions, saved_prediction, valid_answers
from kit.store import open_work
from kit.widgets import prediction_form

ALL_RIGHT = {
    "numerical targets in the autos deal": "no",
    "U.S. sanctions on Japanese cars": "threatened, not imposed",
    "autos settled by": "1995",
}


def test_the_questions_give_nothing_away():
    for question in questions():
        assert question.happened in question.choices
        for word in ("1995 deal", "June", "Geneva", "Hashimoto", "threatened"):
            assert word not in question.text
    assert [q.key for q in QUESTIONS] == [
        "numerical targets in the autos deal",
        "U.S. sanctions on Japanese cars",
        "autos settled by",
    ]


def test_a_prediction_is_compared_with_what_happened():
    lines = compare_prediction(
        {
            "numerical targets in the autos deal": "yes",
            "U.S. sanctions on Japanese cars": "threatened, not imposed",
            "autos settled by": "1996 or later",
        }
    )
    assert lines[0].startswith(
        "numerical targets in the autos deal: you said 'yes', not what happened. The 28"
    )
    assert lines[1].startswith("U.S. sanctions on Japanese cars: you said 'threatened, not imposed', right.")
    assert "signed on 23 August 1995" in lines[2] and "not what happened" in lines[2]
    partial = compare({"autos settled by": "1995"})
    assert [(c.predicted, c.right) for c in partial] == [(None, False), (None, False), ("1995", True)]
    assert compare_prediction({"autos settled by": "1995"})[0].startswith(
        "numerical targets in the autos deal: you did not answer."
    )


def test_a_wrong_answer_or_question_is_refused():
    with pytest.raises(
        InvalidInputError, match="the answer to 'autos settled by' must be one of '1994', '1995',"
    ):
        compare({"autos settled by": "1993"})
    with pytest.raises(
        InvalidInputError,
        match="^a question of the prediction must be one of 'numerical targets in the autos deal'; .*'rice'",
    ):
        compare({"rice": "yes"})
    with pytest.raises(InvalidInputError) as error:
        compare_prediction("no targets")
    assert str(error.value) == ("parameter 'prediction' must be a dict of answers, not str 'no targets'.")


def test_a_hand_edited_saved_prediction_keeps_only_valid_answers():
    assert valid_answers(["yes"]) == {}
    assert valid_answers(
        {"autos settled by": "1995", "rice": "yes", "U.S. sanctions on Japanese cars": 3}
    ) == {"autos settled by": "1995"}


def test_the_comparison_waits_for_a_saved_prediction(tmp_path):
    work = open_work("prediction", tmp_path)
    before = comparison(work).data
    assert NOTHING_SAVED in before and "record your prediction at the end of lesson 02 first" in before
    assert not (tmp_path / "prediction.work.json").exists()  # showing it saves nothing
    work.set("prediction", ALL_RIGHT)
    after = comparison(open_work("prediction", tmp_path)).data
    assert after.count("\u2714 as predicted") == 3 and "<td" in after and NOTHING_SAVED not in after
    assert "Will the United States impose trade sanctions on Japanese cars?" in after


def test_the_form_says_nothing_is_saved_yet_then_saves_every_change(tmp_path):
    box = prediction_form(open_work("prediction", tmp_path))
    radios = [c for c in box.children if hasattr(c, "options")]
    status = box.children[-1]
    assert len(radios) == 3 and all(r.value is None for r in radios)
    assert "Nothing is saved yet." in status.value
    assert not (tmp_path / "prediction.work.json").exists()
    radios[0].value = "no"
    saved = json.loads((tmp_path / "prediction.work.json").read_text(encoding="utf-8"))
    assert saved["answers"]["prediction"] == {"numerical targets in the autos deal": "no"}
    assert "Saved: 1 of 3 answered. Answer the other 2 too." in status.value
    radios[2].value = "1996 or later"
    radios[0].value = "yes"
    assert saved_prediction(open_work("prediction", tmp_path)) == {
        "numerical targets in the autos deal": "yes",
        "autos settled by": "1996 or later",
    }


def test_the_form_restores_the_saved_answers_after_a_restart(tmp_path):
    open_work("prediction", tmp_path).set("prediction", ALL_RIGHT)
    box = prediction_form(open_work("prediction", tmp_path))  # a restart re-runs the cell
    radios = [c for c in box.children if hasattr(c, "options")]
    assert [r.value for r in radios] == ["no", "threatened, not imposed", "1995"]
    assert "Restored from your work file: 3 of 3 answered." in box.children[-1].value


def test_the_form_shows_a_notice_for_an_unreadable_work_file(tmp_path):
    (tmp_path / "prediction.work.json").write_text("{not json", encoding="utf-8")
    box = prediction_form(open_work("prediction", tmp_path))
    assert "could not be read" in box.children[-1].value and "Nothing is saved yet." in box.children[-1].value
    assert form_status({}, None).endswith("each choice is saved at once.</p>")


def test_the_comparison_button_reads_the_prediction_when_pressed(tmp_path):
    from kit.widgets import prediction_comparison

    box = prediction_comparison(open_work("prediction", tmp_path))
    button, result = box.children
    assert "Press the button" in result.value
    button.click()
    assert NOTHING_SAVED in result.value  # nothing saved yet: the note, not a table
    open_work("prediction", tmp_path).set("prediction", ALL_RIGHT)  # the form in lesson 02, later
    button.click()
    assert result.value.count("\u2714 as predicted") == 3
