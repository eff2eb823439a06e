"""The student-facing surface: the kit's names that the lessons and exercises call, found in their code.

A name is found where a notebook imports it (``from kit.targets import load_dataset``) or reaches it
through an imported module (``kit.charts.voice_share``, ``charts.win_sets``). It is kept by its
public import path, so a topic module split into a package keeps its surface.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat

import kit
from kit.errors import CHECKED

ROOT = Path(__file__).parents[1]
NOTEBOOKS = ("notebooks/*.ipynb", "exercises/*.ipynb")
SKIPPED_MODULES = ("kit.data", "kit.seeds")


def notebook_code() -> Iterator[ast.Module]:
    """Yield the code of each lesson and exercise, its cells in order (magics and shell lines left out)."""
    for pattern in NOTEBOOKS:
        for path in sorted(ROOT.glob(pattern)):
            body: list[ast.stmt] = []
            for cell in nbformat.read(path, as_version=4).cells:
                lines = [
                    line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))
                ]
                try:
                    body += ast.parse("\n".join(lines)).body if cell.cell_type == "code" else []
                except SyntaxError:  # an exercise's blank for the student to fill in
                    continue
            yield ast.Module(body=body, type_ignores=[])


def _is_module(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def _aliases(tree: ast.Module) -> tuple[dict[str, str], set[str]]:
    """Return a notebook's names for kit modules (name -> module), and the kit names it imports."""
    aliases: dict[str, str] = {}
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kit"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if _is_module(full):
                    aliases[alias.asname or alias.name] = full
                else:
                    imported.add(full)
        elif isinstance(node, ast.Import):
            aliases.update({a.asname or a.name: a.name for a in node.names if a.name.startswith("kit")})
    return aliases, imported


def _uses(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Return the kit names a notebook reaches, and the method names it calls on other objects."""
    aliases, names = _aliases(tree)
    methods = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            path = ast.unparse(node).split(".")
            if path[0] in aliases:
                names.add(".".join([aliases[path[0]], *path[1:]]))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if ast.unparse(node.func).split(".")[0] not in aliases:
                methods.add(node.func.attr)
    return names, methods


@functools.cache
def _all_uses() -> tuple[frozenset[str], frozenset[str]]:
    uses = [_uses(tree) for tree in notebook_code()]
    names = set().union(*(names for names, _ in uses))
    methods = set().union(*(methods for _, methods in uses))
    return frozenset(name for name in names if not _is_module(name)), frozenset(methods)


def surface_names() -> frozenset[str]:
    """Return the dotted kit names the lessons and exercises use, such as "kit.targets.load_dataset"."""
    return _all_uses()[0]


def called_method_names() -> frozenset[str]:
    """Return the names lessons call as methods of an object (``exercise.check(...)``), not a module."""
    return _all_uses()[1]


def resolve(name: str) -> object:
    """Return the object ``name`` ("kit.charts.win_sets") stands for, by its public import path."""
    module, _, attribute = name.rpartition(".")
    value: object = importlib.import_module(module)
    for part in attribute.split("."):
        value = getattr(value, part)
    return value


@functools.cache
def surface_functions() -> dict[str, Callable]:
    """Return the functions of the surface by public import path (its classes are not functions)."""
    found = {name: resolve(name) for name in sorted(surface_names())}
    return {name: value for name, value in found.items() if inspect.isfunction(value)}


def kit_modules() -> list:
    """Return every module of the kit, imported."""
    names = [m.name for m in pkgutil.walk_packages(kit.__path__, "kit.")]
    return [importlib.import_module(n) for n in sorted(names) if not n.startswith(SKIPPED_MODULES)]


def checked_functions() -> dict[str, Callable]:
    """Return every function and method in the kit wrapped by ``@checked``, by where it is defined."""
    found = {}
    for module in kit_modules():
        for name, value in vars(module).items():
            if getattr(value, CHECKED, False) and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for method, function in vars(value).items():
                    if getattr(function, CHECKED, False):
                        found[f"{module.__name__}.{name}.{method}"] = function
    return found
