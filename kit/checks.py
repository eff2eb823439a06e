"""Automatic feedback on exercise answers, with a hint ladder and honest counts.

An exercise's questions live in a question bank, ``kit/data/exercises/<name>.json``.
``open_exercise(name)`` returns an ``Exercise`` bound to the student's work file;
``exercise.check(question_id, answer)`` takes the answer explicitly, never raises
whatever it is given, saves it, and says how many of the question's checks passed;
``exercise.hint(question_id)`` reveals the next rung of the ladder: a first hint,
a second, then the explanation. Written answers are checked for form only (not
empty, long enough, citing a paragraph); their content is graded by the rubric
in the instructor guide.
"""

from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from numbers import Integral, Real
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes

from kit.agreement import UndefinedAgreementError, cohen_kappa
from kit.charts.base import description, png_bytes
from kit.errors import ArticleFormatError, KitError, checked, invalid
from kit.store import WorkFile, open_work

KINDS = ("number", "choice", "items", "paragraphs", "coding", "written")
NOT_ANSWERED = "not answered yet"
_PARAGRAPH_CITE = re.compile(r"¶\s*\d+|\bparagraphs?\s+\d+", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """One question of a bank: what is asked, how it is checked, its hints and explanation."""

    id: str
    kind: str
    prompt: str
    hints: tuple[str, str]
    explanation: str
    expected: Any = None
    tolerance: float = 0.0
    options: tuple[str, ...] = ()
    paragraph_count: int = 20
    min_words: int = 0
    min_kappa: float = 0.0


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer: each check's outcome, and the counts."""

    question: str
    status: str
    lines: tuple[tuple[bool, str], ...]
    note: str = ""

    @property
    def passed(self) -> int:
        """Return how many checks passed."""
        return sum(ok for ok, _ in self.lines)

    @property
    def total(self) -> int:
        """Return how many checks the question has."""
        return len(self.lines)

    @property
    def answered(self) -> bool:
        """Return True when there was an answer to check."""
        return self.status != NOT_ANSWERED

    @property
    def correct(self) -> bool:
        """Return True when every check passed."""
        return self.status == "checked" and self.passed == self.total

    def __str__(self) -> str:
        if self.status != "checked":
            return f"{self.question}: {self.status}." + (f"\n{self.note}" if self.note else "")
        head = f"{self.question}: {self.passed} of {self.total} checks passed."
        lines = [head, *(f"  {'✓' if ok else '✗'} {text}" for ok, text in self.lines)]
        return "\n".join(lines + ([self.note] if self.note else []))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def _describe(answer: object) -> str:
    try:
        text = repr(answer)
    except Exception:  # a student's object whose repr fails still gets feedback
        return f"a {type(answer).__name__} that cannot be shown"
    return text if len(text) <= 60 else text[:57] + "..."


def _is_unanswered(answer: object) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    return isinstance(answer, list | tuple | set | frozenset | dict | range) and len(answer) == 0


def _wrong_type(
    expected: str, answer: object, later_checks: int, problem: str | None = None
) -> list[tuple[bool, str]]:
    """Return a failed type check and the checks that cannot run until the type is right.

    ``problem`` says what is wrong when that is more than "the answer is not of this form".
    """
    first = (False, f"The answer should be {expected}; {problem or f'{_describe(answer)} is not'}.")
    return [first, *[(False, "Not checked until the answer has the right form.")] * later_checks]


def _finite(answer: object) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, Real):
        return None
    try:
        value = float(answer)
    except (OverflowError, ValueError):  # 10**400 is a Real too big for a float
        return None
    return value if math.isfinite(value) else None


def _check_number(q: Question, answer: object) -> list[tuple[bool, str]]:
    value = _finite(answer)
    if value is None:
        return _wrong_type("a number, like 12 or 16.3", answer, 1)
    right = abs(value - float(q.expected)) <= q.tolerance + 1e-9
    return [
        (True, "The answer is a number."),
        (right, f"{value:g} is {'right' if right else 'not right yet'}."),
    ]


