"""The notebooks' widgets work for a student in JupyterLab, in a real browser.

Unit tests prove the widget's pure core, and nbval proves the notebook's stored
outputs; neither runs the JavaScript half of ipywidgets, so neither shows that a
student who opens notebook 02 in JupyterLab and runs it gets a widget that
answers. This test does what the student does: it serves a scratch copy of the
notebook with ``jupyter lab``, opens it in headless Chromium (Debian's, driven
by Playwright), clears the stored outputs and runs all cells from the menus,
types a new word into the keyword-in-context box and presses Enter. It passes
when the kernel answers in the page (the summary names the new word and the
chart is redrawn) and no cell shows a traceback. A screenshot of the page is
saved to tests/artifacts/<test name>.png at the end, pass or fail.

One JupyterLab server, serving a scratch copy of notebooks/, is shared by the
tests of this module, and one Chromium (tests/conftest.py); each test opens its own page in a
new browser context. A last test opens notebook 02
as a Voila app, the README's way to show a lesson without its code, and uses it with
the keyboard alone. A test for another
notebook's widgets is one more test function here.

Without Chromium the test is skipped, except on CI (``CI=true``), where a missing
browser fails the test: the browser check must never pass by not running.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "tests" / "artifacts"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_S = 60  # generous: on 2 cores Lab, a kernel and matplotlib all start inside this test
TIMEOUT_MS = TIMEOUT_S * 1000

# A user setting that stops Lab's "get notified about Jupyter news" toast covering the page.
NEWS_SETTING = "@jupyterlab/apputils-extension/notification.jupyterlab-settings"

MENU_BAR = "#jp-MainMenu"
STATUS_BAR = "#jp-main-statusbar"
# The toolbar's indicator reads "idle" even before a kernel is attached; the status
# bar reads "<kernel> | Idle" only once the kernel is started and connected.
KERNEL_READY = "Python 3 (ipykernel) | Idle"
KERNEL_IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"  # tracebacks too
KEYWORD_INPUT = "input[placeholder='type a word, then press Enter']"
NEW_WORD = "Kantor"

# True once every code cell shows an execution count ("[3]:", not "[*]:" or "[ ]:"), or
# once a cell shows a traceback (Run All stops there). textContent, not innerText: Lab
# does not render cells scrolled out of view, and their innerText is empty.
RUN_ALL_ENDED = """(stderr) => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
    const ran = prompts.length > 0 && prompts.every((p) => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
    return ran || [...document.querySelectorAll(stderr)].some((e) => e.textContent.includes('Traceback'));
}"""


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab server."""

    url: str
    token: str

    def notebook_url(self, name: str) -> str:
        """Return the address that opens notebook ``name`` (at the server's root) alone in Lab.

        ``reset`` starts from an empty workspace: otherwise Lab reopens the notebooks an
        earlier test opened, and the Edit and Run menus act on whichever panel has focus.
        """
        return f"{self.url}/lab/tree/{name}?reset&token={self.token}"


def chromium_or_skip() -> str:
    """Return the path of Chromium; skip the test without it, or fail on CI."""
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if path:
        return path
    reason = f"Chromium is not installed (no {CHROMIUM}, no chromium on PATH); apt-get install chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}. CI=true: the browser test must run on CI, not skip.", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def lab_environment(home: Path) -> dict[str, str]:
    """Return the server's environment: this one, with Jupyter's per-user folders moved into ``home``.

    Nothing of the user's (settings, workspaces, kernels) leaks in and nothing is
    written to their home. Kernel specs are still found in this interpreter's
    prefix, so the notebook's ``python3`` kernel runs sys.executable. The kernel
    inherits the rest, the conftest's empty NLTK_DATA included.
    """
    folders = {
        name: home / name.lower()
        for name in (
            "JUPYTER_CONFIG_DIR",
            "JUPYTER_DATA_DIR",
            "JUPYTER_RUNTIME_DIR",
            "JUPYTERLAB_SETTINGS_DIR",
            "JUPYTERLAB_WORKSPACES_DIR",
        )
    }
    for folder in folders.values():
        folder.mkdir(parents=True)
    news = folders["JUPYTERLAB_SETTINGS_DIR"] / NEWS_SETTING
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false"}), encoding="utf-8")
    return {**os.environ, **{name: str(folder) for name, folder in folders.items()}}


