"""The numerical-targets debate: sourced trade series, and tests of what a commitment would mean.

Data: each dataset is a CSV file in ``kit/data`` (``targets_<name>.csv``) with
one value per row, and every row carries its unit, its source (the publication
or document that reports it) and a verification status. ``load_dataset``
validates a file as it reads it and names the file, row and field of anything wrong.

Analyses: ``judge_increase`` asks whether a series shows "a prompt, substantial
and continuous increase" under a definition a student states;
``judge_target`` asks whether it reached a numerical target by a date; and
``required_growth`` says what growth a target would take. Each returns a
frozen result with its reasons, and never draws.
"""

from __future__ import annotations

import csv
import datetime
import functools
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from kit.errors import InvalidInputError, KitError, checked, invalid, whole_number

DATASETS = (
    "us_goods_trade",
    "japan_current_account",
    "semiconductor_share",
    "imported_vehicles",
    "dealer_outlets",
)
COLUMNS = ("series", "year", "quarter", "value", "unit", "basis", "status", "source", "note")
UNITS = ("USD billions", "JPY trillions", "percent", "vehicles", "outlets")
STATUSES = ("VERIFIED", "VERIFIED (secondary)", "VERIFIED (approximate)", "DERIVED", "UNVERIFIED")
# What each basis code means: values of different bases are never joined into one line or one series.
BASES = MappingProxyType(
    {
        "census": "U.S. Census basis: exports f.a.s., imports at customs value",
        "cif": "U.S. figures with imports valued c.i.f. (cost, insurance and freight), before 1989",
        "unstated": "U.S. figures whose valuation basis the source does not state",
        "bop": "U.S. balance-of-payments basis",
        "bpm4": "Japan's balance of payments on the IMF's older BPM4 basis",
        "bpm5": "Japan's balance of payments on the IMF's BPM5 basis (from 1996, revised back)",
        "us_count": "the U.S. count (USTR, Commerce, SIA)",
        "japan_count": "Japan's count (MITI, EIAJ)",
        "goal": "a goal or expectation, not a measurement",
        "foreign_cars": "foreign-made cars sold in Japan",
        "jaia_registrations": "imported car registrations (JAIA)",
        "all_imports": "all imported vehicles, including Japanese brands built abroad",
        "foreign_makers": "vehicles of foreign makers only",
        "aama_count": "new outlets counted by AAMA, by agreement year",
    }
)
EVENT_COLUMNS = ("date", "label", "on_charts", "event", "status", "source")
# Words that would mark a value as a recollection: the kit holds none, so a file that says so is refused.
# A source a reader can find: an address, or a publication with its year.
_CITED = re.compile(r"https?://|\b(19|20)\d\d\b")
_MEMORY_WORDS = ("memory", "recollection", "recalled", "remembered")
FIRST_YEAR, LAST_YEAR = 1980, 2005
T = TypeVar("T")


class DataFormatError(KitError, ValueError):
    """A data file that does not follow the kit's format; the message names the file, row and field."""


@dataclass(frozen=True)
class Value:
    """One sourced value: the period it belongs to, its unit, source and verification status."""

    series: str
    year: int
    quarter: int | None
    value: float
    unit: str
    status: str
    source: str
    note: str = ""
    basis: str = "census"

    @property
    def period(self) -> str:
        """Return the period's label: ``1993`` or ``1993Q4``."""
        return f"{self.year}" if self.quarter is None else f"{self.year}Q{self.quarter}"

    @property
    def verified(self) -> bool:
        """Return True unless this value is marked UNVERIFIED."""
        return self.status != "UNVERIFIED"

    @property
    def derived(self) -> bool:
        """Return True for a value calculated from sourced figures (status DERIVED)."""
        return self.status == "DERIVED"

    @property
    def step(self) -> int:
        """Return the period as a count: the year, or 4 x year + quarter - 1 for a quarter."""
        return self.year if self.quarter is None else 4 * self.year + self.quarter - 1

    @property
    def x(self) -> float:
        """Return the period's middle as a decimal year, for drawing (1993Q4 -> 1993.875)."""
        return self.year + 0.5 if self.quarter is None else self.year + (self.quarter - 0.5) / 4


