"""Charts for the stakeholders lesson: where each actor appears, the power-interest grid, and win-sets.

Sides are told apart by marker shape and a text tag as well as colour; how an
actor appears (quoted, paraphrased, mentioned, implied) by marker shape and
fill. Charts of illustrative values (the reference grid, the game's parameters)
say so on the chart itself.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping, Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from kit.charts.base import MAX_PARAGRAPHS, PALETTE, framed_axes, new_axes, record
from kit.errors import checked, invalid, whole_number
from kit.stakeholders import GAME_SIDES, QUADRANTS, Actor, Appearance, GridDifference, Placement, WinSet, Zone
from kit.wording import counted, joined

SIDE_STYLE = {  # colour, marker, tag
    "United States": (PALETTE["blue"], "o", "US"),
    "Japan": (PALETTE["vermillion"], "s", "JP"),
    "both": (PALETTE["purple"], "D", "US+JP"),
    "neither": (PALETTE["black"], "^", "other"),
}
KIND_STYLE = {  # marker, size, filled
    "quoted": ("o", 80, True),
    "paraphrased": ("s", 55, False),
    "mentioned": ("|", 90, True),
    "implied": ("x", 45, True),
}
ILLUSTRATIVE = "Illustrative values: teaching assumptions, not data."


@checked
def appearance_strip(
    actors: Sequence[Actor], found: Sequence[Appearance], paragraph_count: int, ax: Axes | None = None
) -> Axes:
    """Draw one row per actor and a mark in each paragraph where it appears, shaped by how it appears."""
    whole_number("paragraph_count", paragraph_count, 1, MAX_PARAGRAPHS)
    shown = [a for a in actors if any(f.actor == a.id for f in found)]
    if not shown:
        raise invalid("found", found, "a list holding at least one appearance of one of the actors")
    ax = new_axes(ax, (8, 0.3 * len(shown) + 1.6))
    row = {a.id: i for i, a in enumerate(shown)}
    for kind, (marker, size, filled) in KIND_STYLE.items():
        mine = [f for f in found if f.how == kind and f.actor in row]
        colours = [SIDE_STYLE[f.side][0] for f in mine]
        ax.scatter(
            [f.paragraph for f in mine],
            [row[f.actor] for f in mine],
            marker=marker,
            s=size,
            c=colours if filled or marker in "|x" else "white",
            edgecolors=colours if not filled else None,
            linewidths=1.6,
            zorder=3,
        )
    _strip_axes(ax, shown, paragraph_count)
    quoted = sorted({f.name for f in found if f.how == "quoted"})
    return record(
        ax,
        f"{counted(len(shown), 'actor')} across the story's {paragraph_count} paragraphs; "
        f"quoted in their own words: {joined(quoted)}; sides are tagged US, JP, US+JP or other.",
    )


def _strip_axes(ax: Axes, shown: Sequence[Actor], paragraph_count: int) -> None:
    """Label the appearance strip: a row per actor tagged with its side, a column per paragraph, a key."""
    ax.set_yticks(range(len(shown)), [f"[{SIDE_STYLE[a.side][2]}] {a.name}" for a in shown], fontsize=8)
    ax.set_xticks(range(1, paragraph_count + 1), [str(n) for n in range(1, paragraph_count + 1)])
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("paragraph (\u00b6)", fontsize=9)
    ax.set_xlim(0.5, paragraph_count + 0.5)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_title("Who appears where in the story, and how", fontsize=11)
    handles = [
        Line2D([], [], linestyle="none", marker=m, markersize=7, color="#444444",
               markerfacecolor="#444444" if filled else "white", label=kind)
        for kind, (m, _size, filled) in KIND_STYLE.items()
    ]  # fmt: skip
    ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, fontsize=8, frameon=False
    )
    ax.spines[["top", "right"]].set_visible(False)


# ---------------------------------------------------------------- the power-interest grid


def _grid_frame(title_note: str, numbered: Mapping[str, str] | None) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        ax.set_xlim(-0.5, 10.8)
        ax.set_ylim(-0.5, 10.8)
        ax.axvline(5, color="#888888", linewidth=1, linestyle="--")
        ax.axhline(5, color="#888888", linewidth=1, linestyle="--")
        corners = {
            "manage closely": (10.7, 10.7, "right"),
            "keep satisfied": (-0.4, 10.7, "left"),
            "keep informed": (10.7, -0.4, "right"),
            "monitor": (-0.4, -0.4, "left"),
        }
        for name, (x, y, ha) in corners.items():
            ax.text(x, y, name.upper(), ha=ha, va="top" if y > 5 else "bottom", fontsize=8, color="#555555")
        ax.set_xticks(range(0, 11))
        ax.set_yticks(range(0, 11))
        ax.set_xlabel("interest in the outcome (0-10)")
        ax.set_ylabel("power over the outcome (0-10)")
        key = "Circles: the U.S. side; squares: Japan's side; diamonds: both; triangles: neither."
        if numbered:  # a widget numbers its markers: the names are drawn once, here, not on every update
            names = [f"{n} {label}" for n, label in enumerate(numbered.values(), start=1)]
            key += "".join("\n" + " \u00b7 ".join(names[i : i + 4]) for i in range(0, len(names), 4))
        ax.text(
            0, -0.12, f"{title_note}\n{key}", transform=ax.transAxes, fontsize=8, style="italic", va="top"
        )
        ax.spines[["top", "right"]].set_visible(False)

    return draw


# Where a label may sit around its marker, in offset points, tried in order: right, left, below.
_SPOTS = ((7, 4, "left"), (-7, 4, "right"), (7, -12, "left"), (-7, -12, "right"))
_PT = (0.03, 0.04)  # about one typographic point in grid units, across and up, at the chart's size
_CHAR = 0.13  # the width of an 8 pt character in grid units


def _box(x: float, y: float, dx: int, dy: int, ha: str, text: str) -> tuple[float, float, float, float]:
    """Return the grid-unit box (left, bottom, right, top) a label of ``text`` takes at this offset."""
    left = x + dx * _PT[0] - (len(text) * _CHAR if ha == "right" else 0)
    bottom = y + dy * _PT[1]
    return left, bottom, left + len(text) * _CHAR, bottom + 0.3


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_all(ax: Axes, spots: Sequence[tuple[float, float, str]]) -> list[Artist]:
    """Label each (interest, power, text), each label where it covers no marker and no earlier label."""
    taken = [(x - 0.2, y - 0.2, x + 0.2, y + 0.2) for x, y, _text in spots]
    artists: list[Artist] = []
    for x, y, text in spots:
        order = _SPOTS[1::-1] + _SPOTS[:1:-1] if x >= 8 else _SPOTS  # near the right edge: left first
        fits = [o for o in order if not any(_overlaps(_box(x, y, *o, text), t) for t in taken)]
        dx, dy, ha = (fits or order)[0]
        taken.append(_box(x, y, dx, dy, ha, text))
        artists.append(
            ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, fontsize=8)
        )
    return artists


def _grouped(placed: Sequence[Placement], names: Sequence[str]) -> list[tuple[float, float, str]]:
    """Return one (interest, power, text) per occupied spot: the names of actors placed together, joined."""
    spots: dict[tuple[float, float], list[str]] = {}
    for p, name in zip(placed, names, strict=True):
        spots.setdefault((p.interest, p.power), []).append(name)
    return [(x, y, ", ".join(texts)) for (x, y), texts in spots.items()]


def _points(ax: Axes, placed: Sequence[Placement], sides: Mapping[str, str], hollow: bool) -> list[Artist]:
    """Draw one marker line per side (lines are much cheaper to make than scatter collections)."""
    artists: list[Artist] = []
    for side, (colour, marker, _tag) in SIDE_STYLE.items():
        mine = [p for p in placed if sides.get(p.actor, "neither") == side]
        if mine:
            artists += ax.plot(
                [p.interest for p in mine],
                [p.power for p in mine],
                linestyle="none",
                marker=marker,
                markersize=8.5,
                color=colour,
                markerfacecolor="white" if hollow else colour,
                markeredgewidth=1.6,
                zorder=3,
            )
    return artists


def _names(
    placed: Sequence[Placement], numbered: Mapping[str, str] | None, selected: str | None
) -> list[str]:
    """Return each marker's label: its name, or (numbered) its number, with the name for the selected one."""
    if not numbered:
        return [p.label or p.actor for p in placed]
    missing = [p.actor for p in placed if p.actor not in numbered]
    if missing:
        raise invalid("numbered", numbered, f"a dict naming every placed actor, {missing[0]!r} too")
    numbers = {ident: n for n, ident in enumerate(numbered, start=1)}
    return [f"{numbers[p.actor]} {p.label}" if p.actor == selected else str(numbers[p.actor]) for p in placed]


