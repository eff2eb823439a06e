"""kit.widgets.targets: the measurement lab's pure view, and its shell driven as a student would."""

import io

import numpy as np
import PIL.Image
import pytest

from kit.display.targets import lab_html
from kit.errors import InvalidInputError
from kit.targets import IncreaseDefinition, TargetDefinition
from kit.widgets import growth_view, lab_view, measurement_lab, target_growth
from kit.widgets.targets import LAB_SERIES, lab_series

CHIPS, VEHICLES, EXPORTS = list(LAB_SERIES)


def test_lab_view_gives_both_verdicts_on_the_same_data():
    view = lab_view(CHIPS, IncreaseDefinition("1994Q2", 1.0, 2, 4), TargetDefinition(25.0, "1995Q4"))
    assert view.summary == (
        "Results-oriented goal: met. Definition: 2 quarters in a row, each up at least 1% on the quarter "
        "before, starting within 4 quarters after the baseline, 1994Q2. Met: 1994Q3 to 1994Q4 each grew at "
        "least 1%. Numerical target: met. Target: 25% by 1995Q4. First reached in 1995Q3: 26.2%."
    )
    view = lab_view(VEHICLES, IncreaseDefinition(1994, 15.0, 2, 1), TargetDefinition(450000.0, 1996))
    assert view.summary == (
        "Results-oriented goal: not met. Definition: 2 years in a row, each up at least 15% on the year "
        "before, starting within 1 year after the baseline, 1994. Not met: no run of 2 years grew at least "
        "15% in time. Numerical target: not met. Target: 450,000 vehicles by 1996. Not met: 427,525 vehicles "
        "in 1996, short by 22,475 vehicles."
    )


def test_the_lab_file_starts_each_series_at_periods_it_holds():
    """targets_lab.json: each menu entry's growth start and target date are periods of its series."""
    assert list(LAB_SERIES) == [CHIPS, VEHICLES, EXPORTS]
    for choice, entry in LAB_SERIES.items():
        periods = lab_series(choice).periods
        assert entry.growth[0] in periods and str(entry.target.by) in periods, choice
    assert LAB_SERIES[VEHICLES].growth == ("1995", 480000.0, 3) and LAB_SERIES[VEHICLES].scale == 1000


def test_the_default_target_date_is_after_the_baseline_so_the_verdict_answers_the_student():
    for entry in LAB_SERIES.values():
        series = lab_series(next(k for k, v in LAB_SERIES.items() if v is entry))
        assert series.periods.index(str(entry.target.by)) > series.periods.index(
            str(entry.definition.baseline)
        )
    higher = lab_view(CHIPS, IncreaseDefinition("1994Q2", 1.0, 2, 4), TargetDefinition(30.0, "1995Q4"))
    assert higher.reached.reasons[-1] == "Not met: 29.6% in 1995Q4, short by 0.4 percentage points."


def test_lab_html_notes_derived_and_unverified_data():
    target = TargetDefinition(70.0, 1997)
    view = lab_view(EXPORTS, IncreaseDefinition(1994, 5.0, 2, 2), target)
    exports = lab_html(view.summary, view.series.values, view.increase, view.reached)
    assert "<b>Derived values</b> (half-filled markers)" in exports and "\u2714 MET" in exports
    assert "Unverified values" not in exports
    view = lab_view(CHIPS, IncreaseDefinition("1994Q2", 3.0, 2, 4), TargetDefinition(20.0, "1995Q4"))
    chips = lab_html(view.summary, view.series.values, view.increase, view.reached)
    assert "Derived" not in chips and "Unverified" not in chips and "? CANNOT TELL" in chips
    assert "<li>1995Q1: no figure.</li>" in chips


def test_lab_view_refuses_an_unknown_series():
    with pytest.raises(InvalidInputError, match="^parameter 'choice' must be one of the lab's "):
        lab_view("Rice imports", IncreaseDefinition(1994, 1.0, 1, 1), TargetDefinition(1.0, 1995))


@pytest.fixture
def lab():
    box = measurement_lab()
    names = [
        "picker",
        "baseline",
        "growth",
        "periods",
        "within",
        "level",
        "by",
        "summary",
        "image",
        "caption",
        "out",
    ]
    return dict(zip(names, box.children, strict=True))


def pixels(png) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(bytes(png))))


