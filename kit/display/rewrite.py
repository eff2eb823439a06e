"""Rich output for the rewrite exercise: the original's opening and a rewrite, measured side by side."""

from __future__ import annotations

import html
from collections.abc import Sequence

from IPython.display import HTML

from kit.display.table import table
from kit.errors import checked, invalid


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
