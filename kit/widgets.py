"""Widgets: thin shells that wire controls to a pure view function and a kit chart.

Each widget has a pure core, ``*_view(article, value)``, that returns what the
widget shows as plain data; tests call it directly. The shell only reads its
controls, calls the core, draws with a kit chart and shows the result.
Callbacks run inside an ``Output`` so a student sees any error. Charts are drawn
on one reused figure and sent as PNG bytes to an ``Image`` widget, which keeps an
update well under the 0.1 s that feels instant.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kit import charts
from kit.article import Article, KwicHit
from kit.display import kwic_table_html, scored_words_html
from kit.errors import KitError
from kit.text import Sentiment, counted, paragraph_list, sentiment


@dataclass(frozen=True)
class KeywordView:
    """What the keyword-in-context widget shows for one phrase."""

    phrase: str
    hits: tuple[KwicHit, ...]
    paragraph_count: int
    summary: str


@dataclass(frozen=True)
class ParagraphView:
    """What the paragraph-sentiment widget shows for one paragraph."""

    number: int
    text: str
    sentiment: Sentiment
    summary: str


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def keyword_view(article: Article, phrase: str) -> KeywordView:
    """Return the hits of ``phrase`` in ``article`` and a one-sentence summary of them."""
    hits = tuple(article.search(phrase))
    phrase = " ".join(phrase.split())
    paragraphs = sorted({h.paragraph for h in hits})
    if not hits:
        summary = f"\u201c{phrase}\u201d does not occur in the body of the article."
    else:
        summary = f"\u201c{phrase}\u201d occurs {_times(len(hits))}, in {paragraph_list(paragraphs)}."
    return KeywordView(phrase, hits, len(article.paragraphs), summary)


def paragraph_view(article: Article, number: int) -> ParagraphView:
    """Return paragraph ``number``, its sentiment and a one-sentence summary of the score."""
    paragraph = article.paragraph(number)
    result = sentiment(paragraph.text)
    scored = len(result.assessments)
    summary = (
        f"Paragraph {number}: polarity {result.polarity:+.2f}, subjectivity "
        f"{result.subjectivity:.2f}, from {counted(scored, 'scored word')}."
        if scored
        else f"Paragraph {number}: no word is in the lexicon, so it scores 0 on both scales."
    )
    return ParagraphView(number, paragraph.text, result, summary)


class _ChartImage:
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
        self.image = widgets.Image(format="png")
        self.caption = widgets.HTML()
        self._frame: tuple | None = None
        self._background = None

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


def _panel(
    controls: Sequence[widgets.Widget],
    render: Callable[[Axes], str],
    chart: _ChartImage,
) -> widgets.VBox:
    """Return a box of controls, a summary, a chart and an Output for errors, wired to ``render``.

    ``render`` draws on the Axes it is given and returns the summary's HTML.
    """
    summary, out = widgets.HTML(), widgets.Output()

    def refresh(_change: object = None) -> None:
        with out:
            out.clear_output()
            try:
                summary.value = chart.draw(render)
            except KitError as error:
                print(error)

    for control in controls:
        control.observe(refresh, names="value")
    refresh()
    return widgets.VBox([*controls, summary, chart.image, chart.caption, out])


def keyword_explorer(article: Article, phrase: str = "targets") -> widgets.VBox:
    """Return a widget: type a word or phrase, see each hit in context and where it falls."""
    box = widgets.Text(
        value=phrase,
        description="Word or phrase:",
        placeholder="type a word, then press Enter",
        continuous_update=False,
        style={"description_width": "initial"},
    )

    def render(ax: Axes) -> str:
        view = keyword_view(article, box.value)
        charts.keyword_strip(view.hits, view.paragraph_count, view.phrase, ax=ax)
        return f"<p>{html.escape(view.summary)}</p>{kwic_table_html(view.hits)}"

    return _panel(
        [box], render, _ChartImage((7, 1.3), {"left": 0.03, "right": 0.98, "bottom": 0.36, "top": 0.8})
    )


def paragraph_explorer(article: Article, number: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, see its score and the words that drove it."""
    slider = widgets.IntSlider(
        value=number,
        min=1,
        max=len(article.paragraphs),
        description="Paragraph:",
        continuous_update=False,
    )

    def render(ax: Axes) -> str:
        view = paragraph_view(article, slider.value)
        charts.word_scores(view.sentiment, title=f"Paragraph {view.number}", ax=ax)
        return f"<p>{html.escape(view.summary)}</p>{scored_words_html(view.text, view.sentiment)}"

    return _panel(
        [slider], render, _ChartImage((7, 2.6), {"left": 0.26, "right": 0.97, "bottom": 0.17, "top": 0.88})
    )
