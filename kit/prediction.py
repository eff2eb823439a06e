"""The student's prediction about the autos talks: the questions, what happened, and the comparison.

The prediction is recorded at the end of lesson 02, before any outcome after
May 1994 appears, and compared in lesson 07. This module is the pure core: the
questions and their choices (which give nothing away), what happened with its
source, reading a saved prediction, and comparing. The form is
``kit.widgets.prediction.prediction_form`` and the comparison's display
``kit.display.prediction.comparison``; both save and read through ``kit.store``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.errors import invalid
from kit.store import WorkFile, open_work

# The work file (in the notebooks folder) and the key under which the answers are saved.
WORK_NAME = "prediction"
KEY = "prediction"


@dataclass(frozen=True)
class Question:
    """One question of the prediction: its key, wording, choices, and what happened with the source."""

    key: str
    text: str
    choices: tuple[str, ...]
    happened: str
    evidence: str


QUESTIONS = (
    Question(
        "numerical targets in the autos deal",
        "Will an autos agreement between the two governments contain numerical targets?",
        ("yes", "no"),
        "no",
        "The 28 June 1995 deal had no numerical targets; it rested on voluntary company plans "
        "(MOFA joint announcements, 28 Jun 1995).",
    ),
    Question(
        "U.S. sanctions on Japanese cars",
        "Will the United States impose trade sanctions on Japanese cars?",
        ("imposed", "threatened, not imposed", "neither"),
        "threatened, not imposed",
        "100% duties on 13 luxury models (about $5.9 billion of 1994 imports) were proposed on 16 May 1995; "
        "the deal came hours before the 28 June deadline (Kantor statement, 16 May 1995; MOFA, 28 Jun 1995).",
    ),
    Question(
        "autos settled by",
        "By when will the autos dispute be settled?",
        ("1994", "1995", "1996 or later", "never"),
        "1995",
        "Settled on 28 June 1995; the final documents were signed on 23 August 1995 (MOFA, 24 Aug 1995).",
    ),
)


@dataclass(frozen=True)
class Comparison:
    """One question compared: what the student predicted (None if unanswered) beside what happened."""

    question: Question
    predicted: str | None

    @property
    def right(self) -> bool:
        """Return True when the prediction matches what happened."""
        return self.predicted == self.question.happened


def questions() -> tuple[Question, ...]:
    """Return the prediction's questions, in the order the form asks them."""
    return QUESTIONS


def _by_key() -> dict[str, Question]:
    return {q.key: q for q in QUESTIONS}


def valid_answers(saved: object) -> dict[str, str]:
    """Return the answers in ``saved`` that are a known question's allowed choice; drop anything else."""
    if not isinstance(saved, Mapping):
        return {}
    by_key = _by_key()
    return {k: v for k, v in saved.items() if k in by_key and v in by_key[k].choices}


def saved_prediction(work: WorkFile | None = None) -> dict[str, str]:
    """Return the prediction saved in the work file "prediction" (only valid answers; {} if none)."""
    work = work if work is not None else open_work(WORK_NAME)
    return valid_answers(work.get(KEY, {}))


def compare(prediction: Mapping[str, str]) -> tuple[Comparison, ...]:
    """Return each question beside the student's answer; an answer not among the choices is refused."""
    if not isinstance(prediction, Mapping):
        raise invalid("prediction", prediction, "a dict of answers")
    for key, answer in prediction.items():
        question = _by_key().get(key)
        if question is None:
            known = "; ".join(repr(q.key) for q in QUESTIONS)
            raise invalid("a question of the prediction", key, f"one of {known}")
        if answer not in question.choices:
            allowed = ", ".join(repr(c) for c in question.choices)
            raise invalid(f"in the prediction, the answer to {key!r}", answer, f"one of {allowed}")
    return tuple(Comparison(q, prediction.get(q.key)) for q in QUESTIONS)


def compare_prediction(prediction: Mapping[str, str]) -> tuple[str, ...]:
    """Return, for each question, a sentence: what the student predicted beside what happened."""
    lines = []
    for item in compare(prediction):
        if item.predicted is None:
            said = "you did not answer"
        else:
            said = f"you said {item.predicted!r}, {'right' if item.right else 'not what happened'}"
        lines.append(f"{item.question.key}: {said}. {item.question.evidence}")
    return tuple(lines)
