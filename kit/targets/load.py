"""Reading the numerical-targets data files in ``kit/data``, each validated as it is read.

A problem names the file, the row and the field: a missing source, a value
from memory, periods out of order, a series that changes unit or basis.
"""

from __future__ import annotations

import csv
import datetime
import functools
import json
import math
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from kit.errors import checked, invalid
from kit.targets.data import (
    ARGUMENT_COLUMNS,
    BASES,
    COLUMNS,
    DATASETS,
    EVENT_COLUMNS,
    FIRST_YEAR,
    LAST_YEAR,
    SIDES,
    STATUSES,
    UNITS,
    Argument,
    ArticleFigure,
    DataFormatError,
    Dataset,
    Event,
    Role,
    Series,
    Value,
)

# Words that would mark a value as a recollection: the kit holds none, so a file that says so is refused.
_MEMORY_WORDS = ("memory", "recollection", "recalled", "remembered")
# A source a reader can find: an address, or a publication with its year.
_CITED = re.compile(r"https?://|\b(19|20)\d\d\b")
T = TypeVar("T")


def _fail(path: Path, row: int, field: str, problem: str) -> DataFormatError:
    return DataFormatError(f"{path.name}, row {row}, field {field!r}: {problem}")


def _text(path: Path, row: int, record: dict, field: str) -> str:
    text = (record.get(field) or "").strip()
    if not text:
        raise _fail(path, row, field, "is empty; every value needs one.")
    return text


def _number(path: Path, row: int, record: dict, field: str, kind: type = float) -> float:
    text = _text(path, row, record, field)
    try:
        number = kind(text)
    except ValueError:
        raise _fail(path, row, field, f"must be a {kind.__name__} number, but it is {text!r}.") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise _fail(path, row, field, f"must be a finite number, but it is {text!r}.")
    return number


def _quarter(path: Path, row: int, record: dict) -> int | None:
    text = (record.get("quarter") or "").strip()
    if text not in ("", "1", "2", "3", "4"):
        raise _fail(path, row, "quarter", f"must be empty (a whole year) or 1 to 4, but it is {text!r}.")
    return int(text) if text else None


def _value(path: Path, row: int, record: dict) -> Value:
    year = int(_number(path, row, record, "year", int))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _fail(path, row, "year", f"must be from {FIRST_YEAR} to {LAST_YEAR}, but it is {year}.")
    unit, status = _text(path, row, record, "unit"), _text(path, row, record, "status")
    if unit not in UNITS:
        raise _fail(path, row, "unit", f"{unit!r} is not a known unit; use one of {', '.join(UNITS)}.")
    if status not in STATUSES:
        raise _fail(path, row, "status", f"{status!r} is not a status; use one of {', '.join(STATUSES)}.")
    basis = _text(path, row, record, "basis")
    if basis not in BASES:
        raise _fail(path, row, "basis", f"{basis!r} is not a basis; use one of {', '.join(BASES)}.")
    source, note = _text(path, row, record, "source"), (record.get("note") or "").strip()
    _check_provenance(path, row, status, source, note)
    value = _number(path, row, record, "value")
    series = _text(path, row, record, "series")
    return Value(series, year, _quarter(path, row, record), value, unit, status, source, note, basis)


def _check_provenance(path: Path, row: int, status: str, source: str, note: str) -> None:
    """Refuse a recollection, a DERIVED value without its calculation, an UNVERIFIED one without why."""
    for field, text in (("source", source), ("note", note)):
        if any(word in text.lower() for word in _MEMORY_WORDS):
            raise _fail(
                path, row, field, "names a recollection; the kit holds only sourced or derived values."
            )
    if status.startswith("VERIFIED") and not _CITED.search(source):
        raise _fail(
            path, row, "source", f"a {status} value needs a source with its date or address, not {source!r}."
        )
    if status == "DERIVED" and "=" not in note:
        raise _fail(
            path, row, "note", "a DERIVED value needs its calculation in the note, like '103 + 34 = 137'."
        )
    if status == "UNVERIFIED" and not note:
        raise _fail(path, row, "note", "is empty; an UNVERIFIED value needs a note saying why.")


def _add(path: Path, row: int, groups: dict[str, list[Value]], value: Value) -> None:
    group = groups.setdefault(value.series, [])
    if group:
        last = group[-1]
        if value.unit != last.unit:
            raise _fail(path, row, "unit", f"is {value.unit!r}, but {value.series} is in {last.unit!r}.")
        if value.basis != last.basis:
            raise _fail(
                path,
                row,
                "basis",
                f"is {value.basis!r}, but {value.series} is on {last.basis!r}: one basis a series.",
            )
        if (value.quarter is None) != (last.quarter is None):
            raise _fail(path, row, "quarter", f"{value.series} mixes whole years and quarters.")
        if value.step <= last.step:
            raise _fail(
                path,
                row,
                "year",
                f"{value.period} comes after {last.period} in {value.series}: "
                "periods must be in order, each once.",
            )
    group.append(value)


def _read_csv(path: Path, columns: tuple[str, ...], read_row: Callable[[int, dict], T]) -> list[T]:
    """Return ``read_row(row, record)`` for each row of the CSV file at ``path`` (header ``columns``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            found = ",".join(reader.fieldnames or [])
            raise DataFormatError(f"{path.name}: the header must be {','.join(columns)}, but it is {found}.")
        return [read_row(row, record) for row, record in enumerate(reader, start=2)]  # row 1: the header


def _packaged(name: str) -> AbstractContextManager[Path]:
    """Return a context giving the path of the kit's data file ``name``."""
    return resources.as_file(resources.files("kit.data") / name)


