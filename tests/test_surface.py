"""@checked on the student-facing surface only: what lessons and exercises call is checked at run time.

Every function a lesson or exercise names (``tests/surface.py`` finds them in the notebooks' code)
that takes arguments refuses a wrong one with a message naming the parameter: it is wrapped by
``@checked``. Nothing else in the kit pays for run-time checks: the kit's own calls are checked by
the type checker (tests/test_package.py). Methods the lessons call on the objects they are given
(``exercise.check``) may be checked too.
"""

from __future__ import annotations

import inspect

from surface import called_method_names, checked_functions, surface_functions, surface_names

from kit.errors import CHECKED


def test_the_surface_is_found_in_the_notebooks():
    names = surface_names()
    for name in (
        "kit.targets.load_dataset",
        "kit.charts.win_sets",
        "kit.ask.start_exercise",
        "kit.store.open_work",
    ):
        assert name in names
    assert len(names) > 100 and {"check", "ask", "require"} <= called_method_names()


def test_every_surface_function_with_arguments_is_checked():
    unchecked = [
        name
        for name, function in surface_functions().items()
        if inspect.signature(function).parameters and not getattr(function, CHECKED, False)
    ]
    assert unchecked == [], f"add @checked to these student-facing functions: {', '.join(unchecked)}"


def test_no_function_outside_the_surface_is_checked():
    surface = {id(function) for function in surface_functions().values()}
    methods = called_method_names()
    outside = sorted(
        name
        for name, function in checked_functions().items()
        if id(function) not in surface and not (name.count(".") > 2 and name.rsplit(".", 1)[1] in methods)
    )
    assert outside == [], f"{len(outside)} functions outside the surface keep @checked: {', '.join(outside)}"
