"""Rich notebook output: the article as HTML, hit tables, and charts with their captions."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
from IPython.display import HTML, display
from matplotlib.axes import Axes

from kit.article import Article, KwicHit, Paragraph, phrase_pattern
from kit.background import Entry, Source
from kit.charts.base import description, png_bytes
from kit.errors import checked, invalid
from kit.text import Sentiment

if TYPE_CHECKING:  # devices_html's hint; kit.framing loads only when a lesson finds devices
    from kit.framing import DeviceHit

# JupyterLab typesets text between two dollar signs as mathematics, even in HTML output, and the
# article names "$131 billion" and "$59 billion" in one paragraph: every block the kit writes is
# marked for MathJax (and its older tex2jax name) to leave alone.
NO_MATH = "tex2jax_ignore mathjax_ignore"
_ARTICLE = f'<div class="kit-article {NO_MATH}">'
# JupyterLab right-aligns table cells at 12 px and strips <style> from outputs it does not trust
# (a notebook just opened), so tables carry their layout inline: text reads left-aligned, numbers
# right-aligned, at the size of the text around them.
_TABLE = f'<table class="kit-table {NO_MATH}" style="font-size:14px;border-collapse:collapse">'
_CELL = "padding:.2em .6em;vertical-align:top;text-align:"
_NOTE = '<span style="font-size:13px;color:#333">'
_MARK = '<b class="kit-mark">{}</b>'
_STYLE = (
    "<style>"
    ".kit-article{max-width:46em;font-family:Georgia,serif;line-height:1.5}"
    ".kit-article .kit-num{display:inline-block;min-width:2.6em;color:#555;"
    "font-family:sans-serif;font-size:.8em}"
    ".kit-article mark,.kit-mark{background:#fde8b0;border-bottom:2px solid #000;padding:0 .1em}"
    ".kit-table td,.kit-table th{padding:.15em .5em;text-align:left}"
    "</style>"
)


def _cell(content: str, tag: str = "td", align: str = "left") -> str:
    """Return one table cell holding ``content`` (HTML), aligned ``align``."""
    return f'<{tag} style="{_CELL}{align}">{content}</{tag}>'


def _head(names: Sequence[object]) -> str:
    """Return a table head row naming each column, escaped."""
    return "<thead><tr>" + "".join(_cell(html.escape(str(n)), "th") for n in names) + "</tr></thead>"


@checked
def show(ax: Axes) -> None:
    """Display a kit chart as an image with its description as alt text and caption."""
    text = description(ax)
    png = png_bytes(ax)
    plt.close(ax.figure)
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


def _wrap_matches(text: str, pattern: re.Pattern[str], wrap: Callable[[str], str]) -> str:
    """Return ``text`` escaped for HTML, each match of ``pattern`` passed through ``wrap``."""
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [html.escape(text[last : match.start()]), wrap(match.group())]
        last = match.end()
    return "".join(pieces) + html.escape(text[last:])


@checked
def mark_phrase(text: str, phrase: str | None) -> str:
    """Return ``text`` escaped for HTML, with whole-word hits of ``phrase`` in <mark>."""
    if not phrase or not phrase.strip():
        return html.escape(text)
    return _wrap_matches(text, phrase_pattern(phrase), lambda hit: f"<mark>{html.escape(hit)}</mark>")


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
        _STYLE,
        _ARTICLE,
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
    return HTML(_STYLE + _ARTICLE + "".join(_paragraph_html(p, highlight) for p in chosen) + "</div>")


@checked
def headline_html(article: Article) -> HTML:
    """Return the story's section label, headline and dek, each named, as the page shows them."""
    parts = [("section label", article.section), ("headline", article.headline), ("dek", article.dek)]
    rows = "".join(f"<tr>{_cell(name)}{_cell(html.escape(text))}</tr>" for name, text in parts if text)
    return HTML(f"{_STYLE}{_TABLE}{_head(['part', 'text'])}<tbody>{rows}</tbody></table>")


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
    rows = "".join(
        f"<tr>{_cell(html.escape(name))}{_cell(html.escape(fact.value))}"
        f"{_cell(html.escape(fact.confidence))}{_cell(html.escape(fact.source) + _note(fact.note))}</tr>"
        for name, fact in article.metadata.items()
    )
    head = _head(["fact", "value", "confidence", "source"])
    return HTML(f"{_STYLE}{_TABLE}{head}<tbody>{rows}</tbody></table>")


def _note(note: str | None) -> str:
    return f"<br>{_NOTE}{html.escape(note)}</span>" if note else ""


SEARCH_NOTE = (
    "The search finds whole words in any case, and the singular or plural of the last word: "
    "“tariff” also finds “tariffs”, but “trade” does not find “trading”."
)


@checked
def kwic_html(summary: str, hits: Sequence[KwicHit]) -> HTML:
    """Return a keyword search's one-sentence summary, how the search matches, and its hits in context."""
    note = f'<p class="{NO_MATH}" style="font-size:13px;color:#333">{html.escape(SEARCH_NOTE)}</p>'
    return HTML(f'<p class="{NO_MATH}">{html.escape(summary)}</p>{note}{kwic_table_html(hits)}')


@checked
def kwic_table_html(hits: Sequence[KwicHit]) -> str:
    """Return keyword-in-context hits as an HTML table, one row per hit."""
    if not hits:
        return "<p>No hits.</p>"
    rows = "".join(
        f"<tr>{_cell(f'¶{h.paragraph}')}{_cell('…' + html.escape(h.left), align='right')}"
        f"{_cell(_MARK.format(html.escape(h.match)))}{_cell(html.escape(h.right) + '…')}</tr>"
        for h in hits
    )
    head = _head(["¶", "left context", "hit", "right context"])
    return f"{_STYLE}{_TABLE}{head}<tbody>{rows}</tbody></table>"


