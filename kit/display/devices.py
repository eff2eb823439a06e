"""Rich output for the framing devices (lessons 03 and 04): the body with each device underlined and tagged.

Each device category is told apart by an underline style and a letter tag, not by colour alone.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from IPython.display import HTML

from kit.article import Article
from kit.display.common import ARTICLE, STYLE
from kit.errors import checked

if TYPE_CHECKING:  # devices_html's hint; kit.framing loads only when a lesson finds devices
    from kit.framing import DeviceHit

DEVICE_STYLES = {
    "figurative": ("F", "wavy", "#0072B2"),
    "hedge": ("H", "dotted", "#009E73"),
    "booster": ("B", "double", "#D55E00"),
    "conflict": ("C", "solid", "#000000"),
    "minimizer": ("M", "dashed", "#CC79A7"),
}


def _device_mark(text: str, category: str, note: str) -> str:
    letter, line, colour = DEVICE_STYLES[category]
    return (
        f'<span class="kit-device" title="{html.escape(category)}: {html.escape(note)}" '
        f'style="text-decoration:underline {line} {colour} 2px;text-underline-offset:3px">'
        f"{html.escape(text)}<sup><b>{letter}</b></sup></span>"
    )


def devices_legend_html(counts: dict[str, int] | None = None) -> str:
    """Return the legend of device highlights: letter tag, underline style and name of each category."""
    items = "".join(
        f"<li>{_device_mark(f'{category}', category, 'legend')}"
        f" &nbsp;{line} underline, tag <b>{letter}</b>"
        f"{f' ({counts.get(category, 0)} found)' if counts is not None else ''}</li>"
        for category, (letter, line, _colour) in DEVICE_STYLES.items()
    )
    return f'<ul style="list-style:none;padding-left:0;font-family:sans-serif;font-size:.9em">{items}</ul>'


@checked
def devices_html(article: Article, hits: Sequence[DeviceHit]) -> HTML:
    """Return the body as HTML with each framing device underlined and tagged by category, plus a legend."""
    counts = {category: 0 for category in DEVICE_STYLES}
    paragraphs = []
    for paragraph in article.paragraphs:
        pieces, last = [], paragraph.start
        for hit in (h for h in hits if h.paragraph == paragraph.number):
            counts[hit.device.category] += 1
            pieces += [
                html.escape(article.source[last : hit.start]),
                _device_mark(hit.text, hit.device.category, hit.device.note),
            ]
            last = hit.end
        pieces.append(html.escape(article.source[last : paragraph.end]))
        paragraphs.append(f'<p><span class="kit-num">¶{paragraph.number}</span>{"".join(pieces)}</p>')
    return HTML(f"{STYLE}{ARTICLE}{devices_legend_html(counts)}{''.join(paragraphs)}</div>")
