"""kit.charts.stakeholders: what each chart draws, says in its description, and labels as illustrative."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from kit import charts
from kit.article import load_article
from kit.charts.base import layers
from kit.errors import InvalidInputError
from kit.stakeholders import (
    Constituent,
    Placement,
    appearances,
    compare_grid,
    load_registry,
    play,
    preset,
    reference_grid,
    win_set,
    zone_of_agreement,
)
from kit.widgets.stakeholders import GAME_MARGINS, GAME_SIZE


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def sides(registry):
    return {a.id: a.side for a in registry}


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_the_appearance_strip_has_a_row_per_actor_tagged_by_side(registry):
    found = appearances(load_article(), registry)
    ax = charts.appearance_strip(registry, found, 20)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 23
    assert labels[0] == "[US] Mickey Kantor" and labels[2] == "[JP] Tsutomu Hata"
    assert "[US+JP] U.S. and Japanese officials (unnamed)" in labels
    assert "[other] political analysts (unnamed)" in labels
    assert [h.get_label() for h in ax.get_legend().legend_handles] == [
        "quoted",
        "paraphrased",
        "mentioned",
        "implied",
    ]
    # One mark per actor and paragraph the registry lists: 6 for Kantor, 3 for Clinton, 5 for Hata, ...
    # 6+3+5+1+1+5+5+3+1+1+1+1+1+1+1+2+1+1+2+1+1+1+1 = 46.
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(found) == 46
    assert charts.description(ax) == (
        "23 actors across the story's 20 paragraphs; quoted in their own words: Koji Kakizawa, Mickey "
        "Kantor, Tsutomu Hata and a senior Administration official (unnamed); sides are tagged US, JP, "
        "US+JP or other."
    )
    with pytest.raises(
        InvalidInputError,
        match=r"^parameter 'found' must be a list holding at least one appearance of one of the actors, not ",
    ):
        charts.appearance_strip(registry, [], 20)


def test_the_grid_labels_its_quadrants_and_says_it_is_illustrative(sides):
    ax = charts.power_interest_grid(reference_grid(), sides, title="Reference", selected="hata")
    assert {"MANAGE CLOSELY", "KEEP SATISFIED", "KEEP INFORMED", "MONITOR"} <= set(texts(ax))
    assert any(t.startswith("Illustrative values: teaching assumptions, not data.") for t in texts(ax))
    assert ax.get_xlabel() == "interest in the outcome (0-10)"
    assert ax.get_ylabel() == "power over the outcome (0-10)"
    assert charts.description(ax) == (
        "10 actors on a power-interest grid (manage closely: 5; keep satisfied: 2; keep informed: 2; "
        "monitor: 1)."
    )
    # The two quadrant dividers, then one marker line per side: the U.S. 5 (Kantor, Clinton, Congress,
    # parts suppliers, insurers), Japan 4 (Hata, bureaucracy, coalition, car makers), neither 1; the ring.
    assert [len(line.get_xdata()) for line in ax.lines] == [2, 2, 5, 4, 1, 1]
    ring = ax.lines[-1]
    assert (list(ring.get_xdata()), list(ring.get_ydata())) == ([9.0], [7.0])  # Hata: interest 9, power 7


def test_an_empty_grid_says_so(sides):
    ax = charts.power_interest_grid([], sides)
    assert charts.description(ax) == "An empty power-interest grid: no actor is placed yet."


def test_the_comparison_draws_an_arrow_for_each_actor_that_moved(sides):
    student = {
        "kantor": Placement("kantor", 8, 10, "Kantor"),  # where the reference has it: no arrow
        "congress": Placement("congress", 3, 9, "Congress"),
    }
    ax = charts.grid_comparison(compare_grid(student), sides)
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None and not t.get_text()]
    assert len(arrows) == 1
    assert charts.description(ax) == (
        "1 of 2 placed actors fall in the same quadrant as the reference; the furthest from it is Congress "
        "(7.1 grid points)."
    )  # Congress (3, 9) against (8, 4): sqrt(25 + 25) = 7.07
    assert (
        charts.description(charts.grid_comparison([], sides)) == "Nothing to compare yet: no actor is placed."
    )


def test_the_win_set_chart_shows_each_constituent_and_the_zone():
    us, japan, zone = play(preset("May 1994 (resumption)"))
    ax = charts.win_sets(us, japan, zone, "May 1994 (resumption)")
    assert ax.get_title() == "May 1994 (resumption): agreement possible"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        "[US] Congress",
        "[US] U.S. industry",
        "[US] the Administration",
        "the United States' WIN-SET",
        "[JP] the trade bureaucracy",
        "[JP] Japanese industry",
        "[JP] the ruling coalition",
        "Japan's WIN-SET",
    ]
    assert any("teaching assumptions, not data" in t for t in texts(ax))
    assert " zone of possible agreement " in texts(ax)
    assert charts.description(ax) == (
        "Win-sets on the 0-100 scale (illustrative parameters): the United States' win-set runs from 40 to "
        "80; Japan's win-set runs from 5 to 45. The win-sets overlap from 40 to 45: agreement is possible "
        "there."
    )


def test_a_redraw_with_the_same_constituents_keeps_the_frame_and_replaces_the_data():
    fig, ax = plt.subplots()
    us, japan, zone = play(preset("May 1994 (resumption)"))
    charts.win_sets(us, japan, zone, ax=ax)
    frame, first = layers(ax).frame, list(layers(ax).data)
    us, japan, zone = play(preset("February 1994 (breakdown)"))
    charts.win_sets(us, japan, zone, "February 1994", ax=ax)
    assert layers(ax).frame == frame
    assert all(artist.axes is None for artist in first)  # the old data were removed
    assert ax.get_title() == "February 1994: no agreement"
    assert " zone of possible agreement " not in texts(ax)


def test_touching_and_empty_win_sets_are_drawn_and_described():
    us = win_set("United States", [Constituent("A", 60, 1)], 10)
    japan = win_set("Japan", [Constituent("C", 40, 1)], 10)
    ax = charts.win_sets(us, japan, zone_of_agreement(us, japan))
    assert ax.get_title() == "agreement at one point only"
    empty = win_set("Japan", [Constituent("a", 20, 2), Constituent("b", 80, 2)], 10, quota=0.6)
    ax = charts.win_sets(us, empty, zone_of_agreement(us, empty))
    assert "Japan's win-set is empty" in charts.description(ax)
    message = r"^the side of parameter 'first' must be 'United States' \(the United States' win-set first, "
    with pytest.raises(InvalidInputError, match=message + r"Japan's second\), not str 'Japan'\.$"):
        charts.win_sets(japan, us, zone_of_agreement(us, japan))


def test_a_numbered_grid_keys_its_markers_under_the_chart(sides):
    reference = reference_grid()
    numbered = {p.actor: p.label for p in reference}
    ax = charts.power_interest_grid(reference[:3], sides, selected="clinton", numbered=numbered)
    labels = [t.get_text() for t in ax.texts if t.get_text() and t.get_text()[0].isdigit()]
    assert labels == ["1", "2 Clinton", "3"]  # Kantor, Clinton (selected, named), Congress
    key = next(t for t in texts(ax) if t.startswith("Illustrative"))
    assert "\n1 Kantor \u00b7 2 Clinton \u00b7 3 Congress \u00b7 4 Hata\n" in key
    assert key.endswith("9 foreign insurers \u00b7 10 political analysts")


# ---------------------------------------------------------------- legibility: no collisions, no tiny text


def boxes(ax, artists) -> list:
    """Return the drawn extents of the non-empty ``artists``, after a real draw."""
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    return [a.get_window_extent(renderer) for a in artists if a.get_text()]


def assert_apart(extents) -> None:
    for i, first in enumerate(extents):
        for second in extents[i + 1 :]:
            assert not first.overlaps(second), (first, second)


def test_the_reference_grids_names_do_not_collide(sides):
    # Drawn naively (every name right of its marker), "trade bureaucracy" at interest 7, power 8 ran into
    # "Kantor" at 10, 8.
    ax = charts.power_interest_grid(reference_grid(), sides)
    names = [t for t in ax.texts if t.get_text() and not t.get_text().isupper() and "\n" not in t.get_text()]
    assert len(names) == 10
    assert_apart(boxes(ax, names))
    ax = charts.grid_comparison(compare_grid({p.actor: p for p in reference_grid()}), sides)
    assert_apart(boxes(ax, [t for t in ax.texts if t.get_text() and not t.get_text().isupper()]))


def test_actors_placed_on_one_spot_share_one_label(sides):
    together = [Placement("kantor", 5, 5, "Kantor"), Placement("congress", 5, 5, "Congress")]
    ax = charts.power_interest_grid([*together, Placement("hata", 7, 9, "Hata")], sides)
    assert [t.get_text() for t in ax.texts if t.get_text() in ("Kantor", "Congress", "Hata")] == ["Hata"]
    assert "Kantor, Congress" in texts(ax)
    numbered = {p.actor: p.label for p in reference_grid()}
    ax = charts.power_interest_grid(together, sides, selected="kantor", numbered=numbered)
    assert "1 Kantor, 3" in texts(ax)  # one label, not "1 Kantor" drawn over "3"


def test_chart_text_is_at_least_8_points(registry, sides):
    drawn = [
        charts.appearance_strip(registry, appearances(load_article(), registry), 20),
        charts.power_interest_grid(reference_grid(), sides),
        charts.win_sets(*play(preset("May 1994 (resumption)")), "May"),
    ]
    for ax in drawn:
        legend = ax.get_legend()
        small = [
            t.get_text() for t in [*ax.texts, *(legend.get_texts() if legend else [])] if t.get_fontsize() < 8
        ]
        small += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_fontsize() < 8]
        assert small == [], small


def test_the_strips_paragraph_labels_do_not_collide(registry):
    ax = charts.appearance_strip(registry, appearances(load_article(), registry), 20)
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == ["1", "2", "3"]
    assert ax.get_xlabel() == "paragraph (\u00b6)"
    assert_apart(boxes(ax, ax.get_xticklabels()))


@pytest.mark.parametrize("margins", [None, GAME_MARGINS])
def test_the_win_set_footnote_stays_inside_the_figure(margins):
    # The static chart (its own figure), and the simulator's (its size and margins): the note used to run
    # to the right edge, since wrap=True wraps at the figure's edge, not short of it.
    ax = None
    if margins:
        fig, ax = plt.subplots(figsize=GAME_SIZE)
        fig.subplots_adjust(**margins)
    ax = charts.win_sets(*play(preset("May 1994 (resumption)")), "May", ax=ax)
    note = next(t for t in ax.texts if t.get_text().startswith("Illustrative"))
    (extent,) = boxes(ax, [note])
    assert 0 <= extent.x0 and extent.x1 <= ax.figure.bbox.width - 20  # a margin, not touching the edge
    assert extent.y0 >= 0  # and above the bottom edge


def test_a_numbered_grid_must_number_every_placed_actor(sides):
    # Found by the fuzzer: a numbering without Kantor raised a bare KeyError.
    with pytest.raises(InvalidInputError, match=r"^parameter 'numbered' must be a dict naming"):
        charts.grid_comparison(
            compare_grid({p.actor: p for p in reference_grid()}), sides, numbered={"x": "X"}
        )
    with pytest.raises(InvalidInputError, match=r"every placed actor, 'kantor' too"):
        charts.power_interest_grid(reference_grid()[:1], sides, numbered={"clinton": "Clinton"})
