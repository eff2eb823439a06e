"""Rich output for lesson 05: the registry's tables, the quoted speakers, the grid's and the game's summaries.

The analyses in ``kit.stakeholders`` return plain data; these functions only render it. Functions
named ``*_html`` that return an ``IPython.display.HTML`` object are shown by a notebook cell as they
are; ``grid_summary_html`` and ``game_summary_html`` return the text a widget puts in its summary.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from IPython.display import HTML

from kit.display.common import NO_MATH, STYLE
from kit.display.table import rows_html
from kit.errors import checked
from kit.stakeholders import Actor, GridDifference


@checked
def actors_html(actors: Sequence[Actor]) -> HTML:
    """Return the registry as a table: each actor's side, type, how it is presented, its stance on targets."""
    rows = [(a.name, a.side, a.type, a.presented, a.stance) for a in actors]
    return rows_html(["actor", "side", "type", "presented", "on numerical targets"], rows)


@checked
def implied_actors_html(actors: Sequence[Actor]) -> HTML:
    """Return the actors the article never names, each with the kit's reason for adding it."""
    return rows_html(["actor the kit adds", "why"], [(a.name, a.position) for a in actors if a.implied])


_URL = re.compile(r"https?://[^\s;,]+")


def _linked(citation: str) -> str:
    """Return a citation as HTML, each address turned into a short link instead of a run of raw URL."""
    pieces, last = [], 0
    for match in _URL.finditer(citation):
        pieces += [
            html.escape(citation[last : match.start()]),
            f'<a href="{html.escape(match.group())}">link</a>',
        ]
        last = match.end()
    return "".join(pieces) + html.escape(citation[last:])


@checked
def interests_html(actor: Actor) -> HTML:
    """Return what the registry says an actor wants, then each piece of evidence with what it reports."""
    items = "".join(
        f"<li><b>{_linked(e.cite)}</b>{': ' + html.escape(e.note) if e.note else ''}</li>"
        for e in actor.evidence
    )
    return HTML(
        f'{STYLE}<div class="{NO_MATH}"><p><b>{html.escape(actor.name)}: interests.</b> '
        f"{html.escape(actor.interests)}</p><p>Evidence:</p><ul>{items}</ul></div>"
    )


@checked
def speakers_html(rows: Sequence[tuple[int, str, str]]) -> HTML:
    """Return the quoted speakers: paragraph, the speaker as kit.quotes names them, their registry entry."""
    shown = [(f"\u00b6{paragraph}", speaker, name) for paragraph, speaker, name in rows]
    return rows_html(["¶", "speaker (found by kit.quotes)", "registry entry"], shown)


def notice_html(notice: str) -> str:
    """Return a notice a widget shows above itself, such as a saved grid that could not be used."""
    return f"<p><b>{html.escape(notice)}</b></p>"


def grid_summary_html(summary: str) -> str:
    """Return the grid placer's summary line."""
    return f'<p class="kit-grid-summary">{html.escape(summary)}</p>'


def grid_reasons_html(differences: Sequence[GridDifference]) -> HTML:
    """Return the student's placements beside the kit's reference, with the reference's reasons."""
    rows = [
        (
            d.reference.label,
            f"{d.student.power:g} / {d.student.interest:g} ({d.student.quadrant})",
            f"{d.reference.power:g} / {d.reference.interest:g} ({d.reference.quadrant})",
            d.reference.rationale,
        )
        for d in differences
    ]
    header = ["actor", "yours (power / interest)", "the kit's reference (illustrative)", "why it is there"]
    return rows_html(header, rows)


def game_summary_html(summary: str) -> str:
    """Return the two-level game's summary, with the reminder that its numbers are assumptions."""
    return (
        f'<p class="kit-game-summary"><b>{html.escape(summary)}</b></p>'
        "<p><small>Every number here is a teaching assumption, not data: change it and argue for "
        "your choice from the article.</small></p>"
    )


def preset_note_html(note: str) -> str:
    """Return what a preset of the two-level game stands for, as the game shows it above its sliders."""
    return f"<p><small><b>What the preset stands for:</b> {html.escape(note)}</small></p>"


def side_heading_html(side: str) -> str:
    """Return the heading over one side's sliders in the two-level game."""
    return f"<b>{html.escape(side)}</b>"


@checked
def presets_html(rows: Sequence[tuple[str, str, str]]) -> HTML:
    """Return the game's presets as a table: each moment, what its numbers stand for, and the outcome."""
    return rows_html(["moment", "what the invented numbers stand for", "the game's result"], rows)
