"""Rich output for lessons 06 and 07: sourced tables, verdicts, the lab's summary and the role briefs.

Functions named ``*_table`` or ``role_briefs`` return an ``IPython.display.HTML``
object a notebook cell shows as it is; ``*_html`` functions return the HTML text a
widget puts in its summary. Every block is kept from MathJax, which would typeset
the text between two dollar signs as mathematics.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from IPython.display import HTML

from kit.display.common import NO_MATH
from kit.display.table import Html, table
from kit.errors import checked
from kit.targets import (
    BASES,
    SIDE_LABELS,
    Argument,
    ArticleFigure,
    Event,
    GrowthPlan,
    IncreaseVerdict,
    Position,
    Role,
    TargetVerdict,
    Value,
    amount,
    arguments,
)

_URL = re.compile(r"https?://[^\s;,]+")
_WARN = "\u26a0 "  # a warning sign before UNVERIFIED, so the status is not told by colour alone
_MARK = {"met": "\u2714 MET", "not met": "\u2718 NOT MET", "cannot tell": "? CANNOT TELL"}
_NOTE = "font-size:.95em"


def _site(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.") or url


def _source_cell(source: str) -> Html:
    """Return a source as HTML: its text, each address as a short link, one source per line."""
    pieces, last = [], 0
    for match in _URL.finditer(source):
        url = match.group().rstrip(").")
        pieces += [
            html.escape(source[last : match.start()]),
            f'<a href="{html.escape(url)}" target="_blank">{html.escape(_site(url))}</a>',
        ]
        last = match.start() + len(url)
    pieces.append(html.escape(source[last:]))
    return Html(f'<span style="{_NOTE}">' + "".join(pieces).replace("; ", "<br>") + "</span>")


def _no_math(content: str) -> str:
    """Return ``content`` in a block MathJax skips: JupyterLab typesets text between two dollar signs."""
    return f'<div class="{NO_MATH}">{content}</div>'


def _status(value: Value) -> str:
    return f"{'' if value.verified else _WARN}{value.status}"


def _value_row(value: Value) -> list[str]:
    return [
        value.period,
        amount(value.value, value.unit),
        _status(value),
        BASES[value.basis],
        _source_cell(value.source),
        Html(f'<span style="{_NOTE}">{html.escape(value.note)}</span>'),
    ]


@checked
def values_table(values: Sequence[Value], since: int | None = None) -> HTML:
    """Return sourced values (from the year ``since`` on, if given) as a table: period, value, status,
    basis, source and note (the vintage, or the calculation of a derived value)."""
    rows = [_value_row(v) for v in values if since is None or v.year >= since]
    return HTML(table(rows, ["period", "value", "status", "basis", "source", "note"], right={1}))


def _figure_row(figure: ArticleFigure) -> list[str]:
    return [
        f"\u00b6{figure.paragraph}: \u201c{figure.quote}\u201d",
        figure.reading,
        amount(figure.value.value, figure.value.unit),
        _status(figure.value),
        _source_cell(figure.value.source),
    ]


@checked
def figures_table(figures: Sequence[ArticleFigure]) -> HTML:
    """Return the article's figures beside the sourced values they match, as a table."""
    rows = [_figure_row(f) for f in figures]
    return HTML(table(rows, ["the article says", "it matches", "value", "status", "source"], right={2}))


def _event_row(event: Event) -> list[str]:
    return [
        Html(f"<span style='white-space:nowrap'>{event.date:%-d %b %Y}</span>"),
        Html(f"<b>{html.escape(event.label)}</b>. {html.escape(event.text)}"),
        event.status,
        _source_cell(event.source),
    ]


@checked
def timeline_table(events: Sequence[Event]) -> HTML:
    """Return dated events as a table: date, what happened, status and source."""
    return HTML(table([_event_row(e) for e in events], ["date", "what happened", "status", "source"]))


def _argument_row(argument: Argument) -> list[str]:
    return [
        Html(f"<code>{html.escape(argument.id)}</code>"),
        Html(f"<b>{html.escape(SIDE_LABELS[argument.side])}</b>"),
        argument.holder,
        argument.text,
        _source_cell(argument.source),
    ]


@checked
def arguments_table(items: Sequence[Argument]) -> HTML:
    """Return the map of arguments as a table: id, side, holder, the argument and its source."""
    rows = [_argument_row(a) for a in items]
    return HTML(table(rows, ["id", "on numerical targets", "who holds it", "argument", "source"]))


