"""The numerical-targets debate's data: sourced values, series, datasets, events and arguments.

Every value carries its unit, its source (the publication or document that
reports it) and a verification status; ``kit.targets.load`` reads and validates
the files in ``kit/data`` into these frozen records. Nothing here computes a verdict.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from types import MappingProxyType

from kit.errors import invalid, whole_number

DATASETS = (
    "us_goods_trade",
    "japan_current_account",
    "semiconductor_share",
    "imported_vehicles",
    "dealer_outlets",
)
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
SIDES = ("for", "against", "between")
# How a table names each side: "between" is a compromise, neither for nor against numerical targets.
SIDE_LABELS = {"for": "FOR", "against": "AGAINST", "between": "COMPROMISE"}


def period_label(step: int, quarterly: bool) -> str:
    """Return the label of the period counted as ``step`` (see ``Value.step``): ``1993`` or ``1993Q4``."""
    return f"{step // 4}Q{step % 4 + 1}" if quarterly else f"{step}"


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

    def period_after(self, period: str | int, count: int) -> str:
        """Return the label of the period ``count`` periods after ``period`` (which must be in the series)."""
        whole_number("count", count, 0)
        return period_label(self.at(period).step + count, self.quarterly)

    def at(self, period: str | int, *, name: str = "period", allowed: str = "a period") -> Value:
        """Return the value for ``period`` (``1993`` or ``"1993Q4"``), or raise InvalidInputError.

        The error calls ``period`` by ``name`` (the caller's parameter), which must be ``allowed``.
        """
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
            raise invalid("name", name, f"a series of {self.name}: {', '.join(sorted(self.series))}")
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
