"""Lazy exports for a package whose names live in topic modules (PEP 562).

``kit.charts`` and ``kit.widgets`` offer every chart and widget by name, but a
lesson uses one topic; loading a topic's module on first use keeps ``import kit``
fast in every notebook. This is the pattern of the scientific Python SPEC 1.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from kit.errors import invalid


def exports(
    package: str, homes: dict[str, list[str]]
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """Return ``__getattr__``, ``__dir__`` and ``__all__`` for ``package``, whose names live in ``homes``."""
    home_of = {name: module for module, names in homes.items() for name in names}
    try:
        namespace = importlib.import_module(package).__dict__
    except (ImportError, ValueError, TypeError):  # ValueError: an empty name; TypeError: a relative one
        allowed = "the name of an importable package, such as 'kit.charts'"
        raise invalid("package", package, allowed) from None

    def __getattr__(name: str) -> object:
        if name not in home_of:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home_of[name]}"), name)
        namespace[name] = value  # later lookups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | home_of.keys())

    return __getattr__, __dir__, sorted(home_of)