def _reasons(reasons: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
    return f'<ul style="margin:.2em 0;padding-left:1.2em">{items}</ul>'


def _column(title: str, verdict: str, reasons: Sequence[str]) -> str:
    heading = f"<b>{html.escape(title)}: {_MARK[verdict]}</b>"
    return f'<div style="flex:1;min-width:18em">{heading}{_reasons(reasons)}</div>'


@checked
def verdict(result: TargetVerdict | IncreaseVerdict) -> HTML:
    """Return a verdict (on a numerical target or a results-oriented goal) with its reasons, as HTML."""
    title = "Numerical target" if isinstance(result, TargetVerdict) else "Results-oriented goal"
    return HTML(_no_math(_column(title, result.verdict, result.reasons)))


@checked
def plan(result: GrowthPlan) -> HTML:
    """Return what reaching a target would take, in one sentence, as HTML."""
    return HTML(_no_math(f'<p class="kit-growth-summary">{html.escape(result.summary)}</p>'))


def plan_html(summary: str, values: Sequence[Value]) -> str:
    """Return the target-growth widget's summary as HTML, with a note on derived or unverified data."""
    return _no_math(f'<p class="kit-growth-summary">{html.escape(summary)}</p>{status_warning(values)}')


def status_warning(values: Sequence[Value]) -> str:
    """Return HTML warning that some ``values`` are derived or unverified, or "" when none is."""
    notes = []
    if any(v.derived for v in values):
        notes.append("<b>Derived values</b> (half-filled markers) are calculated from sourced figures.")
    if any(not v.verified for v in values):
        notes.append(
            "<b>Unverified values</b> (hollow markers): their source could not be found again. "
            "Use them to practise the method, not to settle the facts."
        )
    return f"<p>{' '.join(notes)}</p>" if notes else ""


def lab_html(summary: str, values: Sequence[Value], increase: IncreaseVerdict, reached: TargetVerdict) -> str:
    """Return the lab's two verdicts side by side as HTML, with a note on derived or unverified data."""
    return _no_math(
        f'<p class="kit-lab-summary">{html.escape(summary)}</p>{status_warning(values)}'
        '<div style="display:flex;gap:1.5em;flex-wrap:wrap">'
        f"{_column('Results-oriented goal', increase.verdict, increase.reasons)}"
        f"{_column('Numerical target', reached.verdict, reached.reasons)}</div>"
    )


def position_html(position: Position) -> str:
    """Return the position a student's weights imply, as a short HTML paragraph."""
    return f'<p class="kit-position">{html.escape(position.summary)}</p>'


@checked
def position(result: Position) -> HTML:
    """Return the position some weights imply, as a paragraph a notebook cell shows."""
    return HTML(_no_math(position_html(result)))


def _brief(role: Role, by_id: dict[str, Argument]) -> str:
    uses = "".join(
        f"<li><b>{html.escape(key)}</b>: {html.escape(by_id[key].text)} "
        f"<small>({html.escape(by_id[key].holder)})</small></li>"
        for key in role.arguments
    )
    facts = "".join(
        f"<li>{html.escape(fact)} <small>Source: {html.escape(source)}.</small></li>"
        for fact, source in role.facts
    )
    return (
        f'<section class="kit-brief" style="border:1px solid #999;padding:.6em 1em;margin:.8em 0;'
        f'max-width:46em"><h3 style="margin-top:0">Role: {html.escape(role.role)}</h3>'
        f"<p><em>{html.escape(role.who)}</em></p>"
        f"<p><b>Your position.</b> {html.escape(role.position)}</p>"
        f"<p><b>What you care about.</b> {html.escape(role.interests)}</p>"
        f"<p><b>Arguments to use.</b></p><ul>{uses}</ul><p><b>Facts to cite.</b></p><ul>{facts}</ul>"
        f"<p><b>Press the others on this.</b> {html.escape(role.press)}</p></section>"
    )


@checked
def role_briefs(items: Sequence[Role]) -> HTML:
    """Return printable briefs for the debate's roles, one per printed page."""
    by_id = {a.id: a for a in arguments()}
    style = "<style>@media print{.kit-brief{page-break-after:always;border:none}}</style>"
    return HTML(style + _no_math("".join(_brief(role, by_id) for role in items)))
