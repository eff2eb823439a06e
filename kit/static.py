"""Static copies of the lessons: HTML that shows every chart and says plainly where a widget was.

Plain ``jupyter nbconvert --to html`` writes each widget as an empty box that waits for a
widget manager and require.js fetched from a CDN, so offline or behind a classroom firewall
the reader sees a blank gap; a notebook saved without its widget state shows text such as
``VBox(children=...)`` instead. This exporter replaces each widget with a short note naming
the notebook to open, drops the saved widget state and those two scripts, and writes each
chart's alt text (stored by ``kit.display.show``) into its ``<img>``:

    python -m kit.static notebooks/*.ipynb --out static
    jupyter nbconvert --to kit.static.StaticHTMLExporter notebooks/02_reading_the_article.ipynb
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import jinja2
import nbformat
from traitlets import default

from kit.errors import InvalidInputError, checked, invalid

# nbconvert imports bleach, which adds a process-wide warning filter; `import kit.static`
# must change no global state, so the filters are put back as they were.
with warnings.catch_warnings():
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import Preprocessor

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NOTE_CLASS = "kit-static-note"
TEMPLATE_NAME = "kit_static.html.j2"

# Extends the lab template. MathJax stays: notebook 02's kappa formula needs it, and offline
# the reader still sees the formula's TeX source.
TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block data_png scoped -%}
{%- set alt = output | get_metadata('alt', 'image/png') -%}
{%- if alt -%}
{{ super() | replace('<img ', '<img alt="' ~ (alt | escape_html) ~ '" ', 1) }}
{%- else -%}
{{ super() }}
{%- endif -%}
{%- endblock data_png -%}
"""


def widget_note(notebook: str) -> dict[str, str]:
    """Return the output data that stands in for a widget of ``notebook`` in a static copy."""
    text = (
        f"Interactive control: open {notebook} in JupyterLab and run its cells to use it. "
        "A static copy cannot run code."
    )
    html = (
        f'<p class="{NOTE_CLASS}" style="border-left:4px solid #1565c0;padding:.3em .6em;'
        f'background:#eef3fb;font-family:sans-serif;font-size:.9em">{text}</p>'
    )
    return {"text/html": html, "text/plain": text}


@checked
def is_widget(output: dict) -> bool:
    """Return whether a cell output displays a widget."""
    data = output.get("data")
    return isinstance(data, dict) and WIDGET_VIEW in data


@checked
def without_widgets(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` with each widget output replaced by a note and no widget state."""
    copy = nbformat.from_dict(notebook)
    copy.metadata.pop("widgets", None)
    note = widget_note(name)
    for cell in copy.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                nbformat.from_dict({**output, "data": note, "metadata": {}}) if is_widget(output) else output
                for output in cell.outputs
            ]
    return copy


class WidgetNotes(Preprocessor):
    """An nbconvert preprocessor: each widget becomes a note naming the notebook to open."""

    def preprocess(self, nb, resources):
        """Return the notebook without widgets, and the resources unchanged."""
        stem = resources.get("metadata", {}).get("name")
        return without_widgets(nb, f"{stem}.ipynb" if stem else "this notebook"), resources


class StaticHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter (lab template) for copies that read the same offline."""

    export_from_notebook = "Static HTML (kit)"

    @default("extra_loaders")
    def _extra_loaders_default(self):
        return [jinja2.DictLoader({TEMPLATE_NAME: TEMPLATE})]

    @default("template_file")
    def _template_file_default(self):
        return TEMPLATE_NAME

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.register_preprocessor(WidgetNotes, enabled=True)


@checked
def static_html(path: str | Path, exporter: StaticHTMLExporter | None = None) -> str:
    """Return the static HTML copy of the notebook at ``path`` (one ``exporter`` may serve many)."""
    return _static_html(path, exporter, "static_html")


def _static_html(path: str | Path, exporter: StaticHTMLExporter | None, where: str) -> str:
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        # Not invalid(...): it shortens a long value, and a path's end (the file name) matters most.
        allowed = "an existing .ipynb file"
        raise InvalidInputError(f"{where}: parameter 'path' must be {allowed}, not {str(path)!r}.")
    body, _ = (exporter or StaticHTMLExporter()).from_filename(str(path))
    return body


@checked
def write_static_copy(path: str | Path, out: str | Path, exporter: StaticHTMLExporter | None = None) -> Path:
    """Write the static HTML copy of the notebook at ``path`` into folder ``out``; return the file."""
    target = Path(out) / f"{Path(path).stem}.html"
    body = _static_html(path, exporter, "write_static_copy")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the folder's name
        allowed = f"a folder that can be made and written to ({error})"
        raise invalid("write_static_copy", "out", out, allowed) from None
    return target


def main(argv: list[str] | None = None) -> int:
    """Run the command line: write a static HTML copy of each notebook given."""
    parser = argparse.ArgumentParser(prog="python -m kit.static", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="the .ipynb files to copy")
    parser.add_argument("--out", type=Path, default=Path("static"), help="folder for the .html files")
    args = parser.parse_args(argv)
    exporter = StaticHTMLExporter()
    try:
        for path in args.notebooks:
            print(f"wrote {write_static_copy(path, args.out, exporter)}")
    except InvalidInputError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
