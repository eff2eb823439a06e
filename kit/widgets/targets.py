"""Widgets for the numerical-targets debate: the measurement lab, results-oriented goal against target.

``lab_view`` is the pure core: for a series and a stated definition it returns
both verdicts with their reasons. ``measurement_lab`` wires sliders and menus to
it and draws the lab chart by blitting.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kit import charts
from kit.charts.targets import MAX_PERIODS_AHEAD
from kit.errors import KitError, checked, invalid
from kit.store import WorkFile
from kit.targets import (
    MAX_WEIGHT,
    Argument,
    ArticleFigure,
    Event,
    GrowthPlan,
    IncreaseDefinition,
    IncreaseVerdict,
    Position,
    Role,
    Series,
    TargetDefinition,
    TargetVerdict,
    Value,
    amount,
    arguments,
    growth_plan,
    judge_increase,
    judge_target,
    load_dataset,
    weigh,
)
from kit.widgets.base import ChartImage, friendly, panel


@dataclass(frozen=True)
class LabSeries:
    """A series the lab offers, with the definition and target it starts from and its chart's range."""

    dataset: str
    series: str
    definition: IncreaseDefinition
    target: TargetDefinition
    ylim: tuple[float, float]
    level_step: float


LAB_SERIES = {
    "Foreign share of Japan's chip market, U.S. count (quarterly)": LabSeries(
        "semiconductor_share",
        "us_count_quarterly",
        IncreaseDefinition("1994Q2", 1.0, 2, 4),
        TargetDefinition(20.0, "1992Q4"),
        (0, 40),
        0.5,
    ),
    "Imported vehicles in Japan, all imports (yearly)": LabSeries(
        "imported_vehicles",
        "all_imported_vehicles",
        IncreaseDefinition(1994, 10.0, 2, 1),
        TargetDefinition(400000.0, 1996),
        (0, 500000),
        10000,
    ),
    "U.S. exports to Japan, Census as recalled (UNVERIFIED, yearly)": LabSeries(
        "us_goods_trade",
        "exports_census_memory",
        IncreaseDefinition(1993, 5.0, 2, 2),
        TargetDefinition(60.0, 1995),
        (0, 80),
        1,
    ),
}
SERIES_TIP = "Which sourced series to test a numerical target and a results-oriented goal on."
_MARK = {"met": "\u2714 MET", "not met": "\u2718 NOT MET", "cannot tell": "? CANNOT TELL"}


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


@checked
def lab_series(choice: str) -> Series:
    """Return the series behind the lab's menu entry ``choice``."""
    return _lab_series(choice, "lab_series")


def _lab_series(choice: str, where: str) -> Series:
    if choice not in LAB_SERIES:
        raise invalid(where, "choice", choice, f"one of the lab's series: {'; '.join(LAB_SERIES)}")
    entry = LAB_SERIES[choice]
    return load_dataset(entry.dataset)[entry.series]


@checked
def lab_view(choice: str, definition: IncreaseDefinition, target: TargetDefinition) -> LabView:
    """Return both verdicts on series ``choice``: results-oriented ``definition`` and numerical ``target``."""
    series = _lab_series(choice, "lab_view")
    increase, reached = judge_increase(series, definition), judge_target(series, target)
    summary = (
        f"Results-oriented goal: {increase.verdict}. Numerical target: {reached.verdict}. "
        f"{increase.reasons[-1]} {reached.reasons[-1]}"
    )
    return LabView(choice, series, definition, increase, target, reached, summary)


def _column(title: str, verdict: str, reasons: tuple[str, ...]) -> str:
    items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
    return (
        f'<div style="flex:1;min-width:18em"><b>{html.escape(title)}: {_MARK[verdict]}</b>'
        f'<ul style="margin:.2em 0;padding-left:1.2em;font-size:.9em">{items}</ul></div>'
    )


