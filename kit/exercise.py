"""A student's session with one question bank: answers, attempts, hints, reveals and variants.

Everything the session learns goes into the notebook's work file at once (``kit.store``), so a
restart loses nothing and the hand-in and nbgrader's hidden tests grade from that file:

``answer.<q>``    the answer as last given         ``attempts.<q>``  how many times it was checked
``hints.<q>``     how many hints were shown        ``revealed.<q>``  explanation opened before a right answer
``student``       the student id, typed once       ``variant.<q>``   the draw a variant question uses
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import TYPE_CHECKING

from kit.checks import NOT_ANSWERED, Feedback, Question, check_answer, describe
from kit.errors import KitError
from kit.questions import known_bank, load_questions
from kit.store import WorkFile, open_work
from kit.variants import student_key, variant_index

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _saveable(answer: object) -> object:
    if isinstance(answer, set | frozenset | tuple):
        # a set or tuple is checked as a list, so save it as one (sorted when its items allow)
        try:
            answer = sorted(answer)
        except TypeError:
            answer = list(answer)
    try:
        json.dumps(answer, allow_nan=False)
        return answer
    except (TypeError, ValueError, RecursionError):  # RecursionError: nested deeper than JSON goes
        return {"not saved as given": type(answer).__name__, "repr": describe(answer)}


class NotAnsweredError(AssertionError):
    """A "Before you submit" cell's failure: a question has no answer yet. It fails the cell, so that
    nbgrader's Validate cannot report success, and shows as its one-line message, with no traceback."""

    def _render_traceback_(self) -> list[str]:
        """Return what IPython shows in place of a traceback: the message alone (IPython's hook)."""
        return [str(self)]


