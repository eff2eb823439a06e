"""kit.environment: the set-up check students run when a widget does not show."""

from unittest import mock

from kit import environment


def test_every_check_passes_here():
    assert all(check.ok for check in environment.checks())
    assert environment.report().endswith("Everything the kit needs is here.")


def test_a_missing_package_is_named_with_what_to_do():
    with mock.patch.object(environment, "_version", return_value=None):
        report = environment.report()
    assert "✗ ipywidgets 8 (the widgets): Run `python -m pip install -r requirements.txt`" in report
    assert report.endswith("6 problem(s) to fix.")
