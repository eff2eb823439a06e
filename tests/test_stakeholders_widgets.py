"""kit.widgets.stakeholders: the pure views, and the shells wired to them (placements saved and restored)."""

from __future__ import annotations

import json
import re

import ipywidgets as widgets
import pytest

from kit.display.stakeholders import grid_reasons_html
from kit.errors import InvalidInputError, KitError
from kit.stakeholders import Constituent
from kit.store import open_work
from kit.widgets import (
    game_view,
    grid_comparison_view,
    grid_placer,
    grid_reference,
    grid_view,
    two_level_game,
)
from kit.widgets.stakeholders import GRID_KEY, game_html, grid_html


@pytest.fixture(autouse=True)
def _close_widgets():
    yield
    widgets.Widget.close_all()


def controls(box: widgets.VBox) -> dict[str, widgets.Widget]:
    """Return a widget's controls by description (the toggle as 'mode'), searching nested boxes."""
    found: dict[str, widgets.Widget] = {}
    stack = list(box.children)
    while stack:
        child = stack.pop(0)
        if isinstance(child, widgets.Box):
            stack[:0] = child.children
        elif getattr(child, "description", ""):
            found[child.description] = child
    return found


def summary(box: widgets.VBox, css: str) -> str:
    return next(c.value for c in box.children if isinstance(c, widgets.HTML) and css in c.value)


# ---------------------------------------------------------------- the grid

# Every actor placed where the reference puts it, except Congress (3, 9: keep informed, where the
# reference has 8, 4: keep satisfied) and Kantor (8, 10, as the reference): 9 of 10 share a quadrant,
# and Congress lies sqrt(5**2 + 5**2) = 7.07 grid points from the reference.
FULL = {
    "kantor": [8, 10], "clinton": [10, 6], "congress": [3, 9], "hata": [7, 9], "trade_bureaucracy": [8, 7],
    "ruling_coalition": [6, 3], "car_makers": [6, 8], "auto_parts": [3, 9], "insurers": [2, 8],
    "analysts": [1, 3],
}  # fmt: skip
CONGRESS_REASON = "Can block the world trade agreement Clinton needs"


def test_grid_view_reports_progress_and_the_selected_actor():
    view = grid_view({"hata": [7, 9]}, "hata")
    assert view.summary == "You have placed 1 of 10 actors. Hata: power 7, interest 9, so manage closely."
    view = grid_view({}, "congress")
    assert (
        view.summary == "You have placed 0 of 10 actors. Congress: not placed yet; move a slider to place it."
    )
    assert grid_html(view) == (
        '<p class="kit-grid-summary">You have placed 0 of 10 actors. Congress: not placed yet; move a slider '
        "to place it.</p>"
    )


def test_the_comparison_puts_each_placement_beside_the_reference_with_its_reason():
    differences = grid_comparison_view(FULL)
    assert [d.actor for d in differences][:3] == ["kantor", "clinton", "congress"]
    assert sum(d.same_quadrant for d in differences) == 9
    assert round(differences[2].distance, 2) == 7.07
    table = re.sub(r' style="[^"]*"', "", grid_reasons_html(differences).data)
    assert "<td>Congress</td><td>3 / 9 (keep informed)</td><td>8 / 4 (keep satisfied)</td>" in table
    assert CONGRESS_REASON in table


def test_an_actor_is_chosen_by_id_or_by_name_and_a_wrong_one_is_named():
    assert grid_view({}, "Kantor").selected == "kantor"
    assert grid_view({}, " trade Bureaucracy ").selected == "trade_bureaucracy"
    allowed = "one of the grid's actors, by name or id (Kantor, Clinton, Congress, Hata, trade bureaucracy"
    with pytest.raises(InvalidInputError, match=rf"^parameter 'selected' must be {re.escape(allowed)}"):
        grid_view({}, "hosokawa")