class Exercise:
    """A student's session with one question bank: checks, hints, reveals and the work file behind them."""

    def __init__(self, name: str, folder: str | Path | None = None):
        self.name = name
        self.questions = load_questions(name)
        self.work: WorkFile = open_work(f"{name}_exercises", folder)

    def _find(self, question_id: object) -> Question | None:
        return self.questions.get(question_id) if isinstance(question_id, str) else None

    def _unknown(self, question_id: object) -> str:
        known = ", ".join(self.questions)
        return f"{describe(question_id)}: there is no such question; the questions are {known}"

    def _save(self, key: str, value: object) -> str:
        """Save ``value`` under ``key``; return '' or a note saying why it could not be saved."""
        try:
            self.work.set(key, value)
        except (OSError, KitError) as error:
            return f"This could not be saved to {self.work.path.name} ({error}); tell your instructor."
        return ""

    def _count(self, key: str) -> tuple[int, str]:
        """Return a saved count and '' , or 0 and a note when what is saved is not a count."""
        value = self.work.get(key, 0)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value, ""
        return (
            0,
            f"The count saved as {key!r} in {self.work.path.name} was {describe(value)}, not a count; "
            "it starts again from 0.",
        )

    @property
    def student(self) -> str:
        """Return the student id saved in the work file, or '' before one is typed."""
        saved = self.work.get("student", "")
        return saved if isinstance(saved, str) else ""

    def variant_of(self, question_id: str) -> int:
        """Return which variant of question ``question_id`` this student gets (0 without an id)."""
        question = self._find(question_id)
        if question is None:
            return 0
        return variant_index(self.student, self.name, question.id, len(question.variants))

    def set_student(self, student: str) -> str:
        """Record the student id that seeds this student's variants; return what was recorded."""
        key = student_key(student)
        if not key or len(key) > 80:
            return "A student id is 1 to 80 characters, as your instructor gave it; nothing was saved."
        answered = [
            q
            for q in self.questions.values()
            if len(q.variants) > 1 and self.work.get(f"answer.{q.id}") is not None
        ]
        if self.student and key != student_key(self.student) and answered:
            return (
                f"This work file belongs to {self.student!r}, and {answered[0].id} is answered with "
                "that id's numbers; ask your instructor before changing it."
            )
        note = self._save("student", student.strip())
        for question in self.questions.values():
            if len(question.variants) > 1:
                index = self.variant_of(question.id)
                note = note or self._save(
                    f"variant.{question.id}", {"index": index, **question.variant(index).values}
                )
        return note or f"Saved: your student id is {student.strip()!r}."

    def prompt(self, question_id: str) -> str:
        """Return the question's prompt in this student's variant."""
        question = self._find(question_id)
        return (
            self._unknown(question_id)
            if question is None
            else question.worded(question.prompt, self.variant_of(question.id))
        )

    def save(self, question_id: str, answer: object) -> str:
        """Save ``answer`` to question ``question_id`` without checking it (a widget's every change)."""
        question = self._find(question_id)
        return (
            self._unknown(question_id)
            if question is None
            else self._save(f"answer.{question.id}", _saveable(answer))
        )

    def check(self, question_id: str, answer: object) -> Feedback:
        """Return feedback on ``answer`` to question ``question_id``; save it and count the attempt."""
        question = self._find(question_id)
        if question is None:
            return Feedback(describe(question_id), self._unknown(question_id).split(": ", 1)[1], ())
        feedback = check_answer(question, answer, self.variant_of(question.id))
        if feedback.status == NOT_ANSWERED:
            return feedback
        attempts, _ = self._count(f"attempts.{question.id}")
        note = self._save(f"answer.{question.id}", _saveable(answer)) or self._save(
            f"attempts.{question.id}", attempts + 1
        )
        return Feedback(feedback.question, feedback.status, feedback.lines, note, feedback.mistake)

    def hint(self, question_id: str) -> str:
        """Return the next of the question's graduated hints (the last is a worked method) and count it."""
        question = self._find(question_id)
        if question is None:
            return f"{self._unknown(question_id)}."
        shown, note = self._count(f"hints.{question.id}")
        shown = min(shown + 1, len(question.hints))
        note = self._save(f"hints.{question.id}", shown) or note
        text = question.worded(question.hints[shown - 1], self.variant_of(question.id))
        return f"Hint {shown} of {len(question.hints)} for {question.id}: {text}" + (
            f"\n{note}" if note else ""
        )

    def hints_used(self, question_id: str) -> int:
        """Return how many hints of question ``question_id`` have been shown."""
        question = self._find(question_id)
        return 0 if question is None else self._count(f"hints.{question.id}")[0]

    def attempts(self, question_id: str) -> int:
        """Return how many times question ``question_id`` was checked with an answer."""
        question = self._find(question_id)
        return 0 if question is None else self._count(f"attempts.{question.id}")[0]

    def reveal(self, question_id: str) -> str:
        """Return the question's explanation; before a right answer, record that it was revealed."""
        question = self._find(question_id)
        if question is None:
            return f"{self._unknown(question_id)}."
        if not self.feedback(question.id).correct and self.work.get(f"revealed.{question.id}") is not True:
            note = self._save(f"revealed.{question.id}", True)
            if note:
                return note
        return f"Explanation for {question.id}: {question.explanation(self.variant_of(question.id))}"

    def revealed(self, question_id: str) -> bool:
        """Return True when the explanation was opened before a right answer."""
        question = self._find(question_id)
        return question is not None and self.work.get(f"revealed.{question.id}") is True

    def explanation(self, question_id: str) -> str:
        """Return the explanation once it is earned (a right answer, or a recorded reveal), else ''."""
        question = self._find(question_id)
        if question is None or not (self.feedback(question.id).correct or self.revealed(question.id)):
            return ""
        return question.explanation(self.variant_of(question.id))

    def feedback(self, question_id: str) -> Feedback:
        """Return the feedback on the answer saved for question ``question_id``, without counting it."""
        question = self._find(question_id)
        if question is None:
            return Feedback(describe(question_id), "there is no such question", ())
        return check_answer(question, self.work.get(f"answer.{question.id}"), self.variant_of(question.id))

    def saved_feedback(self) -> dict[str, Feedback]:
        """Return the feedback on each question's saved answer, by question id."""
        return {q: self.feedback(q) for q in self.questions}

    def record(self, question_id: str) -> dict:
        """Return the hand-in's record of a question: answer, correct, attempts, hints, reveal, variant."""
        feedback = self.feedback(question_id)
        if self._find(question_id) is None:
            return {"status": feedback.status}
        return {
            "answer": self.work.get(f"answer.{question_id}"),
            "status": feedback.status,
            "passed": feedback.passed,
            "total": feedback.total,
            "correct": feedback.correct,
            "attempts": self.attempts(question_id),
            "hints": self.hints_used(question_id),
            "revealed": self.revealed(question_id),
            "variant": self.work.get(f"variant.{question_id}"),
        }

    def progress(self) -> str:
        """Return one line per question: its saved answer's status, honestly counted."""
        return "\n".join(str(f).splitlines()[0] for f in self.saved_feedback().values())

    def graded(self, question_id: str) -> Feedback:
        """Return the feedback on the answer the work file on disk holds (what nbgrader grades)."""
        fresh = Exercise(self.name, self.work.folder)
        return fresh.feedback(question_id)

    def require(self, question_id: str) -> None:
        """Raise NotAnsweredError when question ``question_id`` has no saved answer (a student's own test)."""
        if not self.graded(question_id).answered:
            raise NotAnsweredError(f"{question_id} is not answered yet: answer it above and press Check.")

    def save_chart(self, question_id: str, ax: Axes) -> str:
        """Save the kit chart on ``ax`` with question ``question_id``'s answer for the hand-in; say so."""
        # Imported here: a student who saves a chart has drawn one, and `import kit.export` stays light.
        from matplotlib.axes import Axes

        from kit.charts.base import description, png_bytes

        question = self._find(question_id)
        if question is None:
            return f"{self._unknown(question_id)}."
        if not isinstance(ax, Axes):
            return f"{question.id}: save_chart needs the Axes a kit chart returned, not {describe(ax)}."
        try:
            text = description(ax)
        except KitError:
            text = "A chart drawn without the kit, so it has no description."
        chart = {"png": base64.b64encode(png_bytes(ax)).decode("ascii"), "description": text}
        note = self._save(f"chart.{question.id}", chart)
        return f"{question.id}: {note}" if note else f"{question.id}: chart saved for your hand-in ({text})"

    def saved_chart(self, question_id: str) -> dict[str, str] | None:
        """Return the chart saved for ``question_id`` (its PNG as base64 and description), or None."""
        return self.work.get(f"chart.{question_id}") if isinstance(question_id, str) else None


def open_exercise(name: str, folder: str | Path | None = None) -> Exercise:
    """Return the exercise session for question bank ``name``, with the work file in ``folder``."""
    return Exercise(known_bank("name", name), folder)
