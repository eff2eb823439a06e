"""The measurement lab: does a series show a promised increase, or reach a numerical target by a date?

``judge_increase`` asks whether a series shows "a prompt, substantial and
continuous increase" under a definition a student states; ``judge_target`` asks
whether it reached a numerical target by a date. Each returns a frozen verdict
with its reasons, and never draws.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from kit.errors import checked, invalid, whole_number
from kit.targets.data import Series, Value, period_label
from kit.wording import counted

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


class _Judged:
    """What a verdict tells beyond its word: whether it is met, and the rule it was reached under."""

    verdict: str
    reasons: tuple[str, ...]
    _rule_reason: ClassVar[int]  # which of the reasons states the rule

    @property
    def met(self) -> bool:
        """Return True when the definition or the target is met."""
        return self.verdict == MET

    @property
    def rule(self) -> str:
        """Return the definition or the target the verdict was reached under, in words."""
        return self.reasons[self._rule_reason]


@dataclass(frozen=True)
class IncreaseVerdict(_Judged):
    """The verdict on a series under an IncreaseDefinition: met, not met or cannot tell, with reasons."""

    verdict: str
    baseline: str
    run: tuple[str, ...]
    window: tuple[Growth, ...]
    reasons: tuple[str, ...]
    _rule_reason = 1  # the first reason states the baseline, the second the definition


def _check_definition(series: Series, definition: IncreaseDefinition) -> Value:
    """Return the baseline's value, if every field of ``definition`` is allowed."""
    growth = definition.min_growth
    if isinstance(growth, bool) or not isinstance(growth, int | float) or not 0 <= growth <= 1000:
        raise invalid("minimum growth", growth, "a number of percent from 0 to 1000")
    whole_number("consecutive periods", definition.periods, 1, 40)
    whole_number("periods allowed before the increase starts", definition.within, 1, 40)
    allowed = "an IncreaseDefinition whose baseline is a period"
    return series.at(definition.baseline, name="definition", allowed=allowed)


def _growth(by_step: dict[int, Value], step: int, quarterly: bool) -> Growth:
    now, before = by_step.get(step), by_step.get(step - 1)
    label = period_label(step, quarterly)
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


def _judgement(percent: float, definition: IncreaseDefinition) -> str:
    """Return whether a change of ``percent`` is enough under ``definition``, restating its threshold."""
    least = definition.min_growth
    if percent <= 0:
        return "not enough (no rise)"
    if percent < least:
        return f"not enough (under {least:g}%)"
    return f"enough (at least {least:g}%)" if least > 0 else "enough (a rise)"


def _change(percent: float, points: float | None) -> str:
    """Return a change in words: percent on the period before, and its percentage points for a share."""
    if percent == 0:
        return "unchanged"
    change = f"up {percent:.1f}%" if percent > 0 else f"down {-percent:.1f}%"
    return change + (f" ({points:+.1f} percentage points)" if points is not None else "")


def _describe(growth: Growth, definition: IncreaseDefinition, unit: str) -> str:
    if growth.value is None:
        return f"{growth.period}: no figure."
    if growth.percent is None:
        kind = _kind(growth.period)
        return f"{growth.period}: {amount(growth.value, unit)}, but no figure for the {kind} before."
    before = growth.value / (1 + growth.percent / 100)  # the figure of the period before
    points = growth.value - before if unit == "percent" else None
    change, judged = _change(growth.percent, points), _judgement(growth.percent, definition)
    return f"{growth.period}: {amount(growth.value, unit)}, {change}, {judged}."


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
    reasons = [f"Baseline: {base.period}, {amount(base.value, series.unit)}.", _rule(definition, kind, base)]
    last = max(by_step)
    reasons += [_describe(growths[s], definition, series.unit) for s in steps if s <= last]
    if steps[-1] > last:
        reasons.append(f"The series ends at {series.values[-1].period}.")
    met = [start for start, outcome in outcomes.items() if outcome == MET]
    if met:
        run = tuple(growths[s].period for s in range(met[0], met[0] + definition.periods))
        least = f" at least {definition.min_growth:g}%" if definition.min_growth > 0 else ""
        reasons.append(f"Met: {_span(run)} {'each ' if len(run) > 1 else ''}grew{least}.")
        return IncreaseVerdict(MET, base.period, run, window, tuple(reasons))
    if CANNOT_TELL in outcomes.values():
        gaps = [growths[s].period for s in steps if s <= last and growths[s].value is None]
        hidden = f"the missing figures ({', '.join(gaps)})" if gaps else "the figures after the series ends"
        reasons.append(f"Cannot tell: no run was found, but {hidden} could hide one.")
        return IncreaseVerdict(CANNOT_TELL, base.period, (), window, tuple(reasons))
    enough = f"at least {definition.min_growth:g}%" if definition.min_growth > 0 else "at all"
    reasons.append(f"Not met: no run of {counted(definition.periods, kind)} grew {enough} in time.")
    return IncreaseVerdict(NOT_MET, base.period, (), window, tuple(reasons))


def _rule(definition: IncreaseDefinition, kind: str, base: Value) -> str:
    rise = f"up at least {definition.min_growth:g}% on the {kind} before"
    run = (
        f"one {kind} {rise}"
        if definition.periods == 1
        else (f"{counted(definition.periods, kind)} in a row, each {rise}")
    )
    start = f"starting within {counted(definition.within, kind)} after the baseline, {base.period}"
    return f"Definition: {run}, {start}."


def _span(periods: Sequence[str]) -> str:
    return periods[0] if len(periods) == 1 else f"{periods[0]} to {periods[-1]}"


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
class TargetVerdict(_Judged):
    """The verdict on a numerical target: met, not met or cannot tell, when it was reached, and why."""

    verdict: str
    reached: str | None
    reasons: tuple[str, ...]
    _rule_reason = 0


def deadline_step(series: Series, by: str | int) -> int:
    """Return the target date ``by`` as a step of ``series`` (see ``Value.step``), or refuse it."""
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
        raise invalid(f"the target date for {series.name}", by, shape) from None


def _check_level(series: Series, level: object) -> float:
    """Return ``level`` if it is a number a target on ``series`` can have: a share from 0 to 100, a count
    of at least 0; only a balance (dollars, yen) may be negative."""
    if isinstance(level, bool) or not isinstance(level, int | float) or not math.isfinite(level):
        raise invalid("target level", level, "a number")
    if series.unit == "percent" and not 0 <= level <= 100:
        raise invalid(f"a target for {series.name}", level, "a share from 0 to 100%")
    if series.unit in ("vehicles", "outlets") and level < 0:
        raise invalid(f"a target for {series.name}", level, "a count of 0 or more")
    return float(level)


@checked
def judge_target(series: Series, target: TargetDefinition) -> TargetVerdict:
    """Return whether ``series`` reached ``target.level`` by ``target.by``, with the reasons.

    Met when any figure up to the date reaches the level; not met when none does
    and there is a figure for the date itself; cannot tell when the figure for the
    date is missing.
    """
    level = _check_level(series, target.level)
    deadline = deadline_step(series, target.by)
    label = period_label(deadline, series.quarterly)
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
