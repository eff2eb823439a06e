"""Rich output for the rewrite exercise: the original's opening and a rewrite, measured side by side."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from IPython.display import HTML

from kit.article import Article
from kit.display.common import show
from kit.display.table import table
from kit.errors import checked, invalid

if TYPE_CHECKING:  # an exercise is open whenever its chart is drawn; kit.display loads no exercise
    from kit.exercise import Exercise


def _opening_rows(measures: Sequence) -> list[list[object]]:
    """Return the rows of the rewrite table: one measure a row, one opening a column."""
    sides = sorted({side for m in measures for side in m.by_side})
    rows: list[list[object]] = [
        ["body words", *(m.body_words for m in measures)],
        ["quoted words", *(m.quoted_words for m in measures)],
        *([f"quoted words: {side}", *(m.by_side.get(side, 0) for m in measures)] for side in sides),
        *([f"devices: {c}", *(m.devices[c] for m in measures)] for c in measures[0].devices),
        ["headline and dek: polarity", *(f"{m.framing.polarity:+.2f}" for m in measures)],
        ["headline and dek: subjectivity", *(f"{m.framing.subjectivity:.2f}" for m in measures)],
    ]
    return rows


@checked
def rewrite_table(comparison: object) -> HTML:
    """Return the original's opening and a rewrite measured side by side (``kit.rewrite.compare_rewrite``)."""
    from kit.rewrite import RewriteComparison  # on first use: kit.display loads no analysis at import

    if not isinstance(comparison, RewriteComparison):
        raise invalid("comparison", comparison, "what kit.rewrite.compare_rewrite returns")
    measures = [m for m in (comparison.original, comparison.yours) if m is not None]
    header = ["measure", "the original's opening (¶1-2)", *(["your rewrite"] if len(measures) > 1 else [])]
    note = f"<p><b>{html.escape(comparison.problem)}</b></p>" if comparison.problem else ""
    return HTML(note + table(_opening_rows(measures), header))


def no_chart_text(question: str, fault: str) -> str:
    """Return the one sentence saying why a rewrite has no chart yet, and what to do."""
    from kit.rewrite import NO_REWRITE

    if fault == NO_REWRITE:
        return f"No chart yet: there is no rewrite in {question}; write it there, then run this cell again."
    return (
        f"No chart yet: the kit cannot read your rewrite in {question} ({fault}); fix that in {question}, "
        "then run this cell again."
    )


@checked
def rewrite_chart(exercise: Exercise, article: Article, rewrite: str = "q8", chart: str = "q9") -> None:
    """Draw the rewrite's headline and dek scores beside the original's, save the chart with ``chart`` and
    show it; while the rewrite cannot be read, say in one sentence why there is no chart and what to fix."""
    from kit.charts.framing import framing_scores
    from kit.rewrite import compare_rewrite

    measured = compare_rewrite(article, exercise.work.get(f"answer.{rewrite}"))
    if measured.yours is None:
        print(no_chart_text(rewrite, measured.fault))
        return
    comparison = framing_scores(measured.original.framing, measured.yours.framing)
    print(exercise.save_chart(chart, comparison))
    show(comparison)