@checked
def lab_html(view: LabView) -> str:
    """Return the lab's two verdicts side by side as HTML, with a warning for unverified data."""
    warning = ""
    if any(not v.verified for v in view.series.values):
        warning = (
            "<p><b>Unverified data:</b> these values are recalled, not checked against a source "
            "(hollow markers). Use them to practise the method, not to settle the facts.</p>"
        )
    return (
        f'<p class="kit-lab-summary">{html.escape(view.summary)}</p>{warning}'
        '<div style="display:flex;gap:1.5em;flex-wrap:wrap">'
        f"{_column('Results-oriented goal', view.increase.verdict, view.increase.reasons)}"
        f"{_column('Numerical target', view.reached.verdict, view.reached.reasons)}</div>"
    )


def _controls(entry: LabSeries, series: Series) -> dict[str, widgets.Widget]:
    style = {"description_width": "18em"}
    wide = widgets.Layout(width="44em")
    periods = list(series.periods)
    return {
        "baseline": widgets.Dropdown(
            options=periods,
            value=str(entry.definition.baseline),
            description="Baseline:",
            style=style,
            tooltip="The period that growth is measured from.",
        ),
        "growth": widgets.FloatSlider(
            value=entry.definition.min_growth,
            min=0,
            max=40,
            step=0.5,
            description="Minimum growth per period (%):",
            tooltip="The smallest rise per period that counts as progress on a results-oriented goal.",
            continuous_update=False,
            style=style,
            layout=wide,
        ),
        "periods": widgets.IntSlider(
            value=entry.definition.periods,
            min=1,
            max=6,
            description="Periods in a row:",
            tooltip="How many periods in a row the rise must last.",
            continuous_update=False,
            style=style,
            layout=wide,
        ),
        "within": widgets.IntSlider(
            value=entry.definition.within,
            min=1,
            max=8,
            description="Must start within (periods):",
            tooltip="How soon after the baseline the run of rises must begin.",
            continuous_update=False,
            style=style,
            layout=wide,
        ),
        "level": widgets.FloatSlider(
            value=entry.target.level,
            min=0,
            max=entry.ylim[1],
            step=entry.level_step,
            description="Target level:",
            tooltip="The numerical target: the level the series must reach by the target date.",
            continuous_update=False,
            style=style,
            layout=wide,
        ),
        "by": widgets.Dropdown(
            options=periods,
            value=str(entry.target.by),
            description="Target date:",
            style=style,
            tooltip="The period by which the numerical target must be reached.",
        ),
    }


def _reset(controls: dict[str, widgets.Widget], entry: LabSeries, series: Series) -> None:
    """Set every control to the new series' periods, range and starting definition."""
    periods = list(series.periods)
    controls["baseline"].options, controls["by"].options = periods, periods
    controls["baseline"].value, controls["by"].value = str(entry.definition.baseline), str(entry.target.by)
    level = controls["level"]
    level.max, level.step = entry.ylim[1], entry.level_step
    level.value = entry.target.level
    controls["growth"].value = entry.definition.min_growth
    controls["periods"].value, controls["within"].value = entry.definition.periods, entry.definition.within


class _PausableChart(ChartImage):
    """A ChartImage that keeps one figure per series, and can pause while several controls change.

    Switching back to a series reuses its figure, whose frame is already
    rendered, so only the first visit to a series pays for drawing a frame.
    """

    def __init__(self, size: tuple[float, float], margins: dict[str, float]):
        super().__init__(size, margins)
        self.paused, self.last = False, ""
        self._size, self._margins = size, margins
        self._kept: dict[str, tuple] = {}
        self._key: str | None = None

    def use(self, key: str) -> None:
        """Draw from now on in the figure kept for ``key``, made on its first use."""
        if key == self._key:
            return
        if self._key is not None:
            self._kept[self._key] = (self.figure, self.canvas, self.ax, self._frame, self._background)
            if key not in self._kept:
                self.figure = Figure(figsize=self._size, dpi=100)
                self.figure.subplots_adjust(**self._margins)
                self.canvas = FigureCanvasAgg(self.figure)
                self.ax, self._frame, self._background = self.figure.add_subplot(), None, None
        if key in self._kept:
            self.figure, self.canvas, self.ax, self._frame, self._background = self._kept.pop(key)
        self._key = key

    def draw(self, render: Callable[[Axes], str]) -> str:
        """Draw as ChartImage does, unless paused: then keep the last drawing and summary."""
        if not self.paused:
            self.last = super().draw(render)
        return self.last


