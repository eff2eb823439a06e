"""kit.charts.targets: what each chart draws, how unverified values look, and redrawing the lab chart."""

import pytest
from matplotlib.lines import Line2D

from kit import charts
from kit.charts.targets import UNVERIFIED_NOTE
from kit.errors import InvalidInputError
from kit.targets import (
    IncreaseDefinition,
    TargetDefinition,
    events,
    judge_increase,
    judge_target,
    load_dataset,
)

MARKED = events(on_charts_only=True)


def points(ax, hollow: bool) -> list[tuple[float, float]]:
    """Return the (x, y) of every drawn marker that is hollow (white face) or filled."""
    found = []
    for line in ax.get_lines():
        if (
            line.get_marker() in ("None", None, "")
            or len(line.get_xdata()) == 0
            or line.get_linestyle() != "None"
        ):
            continue
        if (line.get_markerfacecolor() == "white") == hollow:
            found += list(zip(line.get_xdata(), line.get_ydata(), strict=True))
    return found


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_goods_trade_marks_the_article_figure_and_unverified_values():
    ax = charts.goods_trade(load_dataset("us_goods_trade"), MARKED)
    assert len(points(ax, hollow=True)) == 16  # the recalled Census figures, 1985-2000
    filled = points(ax, hollow=False)
    assert (1993.5, 59.3) in filled  # the reported deficit, drawn as a positive deficit
    stars = [line for line in ax.get_lines() if line.get_marker() == "*"]
    assert [(s.get_xdata()[0], s.get_ydata()[0]) for s in stars] == [(1993.5, 59.3)]
    assert any("$59 billion" in t for t in texts(ax))
    assert UNVERIFIED_NOTE in texts(ax)
    assert [t for t in texts(ax) if t.startswith(" ")] == [
        " Framework",
        " Summit fails",
        " Talks resume",
        " Agreements",
        " Autos deal",
    ]
    assert charts.description(ax) == (
        "The U.S. goods deficit with Japan: 13 verified figures as reported at the time (filled circles) and "
        "16 unverified figures recalled from Census tables (hollow squares); the article's 59 billion "
        "dollars is 1993's reported 59.3 billion dollars, and the largest reported deficit is 81.6 billion "
        "dollars in 2000."
    )


def test_current_account_marks_131_billion_and_hollows_the_converted_vintage():
    ax = charts.current_account(load_dataset("japan_current_account"), MARKED)
    assert sorted(points(ax, hollow=True)) == [(1990.5, 44.7), (1995.5, 110.4), (1996.5, 65.8)]
    stars = [line for line in ax.get_lines() if line.get_marker() == "*"]
    assert (stars[0].get_xdata()[0], stars[0].get_ydata()[0]) == (1993.5, 131.35)
    assert any("$131 billion" in t for t in texts(ax)) and UNVERIFIED_NOTE in texts(ax)


def test_semiconductor_chart_has_no_unverified_values_and_shows_the_expectation():
    ax = charts.semiconductor_share(load_dataset("semiconductor_share"), MARKED)
    assert points(ax, hollow=True) == []
    assert UNVERIFIED_NOTE not in texts(ax)
    assert (1992.875, 20.1) in points(ax, hollow=False)  # 1992Q4, drawn mid-quarter
    assert "1986 side letter: 20% in five years" in texts(ax)
    assert charts.description(ax) == (
        "The foreign share of Japan's chip market rose from 8.5% in 1986 to 20.1% in 1992Q4, first passing "
        "the 20% expectation, fell back to 18.1% in 1993Q3 and reached 35.8% in 1997Q2 (U.S. counts; "
        "Japan's counts run higher)."
    )


def test_a_series_line_breaks_at_missing_quarters():
    ax = charts.semiconductor_share(load_dataset("semiconductor_share"))
    us_line = next(
        line for line in ax.get_lines() if line.get_linestyle() == "-" and len(line.get_xdata()) > 10
    )
    ys = list(us_line.get_ydata())
    assert ys[:3] == [13.2, 13.1, pytest.approx(float("nan"), nan_ok=True)]  # 1991Q2 is missing


def test_imported_vehicles_keeps_four_definitions_apart():
    ax = charts.imported_vehicles(load_dataset("imported_vehicles"))
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert len(labels) == 4 and "foreign makers' vehicles only" in labels
    markers = {h.get_marker() for h in ax.get_legend().legend_handles}
    assert markers == {"v", "^", "o", "D"}  # not colour alone
    assert any(t.startswith("Definitions differ between sources") for t in texts(ax))


def test_dealer_outlets_goals_against_counts():
    ax = charts.dealer_outlets(load_dataset("dealer_outlets"))
    heights = [p.get_height() for p in ax.patches]
    assert heights == [200, 400, 1000, 103, 137, 0]
    assert {p.get_hatch() for p in ax.patches[:3]} == {"//"}
    assert charts.description(ax) == (
        "Goals for new outlets selling U.S. cars in Japan against the outlets counted (1996: 103 of 200; "
        "1997: 137 of 400); no count was found for the goal of 1,000 by 2000."
    )


