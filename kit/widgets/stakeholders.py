"""Widgets for the stakeholders lesson: place actors on the power-interest grid, and play the two-level game.

``grid_view`` and ``game_view`` are the pure cores. ``grid_placer`` saves every
placement to the student's work file (kit.store) the moment it changes and reads
it back when the cell is re-run; ``two_level_game`` wires a preset menu and a
slider per parameter to the win-set chart. Both redraw by blitting.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import numpy as np
import PIL.Image
from matplotlib.axes import Axes

from kit.charts.stakeholders import grid_comparison, power_interest_grid, win_sets
from kit.display.stakeholders import (
    game_summary_html,
    grid_reasons_html,
    grid_summary_html,
    notice_html,
    preset_note_html,
    side_heading_html,
)
from kit.errors import KitError, checked, invalid
from kit.stakeholders import (
    GAME_SIDES,
    Constituent,
    GridDifference,
    Placement,
    Preset,
    WinSet,
    Zone,
    actor_sides,
    compare_grid,
    game_presets,
    load_registry,
    placements_from,
    preset,
    reference_grid,
    win_set,
    zone_of_agreement,
)
from kit.store import WorkFile
from kit.widgets.base import ChartImage, friendly, panel
from kit.widgets.reveal import reveal_after

GRID_KEY = "stakeholders.grid"
START = (5, 5)  # where the sliders stand for an actor not placed yet
POWER_TIP = "How far the actor can shape the outcome: 0 none, 10 decisive."
INTEREST_TIP = "How much the outcome matters to the actor: 0 not at all, 10 vitally."
GAME_SIZE, GAME_MARGINS = (8.0, 4.4), {"left": 0.22, "right": 0.98, "bottom": 0.27, "top": 0.92}
PRESET_TIP = "A labelled set of illustrative settings; choosing one resets every slider."


class _BatchChart(ChartImage):
    """A ChartImage that skips drawing while several controls are set at once, then draws once."""

    def __init__(self, size: tuple[float, float], margins: dict[str, float]):
        super().__init__(size, margins)
        self.paused = False
        self.last = ""

    def draw(self, render: Callable[[Axes], str]) -> str:
        """Draw as ChartImage does, unless paused: then keep the last drawing and summary."""
        if not self.paused:
            self.last = super().draw(render)
        return self.last

    def _png(self) -> bytes:
        # These charts are opaque, so dropping the alpha channel loses nothing and makes
        # encoding, most of an update's time, about a fifth faster.
        buffer = io.BytesIO()
        pixels = np.asarray(self.canvas.buffer_rgba())[..., :3]
        PIL.Image.fromarray(np.ascontiguousarray(pixels)).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


# ---------------------------------------------------------------- the power-interest grid


@dataclass(frozen=True)
class GridView:
    """What the grid placer shows: the student's placements, the selected actor, and a progress summary."""

    placed: dict[str, Placement]
    selected: str
    summary: str


def _labels() -> dict[str, str]:
    return {p.actor: p.label for p in reference_grid()}


def _grid_actor(selected: str, labels: Mapping[str, str]) -> str:
    """Return the id of the grid's actor named ``selected`` (its id or its name, in any case)."""
    wanted = selected.strip().casefold()
    for ident, label in labels.items():
        if wanted in (ident.casefold(), label.casefold()):
            return ident
    allowed = f"one of the grid's actors, by name or id ({', '.join(labels.values())})"
    raise invalid("selected", selected, allowed)


def grid_view(saved: Mapping[str, Sequence[float]], selected: str) -> GridView:
    """Return what the grid placer shows for saved placements ({id: [power, interest]}) and one actor."""
    labels = _labels()
    selected = _grid_actor(selected, labels)
    placed = placements_from(saved)
    count = f"You have placed {len(placed)} of {len(labels)} actors."
    if selected in placed:
        mine = placed[selected]
        where = f"{labels[selected]}: power {mine.power:g}, interest {mine.interest:g}, so {mine.quadrant}."
    else:
        where = f"{labels[selected]}: not placed yet; move a slider to place it."
    return GridView(placed, selected, f"{count} {where}")


def grid_html(view: GridView) -> str:
    """Return the grid placer's summary as HTML."""
    return grid_summary_html(view.summary)


def _saved(work: WorkFile) -> tuple[dict[str, list[int]], str]:
    """Return the placements in the work file, or none and a notice if they cannot be used."""
    raw = work.get(GRID_KEY, {})
    try:
        placements_from(raw)
    except KitError as error:
        return {}, f"Your saved grid could not be used ({error}); start placing again."
    if not all(float(v).is_integer() for pair in raw.values() for v in pair):
        return {}, "Your saved grid holds a placement that is not a whole number; start placing again."
    return {k: [int(v) for v in pair] for k, pair in raw.items()}, ""