def test_the_grid_placer_takes_an_actors_name_or_names_what_is_allowed(tmp_path):
    work = open_work("05_stakeholders", tmp_path)
    box = grid_placer(work, selected="Kantor")  # raised a TraitError before: "Kantor" is a label, not an id
    assert controls(box)["Actor:"].value == "kantor"
    assert controls(grid_placer(work, selected="foreign insurers"))["Actor:"].value == "insurers"
    message = r"^parameter 'selected' must be one of the grid's actors, by name or id "
    with pytest.raises(KitError, match=message + r"\(Kantor, .*political analysts\), not str 'Kantorr'\.$"):
        grid_placer(work, selected="Kantorr")
    with pytest.raises(KitError, match=r"^parameter 'selected' must be text"):
        grid_placer(work, selected=3)


def test_the_grid_placer_saves_every_change_and_restores_it(tmp_path):
    work = open_work("05_stakeholders", tmp_path)
    box = grid_placer(work)
    c = controls(box)
    assert (c["Actor:"].value, c["Power:"].value, c["Interest:"].value) == ("kantor", 5, 5)
    assert "You have placed 0 of 10 actors." in summary(box, "kit-grid-summary")
    assert not work.path.exists()  # nothing is written until the student moves something

    c["Power:"].value = 9
    saved = json.loads(work.path.read_text(encoding="utf-8"))["answers"][GRID_KEY]
    assert saved == {"kantor": [9, 5]}
    c["Actor:"].value = "congress"  # switching actor places nothing
    assert (c["Power:"].value, c["Interest:"].value) == (5, 5)
    assert open_work("05_stakeholders", tmp_path).get(GRID_KEY) == {"kantor": [9, 5]}
    c["Interest:"].value = 2
    assert "Congress: power 5, interest 2, so keep satisfied." in summary(box, "kit-grid-summary")
    c["Actor:"].value = "kantor"
    assert (c["Power:"].value, c["Interest:"].value) == (9, 5)  # back to the saved placement

    again = grid_placer(open_work("05_stakeholders", tmp_path), selected="congress")  # the cell re-run
    assert (controls(again)["Power:"].value, controls(again)["Interest:"].value) == (5, 2)
    assert "You have placed 2 of 10 actors." in summary(again, "kit-grid-summary")


def everything(box: widgets.Widget) -> str:
    """Return every value and tooltip the widget holds, nested boxes included."""
    found, stack = [], [box]
    while stack:
        child = stack.pop(0)
        stack[:0] = getattr(child, "children", ())
        found += [str(getattr(child, "value", "")), str(getattr(child, "tooltip", "") or "")]
    return " ".join(found)


def test_the_reference_opens_only_once_every_actor_is_placed_and_saved(tmp_path):
    work = open_work("05_stakeholders", tmp_path)
    work.set(GRID_KEY, {k: v for k, v in FULL.items() if k != "analysts"})
    grid = grid_placer(work, selected="analysts")
    reveal = grid_reference(work)
    button, status = reveal.children[0].children
    assert button.description == "Compare with the reference" and button.disabled
    locked = "Locked until you save a placement for each of the 10 actors on your grid: 9 of 10 saved so far."
    assert status.value == f"<p>{locked}</p>"
    assert "a placement for each of the 10 actors on your grid" in reveal.static  # what GitHub shows
    controls(grid)["Power:"].value = 1  # the last actor placed, and saved through the same work file
    assert not button.disabled and status.value.startswith("<p>Saved: a placement for each of the 10")
    assert open_work("05_stakeholders", tmp_path).get(GRID_KEY)["analysts"] == [1, 5]
    assert CONGRESS_REASON not in everything(grid) + everything(reveal)  # open, but not clicked
    controls(grid)["Power:"].value = 3
    work.set(GRID_KEY, {"kantor": [8, 10]})  # fewer than ten saved: locked again
    assert button.disabled


