"""Lazy exports for a package whose names live in topic modules (PEP 562).

``kit.charts`` and ``kit.widgets`` offer every chart and widget by name, but a lesson uses one
topic; loading a topic's module on first use keeps ``import kit`` fast in every notebook. This is
the pattern of the scientific Python SPEC 1, with the list of names generated rather than kept by
hand, so it cannot drift from the modules: a package exports every public name its modules define
at the top level (``def``, ``class``, or a constant in capitals), found in their source without
importing them.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from importlib import resources

from kit.errors import invalid

# A top-level definition: "def name", "class name", constants "NAME = ...", "NAME, OTHER: type = ...".
_CONSTANT = r"[A-Z][A-Z0-9_]+"
_DEFINED = re.compile(
    rf"^(?:def|class)\s+([A-Za-z]\w*)|^({_CONSTANT}(?:\s*,\s*{_CONSTANT})*)\s*(?::[^=\n]*)?=(?!=)",
    re.MULTILINE,
)


def defined_names(source: str) -> list[str]:
    """Return the public names a module's ``source`` defines at its top level, in order.

    >>> defined_names("import os\\nLOW, HIGH = 1, 2\\n_x = 1\\ndef draw(ax):\\n    y = 2\\nclass View: ...")
    ['LOW', 'HIGH', 'draw', 'View']
    """
    found = []
    for match in _DEFINED.finditer(source):
        found += [match.group(1)] if match.group(1) else [n.strip() for n in match.group(2).split(",")]
    return found


def homes(package: str) -> dict[str, list[str]]:
    """Return, for each public name the modules of ``package`` define, the modules that define it."""
    found: dict[str, list[str]] = {}
    for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py") and not entry.name.startswith("_"):
            for name in defined_names(entry.read_text(encoding="utf-8")):
                found.setdefault(name, []).append(entry.name.removesuffix(".py"))
    return found


def exports(package: str) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for ``package``: its modules' public names, loaded on first use.

    ``__all__`` is one of those names, read through ``__getattr__``, so ``from package import *`` works.
    """
    try:
        namespace = importlib.import_module(package).__dict__
    except (ImportError, ValueError, TypeError):  # ValueError: an empty name; TypeError: a relative one
        allowed = "the name of an importable package, such as 'kit.charts'"
        raise invalid("package", package, allowed) from None

    @functools.cache
    def home_of() -> dict[str, str]:
        return {name: modules[0] for name, modules in homes(package).items()}

    def __getattr__(name: str) -> object:
        if name == "__all__":
            return sorted(home_of())
        if name not in home_of():
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home_of()[name]}"), name)
        namespace[name] = value  # later lookups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | home_of().keys())

    return __getattr__, __dir__
