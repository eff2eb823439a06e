"""What an exercise question's cell shows: its prompt, the hints used, the feedback on a check, the
live count under a written answer, and the plain-text stand-in where widgets cannot show."""

from __future__ import annotations

import html
from collections.abc import Sequence

from kit.checks import Feedback, Question, written_counts
from kit.display.common import notice_html
from kit.wording import counted

# ipywidgets gives each radio label one line's height, so a long option overlapped the next one.
CHOICE_STYLE = "<style>.kit-choice label{height:auto!important;line-height:1.4;margin-bottom:.3em}</style>"
WIDGET_NAMES = {
    "choice": "a set of radio buttons",
    "items": "a checkbox for each option",
    "paragraphs": "a checkbox for each paragraph, with its text",
    "number": "a number box",
    "coding": "a drop-down list of labels for each paragraph",
    "written": "a text area that counts words and cited paragraphs",
}
VERDICTS = {
    (False, True): "Right.",
    (False, False): "Not right yet.",
    (True, True): "Ready to hand in: your instructor grades what it says.",
    (True, False): "Not ready yet.",
}
NOT_ANSWERED = "<p><em>Not answered yet: give an answer above, then press Check.</em></p>"


def prompt_html(question_id: str, prompt: str) -> str:
    """Return a question's prompt as one paragraph, led by its id in bold."""
    return f"<p><strong>{html.escape(question_id)}.</strong> {html.escape(prompt)}</p>"


def number_placeholder(unit: str) -> str:
    """Return the example a number box shows while empty: a paragraph number for ¶, else a number."""
    return "a paragraph number, like 4" if "¶" in unit else "a number, like 12.5"


def written_placeholder(layout: str) -> str:
    """Return the grey example in an empty text area: how to cite, or for a rewrite how to lay it out."""
    if layout == "rewrite":
        return (
            "Line 1: headline. Line 2: dek. A blank line, then your paragraphs. Last line: Sources: ¶1, ¶10"
        )
    return "Write your answer; cite paragraphs like ¶4."


def written_status(text: object, min_words: int, layout: str = "") -> str:
    """Return the live count under a text area: words (and how many are asked) and paragraphs cited,
    or for a rewrite (``layout`` "rewrite") whether the kit can read its layout."""
    words, cites = written_counts(text) if isinstance(text, str) else (0, 0)
    asked = f" (at least {min_words} to hand in)" if min_words else ""
    if layout == "rewrite":
        from kit.rewrite import OPENING_PARAGRAPHS, layout_fault  # first use: it loads TextBlob

        fault = layout_fault(text if isinstance(text, str) else "", OPENING_PARAGRAPHS)
        return f"{counted(words, 'word')}{asked}; " + (
            f"layout not readable yet: {fault}." if fault else "the kit can read the layout."
        )
    cited = f"{counted(cites, 'paragraph')} cited" if cites else "no paragraph cited yet (like ¶4)"
    return f"{counted(words, 'word')}{asked}; {cited}."


def feedback_html(feedback: Feedback, explanation: str = "", written: bool = False) -> str:
    """Return the feedback on a check as HTML: each check, a named mistake, and an earned explanation.

    A ``written`` answer's checks are of its form only, so its verdict says so, never "Right.".
    """
    parts = [NOT_ANSWERED]
    if feedback.answered:
        verdict = VERDICTS[written, feedback.correct]
        rows = "".join(f"<li>{'✓' if ok else '✗'} {html.escape(text)}</li>" for ok, text in feedback.lines)
        parts = [f"<p><strong>{verdict}</strong> {feedback.passed} of {feedback.total} checks passed.</p>"]
        parts.append(f"<ul>{rows}</ul>")
    if feedback.mistake:
        parts.append(f"<p><strong>A common mistake:</strong> {html.escape(feedback.mistake)}</p>")
    parts.append(notice_html(feedback.note))
    if explanation:
        parts.append(f"<p><strong>Explanation.</strong> {html.escape(explanation)}</p>")
    return f'<div role="status" aria-live="polite">{"".join(parts)}</div>'


def hints_html(hints: Sequence[str], total: int, note: str = "") -> str:
    """Return the hints shown so far, each as "Hint i of n", and a note (no hint is left, say)."""
    rows = "".join(f"<li>Hint {i} of {total}: {html.escape(text)}</li>" for i, text in enumerate(hints, 1))
    return (f"<ul>{rows}</ul>" if rows else "") + (f"<p>{html.escape(note)}</p>" if note else "")


def text_fallback(question: Question, prompt: str, shown: object) -> str:
    """Return the question as plain text, for a page where widgets cannot show (GitHub, a PDF).

    ``shown`` is what the widget shows for the saved answer, None when nothing is saved.
    """
    unit = f" ({question.unit})" if question.unit else ""
    answer = "not answered yet" if shown is None else f"saved answer {shown!r}"
    options = f" Options: {', '.join(question.options)}." if question.kind in ("choice", "items") else ""
    return (
        f"{question.id}. {prompt}{options}\n[Answer with {WIDGET_NAMES[question.kind]}{unit}, "
        f"then press Check; {answer}. Open this notebook in JupyterLab to answer.]"
    )
