"""Answer widgets: one cell per question, ``exercise.ask("q2")``, and no Python for the student.

``start_exercise(name)`` opens the student's session (``kit.exercise``) and shows a box for the
student id, typed once, that seeds the student's variants. ``exercise.ask(question)`` shows the
prompt, the answer widget that fits the question's kind, a Check button, a Hint button, the
feedback (naming a listed mistake) and a "Show explanation" button whose use is recorded. Every
change is saved to the work file at once and restored when the cell runs again after a restart.

The pure cores (``answer_from``, ``control_value``, ``parse_number``) are functions of their inputs,
tested directly; what a cell shows (prompt, hints, feedback, the live word count, the plain-text
stand-in) is built by ``kit.display.questions``; the widget classes only wire controls to them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from numbers import Real
from pathlib import Path
from typing import cast

import ipywidgets as widgets

from kit.article import load_article
from kit.checks import Feedback, Question
from kit.display.common import notice_html, small_html
from kit.display.questions import (
    CHOICE_STYLE,
    feedback_html,
    hints_html,
    number_placeholder,
    prompt_html,
    text_fallback,
    written_placeholder,
    written_status,
)
from kit.errors import checked
from kit.exercise import Exercise
from kit.questions import known_bank

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def parse_number(text: object) -> float | None:
    """Return the number a student typed ("10.8", "10,8", "−3.5", "10.8 %"), or None if it is not one."""
    if isinstance(text, Real) and not isinstance(text, bool):
        return float(text)
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace("\u2212", "-").replace(" ", "").rstrip("%")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned)
    return value if value not in (float("inf"), float("-inf")) else None


def _options(question: Question, values: object) -> list[str]:
    items = values if isinstance(values, list | tuple | set | frozenset) else [values]
    wanted = {v.strip().lower() for v in items if isinstance(v, str)}
    return [o for o in question.options if o.strip().lower() in wanted]


def _paragraphs(question: Question, values: object) -> list[int]:
    items = values if isinstance(values, list | tuple | set | frozenset) else [values]
    whole = {int(v) for v in items if isinstance(v, int) and not isinstance(v, bool)}
    return sorted(n for n in whole if 1 <= n <= question.paragraph_count)


def _coding(question: Question, values: object) -> dict[str, str]:
    if not isinstance(values, dict):
        return {}
    by_number = {str(k).strip(): v for k, v in values.items()}
    coded = {str(n): _options(question, by_number.get(str(n))) for n in question.paragraphs}
    return {n: labels[0] for n, labels in coded.items() if labels}


def answer_from(question: Question, value: object) -> object:
    """Return the answer a widget's value stands for, as ``check`` takes it (None when there is none)."""
    kind = question.kind
    if kind == "choice":
        return next(iter(_options(question, value)), None)
    if kind == "items":
        return _options(question, value) or None
    if kind == "paragraphs":
        return _paragraphs(question, value) or None
    if kind == "coding":
        return _coding(question, value) or None
    if kind == "number":
        number = parse_number(value)
        text = value.strip() if isinstance(value, str) else ""
        return number if number is not None else (text or None)
    return value if isinstance(value, str) and value.strip() else None


def control_value(question: Question, saved: object) -> object:
    """Return the value a question's widget shows for a saved answer (an empty one for junk)."""
    kind = question.kind
    if kind == "choice":
        return next(iter(_options(question, saved)), None)
    if kind == "items":
        return tuple(_options(question, saved))
    if kind == "paragraphs":
        return tuple(_paragraphs(question, saved))
    if kind == "coding":
        return _coding(question, saved)
    if kind == "number":
        if isinstance(saved, Real) and not isinstance(saved, bool):
            return f"{saved:g}"
        return saved if isinstance(saved, str) else ""
    return saved if isinstance(saved, str) else ""


@cache
def _paragraph_texts() -> dict[int, str]:
    return {p.number: p.text for p in load_article().paragraphs}


def _labelled(control: widgets.Widget, text: str) -> widgets.HBox:
    """Return ``control`` beside a paragraph's text, which also describes it for screen readers."""
    return widgets.HBox([control, widgets.HTML(small_html(text))])