@dataclass(frozen=True)
class Series:
    """One named series of sourced values in period order, all in one unit."""

    name: str
    unit: str
    values: tuple[Value, ...]

    @property
    def basis(self) -> str:
        """Return the series' basis code (one of BASES): every value in a series shares it."""
        return self.values[0].basis

    @property
    def quarterly(self) -> bool:
        """Return True for a quarterly series, False for an annual one."""
        return self.values[0].quarter is not None

    @property
    def periods(self) -> tuple[str, ...]:
        """Return the labels of the series' periods, in order."""
        return tuple(v.period for v in self.values)

    @checked
    def period_after(self, period: str | int, count: int) -> str:
        """Return the label of the period ``count`` periods after ``period`` (which must be in the series)."""
        whole_number("count", count, 0)
        step = self._at(period, "Series.period_after", "period").step + count
        return f"{step // 4}Q{step % 4 + 1}" if self.quarterly else f"{step}"

    @checked
    def at(self, period: str | int) -> Value:
        """Return the value for ``period`` (``1993`` or ``"1993Q4"``), or raise InvalidInputError."""
        return self._at(period, "Series.at", "period")

    def _at(self, period: object, where: str, name: str, allowed: str = "a period") -> Value:
        """Return the value for ``period``; the error names parameter ``name`` of ``where``."""
        for value in self.values:
            if value.period == str(period):
                return value
        raise invalid(name, period, f"{allowed} of {self.name} ({', '.join(self.periods)})")


@dataclass(frozen=True)
class Dataset:
    """A validated data file: its name, its path, and its series by name."""

    name: str
    path: str
    series: MappingProxyType[str, Series]

    def __getitem__(self, name: str) -> Series:
        """Return the series ``name``, or raise InvalidInputError listing the series there are."""
        if name not in self.series:
            raise InvalidInputError(
                f"{self.name} has no series {name!r}; it has {', '.join(sorted(self.series))}."
            )
        return self.series[name]


@dataclass(frozen=True)
class Event:
    """One dated event of the talks, with a short label for charts, its source and status."""

    date: datetime.date
    label: str
    on_charts: bool
    text: str
    status: str
    source: str

    @property
    def x(self) -> float:
        """Return the date as a decimal year, for drawing."""
        start = datetime.date(self.date.year, 1, 1)
        days = (datetime.date(self.date.year + 1, 1, 1) - start).days
        return self.date.year + (self.date - start).days / days


@dataclass(frozen=True)
class ArticleFigure:
    """A figure the article states, the value it matches, and where that value comes from."""

    quote: str
    paragraph: int
    year: int
    value: Value
    reading: str


# ---------------------------------------------------------------- loading


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


