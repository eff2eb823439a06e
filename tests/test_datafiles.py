"""The one data-file loader: every failure a DataFileError naming the file, the row or entry, the field."""

import datetime
import os

import pytest

from kit.datafiles import MAX_DATA_BYTES, bundled, entries, file_name, read_csv, read_json, read_text
from kit.errors import DataFileError, KitError

COLUMNS = ("date", "label", "year")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(message, read, *args, **kwargs):
    with pytest.raises(DataFileError) as caught:
        read(*args, **kwargs)
    assert str(caught.value) == message
    assert isinstance(caught.value, KitError)


def one_row(tmp_path, row, header="date,label,year"):
    return read_csv(write(tmp_path, "targets_events.csv", f"{header}\n{row}\n"), COLUMNS)[0]


# ---------------------------------------------------------------- files


def test_bundled_files_are_read_from_kit_data():
    rows = read_csv(
        bundled("targets_events.csv"), ("date", "label", "on_charts", "event", "status", "source")
    )
    assert rows[0].where == "row 2" and rows[0].file == "targets_events.csv"
    assert isinstance(rows[0].date("date"), datetime.date)
    bank = read_json(bundled("exercises/02_reading.json"))
    assert (
        bank["kit_question_bank"] == 2
        and file_name(bundled("exercises/02_reading.json")) == "02_reading.json"
    )


def test_a_missing_file_is_named(tmp_path):
    refused("absent.csv: cannot be read: there is no such file.", read_csv, tmp_path / "absent.csv", COLUMNS)


def test_a_folder_a_fifo_and_a_device_are_never_read(tmp_path):
    (tmp_path / "folder.csv").mkdir()
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    for name in ("folder.csv", "pipe.csv", "zero.csv"):
        refused(
            f"{name}: cannot be read: it is not a regular file (never a device, FIFO or folder).",
            read_csv,
            str(tmp_path / name),
            COLUMNS,
        )


def test_a_file_over_the_limit_is_not_read(tmp_path):
    path = write(tmp_path, "big.json", "[" + "1," * 60 + "1]")
    refused(
        "big.json: cannot be read: it is larger than the limit of 100 bytes.",
        read_json,
        path,
        list,
        limit=100,
    )
    assert MAX_DATA_BYTES == 10_000_000


def test_text_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("date,label,year\n1994-05-24,caf\xe9,1994\n".encode("latin-1"))
    refused("latin.csv: must be UTF-8 text, not bytes such as b'\\xe9'.", read_text, path)


# ---------------------------------------------------------------- CSV


def test_rows_are_numbered_as_a_spreadsheet_numbers_them(tmp_path):
    text = "date,label,year\n1994-05-24,talks resume,1994\n\n1994-02-11,summit fails,1994\n"
    rows = read_csv(write(tmp_path, "events.csv", text), COLUMNS)
    assert [r.where for r in rows] == ["row 2", "row 4"]
    assert rows[1].text("label") == "summit fails" and rows[1].whole("year") == 1994


def test_comment_rows_are_skipped_only_when_asked(tmp_path):
    path = write(
        tmp_path, "devices.csv", "# a note, with commas\ndate,label,year\n# more\n1994-05-24,x,1994\n"
    )
    assert [r.where for r in read_csv(path, COLUMNS, comments=True)] == ["row 4"]
    refused(
        "devices.csv, row 1: the header must name the columns date, label, year; it lacks 'date', 'label', "
        "'year'.",
        read_csv,
        path,
        COLUMNS,
    )