def _grid_controls(labels: Mapping[str, str], selected: str, start: Sequence[int]) -> list[widgets.Widget]:
    """Return the grid placer's controls: the actor menu and the two sliders."""
    picker = widgets.Dropdown(
        options=[(v, k) for k, v in labels.items()],
        value=selected,
        description="Actor:",
        tooltip="The actor to place on the grid; the sliders then show where you put them.",
    )
    style = {"description_width": "6em"}
    power = widgets.IntSlider(value=start[0], min=0, max=10, description="Power:", continuous_update=False,
                              style=style, tooltip=POWER_TIP)  # fmt: skip
    interest = widgets.IntSlider(value=start[1], min=0, max=10, description="Interest:",
                                 continuous_update=False, style=style,
                                 tooltip=INTEREST_TIP)  # fmt: skip
    return [picker, power, interest]


@checked
def grid_placer(work: WorkFile, selected: str = "kantor") -> widgets.VBox:
    """Return the grid placer: pick an actor, set its power and interest; every change is saved at once."""
    labels = _labels()
    selected = _grid_actor(selected, labels)
    saved, problem = _saved(work)
    sides = actor_sides(load_registry())
    picker, power, interest = _grid_controls(labels, selected, saved.get(selected, START))
    chart = _BatchChart((5.8, 5.3), {"left": 0.11, "right": 0.97, "bottom": 0.25, "top": 0.93})

    def switch(_change: object) -> None:
        chart.paused = True  # the picker's own observer, registered after this one, draws once
        try:
            power.value, interest.value = saved.get(picker.value, START)
        finally:
            chart.paused = False

    def place(_change: object) -> None:
        if not chart.paused:
            saved[picker.value] = [power.value, interest.value]
            work.set(GRID_KEY, saved)

    picker.observe(switch, names="value")
    power.observe(place, names="value")
    interest.observe(place, names="value")

    def render(ax: Axes) -> str:
        view = grid_view(saved, picker.value)
        title, note = "Your power-interest grid", "Your placement: a judgement to argue for."
        power_interest_grid(list(view.placed.values()), sides, title, note, view.selected, ax, labels)
        return grid_html(view)

    box = panel([picker, power, interest], render, chart)
    notice = work.notice or problem
    if notice:
        box.children = [widgets.HTML(notice_html(notice)), *box.children]
    return friendly(box, "power-interest grid")


def grid_comparison_view(saved: Mapping[str, Sequence[float]]) -> list[GridDifference]:
    """Return each placed actor's saved placement beside the kit's reference, in grid order."""
    return compare_grid(placements_from(saved))


@checked
def grid_reference(work: WorkFile) -> widgets.VBox:
    """Return the "Compare with the reference" button for the grid: it opens once every actor is placed
    and saved, and then shows the student's grid against the kit's, with the kit's reasons."""
    sides = actor_sides(load_registry())

    def comparison() -> list[object]:
        differences = grid_comparison_view(work.get(GRID_KEY, {}))
        return [grid_comparison(differences, sides), grid_reasons_html(differences)]

    task = f"a placement for each of the {len(_labels())} actors on your grid"
    return reveal_after(work, [GRID_KEY], comparison, needed=len(_labels()), task=task)


# ---------------------------------------------------------------- the two-level game


@dataclass(frozen=True)
class GameView:
    """What the two-level game shows: both win-sets, the zone where they overlap, and a summary."""

    us: WinSet
    japan: WinSet
    zone: Zone
    title: str
    summary: str


def game_view(
    us: Sequence[Constituent],
    japan: Sequence[Constituent],
    tolerances: Mapping[str, float],
    quota: float = 0.5,
    title: str = "",
) -> GameView:
    """Return both sides' win-sets for these constituents and tolerances, and the zone of agreement."""
    for side in GAME_SIDES:
        tolerance = tolerances.get(side)
        if not isinstance(tolerance, int | float) or isinstance(tolerance, bool) or not 0 <= tolerance <= 100:
            allowed = f"a dict giving {side} a tolerance from 0 to 100"
            raise invalid("tolerances", tolerances, allowed)
    first = win_set("United States", us, tolerances["United States"], quota)
    second = win_set("Japan", japan, tolerances["Japan"], quota)
    zone = zone_of_agreement(first, second)
    return GameView(first, second, zone, title, zone.summary)


def game_html(view: GameView) -> str:
    """Return the game's summary as HTML, with the reminder that its numbers are assumptions."""
    return game_summary_html(view.summary)


Sliders = Mapping[tuple[str, str, str], widgets.IntSlider]  # by side, constituent, "ideal" or "weight"
Sides = Mapping[str, widgets.IntSlider]  # a slider per side of the game


