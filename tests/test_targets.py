"""kit.targets: the sourced datasets, their validation, and the measurement lab (values worked by hand)."""

import datetime
import math
import re

import pytest

from kit.errors import DataFileError, InvalidInputError, KitError
from kit.targets import (
    BASES,
    DATASETS,
    STATUSES,
    IncreaseDefinition,
    Series,
    TargetDefinition,
    Value,
    article_figures,
    events,
    growth_plan,
    judge_increase,
    judge_target,
    load_dataset,
    read_dataset,
    read_events,
    required_growth,
)

HEADER = "series,year,quarter,value,unit,basis,status,source,note\n"
GOOD = "s,1993,,59.3,USD billions,census,VERIFIED,LA Times 18 Feb 1994,\n"


def write(tmp_path, body, name="bad.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def made(values: dict, unit: str = "outlets") -> Series:
    """Return a series of hand-made values: keys are years (2000) or quarters ("1994Q2")."""
    points = []
    for period, number in values.items():
        year, _, quarter = str(period).partition("Q")
        points.append(
            Value("made", int(year), int(quarter) if quarter else None, number, unit, "VERIFIED", "test")
        )
    return Series("made", unit, tuple(points))


# ---------------------------------------------------------------- the datasets


def test_the_article_year_figures_match_the_fact_sheet():
    balance = load_dataset("us_goods_trade")["balance_reported"]
    assert balance.at(1993).value == -59.3 and balance.at(1993).status == "VERIFIED"
    assert "LA Times 18 Feb 1994" in balance.at(1993).source
    assert balance.at(1994).value == -65.7 and balance.at(1994).status == "VERIFIED"
    assert "18 Feb 1995" in balance.at(1994).source
    surplus, deficit = sorted(article_figures(), key=lambda f: f.value.value)[::-1]
    assert (surplus.value.value, surplus.year, surplus.paragraph) == (131.35, 1993, 9)
    assert (deficit.value.value, deficit.year) == (-59.3, 1993)


def all_values():
    return [(name, v) for name in DATASETS for s in load_dataset(name).series.values() for v in s.values]


def test_every_verified_value_names_its_source_and_every_derived_one_its_calculation():
    for name, value in all_values():
        assert value.status in STATUSES and value.basis in BASES, (name, value)
        if value.status.startswith("VERIFIED"):
            assert re.search(r"https?://|\b(19|20)\d\d\b", value.source), (name, value)
        if value.derived:
            assert "=" in value.note, (name, value)


def test_no_value_is_recalled_from_memory_and_few_remain_unverified():
    for _name, value in all_values():
        for word in ("memory", "recalled", "remembered", "recollection"):
            assert word not in f"{value.source} {value.note}".lower(), value
    unverified = [(name, v.series, v.period) for name, v in all_values() if not v.verified]
    assert len(unverified) <= 21
    assert unverified == [
        ("us_goods_trade", "balance_bop", "1990"),
        ("imported_vehicles", "all_imported_vehicles", "1998"),
        ("imported_vehicles", "foreign_maker_vehicles", "1996"),
    ]
    assert not [n for n in load_dataset("us_goods_trade").series if "memory" in n]


@pytest.mark.parametrize(
    ("dataset", "series", "period", "value", "status"),
    [  # the corrections of the source check (DATA_CHECKS.md, section 7), each worked from its source
        ("us_goods_trade", "balance_reported", "1987", -56.3, "VERIFIED"),
        ("us_goods_trade", "balance_reported", "1995", -59.3, "VERIFIED"),
        ("us_goods_trade", "balance_reported", "1999", -73.9, "VERIFIED"),
        ("us_goods_trade", "balance_reported", "1990", -41.1, "DERIVED"),  # 43.44 / 1.057
        ("us_goods_trade", "balance_cif", "1985", -49.7, "VERIFIED"),
        ("us_goods_trade", "exports_reported", "2000", 65.3, "DERIVED"),
        ("us_goods_trade", "exports_reported", "1994", 53.5, "DERIVED"),  # 64.3 - 10.8
        ("us_goods_trade", "imports_reported", "1995", 123.6, "VERIFIED"),
        ("us_goods_trade", "imports_reported", "1999", 131.4, "VERIFIED"),
        ("us_goods_trade", "imports_reported", "2000", 146.6, "VERIFIED (secondary)"),
        ("japan_current_account", "bpm4_first_reported", "1991", 72.6, "VERIFIED"),
        ("japan_current_account", "bpm4_revised", "1991", 72.7, "DERIVED"),  # 117.3 / 1.613
        ("japan_current_account", "bpm5_usd", "1990", 44.6, "DERIVED"),  # 6.474 tn / 144.9987
        ("japan_current_account", "bpm5_usd", "1995", 110.5, "DERIVED"),  # 10.386 tn / 93.9649
        ("japan_current_account", "bpm5_usd", "1996", 65.8, "DERIVED"),  # 7.158 tn / 108.78
        ("semiconductor_share", "us_count_quarterly", "1992Q2", 16.0, "VERIFIED (secondary)"),
        ("imported_vehicles", "foreign_made_cars", "1985", 50172, "VERIFIED"),
    ],
)
def test_the_source_check_corrections_are_in_the_data(dataset, series, period, value, status):
    found = load_dataset(dataset)[series].at(period)
    assert (found.value, found.status) == (value, status)


def test_derived_values_match_their_calculation():
    assert round(43.44 / 1.057, 1) == 41.1 and round(64.3 - 10.8, 1) == 53.5
    assert round(6.474e3 / 144.9987, 1) == 44.6 and round(10.386e3 / 93.9649, 1) == 110.5
    assert round(7.158e3 / 108.78, 1) == 65.8 and round(117.3 / 1.613, 1) == 72.7
    assert load_dataset("dealer_outlets")["outcome_cumulative"].at(1997).note == "103 + 34 = 137"
    rate = load_dataset("japan_current_account")["bpm5_usd"].at(1995)
    assert "AEXJPUS" in rate.source and rate.note.startswith("10.386 trillion yen / 93.9649 yen per dollar")


def test_each_series_has_one_basis_and_the_bases_are_kept_apart():
    trade = load_dataset("us_goods_trade")
    assert {name: s.basis for name, s in trade.series.items()} == {
        "balance_cif": "cif",
        "balance_basis_unstated": "unstated",
        "balance_reported": "census",
        "balance_revised": "census",
        "balance_first_release": "census",
        "balance_bop": "bop",
        "exports_reported": "census",
        "imports_reported": "census",
    }
    assert trade["balance_reported"].periods[0] == "1987"  # 1985 (c.i.f.) and 1986 are not in it
    account = load_dataset("japan_current_account")
    assert {account[n].basis for n in ("bpm4_first_reported", "bpm4_revised")} == {"bpm4"}
    assert {account[n].basis for n in ("bpm5_yen", "bpm5_usd")} == {"bpm5"}
    assert trade["balance_revised"].at(1993).value == -59.4  # the second vintage of the article's figure


def test_imported_vehicle_definitions_are_kept_apart():
    vehicles = load_dataset("imported_vehicles")
    assert {name: s.basis for name, s in vehicles.series.items()} == {
        "foreign_made_cars": "foreign_cars",
        "imported_car_registrations": "jaia_registrations",
        "all_imported_vehicles": "all_imports",
        "foreign_maker_vehicles": "foreign_makers",
    }
    assert vehicles["all_imported_vehicles"].at(1996).value == 427525
    assert vehicles["foreign_maker_vehicles"].at(1996).status == "UNVERIFIED"


def test_the_events_of_the_talks():
    marked = events(on_charts_only=True)
    assert [e.date for e in marked] == [
        datetime.date(1993, 7, 10),
        datetime.date(1994, 2, 11),
        datetime.date(1994, 5, 24),
        datetime.date(1994, 10, 1),
        datetime.date(1995, 6, 28),
    ]
    assert marked[2].x == pytest.approx(1994 + 143 / 365)  # 31+28+31+30+23 days before 24 May
    assert all(e.source for e in events()) and len(events()) > len(marked)
    assert [e.label for e in events(since="1995-06-28")] == ["Autos deal", "Autos signed", "Chip pact ends"]
    with pytest.raises(
        InvalidInputError,
        match="parameter 'since' must be a date like 1994-05-24, or None, not str 'May 1994'.",
    ):
        events(since="May 1994")


def test_an_unknown_dataset_or_series_is_refused():
    with pytest.raises(InvalidInputError, match="^parameter 'name' must be one of us_goods_"):
        load_dataset("rice")
    with pytest.raises(
        InvalidInputError, match="parameter 'name' must be a series of dealer_outlets: goal_cumulative,"
    ):
        load_dataset("dealer_outlets")["sales"]
    periods = r"must be a period of goal_cumulative \(1996, 1997, 2000\), not str '1993'\.$"
    with pytest.raises(InvalidInputError, match=rf"^parameter 'period' {periods}"):
        load_dataset("dealer_outlets")["goal_cumulative"].at("1993")


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            GOOD + "s,1994,,65.7,USD billions,census,VERIFIED,,\n",
            "bad.csv, row 3, field 'source': must be non-empty text, not empty.",
        ),
        (
            "s,1994,,65.7,USD billions,census,UNVERIFIED,Census as recalled from memory,\n",
            "row 2, field 'source': names a recollection; the kit holds only sourced or derived values.",
        ),
        (
            "s,1994,,65.7,USD billions,census,VERIFIED,AP 1995,at a remembered rate\n",
            "row 2, field 'note': names a recollection",
        ),
        (
            "s,1994,,65.7,USD billions,census,UNVERIFIED,AP,\n",
            "bad.csv, row 2, field 'note': is empty; an UNVERIFIED value needs a note saying why.",
        ),
        (
            "s,1994,,65.7,USD billions,census,DERIVED,AP,from the growth rate\n",
            "row 2, field 'note': a DERIVED value needs its calculation in the note, like '103 + 34 = 137'.",
        ),
        (
            "s,1994,,65.7,USD billions,fob,VERIFIED,AP 1995,\n",
            "row 2, field 'basis': must be one of census, cif,",
        ),
        (
            GOOD + "s,1994,,65.7,USD billions,cif,VERIFIED,AP 1995,\n",
            "row 3, field 'basis': is 'cif', but s is on 'census': one basis a series.",
        ),
        (
            "s,1994,,65.7,USD billions,census,VERIFIED,a newspaper,\n",
            "row 2, field 'source': a VERIFIED value needs a source with its date or address, not 'a newsp",
        ),
        (
            "s,1994,,65.7,USD billions,census,MAYBE,AP,\n",
            "bad.csv, row 2, field 'status': must be one of VERIFIED,",
        ),
        (
            GOOD + "s,1992,,49.6,USD billions,census,VERIFIED,AP 1995,\n",
            "bad.csv, row 3, field 'year': 1992 comes after 1993 in s: periods must be in order, each once.",
        ),
        (
            GOOD + "s,1993,,59.4,USD billions,census,VERIFIED,AP 1995,\n",
            "bad.csv, row 3, field 'year': 1993 comes after 1993 in s",
        ),
        (
            "s,1993,,59.3,dollars,census,VERIFIED,AP 1995,\n",
            "bad.csv, row 2, field 'unit': must be one of USD billions, JPY trillions, percent, vehicles, "
            "outlets, not 'dollars'.",
        ),
        (
            GOOD + "s,1994,,20,percent,census,VERIFIED,AP 1995,\n",
            "bad.csv, row 3, field 'unit': is 'percent', but s is in 'USD billions'.",
        ),
        (
            GOOD + "s,1994,2,60,USD billions,census,VERIFIED,AP 1995,\n",
            "bad.csv, row 3, field 'quarter': s mixes whole years",
        ),
        (
            "s,1994,5,60,USD billions,census,VERIFIED,AP 1995,\n",
            "row 2, field 'quarter': must be empty (a whole year) or 1 to 4, not '5'.",
        ),
        (
            "s,1994,,n/a,USD billions,census,VERIFIED,AP 1995,\n",
            "row 2, field 'value': must be a finite number, not 'n/a'.",
        ),
        (
            "s,1994,,nan,USD billions,census,VERIFIED,AP 1995,\n",
            "row 2, field 'value': must be a finite number",
        ),
        (
            "s,1970,,1,USD billions,census,VERIFIED,AP 1995,\n",
            "row 2, field 'year': must be a whole number from 1980 to 2005, not '1970'.",
        ),
        (
            ",1994,,1,USD billions,census,VERIFIED,AP 1995,\n",
            "row 2, field 'series': must be non-empty text, not empty.",
        ),
    ],
)
def test_a_bad_data_file_is_refused_with_file_row_and_field(tmp_path, body, message):
    with pytest.raises(DataFileError) as error:
        read_dataset(write(tmp_path, body))
    assert str(error.value).startswith("bad.csv, row ")
    assert message in str(error.value)
    assert isinstance(error.value, KitError)


