"""kit.charts.targets: what each chart draws, how each status looks, bases never joined, the lab chart."""

import math

import pytest
from matplotlib.lines import Line2D

from kit import charts
from kit.charts.sourced import STATUS_NOTES
from kit.errors import InvalidInputError
from kit.targets import (
    DATASETS,
    IncreaseDefinition,
    TargetDefinition,
    events,
    judge_increase,
    judge_target,
    load_dataset,
)

MARKED = events(on_charts_only=True)


def points(ax, kind: str) -> list[tuple[float, float]]:
    """Return the (x, y) of every drawn marker of ``kind``: reported (filled), derived (half), unverified."""
    found = []
    fill = {"reported": "full", "derived": "left", "unverified": "none"}[kind]
    for line in ax.get_lines():
        if line.get_linestyle() == "None" and len(line.get_xdata()) and line.get_fillstyle() == fill:
            if line.get_marker() != "*":
                found += list(zip(line.get_xdata(), line.get_ydata(), strict=True))
    return found


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def joined_bases(ax, dataset, scale: float = 1.0) -> list[set[str]]:
    """Return, for every drawn line joining two or more values, the bases all its points can share.

    Each point on a line is matched to the dataset's values by position (two series may hold the same
    point), so the test does not trust the chart's own labels: an empty set means a line across bases.
    """
    at: dict[tuple[float, float], set[str]] = {}
    for series in dataset.series.values():
        for v in series.values:
            at.setdefault((round(v.x, 3), round(v.value * scale, 3)), set()).add(v.basis)
    found = []
    for line in ax.get_lines():
        if line.get_linestyle() == "None":
            continue
        xy = [
            (round(float(x), 3), round(float(y), 3))
            for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True)
            if not (math.isnan(float(x)) or math.isnan(float(y)))
        ]
        candidates = [at[p] for p in xy if p in at]
        if len(candidates) >= 2:
            found.append(set.intersection(*candidates))
    return found


@pytest.mark.parametrize(
    ("chart", "name", "scale"),
    [
        (charts.goods_trade, "us_goods_trade", -1.0),
        (charts.current_account, "japan_current_account", 1.0),
        (charts.semiconductor_share, "semiconductor_share", 1.0),
        (charts.imported_vehicles, "imported_vehicles", 1 / 1000),
    ],
)
def test_no_line_joins_values_of_different_bases(chart, name, scale):
    dataset = load_dataset(name)
    lines = joined_bases(chart(dataset, MARKED), dataset, scale)
    assert lines, "the chart draws at least one joined line"
    assert all(bases for bases in lines), lines


def test_the_base_check_catches_a_line_across_bases():
    import matplotlib.pyplot as plt

    dataset = load_dataset("us_goods_trade")
    _, ax = plt.subplots()
    cif, census = dataset["balance_cif"].at(1985), dataset["balance_reported"].at(1987)
    ax.plot([cif.x, census.x], [-cif.value, -census.value])  # what an honest chart must never draw
    assert joined_bases(ax, dataset, -1.0) == [set()]


def test_goods_trade_draws_one_series_per_basis_and_says_which_vintage():
    ax = charts.goods_trade(load_dataset("us_goods_trade"), MARKED)
    assert points(ax, "unverified") == []
    assert points(ax, "derived") == [(1990.5, 41.1)]  # 43.44 / 1.057
    filled = points(ax, "reported")
    assert (1993.5, 59.3) in filled and (1985.5, 49.7) in filled and (1986.5, 58.6) in filled
    stars = [line for line in ax.get_lines() if line.get_marker() == "*"]
    assert [(s.get_xdata()[0], s.get_ydata()[0]) for s in stars] == [(1993.5, 59.3)]
    assert any("drawn as first released, 59.3 (revised to 59.4)" in t for t in texts(ax))
    assert STATUS_NOTES["derived"] in texts(ax) and STATUS_NOTES["unverified"] not in texts(ax)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "Census basis (customs value), as reported",
        "1985: imports valued c.i.f., another basis",
        "1986: basis not stated",
    ]
    assert [t for t in texts(ax) if t.endswith(" ")] == [
        "Framework ",
        "Summit fails ",
        "Talks resume ",
        "Agreements (later event) ",
        "Autos deal (later event) ",
    ]
    assert charts.description(ax) == (
        "The U.S. goods deficit with Japan on the Census basis, 13 years as reported (filled circles; 1990 "
        "derived, half-filled), with 1985 (imports valued c.i.f.) and 1986 (basis not stated) as separate "
        "points not joined to the line. The article's 59 billion dollars is 1993's first release, 59.3 "
        "billion dollars, later revised to 59.4 billion dollars; the largest deficit is 81.6 billion "
        "dollars in 2000. Half-filled markers: DERIVED values, calculated from sourced figures (the table "
        "shows how)."
    )