def log_tail(log: Path, lines: int = 40) -> str:
    """Return the last ``lines`` lines of the server's log."""
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def lab_answers(lab: Lab) -> bool:
    """Return True once the Lab server answers its status API."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
    try:
        with opener.open(f"{lab.url}/api/status?token={lab.token}", timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def port_open(port: int) -> bool:
    """Return True once something accepts connections on 127.0.0.1:``port``."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def wait_for_server(ready: Callable[[], bool], process: subprocess.Popen, log: Path) -> None:
    """Poll ``ready`` until the server is up; fail early if it exits, or after TIMEOUT_S."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[2]} exited with code {process.returncode}:\n{log_tail(log)}")
        if ready():
            return
        time.sleep(0.2)  # a server starting up sends no event to wait for: poll it
    pytest.fail(f"{process.args[2]} did not answer within {TIMEOUT_S} s:\n{log_tail(log)}")


@contextlib.contextmanager
def serving(command: list[str], tmp_path: Path, ready: Callable[[], bool]) -> Iterator[Path]:
    """Serve a scratch copy of notebooks/ with ``command`` (run in it); yield the copy's folder.

    Lab autosaves outputs into the notebooks it serves, so the real ones are never served.
    """
    root = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, root, ignore=shutil.ignore_patterns("*.work.json", ".ipynb_checkpoints"))
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=lab_environment(tmp_path / "home"),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_server(ready, process, log)
        yield root
    finally:
        stop_server(process)
        print(f"--- {command[2]} log, last lines ---\n{log_tail(log)}")  # pytest shows it on failure


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server with SIGTERM (SIGINT asks for confirmation); kill its session if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: the server and its kernel
        process.wait()


@contextlib.contextmanager
def lab_server(tmp_path: Path) -> Iterator[Lab]:
    """Serve a scratch copy of notebooks/ from ``tmp_path`` with JupyterLab."""
    port, token = free_port(), secrets.token_hex(24)
    server = Lab(f"http://127.0.0.1:{port}", token)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={tmp_path / 'notebooks'}",
    ]
    with serving(command, tmp_path, lambda: lab_answers(server)):
        yield server


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """Serve a scratch copy of notebooks/ with JupyterLab."""
    with lab_server(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="module")
def voila_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve notebook 02 as a Voila app (no token: bound to 127.0.0.1 only); yield its address."""
    tmp_path = tmp_path_factory.mktemp("voila")
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "voila",
        "02_reading_the_article.ipynb",
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    # Every page load runs the notebook in a new kernel, so readiness is a TCP connect, not a GET.
    with serving(command, tmp_path, lambda: port_open(port)):
        yield f"http://127.0.0.1:{port}/"


def choose(page: Page, menu: str, item: str) -> None:
    """Choose ``item`` from ``menu`` of Lab's menu bar, as a student would."""
    page.locator(MENU_BAR).get_by_role("menuitem", name=menu, exact=True).click()
    page.locator(f"#jp-mainmenu-{menu.lower()}").get_by_role("menuitem", name=item, exact=True).click()


def run_all_cells(page: Page) -> None:
    """Wait for the kernel, clear the stored outputs, run all cells and wait until Run All ends.

    Clearing first means an execution count or a widget on the page can only come
    from this run, not from the outputs stored in the notebook.
    """
    expect(page.locator(STATUS_BAR)).to_contain_text(KERNEL_READY)
    choose(page, "Edit", "Clear Outputs of All Cells")
    expect(page.locator(OUTPUTS)).to_have_count(0)
    choose(page, "Run", "Run All Cells")
    page.wait_for_function(RUN_ALL_ENDED, arg=STDERR)
    expect(page.locator(KERNEL_IDLE)).to_be_visible()


def assert_no_traceback(page: Page) -> None:
    """Fail, quoting them, if any output on the page shows a Python traceback."""
    found = page.locator(STDERR).filter(has_text="Traceback").all_text_contents()
    if found:
        pytest.fail("a cell shows a traceback:\n\n" + "\n\n".join(found), pytrace=False)


