"""What every kit display shares: the page style, a chart shown with its caption, marked phrases, notices.

JupyterLab typesets text between two dollar signs as mathematics, even in HTML output, and the
article names "$131 billion" and "$59 billion" in one paragraph: every block the kit writes is
marked for MathJax (and its older tex2jax name) to leave alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import matplotlib.pyplot as plt
from IPython.display import HTML, display
from matplotlib.axes import Axes

from kit.article import phrase_pattern
from kit.charts.base import description, png_bytes
from kit.errors import checked

NO_MATH = "tex2jax_ignore mathjax_ignore"
ARTICLE = f'<div class="kit-article {NO_MATH}">'
NOTE = '<span style="font-size:13px;color:#333">'
MARK = '<b class="kit-mark">{}</b>'
STYLE = (
    "<style>"
    ".kit-article{max-width:46em;font-family:Georgia,serif;line-height:1.5}"
    ".kit-article .kit-num{display:inline-block;min-width:2.6em;color:#555;"
    "font-family:sans-serif;font-size:.8em}"
    ".kit-article mark,.kit-mark{background:#fde8b0;border-bottom:2px solid #000;padding:0 .1em}"
    ".kit-table td,.kit-table th{padding:.15em .5em;text-align:left}"
    "</style>"
)


@checked
def show(ax: Axes) -> None:
    """Display a kit chart as an image with its description as alt text and caption."""
    text = description(ax)
    png = png_bytes(ax)
    plt.close(ax.get_figure(root=True))
    display(
        {"image/png": png, "text/plain": f"[chart] {text}"},
        metadata={"image/png": {"alt": text}},
        raw=True,
    )
    display(
        HTML(
            f'<p class="{NO_MATH}" style="font-size:.9em;color:#333"><em>Figure.</em> {html.escape(text)}</p>'
        )
    )


def figure_caption(text: str) -> str:
    """Return the small "Figure." caption a widget shows under its chart image."""
    return f"<small><em>Figure.</em> {html.escape(text)}</small>"


def wrap_matches(text: str, pattern: re.Pattern[str], wrap: Callable[[str], str]) -> str:
    """Return ``text`` escaped for HTML, each match of ``pattern`` passed through ``wrap``."""
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [html.escape(text[last : match.start()]), wrap(match.group())]
        last = match.end()
    return "".join(pieces) + html.escape(text[last:])


def mark_phrase(text: str, phrase: str | None) -> str:
    """Return ``text`` escaped for HTML, with whole-word hits of ``phrase`` in <mark>."""
    if not phrase or not phrase.strip():
        return html.escape(text)
    return wrap_matches(text, phrase_pattern(phrase), lambda hit: f"<mark>{html.escape(hit)}</mark>")


def text_html(text: str) -> str:
    """Return plain ``text`` as one HTML paragraph, escaped: a widget's one-sentence summary."""
    return f"<p>{html.escape(text)}</p>"


def small_html(text: str) -> str:
    """Return plain ``text`` in small print, escaped: a status line under an answer."""
    return f"<small>{html.escape(text)}</small>"


def notice_html(*texts: str | None) -> str:
    """Return each given text as a bold paragraph (a notice a student must not miss); none for none."""
    return "".join(f"<p><b>{html.escape(text)}</b></p>" for text in texts if text)


def not_saved_html(error: object) -> str:
    """Return the notice that an answer could not be saved, and why."""
    return notice_html(f"Not saved: {error}")


def discussion_prompt_html(prompt: str) -> str:
    """Return the question above a discussion box, marked "For discussion."."""
    return f'<p style="max-width:46em"><b>For discussion.</b> {html.escape(prompt)}</p>'