def test_a_wrong_header_or_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("year,value\n1993,59.3\n", encoding="utf-8")
    header = "^h.csv, row 1: the header must name the columns series, year, .*; it lacks 'series', 'quarter'"
    with pytest.raises(DataFileError, match=header):
        read_dataset(path)
    with pytest.raises(DataFileError, match="empty.csv: must hold at least one row of values, not none."):
        read_dataset(write(tmp_path, "", "empty.csv"))


def test_a_good_file_reads_into_series(tmp_path):
    dataset = read_dataset(
        write(tmp_path, GOOD + "s,1994,,65.7,USD billions,census,VERIFIED,AP 1995,\n", "targets_ok.csv")
    )
    assert dataset.name == "ok" and dataset["s"].periods == ("1993", "1994")
    assert dataset["s"].values[1].x == 1994.5


def test_events_out_of_order_are_refused(tmp_path):
    path = tmp_path / "ev.csv"
    path.write_text(
        "date,label,on_charts,event,status,source\n"
        "1994-05-24,Resume,yes,Talks resume,VERIFIED,White House\n"
        "1994-02-11,Summit,yes,Summit fails,VERIFIED,LA Times\n",
        encoding="utf-8",
    )
    with pytest.raises(
        DataFileError,
        match=r"ev.csv, row 3, field 'date': must come after 1994-05-24 \(events in date order\), not ",
    ):
        read_events(path)