@checked
def power_interest_grid(
    placed: Sequence[Placement],
    sides: Mapping[str, str],
    title: str = "Power-interest grid",
    note: str = ILLUSTRATIVE,
    selected: str | None = None,
    ax: Axes | None = None,
    numbered: Mapping[str, str] | None = None,
) -> Axes:
    """Draw actors on the power-interest grid with its four labelled quadrants; ring the ``selected`` one.

    With ``numbered`` (every actor's id and name, in order) markers carry numbers and a key under the chart
    names them, which keeps a widget's redraw fast; otherwise each marker carries its name.
    """
    ax = framed_axes(
        ax, (6.4, 5.6), ("grid", note, tuple((numbered or {}).items())), _grid_frame(note, numbered)
    )
    data = _points(ax, placed, sides, hollow=False)
    data += _label_all(ax, _grouped(placed, _names(placed, numbered, selected)))
    chosen = [p for p in placed if p.actor == selected]
    if chosen:
        data += ax.plot([chosen[0].interest], [chosen[0].power], linestyle="none", marker="o", markersize=18,
                        markerfacecolor="none", markeredgecolor="black", markeredgewidth=1.5)  # fmt: skip
    ax.set_title(title, fontsize=11)
    counts = {q: sum(p.quadrant == q for p in placed) for q in QUADRANTS}
    where = "; ".join(f"{q}: {counts[q]}" for q in QUADRANTS)
    text = f"{counted(len(placed), 'actor')} on a power-interest grid ({where})."
    if not placed:
        text = "An empty power-interest grid: no actor is placed yet."
    return record(ax, text, data)


