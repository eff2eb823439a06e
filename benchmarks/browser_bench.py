"""Widget speed as a student sees it: key press to the updated output painted, in Chromium.

Run from the repository root:  python benchmarks/browser_bench.py [--presses 10] [--lesson NAME] [--stages]

Serves a scratch copy of notebooks/ with JupyterLab (as tests/test_browser.py does), opens
each lesson in headless Chromium, runs all cells, then works every slider (ArrowRight and
ArrowLeft on its handle, in turn) and every text box (a word and Enter, two words in turn)
the number of times asked. Each press is timed in the page, from its keydown event until the
widget's chart image has a new source, is decoded and two animation frames have passed (when
the browser has painted it); for a widget without a chart, until its output first changes. A
control whose output does not change within 5 s is reported as such, saying whether the kernel
answered (then the widget worked and its result is the same at both values: nothing to repaint).
The table gives each control's median and 95th percentile; --stages adds each stage's median,
from the websocket traffic of the kernel (message sent, first and largest message back) and the
page. This is a measurement, not a test; it exits 0. Other processes on the machine inflate the figures.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import Locator, Page, expect, sync_playwright  # noqa: E402
from test_browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS,
    TIMEOUT_MS,
    VIEWPORT,
    Lab,
    free_port,
    lab_answers,
    run_all_cells,
    serving,
)

SLIDERS = ".jp-OutputArea .widget-slider .noUi-handle"
TEXT_BOXES = ".jp-OutputArea .widget-text input"
# Both words occur in the article (¶1) and in TextBlob's lexicon, with different scores (troubled
# -0.50, important +0.40), so each one changes what every text box shows: the keyword explorer's
# hits and the reframing lab's chart (the default headline, like "Japan" or "trade", scores 0).
WORDS = ("troubled", "important")
# Log the time and size of every message on a kernel's websocket, so an update splits into stages.
LOG_SOCKETS = """(() => {
    const Native = window.WebSocket;
    window.kitSocket = [];
    window.addEventListener('keydown', () => { window.kitKey ??= performance.now(); }, true);
    const size = (d) => d.byteLength ?? d.size ?? d.length;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            if (String(args[0]).includes('/channels')) {
                const log = (e) => window.kitSocket.push(["in", performance.now(), size(e.data)]);
                this.addEventListener("message", log);
            }
        }
        send(data) {
            if (this.url.includes('/channels')) window.kitSocket.push(['out', performance.now(), size(data)]);
            super.send(data);
        }
    };
})();"""
# Watch the widget box that holds the control (the element given); window.kitUpdate resolves to
# the stages of one update in milliseconds from the key press (its keydown event): the
# control's message sent, the first and
# the largest kernel message received, the output changed in the page, the new chart image
# decoded, and two animation frames later, painted (the total). Where the box shows a chart
# image, the update ends with the image; otherwise with the first changed output. When nothing
# changes within 5 s: {unchanged: true} and when the kernel's first message came back (or null).
WATCH = """(control) => {
    let start = performance.now();
    window.kitKey = null;
    const box = control.closest('.jp-OutputArea-output') || document.querySelector('.jp-Notebook');
    const chart = box.querySelector('.widget-image');
    window.kitSocket = [];
    window.kitUpdate = new Promise((resolve) => {
        const outputs = '.widget-output, .widget-image, .widget-html';
        const inOutput = (m) => m.target.closest && m.target.closest(outputs);
        const changed = (m) => inOutput(m)
            && (m.addedNodes.length > 0 || m.attributeName === 'src' || m.type === 'characterData');
        const done = (m) => chart ? m.target === chart && m.attributeName === 'src' : changed(m);
        let first = null;
        const observer = new MutationObserver(async (mutations) => {
            start = window.kitKey ?? start;
            if (first === null && mutations.some(changed)) first = performance.now() - start;
            if (!mutations.some(done)) return;
            observer.disconnect();
            const shown = performance.now() - start;
            if (chart) await chart.decode().catch(() => null);
            const decoded = performance.now() - start;
            requestAnimationFrame(() => requestAnimationFrame(() => {
                const sent = window.kitSocket.find((m) => m[0] === 'out');
                const received = window.kitSocket.filter((m) => m[0] === 'in');
                const largest = received.reduce((a, m) => (m[2] > a[2] ? m : a), ['in', start, 0]);
                resolve({
                    total: performance.now() - start,
                    sent: sent ? sent[1] - start : null,
                    first_in: received.length ? received[0][1] - start : null,
                    largest_in: largest[1] - start,
                    bytes: largest[2],
                    messages: received.length,
                    changed: first, shown, decoded,
                });
            }));
        });
        observer.observe(box, {subtree: true, childList: true, attributes: true, characterData: true});
        setTimeout(() => {
            observer.disconnect();
            const received = window.kitSocket.filter((m) => m[0] === 'in');
            resolve({unchanged: true, first_in: received.length ? received[0][1] - start : null});
        }, 5000);
    });
}"""
# The description written beside a control (its widget's label), or '' when it has none.
DESCRIPTION = """(control) => {
    const label = control.closest('.widget-slider, .widget-text')?.querySelector('.widget-label');
    return label ? label.textContent.trim() : '';
}"""
STAGES = ("sent", "first_in", "largest_in", "changed", "shown", "decoded", "total")


def timed(control: Locator, press) -> dict:
    """Return the stages of the update ``press()`` causes (milliseconds from the press)."""
    control.evaluate(WATCH)
    press()
    return control.page.evaluate("window.kitUpdate")


def slider_times(page: Page, handle: Locator, presses: int) -> list[dict]:
    """Move the slider's handle ``presses`` times, right then left; return each update's stages."""
    keys = ("ArrowRight", "ArrowLeft")
    return [timed(handle, lambda i=i: handle.press(keys[i % 2])) for i in range(presses)]


def text_times(page: Page, box: Locator, presses: int) -> list[dict]:
    """Type a word and Enter ``presses`` times, two words in turn; return each update's stages."""
    times = []
    for i in range(presses):
        box.fill(WORDS[i % 2])
        times.append(timed(box, lambda: box.press("Enter")))
    return times