def test_the_lab_starts_from_the_chip_series_default(lab):
    assert lab["picker"].value == CHIPS and lab["baseline"].value == "1994Q2"
    assert "Results-oriented goal: met. Definition: 2 quarters in a row" in lab["summary"].value
    assert "Numerical target: met. Target: 25% by 1995Q4." in lab["summary"].value
    assert pixels(lab["image"].value).shape == (360, 800, 3)  # RGB: the chart is opaque
    assert lab["out"].outputs == ()


def test_moving_a_slider_flips_the_verdict_and_redraws(lab):
    before = pixels(lab["image"].value)
    lab["growth"].value = 3.0
    assert "Results-oriented goal: cannot tell." in lab["summary"].value
    lab["within"].value = 2
    assert "Results-oriented goal: not met." in lab["summary"].value
    assert not np.array_equal(before, pixels(lab["image"].value))
    lab["level"].value = 30.0
    assert "Numerical target: not met." in lab["summary"].value
    assert "short by 0.4 percentage points" in lab["summary"].value


def test_every_control_changes_what_the_student_reads(lab):
    """Between 1% and 1.5% the chip verdict stays MET, so the summary must restate the threshold itself."""
    shown = {lab["summary"].value}
    lab["growth"].value = 1.5
    assert "each up at least 1.5% on the quarter before" in lab["summary"].value
    assert "1994Q4: 23.7%, up 2.2% (+0.5 percentage points), enough (at least 1.5%)." in lab["summary"].value
    shown.add(lab["summary"].value)
    changes = {"baseline": "1994Q3", "periods": 1, "within": 3, "level": 26.0, "by": "1996Q2"}
    for name, value in changes.items():
        lab[name].value = value
        assert lab["summary"].value not in shown, name
        shown.add(lab["summary"].value)
    assert "starting within 3 quarters after the baseline, 1994Q3" in lab["summary"].value
    assert "Target: 26% by 1996Q2." in lab["summary"].value


def test_switching_series_resets_the_definition(lab):
    lab["growth"].value = 7.5
    lab["picker"].value = VEHICLES
    assert lab["baseline"].options == ("1994", "1995", "1996", "1998")
    # the level reads in the axis's unit, thousands of vehicles, not "400000.00"
    assert (lab["baseline"].value, lab["growth"].value, lab["level"].value) == ("1994", 10.0, 400.0)
    assert lab["level"].description == "Target (thousand vehicles):"
    assert lab["level"].readout_format == ".0f"
    assert "Met: 1995 to 1996 each grew at least 10%." in lab["summary"].value
    assert "Imported vehicles in Japan, all imports (yearly): the shaded band" in lab["caption"].value
    lab["picker"].value = EXPORTS
    assert "<b>Derived values</b>" in lab["summary"].value
    assert lab["out"].outputs == ()


def test_the_lab_menus_are_wide_enough_for_their_values(lab):
    for name in ("baseline", "by"):
        assert lab[name].layout.width == "28em" and lab[name].style.description_width == "18em"


def test_growth_view_compares_the_needed_path_with_what_happened():
    view = growth_view(CHIPS, "1993Q3", 25.0, 8)
    # (25 / 18.1) ** (1 / 8) = 1.0412: eight quarters from 1993Q3 end at 1995Q3
    assert view.summary == (
        "From 18.1% in 1993Q3 to 25% by 1995Q3 takes +4.1% a quarter, every quarter for 8 quarters "
        "(+6.9 percentage points in all). What happened: First reached in 1995Q3: 26.2%."
    )
    assert growth_view(VEHICLES, "1995", 480000.0, 3).reached.verdict == "not met"


def test_the_target_growth_widget_follows_its_controls():
    box = target_growth()
    picker, start, level, count, summary = box.children[:5]
    assert "takes +6.7% a quarter, every quarter for 5 quarters" in summary.value
    count.value = 8
    assert "by 1995Q3 takes +4.1% a quarter" in summary.value
    picker.value = VEHICLES
    assert (start.value, level.value, level.description) == (
        "1995",
        480.0,
        "Target (thousand vehicles):",
    )
    picker.value = EXPORTS
    assert (start.value, level.value, count.value, count.max) == ("1994", 70.0, 4, 6)
    assert "From $53.5 billion in 1994 to $70 billion by 1998 takes +7.0% a year" in summary.value
    assert box.children[-1].outputs == ()


