"""Rich output for lessons 03 and 04 (framing): the headline, quotations, reported speech, the
lexicon's limits, the codebook, codings compared with the reference, and class agreement.

Each function takes what a kit.framing or kit.quotes function returned and gives back an
``IPython.display.HTML`` a lesson cell shows as it is (``devices_compared_html`` gives the HTML
text a widget puts in its summary), so no lesson cell builds a table itself.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from IPython.display import HTML

from kit.article import Article
from kit.display.common import ARTICLE, NO_MATH, STYLE
from kit.display.table import rows_html
from kit.errors import checked
from kit.framing import (
    ClassAgreement,
    CodingComparison,
    ContrastSentence,
    FramingScore,
    LexiconReading,
    TagScheme,
    frames,
)
from kit.quotes import Quote, ReportedSpeech


@checked
def headline_html(article: Article) -> HTML:
    """Return the headline and the dek as a reader meets them, above the story."""
    dek = f"<p><em>{html.escape(article.dek)}</em></p>" if article.dek else ""
    return HTML(f"{STYLE}{ARTICLE}<h2>{html.escape(article.headline)}</h2>{dek}</div>")


@checked
def sentence_html(text: str) -> HTML:
    """Return one sentence of the kit's (a summary or a verdict) as a paragraph, not a quoted string."""
    return HTML(f'<p class="{NO_MATH}" style="max-width:46em">{html.escape(text)}</p>')


def _paragraph(number: int) -> str:
    return f"¶{number}"


@checked
def contrast_html(sentences: Sequence[ContrastSentence]) -> HTML:
    """Return the body sentences that pull against the headline and dek, with polarity and why."""
    rows = [(_paragraph(c.paragraph), c.text, f"{c.sentiment.polarity:+.2f}", c.note) for c in sentences]
    return rows_html(["¶", "sentence", "polarity", "why it matters"], rows)


@checked
def quotes_html(quotes: Sequence[Quote]) -> HTML:
    """Return every quotation with its paragraph, kind, speaker and role ("none named" when there is none)."""
    rows = [
        (_paragraph(q.paragraph), q.kind, q.speaker or "none named", q.role or "", q.text) for q in quotes
    ]
    return rows_html(["¶", "kind", "speaker", "role", "quoted words"], rows)


@checked
def reported_speech_html(reports: Sequence[ReportedSpeech]) -> HTML:
    """Return each sentence of reported (indirect) speech with its speaker and verb of saying."""
    rows = [(_paragraph(r.paragraph), r.speaker, r.verb, r.text) for r in reports]
    return rows_html(["¶", "speaker", "verb", "sentence"], rows)


def _scored_words(reading: LexiconReading) -> str:
    return ", ".join(f"{word} {score:+.2f}" for word, score in reading.scored) or "none"


@checked
def lexicon_limits_html(readings: Sequence[LexiconReading]) -> HTML:
    """Return each phrase's lexicon score beside a careful reader's reading, and how often they disagree."""
    rows = [
        (r.where, r.phrase, f"{r.polarity:+.2f} {r.lexicon}", _scored_words(r), r.reader, r.explanation)
        for r in readings
    ]
    table = rows_html(["where", "phrase", "lexicon", "words scored", "reader", "why they differ"], rows)
    verdict = (
        f"The lexicon and the reader disagree on {sum(r.disagrees for r in readings)} of {len(readings)}."
    )
    return HTML(table.data + sentence_html(verdict).data)


def codebook_html() -> HTML:
    """Return the Policy Frames Codebook's 15 dimensions with the kit's short definitions."""
    return rows_html(["#", "frame", "what it covers"], [(f.number, f.name, f.definition) for f in frames()])


@checked
def disagreements_html(comparison: CodingComparison, coder: str, other: str = "reference") -> HTML:
    """Return a comparison's summary sentence and the paragraphs where ``coder`` and ``other`` differ."""
    rows = [(_paragraph(n), mine, theirs) for n, mine, theirs in comparison.disagreements]
    table = rows_html(["¶", coder, other], rows).data if rows else ""
    return HTML(sentence_html(comparison.summary).data + table)


def reference_comparison_html(comparison: CodingComparison, scheme: TagScheme) -> HTML:
    """Return the summary and, for every paragraph, the student's tag beside the reference and its reason."""
    mine = {n: tag for n, tag, _reference in comparison.disagreements}
    rows = [
        (
            _paragraph(n),
            "not coded" if n in comparison.uncoded else mine.get(n, reference),
            reference,
            "differs" if n in mine else "" if n in comparison.uncoded else "same",
            scheme.rationale[n],
        )
        for n, reference in scheme.reference.items()
    ]
    header = ["¶", f"your {scheme.name}", "reference", "", "the reference's reason"]
    return HTML(sentence_html(comparison.summary).data + rows_html(header, rows).data)


@checked
def class_agreement_html(result: ClassAgreement) -> HTML:
    """Return every pair of coders' Cohen's kappa and the class's Fleiss' kappa."""
    rows = [
        (f"{a} and {b}", "undefined" if k is None else f"{k:.2f}") for (a, b), k in result.pairwise.items()
    ]
    fleiss = "undefined" if result.fleiss is None else f"{result.fleiss:.2f}"
    verdict = (
        f"Fleiss' kappa over {len(result.coders)} coders and {len(result.paragraphs)} paragraphs: {fleiss}."
    )
    return HTML(rows_html(["coders", "Cohen's kappa"], rows).data + sentence_html(verdict).data)


def devices_compared_html(original: FramingScore, yours: FramingScore | None = None) -> str:
    """Return how many framing devices of each category the original and the rewrite (if any) hold."""
    rows = [
        (category, original.devices[category], yours.devices[category] if yours else "–")
        for category in original.devices
    ]
    return rows_html(["devices", "original", "yours"], rows).data