# ------------------------------------------------------- a prompt, substantial and continuous increase


def test_a_steady_rise_meets_the_definition():
    verdict = judge_increase(
        made({2000: 100, 2001: 110, 2002: 121, 2003: 125}), IncreaseDefinition(2000, 5, 2, 1)
    )
    assert verdict.verdict == "met" and verdict.met
    assert verdict.run == ("2001", "2002") and verdict.baseline == "2000"
    assert verdict.reasons == (
        "Baseline: 2000, 100 outlets.",
        "Definition: 2 years in a row, each up at least 5% on the year before, starting within 1 year after "
        "the baseline, 2000.",
        "2001: 110 outlets, up 10.0%, enough (at least 5%).",
        "2002: 121 outlets, up 10.0%, enough (at least 5%).",
        "Met: 2001 to 2002 each grew at least 5%.",
    )


def test_a_flat_series_is_no_increase_even_with_no_minimum():
    verdict = judge_increase(made({2000: 100, 2001: 100, 2002: 100}), IncreaseDefinition(2000, 0, 1, 2))
    assert verdict.verdict == "not met" and verdict.run == ()
    assert verdict.reasons[1] == (
        "Definition: one year up at least 0% on the year before, starting within 2 years after the baseline, "
        "2000."
    )
    assert verdict.reasons[2:] == (
        "2001: 100 outlets, unchanged, not enough (no rise).",
        "2002: 100 outlets, unchanged, not enough (no rise).",
        "Not met: no run of 1 year grew at all in time.",
    )


