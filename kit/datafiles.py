"""The one loader for the kit's data files: CSV tables and JSON documents, validated as they are read.

Every topic reads its data through here, from the kit's own ``kit/data`` (``bundled(name)``) or
from a path a student or instructor gives. Only regular files of at most ``MAX_DATA_BYTES`` are
read (never a device, a FIFO or a folder), and every failure is a ``DataFileError`` whose message
names the file, the row or entry, and the field, in one form::

    targets_events.csv, row 3, field 'year': must be a whole number, not 'x'.

Usage::

    from kit.datafiles import bundled, read_csv, read_json, entries

    for row in read_csv(bundled("targets_events.csv"), ("date", "label", "event"), optional=("note",)):
        day, label = row.date("date"), row.text("label")
        if label in seen:
            raise row.fail("label", f"must name each event once, not {label!r} again.")

    roles = bundled("targets_roles.json")
    for role in entries(roles, read_json(roles, list), "role"):  # "targets_roles.json, role 2, ..."
        who, arguments = role.text("who"), role.texts("arguments")

A CSV's first row is its header: it must name every required column, may name the optional ones
(provenance such as source, status, basis, note) and nothing else; a missing optional column reads
as empty text. Rows are numbered as a spreadsheet numbers them (the header is row 1, blank lines
count); blank rows, and with ``comments=True`` rows starting with ``#``, are skipped.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from kit.errors import MAX_DEPTH, DataFileError, too_deep
from kit.store import read_regular

MAX_DATA_BYTES = 10_000_000  # the kit's largest data file is under 100 kB; a hand-in well under 5 MB

Source = str | Path | Traversable  # a path (str or Path), or a file inside kit/data from ``bundled``

# ASCII digits only: "²".isdigit() is true and float("1_0") is 10.0, neither is data.
_WHOLE = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def bundled(name: str) -> Traversable:
    """Return the kit's own data file ``name``, a path inside kit/data such as "exercises/02_reading.json"."""
    return resources.files("kit.data").joinpath(name)


def file_name(source: Source) -> str:
    """Return the name a message gives ``source``: its file name, without its folders."""
    return Path(source).name if isinstance(source, (str, os.PathLike)) else source.name


def read_text(source: Source, limit: int = MAX_DATA_BYTES) -> str:
    """Return the UTF-8 text of ``source``, a regular file of at most ``limit`` bytes."""
    name = file_name(source)
    try:
        if isinstance(source, (str, os.PathLike)):
            data = read_regular(Path(source), limit)
        else:  # a file of an installed package that is not on the file system (a zip file)
            data = source.read_bytes()
            if len(data) > limit:
                raise ValueError(f"it is larger than the limit of {limit:,} bytes")
    except FileNotFoundError:
        raise DataFileError(f"{name}: cannot be read: there is no such file.") from None
    except OSError as error:
        raise DataFileError(f"{name}: cannot be read: {error.strerror or error}.") from None
    except ValueError as error:  # read_regular: not a regular file, or too large
        raise DataFileError(f"{name}: cannot be read: {error}.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(
            f"{name}: must be UTF-8 text, not bytes such as {data[error.start : error.end]!r}."
        ) from None


@dataclass(frozen=True)
class Record:
    """One row of a CSV file or one entry of a JSON file: its fields, and where it is, for messages.

    The methods return a field's value converted and checked, or raise the DataFileError that names
    the file, ``where`` ("row 3", "role 2") and the field.
    """

    file: str
    where: str
    fields: Mapping[str, Any]

    def fail(self, field: str, problem: str) -> DataFileError:
        """Return the error for ``field``: ``problem`` is a sentence such as "must be ..., not 'x'."."""
        return DataFileError(f"{self.file}, {self.where}, field {field!r}: {problem}")

    def get(self, field: str) -> Any:
        """Return the value of ``field`` as the file holds it (None if the field is absent)."""
        value = self.fields.get(field)
        return value.strip() if isinstance(value, str) else value

    def text(self, field: str) -> str:
        """Return ``field`` as text with its surrounding spaces removed; empty or absent is refused."""
        value = self.get(field)
        if not isinstance(value, str) or not value:
            raise self.fail(field, f"must be non-empty text, not {_shown(value)}.")
        return value

    def optional(self, field: str) -> str:
        """Return ``field`` as text with its surrounding spaces removed, or "" if it is empty or absent."""
        value = self.get(field)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(field, f"must be text, not {_shown(value)}.")
        return value

    def choice(self, field: str, allowed: Iterable[str]) -> str:
        """Return ``field`` if it is one of ``allowed``."""
        allowed = list(allowed)
        value = self.get(field)
        if value not in allowed:
            raise self.fail(field, f"must be one of {', '.join(allowed)}, not {_shown(value)}.")
        return value

    def whole(self, field: str, low: int | None = None, high: int | None = None) -> int:
        """Return ``field`` as a whole number, in [low, high] where they are given."""
        value = self.get(field)
        number = _whole_of(value)
        if number is not None and (low is None or number >= low) and (high is None or number <= high):
            return number
        if low is not None and high is not None:
            allowed = f"a whole number from {low} to {high}"
        else:
            allowed = "a whole number" + (f" of at least {low}" if low is not None else "")
            allowed += f" of at most {high}" if high is not None else ""
        raise self.fail(field, f"must be {allowed}, not {_shown(value)}.")

    def number(self, field: str) -> float:
        """Return ``field`` as a finite number (a JSON number, or text such as "59.3" in a CSV)."""
        value = self.get(field)
        number = _number_of(value)
        if number is None or not math.isfinite(number):
            raise self.fail(field, f"must be a finite number, not {_shown(value)}.")
        return number

    def pair(self, field: str) -> tuple[float, float]:
        """Return ``field`` as two finite numbers (a JSON list such as ``[0, 125]``): a range or a size."""
        value = self.get(field)
        numbers = [_number_of(v) for v in value] if isinstance(value, list) and len(value) == 2 else []
        finite = [n for n in numbers if n is not None and math.isfinite(n)]
        if len(finite) != 2:
            raise self.fail(field, f"must be a list of two finite numbers, not {_shown(value)}.")
        return finite[0], finite[1]

    def date(self, field: str) -> datetime.date:
        """Return ``field`` as a date written like 1994-05-24."""
        value = self.get(field)
        try:
            if isinstance(value, str) and _DATE.fullmatch(value):
                return datetime.date.fromisoformat(value)
        except ValueError:  # a day that does not exist, such as 1994-02-30
            pass
        raise self.fail(field, f"must be a date like 1994-05-24, not {_shown(value)}.")

    def texts(self, field: str) -> tuple[str, ...]:
        """Return ``field`` as a list of non-empty texts (a JSON list; possibly empty)."""
        value = self.get(field)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, f"must be a list of non-empty texts, not {_shown(value)}.")
        return tuple(v.strip() for v in value)