@checked
def measurement_lab(choice: str = next(iter(LAB_SERIES))) -> widgets.VBox:
    """Return the measurement lab: change the definition or the target and watch both verdicts."""
    picker = widgets.Dropdown(
        options=list(LAB_SERIES),
        value=choice,
        description="Series:",
        tooltip=SERIES_TIP,
        layout=widgets.Layout(width="40em"),
    )
    controls = _controls(LAB_SERIES[choice], lab_series(choice))
    chart = _PausableChart((8, 3.6), {"left": 0.09, "right": 0.98, "bottom": 0.12, "top": 0.9})

    chart.use(choice)

    def switch(_change: object) -> None:
        chart.paused = True  # the picker's own observer, registered after this one, draws once
        chart.use(picker.value)
        try:
            _reset(controls, LAB_SERIES[picker.value], lab_series(picker.value))
        finally:
            chart.paused = False

    picker.observe(switch, names="value")

    def render(ax: Axes) -> str:
        c = controls
        definition = IncreaseDefinition(
            c["baseline"].value, c["growth"].value, c["periods"].value, c["within"].value
        )
        view = lab_view(picker.value, definition, TargetDefinition(c["level"].value, c["by"].value))
        charts.measurement_lab(
            view.series,
            view.increase,
            view.target,
            view.reached,
            LAB_SERIES[view.choice].ylim,
            ax,
            view.choice,
        )
        return lab_html(view)

    return friendly(panel([picker, *controls.values()], render, chart), "measurement lab")


# ---------------------------------------------------------------- what a target would take

# Where the growth widget starts for each series: the start period, the target level, periods to reach it.
GROWTH_DEFAULTS = {
    "Foreign share of Japan's chip market, U.S. count (quarterly)": ("1993Q3", 25.0, 5),
    "Imported vehicles in Japan, all imports (yearly)": ("1995", 480000.0, 3),
    "U.S. exports to Japan, Census as recalled (UNVERIFIED, yearly)": ("1993", 70.0, 4),
}


@dataclass(frozen=True)
class GrowthView:
    """What the target-growth widget shows: the growth a target needs, and whether it happened."""

    choice: str
    series: Series
    plan: GrowthPlan
    reached: TargetVerdict
    summary: str


@checked
def growth_view(choice: str, start: str, level: float, periods: int) -> GrowthView:
    """Return the steady growth that takes series ``choice`` from ``start`` to ``level`` in ``periods``."""
    series = _lab_series(choice, "growth_view")
    series._at(start, "growth_view", "start")
    if periods < 1:
        raise invalid("growth_view", "periods", periods, "a whole number of at least 1")
    target = TargetDefinition(level, series.period_after(start, periods))
    plan, reached = growth_plan(series, start, target), judge_target(series, target)
    return GrowthView(choice, series, plan, reached, f"{plan.summary} What happened: {reached.reasons[-1]}")


