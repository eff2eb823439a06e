"""Static copies of the lessons: HTML that shows every chart and says plainly where a widget was.

Plain ``jupyter nbconvert --to html`` writes each widget as an empty box that waits for a
widget manager and require.js fetched from a CDN, so offline or behind a classroom firewall
the reader sees a blank gap; a notebook saved without its widget state shows text such as
``VBox(children=...)`` instead. This exporter replaces each widget with a short note naming
the notebook to open, drops the saved widget state and those two scripts, and writes each
chart's alt text (stored by ``kit.display.show``) into its ``<img>``. Formulas are turned
into MathML as the copy is made, so they show offline without MathJax from a CDN:

    python -m kit.static notebooks/*.ipynb --out static
    jupyter nbconvert --to kit.static.StaticHTMLExporter notebooks/00_start_here.ipynb

A static copy keeps the HTML and Markdown of the notebook it was made from, scripts included,
as nbconvert does. Make copies of a notebook you did not write (a student's hand-in) with
``--sanitize``, which strips scripts and event handlers with nbconvert's sanitizer (bleach).
"""

from __future__ import annotations

import argparse
import html
import sys
import warnings
from pathlib import Path

import jinja2
import nbformat
from latex2mathml.converter import convert as tex_to_mathml
from traitlets import default

from kit.errors import InvalidInputError, invalid

# nbconvert imports bleach, which adds a process-wide warning filter; `import kit.static`
# must change no global state, so the filters are put back as they were.
with warnings.catch_warnings():
    from nbconvert import HTMLExporter
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
    from nbconvert.preprocessors import Preprocessor

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NOTE_CLASS = "kit-static-note"
TEMPLATE_NAME = "kit_static.html.j2"

# Extends the lab template without its four scripts from a CDN: require.js, the widget
# manager, MathJax (formulas are MathML, which the browser draws itself) and Mermaid.
TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style>{{ resources.kit_static_css }}</style>{%- endblock html_head_css -%}
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

# The lab template's colours that fail WCAG AA contrast (4.5:1 for text) in the accessibility
# audit: grey prompts (2.2:1) and two syntax colours on the code background (4.3:1); its own
# rules win without !important. Links in running text are underlined, not told apart by colour.
CSS = """
.jp-InputPrompt, .jp-OutputPrompt { color: #616161 !important; opacity: 1 !important; }
.highlight .m, .highlight .mb, .highlight .mf, .highlight .mh, .highlight .mi, .highlight .il,
.highlight .mo { color: #006600; }
.highlight .ow { color: #7a1fb8; }
.jp-RenderedHTMLCommon a { text-decoration: underline !important; }
"""


def widget_note(notebook: str) -> dict[str, str]:
    """Return the output data that stands in for a widget of ``notebook`` in a static copy."""
    text = (
        f"Interactive control: open {notebook} in JupyterLab and run its cells to use it. "
        "A static copy cannot run code."
    )
    markup = (
        f'<p class="{NOTE_CLASS}" style="border-left:4px solid #1565c0;padding:.3em .6em;'
        f'background:#eef3fb;font-family:sans-serif;font-size:.9em">{html.escape(text)}</p>'
    )
    return {"text/html": markup, "text/plain": text}


class MathMLRenderer(IPythonRenderer):
    """nbconvert's Markdown renderer, with each formula written as MathML instead of TeX for MathJax."""

    def block_math(self, body: str) -> str:
        """Return a display formula as a MathML block."""
        return tex_to_mathml(body, display="block")

    def inline_math(self, body: str) -> str:
        """Return an inline formula as MathML."""
        return tex_to_mathml(body)


def is_widget(output: dict) -> bool:
    """Return whether a cell output displays a widget."""
    data = output.get("data")
    return isinstance(data, dict) and WIDGET_VIEW in data


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
        """Return the notebook without widgets, and the resources with the kit's style sheet."""
        stem = resources.get("metadata", {}).get("name")
        resources["kit_static_css"] = CSS
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

    @jinja2.pass_context
    def markdown2html(self, context, source):
        """Return the HTML of a Markdown cell or output, its formulas as MathML."""
        cell = context.get("cell", {})
        renderer = MathMLRenderer(
            escape=False,
            attachments=cell.get("attachments", {}),
            embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links,
            **self.lexer_options,
        )
        return MarkdownWithMath(renderer=renderer).render(source)


def static_html(path: str | Path, exporter: StaticHTMLExporter | None = None) -> str:
    """Return the static HTML copy of the notebook at ``path`` (one ``exporter`` may serve many)."""
    return _static_html(path, exporter, "static_html")


def _static_html(path: str | Path, exporter: StaticHTMLExporter | None, where: str) -> str:
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        # Not invalid(...): it shortens a long value, and a path's end (the file name) matters most.
        allowed = "an existing .ipynb file"
        raise InvalidInputError(f"{where}: parameter 'path' must be {allowed}, not {str(path)!r}.")
    try:
        body, _ = (exporter or StaticHTMLExporter()).from_filename(str(path))
    except (OSError, ValueError, nbformat.ValidationError) as error:  # JSON errors are ValueErrors
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        allowed = f"a readable notebook (reading {path.name!r} failed: {reason})"
        raise InvalidInputError(f"{where}: parameter 'path' must be {allowed}.") from None
    return body


def write_static_copy(path: str | Path, out: str | Path, exporter: StaticHTMLExporter | None = None) -> Path:
    """Write the static HTML copy of the notebook at ``path`` into folder ``out``; return the file."""
    target = Path(out) / f"{Path(path).stem}.html"
    body = _static_html(path, exporter, "write_static_copy")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the folder's name
        allowed = f"a folder that can be made and written to ({error})"
        raise invalid("out", out, allowed) from None
    return target


def main(argv: list[str] | None = None) -> int:
    """Run the command line: write a static HTML copy of each notebook given; return the exit code.

    A notebook that cannot be copied is reported on one line of stderr and the others are
    still copied; the exit code is then 1.
    """
    parser = argparse.ArgumentParser(prog="python -m kit.static", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="the .ipynb files to copy")
    parser.add_argument("--out", type=Path, default=Path("static"), help="folder for the .html files")
    parser.add_argument(
        "--sanitize", action="store_true", help="strip scripts and event handlers (for untrusted notebooks)"
    )
    args = parser.parse_args(argv)
    exporter = StaticHTMLExporter(sanitize_html=args.sanitize)
    failed = 0
    for path in args.notebooks:
        try:
            print(f"wrote {write_static_copy(path, args.out, exporter)}")
        except InvalidInputError as error:
            print(f"python -m kit.static: error: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