def test_a_falling_series_fails():
    verdict = judge_increase(made({2000: 100, 2001: 90, 2002: 81}), IncreaseDefinition(2000, 1, 1, 2))
    assert verdict.verdict == "not met"
    assert verdict.reasons[2:4] == (
        "2001: 90 outlets, down 10.0%, not enough (no rise).",
        "2002: 81 outlets, down 10.0%, not enough (no rise).",
    )


def test_one_period_cannot_show_an_increase():
    verdict = judge_increase(made({2000: 100}), IncreaseDefinition(2000, 1, 1, 1))
    assert verdict.verdict == "cannot tell"
    assert verdict.reasons[2:] == (
        "The series ends at 2000.",
        "Cannot tell: no run was found, but the figures after the series ends could hide one.",
    )


def test_a_gap_in_the_data_means_cannot_tell():
    verdict = judge_increase(made({2000: 100, 2001: 110, 2003: 130}), IncreaseDefinition(2000, 5, 2, 1))
    assert verdict.verdict == "cannot tell"
    assert verdict.reasons[2:] == (
        "2001: 110 outlets, up 10.0%, enough (at least 5%).",
        "2002: no figure.",
        "Cannot tell: no run was found, but the missing figures (2002) could hide one.",
    )


def test_a_shortfall_before_a_gap_decides_it():
    verdict = judge_increase(made({2000: 100, 2001: 101, 2003: 130}), IncreaseDefinition(2000, 5, 2, 1))
    assert verdict.verdict == "not met"
    assert verdict.reasons[2] == "2001: 101 outlets, up 1.0%, not enough (under 5%)."