def assert_dollars_stay_text(page: Page, text: str) -> None:
    """Fail if Lab's MathJax turned text between two dollar signs in an output into mathematics."""
    page.wait_for_timeout(2000)  # MathJax typesets after the output renders; no event marks the end
    assert page.locator(".jp-OutputArea mjx-container").count() == 0, "MathJax typeset an output"
    assert text in page.locator(".jp-Notebook").text_content()


def test_keyword_widget_answers_in_jupyterlab(lab: Lab, page: Page) -> None:
    """Run notebook 02 in Lab, search the keyword widget for a new word and see it answer."""
    page.goto(lab.notebook_url("02_reading_the_article.ipynb"))
    run_all_cells(page)
    assert_no_traceback(page)
    assert_dollars_stay_text(page, "$131 billion in goods and services")

    box = page.locator(KEYWORD_INPUT)
    expect(box).to_have_count(1)
    box.scroll_into_view_if_needed()
    expect(box).to_be_visible()
    widget = page.locator(".widget-vbox", has=box)
    summary = widget.locator(".widget-html").first.locator("p").first  # before the chart's caption
    chart = widget.locator("img.widget-image")
    expect(summary).to_contain_text(f"\u201c{box.input_value()}\u201d occurs")
    expect(chart).to_have_attribute("src", re.compile(r"."))
    first_chart = chart.get_attribute("src")

    box.fill(NEW_WORD)
    box.press("Enter")  # continuous_update=False: the new value goes to the kernel on Enter

    expect(summary).to_contain_text(f"\u201c{NEW_WORD}\u201d occurs")
    expect(chart).not_to_have_attribute("src", first_chart)
    assert_no_traceback(page)
    widget.scroll_into_view_if_needed()  # for the screenshot


def test_measurement_lab_verdict_flips_in_jupyterlab(lab: Lab, page: Page) -> None:
    """Run lesson 06 in Lab, raise the lab's minimum growth with the keyboard and see the verdict change."""
    page.goto(lab.notebook_url("06_numerical_targets.ipynb"))
    run_all_cells(page)
    assert_no_traceback(page)

    summary = page.locator(".widget-html .kit-lab-summary")
    expect(summary).to_have_count(1)
    summary.scroll_into_view_if_needed()
    expect(summary).to_contain_text("Results-oriented goal: met.")
    widget = page.locator(".widget-vbox", has=summary)
    chart = widget.locator("img.widget-image")
    first_chart = chart.get_attribute("src")

    slider = widget.locator(".widget-slider", has_text="Minimum growth per period (%):")
    handle = slider.locator(".noUi-handle")
    expect(handle).to_have_attribute("role", "slider")
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(3):  # 1.0 -> 2.5 % a quarter: above 1994Q4's rise of 2.2 %
        handle.press("ArrowRight")
    expect(slider.locator(".widget-readout")).to_have_text("2.50")

    expect(summary).to_contain_text("Results-oriented goal: cannot tell.")
    expect(chart).not_to_have_attribute("src", first_chart)
    assert_no_traceback(page)
    widget.scroll_into_view_if_needed()  # for the screenshot