def test_the_header_names_every_required_column_and_only_known_ones(tmp_path):
    path = write(tmp_path, "t.csv", "date,label\n")
    refused(
        "t.csv, row 1: the header must name the columns date, label, year; it lacks 'year'.",
        read_csv,
        path,
        COLUMNS,
    )
    path = write(tmp_path, "t.csv", "date,label,year,colour\n")
    refused(
        "t.csv, row 1: the header must name the columns date, label, year (and may name source, note); "
        "it has unknown 'colour'.",
        read_csv,
        path,
        COLUMNS,
        optional=("source", "note"),
    )
    path = write(tmp_path, "t.csv", "date,label,year,year\n")
    refused(
        "t.csv, row 1: the header must name the columns date, label, year; it repeats 'year'.",
        read_csv,
        path,
        COLUMNS,
    )
    refused(
        "empty.csv: must start with a header naming the columns date, label, year.",
        read_csv,
        write(tmp_path, "empty.csv", "\n \n"),
        COLUMNS,
    )


def test_optional_provenance_columns_may_be_absent_or_in_any_order(tmp_path):
    path = write(tmp_path, "t.csv", "note,year,label,date\nfrom the Times,1994,x,1994-05-24\n")
    row = read_csv(path, COLUMNS, optional=("source", "note"))[0]
    assert (row.optional("note"), row.optional("source"), row.whole("year")) == ("from the Times", "", 1994)


def test_a_row_with_too_many_or_too_few_values_is_refused(tmp_path):
    path = write(tmp_path, "t.csv", "date,label,year\n1994-05-24,x,1994,extra\n")
    refused("t.csv, row 2: must hold 3 values, one for each column, not 4.", read_csv, path, COLUMNS)
    path = write(tmp_path, "t.csv", "date,label,year\n1994-05-24,x,1994\n1994-05-25,y\n")
    refused("t.csv, row 3: must hold 3 values, one for each column, not 2.", read_csv, path, COLUMNS)


def test_text_that_is_not_csv_names_its_row(tmp_path):
    path = write(tmp_path, "t.csv", 'date,label,year\n1994-05-24,"x"y,1994\n')
    with pytest.raises(DataFileError, match=r"^t\.csv, row 2: is not valid CSV \("):
        read_csv(path, COLUMNS)


def test_whole_numbers(tmp_path):
    row = one_row(tmp_path, "1994-05-24,talks,x")
    refused("targets_events.csv, row 2, field 'year': must be a whole number, not 'x'.", row.whole, "year")
    for text in ("²", "1_994", "19.5", "١٩٩٤"):
        with pytest.raises(DataFileError, match="must be a whole number"):
            one_row(tmp_path, f"1994-05-24,talks,{text}").whole("year")
    row = one_row(tmp_path, "1994-05-24,talks,1960")
    refused(
        "targets_events.csv, row 2, field 'year': must be a whole number from 1985 to 2000, not '1960'.",
        row.whole,
        "year",
        1985,
        2000,
    )
    refused(
        "targets_events.csv, row 2, field 'year': must be a whole number of at least 1970, not '1960'.",
        row.whole,
        "year",
        1970,
    )
    refused(
        "targets_events.csv, row 2, field 'year': must be a whole number of at most 1900, not '1960'.",
        row.whole,
        "year",
        None,
        1900,
    )
    assert one_row(tmp_path, "1994-05-24,talks, -3 ").whole("year") == -3


def test_numbers(tmp_path):
    assert one_row(tmp_path, "1994-05-24,talks,59.3").number("year") == 59.3
    assert one_row(tmp_path, "1994-05-24,talks,-1e3").number("year") == -1000.0
    for text in ("nan", "inf", "1_0", "٣", "59.3%", ""):
        row = one_row(tmp_path, f"1994-05-24,talks,{text}")
        shown = repr(text) if text else "empty"
        refused(
            f"targets_events.csv, row 2, field 'year': must be a finite number, not {shown}.",
            row.number,
            "year",
        )
    refused(
        "targets_events.csv, row 2, field 'year': must be a finite number, not '1e999'.",
        one_row(tmp_path, "d,l,1e999").number,
        "year",
    )