def test_how_soon_the_increase_must_start():
    series = made({2000: 100, 2001: 100, 2002: 110, 2003: 121})
    assert judge_increase(series, IncreaseDefinition(2000, 5, 2, 1)).verdict == "not met"
    later = judge_increase(series, IncreaseDefinition(2000, 5, 2, 2))
    assert later.verdict == "met" and later.run == ("2002", "2003")


def test_quarterly_growth_is_quarter_on_quarter():
    series = made({"1994Q2": 21.9, "1994Q3": 23.2, "1994Q4": 23.7}, "percent")
    verdict = judge_increase(series, IncreaseDefinition("1994Q2", 1, 2, 1))
    assert verdict.run == ("1994Q3", "1994Q4")
    # 23.2 / 21.9 = 1.0594 and 23.2 - 21.9 = 1.3 points; 23.7 / 23.2 = 1.0216 and 23.7 - 23.2 = 0.5 points
    assert verdict.reasons[2:4] == (
        "1994Q3: 23.2%, up 5.9% (+1.3 percentage points), enough (at least 1%).",
        "1994Q4: 23.7%, up 2.2% (+0.5 percentage points), enough (at least 1%).",
    )
    stricter = judge_increase(series, IncreaseDefinition("1994Q2", 3, 2, 1))
    assert stricter.verdict == "not met"
    assert stricter.reasons[3] == "1994Q4: 23.7%, up 2.2% (+0.5 percentage points), not enough (under 3%)."
    assert stricter.reasons[-1] == "Not met: no run of 2 quarters grew at least 3% in time."


