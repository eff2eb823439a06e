"""Test-wide set-up: prove the kit works offline, and keep tests from leaking figures.

Before anything imports TextBlob or NLTK, NLTK_DATA points at an empty folder, so
any code path that needs a downloaded corpus fails here rather than in a
classroom. The notebook kernels that nbval starts inherit the same setting. An
audit hook fails any attempt by the test process to resolve or connect to a
host other than this machine.
"""

from __future__ import annotations

import faulthandler
import ipaddress
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

os.environ["NLTK_DATA"] = tempfile.mkdtemp(prefix="kit-empty-nltk-data-")


# Property-based tests draw the same examples on every machine and keep no example database:
# the suite's result depends only on the code under test.
settings.register_profile("kit", derandomize=True, database=None)
settings.load_profile("kit")


class NetworkAccessError(RuntimeError):
    """Raised when a test tries to reach a host other than this machine."""


def _is_local(host: object) -> bool:
    if host in (None, "", "localhost") or not isinstance(host, str | bytes):
        return True
    host = host.decode() if isinstance(host, bytes) else host
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _offline_guard(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo" and not _is_local(args[0]):
        raise NetworkAccessError(f"tests run offline: looking up {args[0]!r} is not allowed")
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _is_local(address[0]):
            raise NetworkAccessError(f"tests run offline: connecting to {address[0]!r} is not allowed")


sys.addaudithook(_offline_guard)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Launch one headless Chromium for a test file; each test opens its own context in it.

    Launching takes seconds on 2 busy cores; a new context (no cookies, no storage) is as clean
    for a test as a new browser and takes milliseconds.
    """
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM_ARGS, chromium_or_skip

    executable = chromium_or_skip()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """Open a page in a new context of the file's Chromium; save a screenshot of it at the end."""
    from playwright.sync_api import expect
    from test_browser import ARTIFACTS, TIMEOUT_MS, VIEWPORT

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("pageerror", lambda error: print(f"page error: {error}"))
        yield page
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png")
    finally:
        context.close()


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test opened."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


# The files that take longest, slowest first: each starts servers, a browser or a kernel per
# notebook. xdist hands out whole files in collection order (pyproject: --dist loadfile,
# --no-loadscope-reorder), so these start at once and the quick files fill in around them.
# Left to xdist's default order (most tests first), the browser, Hub and student-view files,
# with a few tests each, started last and one worker ran on alone for minutes. Measured one
# file at a time with -n 0, in CPU seconds (user + sys, servers, kernels and browsers included;
# the machine loaded by other work, so +-15%): nbgrader 145 (the round trip's first half and
# Validate), browser 123, nbgrader second half 105-130, axe 78, student view 53, Hub 48, package
# 46 (mypy without its cache; some 25 less with it), fuzz 35, static export 31, framing notebook
# 27, determinism 21, lessons 18. The round trip is in two files (about 290 CPU seconds in one,
# a third of the suite's) so that it runs on both workers at once, not on one while the other
# runs out of work.
SLOWEST_FIRST = (
    "tests/test_nbgrader.py",
    "tests/test_browser.py",
    "tests/test_nbgrader_second_half.py",
    "tests/test_axe_audit.py",
    "tests/test_student_view.py",
    "tests/test_jupyterhub.py",
    "tests/test_package.py",
    "tests/test_fuzz.py",
    "tests/test_static_export.py",
    "tests/test_framing_notebook.py",
    "tests/test_determinism.py",
    "tests/test_lessons.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the files in SLOWEST_FIRST to the front, in that order; the rest keep theirs."""
    rank = {path: index for index, path in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.partition("::")[0], len(rank)))


# What running an exercise source leaves beside it (all git-ignored): its work file and lock, the
# hand-in and its report. nbval runs the sources in exercises/, and their stored outputs were made
# from a clean folder: a "run it again once you have answered" cell (the capstone's Part B table)
# shows saved work. The run overwrites these files with the sources' own answers anyway.
SOURCE_LEFTOVERS = ("*.work.json", ".*.work.json.lock", "*.answers.json", "*.report.html")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Clear what an earlier run left beside the exercise sources, once, before any worker starts."""
    if hasattr(session.config, "workerinput"):  # an xdist worker: the controller has done it
        return
    exercises = Path(__file__).parents[1] / "exercises"
    for pattern in SOURCE_LEFTOVERS:
        for leftover in exercises.glob(pattern):
            leftover.unlink()


# A test still running after this long has hung (the longest set-up, half the nbgrader round trip,
# takes 2.5 minutes on 2 quiet cores, up to 5 on busy ones): it fails with every thread's stack, and
# the suite goes on.
HUNG_AFTER_S = float(os.environ.get("KIT_TEST_HUNG_AFTER_S", 900))  # tests/test_watchdog.py sets it


class HungTestError(Exception):
    """Raised in a test that ran longer than HUNG_AFTER_S."""


def _fail_hung_test(signum: int, frame: object) -> None:
    raise HungTestError(
        f"still running after {HUNG_AFTER_S:g} s: every thread's stack is in this test's captured stderr"
    )


def _interrupt_main_thread() -> None:
    faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    # Aimed at the main thread: a process-wide alarm (pytest-timeout's signal method) may wake
    # another thread of an xdist worker and leave the test blocked; ending the worker (its thread
    # method) makes xdist's loadfile schedule hand the same file to each new worker, for ever.
    signal.pthread_kill(threading.main_thread().ident, signal.SIGALRM)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """Fail a test (set-up and teardown included) that hangs, instead of holding the suite for ever."""
    watchdog = threading.Timer(HUNG_AFTER_S, _interrupt_main_thread)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield
    finally:
        watchdog.cancel()


def pytest_configure(config: pytest.Config) -> None:
    signal.signal(signal.SIGALRM, _fail_hung_test)
    import matplotlib

    matplotlib.use("Agg")  # in-process only; kernels choose their own backend