@checked
def target_growth(choice: str = next(iter(LAB_SERIES))) -> widgets.VBox:
    """Return a widget: set a target and a date, and see the compound growth it needs against history."""
    style, wide = {"description_width": "12em"}, widgets.Layout(width="40em")
    picker = widgets.Dropdown(
        options=list(LAB_SERIES), value=choice, description="Series:", tooltip=SERIES_TIP, layout=wide
    )
    first, level, periods = GROWTH_DEFAULTS[choice]
    entry = LAB_SERIES[choice]
    start = widgets.Dropdown(
        options=list(lab_series(choice).periods),
        value=first,
        description="Start:",
        style=style,
        tooltip="The period the growth starts from.",
    )
    target = widgets.FloatSlider(
        value=level,
        min=entry.level_step,
        max=entry.ylim[1],
        step=entry.level_step,
        description="Target level:",
        tooltip="The level to reach.",
        continuous_update=False,
        style=style,
        layout=wide,
    )
    count = widgets.IntSlider(
        value=periods,
        min=1,
        max=MAX_PERIODS_AHEAD["quarter" if lab_series(choice).quarterly else "year"],
        description="Periods to reach it:",
        tooltip="How many periods the series has to reach the target level.",
        continuous_update=False,
        style=style,
        layout=wide,
    )
    chart = _PausableChart((8, 3.6), {"left": 0.09, "right": 0.98, "bottom": 0.12, "top": 0.9})

    chart.use(choice)

    def switch(_change: object) -> None:
        chart.paused = True
        chart.use(picker.value)
        try:
            first, level, periods = GROWTH_DEFAULTS[picker.value]
            entry = LAB_SERIES[picker.value]
            start.options, start.value = list(lab_series(picker.value).periods), first
            target.max, target.min, target.step = (
                max(entry.ylim[1], target.min),
                entry.level_step,
                entry.level_step,
            )
            target.max, target.value = entry.ylim[1], level
            count.max = MAX_PERIODS_AHEAD["quarter" if lab_series(picker.value).quarterly else "year"]
            count.value = periods
        finally:
            chart.paused = False

    picker.observe(switch, names="value")

    def render(ax: Axes) -> str:
        view = growth_view(picker.value, start.value, target.value, count.value)
        charts.growth_path(view.series, view.plan, LAB_SERIES[view.choice].ylim, ax, view.choice)
        return f'<p class="kit-growth-summary">{html.escape(view.summary)}</p>'

    return friendly(panel([picker, start, target, count], render, chart), "target growth explorer")


# ---------------------------------------------------------------- tables the notebook shows

_CELL = "text-align:left;vertical-align:top;padding:.2em .5em"
_URL = re.compile(r"https?://[^\s;,]+")
_WARN = "\u26a0 "  # a warning sign before UNVERIFIED, so the status is not told by colour alone