def p95(values: list[float]) -> float:
    """Return the 95th percentile of ``values`` (nearest rank)."""
    done = sorted(values)
    return done[min(len(done) - 1, round(0.95 * len(done) + 0.5) - 1)]


def unchanged(name: str, times: list[dict]) -> str:
    """Return the row of a control whose presses changed nothing on the page, saying whether the
    kernel answered: if it did, the control worked and its output was the same at both values."""
    answers = [t["first_in"] for t in times if t["first_in"] is not None]
    if not answers:
        return f"  {name:<58} no answer from the kernel within 5 s"
    return (
        f"  {name:<58} output the same at both values, nothing repainted "
        f"(the kernel answered in {statistics.median(answers):.0f} ms median)"
    )


def summary(name: str, times: list[dict], stages: bool = False) -> str:
    """Return a row of the table: the control, its median and p95 (and if asked each stage's median)."""
    done = [t for t in times if not t.get("unchanged")]
    if not done:
        return unchanged(name, times)
    totals = [t["total"] for t in done]
    missed = f", {len(times) - len(done)} without change" if len(done) < len(times) else ""
    row = f"  {name:<58} median {statistics.median(totals):6.0f} ms  p95 {p95(totals):6.0f} ms{missed}"
    if stages:
        medians = [statistics.median(t[s] for t in done if t[s] is not None) for s in STAGES[:-1]]
        row += "\n    stage medians (ms from the press): " + ", ".join(
            f"{s} {m:.0f}" for s, m in zip(STAGES, medians, strict=False)
        )
        row += f"; largest message {statistics.median(t['bytes'] for t in done) / 1000:.1f} kB"
        row += f", {statistics.median(t['messages'] for t in done):.0f} messages in"
    return row


def bench_lesson(page: Page, lab: Lab, lesson: str, presses: int, stages: bool = False) -> list[str]:
    """Open ``lesson``, run it, and time every slider and text box in it; return the table rows."""
    page.add_init_script(LOG_SOCKETS)
    page.goto(lab.notebook_url(lesson))
    run_all_cells(page)
    rows = [lesson]
    controls = [("slider", h, slider_times) for h in page.locator(SLIDERS).all()]
    controls += [("text box", b, text_times) for b in page.locator(TEXT_BOXES).all()]
    for number, (kind, control, measure) in enumerate(controls, start=1):
        control.scroll_into_view_if_needed()
        label = control.get_attribute("aria-valuetext") if kind == "slider" else control.input_value()
        name = control.evaluate(DESCRIPTION) or kind
        times = measure(page, control, presses)
        rows.append(summary(f"{number}. {name!s:.34} (was {label!s:.14})", times, stages))
    if not controls:
        rows.append("  no slider or text box")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line; print the table."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/browser_bench.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--presses", type=int, default=10, help="key presses per control (default 10)")
    parser.add_argument("--lesson", action="append", help="a lesson to measure (default: every lesson)")
    parser.add_argument("--stages", action="store_true", help="also print each stage's median")
    args = parser.parse_args(argv)
    lessons = args.lesson or sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    port, token = free_port(), secrets.token_hex(24)
    lab = Lab(f"http://127.0.0.1:{port}", token)
    with tempfile.TemporaryDirectory(prefix="browser-bench-") as folder:
        command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1"]
        command += [f"--port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}"]
        command += [f"--ServerApp.root_dir={Path(folder) / 'notebooks'}"]
        with serving(command, Path(folder), lambda: lab_answers(lab)), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            expect.set_options(timeout=TIMEOUT_MS)
            for lesson in lessons:
                page = browser.new_page(viewport=VIEWPORT)
                page.set_default_timeout(TIMEOUT_MS)
                print("\n".join(bench_lesson(page, lab, lesson, args.presses, args.stages)), flush=True)
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