def _game_controls(
    chosen_name: str,
) -> tuple[dict[tuple[str, str, str], widgets.IntSlider], dict[str, widgets.IntSlider]]:
    chosen = preset(chosen_name)
    # Wide enough for the longest description and a usable track, two columns side by side.
    style, layout = {"description_width": "16.5em"}, widgets.Layout(width="31em")
    sliders: dict[tuple[str, str, str], widgets.IntSlider] = {}
    tolerance: dict[str, widgets.IntSlider] = {}
    for side in GAME_SIDES:
        for c in chosen.constituents[side]:
            short = c.name.removeprefix("the ")  # "trade bureaucracy: ideal point" fits its label
            sliders[(side, c.name, "ideal")] = widgets.IntSlider(
                value=c.ideal, min=0, max=100, step=5, description=f"{short}: ideal point",
                tooltip=f"Where {c.name} would like the deal to land, 0 to 100 (an illustrative scale).",
                continuous_update=False, style=style, layout=layout)  # fmt: skip
            sliders[(side, c.name, "weight")] = widgets.IntSlider(
                value=c.weight, min=0, max=5, description=f"{short}: pressure",
                tooltip=f"How hard {c.name} can press its negotiator, 0 to 5 (illustrative).",
                continuous_update=False, style=style, layout=layout)  # fmt: skip
        tolerance[side] = widgets.IntSlider(
            value=chosen.tolerances[side], min=0, max=50, step=5, description=f"{side}: tolerance",
            tooltip=f"How far from its constituents' weighted ideal a deal can land and still be ratified in "
                    f"{side} (illustrative).",
            continuous_update=False, style=style, layout=layout)  # fmt: skip
    return sliders, tolerance


@checked
def two_level_game(chosen: str = "May 1994 (resumption)") -> widgets.VBox:
    """Return the two-level game simulator: a preset menu and sliders for every illustrative parameter."""
    names = [p.name for p in game_presets()]
    picker = widgets.Dropdown(options=names, value=preset(chosen).name, description="Preset:",
                              tooltip=PRESET_TIP,
                              layout=widgets.Layout(width="28em"))  # fmt: skip
    sliders, tolerance = _game_controls(chosen)
    note = widgets.HTML()
    chart = _BatchChart(GAME_SIZE, GAME_MARGINS)

    def load(_change: object = None) -> None:
        current = preset(picker.value)
        note.value = preset_note_html(current.note)
        chart.paused = True  # the picker's own observer, registered after this one, draws once
        try:
            _set_sliders(current, sliders, tolerance)
        finally:
            chart.paused = False

    load()
    picker.observe(load, names="value")

    def render(ax: Axes) -> str:
        view = _game_settings(preset(picker.value), sliders, tolerance)
        win_sets(view.us, view.japan, view.zone, view.title, ax)
        return game_html(view)

    controls = [*sliders.values(), *tolerance.values()]
    box = panel([picker, *controls], render, chart)
    box.children = [picker, note, _game_columns(sliders, tolerance), *box.children[len(controls) + 1 :]]
    return friendly(box, "two-level game")


def _set_sliders(chosen: Preset, sliders: Sliders, tolerance: Sides) -> None:
    """Set every slider to the preset's value."""
    for side in GAME_SIDES:
        for c in chosen.constituents[side]:
            sliders[(side, c.name, "ideal")].value = c.ideal
            sliders[(side, c.name, "weight")].value = c.weight
        tolerance[side].value = chosen.tolerances[side]


def _game_settings(chosen: Preset, sliders: Sliders, tolerance: Sides) -> GameView:
    """Return the game's view for the sliders' settings, titled by the preset unless a slider moved."""
    sides = {
        side: [Constituent(c.name, sliders[(side, c.name, "ideal")].value,
                           sliders[(side, c.name, "weight")].value) for c in chosen.constituents[side]]
        for side in GAME_SIDES
    }  # fmt: skip
    changed = any(
        (c.ideal, c.weight) != (n.ideal, n.weight)
        for side in GAME_SIDES
        for c, n in zip(sides[side], chosen.constituents[side], strict=True)
    ) or any(tolerance[s].value != chosen.tolerances[s] for s in GAME_SIDES)
    title = "Your settings" if changed else chosen.name
    tolerances = {s: tolerance[s].value for s in GAME_SIDES}
    return game_view(sides["United States"], sides["Japan"], tolerances, chosen.quota, title)


def _game_columns(sliders: Sliders, tolerance: Sides) -> widgets.HBox:
    """Return the sliders in two columns, one per side, each under the side's name."""
    columns = [
        widgets.VBox([s for (side, *_), s in sliders.items() if side == column] + [tolerance[column]])
        for column in GAME_SIDES
    ]
    headings = [widgets.HTML(side_heading_html(side)) for side in GAME_SIDES]
    return widgets.HBox([widgets.VBox([h, c]) for h, c in zip(headings, columns, strict=True)])
