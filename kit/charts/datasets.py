"""Charts of the kit's five sourced datasets for lesson 06: trade, the current account, chips, cars, dealers.

Each chart draws one dataset from ``kit.targets.load_dataset``, one line per
basis or definition, with the talks' events as dotted lines (see ``kit.charts.sourced``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer

from kit.charts.base import PALETTE, new_axes, record
from kit.charts.sourced import (
    _draw_series,
    _mark_events,
    _note_status,
    _require,
    _tidy,
    _value_kind,
    said,
)
from kit.datafiles import Record, bundled, entries, read_json
from kit.errors import checked
from kit.targets import Dataset, Event, Series, Value, amount

# How a chart draws a series: colour, marker, line style, legend label.
Style = tuple[str, str, str, str]


@dataclass(frozen=True)
class Layout:
    """How a dataset chart is laid out: which series in which style, its titles, ranges and legend."""

    dataset: str
    size: tuple[float, float]
    styles: Mapping[str, Style]
    title: str
    ylabel: str
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    legend: Mapping[str, Any]
    scale: float
    events_on_top: bool


def _style(entry: Record) -> Style:
    colour = PALETTE[entry.choice("colour", PALETTE)]
    return colour, entry.text("marker"), entry.text("line"), entry.text("label")


def _layout(entry: Record) -> Layout:
    legend = entry.get("legend")
    if not isinstance(legend, dict):
        raise entry.fail("legend", "must be an object of matplotlib's legend keywords.")
    series = entries(entry.file, entry.get("series"), "series")
    return Layout(
        entry.text("dataset"),
        entry.pair("size"),
        {style.text("series"): _style(style) for style in series},
        entry.text("title"),
        entry.text("ylabel"),
        entry.pair("xlim"),
        entry.pair("ylim"),
        {key: tuple(value) if isinstance(value, list) else value for key, value in legend.items()},
        entry.number("scale"),
        entry.choice("event_labels", ("top", "foot")) == "top",
    )


@functools.cache
def _layouts() -> dict[str, Layout]:
    """Return each dataset chart's layout by dataset name, read from the kit's ``targets_charts.json``."""
    source = bundled("targets_charts.json")
    charts = entries(source, read_json(source).get("charts"), "chart")
    return {layout.dataset: layout for layout in map(_layout, charts)}


def _draw_layout(dataset: Dataset, name: str, ax: Axes | None) -> tuple[Axes, Layout, list[Series]]:
    """Return new Axes (or ``ax``) with dataset ``name``'s series drawn as its layout says, and both."""
    _require(dataset, name)
    layout = _layouts()[name]
    ax = new_axes(ax, layout.size)
    drawn = [dataset[key] for key in layout.styles]
    for series, (colour, marker, style, label) in zip(drawn, layout.styles.values(), strict=True):
        _draw_series(ax, series, colour, marker, style, label, layout.scale)
    for line in ax.lines:  # a half-filled or hollow marker stays visible over a reported one it meets
        if str(line.get_gid()).endswith((":derived", ":unverified")):
            line.set_zorder(3)
    return ax, layout, drawn


def _finish(ax: Axes, layout: Layout, events: Sequence[Event]) -> None:
    """Mark ``events`` and set the chart's titles, ranges and legend as ``layout`` says."""
    _mark_events(ax, events, top=layout.events_on_top)
    _tidy(ax, layout.title, layout.ylabel, layout.xlim)
    ax.set_ylim(*layout.ylim)
    ax.legend(fontsize=9, frameon=False, **layout.legend)


def _mark_article(ax: Axes, value: Value, y: float, text: str, at: tuple[float, float]) -> None:
    """Star the value the article states, drawn at height ``y``, with ``text`` placed at ``at``."""
    ax.plot([value.x], [y], marker="*", markersize=16, color=PALETTE["vermillion"], ls="none")
    arrow = {"arrowstyle": "->", "color": PALETTE["vermillion"]}
    ax.annotate(text, (value.x, y), xytext=at, fontsize=8, arrowprops=arrow)