def test_current_account_draws_the_derived_values_half_filled():
    ax = charts.current_account(load_dataset("japan_current_account"), MARKED)
    assert sorted(points(ax, "derived")) == [(1990.5, 44.6), (1991.5, 72.7), (1995.5, 110.5), (1996.5, 65.8)]
    assert (1991.5, 72.6) in points(ax, "reported")
    stars = [line for line in ax.get_lines() if line.get_marker() == "*"]
    assert (stars[0].get_xdata()[0], stars[0].get_ydata()[0]) == (1993.5, 131.35)
    assert any("$131 billion" in t for t in texts(ax)) and STATUS_NOTES["derived"] in texts(ax)
    assert "The bases are drawn as separate lines, never joined." in charts.description(ax)
    assert "Half-filled markers: DERIVED values" in charts.description(ax)


def test_semiconductor_chart_has_no_unverified_values_and_shows_the_expectation():
    ax = charts.semiconductor_share(load_dataset("semiconductor_share"), MARKED)
    assert points(ax, "unverified") == [] and points(ax, "derived") == []
    assert not set(STATUS_NOTES.values()) & set(texts(ax))
    assert (1992.875, 20.1) in points(ax, "reported")  # 1992Q4, drawn mid-quarter
    assert (1992.375, 16.0) in points(ax, "reported")  # 1992Q2 as corrected
    assert "1986 side letter: 20% in five years" in texts(ax)
    assert charts.description(ax) == (
        "The foreign share of Japan's chip market rose from 8.5% in 1986 to 20.1% in 1992Q4, first passing "
        "the 20% expectation, fell back to 18.1% in 1993Q3 and reached 35.8% in 1997Q2 (U.S. counts; "
        "Japan's counts run higher)."
    )


def test_every_legend_is_9_points_and_every_note_at_least_8():
    for ax in (
        charts.goods_trade(load_dataset("us_goods_trade"), MARKED),
        charts.current_account(load_dataset("japan_current_account"), MARKED),
        charts.semiconductor_share(load_dataset("semiconductor_share"), MARKED),
        charts.imported_vehicles(load_dataset("imported_vehicles"), MARKED),
        charts.dealer_outlets(load_dataset("dealer_outlets")),
        lab(),
    ):
        assert {t.get_fontsize() for t in ax.get_legend().get_texts()} == {9}, ax.get_title()
        assert all(t.get_fontsize() >= 8 for t in ax.texts), ax.get_title()


def test_the_deficit_legend_stays_clear_of_the_event_lines():
    """Lower left, under the 1985-1992 figures: no dotted event line (1993-1995) runs through its text."""
    ax = charts.goods_trade(load_dataset("us_goods_trade"), MARKED)
    ax.figure.canvas.draw()
    box = ax.get_legend().get_window_extent()
    for line in ax.lines:
        xs = line.get_xdata()
        if line.get_linestyle() == ":" and len(xs) == 2 and xs[0] == xs[1]:
            x_pixels = ax.transData.transform((xs[0], 0))[0]
            assert not box.x0 <= x_pixels <= box.x1, xs[0]


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
    assert points(ax, "derived") == [(1994.5, pytest.approx(300.9))]
    assert sorted(points(ax, "unverified")) == [(1996.5, 320.0), (1998.5, 275.869)]
    assert STATUS_NOTES["unverified"] in texts(ax)