def grid_comparison(
    differences: Sequence[GridDifference],
    sides: Mapping[str, str],
    title: str = "Your placement against the reference",
    ax: Axes | None = None,
    numbered: Mapping[str, str] | None = None,
) -> Axes:
    """Draw each actor's student placement (hollow) with an arrow to the reference placement (filled)."""
    note = "Hollow: your placement. Filled: the kit's reference (illustrative, a teaching judgement)."
    ax = framed_axes(
        ax, (6.4, 5.6), ("grid", note, tuple((numbered or {}).items())), _grid_frame(note, numbered)
    )
    names = _names([d.reference for d in differences], numbered, None)
    data = _points(ax, [d.reference for d in differences], sides, hollow=False)
    data += _points(ax, [d.student for d in differences], sides, hollow=True)
    data += _label_all(ax, _grouped([d.reference for d in differences], names))
    for d in differences:
        if d.distance > 0:
            data.append(
                ax.annotate(
                    "",
                    (d.reference.interest, d.reference.power),
                    xytext=(d.student.interest, d.student.power),
                    arrowprops={"arrowstyle": "->", "color": "#555555", "linestyle": ":"},
                )
            )
    ax.set_title(title, fontsize=11)
    if not differences:
        return record(ax, "Nothing to compare yet: no actor is placed.", data)
    same = sum(d.same_quadrant for d in differences)
    far = max(differences, key=lambda d: d.distance)
    return record(
        ax,
        f"{same} of {counted(len(differences), 'placed actor')} fall in the same quadrant as the reference; "
        f"the furthest from it is {far.reference.label} ({far.distance:.1f} grid points).",
        data,
    )


# ---------------------------------------------------------------- the two-level game

_OWNER = {"United States": "the United States'", "Japan": "Japan's"}
_HATCH = {"United States": "//", "Japan": "\\\\"}


def _rows(first: WinSet, second: WinSet) -> dict[tuple[str, str], float]:
    """Return the y of each row, top down: a side's constituents, then its win-set (name "")."""
    rows: dict[tuple[str, str], float] = {}
    for ws in (first, second):
        for c in ws.constituents:
            rows[(ws.side, c.name)] = len(rows)
        rows[(ws.side, "")] = len(rows) + 0.15
    return rows


