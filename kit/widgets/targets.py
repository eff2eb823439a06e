"""Widgets for the numerical-targets debate: the measurement lab, results-oriented goal against target.

``lab_view`` is the pure core: for a series and a stated definition it returns
both verdicts with their reasons. ``measurement_lab`` wires sliders and menus to
it and draws the lab chart by blitting.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
from matplotlib.axes import Axes

from kit.charts.targets import MAX_PERIODS_AHEAD, growth_path
from kit.charts.targets import measurement_lab as lab_chart
from kit.datafiles import Record, bundled, entries, read_json
from kit.display.targets import lab_html, plan_html, position_html
from kit.errors import KitError, checked, invalid, whole_number
from kit.store import WorkFile
from kit.targets import (
    DATASETS,
    MAX_GROWTH_PERIODS,
    MAX_WEIGHT,
    SIDE_LABELS,
    GrowthPlan,
    IncreaseDefinition,
    IncreaseVerdict,
    Series,
    TargetDefinition,
    TargetVerdict,
    arguments,
    growth_plan,
    judge_increase,
    judge_target,
    load_dataset,
    weigh,
)
from kit.widgets.base import ChartImage, friendly, panel, say


@dataclass(frozen=True)
class LabSeries:
    """A series the lab offers, with the definition and target it starts from and its chart's range.

    ``scale`` is the chart axis's unit in the series' unit (1000 for an axis in thousands of vehicles):
    the target-level slider shows its value in the axis's unit, so the two read alike. ``growth`` is
    where the target-growth widget starts: the period, the target level and the periods to reach it.
    """

    dataset: str
    series: str
    definition: IncreaseDefinition
    target: TargetDefinition
    ylim: tuple[float, float]
    level_step: float
    scale: float
    level_label: str
    readout: str
    growth: tuple[str, float, int]


def _period(entry: Record, field: str) -> str | int:
    """Return ``field``: a year (a JSON number) or a quarter (text such as "1994Q2")."""
    return entry.whole(field) if isinstance(entry.get(field), int) else entry.text(field)


def _lab_series(entry: Record) -> LabSeries:
    within = entry.whole("within", 1)
    definition = IncreaseDefinition(
        _period(entry, "baseline"), entry.number("min_growth"), entry.whole("periods", 1), within
    )
    return LabSeries(
        entry.choice("dataset", DATASETS),
        entry.text("series"),
        definition,
        TargetDefinition(entry.number("target_level"), _period(entry, "target_by")),
        entry.pair("ylim"),
        entry.number("level_step"),
        entry.number("scale"),
        entry.text("level_label"),
        entry.choice("readout", (".0f", ".1f")),
        (entry.text("growth_start"), entry.number("growth_level"), entry.whole("growth_periods", 1)),
    )


def _read_lab_series() -> dict[str, LabSeries]:
    """Return the lab's series by menu entry, from the kit's ``targets_lab.json``."""
    source = bundled("targets_lab.json")
    found = entries(source, read_json(source).get("series"), "series")
    return {entry.text("label"): _lab_series(entry) for entry in found}


LAB_SERIES = _read_lab_series()
SERIES_TIP = "Which sourced series to test a numerical target and a results-oriented goal on."


@dataclass(frozen=True)
class LabView:
    """What the measurement lab shows: the series, both commitments and both verdicts."""

    choice: str
    series: Series
    definition: IncreaseDefinition
    increase: IncreaseVerdict
    target: TargetDefinition
    reached: TargetVerdict
    summary: str


def lab_series(choice: str) -> Series:
    """Return the series behind the lab's menu entry ``choice``."""
    if choice not in LAB_SERIES:
        raise invalid("choice", choice, f"one of the lab's series: {'; '.join(LAB_SERIES)}")
    entry = LAB_SERIES[choice]
    return load_dataset(entry.dataset)[entry.series]


def lab_view(choice: str, definition: IncreaseDefinition, target: TargetDefinition) -> LabView:
    """Return both verdicts on series ``choice``: results-oriented ``definition`` and numerical ``target``."""
    series = lab_series(choice)
    increase, reached = judge_increase(series, definition), judge_target(series, target)
    summary = (
        f"Results-oriented goal: {increase.verdict}. {increase.rule} {increase.reasons[-1]} "
        f"Numerical target: {reached.verdict}. {reached.rule} {reached.reasons[-1]}"
    )
    return LabView(choice, series, definition, increase, target, reached, summary)


_STYLE = {"description_width": "18em"}
# Layouts as dicts: each widget gets its own Layout, so closing one widget never closes another's.
_WIDE = {"width": "44em"}
LAB_SIZE, LAB_MARGINS = (8.0, 3.6), {"left": 0.09, "right": 0.98, "bottom": 0.12, "top": 0.9}
# Wide enough for the description and the whole value ("1994Q2", not "199").
_MENU = {"width": "28em"}