def _whole_of(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _WHOLE.fullmatch(value):
        return int(value)
    return None


def _number_of(value: object) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return float(value)
    return None


def _shown(value: object) -> str:
    """Return ``value`` as a message shows it: empty, or its repr cut to 60 characters."""
    if value is None:
        return "nothing (the field is missing)"
    if value == "":
        return "empty"
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def read_csv(
    source: Source,
    columns: Sequence[str],
    *,
    optional: Sequence[str] = (),
    comments: bool = False,
    limit: int = MAX_DATA_BYTES,
) -> list[Record]:
    """Return the rows of the CSV file ``source`` whose header names ``columns`` (and any of ``optional``)."""
    name = file_name(source)
    reader = csv.reader(io.StringIO(read_text(source, limit), newline=""), strict=True)
    try:
        lines = list(enumerate(reader, start=1))
    except csv.Error as error:
        raise DataFileError(f"{name}, row {reader.line_num}: is not valid CSV ({error}).") from None
    lines = [(n, line) for n, line in lines if any(v.strip() for v in line)]
    if comments:
        lines = [(n, line) for n, line in lines if not line[0].lstrip().startswith("#")]
    if not lines:
        raise DataFileError(f"{name}: must start with a header naming the columns {', '.join(columns)}.")
    header_row, header = lines[0]
    header = [column.strip() for column in header]
    _check_header(name, header_row, header, columns, optional)
    rows = []
    for number, line in lines[1:]:
        if len(line) != len(header):
            raise DataFileError(
                f"{name}, row {number}: must hold {len(header)} values, one for each column, not {len(line)}."
            )
        rows.append(Record(name, f"row {number}", dict(zip(header, line, strict=True))))
    return rows


def _check_header(
    name: str, number: int, header: list[str], columns: Sequence[str], optional: Sequence[str]
) -> None:
    missing = [column for column in columns if column not in header]
    unknown = [column for column in header if column not in columns and column not in optional]
    twice = sorted({column for column in header if header.count(column) > 1})
    allowed = ", ".join(columns) + (f" (and may name {', '.join(optional)})" if optional else "")
    for problem, names in (("lacks", missing), ("has unknown", unknown), ("repeats", twice)):
        if names:
            raise DataFileError(
                f"{name}, row {number}: the header must name the columns {allowed}; it {problem} "
                f"{', '.join(repr(n) for n in names)}."
            )


def read_json(source: Source, kind: type[dict] | type[list] = dict, *, limit: int = MAX_DATA_BYTES) -> Any:
    """Return the content of the JSON file ``source``, which must be a ``kind`` (an object or a list)."""
    name = file_name(source)
    text = read_text(source, limit)
    try:
        content = json.loads(text)
        deep = isinstance(content, (dict, list)) and too_deep(content)
    except json.JSONDecodeError as error:
        raise DataFileError(f"{name}, line {error.lineno}: is not valid JSON ({error.msg}).") from None
    except RecursionError:  # nested deeper than Python's parser goes
        deep = True
    if deep:
        raise DataFileError(f"{name}: must be nested at most {MAX_DEPTH} levels deep.")
    if not isinstance(content, kind):
        wanted = "a JSON object ({...})" if kind is dict else "a JSON list ([...])"
        raise DataFileError(f"{name}: must hold {wanted}, not {_json_kind(content)}.")
    return content


def _json_kind(content: object) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    return kinds.get(type(content), "a number")


def entries(source: Source, items: object, what: str = "entry") -> list[Record]:
    """Return the JSON objects in the list ``items`` read from ``source``, numbered from 1 as ``what``."""
    name = file_name(source)
    if not isinstance(items, list):
        raise DataFileError(f"{name}: must hold a list of {what}s, not {_json_kind(items)}.")
    records = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise DataFileError(f"{name}, {what} {number}: must be a JSON object, not {_json_kind(item)}.")
        records.append(Record(name, f"{what} {number}", item))
    return records
