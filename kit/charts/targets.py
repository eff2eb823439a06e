"""Charts for the numerical-targets debate: sourced trade series, the talks' events, and the lab.

Every value is drawn with its status: values read in a source as filled
markers, DERIVED values (calculated from sourced figures) as half-filled
markers, and UNVERIFIED values (a source not found again) as hollow markers,
with a note under the chart and a word in its description. One line joins the
values of one series only, and every series has one basis (``Series.basis``), so
no line joins c.i.f. to customs value, U.S. to Japanese counts or BPM4 to BPM5.
Series differ by marker and line style as well as colour.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from kit.charts.base import PALETTE, framed_axes, new_axes, record
from kit.errors import InvalidInputError, checked
from kit.targets import (
    Dataset,
    Event,
    GrowthPlan,
    IncreaseVerdict,
    Series,
    TargetDefinition,
    TargetVerdict,
    Value,
    amount,
)


@checked
def said(value: float, unit: str) -> str:
    """Return ``value`` with its unit for a chart's description, dollars in words: ``59.3 billion dollars``.

    Descriptions become HTML captions, where JupyterLab's MathJax reads text between two dollar signs as
    mathematics; so descriptions never use the dollar sign.

    >>> said(59.3, "USD billions"), said(20.1, "percent")
    ('59.3 billion dollars', '20.1%')
    """
    if unit == "USD billions":
        return f"{'minus ' if value < 0 else ''}{abs(value):g} billion dollars"
    return amount(value, unit)


STATUS_NOTES = {
    "derived": "Half-filled markers: DERIVED values, calculated from sourced figures (the table shows how).",
    "unverified": "Hollow markers: UNVERIFIED values, whose source could not be found again.",
}
EVENT_COLOUR = "#777777"
# The article's date: events after it are marked as later events.
ARTICLE_DATE = datetime.date(1994, 5, 25)
# How each kind of value is marked: filled, half-filled (the left half) or hollow.
FILLS = {"reported": "full", "derived": "left", "unverified": "none"}


def _xy(values: Sequence[Value], scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Return x and y for a line, with a break (NaN) wherever a period is missing."""
    xs, ys = [], []
    for before, value in zip([None, *values], values, strict=False):
        if before is not None and value.step - before.step > 1:
            xs.append(np.nan)
            ys.append(np.nan)
        xs.append(value.x)
        ys.append(value.value * scale)
    return np.array(xs), np.array(ys)


def _value_kind(value: Value) -> str:
    """Return how a value is drawn: "reported", "derived" or "unverified"."""
    return "unverified" if not value.verified else "derived" if value.derived else "reported"


def _draw_series(
    ax: Axes, series: Series, colour: str, marker: str, style: str, label: str, scale: float = 1.0
) -> list[Artist]:
    """Draw ``series`` as one line broken at gaps, each point filled, half-filled or hollow by its kind."""
    xs, ys = _xy(series.values, scale)
    artists = ax.plot(xs, ys, linestyle=style, color=colour, linewidth=1.4, gid=f"line:{series.name}")
    ax.plot([], [], linestyle=style, marker=marker, color=colour, markeredgewidth=1.5, label=label)
    for kind, fill in FILLS.items():
        chosen = [v for v in series.values if _value_kind(v) == kind]
        if chosen:
            artists += ax.plot(
                [v.x for v in chosen],
                [v.value * scale for v in chosen],
                linestyle="none",
                marker=marker,
                markersize=7,
                color=colour,
                markerfacecoloralt="white",
                fillstyle=fill,
                markeredgewidth=1.5,
                gid=f"points:{series.name}:{kind}",
            )
    return artists


def _mark_events(ax: Axes, events: Sequence[Event], top: bool = False) -> list[Artist]:
    """Draw a dotted vertical line for each event, labelled at the foot (or ``top``) where data leave room."""
    artists: list[Artist] = []
    for event in events:
        later = " (later event)" if event.date > ARTICLE_DATE else ""
        artists.append(ax.axvline(event.x, color=EVENT_COLOUR, linestyle=":", linewidth=1))
        artists.append(
            ax.text(
                event.x,
                0.98 if top else 0.02,
                f"{event.label}{later} ",
                transform=ax.get_xaxis_transform(),
                rotation=90,
                va="top" if top else "bottom",
                ha="right",
                fontsize=8,
                color="#444444",
            )
        )
    return artists