def test_frame_choice_survives_a_restart_and_the_reference_opens_only_once_the_coding_is_saved(
    lab: Lab, page: Page
) -> None:
    """Run notebook 04 in Lab, code a paragraph's frame, restart the kernel, run again: the choice is back.
    Then code all 20 paragraphs: the 'Compare with the reference' button stays greyed out until the
    last is saved through the coder above it; then it opens and shows the reference beside the coding.
    (One test: each Run All of 04 in Lab costs a kernel and seconds of rendering.)"""
    page.goto(lab.notebook_url("04_framing_coding.ipynb"))  # a fresh workspace: notebook 04 alone
    run_all_cells(page)
    assert_no_traceback(page)

    def frame_menu():
        select = page.locator(".widget-dropdown", has_text="Primary frame:").locator("select")
        expect(select).to_have_count(1)
        select.scroll_into_view_if_needed()
        return select, page.locator(".widget-vbox", has=select)

    select, widget = frame_menu()
    expect(widget).to_contain_text("0 of 20 paragraphs coded")
    select.select_option(label="Economic")  # paragraph 1, as the coder opens
    expect(widget).to_contain_text("1 of 20 paragraphs coded")

    page.locator(MENU_BAR).get_by_role("menuitem", name="Kernel", exact=True).click()
    restart = re.compile(r"^Restart Kernel…")  # its accessible name ends with the shortcut, "0, 0"
    page.locator("#jp-mainmenu-kernel").get_by_role("menuitem", name=restart).click()
    confirm = page.locator(".jp-Dialog button.jp-mod-accept")
    expect(confirm).to_have_text("Restart")
    confirm.click()
    expect(page.locator(".jp-Dialog")).to_have_count(0)
    run_all_cells(page)
    assert_no_traceback(page)

    select, coder = frame_menu()
    expect(select.locator("option:checked")).to_have_text("Economic")
    expect(coder).to_contain_text("1 of 20 paragraphs coded")
    page.screenshot(path=str(ARTIFACTS / "frame_choice_after_restart.png"), full_page=False)

    compare = page.get_by_role("button", name="Compare with the reference")
    reveal = page.locator(".jp-OutputArea-output", has=compare).first  # the frames' reveal comes first
    button = reveal.get_by_role("button", name="Compare with the reference")
    expect(button).to_be_disabled()
    expect(reveal).not_to_contain_text("the reference's reason")
    handle = coder.locator(".widget-slider .noUi-handle")
    for paragraph in range(1, 21):  # ¶1 is recoded, from Economic to Political
        if paragraph > 1:
            handle.focus()
            handle.press("ArrowRight")
            expect(coder.locator(".widget-slider .widget-readout")).to_have_text(str(paragraph))
            expect(coder).to_contain_text(f"paragraph {paragraph} is ringed")  # the kernel has moved
            expect(select.locator("option:checked")).to_have_text("(not coded yet)")
        select.select_option(label="Political")
        expect(select.locator("option:checked")).to_have_text("Political")
        expect(coder).to_contain_text(f"{paragraph} of 20 paragraphs coded")
        if paragraph == 19:
            expect(button).to_be_disabled()
    expect(button).to_be_enabled()
    button.click()
    expect(reveal).to_contain_text("the reference's reason")
    expect(reveal).to_contain_text("3 of 20 coded paragraphs agree with the reference")  # ¶14-16: Political
    assert_no_traceback(page)
    button.scroll_into_view_if_needed()  # for the screenshot


