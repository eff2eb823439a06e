"""The story's background for lesson 01: context, people, a dated timeline and a glossary, with sources.

Everything is read from ``kit/data/background.json`` (its provenance is in
``background_README.md``) and checked on reading: every entry cites sources the
file lists, and nothing is dated after the article's day, because lesson 02 ends
with the student's prediction of what happened next. The two check-yourself
exercises (match terms, order events) have pure cores here; their widgets are in
``kit.widgets.reading``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kit.datafiles import bundled, read_json
from kit.errors import DataFileError, checked, invalid

FILE = "background.json"
LAST_DAY = date(1994, 5, 25)  # the article's day: nothing later appears before the prediction


class BackgroundFormatError(DataFileError):
    """A background file that breaks its rules: a missing field, an unknown source, a date too late."""


@dataclass(frozen=True)
class Source:
    """A publication the background cites."""

    citation: str
    url: str
    confidence: str


@dataclass(frozen=True)
class Entry:
    """One sourced piece of background: a context section, a person, an event or a glossary term.

    ``title`` is the heading, the name, the date or the term; ``text`` the section, role, event or
    definition; ``note`` a person's note or a term's short definition.
    """

    key: str
    title: str
    text: str
    sources: tuple[Source, ...]
    note: str = ""


@dataclass(frozen=True)
class Background:
    """The whole background file, checked."""

    context: tuple[Entry, ...]
    people: tuple[Entry, ...]
    timeline: tuple[Entry, ...]
    glossary: tuple[Entry, ...]
    match_terms: tuple[str, ...]
    order_events: tuple[str, ...]


@dataclass(frozen=True)
class CheckResult:
    """How a check-yourself answer went: how many are right, and what to look at again."""

    right: int
    total: int
    revisit: tuple[str, ...]
    summary: str


def _fail(where: str, problem: str) -> BackgroundFormatError:
    return BackgroundFormatError(f"{FILE}, {where}: {problem}")


def _text(raw: Mapping, field: str, where: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"field {field!r} must be non-empty text, not {value!r}.")
    return value


def _sources(
    raw: Mapping, where: str, known: Mapping[str, Source], required: bool = True
) -> tuple[Source, ...]:
    ids = raw.get("sources")
    if not isinstance(ids, list) or (required and not ids):
        raise _fail(where, "field 'sources' must list at least one source id.")
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise _fail(where, f"unknown source {unknown[0]!r}; use one of the ids under 'sources'.")
    return tuple(known[i] for i in ids)


def _event(raw: Mapping, number: int, known: Mapping[str, Source]) -> Entry:
    where = f"timeline entry {number}"
    try:
        day = date.fromisoformat(_text(raw, "date", where))
    except ValueError:
        raise _fail(where, f"date {raw.get('date')!r} must be YYYY-MM-DD.") from None
    if day > LAST_DAY:
        raise _fail(where, f"{day:%-d %B %Y} is after the article's day, {LAST_DAY:%-d %B %Y}: no spoilers.")
    return Entry(day.isoformat(), f"{day:%-d %B %Y}", _text(raw, "event", where), _sources(raw, where, known))


def _entry(raw: Mapping, where: str, known: Mapping[str, Source], fields: tuple[str, ...]) -> Entry:
    """Return an Entry whose key and title are field 0, text field 1 and note (if named) field 2."""
    title, text, *note = (_text(raw, field, where) for field in fields)
    cited = _sources(raw, where, known, required=fields[0] != "term")  # arithmetic needs no source
    return Entry(raw.get("id", title), title, text, cited, *note)


def _entries(content: Mapping, part: str, known: Mapping[str, Source], fields: tuple[str, ...]) -> tuple:
    return tuple(_entry(raw, f"{part} {n}", known, fields) for n, raw in enumerate(content.get(part, []), 1))


def _known_sources(content: Mapping) -> dict[str, Source]:
    return {
        key: Source(
            _text(raw, "citation", f"source {key}"), raw.get("url", ""), _text(raw, "confidence", key)
        )
        for key, raw in content.get("sources", {}).items()
    }


def parse_background(content: Mapping) -> Background:
    """Return the background in ``content`` (the JSON file's object), checked; raise BackgroundFormatError."""
    known = _known_sources(content)
    timeline = tuple(_event(e, n, known) for n, e in enumerate(content.get("timeline", []), 1))
    if [e.key for e in timeline] != sorted(e.key for e in timeline):
        raise _fail("timeline", "events must be in date order.")
    glossary = _entries(content, "glossary", known, ("term", "definition", "short"))
    terms, days = content.get("match_terms", []), content.get("order_events", [])
    missing = [t for t in terms if t not in {g.key for g in glossary}]
    missing += [d for d in days if d not in {e.key for e in timeline}]
    if missing:
        raise _fail("match_terms / order_events", f"{missing[0]!r} is not a glossary term or timeline date.")
    return Background(
        _entries(content, "context", known, ("heading", "text")),
        _entries(content, "people", known, ("name", "role", "note")),
        timeline,
        glossary,
        tuple(terms),
        tuple(days),
    )


@lru_cache(maxsize=1)
def load_background() -> Background:
    """Return the kit's background (context, people, timeline, glossary), read once and checked."""
    return parse_background(read_json(bundled(FILE)))


@checked
def section(key: str) -> Entry:
    """Return the context section ``key`` (why, framework, summit, super301, uruguay, resumption)."""
    sections = {entry.key: entry for entry in load_background().context}
    if key not in sections:
        raise invalid("key", key, f"one of {', '.join(sections)}")
    return sections[key]


def match_check(answers: Mapping[str, str]) -> CheckResult:
    """Return how many glossary terms ``answers`` (term -> chosen short definition) match rightly."""
    background = load_background()
    right_answer = {g.key: g.note for g in background.glossary}
    chosen = [t for t in background.match_terms if answers.get(t)]
    revisit = tuple(t for t in chosen if answers[t] != right_answer[t])
    right, total = len(chosen) - len(revisit), len(background.match_terms)
    if not chosen:
        summary = "Choose a meaning for each term; you will see here how many are right."
    elif revisit:
        summary = f"{right} of {total} right. Read again the glossary entries for: {', '.join(revisit)}."
    else:
        summary = f"{right} of {total} right{'.' if right == total else ', none wrong so far.'}"
    return CheckResult(right, total, revisit, summary)


def order_check(places: Mapping[str, int]) -> CheckResult:
    """Return how many timeline events ``places`` (date -> place 1..n the student gave) puts rightly."""
    days = load_background().order_events
    truth = {day: place for place, day in enumerate(sorted(days), 1)}
    given = {d: p for d, p in places.items() if d in truth and p}
    revisit = tuple(_event_text(d) for d in days if d in given and given[d] != truth[d])
    right, total = len(given) - len(revisit), len(days)
    if not given:
        summary = "Give each event its place, 1 for the earliest; you will see here how many are right."
    elif len(set(given.values())) < len(given):
        summary = f"{right} of {total} in the right place. Two events share a place: each place once."
    elif revisit:
        summary = f"{right} of {total} in the right place. Check the timeline for: {'; '.join(revisit)}."
    else:
        summary = f"{right} of {total} in the right place{'.' if right == total else ' so far.'}"
    return CheckResult(right, total, revisit, summary)


def _event_text(day: str) -> str:
    return next(e.text.rstrip(".") for e in load_background().timeline if e.key == day)


def order_choices() -> tuple[Entry, ...]:
    """Return the events of the ordering exercise, in the jumbled order the student sees them."""
    by_day = {e.key: e for e in load_background().timeline}
    return tuple(by_day[d] for d in load_background().order_events)


def match_choices() -> tuple[str, ...]:
    """Return the short definitions offered for every term to match, in a fixed jumbled order."""
    shorts = {g.key: g.note for g in load_background().glossary}
    terms = load_background().match_terms
    return tuple(shorts[t] for t in (*terms[3:], *terms[:3]))
