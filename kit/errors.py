"""The kit's errors: one base class, so a notebook can catch every kit error at once.

Public functions take ``@checked``, which refuses an argument of the wrong kind before any work is
done, with a message naming the parameter, what is allowed and what was given (never the function:
a student calls it by the name a lesson gives it).
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import math
import numbers
import reprlib
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

T = typing.TypeVar("T")


class KitError(Exception):
    """Base class of every error the kit raises on purpose."""


class ArticleNotFoundError(KitError, FileNotFoundError):
    """An article file that does not exist."""


class DataFileError(KitError, ValueError):
    """A data file (a dataset, a registry, a question bank, a hand-in) that does not follow its format."""


class ArticleFormatError(DataFileError):
    """An article or its metadata file that does not follow the expected format."""


class InvalidInputError(KitError, ValueError):
    """An argument outside what a function allows."""


class SaveError(KitError, OSError):
    """A file the kit could not write (a read-only folder, a full disk): still an OSError to callers."""


MAX_DEPTH = 100  # lists and dicts nested deeper than this are refused before any code walks them
MAX_ITEMS = 1_000_000  # a list or dict argument may hold this many items; longer ones are not walked


def too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    """Return True if ``value`` holds lists, tuples or dicts nested more than ``limit`` levels deep."""
    level, current = 0, [value]
    while current:
        level += 1
        if level > limit:
            return True
        current = [
            item
            for container in current
            if isinstance(container, (list, tuple, dict))
            for item in (container.values() if isinstance(container, dict) else container)
            if isinstance(item, (list, tuple, dict))
        ]
    return False


def whole_number(name: str, value: object, low: int, high: int | None = None) -> int:
    """Return ``value`` if it is a whole number in [low, high]; otherwise raise InvalidInputError."""
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and low <= value
        and (high is None or value <= high)
    ):
        return value
    allowed = f"from {low} to {high}" if high is not None else f"of at least {low}"
    raise invalid(name, value, f"a whole number {allowed}")


def invalid(name: str, value: object, allowed: str) -> InvalidInputError:
    """Return the error for ``name`` (a parameter, or a phrase such as "paragraph number") in one form."""
    what = f"parameter {name!r}" if name.isidentifier() else name
    return InvalidInputError(f"{what} must be {allowed}, not {_given(value)}.")


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 12, 60, 60


def _shown(value: object) -> str:
    """Return repr(value), or its outer levels when it is nested too deep for repr."""
    try:
        return repr(value)
    except RecursionError:
        return _SHORT.repr(value)


def _given(value: object) -> str:
    shown = _shown(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return shown if value is None or isinstance(value, bool) else f"{type(value).__name__} {shown}"


def checked(function: Callable[..., T]) -> Callable[..., T]:
    """Return ``function`` refusing, with InvalidInputError, any argument that does not fit its type hint.

    Hints are read once, on the first call. A float hint takes any finite real number, an int hint a
    whole number (never a bool), a sequence hint any list or tuple (never a string), and the items of
    sequences and mappings are checked too; hints it cannot read take any value.
    """
    check = _Check(function)

    def wrapper(*args: object, **kwargs: object) -> T:
        check(args, kwargs)
        return function(*args, **kwargs)

    # Give the wrapper the function's module globals, so doctest still finds the function's examples.
    wrapper = types.FunctionType(wrapper.__code__, function.__globals__, None, None, wrapper.__closure__)
    wrapped = functools.wraps(function)(wrapper)
    wrapped.__dict__[CHECKED] = True  # tests/test_surface.py keeps @checked on the student-facing surface
    return wrapped


CHECKED = "kit_checked"  # the attribute that marks a function wrapped by ``checked``


class _Check:
    """The argument check behind ``checked``: hints read on first use, then each argument tested."""

    def __init__(self, function: Callable):
        self.function, self.signature = function, inspect.signature(function)
        self.names = list(self.signature.parameters)
        self.hints: dict[str, object] | None = None
        self.tests: dict[str, Callable[[object], bool]] = {}

    def __call__(self, args: tuple, kwargs: dict) -> None:
        if self.hints is None:
            self.hints = _hints(self.function, self.signature)
            self.tests = {name: _test(hint) for name, hint in self.hints.items()}
        # Pairing names by position is several times faster than Signature.bind; a call with too
        # many or unknown arguments is left to Python's own TypeError.
        for name, value in [*zip(self.names, args, strict=False), *kwargs.items()]:
            self.test(name, value)

    def test(self, name: str, value: object) -> None:
        """Raise InvalidInputError if ``value`` does not fit parameter ``name``: its hint or the limits."""
        where = f"parameter {name!r}"
        if isinstance(value, (list, tuple, dict)) and too_deep(value):
            raise InvalidInputError(
                f"{where} must be nested at most {MAX_DEPTH} levels deep, not {_given(value)}."
            )
        try:
            fits = name not in self.tests or self.tests[name](value)
        except _TooLong:
            raise InvalidInputError(
                f"{where} must hold at most {MAX_ITEMS:,} items, not {_given(value)}."
            ) from None
        if not fits:
            raise invalid(name, value, _allowed((self.hints or {})[name]))


_KNOWN: dict[int, dict[str, type]] = {}


def _known_classes() -> dict[str, type]:
    """Return the classes of the kit's loaded modules by name, collected once per set of loaded modules."""
    loaded = len(sys.modules)
    if loaded not in _KNOWN:
        _KNOWN.clear()
        _KNOWN[loaded] = {
            name: value
            for module in list(sys.modules.values())
            if getattr(module, "__name__", "").startswith(_HINT_MODULES)
            for name, value in list(vars(module).items())
            if isinstance(value, type)
        }
    return _KNOWN[loaded]


