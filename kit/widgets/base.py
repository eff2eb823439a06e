"""What every kit widget shares: a chart redrawn by blitting, and a panel that wires controls.

A widget is a thin shell: ``panel`` observes its controls and, inside an
``Output`` so a student sees any error, calls a render function that asks a pure
view function what to show and draws it with a kit chart on a ``ChartImage``.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kit import charts
from kit.errors import KitError, checked, whole_number


class ChartImage:
    """One reused figure shown as a PNG Image widget, redrawn by blitting.

    The chart's frame (axes, ticks, labels) is rendered once and kept as a
    background; each update restores it and draws only the chart's data artists
    and title, then encodes the PNG. Rendering ticks and laying out text is most
    of a matplotlib redraw, so this is what keeps an update instant.
    """

    def __init__(self, size: tuple[float, float], margins: dict[str, float]):
        self.figure = Figure(figsize=size, dpi=100)
        self.figure.subplots_adjust(**margins)
        self.canvas = FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_subplot()
        # Show the PNG at its own size (a VBox would stretch it and blur it), but never wider than the page.
        width = f"{round(size[0] * self.figure.dpi)}px"
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=width, max_width="100%"))
        self.caption = widgets.HTML()
        self._frame: tuple | None = None
        self._background = None

    @checked
    def draw(self, render: Callable[[Axes], str]) -> str:
        """Let ``render`` draw on the Axes, show the result and return what render returned."""
        summary = render(self.ax)
        layers = charts.layers(self.ax)
        if layers.frame != self._frame:
            self._background = self._render_background(layers.data)
            self._frame = layers.frame
        self.canvas.restore_region(self._background)
        for artist in [*layers.data, self.ax.title]:
            self.ax.draw_artist(artist)
        self.image.value = self._png()
        self.caption.value = f"<small><em>Figure.</em> {html.escape(layers.description)}</small>"
        return summary

    def _render_background(self, data: list) -> object:
        # Hide the data and blank the title (hiding it would let matplotlib move it
        # out of view), render everything else once, and keep it as the background.
        title = self.ax.title.get_text()
        self.ax.title.set_text("")
        for artist in data:
            artist.set_visible(False)
        self.canvas.draw()
        for artist in data:
            artist.set_visible(True)
        self.ax.title.set_text(title)
        return self.canvas.copy_from_bbox(self.figure.bbox)

    def _png(self) -> bytes:
        buffer = io.BytesIO()
        PIL.Image.fromarray(np.asarray(self.canvas.buffer_rgba())).save(
            buffer, format="png", compress_level=1
        )
        return buffer.getvalue()


@checked
def panel(
    controls: Sequence[widgets.Widget],
    render: Callable[[Axes], str],
    chart: ChartImage,
    on_change: Callable[[], None] | None = None,
) -> widgets.VBox:
    """Return a box of controls, a summary, a chart and an Output for errors, wired to ``render``.

    ``render`` draws on the Axes it is given and returns the summary's HTML. ``on_change``, if
    given, runs first whenever a control changes (not on the first drawing): the place to save.
    """
    summary, out = widgets.HTML(), widgets.Output()

    def refresh(change: object = None) -> None:
        with out:
            out.clear_output()
            try:
                if change is not None and on_change is not None:
                    on_change()
                summary.value = chart.draw(render)
            except KitError as error:
                print(error)

    for control in controls:
        control.observe(refresh, names="value")
    refresh()
    return widgets.VBox([*controls, summary, chart.image, chart.caption, out])


@checked
def paragraph_slider(paragraphs: int, value: int, purpose: str) -> widgets.IntSlider:
    """Return a keyboard-operable slider over paragraphs 1 to ``paragraphs``, described for ``purpose``."""
    whole_number("paragraphs", paragraphs, 1)
    whole_number("value", value, 1, paragraphs)
    return widgets.IntSlider(
        value=value,
        min=1,
        max=paragraphs,
        description="Paragraph:",
        tooltip=f"The paragraph to {purpose}, 1 to {paragraphs}; arrow keys move one paragraph.",
        continuous_update=False,
    )