def _status_kinds(series: Sequence[Series]) -> tuple[str, ...]:
    """Return which of "derived" and "unverified" occur among the values of ``series``."""
    found = {_value_kind(v) for s in series for v in s.values}
    return tuple(kind for kind in STATUS_NOTES if kind in found)


def _note_status(ax: Axes, series: Sequence[Series], y: float = -0.14) -> str:
    """Write under the chart what half-filled and hollow markers mean, if any are drawn; return the words."""
    kinds = _status_kinds(series)
    for line, kind in enumerate(kinds):
        ax.text(
            0,
            y - 0.07 * line,
            STATUS_NOTES[kind],
            transform=ax.transAxes,
            fontsize=8,
            va="top",
            style="italic",
        )
    return " ".join(STATUS_NOTES[kind] for kind in kinds)


def _note_inside(ax: Axes, series: Series, x: float, align: str) -> None:
    """Write, inside the lab's chart, what half-filled and hollow markers mean, if the series has any."""
    for line, kind in enumerate(_status_kinds([series])):
        words = STATUS_NOTES[kind].split(",")[0]
        ax.text(x, 0.03 + 0.07 * line, words, transform=ax.transAxes, ha=align, fontsize=8, style="italic")


def _tidy(ax: Axes, title: str, ylabel: str, xlim: tuple[float, float]) -> None:
    ax.set_title(title, fontsize=11)
    ax.set_ylabel(ylabel)
    ax.set_xlim(*xlim)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)


def _require(dataset: Dataset, name: str) -> None:
    if not isinstance(dataset, Dataset) or dataset.name != name:
        raise InvalidInputError(f"dataset must be kit.targets.load_dataset({name!r}).")


# Where the goods chart draws each series: colour, marker, line style, legend label.
GOODS_STYLES = {
    "balance_reported": (PALETTE["blue"], "o", "-", "Census basis (customs value), as reported"),
    "balance_cif": (PALETTE["orange"], "s", "none", "1985: imports valued c.i.f., another basis"),
    "balance_basis_unstated": (PALETTE["purple"], "D", "none", "1986: basis not stated"),
}


@checked
def goods_trade(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw the U.S. goods deficit with Japan by year, one series per basis, marking the article's $59bn."""
    _require(dataset, "us_goods_trade")
    ax = new_axes(ax, (8, 4.4))
    drawn = [dataset[name] for name in GOODS_STYLES]
    for series, (colour, marker, style, label) in zip(drawn, GOODS_STYLES.values(), strict=True):
        _draw_series(ax, series, colour, marker, style, label, -1)
    reported = dataset["balance_reported"]
    article, revised = reported.at(1993), dataset["balance_revised"].at(1993)
    ax.plot([article.x], [-article.value], marker="*", markersize=16, color=PALETTE["vermillion"], ls="none")
    ax.annotate(
        "the article: \u201c$59 billion\u201d (\u00b69, 1993 = \u201clast year\u201d);\n"
        f"drawn as first released, {-article.value:g} (revised to {-revised.value:g})",
        (article.x, -article.value),
        xytext=(1985.4, 100),
        fontsize=8,
        arrowprops={"arrowstyle": "->", "color": PALETTE["vermillion"]},
    )
    _mark_events(ax, events, top=True)
    _tidy(ax, "The U.S. goods deficit with Japan, 1985\u20132000", "deficit, US$ billions", (1985, 2001))
    ax.set_ylim(0, 125)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
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
    _require(dataset, "japan_current_account")
    ax = new_axes(ax, (8, 4.4))
    first, revised, bpm5 = dataset["bpm4_first_reported"], dataset["bpm4_revised"], dataset["bpm5_usd"]
    _draw_series(ax, bpm5, PALETTE["orange"], "s", "--", "BPM5 basis (from 1996), yen at the year's rate")
    _draw_series(ax, first, PALETTE["blue"], "o", "-", "BPM4 basis, first reported")
    _draw_series(ax, revised, PALETTE["green"], "^", ":", "BPM4 basis, revised a year later")
    article = first.at(1993)
    ax.plot([article.x], [article.value], marker="*", markersize=16, color=PALETTE["vermillion"], ls="none")
    ax.annotate(
        "the article: \u201c$131 billion\u201d (\u00b69, 1993),\nthe first-reported figure",
        (article.x, article.value),
        xytext=(1990.2, 146),
        fontsize=8,
        arrowprops={"arrowstyle": "->", "color": PALETTE["vermillion"]},
    )
    _mark_events(ax, events)
    _tidy(ax, "Japan's current-account surplus, 1990\u20131996: two bases", "US$ billions", (1989.8, 1997))
    ax.set_ylim(0, 165)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8, frameon=False)
    notes = _note_status(ax, [first, revised, bpm5], y=-0.3)
    return record(
        ax,
        f"Japan's current-account surplus on the older BPM4 basis as first reported (1991\u20131994, peaking "
        f"at {said(article.value, article.unit)} in 1993, the article's 131 billion dollars) and as revised "
        f"a year later (1991 derived from 1992's growth), and on the later BPM5 basis for 1990, 1995 and "
        f"1996 (derived: verified yen figures at the year's average exchange rate). The bases are drawn "
        f"as separate lines, never joined. {notes}",
    )


