"""What every kit chart shares: the palette, Axes handling, descriptions and redrawable layers.

Chart modules build on three helpers: ``new_axes`` (use the given Axes or make
a figure), ``framed_axes`` (draw a chart's frame once and, on a redraw with the
same frame, remove only the old data), and ``record`` (store the chart's
one-sentence description and its data artists).
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from kit.errors import InvalidInputError, invalid

# Okabe & Ito (2008), "Color Universal Design": eight colours chosen to stay apart
# for viewers with protanopia, deuteranopia and tritanopia.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
NARRATION, QUOTED = PALETTE["blue"], PALETTE["orange"]
MAX_PARAGRAPHS = 200  # a paragraph strip wider than this is unreadable, and slow to draw
POSITIVE, NEGATIVE = PALETTE["blue"], PALETTE["vermillion"]


@dataclass
class Layers:
    """What a kit chart drew on an Axes: a frame key, its description and its data artists.

    A chart drawn again on the same Axes with the same frame key keeps the frame
    (axes, ticks, labels) and replaces only the data artists, which is what lets a
    widget redraw in a few milliseconds.
    """

    frame: tuple
    description: str = ""
    data: list[Artist] = field(default_factory=list)


_layers: weakref.WeakKeyDictionary[Axes, Layers] = weakref.WeakKeyDictionary()


def layers(ax: Axes) -> Layers:
    """Return the frame key, description and data artists a kit chart recorded for ``ax``."""
    if ax not in _layers:
        raise InvalidInputError("ax must be an Axes drawn by a kit chart function; this one was not.")
    return _layers[ax]


def description(ax: Axes) -> str:
    """Return the one-sentence description a kit chart recorded for ``ax``."""
    return layers(ax).description


def new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """Return ``ax``, or the Axes of a new figure of ``size`` inches when ``ax`` is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    elif not isinstance(ax, Axes):
        raise invalid("ax", ax, "a matplotlib Axes or None")
    return ax


def framed_axes(ax: Axes | None, size: tuple[float, float], key: tuple, draw: Callable[[Axes], None]) -> Axes:
    """Return an Axes holding the frame ``key``: drawn now, or kept with its old data removed."""
    ax = new_axes(ax, size)
    previous = _layers.get(ax)
    if previous is not None and previous.frame == key:
        for artist in previous.data:
            artist.remove()
        previous.data.clear()
        return ax
    if previous is not None:
        ax.clear()
    draw(ax)
    _layers[ax] = Layers(key)
    return ax


def record(ax: Axes, text: str, data: Sequence[Artist] = ()) -> Axes:
    """Store ``text`` as the chart's description and ``data`` as its redrawable artists; return ``ax``."""
    entry = _layers.setdefault(ax, Layers(("static",)))
    entry.description = text
    entry.data = list(data)
    return ax


def png_bytes(ax: Axes) -> bytes:
    """Return the figure holding ``ax`` as PNG bytes, trimmed to what was drawn."""
    buffer = io.BytesIO()
    figure = ax.get_figure(root=True)
    if figure is None:
        raise invalid("ax", ax, "an Axes on a figure")
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()
