"""Reading the numerical-targets data files in ``kit/data`` through ``kit.datafiles``, each validated.

A problem is a ``DataFileError`` naming the file, the row and the field: a
missing source, a value from memory, periods out of order, a series that
changes unit or basis, a role citing an argument the map does not hold.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from types import MappingProxyType

from kit.datafiles import Record, Source, bundled, entries, file_name, read_csv, read_json
from kit.errors import DataFileError, checked, invalid
from kit.targets.data import (
    BASES,
    DATASETS,
    SIDES,
    STATUSES,
    UNITS,
    Argument,
    ArticleFigure,
    Dataset,
    Event,
    Role,
    Series,
    Value,
)

# The columns of each kind of file, in order: a dataset's values, the timeline's events, the arguments.
COLUMNS = ("series", "year", "quarter", "value", "unit", "basis", "status", "source", "note")
EVENT_COLUMNS = ("date", "label", "on_charts", "event", "status", "source")
ARGUMENT_COLUMNS = ("id", "side", "holder", "argument", "source", "status")
# The years a value may belong to: the talks' decade with its run-up and aftermath.
FIRST_YEAR, LAST_YEAR = 1980, 2005
# Words that would mark a value as a recollection: the kit holds none, so a file that says so is refused.
_MEMORY_WORDS = ("memory", "recollection", "recalled", "remembered")
# A source a reader can find: an address, or a publication with its year.
_CITED = re.compile(r"https?://|\b(19|20)\d\d\b")
# The statuses a timeline event or an argument may have: its source was found.
_VERIFIED = tuple(status for status in STATUSES if status != "UNVERIFIED")


def _quarter(record: Record) -> int | None:
    text = record.optional("quarter")
    if text not in ("", "1", "2", "3", "4"):
        raise record.fail("quarter", f"must be empty (a whole year) or 1 to 4, not {text!r}.")
    return int(text) if text else None


def _value(record: Record) -> Value:
    year = record.whole("year", FIRST_YEAR, LAST_YEAR)
    unit, status = record.choice("unit", UNITS), record.choice("status", STATUSES)
    basis = record.choice("basis", BASES)
    source, note = record.text("source"), record.optional("note")
    _check_provenance(record, status, source, note)
    value = record.number("value")
    return Value(record.text("series"), year, _quarter(record), value, unit, status, source, note, basis)


def _check_provenance(record: Record, status: str, source: str, note: str) -> None:
    """Refuse a recollection, a DERIVED value without its calculation, an UNVERIFIED one without why."""
    for field, text in (("source", source), ("note", note)):
        if any(word in text.lower() for word in _MEMORY_WORDS):
            raise record.fail(field, "names a recollection; the kit holds only sourced or derived values.")
    if status.startswith("VERIFIED") and not _CITED.search(source):
        raise record.fail(
            "source", f"a {status} value needs a source with its date or address, not {source!r}."
        )
    if status == "DERIVED" and "=" not in note:
        raise record.fail("note", "a DERIVED value needs its calculation in the note, like '103 + 34 = 137'.")
    if status == "UNVERIFIED" and not note:
        raise record.fail("note", "is empty; an UNVERIFIED value needs a note saying why.")


def _add(record: Record, groups: dict[str, list[Value]], value: Value) -> None:
    """Add ``value`` to its series in ``groups``: one unit, one basis and one frequency, periods in order."""
    group = groups.setdefault(value.series, [])
    if group:
        last = group[-1]
        if value.unit != last.unit:
            raise record.fail("unit", f"is {value.unit!r}, but {value.series} is in {last.unit!r}.")
        if value.basis != last.basis:
            problem = f"is {value.basis!r}, but {value.series} is on {last.basis!r}: one basis a series."
            raise record.fail("basis", problem)
        if (value.quarter is None) != (last.quarter is None):
            raise record.fail("quarter", f"{value.series} mixes whole years and quarters.")
        if value.step <= last.step:
            order = "periods must be in order, each once."
            problem = f"{value.period} comes after {last.period} in {value.series}: {order}"
            raise record.fail("year", problem)
    group.append(value)


def read_dataset(source: Source) -> Dataset:
    """Return the dataset in the CSV file ``source`` (a path), validated; errors name the row and field."""
    groups: dict[str, list[Value]] = {}
    for record in read_csv(source, COLUMNS):
        _add(record, groups, _value(record))
    name = file_name(source)
    if not groups:
        raise DataFileError(f"{name}: must hold at least one row of values, not none.")
    series = {key: Series(key, values[0].unit, tuple(values)) for key, values in groups.items()}
    return Dataset(Path(name).stem.removeprefix("targets_"), str(source), MappingProxyType(series))


@checked
def load_dataset(name: str) -> Dataset:
    """Return the kit's dataset ``name`` (one of DATASETS), validated when first read."""
    if name not in DATASETS:
        raise invalid("name", name, f"one of {', '.join(DATASETS)}")
    return _load_packaged(name)


