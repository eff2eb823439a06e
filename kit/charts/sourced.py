"""Drawing sourced series for the numerical-targets charts, each value marked by its status.

Values read in a source are drawn as filled markers, DERIVED values (calculated
from sourced figures) as half-filled markers, and UNVERIFIED values (a source
not found again) as hollow markers, with a note under the chart and a word in
its description. One line joins the values of one series only, and every series
has one basis (``Series.basis``), so no line joins c.i.f. to customs value, U.S.
to Japanese counts or BPM4 to BPM5. Series differ by marker and line style as well as colour.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from kit.errors import invalid
from kit.targets import Dataset, Event, Series, Value, amount


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
    artists: list[Artist] = [
        *ax.plot(xs, ys, linestyle=style, color=colour, linewidth=1.4, gid=f"line:{series.name}")
    ]
    ax.plot([], [], linestyle=style, marker=marker, color=colour, markeredgewidth=1.5, label=label)
    artists += _points_by_kind(
        ax,
        series.values,
        scale,
        f"points:{series.name}",
        marker=marker,
        markersize=7,
        color=colour,
        markeredgewidth=1.5,
    )
    return artists


def _points_by_kind(
    ax: Axes, values: Sequence[Value], scale: float, gid: str | None = None, **style: Any
) -> list[Artist]:
    """Draw ``values`` as markers in ``style``, filled, half-filled or hollow as each is reported, derived
    or unverified; each kind's markers get the id ``gid:kind`` when ``gid`` is given."""
    artists: list[Artist] = []
    for kind, fill in FILLS.items():
        chosen = [v for v in values if _value_kind(v) == kind]
        if chosen:
            artists += ax.plot(
                [v.x for v in chosen],
                [v.value * scale for v in chosen],
                linestyle="none",
                markerfacecoloralt="white",
                fillstyle=fill,
                gid=f"{gid}:{kind}" if gid else None,
                **style,
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
    """Refuse a dataset other than the kit's dataset ``name``."""
    if dataset.name != name:
        raise invalid("dataset", dataset.name, f"kit.targets.load_dataset({name!r})")
