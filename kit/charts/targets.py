"""Charts for the measurement lab and the target-growth explorer of lesson 06.

Both draw one sourced series (see ``kit.charts.sourced``) in a frame drawn once
per series and range, and redraw only their data as the student moves a control.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from kit.charts.base import PALETTE, framed_axes, record
from kit.charts.sourced import _draw_series, _note_inside, _points_by_kind, _tidy, said
from kit.errors import checked
from kit.targets import (
    GrowthPlan,
    IncreaseVerdict,
    Series,
    TargetDefinition,
    TargetVerdict,
    deadline_step,
)

# How far past a series' last figure the target-growth chart reaches, and so how late a target can be set.
MAX_PERIODS_AHEAD = {"quarter": 12, "year": 6}
SIZE = (8, 3.6)


def _axis_unit(series: Series) -> tuple[float, str]:
    """Return the axis's scale (thousands for vehicles) and its label."""
    if series.unit == "vehicles":
        return 1 / 1000, "thousands of vehicles"
    return 1.0, series.unit


def _period_length(series: Series) -> float:
    """Return one period of ``series`` in years."""
    return 0.25 if series.quarterly else 1.0


def _series_frame(
    series: Series,
    ylim: tuple[float, float],
    xlim: tuple[float, float],
    line: str,
    keys: Callable[[Axes], None],
    note_at: tuple[float, str],
) -> Callable[[Axes], None]:
    """Return what draws a chart's frame: ``series`` as the line ``line``, axes, legend ``keys``, notes."""
    scale, ylabel = _axis_unit(series)

    def draw(ax: Axes) -> None:
        _draw_series(ax, series, PALETTE["blue"], "o", "-", line, scale)
        _tidy(ax, "", ylabel, xlim)
        ax.set_ylim(ylim[0] * scale, ylim[1] * scale)
        keys(ax)
        _note_inside(ax, series, *note_at)

    return draw


def _lab_keys(ax: Axes) -> None:
    """Draw the lab chart's legend: baseline, window, run, target level and date."""
    keys = [
        ax.plot([], [], "s", markersize=9, markerfacecolor="none", markeredgecolor="black", label="baseline")[
            0
        ],
        ax.fill_between([], [], color=PALETTE["sky"], alpha=0.3, hatch="..", label="window allowed"),
        ax.plot([], [], color=PALETTE["green"], linewidth=4, label="run that met the test")[0],
        ax.plot([], [], color=PALETTE["vermillion"], linestyle="-.", label="target level")[0],
        ax.plot([], [], color=PALETTE["vermillion"], linestyle=":", label="target date")[0],
    ]
    # Lower right, above the status note: the one corner every lab series leaves clear of its data.
    ax.legend(handles=keys, loc="lower right", bbox_to_anchor=(1, 0.08), fontsize=9, frameon=False)


def _lab_frame(series: Series, ylim: tuple[float, float]) -> Callable[[Axes], None]:
    pad = 0.3 if series.quarterly else 0.7
    xlim = (series.values[0].x - pad, series.values[-1].x + pad)
    return _series_frame(series, ylim, xlim, series.name, _lab_keys, (0.99, "right"))


def _increase_marks(ax: Axes, series: Series, increase: IncreaseVerdict) -> list[Artist]:
    """Draw the window the definition allows, the baseline (a square) and the run that met it, if any."""
    scale, _ = _axis_unit(series)
    by_period = {v.period: v for v in series.values}
    base, step = by_period[increase.baseline], _period_length(series)
    end = base.x + step * (len(increase.window) + 0.5)
    band = ax.axvspan(base.x + step / 2, end, color=PALETTE["sky"], alpha=0.18, hatch="..", linewidth=0)
    square: dict[str, Any] = {
        "markersize": 11,
        "markerfacecolor": "none",
        "markeredgecolor": "black",
        "markeredgewidth": 2,
    }
    data: list[Artist] = [
        band,
        *ax.plot([base.x], [base.value * scale], marker="s", linestyle="none", **square),
    ]
    run = [by_period[p] for p in increase.run]
    if run:
        xs, ys = [v.x for v in run], [v.value * scale for v in run]
        data += ax.plot(xs, ys, color=PALETTE["green"], linewidth=4, alpha=0.8)
    # each point of the run filled, half-filled or hollow as in the series
    data += _points_by_kind(ax, run, scale, color=PALETTE["green"], marker="o", markersize=9, alpha=0.8)
    return data