@functools.cache
def _load_packaged(name: str) -> Dataset:
    return read_dataset(bundled(f"targets_{name}.csv"))


def _event(record: Record) -> Event:
    date, on_charts = record.date("date"), record.choice("on_charts", ("yes", "no"))
    label, text = record.text("label"), record.text("event")
    status = record.choice("status", _VERIFIED)
    return Event(date, label, on_charts == "yes", text, status, record.text("source"))


def read_events(source: Source) -> tuple[Event, ...]:
    """Return the events in the CSV file ``source`` (a path), validated and in date order."""
    records = read_csv(source, EVENT_COLUMNS)
    events = [_event(record) for record in records]
    for record, before, after in zip(records[1:], events, events[1:], strict=False):
        if after.date <= before.date:
            raise record.fail(
                "date", f"must come after {before.date} (events in date order), not {after.date}."
            )
    return tuple(events)


@checked
def events(on_charts_only: bool = False, since: str | None = None) -> tuple[Event, ...]:
    """Return the sourced timeline of the talks: all events, those charts mark, or those from ``since`` on."""
    found = _timeline()
    if since is not None:
        try:
            start = datetime.date.fromisoformat(since)
        except ValueError:
            raise invalid("since", since, "a date like 1994-05-24, or None") from None
        found = tuple(e for e in found if e.date >= start)
    return tuple(e for e in found if e.on_charts) if on_charts_only else found


@functools.cache
def _timeline() -> tuple[Event, ...]:
    return read_events(bundled("targets_events.csv"))


def article_figures() -> tuple[ArticleFigure, ...]:
    """Return the article's two trade figures for "last year" (1993) and the sourced values they match."""
    trade = load_dataset("us_goods_trade")["balance_reported"].at(1993)
    surplus = load_dataset("japan_current_account")["bpm4_first_reported"].at(1993)
    return (
        ArticleFigure(
            "its trade surplus, which last year reached $131 billion in goods and services",
            9,
            1993,
            surplus,
            "Japan's 1993 current-account surplus (the kit's reading: the article's wording is loose)",
        ),
        ArticleFigure(
            "Its trade surplus with the United States alone was $59 billion",
            9,
            1993,
            trade,
            "the U.S. goods balance with Japan in 1993, a deficit, as the Commerce Department reported it",
        ),
    )


def read_arguments(source: Source) -> tuple[Argument, ...]:
    """Return the arguments in the CSV file ``source`` (a path), validated: a side, holder and source each."""
    seen: set[str] = set()
    found = []
    for record in read_csv(source, ARGUMENT_COLUMNS):
        key = record.text("id")
        if key in seen:
            raise record.fail("id", f"must name each argument once, not {key!r} again.")
        seen.add(key)
        side, holder, text = record.choice("side", SIDES), record.text("holder"), record.text("argument")
        found.append(
            Argument(key, side, holder, text, record.text("source"), record.choice("status", _VERIFIED))
        )
    return tuple(found)


@functools.cache
def arguments() -> tuple[Argument, ...]:
    """Return the map of arguments for and against numerical targets, each with its holder and source."""
    return read_arguments(bundled("targets_arguments.csv"))


def _facts(record: Record) -> tuple[tuple[str, str], ...]:
    """Return a role's facts, each a pair of the fact and its source, neither empty."""
    facts = record.get("facts")
    pairs = isinstance(facts, list) and all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(t, str) and t.strip() for t in pair)
        for pair in facts
    )
    if not pairs:
        raise record.fail("facts", "must be a list of [fact, source] pairs, each with its source.")
    return tuple((fact, source) for fact, source in facts)


@functools.cache
def roles() -> tuple[Role, ...]:
    """Return the roles for the classroom debate, each checked against the map of arguments."""
    known = {a.id for a in arguments()}
    source = bundled("targets_roles.json")
    found = []
    for record in entries(source, read_json(source, list), "role"):
        cited = record.texts("arguments")
        unknown = [key for key in cited if key not in known]
        if unknown:
            raise record.fail("arguments", f"must be ids of targets_arguments.csv, not {unknown}.")
        texts = {key: record.text(key) for key in ("role", "who", "position", "interests", "press")}
        found.append(Role(**texts, arguments=cited, facts=_facts(record)))
    return tuple(found)
