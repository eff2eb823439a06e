"""Widgets for reading the article: keyword in context, and the words behind a paragraph's score."""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets
from matplotlib.axes import Axes

from kit import charts
from kit.article import Article, KwicHit
from kit.display import kwic_table_html, scored_words_html
from kit.errors import checked
from kit.text import Sentiment, counted, joined, paragraph_list, phrase_forms, sentiment, words
from kit.widgets.base import ChartImage, friendly, panel, paragraph_slider


@dataclass(frozen=True)
class KeywordView:
    """What the keyword-in-context widget shows for one phrase."""

    phrase: str
    hits: tuple[KwicHit, ...]
    paragraph_count: int
    summary: str
    forms: tuple[str, ...] = ()


SEARCH_NOTE = (
    "The search finds whole words in any case, and the singular or plural of the last word: "
    "“tariff” also finds “tariffs”, but “trade” does not find “trading”."
)


@dataclass(frozen=True)
class ParagraphView:
    """What the paragraph-sentiment widget shows for one paragraph."""

    number: int
    text: str
    sentiment: Sentiment
    summary: str


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


@checked
def keyword_view(article: Article, phrase: str) -> KeywordView:
    """Return the hits of ``phrase`` and its singular or plural in ``article``, and a one-sentence summary."""
    forms = phrase_forms(phrase) if words(phrase) else (phrase,)
    hits = tuple(sorted({h.start: h for form in forms for h in article.search(form)}.values(), key=_start))
    phrase = " ".join(phrase.split())
    found = sorted({h.match.lower() for h in hits} - {phrase.lower()})
    paragraphs = sorted({h.paragraph for h in hits})
    if not hits:
        summary = f"\u201c{phrase}\u201d does not occur in the body of the article."
    else:
        shown = joined([f"\u201c{form}\u201d" for form in sorted({h.match.lower() for h in hits})])
        also = f" (as {shown})" if found else ""
        summary = f"\u201c{phrase}\u201d occurs {_times(len(hits))}{also}, in {paragraph_list(paragraphs)}."
    return KeywordView(phrase, hits, len(article.paragraphs), summary, forms)


def _start(hit: KwicHit) -> int:
    return hit.start


@checked
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


@checked
def keyword_explorer(article: Article, phrase: str = "targets") -> widgets.VBox:
    """Return a widget: type a word or phrase, see each hit in context and where it falls."""
    box = widgets.Text(
        value=phrase,
        description="Word or phrase:",
        tooltip="A word or phrase to find in the article's body; press Enter to search.",
        placeholder="type a word, then press Enter",
        continuous_update=False,
        style={"description_width": "initial"},
    )

    def render(ax: Axes) -> str:
        view = keyword_view(article, box.value)
        charts.keyword_strip(view.hits, view.paragraph_count, view.phrase, ax=ax)
        note = f'<p style="font-size:13px;color:#333">{html.escape(SEARCH_NOTE)}</p>'
        return f"<p>{html.escape(view.summary)}</p>{note}{kwic_table_html(view.hits)}"

    chart = ChartImage((7, 1.3), {"left": 0.03, "right": 0.98, "bottom": 0.36, "top": 0.8})
    return friendly(panel([box], render, chart), "keyword explorer")


@checked
def paragraph_explorer(article: Article, number: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, see its score and the words that drove it."""
    slider = paragraph_slider(len(article.paragraphs), number, "score")

    def render(ax: Axes) -> str:
        view = paragraph_view(article, slider.value)
        charts.word_scores(view.sentiment, title=f"Paragraph {view.number}", ax=ax)
        return f"<p>{html.escape(view.summary)}</p>{scored_words_html(view.text, view.sentiment)}"

    chart = ChartImage((7, 2.6), {"left": 0.26, "right": 0.97, "bottom": 0.17, "top": 0.88})
    return friendly(panel([slider], render, chart), "paragraph explorer")