def test_the_argument_weigher_saves_weights_and_restores_them(tmp_path):
    from kit.store import open_work
    from kit.widgets.targets import argument_weigher

    box = argument_weigher(open_work("nb04", tmp_path))
    *sliders, summary, out = box.children
    assert len(sliders) == 10 and summary.value.endswith("You have not weighed any argument yet.</p>")
    empty = next(s for s in sliders if s.description == "FOR \u00b7 empty")
    vie = next(s for s in sliders if s.description == "AGAINST \u00b7 vie")
    empty.value, vie.value = 4, 2
    assert "a score of +0.33" in summary.value
    saved = open_work("nb04", tmp_path).get("arguments.weights")
    assert (saved["empty"], saved["vie"], saved["chips"]) == (4, 2, 0)
    again = argument_weigher(open_work("nb04", tmp_path))  # a kernel restart re-runs the cell
    assert "a score of +0.33" in again.children[-2].value and out.outputs == ()


def test_role_briefs_are_printable_and_sourced():
    from kit.display.targets import role_briefs
    from kit.targets import roles

    briefs = role_briefs(roles()).data
    assert briefs.count('<section class="kit-brief"') == len(roles()) >= 5
    assert "@media print{.kit-brief{page-break-after:always" in briefs
    assert "Source: LA Times 18 Feb 1994." in briefs and "Role: Free-trade economist" in briefs
    assert "<li><b>results</b>: " in briefs  # by id, as the arguments table and exercise 07 q5 name them


def test_tables_and_briefs_are_kept_from_mathjax():
    # Two dollar signs in one block would be typeset as mathematics in JupyterLab.
    from kit.display.targets import arguments_table, figures_table, role_briefs, timeline_table, values_table
    from kit.targets import arguments, article_figures, events, load_dataset, roles

    for page in (
        figures_table(article_figures()),
        values_table(load_dataset("us_goods_trade")["balance_reported"].values),
        timeline_table(events()),
        arguments_table(arguments()),
    ):
        assert '<table class="kit-table tex2jax_ignore mathjax_ignore"' in page.data
    assert '<div class="tex2jax_ignore mathjax_ignore">' in role_briefs(roles()).data
    table = values_table(load_dataset("us_goods_trade")["balance_basis_unstated"].values).data
    assert 'text-align:right">-$58.6 billion</td>' in table  # the value column reads as numbers do
    assert '<a href="http://articles.latimes.com/1987-08-21/business/fi-2393_1_japan-trade-talks"' in table
    assert ">articles.latimes.com</a>" in table and "-$58.6 billion" in table
    assert "U.S. figures whose valuation basis the source does not state" in table


def test_the_arguments_table_names_each_slider_id():
    from kit.display.targets import arguments_table
    from kit.targets import arguments

    table = arguments_table(arguments()).data
    assert table.count("<code>") == 10 and "<code>high_tech</code>" in table
    assert "<b>COMPROMISE</b>" in table  # the Framework's objective criteria: not an argument for targets


def test_the_weigher_survives_a_hand_edited_work_file(tmp_path):
    from kit.store import open_work
    from kit.widgets.targets import argument_weigher

    work = open_work("nb05", tmp_path)
    work.set("arguments.weights", ["not", "a", "dict"])
    assert argument_weigher(work).children[-2].value.endswith("You have not weighed any argument yet.</p>")
    work.set("arguments.weights", {"results": 9, "empty": "3", "chips": True})
    sliders = argument_weigher(work).children[:10]
    assert [s.value for s in sliders[:2]] == [0, 0]  # text and true/false ignored
    assert sliders[-1].description == "COMPROMISE \u00b7 results" and sliders[-1].value == 5  # 9 capped at 5


def test_growth_view_refuses_an_enormous_period_count_at_once():
    # issue 13 item 9: periods=10**100 used to build a path of 10**100 points and hang
    with pytest.raises(InvalidInputError) as error:
        growth_view(CHIPS, "1993Q3", 25.0, 10**100)
    assert str(error.value).startswith(
        "parameter 'periods' must be a whole number from 1 to 100, not int 1000000"
    )
    assert growth_view(CHIPS, "1993Q3", 25.0, 100).plan.periods == 100


def test_closing_every_widget_leaves_the_next_lab_and_explorer_usable():
    """Found by the suite's order: a Layout made once at import was closed with the first widgets."""
    import ipywidgets

    measurement_lab()
    target_growth()
    ipywidgets.Widget.close_all()
    for box in (measurement_lab(), target_growth()):
        assert all(child.layout.comm is not None for child in box.children if hasattr(child, "layout"))
