"""Static HTML copies of the lessons show every chart and no widget holes, offline.

Plain ``jupyter nbconvert --to html`` leaves each widget as an empty box waiting for a
widget manager from unpkg.com (blank offline), or as ``VBox(children=...)`` text when the
notebook holds no widget state, and drops the charts' alt text. ``kit.static`` exports
each widget as a note naming the notebook to open, and each formula as MathML. These tests
export every lesson (without executing it) and read the HTML; every copy is opened in
Chromium (one browser for the file, a new context per copy) with every non-file request
refused, as in a firewalled classroom, and audited with axe-core (tests/test_axe_audit.py's audit).
"""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from test_axe_audit import severe_violations
from test_browser import VIEWPORT

from kit.errors import InvalidInputError
from kit.static import StaticHTMLExporter, main, static_html, widget_note, without_widgets, write_static_copy

if TYPE_CHECKING:
    from playwright.sync_api import Browser

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
LESSONS = sorted(p.name for p in NOTEBOOKS.glob("0*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# Counted by hand in each lesson: the cells that call show(...) and the cells that display a widget.
CHARTS = {
    "00_start_here.ipynb": 0,
    "01_background.ipynb": 0,
    "02_reading_the_article.ipynb": 4,
    "03_framing_voices.ipynb": 4,
    "04_framing_coding.ipynb": 2,
    "05_stakeholders.ipynb": 5,
    "06_numerical_targets.ipynb": 6,
    "07_targets_debate.ipynb": 1,
}
WIDGETS = {
    "00_start_here.ipynb": 1,
    "01_background.ipynb": 3,
    "02_reading_the_article.ipynb": 7,
    "03_framing_voices.ipynb": 3,
    "04_framing_coding.ipynb": 7,
    "05_stakeholders.ipynb": 8,
    "06_numerical_targets.ipynb": 4,
    "07_targets_debate.ipynb": 3,
}
# What a reader must never see where a widget was: its Python repr, or the widget manager's errors.
WIDGET_LEFTOVERS = ("VBox(", "HBox(", "Error displaying widget", "model not found", "Loading widget")
NO_ALT = "No description has been provided for this image"  # nbconvert's stand-in


class Page(HTMLParser):
    """The parts of an exported page the tests read: images, scripts, notes and output text."""

    def __init__(self, html: str):
        super().__init__()
        self.images: list[dict[str, str]] = []
        self.scripts: list[dict[str, str]] = []
        self.notes: list[str] = []
        self.output_text: list[str] = []
        self._open: list[str] = []  # the class of each open element, innermost last
        self.feed(html)

    def _inside(self, name: str) -> bool:
        return any(name in classes.split() for classes in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append(values)
        elif tag == "script":
            self.scripts.append(values)
        if tag not in {"img", "br", "hr", "meta", "link", "input", "source", "col", "wbr"}:
            self._open.append(values.get("class", ""))
            if "kit-static-note" in values.get("class", "").split():
                self.notes.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag not in {"img", "br", "hr", "meta", "link", "input", "source", "col", "wbr"}:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._inside("jp-OutputArea-output"):
            self.output_text.append(data)
        if self._inside("kit-static-note"):
            self.notes[-1] += data


def stored_outputs(name: str, mime: str) -> list[dict]:
    """Return every output of lesson ``name`` that holds ``mime``, in order."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if mime in o.get("data", {})]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    """Export every lesson once with python -m kit.static; return each copy's path by notebook name."""
    out = tmp_path_factory.mktemp("static")
    assert main([str(NOTEBOOKS / name) for name in LESSONS] + ["--out", str(out)]) == 0
    return {name: out / name.replace(".ipynb", ".html") for name in LESSONS}


def test_the_hand_counts_cover_every_lesson():
    assert LESSONS == sorted(CHARTS) == sorted(WIDGETS)


@pytest.mark.parametrize("name", LESSONS)
def test_every_chart_is_an_image_with_its_alt_text(exported, name):
    page = Page(exported[name].read_text(encoding="utf-8"))
    stored = stored_outputs(name, "image/png")
    assert len(stored) == CHARTS[name]
    assert len(page.images) == CHARTS[name]
    for image, output in zip(page.images, stored, strict=True):
        prefix = "data:image/png;base64,"
        assert image["src"].startswith(prefix)
        assert base64.b64decode(image["src"][len(prefix) :])[:8] == b"\x89PNG\r\n\x1a\n"
        assert image["alt"] == output.metadata["image/png"]["alt"] != NO_ALT


@pytest.mark.parametrize("name", LESSONS)
def test_every_widget_is_a_note_naming_its_notebook(exported, name):
    page = Page(exported[name].read_text(encoding="utf-8"))
    assert len(stored_outputs(name, WIDGET_VIEW)) == WIDGETS[name]
    note = f"Interactive control: open {name} in JupyterLab and run its cells to use it. "
    assert page.notes == [note + "A static copy cannot run code."] * WIDGETS[name]


@pytest.mark.parametrize("name", LESSONS)
def test_no_widget_repr_state_or_manager_is_left(exported, name):
    html = exported[name].read_text(encoding="utf-8")
    page = Page(html)
    outputs = "".join(page.output_text)
    assert [bad for bad in WIDGET_LEFTOVERS if bad in outputs] == []
    assert [s.get("type") for s in page.scripts if "widget" in s.get("type", "")] == []
    # Nothing is fetched: no require.js, no widget manager, no MathJax (formulas are MathML).
    assert [s["src"] for s in page.scripts if s.get("src")] == []
    assert "MathJax.Hub" not in html and "cdnjs" not in html
    assert "unpkg.com" not in html and "require.min.js" not in html


def test_lesson_01_keyword_strip_keeps_its_description(exported):
    # ¶3 and ¶10 are the body paragraphs of the seed that say "targets" (the headline does too).
    page = Page(exported["02_reading_the_article.ipynb"].read_text(encoding="utf-8"))
    assert page.images[1]["alt"] == (
        "A strip of the story's 20 paragraphs with a tick wherever “targets” occurs: in paragraphs 3 and 10."
    )


def widget_notebook(with_state: bool) -> nbformat.NotebookNode:
    """Return a one-cell notebook that displayed a widget, with or without its saved state."""
    output = nbformat.v4.new_output(
        "execute_result",
        data={
            WIDGET_VIEW: {"model_id": "m1", "version_major": 2, "version_minor": 0},
            "text/plain": "VBox()",
        },
        execution_count=3,
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("explorer()", outputs=[output])])
    if with_state:
        nb.metadata.widgets = {"application/vnd.jupyter.widget-state+json": {"state": {"m1": {}}}}
    return nb


def test_without_widgets_replaces_the_output_and_leaves_the_notebook_alone():
    nb = widget_notebook(with_state=True)
    copy = without_widgets(nb, "x.ipynb")
    assert copy.cells[0].outputs[0].data == widget_note("x.ipynb")
    assert copy.cells[0].outputs[0].execution_count == 3
    assert "widgets" not in copy.metadata
    assert WIDGET_VIEW in nb.cells[0].outputs[0].data and "widgets" in nb.metadata


def test_a_notebook_saved_without_widget_state_shows_the_note_not_the_repr():
    # Plain nbconvert falls back to the text/plain "VBox()" when the state is missing.
    html, _ = StaticHTMLExporter().from_notebook_node(
        widget_notebook(with_state=False), resources={"metadata": {"name": "x"}}
    )
    page = Page(html)
    assert page.notes == [widget_note("x.ipynb")["text/plain"]]
    assert "VBox(" not in "".join(page.output_text)


def test_a_path_that_is_not_a_notebook_is_refused(tmp_path):
    not_a_notebook = r"^static_html: parameter 'path' must be an existing \.ipynb file, not '.*/x\.txt'\.$"
    with pytest.raises(InvalidInputError, match=not_a_notebook):
        static_html(tmp_path / "x.txt")
    with pytest.raises(InvalidInputError, match="^write_static_copy: parameter 'path' must be an"):
        write_static_copy(tmp_path / "missing.ipynb", tmp_path)
    assert list(tmp_path.iterdir()) == []


def offline_page(browser: Browser, path: Path) -> tuple[dict, list[str], list[str]]:
    """Open ``path`` in a new context of ``browser``, every non-file request refused; return what it
    shows, the refusals and axe-core's serious violations on it."""
    refused: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.route("**/*", only_local)
        page = context.new_page()
        page.goto(path.as_uri(), wait_until="load")
        shown = page.evaluate(SHOWN)
        violations = severe_violations(page)
    finally:
        context.close()
    return shown, refused, violations


# What a reader sees: each image's width once loaded, each formula's drawn size, the text.
SHOWN = """() => ({
    images: [...document.images].map((i) => (i.complete ? i.naturalWidth : 0)),
    formulas: [...document.querySelectorAll('math')].map((m) => {
        const box = m.getBoundingClientRect();
        return [m.getAttribute('display') || 'inline', Math.round(box.width), Math.round(box.height)];
    }),
    text: document.body.innerText,
    outputs: [...document.querySelectorAll('.jp-OutputArea-output')].map((o) => o.innerText).join(' '),
})"""


# $$display$$ or $inline$ TeX, as Markdown with math reads it; \$ is a dollar sign, not math.
FORMULA = r"(?<![\\$])\$\$(.+?)(?<!\\)\$\$|(?<![\\$])\$([^$\n]+?)(?<![\\$])\$"


def formulas_in(name: str) -> list[str]:
    """Return 'block' or 'inline' for each TeX formula in lesson ``name``'s Markdown cells, in order.

    A dollar sign escaped as ``\\$`` (a price) starts no formula, as in JupyterLab.
    """
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for block, _inline in re.findall(FORMULA, cell.source, flags=re.S):
                found.append("block" if block else "inline")
    return found


# One page load per copy serves both checks: what it shows offline, and the accessibility audit.
@pytest.mark.parametrize("name", LESSONS)
def test_every_static_copy_reads_offline_in_chromium_with_no_serious_accessibility_violation(
    browser, exported, name
):
    shown, refused, violations = offline_page(browser, exported[name])
    assert refused == []
    assert len(shown["images"]) == len(stored_outputs(name, "image/png"))
    assert all(width > 0 for width in shown["images"])
    assert [bad for bad in WIDGET_LEFTOVERS if bad in shown["outputs"]] == []
    assert shown["text"].count(f"Interactive control: open {name} in JupyterLab") == len(
        stored_outputs(name, WIDGET_VIEW)
    )
    # Each formula is drawn by the browser as MathML (a box with a size), none left as TeX.
    assert [display for display, _, _ in shown["formulas"]] == formulas_in(name)
    assert all(width > 0 and height > 0 for _, width, height in shown["formulas"])
    assert "\\frac" not in shown["text"] and "$$" not in shown["text"]
    assert violations == []


def test_at_least_one_lesson_has_a_formula_to_render():
    # Otherwise the offline test above would pass without checking any formula.
    assert any(formulas_in(name) for name in LESSONS)


def test_a_formula_becomes_mathml_and_a_price_stays_text():
    cell = nbformat.v4.new_markdown_cell(
        "Kappa: $$\\kappa = \\frac{p_o - p_e}{1 - p_e}$$ where $p_o$ is observed. Cost: 5 dollars."
    )
    html, _ = StaticHTMLExporter().from_notebook_node(nbformat.v4.new_notebook(cells=[cell]))
    assert re.findall(r'<math display="(\w+)" xmlns="http://www.w3.org/1998/Math/MathML">', html) == [
        "block",
        "inline",
    ]
    assert "<mi>κ</mi><mo>=</mo><mfrac>" in html
    assert "$$" not in html and "MathJax.Hub" not in html


def test_a_hostile_notebook_name_is_escaped_in_the_copy(tmp_path):
    name = "<img src=x onerror=alert(1)>"
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(widget_notebook(with_state=True), path)
    html = static_html(path)
    assert "<img src=x" not in html
    assert Page(html).notes == [widget_note(f"{name}.ipynb")["text/plain"]]
    assert "&lt;img src=x onerror=alert(1)&gt;.ipynb" in html


def hostile_markdown_notebook(path: Path) -> Path:
    """Write a notebook whose Markdown holds a script and an event handler; return its path."""
    cell = nbformat.v4.new_markdown_cell('Hello <script>alert(1)</script> <b onclick="alert(2)">there</b>')
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    return path


def test_sanitize_strips_scripts_and_handlers_from_an_untrusted_notebook(tmp_path, capsys):
    path = hostile_markdown_notebook(tmp_path / "handin.ipynb")
    assert main([str(path), "--out", str(tmp_path / "kept")]) == 0
    assert "<script>alert(1)</script>" in (tmp_path / "kept" / "handin.html").read_text(encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "clean"), "--sanitize"]) == 0
    clean = (tmp_path / "clean" / "handin.html").read_text(encoding="utf-8")
    assert "alert(1)</script>" not in clean and "onclick" not in clean and "there" in clean


def test_the_command_line_reports_each_bad_notebook_on_one_line_and_exits_1(tmp_path, capsys):
    good = hostile_markdown_notebook(tmp_path / "good.ipynb")
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    code = main([str(tmp_path / "missing.ipynb"), str(broken), str(good), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert code == 1
    assert len(errors) == 2 and all(
        line.startswith("python -m kit.static: error: write_static_copy:") for line in errors
    )
    assert "must be an existing .ipynb file" in errors[0] and "missing.ipynb" in errors[0]
    assert "must be a readable notebook (reading 'broken.ipynb' failed:" in errors[1]
    assert captured.out.strip().endswith("good.html") and (tmp_path / "out" / "good.html").is_file()


def test_python_dash_m_kit_static_exits_non_zero_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kit.static", str(tmp_path / "nope.ipynb"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"python -m kit.static: error: write_static_copy: parameter 'path' must be an existing .ipynb file, "
        f"not {str(tmp_path / 'nope.ipynb')!r}."
    ]