def _hints(function: Callable, signature: inspect.Signature) -> dict[str, object]:
    # Hints may name classes imported only for type checking: look them up among the loaded modules.
    namespace = {**_known_classes(), **function.__globals__}
    return {name: _hint(parameter.annotation, namespace) for name, parameter in signature.parameters.items()}


def _hint(annotation: object, namespace: dict) -> object:
    if annotation is inspect.Parameter.empty:
        return object
    try:
        return typing.get_type_hints(SimpleNamespace(__annotations__={"x": annotation}), namespace)["x"]
    except (NameError, TypeError, AttributeError, SyntaxError):
        return object  # a hint that cannot be read takes any value


def _test(hint: object) -> Callable[[object], bool]:
    """Return a fast test of whether a value fits ``hint`` (built once per parameter)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (object, typing.Any) or isinstance(hint, typing.TypeVar):
        return lambda value: True
    if origin in (typing.Union, types.UnionType):
        tests = [_test(arg) for arg in args]
        return lambda value: any(test(value) for test in tests)
    if hint in _SIMPLE:
        return _SIMPLE[hint]
    if origin in (tuple, list, collections.abc.Sequence) or hint in (list, tuple, collections.abc.Sequence):
        return _sequence_test(args)
    if origin in (dict, collections.abc.Mapping) or hint in (dict, collections.abc.Mapping):
        return _mapping_test(args)
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return callable
    if isinstance(hint, type):
        return lambda value: isinstance(value, hint)
    return lambda value: True


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except (TypeError, RecursionError):
        return False
    return True


class _TooLong(Exception):
    """A list or dict argument longer than MAX_ITEMS: refused before its items are walked."""


def _short_enough(value: collections.abc.Sized) -> bool:
    if len(value) > MAX_ITEMS:
        raise _TooLong
    return True


def _sequence_test(args: tuple) -> Callable[[object], bool]:
    if len(args) == 1 or len(args) == 2 and args[1] is Ellipsis:
        item = _test(args[0])
        return lambda value: _is_sequence(value) and _short_enough(value) and all(map(item, value))
    if args:  # a fixed-length tuple such as (low, high)
        items = [_test(arg) for arg in args]
        return lambda value: (
            _is_sequence(value)
            and len(value) == len(items)
            and all(test(v) for test, v in zip(items, value, strict=True))
        )
    return _is_sequence


def _is_sequence(value: object) -> typing.TypeGuard[collections.abc.Sequence[object]]:
    return isinstance(value, collections.abc.Sequence) and not isinstance(value, (str, bytes))


def _mapping_test(args: tuple) -> Callable[[object], bool]:
    if not args:
        return lambda value: isinstance(value, collections.abc.Mapping)
    key, item = _test(args[0]), _test(args[1])
    return lambda value: (
        isinstance(value, collections.abc.Mapping)
        and _short_enough(value)
        and all(key(k) and item(v) for k, v in value.items())
    )


def _allowed(hint: object) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_allowed(arg) for arg in args)
    if hint in _WORDS:
        return _WORDS[hint]
    if origin in (tuple, list, collections.abc.Sequence) or hint in (list, collections.abc.Sequence):
        if len(args) > 1 and args[1] is not Ellipsis:
            return f"a pair ({', '.join(_allowed(arg) for arg in args)})"
        return f"a list of {_allowed(args[0])}" if args else "a list or tuple"
    if origin in (dict, collections.abc.Mapping) or hint in (dict, collections.abc.Mapping):
        return f"a dict of {_allowed(args[0])} to {_allowed(args[1])}" if args else "a dict"
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return "a function"
    name = getattr(hint, "__name__", str(hint))
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


_SIMPLE: dict[object, Callable[[object], bool]] = {
    None: lambda value: value is None,
    type(None): lambda value: value is None,
    float: lambda value: (
        isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    ),
    int: lambda value: isinstance(value, numbers.Integral) and not isinstance(value, bool),
    str: lambda value: isinstance(value, str),
    bool: lambda value: isinstance(value, bool),
    collections.abc.Hashable: _hashable,
}
_HINT_MODULES = ("kit.", "matplotlib.axes", "ipywidgets", "nbformat")
_WORDS = {
    type(None): "None",
    str: "text (a str)",
    int: "a whole number",
    float: "a finite number",
    bool: "True or False",
    Path: "a Path",
    collections.abc.Hashable: "a label (text or a number)",
}