def _game_frame(rows: Mapping[tuple[str, str], float]) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        ax.set_xlim(0, 100)
        ax.set_ylim(max(rows.values()) + 0.7, -1.1)
        labels = [
            f"[{SIDE_STYLE[side][2]}] {name}" if name else f"{_OWNER[side]} WIN-SET" for side, name in rows
        ]
        ax.set_yticks(list(rows.values()), labels, fontsize=8)
        for (_side, name), y in rows.items():
            if not name:
                ax.axhline(y + 0.55, color="#bbbbbb", linewidth=0.8)
        ax.set_xticks(range(0, 101, 10))
        ax.grid(axis="x", color="#eeeeee", linewidth=0.8)
        ax.set_axisbelow(True)
        ax.set_xlabel("0 = purely qualitative goals \u2026 100 = binding numerical targets")
        note = (
            f"{ILLUSTRATIVE} Marker: a constituent's ideal point (area: its pressure); line: the outcomes "
            "it would ratify; hatched bar: its side's win-set; green: the zone of possible agreement."
        )
        # Broken by hand: matplotlib's wrap=True measures against the figure, and the note ran off its edge.
        note = textwrap.fill(note, 100)
        ax.text(0, -0.2, note, transform=ax.transAxes, fontsize=8, style="italic", va="top")
        ax.spines[["top", "right"]].set_visible(False)

    return draw


@checked
def win_sets(first: WinSet, second: WinSet, zone: Zone, title: str = "", ax: Axes | None = None) -> Axes:
    """Draw constituents' ideal points and ranges, both win-sets as hatched bars, and the agreement zone."""
    for name, ws, side in (("first", first, GAME_SIDES[0]), ("second", second, GAME_SIDES[1])):
        if ws.side != side:
            allowed = f"{side!r} (the United States' win-set first, Japan's second)"
            raise invalid(f"the side of parameter {name!r}", ws.side, allowed)
    rows = _rows(first, second)
    ax = framed_axes(ax, (8, 4.2), ("win_sets", tuple(rows)), _game_frame(rows))
    data = _zone_band(ax, zone)
    for ws in (first, second):
        data += _side_marks(ax, ws, rows)
    verdict = {
        "overlap": "agreement possible",
        "touching": "agreement at one point only",
        "none": "no agreement",
    }
    ax.set_title(f"{title}{': ' if title else ''}{verdict[zone.status]}", fontsize=11)
    sides = "; ".join(f"{_OWNER[ws.side]} win-set {_spans(ws.intervals)}" for ws in (first, second))
    return record(ax, f"Win-sets on the 0-100 scale (illustrative parameters): {sides}. {zone.summary}", data)


def _zone_band(ax: Axes, zone: Zone) -> list[Artist]:
    """Shade the zone of possible agreement, labelled once above the rows."""
    data: list[Artist] = []
    for low, high in zone.intervals:
        pad = 0.4 if low == high else 0.0  # a single touching point still shows as a thin band
        data.append(
            ax.axvspan(low - pad, high + pad, color=PALETTE["green"], alpha=0.3, hatch="xx", linewidth=0)
        )
    if zone.intervals:
        start = zone.intervals[0][0]
        label = " zone of possible agreement "
        data.append(
            ax.text(start, -0.75, label, fontsize=8, color="#006644", ha="left" if start < 70 else "right")
        )
    return data


def _side_marks(ax: Axes, ws: WinSet, rows: Mapping[tuple[str, str], float]) -> list[Artist]:
    """Draw a side's constituents (ideal point, sized by pressure, and range) and its win-set as bars."""
    colour, marker, _tag = SIDE_STYLE[ws.side]
    total = sum(c.weight for c in ws.constituents) or 1
    xs: list[float] = []
    ys: list[float] = []
    for c in ws.constituents:  # each constituent's range, one line broken by NaNs
        xs += [max(0, c.ideal - ws.tolerance), min(100, c.ideal + ws.tolerance), math.nan]
        ys += [rows[(ws.side, c.name)]] * 2 + [math.nan]
    data: list[Artist] = [*ax.plot(xs, ys, color=colour, linewidth=1.5)]
    for c in ws.constituents:  # marker area grows with the constituent's share of the pressure
        size = math.sqrt(30 + 300 * c.weight / total)
        data += ax.plot([c.ideal], [rows[(ws.side, c.name)]], linestyle="none", zorder=3, marker=marker,
                        markersize=size, color=colour, markeredgecolor="white")  # fmt: skip
    y = rows[(ws.side, "")]
    for low, high in ws.intervals:
        bar = Rectangle((low, y - 0.3), max(high - low, 0.6), 0.6, facecolor="white", edgecolor=colour,
                        hatch=_HATCH[ws.side], linewidth=1.5)  # fmt: skip
        data.append(ax.add_patch(bar))
    return data


def _spans(intervals: Sequence[tuple[float, float]]) -> str:
    if not intervals:
        return "is empty"
    return "runs " + " and ".join(f"from {low:g} to {high:g}" for low, high in intervals)