@checked
def goods_trade(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw the U.S. goods deficit with Japan by year, one series per basis, marking the article's $59bn."""
    ax, layout, drawn = _draw_layout(dataset, "us_goods_trade", ax)
    reported = dataset["balance_reported"]
    article, revised = reported.at(1993), dataset["balance_revised"].at(1993)
    _mark_article(
        ax,
        article,
        -article.value,
        "the article: \u201c$59 billion\u201d (\u00b69, 1993 = \u201clast year\u201d);\n"
        f"drawn as first released, {-article.value:g} (revised to {-revised.value:g})",
        (1985.4, 100),
    )
    _finish(ax, layout, events)
    notes = _note_status(ax, drawn)
    derived = [v.period for v in reported.values if v.derived]
    peak = max(reported.values, key=lambda v: -v.value)
    return record(
        ax,
        f"The U.S. goods deficit with Japan on the Census basis, {len(reported.values)} years as reported "
        f"(filled circles; {', '.join(derived)} derived, half-filled), with 1985 (imports valued c.i.f.) "
        f"and 1986 (basis not stated) as separate points not joined to the line. The article's 59 billion "
        f"dollars is 1993's first release, {said(-article.value, article.unit)}, later revised to "
        f"{said(-revised.value, revised.unit)}; the largest deficit is {said(-peak.value, peak.unit)} in "
        f"{peak.period}. {notes}",
    )


@checked
def current_account(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw Japan's current-account surplus in two statistical vintages, with the article's $131 billion."""
    ax, layout, (bpm5, first, revised) = _draw_layout(dataset, "japan_current_account", ax)
    article = first.at(1993)
    text = "the article: \u201c$131 billion\u201d (\u00b69, 1993),\nthe first-reported figure"
    _mark_article(ax, article, article.value, text, (1990.2, 146))
    _finish(ax, layout, events)
    notes = _note_status(ax, [first, revised, bpm5], y=-0.3)
    return record(
        ax,
        f"Japan's current-account surplus on the older BPM4 basis as first reported (1991\u20131994, peaking "
        f"at {said(article.value, article.unit)} in 1993, the article's 131 billion dollars) and as revised "
        f"a year later (1991 derived from 1992's growth), and on the later BPM5 basis for 1990, 1995 and "
        f"1996 (derived: verified yen figures at the year's average exchange rate). The bases are drawn "
        f"as separate lines, never joined. {notes}",
    )


# The two 20% expectations: where each line starts, ends at the latest, where its label sits, and the label.
CHIP_GOALS = {
    "expectation_1986": (
        1986 + 8 / 12,
        1991 + 7 / 12,
        (1986 + 8 / 12, 0.8),
        "1986 side letter: 20% in five years",
    ),
    "expectation_1991": (1991 + 7 / 12, None, (1990.6, 2.6), "1991 agreement: 20% by end 1992"),
}


def _chip_goals(ax: Axes, dataset: Dataset) -> None:
    """Draw the 20% expectations of 1986 and 1991 as dash-dot lines, each with its label."""
    for name, (start, latest, (x, above), text) in CHIP_GOALS.items():
        goal = dataset[name].values[0]
        end = goal.year + 1 if goal.quarter is None else goal.year + goal.quarter / 4
        end = end if latest is None else min(end, latest)
        ax.hlines(goal.value, start, end, color=PALETTE["vermillion"], linewidth=2.5, linestyles="-.")
        ax.text(x, goal.value + above, text, fontsize=8)
    ax.plot([], [], color=PALETTE["vermillion"], linestyle="-.", linewidth=2.5, label="the 20% expectation")


@checked
def semiconductor_share(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw the foreign share of Japan's chip market (U.S. and Japanese counts) against the 20% goal."""
    ax, layout, (_, us_y, us_q) = _draw_layout(dataset, "semiconductor_share", ax)
    _chip_goals(ax, dataset)
    _finish(ax, layout, events)
    first_20 = next(v for v in us_q.values if v.value >= 20)
    top = max(us_q.values, key=lambda v: v.value)
    return record(
        ax,
        f"The foreign share of Japan's chip market rose from {amount(us_y.values[0].value, 'percent')} "
        f"in 1986 to {amount(first_20.value, 'percent')} in {first_20.period}, first passing the 20% "
        f"expectation, "
        f"fell back to {amount(us_q.at('1993Q3').value, 'percent')} in 1993Q3 and reached "
        f"{amount(top.value, 'percent')} in {top.period} (U.S. counts; Japan's counts run higher).",
    )


@checked
def imported_vehicles(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw imported vehicles sold in Japan, one marker per definition, as the sources count differently."""
    ax, layout, _ = _draw_layout(dataset, "imported_vehicles", ax)
    _finish(ax, layout, events)
    ax.text(
        0,
        -0.14,
        "Definitions differ between sources: do not join one definition's figures to another's.",
        transform=ax.transAxes,
        fontsize=8,
        va="top",
        style="italic",
    )
    notes = _note_status(ax, list(dataset.series.values()), y=-0.21)
    peak = dataset["all_imported_vehicles"].at(1996)
    return record(
        ax,
        f"Imported vehicles in Japan under four different definitions, from "
        f"{amount(dataset['foreign_made_cars'].values[0].value, 'vehicles')} (foreign-made cars) in 1985 "
        f"to a peak of {amount(peak.value, 'vehicles')} (all imports) in 1996. {notes}",
    )


# The dealer goals' years as AAMA counted them: agreement years run to September, not calendar years.
AGREEMENT_YEARS = {
    1996: "agreement year 1\n(to Sep 1996)",
    1997: "agreement year 2\n(to Sep 1997)",
    2000: "by 2000",
}
# How the dealer chart draws counted outlets of each kind: legend label, colour and hatching.
OUTLET_BARS = {
    "reported": ("outlets counted (cumulative)", PALETTE["blue"], ""),
    "derived": ("derived: 103 + 34", PALETTE["sky"], ".."),
}


def _outlet_pair(count: Value, goal: Value) -> str:
    how = f" (derived: {count.note})" if count.derived else ""
    return f"{AGREEMENT_YEARS[count.year].splitlines()[0]}: {count.value:g}{how} of {goal.value:g}"


def _outlet_bars(ax: Axes, years: list[int], done: dict[int, Value]) -> None:
    """Draw the outlets counted beside each goal, reported and derived counts apart."""
    positions = np.arange(len(years))
    for kind, (label, colour, hatch) in OUTLET_BARS.items():
        chosen = [i for i, y in enumerate(years) if y in done and _value_kind(done[y]) == kind]
        bars: BarContainer = ax.bar(
            positions[chosen] + 0.2,
            [done[years[i]].value for i in chosen],
            0.4,
            color=colour,
            edgecolor=PALETTE["blue"],
            hatch=hatch,
            label=label if chosen else None,
        )
        ax.bar_label(bars, fontsize=8, padding=2)


@checked
def dealer_outlets(dataset: Dataset, ax: Axes | None = None) -> Axes:
    """Draw the 1995 goals for new dealer outlets against the outlets counted, cumulatively."""
    _require(dataset, "dealer_outlets")
    ax = new_axes(ax, (7, 3.8))
    goals, counted = dataset["goal_cumulative"], dataset["outcome_cumulative"]
    years = [v.year for v in goals.values]
    positions = np.arange(len(years))
    done = {v.year: v for v in counted.values}
    goal_bars = ax.bar(
        positions - 0.2,
        [v.value for v in goals.values],
        0.4,
        color="white",
        edgecolor=PALETTE["vermillion"],
        hatch="//",
        label="goal (cumulative)",
    )
    _outlet_bars(ax, years, done)
    ax.bar_label(goal_bars, fontsize=8, padding=2)
    for i in [i for i, y in enumerate(years) if y not in done]:
        ax.text(positions[i] + 0.2, 20, "no count", ha="center", fontsize=8, rotation=90)
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.set_xticks(positions, [AGREEMENT_YEARS.get(y, str(y)) for y in years], fontsize=9)
    ax.set_ylabel("new outlets selling U.S. cars")
    ax.set_title("After the 1995 autos deal (a later event): new dealer outlets", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(0, 1100)
    ax.legend(loc="upper left", fontsize=9, frameon=False)
    pairs = "; ".join(_outlet_pair(done[g.year], g) for g in goals.values if g.year in done)
    return record(
        ax,
        f"Goals for new outlets selling U.S. cars in Japan against the outlets AAMA counted by agreement "
        f"year, which runs to September ({pairs}); no count was found for the goal of "
        f"{goals.values[-1].value:,.0f} by {goals.values[-1].year}.",
    )