def _site(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.") or url


def _source_cell(source: str) -> str:
    """Return a source as HTML: its text, each address as a short link, one source per line."""
    pieces, last = [], 0
    for match in _URL.finditer(source):
        url = match.group().rstrip(").")
        pieces += [
            html.escape(source[last : match.start()]),
            f'<a href="{html.escape(url)}" target="_blank">{html.escape(_site(url))}</a>',
        ]
        last = match.start() + len(url)
    pieces.append(html.escape(source[last:]))
    return "<small>" + "".join(pieces).replace("; ", "<br>") + "</small>"


def _no_math(content: str) -> str:
    """Return ``content`` in a block MathJax skips: JupyterLab typesets text between two dollar signs."""
    return f'<div class="mathjax_ignore tex2jax_ignore">{content}</div>'


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return an HTML table of cells already in HTML, styled inline so no notebook theme overrides it."""
    header = "".join(f'<th style="{_CELL}">{html.escape(h)}</th>' for h in head)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in row) + "</tr>" for row in rows
    )
    return _no_math(f'<table class="kit-table"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>')


@checked
def values_html(values: Sequence[Value]) -> str:
    """Return sourced values as an HTML table: period, value, status, source and note, one row each."""
    rows = [
        [
            v.period,
            html.escape(amount(v.value, v.unit)),
            f"{'' if v.verified else _WARN}{html.escape(v.status)}",
            _source_cell(v.source),
            f"<small>{html.escape(v.note)}</small>",
        ]
        for v in values
    ]
    return _table(["period", "value", "status", "source", "note"], rows)


@checked
def figures_html(figures: Sequence[ArticleFigure]) -> str:
    """Return the article's figures beside the sourced values they match, as an HTML table."""
    rows = [
        [
            f"\u00b6{f.paragraph}: \u201c{html.escape(f.quote)}\u201d",
            html.escape(f.reading),
            html.escape(amount(f.value.value, f.value.unit)),
            html.escape(f.value.status),
            _source_cell(f.value.source),
        ]
        for f in figures
    ]
    return _table(["the article says", "it matches", "value", "status", "source"], rows)


@checked
def timeline_html(events: Sequence[Event]) -> str:
    """Return dated events as an HTML table: date, what happened, status and source."""
    rows = [
        [
            f"<span style='white-space:nowrap'>{e.date:%-d %b %Y}</span>",
            f"<b>{html.escape(e.label)}</b>. {html.escape(e.text)}",
            html.escape(e.status),
            _source_cell(e.source),
        ]
        for e in events
    ]
    return _table(["date", "what happened", "status", "source"], rows)


# ---------------------------------------------------------------- the arguments: weights and role briefs

WEIGHTS_KEY = "arguments.weights"


@checked
def arguments_html(items: Sequence[Argument]) -> str:
    """Return the map of arguments as an HTML table: side, holder, the argument and its source."""
    rows = [
        [
            f"<code>{html.escape(a.id)}</code>",
            f"<b>{'FOR' if a.side == 'for' else 'AGAINST'}</b>",
            html.escape(a.holder),
            html.escape(a.text),
            _source_cell(a.source),
        ]
        for a in items
    ]
    return _table(["id", "targets?", "who holds it", "argument", "source"], rows)


@checked
def position_html(position: Position) -> str:
    """Return the position a student's weights imply, as a short HTML paragraph."""
    return f'<p class="kit-position">{html.escape(position.summary)}</p>'


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
            description=f"{'FOR' if a.side == 'for' else 'AGAINST'} \u00b7 {a.id}",
            tooltip=a.text,
            continuous_update=False,
            style={"description_width": "12em"},
            layout=widgets.Layout(width="36em"),
        )
        for a in arguments()
    }
    summary, out = widgets.HTML(), widgets.Output()

    def refresh(_change: object = None) -> None:
        with out:
            out.clear_output()
            try:
                weights = {key: slider.value for key, slider in sliders.items()}
                position = weigh(weights)
                if _change is not None:  # saved before it is shown
                    work.set(WEIGHTS_KEY, weights)
                summary.value = position_html(position)
            except KitError as error:
                print(error)

    for slider in sliders.values():
        slider.observe(refresh, names="value")
    refresh()
    return friendly(widgets.VBox([*sliders.values(), summary, out]), "argument weigher")


@checked
def role_briefs_html(items: Sequence[Role], arguments_by_id: dict[str, Argument] | None = None) -> str:
    """Return printable briefs for the debate's roles, one per printed page."""
    by_id = arguments_by_id or {a.id: a for a in arguments()}
    briefs = []
    for role in items:
        uses = "".join(
            f"<li>{html.escape(by_id[key].text)} <small>({html.escape(by_id[key].holder)})</small></li>"
            for key in role.arguments
        )
        facts = "".join(
            f"<li>{html.escape(fact)} <small>Source: {html.escape(source)}.</small></li>"
            for fact, source in role.facts
        )
        briefs.append(
            f'<section class="kit-brief" style="border:1px solid #999;padding:.6em 1em;margin:.8em 0;'
            f'max-width:46em"><h3 style="margin-top:0">Role: {html.escape(role.role)}</h3>'
            f"<p><em>{html.escape(role.who)}</em></p>"
            f"<p><b>Your position.</b> {html.escape(role.position)}</p>"
            f"<p><b>What you care about.</b> {html.escape(role.interests)}</p>"
            f"<p><b>Arguments to use.</b></p><ul>{uses}</ul><p><b>Facts to cite.</b></p><ul>{facts}</ul>"
            f"<p><b>Press the others on this.</b> {html.escape(role.press)}</p></section>"
        )
    style = "<style>@media print{.kit-brief{page-break-after:always;border:none}}</style>"
    return style + _no_math("".join(briefs))