def test_charts_refuse_the_wrong_dataset():
    with pytest.raises(
        InvalidInputError, match=r"dataset must be kit.targets.load_dataset\('us_goods_trade'\)"
    ):
        charts.goods_trade(load_dataset("dealer_outlets"))


def lab(ax=None, growth=1.0, level=20.0):
    chips = load_dataset("semiconductor_share")["us_count_quarterly"]
    increase = judge_increase(chips, IncreaseDefinition("1994Q2", growth, 2, 4))
    target = TargetDefinition(level, "1992Q4")
    return charts.measurement_lab(chips, increase, target, judge_target(chips, target), (0, 40), ax=ax)


def test_the_lab_chart_shows_both_verdicts_and_redraws_only_its_data():
    ax = lab()
    assert ax.get_title() == "Results-oriented: MET  \u00b7  Numerical target: MET"
    data = charts.layers(ax).data
    run = [a for a in data if isinstance(a, Line2D) and a.get_linewidth() == 4]
    assert list(run[0].get_xdata()) == [1994.625, 1994.875]  # 1994Q3 and 1994Q4
    frame_lines = len(ax.get_lines()) - sum(isinstance(a, Line2D) for a in data)
    first_tick = ax.xaxis.get_major_ticks()[0]
    lab(ax, growth=3.0, level=30.0)
    assert ax.xaxis.get_major_ticks()[0] is first_tick  # the frame was kept
    assert ax.get_title() == "Results-oriented: CANNOT TELL  \u00b7  Numerical target: NOT MET"
    assert not [a for a in charts.layers(ax).data if isinstance(a, Line2D) and a.get_linewidth() == 4]
    assert len(ax.get_lines()) - sum(isinstance(a, Line2D) for a in charts.layers(ax).data) == frame_lines
    assert "the dash-dot line is the target of 30%" in charts.description(ax)


def test_growth_path_draws_the_needed_growth_against_history():
    from kit.targets import growth_plan

    chips = load_dataset("semiconductor_share")["us_count_quarterly"]
    plan = growth_plan(chips, "1993Q3", TargetDefinition(25, "1994Q4"))
    ax = charts.growth_path(chips, plan, (0, 40), label="Chip share")
    path, star = charts.layers(ax).data
    assert list(path.get_xdata()) == [1993.625, 1993.875, 1994.125, 1994.375, 1994.625, 1994.875]
    assert path.get_ydata()[0] == 18.1 and path.get_ydata()[-1] == pytest.approx(25)
    assert (star.get_xdata()[0], star.get_ydata()[0]) == (1994.875, 25)
    assert ax.get_title() == "What the target takes: +6.7% a quarter for 5 quarters"
    assert charts.description(ax) == (
        "Chip share: the dashed line is the steady growth of +6.7% a quarter that takes 18.1% in 1993Q3 to "
        "25% by 1994Q4; the solid line is what happened."
    )
    with pytest.raises(InvalidInputError) as error:
        charts.growth_path(chips, 6.7, (0, 40))
    assert str(error.value) == "growth_path: parameter 'plan' must be a GrowthPlan, not float 6.7."


def test_the_lab_run_stays_hollow_on_unverified_data():
    exports = load_dataset("us_goods_trade")["exports_census_memory"]
    increase = judge_increase(exports, IncreaseDefinition(1993, 5.0, 2, 2))
    target = TargetDefinition(60.0, 1995)
    ax = charts.measurement_lab(exports, increase, target, judge_target(exports, target), (0, 80))
    run = next(a for a in charts.layers(ax).data if isinstance(a, Line2D) and a.get_linewidth() == 4)
    assert list(run.get_xdata()) == [1994.5, 1995.5] and run.get_markerfacecolor() == "white"
    assert "Hollow markers: UNVERIFIED values" in texts(ax)


def test_no_description_uses_the_dollar_sign():
    # Captions are HTML, and JupyterLab's MathJax typesets text between two dollar signs as mathematics.
    from kit.targets import growth_plan

    exports = load_dataset("us_goods_trade")["exports_census_memory"]
    target = TargetDefinition(70.0, 1997)
    axes = [
        charts.goods_trade(load_dataset("us_goods_trade"), MARKED),
        charts.current_account(load_dataset("japan_current_account"), MARKED),
        charts.growth_path(exports, growth_plan(exports, 1993, target), (0, 80)),
        charts.measurement_lab(
            exports,
            judge_increase(exports, IncreaseDefinition(1993, 5.0, 2, 2)),
            target,
            judge_target(exports, target),
            (0, 80),
        ),
    ]
    for ax in axes:
        assert "$" not in charts.description(ax), charts.description(ax)
    assert "131 billion dollars" in charts.description(axes[1])