def test_the_real_chip_series_flips_with_the_definition():
    chips = load_dataset("semiconductor_share")["us_count_quarterly"]
    assert judge_increase(chips, IncreaseDefinition("1994Q2", 1, 2, 4)).verdict == "met"
    stricter = judge_increase(chips, IncreaseDefinition("1994Q2", 3, 2, 4))
    assert stricter.verdict == "cannot tell"
    assert stricter.reasons[4:8] == (
        "1995Q1: no figure.",
        "1995Q2: no figure.",
        "1995Q3: 26.2%, but no figure for the quarter before.",
        "Cannot tell: no run was found, but the missing figures (1995Q1, 1995Q2) could hide one.",
    )
    assert judge_increase(chips, IncreaseDefinition("1994Q2", 3, 2, 2)).verdict == "not met"


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        (
            IncreaseDefinition(1999, 5, 1, 1),
            "parameter 'definition' must be an IncreaseDefinition whose baseline is a period "
            "of made (2000, 2001, 2002), not int 1999.",
        ),
        (
            IncreaseDefinition(2000, -1, 1, 1),
            "minimum growth must be a number of percent from 0 to 1000, not int -1",
        ),
        (
            IncreaseDefinition(2000, "5", 1, 1),
            "minimum growth must be a number of percent from 0 to 1000, not str '5'",
        ),
        (
            IncreaseDefinition(2000, 5, 0, 1),
            "consecutive periods must be a whole number from 1 to 40, not int 0",
        ),
        (
            IncreaseDefinition(2000, 5, 1, 1.5),
            "periods allowed before the increase starts must be a whole number from 1 to 40, not float 1.5",
        ),
        (
            (2000, 5, 1, 1),
            "parameter 'definition' must be an IncreaseDefinition, not tuple (2000, 5, 1, 1).",
        ),
    ],
)
def test_bad_definitions_are_refused_clearly(definition, message):
    with pytest.raises(InvalidInputError) as error:
        judge_increase(made({2000: 1, 2001: 2, 2002: 3}), definition)
    assert str(error.value).startswith(message)


# ---------------------------------------------------------------- numerical targets and growth


@pytest.fixture(scope="module")
def chips():
    return load_dataset("semiconductor_share")["us_count_quarterly"]


def test_the_1991_agreement_target_was_met_just(chips):
    verdict = judge_target(chips, TargetDefinition(20, "1992Q4"))
    assert verdict.met and verdict.reached == "1992Q4"
    assert verdict.reasons == ("Target: 20% by 1992Q4.", "First reached in 1992Q4: 20.1%.")


def test_a_target_missed_on_its_date(chips):
    verdict = judge_target(chips, TargetDefinition(25, "1994Q4"))
    assert verdict.verdict == "not met"
    assert verdict.reasons[1] == "Not met: 23.7% in 1994Q4, short by 1.3 percentage points."


def test_a_target_date_with_no_figure_cannot_be_judged(chips):
    verdict = judge_target(chips, TargetDefinition(20, "1991Q3"))
    assert verdict.verdict == "cannot tell"
    assert (
        verdict.reasons[1] == "Cannot tell: no figure for 1991Q3; the last before it was 13.1% in 1991Q1, "
        "short by 6.9 percentage points."
    )
    early = judge_target(chips, TargetDefinition(20, "1989Q4"))
    assert early.reasons[1] == "The series starts at 1990Q4, after the date."


def test_targets_on_yearly_series_and_bad_targets(chips):
    vehicles = load_dataset("imported_vehicles")["all_imported_vehicles"]
    assert judge_target(vehicles, TargetDefinition(400000, 1996)).reached == "1996"
    assert judge_target(vehicles, TargetDefinition(500000, 1996)).reasons[1] == (
        "Not met: 427,525 vehicles in 1996, short by 72,475 vehicles."
    )
    with pytest.raises(
        InvalidInputError, match="the target date for us_count_quarterly must be a quarter like 1992Q4"
    ):
        judge_target(chips, TargetDefinition(20, "1992"))
    with pytest.raises(InvalidInputError, match="must be a quarter like 1992Q4, not str '1992Q5'."):
        judge_target(chips, TargetDefinition(20, "1992Q5"))
    with pytest.raises(InvalidInputError, match="target level must be a number, not str 'twenty'."):
        judge_target(chips, TargetDefinition("twenty", "1992Q4"))