class AnswerControl:
    """The answer widget that fits a question's kind: what it shows, and its value."""

    def __init__(self, question: Question, value: object):
        self.question = question
        self.inputs: list[widgets.Widget] = []
        self.status = widgets.Label()
        self.box = getattr(self, f"_build_{question.kind}")(value)

    def _build_choice(self, value: object) -> widgets.Widget:
        radio = widgets.RadioButtons(options=list(self.question.options), value=value, description="Answer:")
        radio.layout.width = "auto"
        radio.add_class("kit-choice")
        self.inputs = [radio]
        return radio

    def _checkboxes(self, names: list[str], ticked: Collection[object]) -> list[widgets.Checkbox]:
        wide = widgets.Layout(width="auto")  # long options show in full, not cut off with "..."
        return [widgets.Checkbox(value=n in ticked, description=n, indent=False, layout=wide) for n in names]

    def _build_items(self, value: object) -> widgets.Widget:
        self.inputs = self._checkboxes(list(self.question.options), cast(tuple, value))
        return widgets.VBox(self.inputs)

    def _build_paragraphs(self, value: object) -> widgets.Widget:
        numbers = range(1, self.question.paragraph_count + 1)
        self.inputs = self._checkboxes([f"¶{n}" for n in numbers], {f"¶{n}" for n in cast(tuple, value)})
        texts = _paragraph_texts()
        return widgets.VBox(
            [_labelled(box, texts.get(n, "")) for n, box in zip(numbers, self.inputs, strict=True)]
        )

    def _build_number(self, value: object) -> widgets.Widget:
        # Sent when the box loses focus (Tab, or a click on Check), so it reaches the kernel before the
        # click: typed keys sent one by one queue behind a busy kernel and the click overtook them.
        example = number_placeholder(self.question.unit)
        box = widgets.Text(value=value, description="Answer:", placeholder=example, continuous_update=False)
        box.tooltip = f"Type a number{f' in {self.question.unit}' if self.question.unit else ''}."
        self.inputs = [box]
        return widgets.HBox([box, widgets.Label(self.question.unit)])

    def _build_coding(self, value: object) -> widgets.Widget:
        choices = [("(choose a label)", None), *[(o, o) for o in self.question.options]]
        self.inputs = [
            widgets.Dropdown(options=choices, value=cast(dict, value).get(str(n)), description=f"¶{n}:")
            for n in self.question.paragraphs
        ]
        texts = _paragraph_texts()
        pairs = zip(self.question.paragraphs, self.inputs, strict=True)
        return widgets.VBox([_labelled(box, texts.get(n, "")) for n, box in pairs])

    def _build_written(self, value: object) -> widgets.Widget:
        area = widgets.Textarea(value=value, rows=8, placeholder=written_placeholder(self.question.layout))
        area.description = "Answer:"
        area.layout.width = "95%"
        self.inputs = [area]
        self.status.value = written_status(value, self.question.min_words, self.question.layout)
        return widgets.VBox([area, self.status])

    @property
    def value(self) -> object:
        """Return the widget's value in the form ``control_value`` gives and ``answer_from`` takes."""
        kind = self.question.kind
        if kind == "items":
            return tuple(box.description for box in self.inputs if box.value)
        if kind == "paragraphs":
            return tuple(int(box.description[1:]) for box in self.inputs if box.value)
        if kind == "coding":
            return {str(n): box.value for n, box in zip(self.question.paragraphs, self.inputs, strict=True)}
        return self.inputs[0].value

    def show(self, answer: object) -> None:
        """Set the widget to show ``answer`` (any form: what cannot be shown leaves it empty)."""
        value, kind = control_value(self.question, answer), self.question.kind
        if kind in ("items", "paragraphs"):
            names = {f"¶{v}" if kind == "paragraphs" else v for v in cast(tuple, value)}
            for box in self.inputs:
                box.value = box.description in names
        elif kind == "coding":
            for n, box in zip(self.question.paragraphs, self.inputs, strict=True):
                box.value = cast(dict, value).get(str(n))
        else:
            self.inputs[0].value = value


