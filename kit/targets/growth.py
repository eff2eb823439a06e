"""What a numerical target would take: the steady growth per period from a start to a target level."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.errors import checked, invalid, whole_number
from kit.targets.data import Series, Value, period_label
from kit.targets.lab import TargetDefinition, amount, deadline_step
from kit.wording import counted

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


def required_growth(start: float, level: float, periods: int) -> float:
    """Return the compound growth, in percent per period, that takes ``start`` to ``level`` in ``periods``.

    >>> round(required_growth(100, 121, 2), 6)
    10.0
    """
    whole_number("periods", periods, 1)
    for name, number in (("start", start), ("level", level)):
        if isinstance(number, bool) or not isinstance(number, int | float) or not number > 0:
            raise invalid(name, number, "a number above 0")
    try:
        percent = 100 * ((level / start) ** (1 / periods) - 1)
    except (OverflowError, ZeroDivisionError):
        percent = math.inf
    if not math.isfinite(percent):
        span = counted(periods, "period")
        reach = f"close enough to start ({start!r}) for the growth over {span} to be computed"
        raise invalid("level", level, reach)
    return percent


@checked
def growth_plan(series: Series, start: str | int, target: TargetDefinition) -> GrowthPlan:
    """Return the growth per period that takes ``series`` from its value at ``start`` to the target.

    The target date may lie at most MAX_GROWTH_PERIODS (100) periods after the start.
    """
    first = series.at(start, name="start")
    deadline = deadline_step(series, target.by)
    periods = deadline - first.step
    if not 1 <= periods <= MAX_GROWTH_PERIODS:
        allowed = f"from 1 to {MAX_GROWTH_PERIODS} periods after the start, {first.period}"
        raise invalid("the target date", target.by, allowed)
    percent = required_growth(first.value, target.level, periods)
    path = tuple(
        (period_label(first.step + k, series.quarterly), first.value * (1 + percent / 100) ** k)
        for k in range(periods + 1)
    )
    kind = "quarter" if series.quarterly else "year"
    summary = (
        f"From {amount(first.value, series.unit)} in {first.period} to {amount(target.level, series.unit)} "
        f"by {path[-1][0]} takes {percent:+.1f}% a {kind}, every {kind} for {counted(periods, kind)}"
    )
    # A share's growth in percent is not its rise in percentage points: give both (lesson 06, part 3).
    points = (
        f" ({target.level - first.value:+.1f} percentage points in all)" if series.unit == "percent" else ""
    )
    summary += f"{points}."
    return GrowthPlan(first, target.level, path[-1][0], periods, percent, path, summary)
