"""What every kit widget shares: a chart redrawn by blitting, and a panel that wires controls.

A widget is a thin shell: ``panel`` observes its controls and, inside an
``Output`` so a student sees any error, calls a render function that asks a pure
view function what to show and draws it with a kit chart on a ``ChartImage``.
Every widget builder returns its box through ``friendly``, so where the widget
cannot be drawn (a cell not yet run, GitHub, a static copy) the reader sees a
sentence saying what to do instead of the box's Python repr.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import ipywidgets as widgets  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kit.charts.base import layers as chart_layers
from kit.display.common import discussion_prompt_html, figure_caption, not_saved_html, notice_html, small_html
from kit.errors import KitError, checked, invalid, whole_number
from kit.store import WorkFile
from kit.wording import counted


class ChartImage:
    """One reused figure shown as a PNG Image widget, redrawn by blitting, and able to pause.

    The chart's frame (axes, ticks, labels) is rendered once and kept as a
    background; each update restores it and draws only the chart's data artists
    and title, then encodes the PNG. Rendering ticks and laying out text is most
    of a matplotlib redraw, so this is what keeps an update instant.

    ``keyed_by``, if given, returns which figure to draw in (for example the series a
    picker shows): each key keeps its own figure, so switching back to a key reuses a
    frame already rendered. Inside ``with chart.pause():`` drawing is skipped, so a
    widget can set several controls at once and draw once afterwards.
    """

    _frame: tuple | None  # the frame key of the rendered background, None before the first
    _background: object  # the rendered frame, restored before each update's data is drawn

    def __init__(
        self, size: tuple[float, float], margins: dict[str, float], keyed_by: Callable[[], str] | None = None
    ):
        self._size, self._margins, self._keyed_by = size, margins, keyed_by
        self._kept: dict[str, tuple] = {}
        self._key: str | None = None
        self._paused, self._last = False, ""
        self._new_figure()
        # Show the PNG at its own size (a VBox would stretch it and blur it), but never wider than the page.
        width = f"{round(size[0] * self.figure.dpi)}px"
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=width, max_width="100%"))
        self.caption = widgets.HTML()

    @property
    def paused(self) -> bool:
        """Whether drawing is paused (inside ``with chart.pause():``)."""
        return self._paused

    @contextmanager
    def pause(self) -> Iterator[None]:
        """Skip drawing inside the ``with`` block: each draw returns the last summary unchanged."""
        self._paused = True
        try:
            yield
        finally:
            self._paused = False

    def draw(self, render: Callable[[Axes], str]) -> str:
        """Let ``render`` draw on the Axes, show the result and return what render returned."""
        if self._paused:
            return self._last
        if self._keyed_by is not None:
            self._use(self._keyed_by())
        summary = render(self.ax)
        layers = chart_layers(self.ax)
        if layers.frame != self._frame:
            self._background = self._render_background(layers.data)
            self._frame = layers.frame
        self.canvas.restore_region(self._background)
        for artist in [*layers.data, self.ax.title]:
            self.ax.draw_artist(artist)
        self.image.value = self._png()
        self.caption.value = figure_caption(layers.description)
        self._last = summary
        return summary

    def show(self, visible: bool) -> None:
        """Show the chart and its caption, or hide both (while an error stands in for the result)."""
        self.image.layout.display = None if visible else "none"
        self.caption.layout.display = None if visible else "none"

    def _new_figure(self) -> None:
        self.figure = Figure(figsize=self._size, dpi=100)
        self.figure.subplots_adjust(**self._margins)
        self.canvas = FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_subplot()
        self._frame = None
        self._background = None

    def _use(self, key: str) -> None:
        """Draw from now on in the figure kept for ``key``, made on its first use."""
        if key == self._key:
            return
        if self._key is not None:
            self._kept[self._key] = (self.figure, self.canvas, self.ax, self._frame, self._background)
            if key not in self._kept:
                self._new_figure()
        if key in self._kept:
            self.figure, self.canvas, self.ax, self._frame, self._background = self._kept.pop(key)
        self._key = key

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
        # Every kit chart is opaque, so the alpha channel is dropped: fewer bytes to
        # encode, send and decode. Level 1 compresses about as well as the default, 4x faster.
        buffer = io.BytesIO()
        width, height = self.canvas.get_width_height()
        rgba = PIL.Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        rgba.convert("RGB").save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def say(out: widgets.Output, message: str | None) -> None:
    """Show ``message`` (an error for the student) in ``out``, or nothing when it is None.

    The Output's outputs are set directly, never captured with ``with out:``. Capturing waits for
    the kernel's output thread several times (a tenth of an update on a busy machine), and, when it
    happens while a cell runs, nbclient (Voila, nbconvert, nbgrader) mirrors the Output by sending
    the kernel a message on the socket where it waits for the cell's reply: now and then the reply
    is then missed, and the run stalls until its timeout, or for ever without one (nbclient #312).
    """
    shown = () if message is None else ({"output_type": "stream", "name": "stdout", "text": f"{message}\n"},)
    out.outputs = shown


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
        try:
            if change is not None and on_change is not None:
                on_change()
            summary.value = chart.draw(render)
            chart.show(True)
            say(out, None)
        except KitError as error:
            summary.value = ""  # an old result left above the error would read as its answer
            chart.show(False)
            say(out, str(error))
        except Exception:
            with out:  # an unforeseen failure shows its traceback below the widget
                out.clear_output()
                raise

    for control in controls:
        control.observe(refresh, names="value")
    refresh()
    return widgets.VBox([*controls, summary, chart.image, chart.caption, out])


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


class KitBox(widgets.VBox):
    """A kit widget's outer box, whose plain-text form is ``plain`` rather than its Python repr.

    A front end that cannot draw the widget (an untrusted notebook, a cell not yet run, GitHub,
    nbconvert) falls back to the text/plain of its output: that is the sentence a reader sees.
    ``static``, if given, is the HTML such a front end shows instead (a marked stand-in).
    """

    def __init__(
        self, plain: str, children: Sequence[widgets.Widget] = (), static: str = "", **kwargs: object
    ):
        super().__init__(children, **kwargs)
        self.plain = plain
        self.static = static

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = self.plain
            if self.static:
                bundle["text/html"] = self.static
        return bundle


def friendly(box: widgets.Box, name: str) -> KitBox:
    """Return ``box``'s children in a KitBox that reads "Run this cell to use the ``name``." as text."""
    if not name.strip():
        raise invalid("name", name, "text saying what the widget is, such as 'keyword explorer'")
    kit_box = KitBox(f"Run this cell to use the {name}.", box.children, layout=box.layout)
    box.close()  # the old box is never shown; its children live on in the new one
    return kit_box


@dataclass(frozen=True)
class DiscussionView:
    """What the discussion box shows under a student's answer: its word count and whether it is saved."""

    text: str
    words: int
    status: str


def discussion_view(text: str, saved: bool) -> DiscussionView:
    """Return the word count of ``text`` and a one-line status: saved to the work file, or not yet."""
    count = len(text.split())
    if not count:
        return DiscussionView(text, 0, "Nothing written yet. Your answer is saved as you type.")
    where = "saved in your work file" if saved else "not saved: see the message below"
    return DiscussionView(text, count, f"{counted(count, 'word')}, {where}.")


def _saved_text(work: WorkFile, key: str) -> tuple[str, str]:
    """Return the answer saved under ``key`` and a notice if what was saved could not be used."""
    value = work.get(key, "")
    if isinstance(value, str):
        return value, work.notice or ""
    return "", "The answer saved for this question was not text, so the box starts empty."


@checked
def discussion(work: WorkFile, key: str, prompt: str) -> KitBox:
    """Return a box to write an answer to ``prompt``: words counted, saved under ``key`` on every change."""
    for name, text in (("key", key), ("prompt", prompt)):
        if not text.strip():
            raise invalid(name, text, "text that is not empty")
    start, notice = _saved_text(work, key)
    question = widgets.HTML(discussion_prompt_html(prompt))
    answer = widgets.Textarea(value=start, placeholder="Write your answer here.",
                              layout=widgets.Layout(width="min(46em, 100%)", height="8em"))  # fmt: skip
    status, problem = widgets.HTML(), widgets.HTML()

    def save(change: object = None) -> None:
        saved, problem.value = True, notice_html(notice)
        if change is not None:
            try:
                work.set(key, answer.value)
            except (KitError, OSError) as error:
                saved, problem.value = False, not_saved_html(error)
        status.value = small_html(discussion_view(answer.value, saved).status)

    answer.observe(save, names="value")
    save()
    box = "[An answer box goes here: run this cell to write in it; it saves as you type.]"
    return KitBox(f"For discussion: {prompt}\n{box}", [question, answer, status, problem])