def _read_file(path: str | Path, read: Callable[[Path], T]) -> T:
    """Return ``read(path)``; a missing, unreadable or malformed file raises an error naming ``path``."""
    path = Path(path)
    if not path.is_file():
        raise invalid("path", str(path), "an existing CSV file")
    try:
        return read(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise invalid("path", str(path), f"a readable UTF-8 CSV file ({error})") from None
    except DataFormatError as error:
        raise DataFormatError(f"parameter 'path': {error}") from None


def read_dataset(path: str | Path) -> Dataset:
    """Return the dataset in the CSV file at ``path``, validated; errors name the row and field."""
    return _read_file(path, _dataset)


def _dataset(path: Path) -> Dataset:
    groups: dict[str, list[Value]] = {}
    _read_csv(path, COLUMNS, lambda row, record: _add(path, row, groups, _value(path, row, record)))
    if not groups:
        raise DataFormatError(f"{path.name}: the file holds no values.")
    series = {name: Series(name, values[0].unit, tuple(values)) for name, values in groups.items()}
    return Dataset(path.stem.removeprefix("targets_"), str(path), MappingProxyType(series))


@checked
def load_dataset(name: str) -> Dataset:
    """Return the kit's dataset ``name`` (one of DATASETS), validated when first read."""
    if name not in DATASETS:
        raise invalid("name", name, f"one of {', '.join(DATASETS)}")
    return _load_packaged(name)


@functools.cache
def _load_packaged(name: str) -> Dataset:
    with _packaged(f"targets_{name}.csv") as path:
        return _dataset(path)


def _event(path: Path, row: int, record: dict) -> Event:
    raw = _text(path, row, record, "date")
    try:
        date = datetime.date.fromisoformat(raw)
    except ValueError:
        raise _fail(path, row, "date", f"must be a date like 1994-05-24, but it is {raw!r}.") from None
    status = _text(path, row, record, "status")
    if status not in STATUSES or status == "UNVERIFIED":
        raise _fail(path, row, "status", f"an event on the timeline must be verified, but it is {status!r}.")
    on_charts = _text(path, row, record, "on_charts")
    if on_charts not in ("yes", "no"):
        raise _fail(path, row, "on_charts", f"must be yes or no, but it is {on_charts!r}.")
    fields = (_text(path, row, record, f) for f in ("label", "event"))
    return Event(
        date, next(fields), on_charts == "yes", next(fields), status, _text(path, row, record, "source")
    )


def read_events(path: str | Path) -> tuple[Event, ...]:
    """Return the events in the CSV file at ``path``, validated and in date order."""
    return _read_file(path, _events)


def _events(path: Path) -> tuple[Event, ...]:
    events = _read_csv(path, EVENT_COLUMNS, lambda row, record: _event(path, row, record))
    for row, (before, after) in enumerate(zip(events, events[1:], strict=False), start=3):
        if after.date <= before.date:
            raise _fail(
                path, row, "date", f"{after.date} is not after {before.date}: events must be in date order."
            )
    return tuple(events)


@checked
def events(on_charts_only: bool = False, since: str | None = None) -> tuple[Event, ...]:
    """Return the sourced timeline of the talks: all events, those charts mark, or those from ``since`` on."""
    with _packaged("targets_events.csv") as path:
        found = _events(path)
    if since is not None:
        try:
            start = datetime.date.fromisoformat(since)
        except ValueError:
            raise invalid("since", since, "a date like 1994-05-24, or None") from None
        found = tuple(e for e in found if e.date >= start)
    return tuple(e for e in found if e.on_charts) if on_charts_only else found


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


def _argument(path: Path, row: int, record: dict, seen: set[str]) -> Argument:
    fields = {f: _text(path, row, record, f) for f in ARGUMENT_COLUMNS}
    if fields["side"] not in SIDES:
        raise _fail(path, row, "side", f"must be for, against or between, but it is {fields['side']!r}.")
    if fields["status"] not in STATUSES or fields["status"] == "UNVERIFIED":
        raise _fail(
            path, row, "status", f"an argument's source must be verified, but it is {fields['status']!r}."
        )
    if fields["id"] in seen:
        raise _fail(path, row, "id", f"{fields['id']!r} is used twice; each argument needs its own id.")
    seen.add(fields["id"])
    return Argument(
        fields["id"], fields["side"], fields["holder"], fields["argument"], fields["source"], fields["status"]
    )


def read_arguments(path: str | Path) -> tuple[Argument, ...]:
    """Return the arguments in the CSV file at ``path``, validated: a side, a holder and a source each."""
    return _read_file(path, _arguments)


def _arguments(path: Path) -> tuple[Argument, ...]:
    seen: set[str] = set()
    return tuple(_read_csv(path, ARGUMENT_COLUMNS, lambda row, record: _argument(path, row, record, seen)))


@functools.cache
def arguments() -> tuple[Argument, ...]:
    """Return the map of arguments for and against numerical targets, each with its holder and source."""
    with _packaged("targets_arguments.csv") as path:
        return _arguments(path)


@functools.cache
def roles() -> tuple[Role, ...]:
    """Return the roles for the classroom debate, each checked against the map of arguments."""
    known = {a.id for a in arguments()}
    with _packaged("targets_roles.json") as path:
        entries = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for number, entry in enumerate(entries, start=1):
        unknown = [a for a in entry["arguments"] if a not in known]
        unsourced = [fact for fact, source in entry["facts"] if not source.strip()]
        if unknown or unsourced:
            raise DataFormatError(
                f"targets_roles.json, role {number} ({entry['role']}): unknown arguments {unknown} "
                f"or facts without a source {unsourced}."
            )
        fields = {k: entry[k] for k in ("role", "who", "position", "interests", "press")}
        facts = tuple((fact, source) for fact, source in entry["facts"])
        found.append(Role(**fields, arguments=tuple(entry["arguments"]), facts=facts))
    return tuple(found)
