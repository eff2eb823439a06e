"""Students see JupyterLab without nbgrader's instructor tooling; one command brings it back.

The README's set-up installs student-view/, which puts a page_config.d file into
{sys.prefix}/etc/jupyter/labconfig that disables the @jupyter/nbgrader extension. These tests
open JupyterLab in Chromium and look for nbgrader's menu and its panels: absent as installed,
present after the instructor command the README gives (`jupyter labextension enable
@jupyter/nbgrader`), and absent again after `jupyter labextension disable @jupyter/nbgrader`,
each on the next page load of one Lab server.
The commands write {sys.prefix}/etc/jupyter/labconfig/page_config.json; the test puts that
file back as it found it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_browser import KERNEL_READY, MENU_BAR, STATUS_BAR, TIMEOUT_MS, Lab, lab_server

LABCONFIG = Path(sys.prefix) / "etc" / "jupyter" / "labconfig"
STUDENT_VIEW = LABCONFIG / "page_config.d" / "trade-talks-kit.json"
SETTING = LABCONFIG / "page_config.json"
# What nbgrader adds to JupyterLab: a menu, and panels an instructor opens from it.
NBGRADER_MENU = "Nbgrader"


@pytest.fixture
def setting_restored() -> Iterator[None]:
    """Put {sys.prefix}/etc/jupyter/labconfig/page_config.json back as it was after the test."""
    before = SETTING.read_bytes() if SETTING.exists() else None
    try:
        yield
    finally:
        if before is None:
            SETTING.unlink(missing_ok=True)
        else:
            SETTING.write_bytes(before)


def labextension(action: str) -> None:
    """Run the README's instructor command: ``jupyter labextension <action> @jupyter/nbgrader``."""
    command = [str(Path(sys.executable).with_name("jupyter")), "labextension", action, "@jupyter/nbgrader"]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def nbgrader_menu_count(page: Page, lab: Lab) -> int:
    """Open lesson 00 in Lab; once its kernel is ready return how many nbgrader menus the menu bar has."""
    page.goto(lab.notebook_url("00_start_here.ipynb"))
    expect(page.locator(STATUS_BAR)).to_contain_text(KERNEL_READY, timeout=TIMEOUT_MS)
    return page.locator(MENU_BAR).get_by_role("menuitem", name=NBGRADER_MENU, exact=True).count()


def test_the_set_up_installs_the_student_view():
    assert STUDENT_VIEW.is_file(), "run the README's set-up: python -m pip install -r requirements.txt"
    assert "@jupyter/nbgrader" in STUDENT_VIEW.read_text(encoding="utf-8")


def test_students_see_no_nbgrader_and_one_command_turns_it_on_and_off(page, tmp_path, setting_restored):
    SETTING.unlink(missing_ok=True)  # the state right after the set-up
    # As the README says, the instructor runs the command and reloads the page: Lab reads the page
    # config from disk at every page load (jupyterlab_server's LabHandler), so one server serves all three.
    with lab_server(tmp_path) as lab:
        assert nbgrader_menu_count(page, lab) == 0
        assert page.get_by_text("Create Assignment").count() == 0
        labextension("enable")
        assert nbgrader_menu_count(page, lab) == 1
        page.locator(MENU_BAR).get_by_role("menuitem", name=NBGRADER_MENU, exact=True).click()
        expect(page.get_by_role("menuitem", name="Formgrader")).to_be_visible()
        page.keyboard.press("Escape")
        labextension("disable")
        assert nbgrader_menu_count(page, lab) == 0