def _read_file(where: str, path: str | Path, read: Callable[[Path], T]) -> T:
    """Return ``read(path)``; a missing, unreadable or malformed file raises an error naming ``path``."""
    path = Path(path)
    if not path.is_file():
        raise invalid("path", str(path), "an existing CSV file")
    try:
        return read(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise invalid("path", str(path), f"a readable UTF-8 CSV file ({error})") from None
    except DataFormatError as error:
        raise DataFormatError(f"{where}: parameter 'path': {error}") from None


@checked
def read_dataset(path: str | Path) -> Dataset:
    """Return the dataset in the CSV file at ``path``, validated; errors name the row and field."""
    return _read_file("read_dataset", path, _dataset)


def _dataset(path: Path) -> Dataset:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            found = ",".join(reader.fieldnames or [])
            raise DataFormatError(f"{path.name}: the header must be {','.join(COLUMNS)}, but it is {found}.")
        groups: dict[str, list[Value]] = {}
        for row, record in enumerate(reader, start=2):  # row 1 is the header
            _add(path, row, groups, _value(path, row, record))
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
    with resources.as_file(resources.files("kit.data") / f"targets_{name}.csv") as path:
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


@checked
def read_events(path: str | Path) -> tuple[Event, ...]:
    """Return the events in the CSV file at ``path``, validated and in date order."""
    return _read_file("read_events", path, _events)


def _events(path: Path) -> tuple[Event, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != EVENT_COLUMNS:
            raise DataFormatError(f"{path.name}: the header must be {','.join(EVENT_COLUMNS)}.")
        events = [_event(path, row, record) for row, record in enumerate(reader, start=2)]
    for row, (before, after) in enumerate(zip(events, events[1:], strict=False), start=3):
        if after.date <= before.date:
            raise _fail(
                path, row, "date", f"{after.date} is not after {before.date}: events must be in date order."
            )
    return tuple(events)


@checked
def events(on_charts_only: bool = False, since: str | None = None) -> tuple[Event, ...]:
    """Return the sourced timeline of the talks: all events, those charts mark, or those from ``since`` on."""
    with resources.as_file(resources.files("kit.data") / "targets_events.csv") as path:
        found = _events(path)
    if since is not None:
        try:
            start = datetime.date.fromisoformat(since)
        except (TypeError, ValueError):
            raise InvalidInputError(
                f"since must be a date like 1994-05-24, but {since!r} was given."
            ) from None
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


# ---------------------------------------------------------------- the measurement lab

MET, NOT_MET, CANNOT_TELL = "met", "not met", "cannot tell"


@dataclass(frozen=True)
class IncreaseDefinition:
    """A stated meaning of "a prompt, substantial and continuous increase".

    ``baseline``: the period growth is measured from (``1994`` or ``"1994Q2"``);
    ``min_growth``: the least growth, in percent on the period before, that counts
    as substantial; ``periods``: how many consecutive periods must each grow that
    much (continuous); ``within``: how many periods after the baseline the run may
    start (prompt: 1 means the very next period).
    """

    baseline: str | int
    min_growth: float
    periods: int
    within: int


@dataclass(frozen=True)
class Growth:
    """One period's change on the period before (None when either figure is missing)."""

    period: str
    value: float | None
    percent: float | None


@dataclass(frozen=True)
class IncreaseVerdict:
    """The verdict on a series under an IncreaseDefinition: met, not met or cannot tell, with reasons."""

    verdict: str
    baseline: str
    run: tuple[str, ...]
    window: tuple[Growth, ...]
    reasons: tuple[str, ...]

    @property
    def met(self) -> bool:
        """Return True when the definition is met."""
        return self.verdict == MET


def _period_label(step: int, quarterly: bool) -> str:
    return f"{step // 4}Q{step % 4 + 1}" if quarterly else f"{step}"


def _check_definition(series: Series, definition: IncreaseDefinition) -> Value:
    if not isinstance(definition, IncreaseDefinition):
        raise InvalidInputError(
            f"definition must be an IncreaseDefinition, but a {type(definition).__name__} was given."
        )
    growth = definition.min_growth
    if isinstance(growth, bool) or not isinstance(growth, int | float) or not 0 <= growth <= 1000:
        raise InvalidInputError(
            f"minimum growth must be a number of percent from 0 to 1000, but {growth!r} was given."
        )
    whole_number("consecutive periods", definition.periods, 1, 40)
    whole_number("periods allowed before the increase starts", definition.within, 1, 40)
    allowed = "an IncreaseDefinition whose baseline is a period"
    return series._at(definition.baseline, "judge_increase", "definition", allowed)


def _growth(by_step: dict[int, Value], step: int, quarterly: bool) -> Growth:
    now, before = by_step.get(step), by_step.get(step - 1)
    label = _period_label(step, quarterly)
    if now is None or before is None or before.value == 0:
        return Growth(label, now.value if now else None, None)
    return Growth(label, now.value, 100 * (now.value / before.value - 1))


def _try_run(growths: dict[int, Growth], start: int, definition: IncreaseDefinition) -> str:
    """Return MET, NOT_MET or CANNOT_TELL for a run of ``definition.periods`` starting at ``start``."""
    for step in range(start, start + definition.periods):
        percent = growths[step].percent
        if percent is None:
            return CANNOT_TELL
        if percent <= 0 or percent < definition.min_growth:
            return NOT_MET
    return MET


def _kind(period: str) -> str:
    return "quarter" if "Q" in period else "year"


def _describe(growth: Growth, definition: IncreaseDefinition, unit: str) -> str:
    if growth.value is None:
        return f"{growth.period}: no figure."
    if growth.percent is None:
        before = _kind(growth.period)
        return f"{growth.period}: {amount(growth.value, unit)}, but no figure for the {before} before."
    enough = growth.percent > 0 and growth.percent >= definition.min_growth
    change = f"up {growth.percent:.1f}%" if growth.percent > 0 else f"down {-growth.percent:.1f}%"
    if growth.percent == 0:
        change = "unchanged"
    return (
        f"{growth.period}: {amount(growth.value, unit)}, {change} ({'enough' if enough else 'not enough'})."
    )


@checked
def judge_increase(series: Series, definition: IncreaseDefinition) -> IncreaseVerdict:
    """Return whether ``series`` shows a prompt, substantial and continuous increase as ``definition`` states.

    A run of ``definition.periods`` consecutive periods, each up by at least
    ``min_growth`` percent (and by more than nothing) on the period before, must
    start within ``within`` periods after the baseline. A missing figure breaks a
    run: if only missing figures stand in the way, the verdict is "cannot tell".
    """
    base = _check_definition(series, definition)
    kind = "quarter" if series.quarterly else "year"
    by_step = {v.step: v for v in series.values}
    steps = range(base.step + 1, base.step + definition.within + definition.periods)
    growths = {s: _growth(by_step, s, series.quarterly) for s in steps}
    outcomes = {s: _try_run(growths, s, definition) for s in steps[: definition.within]}
    window = tuple(growths[s] for s in steps)
    reasons = [f"Baseline: {base.period}, {amount(base.value, series.unit)}.", _rule(definition, kind)]
    last = max(by_step)
    reasons += [_describe(growths[s], definition, series.unit) for s in steps if s <= last]
    if steps[-1] > last:
        reasons.append(f"The series ends at {series.values[-1].period}.")
    met = [start for start, outcome in outcomes.items() if outcome == MET]
    if met:
        run = tuple(growths[s].period for s in range(met[0], met[0] + definition.periods))
        reasons.append(f"Met: {_span(run)} {'each ' if len(run) > 1 else ''}grew enough.")
        return IncreaseVerdict(MET, base.period, run, window, tuple(reasons))
    if CANNOT_TELL in outcomes.values():
        gaps = [growths[s].period for s in steps if s <= last and growths[s].value is None]
        hidden = f"the missing figures ({', '.join(gaps)})" if gaps else "the figures after the series ends"
        reasons.append(f"Cannot tell: no run was found, but {hidden} could hide one.")
        return IncreaseVerdict(CANNOT_TELL, base.period, (), window, tuple(reasons))
    reasons.append(f"Not met: no run of {_count(definition.periods, kind)} grew enough in time.")
    return IncreaseVerdict(NOT_MET, base.period, (), window, tuple(reasons))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _rule(definition: IncreaseDefinition, kind: str) -> str:
    rise = f"up at least {definition.min_growth:g}% on the {kind} before"
    run = (
        f"one {kind} {rise}"
        if definition.periods == 1
        else (f"{_count(definition.periods, kind)} in a row, each {rise}")
    )
    return f"Definition: {run}, starting within {_count(definition.within, kind)} after the baseline."


def _span(periods: Sequence[str]) -> str:
    return periods[0] if len(periods) == 1 else f"{periods[0]} to {periods[-1]}"


@checked
def amount(value: float, unit: str) -> str:
    """Return ``value`` written with its unit: ``21.9%``, ``$59.3 billion``, ``388,162 vehicles``.

    >>> amount(-59.3, "USD billions"), amount(388162, "vehicles")
    ('-$59.3 billion', '388,162 vehicles')
    """
    sign = "-" if value < 0 else ""
    if unit == "percent":
        return f"{value:g}%"
    if unit == "USD billions":
        return f"{sign}${abs(value):g} billion"
    if unit == "JPY trillions":
        return f"{sign}\u00a5{abs(value):g} trillion"
    return f"{value:,.0f} {unit}"


@dataclass(frozen=True)
class TargetDefinition:
    """A numerical target: a ``level`` (in the series' unit) to reach by the period ``by``."""

    level: float
    by: str | int


@dataclass(frozen=True)
class TargetVerdict:
    """The verdict on a numerical target: met, not met or cannot tell, when it was reached, and why."""

    verdict: str
    reached: str | None
    reasons: tuple[str, ...]

    @property
    def met(self) -> bool:
        """Return True when the target was reached by its date."""
        return self.verdict == MET


def _deadline_step(series: Series, by: str | int) -> int:
    text = str(by).strip()
    try:
        if series.quarterly:
            year, quarter = text.upper().split("Q")
            if quarter not in ("1", "2", "3", "4"):
                raise ValueError
            return 4 * int(year) + int(quarter) - 1
        return int(text)
    except ValueError:
        shape = "a quarter like 1992Q4" if series.quarterly else "a year like 1996"
        raise InvalidInputError(
            f"the target date for {series.name} must be {shape}, but {by!r} was given."
        ) from None


def _check_level(series: Series, level: object) -> float:
    """Return ``level`` if it is a number a target on ``series`` can have: a share from 0 to 100, a count
    of at least 0; only a balance (dollars, yen) may be negative."""
    if isinstance(level, bool) or not isinstance(level, int | float) or not math.isfinite(level):
        raise InvalidInputError(f"target level must be a number, but {level!r} was given.")
    if series.unit == "percent" and not 0 <= level <= 100:
        raise InvalidInputError(
            f"a target for {series.name} is a share from 0 to 100%, but {level!r} was given."
        )
    if series.unit in ("vehicles", "outlets") and level < 0:
        raise InvalidInputError(
            f"a target for {series.name} is a count of 0 or more, but {level!r} was given."
        )
    return float(level)


@checked
def judge_target(series: Series, target: TargetDefinition) -> TargetVerdict:
    """Return whether ``series`` reached ``target.level`` by ``target.by``, with the reasons.

    Met when any figure up to the date reaches the level; not met when none does
    and there is a figure for the date itself; cannot tell when the figure for the
    date is missing.
    """
    level = _check_level(series, target.level)
    deadline = _deadline_step(series, target.by)
    label = _period_label(deadline, series.quarterly)
    rule = f"Target: {amount(level, series.unit)} by {label}."
    before = [v for v in series.values if v.step <= deadline]
    if not before:
        reasons = (rule, f"The series starts at {series.values[0].period}, after the date.")
        return TargetVerdict(CANNOT_TELL, None, reasons)
    reached = next((v for v in before if v.value >= level), None)
    if reached is not None:
        how = f"First reached in {reached.period}: {amount(reached.value, series.unit)}."
        return TargetVerdict(MET, reached.period, (rule, how))
    latest = before[-1]
    gap = (
        f"{level - latest.value:.3g} percentage points"
        if series.unit == "percent"
        else amount(level - latest.value, series.unit)
    )
    short = f"{amount(latest.value, series.unit)} in {latest.period}, short by {gap}"
    if latest.step == deadline:
        return TargetVerdict(NOT_MET, None, (rule, f"Not met: {short}."))
    return TargetVerdict(
        CANNOT_TELL, None, (rule, f"Cannot tell: no figure for {label}; the last before it was {short}.")
    )


# The longest path growth_plan computes, in periods (100 years, or 25 years of quarters).
MAX_GROWTH_PERIODS = 100


@dataclass(frozen=True)
class GrowthPlan:
    """What reaching a target would take: the growth per period and the path it implies."""

    start: Value
    level: float
    by: str
    periods: int
    percent: float
    path: tuple[tuple[str, float], ...]
    summary: str


@checked
def required_growth(start: float, level: float, periods: int) -> float:
    """Return the compound growth, in percent per period, that takes ``start`` to ``level`` in ``periods``.

    >>> round(required_growth(100, 121, 2), 6)
    10.0
    """
    whole_number("periods", periods, 1)
    for name, number in (("start", start), ("level", level)):
        if isinstance(number, bool) or not isinstance(number, int | float) or not number > 0:
            raise InvalidInputError(f"{name} must be a number above 0, but {number!r} was given.")
    try:
        percent = 100 * ((level / start) ** (1 / periods) - 1)
    except (OverflowError, ZeroDivisionError):
        percent = math.inf
    if not math.isfinite(percent):
        raise InvalidInputError(
            f"start {start!r} and level {level!r} are too far apart: the growth over {periods} period(s) "
            "is too large to compute."
        )
    return percent


@checked
def growth_plan(series: Series, start: str | int, target: TargetDefinition) -> GrowthPlan:
    """Return the growth per period that takes ``series`` from its value at ``start`` to the target.

    The target date may lie at most MAX_GROWTH_PERIODS (100) periods after the start.
    """
    first = series._at(start, "growth_plan", "start")
    deadline = _deadline_step(series, target.by)
    periods = deadline - first.step
    if periods < 1:
        raise InvalidInputError(f"the target date {target.by} must come after the start, {first.period}.")
    if periods > MAX_GROWTH_PERIODS:
        raise InvalidInputError(
            f"the target date {target.by} is {periods} periods after the start; at most "
            f"{MAX_GROWTH_PERIODS} are allowed."
        )
    percent = required_growth(first.value, target.level, periods)
    path = tuple(
        (_period_label(first.step + k, series.quarterly), first.value * (1 + percent / 100) ** k)
        for k in range(periods + 1)
    )
    kind = "quarter" if series.quarterly else "year"
    summary = (
        f"From {amount(first.value, series.unit)} in {first.period} to {amount(target.level, series.unit)} "
        f"by {path[-1][0]} takes {percent:+.1f}% a {kind}, every {kind} for {_count(periods, kind)}."
    )
    return GrowthPlan(first, target.level, path[-1][0], periods, percent, path, summary)


# ---------------------------------------------------------------- the arguments and the debate

ARGUMENT_COLUMNS = ("id", "side", "holder", "argument", "source", "status")
SIDES = ("for", "against", "between")
# How a table names each side: "between" is a compromise, neither for nor against numerical targets.
SIDE_LABELS = {"for": "FOR", "against": "AGAINST", "between": "COMPROMISE"}
MAX_WEIGHT = 5


@dataclass(frozen=True)
class Argument:
    """One argument for or against numerical targets: who holds it, in the kit's words, and its source."""

    id: str
    side: str
    holder: str
    text: str
    source: str
    status: str


@dataclass(frozen=True)
class Role:
    """A role for the classroom debate: who, position, interests, arguments, sourced facts, a question."""

    role: str
    who: str
    position: str
    interests: str
    arguments: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    press: str


@dataclass(frozen=True)
class Position:
    """The position a student's weights imply: a score from -1 (against targets) to +1 (for), and why.

    Weight on a compromise argument counts in the total but for neither side, so it pulls the score
    towards 0.
    """

    score: float
    lean: str
    weight_for: int
    weight_against: int
    heaviest: tuple[str, ...]
    summary: str
    weight_between: int = 0


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


@checked
def read_arguments(path: str | Path) -> tuple[Argument, ...]:
    """Return the arguments in the CSV file at ``path``, validated: a side, a holder and a source each."""
    return _read_file("read_arguments", path, _arguments)


def _arguments(path: Path) -> tuple[Argument, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != ARGUMENT_COLUMNS:
            raise DataFormatError(f"{path.name}: the header must be {','.join(ARGUMENT_COLUMNS)}.")
        seen: set[str] = set()
        return tuple(_argument(path, row, record, seen) for row, record in enumerate(reader, start=2))


@functools.cache
def arguments() -> tuple[Argument, ...]:
    """Return the map of arguments for and against numerical targets, each with its holder and source."""
    with resources.as_file(resources.files("kit.data") / "targets_arguments.csv") as path:
        return _arguments(path)


@functools.cache
def roles() -> tuple[Role, ...]:
    """Return the roles for the classroom debate, each checked against the map of arguments."""
    known = {a.id for a in arguments()}
    with resources.as_file(resources.files("kit.data") / "targets_roles.json") as path:
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


def _check_weights(weights: Mapping[str, int]) -> dict[str, int]:
    known = {a.id for a in arguments()}
    if not isinstance(weights, Mapping):
        raise InvalidInputError(
            f"weights must map argument ids to numbers, but a {type(weights).__name__} was given."
        )
    unknown = sorted(set(weights) - known)
    if unknown:
        raise InvalidInputError(f"unknown argument ids {unknown}; the ids are {', '.join(sorted(known))}.")
    return {key: whole_number(f"the weight of {key}", value, 0, MAX_WEIGHT) for key, value in weights.items()}


def _lean(score: float) -> str:
    if score >= 0.25:
        return "for numerical targets"
    if score <= -0.25:
        return "against numerical targets, the position Japan's government stated"
    return (
        "between the two: close to the compromise the article reports, objective criteria without "
        "numerical targets"
    )


@checked
def weigh(weights: Mapping[str, int]) -> Position:
    """Return the position implied by weights from 0 to 5 on the arguments (missing ids weigh 0).

    >>> weigh({"empty": 4, "vie": 2}).score
    0.333
    """
    weights = _check_weights(weights)
    by_id = {a.id: a for a in arguments()}
    sides = {side: sum(w for key, w in weights.items() if by_id[key].side == side) for side in SIDES}
    total = sum(sides.values())
    if total == 0:
        return Position(0.0, "undecided", 0, 0, (), "You have not weighed any argument yet.")
    score = round((sides["for"] - sides["against"]) / total, 3)
    top = max(weights.values())
    heaviest = tuple(key for key in sorted(weights) if weights[key] == top)
    names = "; ".join(by_id[key].holder for key in heaviest[:3])
    if len(heaviest) > 3:
        names += f"; and {len(heaviest) - 3} more"
    summary = (
        f"Your weights give {sides['for']} to arguments for numerical targets, {sides['against']} against "
        f"and {sides['between']} to the compromise: a score of {score:+.2f} on a scale from -1 (against) "
        f"to +1 (for). You lean {_lean(score)}. The arguments you weigh most are held by: {names}."
    )
    return Position(score, _lean(score), sides["for"], sides["against"], heaviest, summary, sides["between"])