# The sliders of a stated definition: widget kind, range, label, tooltip and any other settings.
_DEFINITION_SLIDERS: dict[str, tuple[type, float, float, str, str, dict[str, float]]] = {
    "growth": (
        widgets.FloatSlider,
        0,
        40,
        "Minimum growth per period (%):",
        "The smallest rise per period that counts as progress on a results-oriented goal.",
        {"step": 0.5},
    ),
    "periods": (
        widgets.IntSlider,
        1,
        6,
        "Periods in a row:",
        "How many periods in a row the rise must last.",
        {},
    ),
    "within": (
        widgets.IntSlider,
        1,
        8,
        "Must start within (periods):",
        "How soon after the baseline the run of rises must begin.",
        {},
    ),
}
_SLIDER = {"continuous_update": False, "style": _STYLE, "layout": _WIDE}
LEVEL_TIP = "The numerical target: the level the series must reach by the target date, in the axis's unit."


def _slider(
    kind: type, value: float, low: float, high: float, label: str, tip: str, **extra
) -> widgets.Widget:
    return kind(value=value, min=low, max=high, description=label, tooltip=tip, **_SLIDER, **extra)


def _menu(periods: list[str], value: str, label: str, tip: str) -> widgets.Dropdown:
    return widgets.Dropdown(
        options=periods, value=value, description=label, style=_STYLE, layout=_MENU, tooltip=tip
    )


def _set_level(slider: widgets.FloatSlider, entry: LabSeries, level: float, least: float = 0.0) -> None:
    """Set the target slider to ``entry``'s range and unit (the chart axis's), at ``level``.

    ``least`` is the lowest level in steps of the slider: 0 allows a level of 0, 1 one step above it.
    """
    scale = entry.scale
    slider.max = max(slider.max, entry.ylim[1] / scale)
    slider.min, slider.step = least * entry.level_step / scale, entry.level_step / scale
    slider.readout_format, slider.description = entry.readout, entry.level_label
    slider.value, slider.max = level / scale, entry.ylim[1] / scale


def _level_slider(entry: LabSeries, level: float, tip: str, least: float = 0.0) -> widgets.FloatSlider:
    """Return the target-level slider, set for ``entry`` at ``level``."""
    slider = _slider(widgets.FloatSlider, 0.0, 0.0, 1e9, "Target level:", tip)
    _set_level(slider, entry, level, least)
    return slider


def _controls(entry: LabSeries, series: Series) -> dict[str, widgets.Widget]:
    periods, d = list(series.periods), entry.definition
    values = {"growth": d.min_growth, "periods": d.periods, "within": d.within}
    sliders = {
        key: _slider(kind, values[key], low, high, label, tip, **extra)
        for key, (kind, low, high, label, tip, extra) in _DEFINITION_SLIDERS.items()
    }
    return {
        "baseline": _menu(periods, str(d.baseline), "Baseline:", "The period that growth is measured from."),
        **sliders,
        "level": _level_slider(entry, entry.target.level, LEVEL_TIP),
        "by": _menu(
            periods, str(entry.target.by), "Target date:", "The period by which the target must be reached."
        ),
    }


def _reset(controls: dict[str, widgets.Widget], entry: LabSeries, series: Series) -> None:
    """Set every control to the new series' periods, range and starting definition."""
    periods = list(series.periods)
    controls["baseline"].options, controls["by"].options = periods, periods
    controls["baseline"].value, controls["by"].value = str(entry.definition.baseline), str(entry.target.by)
    _set_level(controls["level"], entry, entry.target.level)
    controls["growth"].value = entry.definition.min_growth
    controls["periods"].value, controls["within"].value = entry.definition.periods, entry.definition.within


@checked
def measurement_lab(choice: str = next(iter(LAB_SERIES))) -> widgets.VBox:
    """Return the measurement lab: change the definition or the target and watch both verdicts."""
    picker = widgets.Dropdown(
        options=list(LAB_SERIES),
        value=choice,
        description="Series:",
        tooltip=SERIES_TIP,
        layout=_WIDE,
    )
    controls = _controls(LAB_SERIES[choice], lab_series(choice))
    chart = ChartImage(LAB_SIZE, LAB_MARGINS, keyed_by=lambda: picker.value)

    def switch(_change: object) -> None:
        with chart.pause():  # the picker's own observer, registered after this one, draws once
            _reset(controls, LAB_SERIES[picker.value], lab_series(picker.value))

    picker.observe(switch, names="value")

    def render(ax: Axes) -> str:
        c = controls
        definition = IncreaseDefinition(
            c["baseline"].value, c["growth"].value, c["periods"].value, c["within"].value
        )
        scale = LAB_SERIES[picker.value].scale
        target = TargetDefinition(c["level"].value * scale, c["by"].value)
        view = lab_view(picker.value, definition, target)
        lab_chart(
            view.series,
            view.increase,
            view.target,
            view.reached,
            LAB_SERIES[view.choice].ylim,
            ax,
            view.choice,
        )
        return lab_html(view.summary, view.series.values, view.increase, view.reached)

    return friendly(panel([picker, *controls.values()], render, chart), "measurement lab")