def test_an_unusable_saved_grid_is_set_aside_with_a_notice(tmp_path):
    work = open_work("05_stakeholders", tmp_path)
    work.set(GRID_KEY, {"kantor": [8, 99]})
    box = grid_placer(work)
    assert (
        "Your saved grid could not be used (parameter &#x27;saved&#x27; must be a dict "
        "giving &#x27;kantor&#x27; a placement [power, interest], two numbers from 0 to 10, "
        "not list [8, 99].)" in box.children[0].value
    )
    assert "You have placed 0 of 10 actors." in summary(box, "kit-grid-summary")
    work.set(GRID_KEY, ["kantor", 8, 9])
    notice = grid_placer(work).children[0].value
    expected = "could not be used (parameter &#x27;saved&#x27; must be a dict of actor ids to placements "
    assert f"{expected}[power, interest], not list [&#x27;kantor&#x27;, 8, 9].)" in notice
    work.set(GRID_KEY, {"hosokawa": [2, 3]})  # an actor of the registry, but not of the grid
    assert "must be a dict whose keys are actors of the grid" in grid_placer(work).children[0].value
    work.set(GRID_KEY, {"kantor": [7.5, 9]})  # a slider holds whole numbers only
    box = grid_placer(work)
    assert "a placement that is not a whole number; start placing again" in box.children[0].value
    assert controls(box)["Power:"].value == 5 and "placed 0 of 10" in summary(box, "kit-grid-summary")
    work.set(GRID_KEY, "Kantor high")
    assert "Your saved grid could not be used" in grid_placer(work).children[0].value


# ---------------------------------------------------------------- the two-level game


def test_game_view_computes_both_win_sets_and_the_zone():
    us = [Constituent("Congress", 80, 1)]
    japan = [Constituent("the trade bureaucracy", 20, 1)]
    view = game_view(us, japan, {"United States": 10, "Japan": 10}, title="test")
    assert view.us.intervals == ((70.0, 90.0),) and view.japan.intervals == ((10.0, 30.0),)
    assert view.summary == "No overlap: the win-sets are 40 points apart, so no agreement is possible."
    view = game_view(us, japan, {"United States": 30, "Japan": 30})  # [50, 100] and [0, 50]
    assert (view.zone.status, view.zone.intervals) == ("touching", ((50.0, 50.0),))
    assert "teaching assumption, not data" in game_html(view)
    tolerances = r"must be a dict giving United States a tolerance from 0 to 100, not dict"
    with pytest.raises(InvalidInputError, match=rf"^parameter 'tolerances' {tolerances}"):
        game_view(us, japan, {"United States": 120, "Japan": 10})


def test_the_game_starts_on_may_1994_and_answers_its_sliders():
    box = two_level_game()
    c = controls(box)
    assert c["Preset:"].value == "May 1994 (resumption)"
    assert "overlap from 40 to 45" in summary(box, "kit-game-summary")
    # The coalition's ideal from 45 to 20: ranges bureaucracy [0, 35] (weight 3), industry [5, 45] (2),
    # coalition [0, 40] (3); 4 of 8 is needed, which holds on [0, 40] only. It touches the U.S. [40, 80].
    c["ruling coalition: ideal point"].value = 20
    assert "only touch, at 40" in summary(box, "kit-game-summary")
    caption = next(x.value for x in box.children if isinstance(x, widgets.HTML) and "Figure." in x.value)
    assert "Japan&#x27;s win-set runs from 0 to 40" in caption
    # Tolerance 5: [10, 20] (3), [20, 30] (2), [15, 25] (3); 4 is reached on [15, 25]; 40 - 25 = 15.
    c["Japan: tolerance"].value = 5
    assert "15 points apart" in summary(box, "kit-game-summary")


def test_choosing_a_preset_resets_every_slider_and_draws_once():
    box = two_level_game("June 1995 (later: the autos deal)")
    c = controls(box)
    assert "overlap from 35 to 50" in summary(box, "kit-game-summary")
    c["Congress: pressure"].value = 5
    c["Preset:"].value = "February 1994 (breakdown)"
    assert (c["Congress: ideal point"].value, c["Congress: pressure"].value) == (85, 3)
    assert (c["United States: tolerance"].value, c["Japan: tolerance"].value) == (15, 15)
    assert "35 points apart" in summary(box, "kit-game-summary")
    assert "Clinton-Hosokawa summit" in next(x.value for x in box.children if "What the preset" in x.value)