def test_stakeholder_grid_and_game_answer_in_jupyterlab(lab: Lab, page: Page) -> None:
    """Run notebook 05 in Lab; place all ten actors with the keyboard; the reference button opens only
    then and shows the kit's reasons; then move a game slider and see it answer."""
    page.goto(lab.notebook_url("05_stakeholders.ipynb"))
    run_all_cells(page)
    assert_no_traceback(page)

    grid_summary = page.locator(".widget-html .kit-grid-summary")
    expect(grid_summary).to_have_count(1)
    grid_summary.scroll_into_view_if_needed()
    expect(grid_summary).to_contain_text("Kantor: not placed yet")
    grid = page.locator(".widget-vbox", has=grid_summary)
    grid_chart = grid.locator("img.widget-image")
    first_grid = grid_chart.get_attribute("src")
    compare = page.get_by_role("button", name="Compare with the reference")
    expect(compare).to_be_disabled()  # the kit's grid stays locked while the student's is empty
    actor = grid.locator(".widget-dropdown select")
    power = grid.locator(".widget-slider", has_text="Power:")
    handle = power.locator(".noUi-handle")
    expect(handle).to_have_attribute("role", "slider")
    names = actor.locator("option").evaluate_all("options => options.map((o) => o.textContent)")
    assert len(names) == 10 and names[0] == "Kantor"
    for placed, name in enumerate(names, start=1):
        actor.select_option(label=name)
        expect(grid_summary).to_contain_text(f"{name}: not placed yet")
        handle.focus()
        handle.press("ArrowRight")  # 5 -> 6: the first move places the actor, and saves it
        expect(grid_summary).to_contain_text(f"You have placed {placed} of 10 actors. {name}: power 6")
        if placed < 10:
            expect(compare).to_be_disabled()
    expect(grid_chart).not_to_have_attribute("src", first_grid)
    expect(compare).to_be_enabled()  # all ten saved: the comparison opens
    reveal = page.locator(".widget-vbox", has=compare)
    expect(reveal).not_to_contain_text("why it is there")
    compare.click()
    expect(reveal).to_contain_text("why it is there")
    expect(reveal).to_contain_text("Can block the world trade agreement Clinton needs")
    expect(reveal.locator("img")).to_have_count(1)  # the comparison chart, hollow yours against filled
    assert_no_traceback(page)
    reveal.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "stakeholders_reveal.png"), full_page=False)

    game_summary = page.locator(".widget-html .kit-game-summary")
    expect(game_summary).to_have_count(1)
    game_summary.scroll_into_view_if_needed()
    expect(game_summary).to_contain_text("overlap from 40 to 45")
    game = page.locator(".widget-vbox", has=game_summary)
    game_chart = game.locator("img.widget-image")
    first_game = game_chart.get_attribute("src")
    coalition = game.locator(".widget-slider", has_text="ruling coalition: ideal point")
    handle = coalition.locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(5):  # 45 -> 20 in steps of 5: Japan's win-set shrinks to 0-40
        handle.press("ArrowLeft")
    expect(coalition.locator(".widget-readout")).to_have_text("20")
    expect(game_summary).to_contain_text("The win-sets only touch, at 40")
    expect(game_chart).not_to_have_attribute("src", first_game)
    assert_no_traceback(page)
    game.scroll_into_view_if_needed()  # for the screenshot