# ---------------------------------------------------------------- what a target would take


@dataclass(frozen=True)
class GrowthView:
    """What the target-growth widget shows: the growth a target needs, and whether it happened."""

    choice: str
    series: Series
    plan: GrowthPlan
    reached: TargetVerdict
    summary: str


def growth_view(choice: str, start: str, level: float, periods: int) -> GrowthView:
    """Return the steady growth that takes series ``choice`` from ``start`` to ``level`` in ``periods``.

    ``periods`` runs from 1 to ``kit.targets.MAX_GROWTH_PERIODS`` (100): a longer path is refused
    with a clear error rather than computed.
    """
    series = lab_series(choice)
    series.at(start, name="start")
    whole_number("periods", periods, 1, MAX_GROWTH_PERIODS)
    target = TargetDefinition(level, series.period_after(start, periods))
    plan, reached = growth_plan(series, start, target), judge_target(series, target)
    return GrowthView(choice, series, plan, reached, f"{plan.summary} What happened: {reached.reasons[-1]}")


@checked
def target_growth(choice: str = next(iter(LAB_SERIES))) -> widgets.VBox:
    """Return a widget: set a target and a date, and see the compound growth it needs against history."""
    picker = widgets.Dropdown(
        options=list(LAB_SERIES), value=choice, description="Series:", tooltip=SERIES_TIP, layout=_WIDE
    )
    first, level, periods = LAB_SERIES[choice].growth
    start = _menu(list(lab_series(choice).periods), first, "Start:", "The period the growth starts from.")
    target = _level_slider(LAB_SERIES[choice], level, "The level to reach.", least=1)
    ahead = MAX_PERIODS_AHEAD["quarter" if lab_series(choice).quarterly else "year"]
    count = _slider(
        widgets.IntSlider, periods, 1, ahead, "Periods to reach it:", "How many periods the series has."
    )
    chart = ChartImage(LAB_SIZE, LAB_MARGINS, keyed_by=lambda: picker.value)

    def switch(_change: object) -> None:
        with chart.pause():
            first, level, periods = LAB_SERIES[picker.value].growth
            start.options, start.value = list(lab_series(picker.value).periods), first
            _set_level(target, LAB_SERIES[picker.value], level, least=1)
            count.max = MAX_PERIODS_AHEAD["quarter" if lab_series(picker.value).quarterly else "year"]
            count.value = periods

    picker.observe(switch, names="value")

    def render(ax: Axes) -> str:
        level = target.value * LAB_SERIES[picker.value].scale
        view = growth_view(picker.value, start.value, level, count.value)
        growth_path(view.series, view.plan, LAB_SERIES[view.choice].ylim, ax, view.choice)
        return plan_html(view.summary, view.series.values)

    return friendly(panel([picker, start, target, count], render, chart), "target growth explorer")


# ---------------------------------------------------------------- the arguments: weights and role briefs

WEIGHTS_KEY = "arguments.weights"


@checked
def argument_weigher(work: WorkFile) -> widgets.VBox:
    """Return a widget: weigh each argument 0-5 (saved to ``work`` at once) and see the position implied."""
    saved = work.get(WEIGHTS_KEY, {})
    saved = saved if isinstance(saved, dict) else {}  # a hand-edited file must not stop the widget
    sliders = {
        a.id: widgets.IntSlider(
            value=min(max(saved[a.id], 0), MAX_WEIGHT) if type(saved.get(a.id)) is int else 0,
            min=0,
            max=MAX_WEIGHT,
            description=f"{SIDE_LABELS[a.side]} \u00b7 {a.id}",
            tooltip=a.text,
            continuous_update=False,
            style={"description_width": "12em"},
            layout=widgets.Layout(width="36em"),
        )
        for a in arguments()
    }
    summary, out = widgets.HTML(), widgets.Output()

    def refresh(_change: object = None) -> None:
        try:
            weights = {key: slider.value for key, slider in sliders.items()}
            position = weigh(weights)
            if _change is not None:  # saved before it is shown
                work.set(WEIGHTS_KEY, weights)
            summary.value = position_html(position)
            say(out, None)
        except KitError as error:
            say(out, str(error))

    for slider in sliders.values():
        slider.observe(refresh, names="value")
    refresh()
    return friendly(widgets.VBox([*sliders.values(), summary, out]), "argument weigher")
