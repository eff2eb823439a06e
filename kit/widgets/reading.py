"""Widgets for reading the article: keyword in context, and the words behind a paragraph's score."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as widgets  # type: ignore[import-untyped]  # ipywidgets ships no type hints
from matplotlib.axes import Axes

from kit.article import Article, KwicHit
from kit.background import load_background, match_check, match_choices, order_check, order_choices
from kit.charts.reading import keyword_strip, word_scores
from kit.display.background import event_label_html
from kit.display.common import not_saved_html, notice_html, text_html
from kit.display.reading import kwic_html, paragraph_score_html
from kit.errors import KitError, checked
from kit.store import WorkFile
from kit.text import Sentiment, phrase_forms, sentiment, words
from kit.widgets.base import ChartImage, friendly, panel, paragraph_slider
from kit.wording import counted, joined, paragraph_list, times


@dataclass(frozen=True)
class KeywordView:
    """What the keyword-in-context widget shows for one phrase."""

    phrase: str
    hits: tuple[KwicHit, ...]
    paragraph_count: int
    summary: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParagraphView:
    """What the paragraph-sentiment widget shows for one paragraph."""

    number: int
    text: str
    sentiment: Sentiment
    summary: str


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
        summary = f"\u201c{phrase}\u201d occurs {times(len(hits))}{also}, in {paragraph_list(paragraphs)}."
    return KeywordView(phrase, hits, len(article.paragraphs), summary, forms)


def _start(hit: KwicHit) -> int:
    return hit.start


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
        keyword_strip(view.hits, view.paragraph_count, view.phrase, ax=ax)
        return kwic_html(view.summary, view.hits).data

    chart = ChartImage((7, 1.3), {"left": 0.03, "right": 0.98, "bottom": 0.36, "top": 0.8})
    return friendly(panel([box], render, chart), "keyword explorer")


@checked
def paragraph_explorer(article: Article, number: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, see its score and the words that drove it."""
    slider = paragraph_slider(len(article.paragraphs), number, "score")

    def render(ax: Axes) -> str:
        view = paragraph_view(article, slider.value)
        word_scores(view.sentiment, title=f"Paragraph {view.number}", ax=ax)
        return paragraph_score_html(view.summary, view.text, view.sentiment)

    chart = ChartImage((7, 2.6), {"left": 0.26, "right": 0.97, "bottom": 0.17, "top": 0.88})
    return friendly(panel([slider], render, chart), "paragraph explorer")


TERMS_KEY, ORDER_KEY = "background_terms", "background_order"
_CHOOSE = "(choose a meaning)"


def _saved_dict(work: WorkFile, key: str) -> tuple[dict, str]:
    """Return the dict saved under ``key`` and a notice if what was saved could not be used."""
    saved = work.get(key, {})
    if isinstance(saved, dict):
        return saved, work.notice or ""
    return {}, "Your saved answers here could not be used, so this exercise starts afresh."


def _save(work: WorkFile, key: str, value: dict, problem: widgets.HTML) -> None:
    try:
        work.set(key, value)
    except (KitError, OSError) as error:
        problem.value = not_saved_html(error)


def _wire(
    work: WorkFile,
    key: str,
    menus: dict[str, widgets.Dropdown],
    unset: object,
    check: Callable[[dict], str],
    notice: str,
) -> tuple[widgets.HTML, widgets.HTML]:
    """Save the chosen answers under ``key`` and show ``check``'s summary of them at every change.

    Return the line for ``notice`` (a problem with the saved answers) or a failed save, and the summary.
    """
    summary, problem = widgets.HTML(), widgets.HTML(notice_html(notice))

    def update(change: object = None) -> None:
        answers = {name: menu.value for name, menu in menus.items() if menu.value != unset}
        if change is not None:
            _save(work, key, answers, problem)
        summary.value = text_html(check(answers))

    for menu in menus.values():
        menu.observe(update, names="value")
    update()
    return problem, summary


def _menu(options: list, saved: object, width: str, tooltip: str, description: str = "") -> widgets.Dropdown:
    """Return a dropdown over ``options`` showing ``saved`` if it is one of them, else the first option."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    return widgets.Dropdown(
        options=options,
        value=saved if saved in values else values[0],
        description=description,
        tooltip=tooltip,
        style={"description_width": "14em"},
        layout=widgets.Layout(width=width, flex="0 0 auto"),
    )


def _match_summary(answers: dict) -> str:
    return match_check(answers).summary


def _order_summary(answers: dict) -> str:
    return order_check(answers).summary


@checked
def term_matcher(work: WorkFile) -> widgets.VBox:
    """Return a widget: choose the meaning of each glossary term; every choice is saved and checked."""
    saved, notice = _saved_dict(work, TERMS_KEY)
    meanings = [_CHOOSE, *match_choices()]
    menus = {
        term: _menu(
            meanings, saved.get(term), "min(48em, 100%)", f"What {term} means; saved when chosen.", term
        )
        for term in load_background().match_terms
    }
    problem, summary = _wire(work, TERMS_KEY, menus, _CHOOSE, _match_summary, notice)
    return friendly(widgets.VBox([problem, *menus.values(), summary]), "term matcher")


@checked
def event_orderer(work: WorkFile) -> widgets.VBox:
    """Return a widget: give each event its place in time, 1 for the earliest; saved and checked."""
    saved, notice = _saved_dict(work, ORDER_KEY)
    events = order_choices()
    places = [("place?", 0), ("1 (earliest)", 1), *((str(n), n) for n in range(2, len(events) + 1))]
    tip = "This event's place in time, 1 for the earliest; saved when chosen."
    menus = {e.key: _menu(places, saved.get(e.key), "9em", tip) for e in events}
    rows = [widgets.HBox([menus[e.key], widgets.HTML(event_label_html(e.text))]) for e in events]
    problem, summary = _wire(work, ORDER_KEY, menus, 0, _order_summary, notice)
    return friendly(widgets.VBox([problem, *rows, summary]), "timeline exercise")
