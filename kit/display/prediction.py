"""Rich output for the prediction: the form's status line and lesson 07's comparison with what happened."""

from __future__ import annotations

import html
from collections.abc import Mapping

from IPython.display import HTML

from kit.display.table import Html, table
from kit.prediction import Comparison, compare, questions, saved_prediction
from kit.store import WorkFile

NOTHING_SAVED = (
    "No prediction is saved yet: record your prediction at the end of lesson 02 first, "
    "then come back to this comparison."
)


def form_status(answers: Mapping[str, str], notice: str | None = None, saved_now: bool = False) -> str:
    """Return the form's status line as HTML: nothing saved yet, or how many answers are saved."""
    total = len(questions())
    if not answers:
        text = "Nothing is saved yet. Choose an answer to each question: each choice is saved at once."
    else:
        done = len(answers)
        left = "" if done == total else f" Answer the other {total - done} too."
        text = (
            f"{'Saved' if saved_now else 'Restored from your work file'}: {done} of {total} answered.{left}"
        )
    warning = f"<p><b>Note:</b> {html.escape(notice)}</p>" if notice else ""
    return f'{warning}<p class="kit-prediction-status">{html.escape(text)}</p>'


def question_html(number: int, text: str) -> str:
    """Return a question of the form, numbered and in bold, above its choices."""
    return f"<b>{number}. {html.escape(text)}</b>"


COMPARE_PROMPT = (
    "Press the button to set the prediction you saved at the end of lesson 02 beside what happened."
)


def compare_prompt_html() -> str:
    """Return what lesson 07's comparison shows before its button is pressed."""
    return f"<p>{html.escape(COMPARE_PROMPT)}</p>"


def _row(item: Comparison) -> tuple[str, str, Html]:
    predicted = item.predicted or "(not answered)"
    mark = "\u2714 as predicted" if item.right else "\u2718 not as predicted"
    happened = (
        f"<b>{html.escape(item.question.happened)}</b> ({mark})<br>"
        f'<span style="font-size:.95em">{html.escape(item.question.evidence)}</span>'
    )
    return item.question.text, predicted, Html(happened)


def comparison(work: WorkFile | None = None) -> HTML:
    """Return the student's saved prediction beside what happened, or a note when none is saved yet."""
    saved = saved_prediction(work)
    if not saved:
        return HTML(f'<p class="kit-prediction-missing">{html.escape(NOTHING_SAVED)}</p>')
    rows = [_row(item) for item in compare(saved)]
    return HTML(table(rows, ["question", "you predicted", "what happened"]))