def _check_choice(q: Question, answer: object) -> list[tuple[bool, str]]:
    choice = _option(q, answer)
    if choice is None:
        return _wrong_type(f"one of {', '.join(repr(o) for o in q.options)}", answer, 1)
    right = choice.lower() == str(q.expected).lower()
    return [
        (True, "The answer is one of the options."),
        (right, f"{choice!r} is {'right' if right else 'not right yet'}."),
    ]


def _membership(expected: set, given: set, noun: str) -> list[tuple[bool, str]]:
    """Return the two set checks: every expected member listed, and nothing extra."""
    found, extra = given & expected, given - expected
    extras = f"{len(extra)} of the {noun}s listed {'does' if len(extra) == 1 else 'do'} not belong."
    return [
        (found == expected, f"It includes {len(found)} of the {len(expected)} {noun}s that belong."),
        (not extra, extras if extra else f"It lists no {noun} that does not belong."),
    ]


def _whole(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _paragraph_numbers(q: Question, answer: object) -> set[int] | None:
    items = [answer] if _whole(answer) else answer
    if not isinstance(items, list | tuple | set | frozenset | range):
        return None
    if not all(_whole(i) and 1 <= i <= q.paragraph_count for i in items):
        return None
    return {int(i) for i in items}


def _check_paragraphs(q: Question, answer: object) -> list[tuple[bool, str]]:
    numbers = _paragraph_numbers(q, answer)
    if numbers is None:
        return _wrong_type(
            f"a list of paragraph numbers from 1 to {q.paragraph_count}, like [3, 10]", answer, 2
        )
    return [
        (True, "The answer is a list of paragraph numbers."),
        *_membership(set(q.expected), numbers, "paragraph"),
    ]


def _option(q: Question, item: object) -> str | None:
    """Return the option ``item`` names (any case, spaces trimmed), or None."""
    if not isinstance(item, str):
        return None
    return {o.lower(): o for o in q.options}.get(item.strip().lower())


def _check_items(q: Question, answer: object) -> list[tuple[bool, str]]:
    items = [answer] if isinstance(answer, str) else answer
    chosen = [_option(q, i) for i in items] if isinstance(items, list | tuple | set | frozenset) else [None]
    if None in chosen:
        return _wrong_type(f"a list of options from {', '.join(map(repr, q.options))}", answer, 2)
    return [(True, "The answer is a list of options."), *_membership(set(q.expected), set(chosen), "item")]


def _paragraph_key(key: object) -> int | None:
    # a saved answer comes back from JSON with its paragraph numbers as text
    if isinstance(key, str) and key.strip().isdigit():
        key = int(key)
    return int(key) if _whole(key) else None


def _coding_problem(q: Question, answer: object) -> str | None:
    """Return what keeps ``answer`` from being a coding with ``q``'s labels, or None if nothing does."""
    if not isinstance(answer, dict):
        return f"{_describe(answer)} is not a dict"
    for key, label in answer.items():
        number = _paragraph_key(key)
        if number is None or not 1 <= number <= q.paragraph_count:
            return f"{_describe(key)} is not a paragraph number from 1 to {q.paragraph_count}"
        if _option(q, label) is None:
            return f"paragraph {number}'s label {_describe(label)} is not one of them"
    return None


@checked
def coding_of(q: Question, answer: object) -> dict[int, str] | None:
    """Return ``answer`` as a coding of paragraphs with ``q``'s labels, or None if it is not one."""
    if _coding_problem(q, answer) is not None:
        return None
    return {_paragraph_key(k): _option(q, v) for k, v in answer.items()}


def _check_coding(q: Question, answer: object) -> list[tuple[bool, str]]:
    coding = coding_of(q, answer)
    if coding is None:
        shape = f"a dict from paragraph numbers to one of {', '.join(map(repr, q.options))}"
        return _wrong_type(f"{shape}, like {{3: {q.options[0]!r}}}", answer, 2, _coding_problem(q, answer))
    reference = {int(k): v for k, v in q.expected.items()}
    coded = sorted(set(coding) & set(reference))
    complete = len(coded) == len(reference)
    lines = [
        (True, "The answer is a coding of paragraphs."),
        (complete, f"It codes {len(coded)} of the {len(reference)} paragraphs asked."),
    ]
    if not complete:
        return [*lines, (False, "Agreement is not checked until every paragraph asked is coded.")]
    same = sum(coding[n] == reference[n] for n in coded)
    try:
        kappa = cohen_kappa([coding[n] for n in coded], [reference[n] for n in coded])
    except UndefinedAgreementError:
        kappa = 1.0 if same == len(coded) else 0.0
    agrees = kappa >= q.min_kappa
    return [
        *lines,
        (
            agrees,
            f"It agrees with the reference coding on {same} of {len(coded)} paragraphs "
            f"(Cohen's kappa {kappa:.2f}; {q.min_kappa:.2f} or more asked).",
        ),
    ]


def _check_written(q: Question, answer: object) -> list[tuple[bool, str]]:
    if not isinstance(answer, str):
        return _wrong_type("text in quotation marks", answer, 2)
    count, cites = len(answer.split()), bool(_PARAGRAPH_CITE.search(answer))
    return [
        (True, "The answer is written."),
        (count >= q.min_words, f"It has {count} words ({q.min_words} or more asked)."),
        (
            cites,
            "It cites a paragraph, like ¶4."
            if cites
            else "It cites no paragraph yet: point to one, like ¶4.",
        ),
    ]


_CHECKERS = {
    "number": _check_number,
    "choice": _check_choice,
    "items": _check_items,
    "paragraphs": _check_paragraphs,
    "coding": _check_coding,
    "written": _check_written,
}


@checked
def check_answer(question: Question, answer: object) -> Feedback:
    """Return the feedback on ``answer`` to ``question``; never raises, whatever the answer."""
    if _is_unanswered(answer):
        return Feedback(question.id, NOT_ANSWERED, ())
    return Feedback(question.id, "checked", tuple(_CHECKERS[question.kind](question, answer)))


def _check_expected(name: str, entry: dict) -> None:
    """Refuse a bank whose expected answer is not one its own checks could accept."""
    kind, options, expected = entry["kind"], entry.get("options", []), entry.get("expected")
    where = f"{name}: question {entry['id']!r}"
    if kind in ("choice", "items", "coding") and not options:
        raise ArticleFormatError(f"{where} ({kind}) needs a list of 'options'.")
    named = {
        "choice": [expected],
        "items": expected if isinstance(expected, list) else [None],
        "coding": list(expected.values()) if isinstance(expected, dict) else [None],
    }.get(kind, [])
    outside = [e for e in named if e not in options]
    if outside:
        raise ArticleFormatError(
            f"{where} expects {outside[0]!r}, which is not one of its options {options}."
        )


def _question(name: str, entry: object) -> Question:
    if not isinstance(entry, dict):
        raise ArticleFormatError(f"{name}: every question must be a JSON object, not {_describe(entry)}.")
    missing = {"id", "kind", "prompt", "hints", "explanation"} - entry.keys()
    if missing:
        raise ArticleFormatError(
            f"{name}: question {entry.get('id', '?')!r} lacks {', '.join(sorted(missing))}."
        )
    if entry["kind"] not in KINDS:
        raise ArticleFormatError(
            f"{name}: question {entry['id']!r} has kind {entry['kind']!r}; kinds are {KINDS}."
        )
    if entry["kind"] != "written" and "expected" not in entry:
        raise ArticleFormatError(f"{name}: question {entry['id']!r} needs an 'expected' answer.")
    if not isinstance(entry["hints"], list) or len(entry["hints"]) != 2:
        raise ArticleFormatError(f"{name}: question {entry['id']!r} needs exactly two hints.")
    _check_expected(name, entry)
    fields = {**entry, "hints": tuple(entry["hints"]), "options": tuple(entry.get("options", ()))}
    return Question(**{k: v for k, v in fields.items() if k in Question.__dataclass_fields__})


def bank_names() -> list[str]:
    """Return the names of the question banks in kit/data/exercises, sorted."""
    folder = resources.files("kit.data").joinpath("exercises")
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


def known_bank(where: str, parameter: str, name: object) -> str:
    """Return ``name`` if it names a question bank; else raise an error naming ``parameter`` of ``where``."""
    banks = bank_names()
    if not isinstance(name, str) or name not in banks:
        raise invalid(where, parameter, name, f"the name of a question bank ({', '.join(banks)})")
    return name


@checked
def load_questions(name: str) -> dict[str, Question]:
    """Return the question bank ``name`` (kit/data/exercises/<name>.json), validated, by id."""
    path = resources.files("kit.data").joinpath(
        "exercises", f"{known_bank('load_questions', 'name', name)}.json"
    )
    questions = [_question(f"{name}.json", e) for e in json.loads(path.read_text(encoding="utf-8"))]
    return {q.id: q for q in questions}


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
    except (TypeError, ValueError):
        return {"not saved as given": type(answer).__name__, "repr": _describe(answer)}


class Exercise:
    """A student's session with one question bank: checks, hints, and the work file behind them."""

    def __init__(self, name: str, folder: str | Path | None = None):
        self.name = name
        self.questions = load_questions(name)
        self.work: WorkFile = open_work(f"{name}_exercises", folder)

    def _find(self, question_id: object) -> Question | None:
        return self.questions.get(question_id) if isinstance(question_id, str) else None

    def _unknown(self) -> str:
        return f"there is no such question; the questions are {', '.join(self.questions)}"

    def check(self, question_id: str, answer: object) -> Feedback:
        """Return feedback on ``answer`` to question ``question_id``, and save the answer."""
        question = self._find(question_id)
        if question is None:
            return Feedback(_describe(question_id), self._unknown(), ())
        feedback = check_answer(question, answer)
        if feedback.status == NOT_ANSWERED:
            return feedback
        try:
            self.work.set(f"answer.{question.id}", _saveable(answer))
        except OSError as error:
            note = f"Your answer could not be saved to {self.work.path.name} ({error}); tell your instructor."
            return Feedback(feedback.question, feedback.status, feedback.lines, note)
        return feedback

    def hint(self, question_id: str) -> str:
        """Return the next rung of the question's hint ladder: hint 1, hint 2, then the explanation."""
        question = self._find(question_id)
        if question is None:
            return f"{_describe(question_id)}: {self._unknown()}."
        shown = min(self.work.get(f"hints.{question.id}", 0) + 1, 3)
        self.work.set(f"hints.{question.id}", shown)
        if shown <= 2:
            return f"Hint {shown} of 2 for {question.id}: {question.hints[shown - 1]}"
        return f"Explanation for {question.id}: {question.explanation}"

    def save_chart(self, question_id: str, ax: Axes) -> str:
        """Save the kit chart on ``ax`` with question ``question_id``'s answer for the hand-in; say so."""
        question = self._find(question_id)
        if question is None:
            return f"{_describe(question_id)}: {self._unknown()}."
        if not isinstance(ax, Axes):
            return f"{question.id}: save_chart needs the Axes a kit chart returned, not {_describe(ax)}."
        try:
            text = description(ax)
        except KitError:
            text = "A chart drawn without the kit, so it has no description."
        chart = {"png": base64.b64encode(png_bytes(ax)).decode("ascii"), "description": text}
        try:
            self.work.set(f"chart.{question.id}", chart)
        except OSError as error:
            return f"{question.id}: the chart could not be saved to {self.work.path.name} ({error})."
        return f"{question.id}: chart saved for your hand-in ({text})"

    def saved_chart(self, question_id: str) -> dict[str, str] | None:
        """Return the chart saved for ``question_id`` (its PNG as base64 and description), or None."""
        return self.work.get(f"chart.{question_id}") if isinstance(question_id, str) else None

    def saved_feedback(self) -> dict[str, Feedback]:
        """Return the feedback on each question's saved answer, by question id."""
        return {q.id: check_answer(q, self.work.get(f"answer.{q.id}")) for q in self.questions.values()}

    def progress(self) -> str:
        """Return one line per question: its saved answer's status, honestly counted."""
        return "\n".join(str(f).splitlines()[0] for f in self.saved_feedback().values())


@checked
def open_exercise(name: str, folder: str | Path | None = None) -> Exercise:
    """Return the exercise session for question bank ``name``, with the work file in ``folder``."""
    return Exercise(known_bank("open_exercise", "name", name), folder)