def _target_marks(ax: Axes, series: Series, target: TargetDefinition) -> list[Artist]:
    """Draw the target's level (dash-dot) and its date (dotted, at the end of the period it names)."""
    scale, _ = _axis_unit(series)
    deadline_x = (deadline_step(series, target.by) + 1) * _period_length(series)
    return [
        ax.axhline(target.level * scale, color=PALETTE["vermillion"], linestyle="-.", linewidth=1.6),
        ax.axvline(deadline_x, color=PALETTE["vermillion"], linestyle=":", linewidth=1.6),
    ]


@checked
def measurement_lab(
    series: Series,
    increase: IncreaseVerdict,
    target: TargetDefinition,
    reached: TargetVerdict,
    ylim: tuple[float, float],
    ax: Axes | None = None,
    label: str | None = None,
) -> Axes:
    """Draw a series with a results-oriented verdict (window, run) and a numerical target (level, date)."""
    ax = framed_axes(ax, SIZE, ("measurement_lab", series.name, ylim), _lab_frame(series, ylim))
    data = _increase_marks(ax, series, increase) + _target_marks(ax, series, target)
    ax.set_title(
        f"Results-oriented: {increase.verdict.upper()}  \u00b7  Numerical target: {reached.verdict.upper()}",
        fontsize=11,
    )
    run = "; the thick green line is the run that met it" if increase.run else ""
    return record(
        ax,
        f"{label or series.name}: the shaded band is the window the definition allows after the baseline "
        f"({increase.baseline}, square){run}; "
        f"the dash-dot line is the target of {said(target.level, series.unit)} and the dotted line its "
        f"date, {target.by}. Results-oriented test {increase.verdict}; numerical target {reached.verdict}.",
        data,
    )


def _path_keys(ax: Axes) -> None:
    """Draw the target-growth chart's legend: the steady growth needed and the target."""
    ax.plot(
        [],
        [],
        color=PALETTE["vermillion"],
        linestyle="--",
        marker="D",
        markerfacecolor="white",
        label="the steady growth the target needs",
    )
    ax.plot(
        [], [], color=PALETTE["vermillion"], marker="*", markersize=12, linestyle="none", label="the target"
    )
    ax.legend(loc="lower right", fontsize=9, frameon=False)


def _path_frame(series: Series, ylim: tuple[float, float]) -> Callable[[Axes], None]:
    step = _period_length(series)
    ahead = MAX_PERIODS_AHEAD["quarter" if series.quarterly else "year"]
    xlim = (series.values[0].x - step, series.values[-1].x + (ahead + 1) * step)
    return _series_frame(series, ylim, xlim, "the historical path", _path_keys, (0.01, "left"))


@checked
def growth_path(
    series: Series,
    plan: GrowthPlan,
    ylim: tuple[float, float],
    ax: Axes | None = None,
    label: str | None = None,
) -> Axes:
    """Draw the compound growth a target needs, from its start to its date, against the historical path."""
    ax = framed_axes(ax, SIZE, ("growth_path", series.name, ylim), _path_frame(series, ylim))
    scale, step = _axis_unit(series)[0], _period_length(series)
    xs = [plan.start.x + k * step for k in range(len(plan.path))]
    ys = [value * scale for _, value in plan.path]
    style: dict[str, Any] = {
        "color": PALETTE["vermillion"],
        "linestyle": "--",
        "marker": "D",
        "markersize": 4,
    }
    data: list[Artist] = [
        *ax.plot(xs, ys, markerfacecolor="white", **style),
        *ax.plot([xs[-1]], [plan.level * scale], color=PALETTE["vermillion"], marker="*", markersize=14),
    ]
    kind = "quarter" if series.quarterly else "year"
    ax.set_title(
        f"What the target takes: {plan.percent:+.1f}% a {kind} for {plan.periods} {kind}s", fontsize=11
    )
    return record(
        ax,
        f"{label or series.name}: the dashed line is the steady growth of {plan.percent:+.1f}% a {kind} that "
        f"takes {said(plan.start.value, series.unit)} in {plan.start.period} to "
        f"{said(plan.level, series.unit)} by {plan.by}; the solid line is what happened.",
        data,
    )
