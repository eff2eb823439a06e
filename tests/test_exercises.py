"""A hand-in export works from what the exercise saved, with its charts, and an instructor's
class summary and class agreement re-check the exported answers. (That the student versions
run headless with nothing answered is proven by the nbgrader round trip, which executes them.)"""

import json
import shutil

import pytest

from kit.errors import InvalidInputError
from kit.exercise import open_exercise
from kit.export import class_agreement, class_summary, export_work
from kit.keys import questions_from_key


def test_export_and_class_summary(tmp_path):
    for student, answers in {"ana": {"q2": 10, "q4": "kicker"}, "ben": {"q2": 12}}.items():
        folder = tmp_path / student
        exercise = open_exercise("02_reading", folder)
        for question, answer in answers.items():
            exercise.check(question, answer)
        assert export_work(exercise) == (
            "Wrote 02_reading_exercises.report.html and 02_reading_exercises.answers.json: "
            f"8 questions, {len(answers)} answered, {2 if student == 'ana' else 0} with every check passed."
        )
        shutil.copy(
            folder / "02_reading_exercises.answers.json",
            tmp_path / f"{student}-02_reading_exercises.answers.json",
        )
    report = (tmp_path / "ana" / "02_reading_exercises.report.html").read_text()
    assert "<h2>q4</h2>" in report and "&#x27;kicker&#x27; is right." in report
    summary = {s.question: s for s in class_summary(tmp_path, "02_reading")}
    assert (summary["q2"].students, summary["q2"].answered, summary["q2"].correct) == (2, 2, 1)
    assert (summary["q4"].answered, summary["q4"].correct, summary["q1"].answered) == (1, 1, 0)


def test_the_hand_in_report_embeds_saved_charts(tmp_path):
    from kit.article import load_article
    from kit.charts import story_shape
    from kit.quotes import story_shape as shape_of

    exercise = open_exercise("02_reading", tmp_path)
    exercise.check("q5", 16.3)
    exercise.save_chart("q5", story_shape(shape_of(load_article())))
    export_work(exercise)
    report = (tmp_path / "02_reading_exercises.report.html").read_text()
    section = report[report.index("<h2>q5</h2>") : report.index("<h2>q6</h2>")]
    assert '<img alt="' in section and 'src="data:image/png;base64,iVBORw0KGgo' in section
    assert "<figcaption>" in section and "<h2>q4</h2>" not in section


CODING_BANK = questions_from_key(
    "demo",
    {
        "questions": [
            {"id": "c1", "kind": "coding", "prompt": "?", "hints": ["a"], "explanation": "e",
             "expected": {"1": "x", "2": "y"}, "options": ["x", "y"]},
            {"id": "n1", "kind": "number", "prompt": "?", "hints": ["a"], "explanation": "e", "expected": 3},
        ]
    },
)  # fmt: skip


def test_class_agreement_is_fleiss_kappa_over_complete_codings(tmp_path, monkeypatch):
    monkeypatch.setattr("kit.export.load_questions", lambda name: CODING_BANK)
    monkeypatch.setattr("kit.questions.bank_names", lambda: ["demo"])
    answers = {
        "ana": {"1": "x", "2": "y"},
        "ben": {"1": "x", "2": "y"},
        "cai": {"1": "x", "2": "x"},
        "dee": {"1": "x"},  # incomplete: left out and named
    }
    for student, coding in answers.items():
        record = {"exercise": "demo", "answers": {"c1": coding}}
        (tmp_path / f"{student}-demo_exercises.answers.json").write_text(json.dumps(record))
    agreement = class_agreement(tmp_path, "demo", "c1")
    # rows ¶1 [x,x,x], ¶2 [y,y,x]: P_i 1 and 1/3, so P 2/3; p_x 4/6, p_y 2/6, so Pe 5/9;
    # kappa (2/3 - 5/9) / (4/9) = 0.25
    assert agreement.kappa == pytest.approx(0.25)
    assert (agreement.students, agreement.paragraphs) == (3, (1, 2))
    assert agreement.votes == {1: {"x": 3}, 2: {"y": 2, "x": 1}}
    assert agreement.disputed() == [2, 1]
    assert agreement.left_out == ("dee-demo_exercises.answers.json",)
    with pytest.raises(InvalidInputError, match=r"must be a coding question of 'demo' \(c1\), not 'n1'"):
        class_agreement(tmp_path, "demo", "n1")
