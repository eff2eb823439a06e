"""Rich output for the story's background (lesson 01): sections, people, timeline and glossary, sourced."""

from __future__ import annotations

import html
from collections.abc import Sequence

from IPython.display import HTML

from kit.background import Entry, Source
from kit.display.common import NO_MATH, NOTE
from kit.display.table import Html, table
from kit.errors import checked


def _cited(sources: Sequence[Source]) -> str:
    """Return the sources as one note: each citation, linked where it has an address, with its confidence."""
    if not sources:
        return f"{NOTE}A worked example: no source needed.</span>"
    items = [
        (
            f'<a href="{html.escape(s.url)}">{html.escape(s.citation)}</a>'
            if s.url
            else html.escape(s.citation)
        )
        + f" ({html.escape(s.confidence.lower())})"
        for s in sources
    ]
    return f"{NOTE}Sources: {'; '.join(items)}.</span>"


@checked
def context_html(entry: Entry) -> HTML:
    """Return one background section: its heading, its text and its sources."""
    return HTML(
        f'<div class="{NO_MATH}" style="max-width:46em"><h4>{html.escape(entry.title)}</h4>'
        f"<p>{html.escape(entry.text)}</p><p>{_cited(entry.sources)}</p></div>"
    )


def _named(entry: Entry) -> Html:
    return Html(f"<b>{html.escape(entry.title)}</b>")


def _sourced(text: str, entry: Entry) -> Html:
    return Html(f"{html.escape(text)}<br>{_cited(entry.sources)}")


@checked
def people_html(people: Sequence[Entry]) -> HTML:
    """Return the people the story names: who each was in May 1994, what to know, and the sources."""
    rows = [(_named(p), p.text, _sourced(p.note, p)) for p in people]
    return HTML(table(rows, ["who", "in May 1994", "what to know"]))


@checked
def events_html(events: Sequence[Entry]) -> HTML:
    """Return a dated timeline, one event a row, each with its sources."""
    return HTML(table([(_named(e), _sourced(e.text, e)) for e in events], ["date", "what happened"]))


@checked
def glossary_html(terms: Sequence[Entry]) -> HTML:
    """Return the glossary: each term, its definition and the sources of the facts in it."""
    return HTML(table([(_named(t), _sourced(t.text, t)) for t in terms], ["term", "what it means"]))


def event_label_html(text: str) -> str:
    """Return an event's text as the label beside its place menu in the timeline exercise."""
    return f"&nbsp;{html.escape(text)}"