def test_required_growth_is_compound():
    assert required_growth(100, 121, 2) == pytest.approx(10.0)
    assert required_growth(50, 50, 3) == 0
    assert required_growth(200, 100, 1) == pytest.approx(-50.0)
    with pytest.raises(InvalidInputError, match=".periods. must be a whole number of at least 1, not int 0."):
        required_growth(100, 121, 0)
    with pytest.raises(InvalidInputError, match="parameter 'start' must be a number above 0, not int 0."):
        required_growth(0, 121, 2)


def test_growth_plan_from_the_1993_dip_to_a_25_percent_target(chips):
    plan = growth_plan(chips, "1993Q3", TargetDefinition(25, "1994Q4"))
    # (25 / 18.1) ** (1 / 5) = 1.0667: five quarters from 1993Q3 to 1994Q4
    assert plan.periods == 5 and plan.percent == pytest.approx(6.67, abs=0.01)
    assert [p for p, _ in plan.path] == ["1993Q3", "1993Q4", "1994Q1", "1994Q2", "1994Q3", "1994Q4"]
    assert math.isclose(plan.path[-1][1], 25)
    assert (
        plan.summary
        == "From 18.1% in 1993Q3 to 25% by 1994Q4 takes +6.7% a quarter, every quarter for 5 quarters "
        "(+6.9 percentage points in all)."
    )
    after = "the target date must be from 1 to 100 periods after the start, 1993Q3, not str '1993Q1'."
    with pytest.raises(InvalidInputError, match=after):
        growth_plan(chips, "1993Q3", TargetDefinition(25, "1993Q1"))


def test_period_after_counts_quarters_and_years():
    chips = load_dataset("semiconductor_share")["us_count_quarterly"]
    assert chips.period_after("1993Q3", 2) == "1994Q1"
    assert chips.period_after("1997Q4", 0) == "1997Q4"
    assert load_dataset("imported_vehicles")["all_imported_vehicles"].period_after(1995, 3) == "1998"
    with pytest.raises(InvalidInputError, match=".count. must be a whole number of at least 0, not int -1."):
        chips.period_after("1993Q3", -1)


# ---------------------------------------------------------------- the arguments and the roles


def test_every_argument_has_a_side_a_holder_and_a_source():
    from kit.targets import arguments

    found = arguments()
    assert len(found) == 10
    assert {a.side for a in found} == {"for", "against", "between"}
    # the Framework's "objective criteria (qualitative and/or quantitative)" is the compromise, not a "for"
    assert [a.id for a in found if a.side == "between"] == ["results"]
    assert all(a.holder and a.source and a.status != "UNVERIFIED" for a in found)
    holders = " ".join(a.holder for a in found)
    for who in (
        "Framework's joint statement",
        "Tyson",
        "Bhagwati",
        "Japan's government",
        "GATT/WTO",
        "carmakers",
    ):
        assert who in holders


def test_roles_cite_known_arguments_and_sourced_facts():
    from kit.targets import arguments, roles

    found = roles()
    assert len(found) >= 5
    known = {a.id for a in arguments()}
    assert all(set(r.arguments) <= known and r.facts and all(s for _, s in r.facts) for r in found)