def test_text_choices_and_dates(tmp_path):
    row = one_row(tmp_path, "1994-02-30, ,maybe")
    refused("targets_events.csv, row 2, field 'label': must be non-empty text, not empty.", row.text, "label")
    refused(
        "targets_events.csv, row 2, field 'year': must be one of yes, no, not 'maybe'.",
        row.choice,
        "year",
        ("yes", "no"),
    )
    refused(
        "targets_events.csv, row 2, field 'date': must be a date like 1994-05-24, not '1994-02-30'.",
        row.date,
        "date",
    )
    for text in ("19940524", "1994-W21-2", "24 May 1994"):
        with pytest.raises(DataFileError, match="must be a date like 1994-05-24"):
            one_row(tmp_path, f"{text},x,1").date("date")
    assert one_row(tmp_path, " 1994-05-24 ,x,yes").choice("year", ("yes", "no")) == "yes"
    refused(
        "targets_events.csv, row 2, field 'label': must name each event once.",
        lambda: (_ for _ in ()).throw(row.fail("label", "must name each event once.")),
    )


# ---------------------------------------------------------------- JSON


def test_json_objects_and_lists(tmp_path):
    assert read_json(write(tmp_path, "a.json", '{"x": 1}')) == {"x": 1}
    assert read_json(write(tmp_path, "b.json", "[1, 2]"), list) == [1, 2]
    refused("a.json: must hold a JSON list ([...]), not an object.", read_json, tmp_path / "a.json", list)
    refused("b.json: must hold a JSON object ({...}), not a list.", read_json, tmp_path / "b.json")
    refused(
        "c.json: must hold a JSON object ({...}), not null.", read_json, write(tmp_path, "c.json", "null")
    )


def test_json_that_does_not_parse_names_its_line(tmp_path):
    path = write(tmp_path, "bad.json", '{\n  "x": 1\n  "y": 2\n}')
    refused("bad.json, line 3: is not valid JSON (Expecting ',' delimiter).", read_json, path)


def test_json_nested_too_deep_is_refused_not_a_recursion_error(tmp_path):
    for depth in (150, 100_000):
        path = write(tmp_path, "deep.json", "[" * depth + "]" * depth)
        refused("deep.json: must be nested at most 100 levels deep.", read_json, path, list)


def test_a_pair_is_two_finite_numbers(tmp_path):
    path = write(tmp_path, "charts.json", '[{"xlim": [1985, 2001.5], "size": [8], "ylim": [0, "x"]}]')
    first = entries(path, read_json(path, list), "chart")[0]
    assert first.pair("xlim") == (1985.0, 2001.5)
    for field, given in (("size", "[8]"), ("ylim", "[0, 'x']"), ("title", "nothing (the field is missing)")):
        refused(
            f"charts.json, chart 1, field {field!r}: must be a list of two finite numbers, not {given}.",
            first.pair,
            field,
        )


def test_entries_are_numbered_and_their_fields_checked(tmp_path):
    path = write(tmp_path, "roles.json", '[{"role": "USTR", "arguments": ["empty", "vie"], "year": 1994}, 3]')
    content = read_json(path, list)
    refused("roles.json, role 2: must be a JSON object, not a number.", entries, path, content, "role")
    first = entries(path, content[:1], "role")[0]
    assert (first.text("role"), first.texts("arguments"), first.whole("year")) == (
        "USTR",
        ("empty", "vie"),
        1994,
    )
    refused(
        "roles.json, role 1, field 'who': must be non-empty text, not nothing (the field is missing).",
        first.text,
        "who",
    )
    refused(
        "roles.json, role 1, field 'role': must be a list of non-empty texts, not 'USTR'.",
        first.texts,
        "role",
    )
    refused("roles.json, role 1, field 'year': must be a date like 1994-05-24, not 1994.", first.date, "year")
    refused(
        "roles.json, role 1, field 'arguments': must be text, not ['empty', 'vie'].",
        first.optional,
        "arguments",
    )
    refused("roles.json: must hold a list of roles, not an object.", entries, path, {}, "role")
    assert entries(path, [{"x": True}])[0].where == "entry 1"
    refused(
        "roles.json, entry 1, field 'x': must be a whole number, not True.",
        entries(path, [{"x": True}])[0].whole,
        "x",
    )