def test_dealer_outlets_goals_against_counts_by_agreement_year():
    ax = charts.dealer_outlets(load_dataset("dealer_outlets"))
    heights = [p.get_height() for p in ax.patches]
    assert heights == [200, 400, 1000, 103, 137]
    assert {p.get_hatch() for p in ax.patches[:3]} == {"//"} and ax.patches[4].get_hatch() == ".."
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["agreement year 1\n(to Sep 1996)", "agreement year 2\n(to Sep 1997)", "by 2000"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "goal (cumulative)",
        "outlets counted (cumulative)",
        "derived: 103 + 34",
    ]
    assert charts.description(ax) == (
        "Goals for new outlets selling U.S. cars in Japan against the outlets AAMA counted by agreement "
        "year, which runs to September (agreement year 1: 103 of 200; agreement year 2: 137 (derived: "
        "103 + 34 = 137) of 400); no count was found for the goal of 1,000 by 2000."
    )


def test_the_layout_file_draws_only_series_each_dataset_holds():
    """targets_charts.json: one layout per line chart, each drawing series its dataset has, in the palette."""
    from kit.charts.base import PALETTE
    from kit.charts.datasets import _layouts

    found = _layouts()
    assert list(found) == [name for name in DATASETS if name != "dealer_outlets"]  # drawn as bars
    for name, layout in found.items():
        assert set(layout.styles) <= set(load_dataset(name).series), name
        assert {colour for colour, *_ in layout.styles.values()} <= set(PALETTE.values()), name
    assert (found["us_goods_trade"].scale, found["us_goods_trade"].events_on_top) == (-1, True)
    assert found["japan_current_account"].legend["bbox_to_anchor"] == (0.5, -0.1)


def test_charts_refuse_the_wrong_dataset():
    with pytest.raises(
        InvalidInputError,
        match=r"parameter 'dataset' must be kit.targets.load_dataset\('us_goods_trade'\), not str 'dealer_",
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
    assert str(error.value) == "parameter 'plan' must be a GrowthPlan, not float 6.7."


def test_each_point_of_the_lab_run_is_marked_as_its_value_is():
    """1995 is reported (filled), 1996 derived (half-filled): never hollow, the unverified style."""
    exports = load_dataset("us_goods_trade")["exports_reported"]
    increase = judge_increase(exports, IncreaseDefinition(1994, 5.0, 2, 2))
    target = TargetDefinition(60.0, 1995)
    ax = charts.measurement_lab(exports, increase, target, judge_target(exports, target), (0, 80))
    lines = [a for a in charts.layers(ax).data if isinstance(a, Line2D)]
    run = next(a for a in lines if a.get_linewidth() == 4)
    assert list(run.get_xdata()) == [1995.5, 1996.5]
    points = {a.get_fillstyle(): list(a.get_xdata()) for a in lines if a.get_markersize() == 9}
    assert points == {"full": [1995.5], "left": [1996.5]}
    assert "Half-filled markers: DERIVED values" in texts(ax)


def test_a_derived_point_is_drawn_over_a_reported_one_it_meets():
    """1991: first reported 72.6, revised 72.7 (derived): the half-filled triangle must show on top."""
    ax = charts.current_account(load_dataset("japan_current_account"), MARKED)
    derived = [a for a in ax.lines if str(a.get_gid()).endswith(":derived")]
    reported = [a for a in ax.lines if str(a.get_gid()).endswith(":reported")]
    assert derived and reported
    assert min(a.get_zorder() for a in derived) > max(a.get_zorder() for a in reported)


def test_no_description_uses_the_dollar_sign():
    # Captions are HTML, and JupyterLab's MathJax typesets text between two dollar signs as mathematics.
    from kit.targets import growth_plan

    exports = load_dataset("us_goods_trade")["exports_reported"]
    target = TargetDefinition(70.0, 1997)
    axes = [
        charts.goods_trade(load_dataset("us_goods_trade"), MARKED),
        charts.current_account(load_dataset("japan_current_account"), MARKED),
        charts.growth_path(exports, growth_plan(exports, 1994, target), (0, 80)),
        charts.measurement_lab(
            exports,
            judge_increase(exports, IncreaseDefinition(1994, 5.0, 2, 2)),
            target,
            judge_target(exports, target),
            (0, 80),
        ),
    ]
    for ax in axes:
        assert "$" not in charts.description(ax), charts.description(ax)
    assert "131 billion dollars" in charts.description(axes[1])
