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
from kit.charts.base import description, png_bytes
from kit.errors import checked
from kit.text import Sentiment

if TYPE_CHECKING:
    from kit.stakeholders import Actor, GridDifference

# JupyterLab typesets text between two dollar signs as mathematics, even in HTML output, and the
# article names "$131 billion" and "$59 billion" in one paragraph: every block the kit writes is
# marked for MathJax (and its older tex2jax name) to leave alone.
NO_MATH = "tex2jax_ignore mathjax_ignore"
_ARTICLE = f'<div class="kit-article {NO_MATH}">'
_TABLE = f'<table class="kit-table {NO_MATH}">'
_STYLE = (
    "<style>"
    ".kit-article{max-width:46em;font-family:Georgia,serif;line-height:1.5}"
    ".kit-article .kit-num{display:inline-block;min-width:2.6em;color:#555;"
    "font-family:sans-serif;font-size:.8em}"
    ".kit-article mark,.kit-mark{background:#fde8b0;border-bottom:2px solid #000;padding:0 .1em}"
    ".kit-table td,.kit-table th{padding:.15em .5em;text-align:left}"
    ".kit-table td.kit-left{text-align:right;color:#444}"
    "</style>"
)


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
def facts_html(article: Article) -> HTML:
    """Return the article's metadata as a table: each fact, its source and how sure it is."""
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(fact.value)}</td>"
        f"<td>{html.escape(fact.confidence)}</td><td>{html.escape(fact.source)}"
        f"{'<br><small>' + html.escape(fact.note) + '</small>' if fact.note else ''}</td></tr>"
        for name, fact in article.metadata.items()
    )
    return HTML(
        f"{_STYLE}{_TABLE}<thead><tr><th>fact</th><th>value</th><th>confidence</th>"
        f"<th>source</th></tr></thead><tbody>{rows}</tbody></table>"
    )


@checked
def kwic_table_html(hits: Sequence[KwicHit]) -> str:
    """Return keyword-in-context hits as an HTML table, one row per hit."""
    if not hits:
        return "<p>No hits.</p>"
    rows = "".join(
        f'<tr><td>¶{h.paragraph}</td><td class="kit-left">…{html.escape(h.left)}</td>'
        f'<td><b class="kit-mark">{html.escape(h.match)}</b></td><td>{html.escape(h.right)}…</td></tr>'
        for h in hits
    )
    return (
        f"{_STYLE}{_TABLE}<thead><tr><th>¶</th><th>left context</th>"
        f"<th>hit</th><th>right context</th></tr></thead><tbody>{rows}</tbody></table>"
    )


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


# --- Framing (notebook 02) ------------------------------------------------------------

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
def devices_html(article: Article, hits: Sequence) -> HTML:
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
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return HTML(f"{_STYLE}{_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


# --- Stakeholders (notebook 05) -------------------------------------------------------
# The lesson's tables and summaries, and the grid placer's and the game's HTML: the analyses in
# kit.stakeholders return plain data, and these functions only render it.


@checked
def actors_html(actors: Sequence[Actor]) -> HTML:
    """Return the registry as a table: each actor's side, type, how it is presented, its stance on targets."""
    rows = [(a.name, a.side, a.type, a.presented, a.stance) for a in actors]
    return rows_html(["actor", "side", "type", "presented", "on numerical targets"], rows)


@checked
def implied_actors_html(actors: Sequence[Actor]) -> HTML:
    """Return the actors the article never names, each with the kit's reason for adding it."""
    return rows_html(["actor the kit adds", "why"], [(a.name, a.position) for a in actors if a.implied])


@checked
def interests_html(actor: Actor) -> HTML:
    """Return what the registry says an actor wants, then each piece of evidence with what it reports."""
    items = "".join(
        f"<li><b>{html.escape(e.cite)}</b>{': ' + html.escape(e.note) if e.note else ''}</li>"
        for e in actor.evidence
    )
    return HTML(
        f'{_STYLE}<div class="{NO_MATH}"><p><b>{html.escape(actor.name)}: interests.</b> '
        f"{html.escape(actor.interests)}</p><p>Evidence:</p><ul>{items}</ul></div>"
    )


@checked
def speakers_html(rows: Sequence[tuple[int, str, str]]) -> HTML:
    """Return the quoted speakers: paragraph, the speaker as kit.quotes names them, their registry entry."""
    shown = [(f"\u00b6{paragraph}", speaker, name) for paragraph, speaker, name in rows]
    return rows_html(["¶", "speaker (found by kit.quotes)", "registry entry"], shown)


@checked
def grid_summary_html(summary: str, locked: str = "") -> str:
    """Return the grid placer's summary line, and what still stands between the student and the comparison."""
    text = f'<p class="kit-grid-summary">{html.escape(summary)}</p>'
    return text + (f'<p class="kit-grid-locked"><small>{html.escape(locked)}</small></p>' if locked else "")


@checked
def grid_reasons_html(differences: Sequence[GridDifference]) -> str:
    """Return the student's placements beside the kit's reference, with the reference's reasons."""
    rows = "".join(
        f"<tr><td>{html.escape(d.reference.label)}</td><td>{d.student.power:g} / {d.student.interest:g}"
        f" ({d.student.quadrant})</td><td>{d.reference.power:g} / {d.reference.interest:g}"
        f" ({d.reference.quadrant})</td><td>{html.escape(d.reference.rationale)}</td></tr>"
        for d in differences
    )
    return (
        f"{_STYLE}{_TABLE}<thead><tr><th>actor</th><th>yours (power / interest)</th>"
        "<th>the kit's reference (illustrative)</th><th>why the reference puts it there</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


@checked
def game_summary_html(summary: str) -> str:
    """Return the two-level game's summary, with the reminder that its numbers are assumptions."""
    return (
        f'<p class="kit-game-summary"><b>{html.escape(summary)}</b></p>'
        "<p><small>Every number here is a teaching assumption, not data: change it and argue for "
        "your choice from the article.</small></p>"
    )


@checked
def presets_html(rows: Sequence[tuple[str, str, str]]) -> HTML:
    """Return the game's presets as a table: each moment, what its numbers stand for, and the outcome."""
    return rows_html(["moment", "what the invented numbers stand for", "the game's result"], rows)
