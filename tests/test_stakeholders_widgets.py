"""kit.widgets.stakeholders: the pure views, and the shells wired to them (placements saved and restored)."""

from __future__ import annotations

import json

import ipywidgets as widgets
import pytest

from kit.errors import InvalidInputError
from kit.stakeholders import Constituent
from kit.store import open_work
from kit.widgets import game_view, grid_placer, grid_view, two_level_game
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
        elif isinstance(child, widgets.ToggleButtons):
            found["mode"] = child
        elif getattr(child, "description", ""):
            found[child.description] = child
    return found


def summary(box: widgets.VBox, css: str) -> str:
    return next(c.value for c in box.children if isinstance(c, widgets.HTML) and css in c.value)


# ---------------------------------------------------------------- the grid


def test_grid_view_reports_progress_and_the_selected_actor():
    view = grid_view({"hata": [7, 9]}, "hata")
    assert view.summary == "You have placed 1 of 10 actors. Hata: power 7, interest 9, so manage closely."
    view = grid_view({}, "congress")
    assert (
        view.summary == "You have placed 0 of 10 actors. Congress: not placed yet; move a slider to place it."
    )
    view = grid_view({"congress": [3, 9], "kantor": [8, 10]}, "kantor", compare=True)
    assert view.summary.endswith("1 of 2 placed actors share the reference's quadrant.")
    assert [d.actor for d in view.differences] == ["kantor", "congress"]
    html = grid_html(view)
    assert "<td>Congress</td><td>3 / 9</td><td>8 / 4 (keep satisfied)</td>" in html
    assert "Can block the world trade agreement" in html  # the reference's rationale, shown when comparing
    with pytest.raises(InvalidInputError, match="selected must be one of the grid's actors"):
        grid_view({}, "hosokawa")


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


def test_the_grid_placer_compares_with_the_reference(tmp_path):
    work = open_work("05_stakeholders", tmp_path)
    work.set(GRID_KEY, {"kantor": [8, 10], "congress": [3, 9]})
    box = grid_placer(work)
    controls(box)["mode"].value = "Compare with the reference"
    text = summary(box, "kit-grid-summary")
    assert "1 of 2 placed actors share the reference&#x27;s quadrant." in text
    assert "why the reference puts it there" in text
    caption = next(c.value for c in box.children if isinstance(c, widgets.HTML) and "Figure." in c.value)
    assert "furthest from it is Congress (7.1 grid points)" in caption


def test_an_unusable_saved_grid_is_set_aside_with_a_notice(tmp_path):
    work = open_work("05_stakeholders", tmp_path)
    work.set(GRID_KEY, {"kantor": [8, 99]})
    box = grid_placer(work)
    assert (
        "Your saved grid could not be used (placements_from: parameter &#x27;saved&#x27; must be a dict "
        "giving &#x27;kantor&#x27; a placement [power, interest], two numbers from 0 to 10, "
        "not list [8, 99].)" in box.children[0].value
    )
    assert "You have placed 0 of 10 actors." in summary(box, "kit-grid-summary")
    work.set(GRID_KEY, ["kantor", 8, 9])
    notice = grid_placer(work).children[0].value
    expected = "could not be used (placements_from: parameter &#x27;saved&#x27; must be a dict of text "
    assert f"{expected}(a str) to a list of a finite number, not list [&#x27;kantor&#x27;, 8, 9].)" in notice


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
    with pytest.raises(InvalidInputError, match=rf"^game_view: parameter 'tolerances' {tolerances}"):
        game_view(us, japan, {"United States": 120, "Japan": 10})


def test_the_game_starts_on_may_1994_and_answers_its_sliders():
    box = two_level_game()
    c = controls(box)
    assert c["Preset:"].value == "May 1994 (resumption)"
    assert "overlap from 40 to 45" in summary(box, "kit-game-summary")
    # The coalition's ideal from 45 to 20: ranges bureaucracy [0, 35] (weight 3), industry [5, 45] (2),
    # coalition [0, 40] (3); 4 of 8 is needed, which holds on [0, 40] only. It touches the U.S. [40, 80].
    c["the ruling coalition: ideal point"].value = 20
    assert "only touch, at 40" in summary(box, "kit-game-summary")
    caption = next(x.value for x in box.children if isinstance(x, widgets.HTML) and "Figure." in x.value)
    assert "Japan&#x27;s win-set runs from 0 to 40" in caption
    # Tolerance 5: [10, 20] (3), [20, 30] (2), [15, 25] (3); 4 is reached on [15, 25]; 40 - 25 = 15.
    c["Japan: tolerance"].value = 5
    assert "15 points apart" in summary(box, "kit-game-summary")


def test_choosing_a_preset_resets_every_slider_and_draws_once():
    box = two_level_game("June 1995 (autos deal)")
    c = controls(box)
    assert "overlap from 35 to 50" in summary(box, "kit-game-summary")
    c["Congress: pressure"].value = 5
    c["Preset:"].value = "February 1994 (breakdown)"
    assert (c["Congress: ideal point"].value, c["Congress: pressure"].value) == (85, 3)
    assert (c["United States: tolerance"].value, c["Japan: tolerance"].value) == (15, 15)
    assert "35 points apart" in summary(box, "kit-game-summary")
    assert "Clinton-Hosokawa summit" in next(x.value for x in box.children if "What the preset" in x.value)