def tab_to(page: Page, target: Locator, limit: int = 40) -> None:
    """Press Tab until ``target`` has the keyboard focus, as a student without a mouse would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{limit} presses of Tab never reached {target}", pytrace=False)


def test_a_voila_app_works_by_keyboard_alone(voila_app: str, page: Page) -> None:
    """Open notebook 02 as a Voila app (no code shown) and use both its widgets with the keyboard alone.

    Tab reaches the keyword box, typing and Enter search it, Tab reaches the paragraph
    slider and the right arrow moves it: no mouse, no programmatic focus.
    """
    page.goto(voila_app)
    box = page.locator(KEYWORD_INPUT)
    expect(box).to_be_visible()
    summary = page.locator(".widget-vbox", has=box).locator(".widget-html").first.locator("p").first
    expect(summary).to_contain_text("\u201ctargets\u201d occurs twice")
    expect(page.get_by_text("keyword_explorer(article")).to_have_count(0)  # an app shows no code

    tab_to(page, box)
    page.keyboard.press("Control+A")
    page.keyboard.type(NEW_WORD)
    page.keyboard.press("Enter")
    expect(summary).to_contain_text(f"\u201c{NEW_WORD}\u201d occurs 5 times")

    slider = page.locator(".widget-slider", has_text="Paragraph:")
    explorer = page.locator(".widget-vbox", has=slider)
    expect(explorer).to_contain_text("Paragraph 4:")
    tab_to(page, slider.locator(".noUi-handle"))
    page.keyboard.press("ArrowRight")
    expect(slider.locator(".widget-readout")).to_have_text("5")
    expect(explorer).to_contain_text("Paragraph 5:")
    explorer.scroll_into_view_if_needed()  # for the screenshot


EXERCISE = REPO / "exercises" / "student" / "06_numerical_targets_exercises.ipynb"
# Every code cell shows an execution count: a student version's unanswered tests fail, but they
# are tagged raises-exception, so Run All goes on past them.
ALL_CELLS_RAN = """() => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
    return prompts.length > 0 && prompts.every((p) => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
}"""


def upload(lab: Lab, path: Path, name: str) -> None:
    """Put a copy of the notebook at ``path`` at the served root as ``name``, through Jupyter's API."""
    body = json.dumps({"type": "notebook", "format": "json", "content": json.loads(path.read_text())})
    request = urllib.request.Request(
        f"{lab.url}/api/contents/{name}?token={lab.token}", data=body.encode(), method="PUT",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as response:
        assert response.status in (200, 201)


def run_every_cell(page: Page) -> None:
    """Clear the outputs, run all cells from the menu and wait until every code cell has run."""
    expect(page.locator(STATUS_BAR)).to_contain_text(KERNEL_READY)
    choose(page, "Edit", "Clear Outputs of All Cells")
    expect(page.locator(OUTPUTS)).to_have_count(0)
    choose(page, "Run", "Run All Cells")
    page.wait_for_function(ALL_CELLS_RAN)
    expect(page.locator(KERNEL_IDLE)).to_be_visible()


def restart_kernel(page: Page) -> None:
    """Restart the kernel from the Kernel menu, as a student would after a crash."""
    page.locator(MENU_BAR).get_by_role("menuitem", name="Kernel", exact=True).click()
    page.locator("#jp-mainmenu-kernel").get_by_role("menuitem", name=re.compile(r"^Restart Kernel…")).click()
    confirm = page.locator(".jp-Dialog button.jp-mod-accept")
    expect(confirm).to_have_text("Restart")
    confirm.click()
    expect(page.locator(".jp-Dialog")).to_have_count(0)


def test_an_exercise_is_answered_checked_restored_and_handed_in_in_jupyterlab(lab: Lab, page: Page) -> None:
    """Open a student version in Lab, type a student id (Tab and Enter save it), answer q1 with the
    mouse and type q2's number, check both, restart the kernel, run again: the answers and feedback
    are back, and the hand-in cell exports them."""
    upload(lab, EXERCISE, "06_exercise.ipynb")
    page.goto(lab.notebook_url("06_exercise.ipynb"))
    run_every_cell(page)
    unanswered = page.locator(STDERR).filter(has_text="is not answered yet")
    expect(unanswered.first).to_be_visible()  # the unanswered tests fail, each with one line
    expect(page.locator(STDERR).filter(has_text="Traceback")).to_have_count(0)

    student_id = page.get_by_placeholder("as given by your instructor")
    student_id.click()
    page.keyboard.type("ana", delay=80)
    expect(student_id).to_have_value("ana")
    page.wait_for_timeout(500)  # the box sends its value to the kernel as the student types; let it arrive
    page.keyboard.press("Tab")  # to the Save id button
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved: your student id is 'ana'.")).to_be_visible()
    q2_prompt = page.locator(".widget-html", has_text=re.compile(r"^q2\. "))
    expect(q2_prompt).to_contain_text("from 1998 to 1999?")  # ana's draw, worked in tests/test_variants.py

    page.get_by_role("radio", name="current account").check()  # q1 by mouse
    checks = page.get_by_role("button", name="Check")
    checks.nth(0).click()
    q1_box = page.locator(".widget-vbox", has=page.get_by_role("radio", name="current account"))
    expect(q1_box.last).to_contain_text("Right.")

    number = page.get_by_placeholder("a number, like 12.5").first  # q2 by keyboard
    number.click()
    page.keyboard.type("-13.4")  # the wrong base: named as a mistake
    checks.nth(1).click()
    expect(page.get_by_text("You divided by the later year's deficit.", exact=False)).to_be_visible()
    number.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("15.5")
    checks.nth(1).click()
    expect(page.locator(".widget-html", has_text="15.5 is right.")).to_have_count(1)

    restart_kernel(page)
    run_every_cell(page)
    expect(page.get_by_role("radio", name="current account")).to_be_checked()
    expect(page.get_by_placeholder("a number, like 12.5").first).to_have_value("15.5")
    expect(page.locator(".widget-html", has_text="15.5 is right.")).to_have_count(1)
    expect(page.locator(".widget-html", has_text=re.compile(r"^q2\. "))).to_contain_text("from 1998 to 1999?")
    handed_in = page.locator(
        ".jp-OutputArea-output", has_text="Wrote 06_numerical_targets_exercises.report.html"
    )
    expect(handed_in).to_contain_text("2 answered, 2 with every check passed.")
    handed_in.scroll_into_view_if_needed()  # for the screenshot
