"""The kit's validation helpers: checked() reads a function's hints, invalid() words the message."""

from __future__ import annotations

import doctest
import sys
import types
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path

import pytest

from kit.errors import InvalidInputError, KitError, checked, invalid, whole_number


@checked
def sample(
    count: int,
    share: float = 0.5,
    labels: Sequence[str] = (),
    coding: Mapping[int | str, str] | None = None,
    where: str | Path = "here",
    limits: tuple[float, float] = (0, 1),
    code: Hashable = "a",
    draw: Callable[[int], str] | None = None,
) -> int:
    """Return ``count``: a stand-in with one parameter of each kind of hint the kit uses.

    >>> sample(2)
    2
    """
    return count


def refused(**arguments: object) -> str:
    with pytest.raises(InvalidInputError) as error:
        sample(**{"count": 1, **arguments})
    return str(error.value)


def test_invalid_names_the_parameter_what_is_allowed_and_what_was_given():
    error = invalid("width", "wide", "a whole number from 0 to 500")
    assert isinstance(error, KitError)
    assert str(error) == "parameter 'width' must be a whole number from 0 to 500, not str 'wide'."


def test_long_values_are_shortened_in_the_message():
    assert str(invalid("x", "y" * 100, "short")) == f"parameter 'x' must be short, not str '{'y' * 56}...."


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"count": True}, "parameter 'count' must be a whole number, not True."),
        ({"count": 2.0}, "parameter 'count' must be a whole number, not float 2.0."),
        ({"share": float("nan")}, "parameter 'share' must be a finite number, not float nan."),
        ({"share": "0.5"}, "parameter 'share' must be a finite number, not str '0.5'."),
        ({"labels": "ab"}, "parameter 'labels' must be a list of text (a str), not str 'ab'."),
        ({"labels": ["a", 2]}, "parameter 'labels' must be a list of text (a str), not list ['a', 2]."),
        (
            {"coding": {None: "x"}},
            "parameter 'coding' must be a dict of a whole number or text (a str) to text (a str) or None, "
            "not dict {None: 'x'}.",
        ),
        ({"where": 3}, "parameter 'where' must be text (a str) or a Path, not int 3."),
        (
            {"limits": (0, 1, 2)},
            "parameter 'limits' must be a pair (a finite number, a finite number), not tuple (0, 1, 2).",
        ),
        ({"code": ["a"]}, "parameter 'code' must be a label (text or a number), not list ['a']."),
        ({"draw": "plot"}, "parameter 'draw' must be a function or None, not str 'plot'."),
    ],
)
def test_checked_refuses_what_the_hint_does_not_allow(arguments, message):
    assert refused(**arguments) == message


def test_checked_lets_through_what_the_hint_allows():
    assert sample(3, 1, range(0), {1: "a", "2": "b"}, Path("."), [0.0, 2], 7, str) == 3
    assert sample(count=4, labels=("a", "b"), coding=None, draw=None) == 4


def test_checked_keeps_the_name_the_docstring_and_the_doctest():
    assert sample.__name__ == "sample" and sample.__doc__.startswith("Return ``count``")
    found = doctest.DocTestFinder().find(sys.modules[__name__], __name__)
    assert [t.name for t in found if t.examples] == [f"{__name__}.sample"]


def test_a_hint_that_cannot_be_read_takes_any_value():
    namespace = types.ModuleType("scratch")
    exec(  # a module whose hint names a class that does not exist
        "from kit.errors import checked\n@checked\ndef f(x: 'NoSuchClass') -> int:\n    return 1\n",
        namespace.__dict__,
    )
    assert namespace.f(object()) == 1


def test_whole_number_names_the_callers_label():
    assert whole_number("width", 5, 0, 500) == 5
    with pytest.raises(
        InvalidInputError, match=r"^parameter .width. must be a whole number from 0 to 500, not int 501.$"
    ):
        whole_number("width", 501, 0, 500)


def test_a_huge_range_is_refused_at_once_not_walked():
    """Issue 13 item 8: range(10**12) for a list parameter hung the argument check."""
    import time

    @checked
    def numbered(numbers: Sequence[int]) -> int:
        return len(numbers)

    for huge in (range(10**8), range(10**12)):  # main: ~10 s, then for ever
        start = time.perf_counter()
        with pytest.raises(InvalidInputError) as error:
            numbered(huge)
        assert time.perf_counter() - start < 1
        assert str(error.value) == (
            f"parameter 'numbers' must hold at most 1,000,000 items, not range {huge!r}."
        )
    assert numbered(range(10**6)) == 10**6


def test_deep_nesting_gives_a_kit_error_not_a_recursion_error():
    """Issue 13 item 11: building the message for a deeply nested argument raised RecursionError."""
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    message = refused(labels=deep)
    assert message.startswith("parameter 'labels' must be nested at most 100 levels deep, not list [[[[")
    nested: tuple = ()
    for _ in range(100_000):
        nested = (nested,)
    assert refused(code=[nested]).startswith("parameter 'code' must be nested at most 100 levels deep")