def test_weights_imply_a_position():
    from kit.targets import weigh

    # for: empty 4; against: vie 2 -> (4 - 2) / 6 = +0.333
    position = weigh({"empty": 4, "vie": 2})
    assert (position.score, position.weight_for, position.weight_against) == (0.333, 4, 2)
    assert position.lean == "for numerical targets"
    assert position.heaviest == ("empty",)
    # against: managed 5, gatt 3; for: chips 1 -> (1 - 8) / 9 = -0.778
    assert weigh({"managed": 5, "gatt": 3, "chips": 1}).lean == (
        "against numerical targets, the position Japan's government stated"
    )
    # (2 - 2) / 4 = 0: the compromise
    assert weigh({"empty": 2, "counts": 2}).lean.startswith("between the two")
    # the compromise counts in the total for neither side: (2 - 0) / (2 + 4) = +0.333, not +1
    leaning = weigh({"empty": 2, "results": 4})
    assert (leaning.score, leaning.weight_between) == (0.333, 4)
    assert "2 to arguments for numerical targets, 0 against and 4 to the compromise" in leaning.summary
    assert weigh({}).summary == "You have not weighed any argument yet."


def test_bad_weights_are_refused():
    from kit.targets import weigh

    with pytest.raises(
        InvalidInputError, match="an argument id in weights must be one of chips, counts, .*, not str 'rice'."
    ):
        weigh({"rice": 1})
    with pytest.raises(
        InvalidInputError, match="the weight of vie must be a whole number from 0 to 5, not int 6"
    ):
        weigh({"vie": 6})
    with pytest.raises(InvalidInputError) as error:
        weigh([1, 2])
    assert str(error.value) == (
        "parameter 'weights' must be a dict of text (a str) to a whole number, not list [1, 2]."
    )


def test_an_argument_without_a_source_is_refused(tmp_path):
    from kit.targets import read_arguments

    path = tmp_path / "args.csv"
    path.write_text(
        "id,side,holder,argument,source,status\nx,for,Someone,Targets work,,VERIFIED\n", encoding="utf-8"
    )
    with pytest.raises(
        DataFileError, match="args.csv, row 2, field 'source': must be non-empty text, not empty."
    ):
        read_arguments(path)
    path.write_text("id,side,holder,argument,source,status\nx,maybe,A,B,C,VERIFIED\n", encoding="utf-8")
    with pytest.raises(
        DataFileError, match="row 2, field 'side': must be one of for, against, between, not 'maybe'."
    ):
        read_arguments(path)


# ---------------------------------------------------------------- odd values (issue 13, item 9)


def test_a_negative_share_or_count_target_is_refused_not_met(chips):
    with pytest.raises(InvalidInputError) as error:
        judge_target(chips, TargetDefinition(-5, "1994Q2"))
    assert str(error.value) == ("a target for us_count_quarterly must be a share from 0 to 100%, not int -5.")
    with pytest.raises(InvalidInputError, match="must be a share from 0 to 100%, not int 120"):
        judge_target(chips, TargetDefinition(120, "1994Q2"))
    vehicles = load_dataset("imported_vehicles")["all_imported_vehicles"]
    with pytest.raises(InvalidInputError, match="must be a count of 0 or more, not int -5"):
        judge_target(vehicles, TargetDefinition(-5, 1996))
    deficit = load_dataset("us_goods_trade")["balance_reported"]  # a balance may be negative
    assert judge_target(deficit, TargetDefinition(-50.0, 1996)).reasons[-1] == (
        "First reached in 1989: -$49 billion."
    )


def test_growth_too_large_to_compute_is_a_clear_error():
    with pytest.raises(InvalidInputError) as error:
        required_growth(5e-324, 1e308, 1)
    assert str(error.value) == (
        "parameter 'level' must be close enough to start (5e-324) for the growth over 1 period to be "
        "computed, not float 1e+308."
    )


def test_a_growth_plan_longer_than_the_limit_is_refused(chips):
    with pytest.raises(
        InvalidInputError,
        match="the target date must be from 1 to 100 periods after the start, 1993Q3, not str '2019Q4'.",
    ):
        growth_plan(chips, "1993Q3", TargetDefinition(25, "2019Q4"))