@checked
def scored_words_html(text: str, result: Sentiment) -> str:
    """Return ``text`` as HTML with every lexicon word that was scored marked and labelled."""
    scores = {}
    for assessment in result.assessments:
        for word in assessment.words:
            scores.setdefault(word.lower(), assessment.polarity)
    if not scores:
        return f'{_STYLE}<p class="{NO_MATH}">{html.escape(text)}</p>'
    pattern = re.compile(
        "|".join(phrase_pattern(w).pattern for w in sorted(scores, key=len, reverse=True)), re.I
    )

    def label(word: str) -> str:
        score = scores[word.lower()]
        return (
            f'<span class="kit-mark" title="polarity {score:+.2f}">'
            f"{html.escape(word)}<sup>{score:+.2f}</sup></span>"
        )

    return f'{_STYLE}<p class="{NO_MATH}">{_wrap_matches(text, pattern, label)}</p>'


# --- Framing (notebooks 03 and 04) ------------------------------------------------------------

# Each device category is told apart by an underline style and a letter tag, not by colour alone.
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


@checked
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
    return HTML(f"{_STYLE}{_ARTICLE}{devices_legend_html(counts)}{''.join(paragraphs)}</div>")


@checked
def rows_html(header: Sequence[str], rows: Sequence[Sequence[object]]) -> HTML:
    """Return a simple HTML table with ``header`` and ``rows`` (cells escaped)."""
    body = "".join("<tr>" + "".join(_plain_cell(c) for c in row) + "</tr>" for row in rows)
    return HTML(f"{_STYLE}{_TABLE}{_head(header)}<tbody>{body}</tbody></table>")


def _plain_cell(value: object) -> str:
    """Return a cell for ``value``: numbers right-aligned, text left-aligned, None left empty."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return _cell(html.escape("" if value is None else str(value)), align="right" if number else "left")


# --- Background (notebook 01) ---------------------------------------------------------


def _cited(sources: Sequence[Source]) -> str:
    """Return the sources as one note: each citation, linked where it has an address, with its confidence."""
    if not sources:
        return f"{_NOTE}A worked example: no source needed.</span>"
    items = [
        (
            f'<a href="{html.escape(s.url)}">{html.escape(s.citation)}</a>'
            if s.url
            else html.escape(s.citation)
        )
        + f" ({html.escape(s.confidence.lower())})"
        for s in sources
    ]
    return f"{_NOTE}Sources: {'; '.join(items)}.</span>"


@checked
def context_html(entry: Entry) -> HTML:
    """Return one background section: its heading, its text and its sources."""
    return HTML(
        f'<div class="{NO_MATH}" style="max-width:46em"><h4>{html.escape(entry.title)}</h4>'
        f"<p>{html.escape(entry.text)}</p><p>{_cited(entry.sources)}</p></div>"
    )


def _background_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> HTML:
    """Return a table whose cells are already HTML."""
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return HTML(f"{_STYLE}{_TABLE}{_head(header)}<tbody>{body}</tbody></table>")


@checked
def people_html(people: Sequence[Entry]) -> HTML:
    """Return the people the story names: who each was in May 1994, what to know, and the sources."""
    rows = [
        (
            f"<b>{html.escape(p.title)}</b>",
            html.escape(p.text),
            f"{html.escape(p.note)}<br>{_cited(p.sources)}",
        )
        for p in people
    ]
    return _background_table(["who", "in May 1994", "what to know"], rows)


@checked
def events_html(events: Sequence[Entry]) -> HTML:
    """Return a dated timeline, one event a row, each with its sources."""
    rows = [
        (f"<b>{html.escape(e.title)}</b>", f"{html.escape(e.text)}<br>{_cited(e.sources)}") for e in events
    ]
    return _background_table(["date", "what happened"], rows)


@checked
def glossary_html(terms: Sequence[Entry]) -> HTML:
    """Return the glossary: each term, its definition and the sources of the facts in it."""
    rows = [
        (f"<b>{html.escape(t.title)}</b>", f"{html.escape(t.text)}<br>{_cited(t.sources)}") for t in terms
    ]
    return _background_table(["term", "what it means"], rows)


def _opening_rows(measures: Sequence) -> list[list[object]]:
    """Return the rows of the rewrite table: one measure a row, one opening a column."""
    sides = sorted({side for m in measures for side in m.by_side})
    rows: list[list[object]] = [
        ["body words", *(m.body_words for m in measures)],
        ["quoted words", *(m.quoted_words for m in measures)],
        *([f"quoted words: {side}", *(m.by_side.get(side, 0) for m in measures)] for side in sides),
        *([f"devices: {c}", *(m.devices[c] for m in measures)] for c in measures[0].devices),
        ["headline and dek: polarity", *(f"{m.framing.polarity:+.2f}" for m in measures)],
        ["headline and dek: subjectivity", *(f"{m.framing.subjectivity:.2f}" for m in measures)],
    ]
    return rows


@checked
def rewrite_table(comparison: object) -> HTML:
    """Return the original's opening and a rewrite measured side by side (``kit.rewrite.compare_rewrite``)."""
    from kit.rewrite import RewriteComparison  # on first use: kit.display loads no analysis at import

    if not isinstance(comparison, RewriteComparison):
        raise invalid("comparison", comparison, "what kit.rewrite.compare_rewrite returns")
    measures = [m for m in (comparison.original, comparison.yours) if m is not None]
    header = ["measure", "the original's opening (¶1-2)", *(["your rewrite"] if len(measures) > 1 else [])]
    note = f"<p><b>{html.escape(comparison.problem)}</b></p>" if comparison.problem else ""
    return HTML(note + rows_html(header, _opening_rows(measures)).data)