class AskedQuestion:
    """One question's cell: prompt, answer widget, Check, Hint, feedback and Show explanation."""

    def __init__(self, exercise: Exercise, question: Question):
        self.exercise, self.question = exercise, question
        saved = exercise.work.get(f"answer.{question.id}")
        self.control = AnswerControl(question, control_value(question, saved))
        self.prompt = widgets.HTML()
        self.check_button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.check_button.tooltip = f"Check your answer to {question.id}; it is saved either way."
        self.hint_button = widgets.Button(description="Hint", icon="lightbulb-o")
        self.hint_button.tooltip = f"Show the next hint for {question.id} (hints used are recorded)."
        self.reveal_button = widgets.Button(description="Show explanation", icon="eye")
        self.reveal_button.layout.width = "auto"  # the whole label, not "Show explanat..."
        self.reveal_button.tooltip = (
            "Show the explanation now (recorded in your hand-in if before a right answer)."
        )
        self.hints, self.feedback = widgets.HTML(), widgets.HTML()
        for control in self.control.inputs:
            control.observe(self._changed, names="value")
        self.check_button.on_click(lambda _: self.check())
        self.hint_button.on_click(lambda _: self.hint())
        self.reveal_button.on_click(lambda _: self.reveal())
        self.refresh()
        buttons = widgets.HBox([self.check_button, self.hint_button, self.reveal_button])
        parts = [self.prompt, self.control.box, buttons, self.hints, self.feedback]
        self.box = widgets.VBox([widgets.HTML(CHOICE_STYLE), *parts] if question.kind == "choice" else parts)

    @property
    def _written(self) -> bool:
        return self.question.kind == "written"

    def refresh(self) -> None:
        """Show the prompt, hints and feedback the work file holds (after a restart, or a new id)."""
        qid = self.question.id
        self.prompt.value = prompt_html(qid, self.exercise.prompt(qid))
        self._show_hints()
        if self.exercise.attempts(qid) or self.exercise.revealed(qid):
            feedback = self.exercise.feedback(qid)
            self.feedback.value = feedback_html(feedback, self.exercise.explanation(qid), self._written)

    def _changed(self, change: object = None) -> None:
        answer = answer_from(self.question, self.control.value)
        note = self.exercise.save(self.question.id, answer)
        if self._written:
            self.control.status.value = written_status(
                self.control.value, self.question.min_words, self.question.layout
            )
        if note:
            self.feedback.value = notice_html(note)

    def answer(self, value: object) -> None:
        """Set the widget as a student would, to show ``value`` (typed-in form); it is saved at once."""
        self.control.show(value)

    def check(self) -> Feedback:
        """Check the widget's answer (the Check button) and show the feedback."""
        feedback = self.exercise.check(self.question.id, answer_from(self.question, self.control.value))
        self.feedback.value = feedback_html(
            feedback, self.exercise.explanation(self.question.id), self._written
        )
        return feedback

    def hint(self) -> None:
        """Show the next hint (the Hint button)."""
        note = self.exercise.hint(self.question.id).partition("\n")[2]
        self._show_hints(note)

    def _show_hints(self, note: str = "") -> None:
        used = min(self.exercise.hints_used(self.question.id), len(self.question.hints))
        variant = self.exercise.variant_of(self.question.id)
        texts = [self.question.worded(h, variant) for h in self.question.hints[:used]]
        self.hints.value = hints_html(texts, len(self.question.hints), note)
        self.hint_button.disabled = used >= len(self.question.hints)

    def reveal(self) -> None:
        """Show the explanation (the Show explanation button); recorded unless already earned."""
        text = self.exercise.reveal(self.question.id).partition(": ")[2]
        self.feedback.value = feedback_html(self.exercise.feedback(self.question.id), text, self._written)

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        bundle = self.box._repr_mimebundle_(**kwargs) or {}
        saved = self.exercise.work.get(f"answer.{self.question.id}")
        shown = None if saved is None else control_value(self.question, saved)
        text = text_fallback(self.question, self.exercise.prompt(self.question.id), shown)
        return {**bundle, "text/plain": text}


class Coursework(Exercise):
    """A student's exercise notebook: the session, a student-id box, and one widget cell per question."""

    def __init__(self, name: str, folder: str | Path | None = None):
        super().__init__(name, folder)
        self.asked: dict[str, AskedQuestion] = {}
        self.id_box = widgets.Text(
            value=self.student,
            description="Student id:",
            placeholder="as given by your instructor",
            continuous_update=False,  # sent on Tab or on a click on Save id, before it (as the number box)
        )
        self.id_box.tooltip = "Type your student id once; it picks your own numbers for some questions."
        self.id_button = widgets.Button(description="Save id", icon="save")
        self.id_status = widgets.Label(f"Saved: your student id is {self.student!r}." if self.student else "")
        self.id_button.on_click(lambda _: self.save_student())

    def save_student(self) -> str:
        """Record the id typed in the student-id box (the Save id button) and reword the questions shown."""
        message = self.set_student(self.id_box.value)
        self.id_status.value = message
        for asked in self.asked.values():
            asked.refresh()
        return message

    def ask(self, question_id: str) -> AskedQuestion | str:
        """Return question ``question_id``'s widget cell (or a message naming the questions there are)."""
        question = self._find(question_id)
        if question is None:
            return f"{self._unknown(question_id)}."
        self.asked[question.id] = AskedQuestion(self, question)
        return self.asked[question.id]

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        box = widgets.VBox([widgets.HBox([self.id_box, self.id_button]), self.id_status])
        student = self.student or "not typed yet"
        return {
            **(box._repr_mimebundle_(**kwargs) or {}),
            "text/plain": f"Exercises {self.name}; student id: {student}.",
        }


@checked
def start_exercise(name: str, folder: str | Path | None = None) -> Coursework:
    """Return the student's exercise notebook ``name``; show it (``exercise``) for the student-id box."""
    return Coursework(known_bank("name", name), folder)
