"""Rich output for reading the article (lessons 01 and 02): the story as HTML, its parts and facts,
keyword hits in context, and the words behind a paragraph's score."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from IPython.display import HTML

from kit.article import Article, KwicHit, Paragraph, phrase_pattern
from kit.display.common import ARTICLE, MARK, NO_MATH, NOTE, STYLE, mark_phrase, text_html, wrap_matches
from kit.display.table import Html, table
from kit.errors import checked
from kit.text import Sentiment


def _paragraph_html(paragraph: Paragraph, phrase: str | None) -> str:
    return (
        f'<p id="p{paragraph.number}"><span class="kit-num">¶{paragraph.number}</span>'
        f"{mark_phrase(paragraph.text, phrase)}</p>"
    )


@checked
def article_html(article: Article, highlight: str | None = None) -> HTML:
    """Return the article as readable HTML with numbered paragraphs and optional highlights."""
    when = f" · {article.published:%A %-d %B %Y}" if article.published else ""
    publication = article.metadata.get("publication")
    outlet = html.escape(publication.value) if publication else ""
    parts = [
        STYLE,
        ARTICLE,
        f'<p style="font-family:sans-serif;font-size:.85em;color:#555">'
        f"{html.escape(article.section or '')}{' · ' if article.section else ''}{outlet}{when}</p>",
        f"<h2>{html.escape(article.headline)}</h2>",
        f"<p><em>{html.escape(article.dek)}</em></p>" if article.dek else "",
        *(_paragraph_html(p, highlight) for p in article.paragraphs),
        f"<p><small>{html.escape(article.credits)}</small></p>" if article.credits else "",
        f"<p><small>{html.escape(article.copyright)}</small></p>" if article.copyright else "",
        "</div>",
    ]
    return HTML("".join(parts))


@checked
def paragraphs_html(article: Article, numbers: Sequence[int], highlight: str | None = None) -> HTML:
    """Return just the body paragraphs ``numbers``, numbered, as HTML."""
    chosen = [article.paragraph(n) for n in numbers]
    return HTML(STYLE + ARTICLE + "".join(_paragraph_html(p, highlight) for p in chosen) + "</div>")


@checked
def headline_html(article: Article) -> HTML:
    """Return the story's section label, headline and dek, each named, as the page shows them."""
    parts = [("section label", article.section), ("headline", article.headline), ("dek", article.dek)]
    return HTML(table([(name, text) for name, text in parts if text], ["part", "text"]))


@checked
def size_html(article: Article) -> HTML:
    """Return one sentence giving the story's size: paragraphs, sentences and words in its body."""
    count = sum(p.word_count for p in article.paragraphs)
    return HTML(
        f'<p class="{NO_MATH}">The body has {len(article.paragraphs)} paragraphs, '
        f"{len(article.sentences)} sentences and {count} words.</p>"
    )


@checked
def credits_html(article: Article) -> HTML:
    """Return the story's credits line: who reported, and from where."""
    return HTML(f'<p class="{NO_MATH}"><em>{html.escape(article.credits or "No credits line.")}</em></p>')


@checked
def facts_html(article: Article) -> HTML:
    """Return the article's metadata as a table: each fact, its source and how sure it is."""
    rows = [
        (name, fact.value, fact.confidence, Html(html.escape(fact.source) + _note(fact.note)))
        for name, fact in article.metadata.items()
    ]
    return HTML(table(rows, ["fact", "value", "confidence", "source"]))


def _note(note: str | None) -> str:
    return f"<br>{NOTE}{html.escape(note)}</span>" if note else ""


SEARCH_NOTE = (
    "The search finds whole words in any case, and the singular or plural of the last word: "
    "“tariff” also finds “tariffs”, but “trade” does not find “trading”."
)


@checked
def kwic_html(summary: str, hits: Sequence[KwicHit]) -> HTML:
    """Return a keyword search's one-sentence summary, how the search matches, and its hits in context."""
    note = f'<p class="{NO_MATH}" style="font-size:13px;color:#333">{html.escape(SEARCH_NOTE)}</p>'
    return HTML(f'<p class="{NO_MATH}">{html.escape(summary)}</p>{note}{kwic_table_html(hits)}')


def kwic_table_html(hits: Sequence[KwicHit]) -> str:
    """Return keyword-in-context hits as an HTML table, one row per hit."""
    if not hits:
        return "<p>No hits.</p>"
    rows = [
        (f"¶{h.paragraph}", "…" + h.left, Html(MARK.format(html.escape(h.match))), h.right + "…")
        for h in hits
    ]
    return table(rows, ["¶", "left context", "hit", "right context"], right={1})


@checked
def scored_words_html(text: str, result: Sentiment) -> str:
    """Return ``text`` as HTML with every lexicon word that was scored marked and labelled."""
    scores: dict[str, float] = {}
    for assessment in result.assessments:
        for word in assessment.words:
            scores.setdefault(word.lower(), assessment.polarity)
    if not scores:
        return f'{STYLE}<p class="{NO_MATH}">{html.escape(text)}</p>'
    pattern = re.compile(
        "|".join(phrase_pattern(w).pattern for w in sorted(scores, key=len, reverse=True)), re.I
    )

    def label(word: str) -> str:
        score = scores[word.lower()]
        return (
            f'<span class="kit-mark" title="polarity {score:+.2f}">'
            f"{html.escape(word)}<sup>{score:+.2f}</sup></span>"
        )

    return f'{STYLE}<p class="{NO_MATH}">{wrap_matches(text, pattern, label)}</p>'


def paragraph_score_html(summary: str, text: str, result: Sentiment) -> str:
    """Return the paragraph explorer's summary: one sentence, then the paragraph with its scored words."""
    return text_html(summary) + scored_words_html(text, result)