@checked
def semiconductor_share(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw the foreign share of Japan's chip market (U.S. and Japanese counts) against the 20% goal."""
    _require(dataset, "semiconductor_share")
    ax = new_axes(ax, (8, 4.2))
    us_q, jp_q, us_y = (
        dataset["us_count_quarterly"],
        dataset["japan_count_quarterly"],
        dataset["us_count_annual"],
    )
    _draw_series(ax, jp_q, PALETTE["orange"], "D", "--", "Japan's count, quarterly")
    _draw_series(ax, us_y, PALETTE["green"], "s", "none", "U.S. count, whole year")
    _draw_series(ax, us_q, PALETTE["blue"], "o", "-", "U.S. count, quarterly")
    for name, start, text in (
        ("expectation_1986", 1986 + 8 / 12, "1986 side letter: 20% in five years"),
        ("expectation_1991", 1991 + 7 / 12, "1991 agreement: 20% by end 1992"),
    ):
        goal = dataset[name].values[0]
        end = goal.year + 1 if goal.quarter is None else goal.year + goal.quarter / 4
        end = min(end, 1991 + 7 / 12) if name == "expectation_1986" else end
        ax.hlines(goal.value, start, end, color=PALETTE["vermillion"], linewidth=2.5, linestyles="-.")
        x = start if name.endswith("1986") else 1990.6
        ax.text(x, goal.value + (0.8 if name.endswith("1986") else 2.6), text, fontsize=8)
    ax.plot([], [], color=PALETTE["vermillion"], linestyle="-.", linewidth=2.5, label="the 20% expectation")
    _mark_events(ax, events)
    _tidy(
        ax,
        "Foreign share of Japan's semiconductor market, 1986\u20131997",
        "percent of the market",
        (1986, 1998),
    )
    ax.set_ylim(0, 40)
    ax.legend(loc="upper left", fontsize=8, frameon=False, bbox_to_anchor=(0, 0.86))
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


VEHICLE_STYLES = {
    "foreign_made_cars": (PALETTE["purple"], "v", "-", "foreign-made cars / foreign makers' sales"),
    "imported_car_registrations": (PALETTE["sky"], "^", "none", "imported car registrations (JAIA)"),
    "all_imported_vehicles": (
        PALETTE["blue"],
        "o",
        "-",
        "all imported vehicles, incl. Japanese brands built abroad",
    ),
    "foreign_maker_vehicles": (PALETTE["orange"], "D", "--", "foreign makers' vehicles only"),
}


@checked
def imported_vehicles(dataset: Dataset, events: Sequence[Event] = (), ax: Axes | None = None) -> Axes:
    """Draw imported vehicles sold in Japan, one marker per definition, as the sources count differently."""
    _require(dataset, "imported_vehicles")
    ax = new_axes(ax, (8, 4.2))
    for name, (colour, marker, style, label) in VEHICLE_STYLES.items():
        _draw_series(ax, dataset[name], colour, marker, style, label, scale=1 / 1000)
    _mark_events(ax, events)
    _tidy(
        ax,
        "Imported vehicles in Japan: four definitions, not one series",
        "thousands of vehicles",
        (1985, 1999),
    )
    ax.set_ylim(0, 480)
    ax.legend(loc="upper left", fontsize=8, frameon=False, bbox_to_anchor=(0, 0.8))
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


def _outlet_pair(count: Value, goal: Value) -> str:
    how = f" (derived: {count.note})" if count.derived else ""
    return f"{AGREEMENT_YEARS[count.year].splitlines()[0]}: {count.value:g}{how} of {goal.value:g}"


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
    for kind, label in (("reported", "outlets counted (cumulative)"), ("derived", "derived: 103 + 34")):
        chosen = [i for i, y in enumerate(years) if y in done and _value_kind(done[y]) == kind]
        bars = ax.bar(
            positions[chosen] + 0.2,
            [done[years[i]].value for i in chosen],
            0.4,
            color=PALETTE["blue"] if kind == "reported" else PALETTE["sky"],
            edgecolor=PALETTE["blue"],
            hatch="" if kind == "reported" else "..",
            label=label if chosen else None,
        )
        ax.bar_label(bars, fontsize=8, padding=2)
    ax.bar_label(goal_bars, fontsize=8, padding=2)
    missing = [i for i, y in enumerate(years) if y not in done]
    for i in missing:
        ax.text(positions[i] + 0.2, 20, "no count", ha="center", fontsize=8, rotation=90)
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.set_xticks(positions, [AGREEMENT_YEARS.get(y, str(y)) for y in years], fontsize=9)
    ax.set_ylabel("new outlets selling U.S. cars")
    ax.set_title("After the 1995 autos deal (a later event): new dealer outlets", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(0, 1100)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    pairs = "; ".join(_outlet_pair(done[g.year], g) for g in goals.values if g.year in done)
    return record(
        ax,
        f"Goals for new outlets selling U.S. cars in Japan against the outlets AAMA counted by agreement "
        f"year, which runs to September ({pairs}); no count was found for the goal of "
        f"{goals.values[-1].value:,.0f} by {goals.values[-1].year}.",
    )


# ---------------------------------------------------------------- the lab chart


def _lab_frame(
    series: Series, ylim: tuple[float, float], scale: float, ylabel: str
) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        _draw_series(ax, series, PALETTE["blue"], "o", "-", series.name, scale)
        first, last = series.values[0].x, series.values[-1].x
        pad = 0.3 if series.quarterly else 0.7
        _tidy(ax, "", ylabel, (first - pad, last + pad))
        ax.set_ylim(ylim[0] * scale, ylim[1] * scale)
        keys = [
            ax.plot(
                [], [], "s", markersize=9, markerfacecolor="none", markeredgecolor="black", label="baseline"
            )[0],
            ax.fill_between([], [], color=PALETTE["sky"], alpha=0.3, hatch="..", label="window allowed"),
            ax.plot([], [], color=PALETTE["green"], linewidth=4, label="run that met the test")[0],
            ax.plot([], [], color=PALETTE["vermillion"], linestyle="-.", label="target level")[0],
            ax.plot([], [], color=PALETTE["vermillion"], linestyle=":", label="target date")[0],
        ]
        ax.legend(handles=keys, loc="upper left", fontsize=8, frameon=False)
        _note_inside(ax, series, 0.99, "right")

    return draw


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
    scale = 1 / 1000 if series.unit == "vehicles" else 1.0
    ylabel = "thousands of vehicles" if series.unit == "vehicles" else series.unit
    key = ("measurement_lab", series.name, ylim)
    ax = framed_axes(ax, (8, 3.6), key, _lab_frame(series, ylim, scale, ylabel))
    by_period = {v.period: v for v in series.values}
    window = [g.period for g in increase.window]
    base_x = by_period[increase.baseline].x
    step = 0.25 if series.quarterly else 1.0
    data: list[Artist] = [
        ax.axvspan(
            base_x + step / 2,
            base_x + step * (len(window) + 0.5),
            color=PALETTE["sky"],
            alpha=0.18,
            hatch="..",
            linewidth=0,
        ),
        *ax.plot(
            [base_x],
            [by_period[increase.baseline].value * scale],
            marker="s",
            markersize=11,
            markerfacecolor="none",
            markeredgecolor="black",
            markeredgewidth=2,
            linestyle="none",
        ),
    ]
    run = [by_period[p] for p in increase.run]
    if run:
        data += ax.plot(
            [v.x for v in run],
            [v.value * scale for v in run],
            color=PALETTE["green"],
            linewidth=4,
            marker="o",
            markersize=9,
            markerfacecolor=PALETTE["green"] if all(_value_kind(v) == "reported" for v in run) else "white",
            alpha=0.8,
        )
    data.append(ax.axhline(target.level * scale, color=PALETTE["vermillion"], linestyle="-.", linewidth=1.6))
    deadline_x = _period_x(str(target.by), series.quarterly)
    data.append(ax.axvline(deadline_x, color=PALETTE["vermillion"], linestyle=":", linewidth=1.6))
    ax.set_title(
        f"Results-oriented: {increase.verdict.upper()}  \u00b7  Numerical target: {reached.verdict.upper()}",
        fontsize=11,
    )
    return record(
        ax,
        f"{label or series.name}: the shaded band is the window the definition allows after the baseline "
        f"({increase.baseline}, square){'; the thick green line is the run that met it' if run else ''}; "
        f"the dash-dot line is the target of {said(target.level, series.unit)} and the dotted line its "
        f"date, {target.by}. Results-oriented test {increase.verdict}; numerical target {reached.verdict}.",
        data,
    )


def _period_x(label: str, quarterly: bool) -> float:
    """Return the right edge of a period: a target 'by 1992Q4' or 'by 1996' means by its end."""
    if quarterly:
        year, quarter = label.upper().split("Q")
        return int(year) + int(quarter) / 4
    return int(label) + 1


# How far past a series' last figure the target-growth chart reaches, and so how late a target can be set.
MAX_PERIODS_AHEAD = {"quarter": 12, "year": 6}


def _path_frame(
    series: Series, ylim: tuple[float, float], scale: float, ylabel: str
) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        _draw_series(ax, series, PALETTE["blue"], "o", "-", "the historical path", scale)
        first = series.values[0].x
        step = 0.25 if series.quarterly else 1.0
        ahead = MAX_PERIODS_AHEAD["quarter" if series.quarterly else "year"]
        _tidy(ax, "", ylabel, (first - step, series.values[-1].x + (ahead + 1) * step))
        ax.set_ylim(ylim[0] * scale, ylim[1] * scale)
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
            [],
            [],
            color=PALETTE["vermillion"],
            marker="*",
            markersize=12,
            linestyle="none",
            label="the target",
        )
        ax.legend(loc="lower right", fontsize=8, frameon=False)
        _note_inside(ax, series, 0.01, "left")

    return draw


@checked
def growth_path(
    series: Series,
    plan: GrowthPlan,
    ylim: tuple[float, float],
    ax: Axes | None = None,
    label: str | None = None,
) -> Axes:
    """Draw the compound growth a target needs, from its start to its date, against the historical path."""
    if not isinstance(plan, GrowthPlan):
        raise InvalidInputError(
            f"plan must be a kit.targets.GrowthPlan, but a {type(plan).__name__} was given."
        )
    scale = 1 / 1000 if series.unit == "vehicles" else 1.0
    ylabel = "thousands of vehicles" if series.unit == "vehicles" else series.unit
    ax = framed_axes(
        ax, (8, 3.6), ("growth_path", series.name, ylim), _path_frame(series, ylim, scale, ylabel)
    )
    step = 0.25 if series.quarterly else 1.0
    xs = [plan.start.x + k * step for k in range(len(plan.path))]
    ys = [value * scale for _, value in plan.path]
    data: list[Artist] = [
        *ax.plot(
            xs,
            ys,
            color=PALETTE["vermillion"],
            linestyle="--",
            marker="D",
            markersize=4,
            markerfacecolor="white",
        ),
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
