"""A rewritten opening read as an article, so the kit's analyses can measure it beside the original's.

A rewrite is plain text, the way a student types it into a notebook::

    Headline on the first line
    Dek on the second line

    First body paragraph.

    Second body paragraph.

    Sources: ¶1, ¶3, ¶10

A line that starts with "Sources:" names where the facts come from; it is kept out of
the analysis. ``opening(article)`` cuts the original down to the same shape (headline,
dek, first paragraphs), so the two are compared like for like, and ``compare_rewrite`` measures
both with the same tools (voice share, framing devices, the headline and dek's scores).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kit.article import Article, parse_article
from kit.errors import InvalidInputError, KitError, checked, whole_number
from kit.framing import FramingScore, device_counts, find_devices, score_framing
from kit.quotes import extract_quotes, voice_share

_SOURCES_LINE = re.compile(r"^\s*sources?\s*:", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
LAYOUT_HELP = (
    "A rewrite starts with two lines, the headline and then the dek; after a blank line come the "
    "body paragraphs, one blank line between each; a last line may start with 'Sources:'."
)


def _composed(headline: str, dek: str | None, paragraphs: Sequence[str], name: str) -> Article:
    """Return an article of ``paragraphs`` under ``headline`` and ``dek``, parsed as the kit parses any."""
    parsed = parse_article("Rewrite\n\n" + "\n\n".join(paragraphs) + "\n", name=name)
    # the headline and dek are set afterwards so that a " : " in them cannot be read as a section
    return replace(parsed, headline=headline, dek=dek or None, section=None)


def _layout_fault(blocks: list[str], head: list[str]) -> str:
    """Return what is wrong with a rewrite's layout, in a few words."""
    if not blocks:
        return "it is empty"
    if len(head) != 2:
        return f"{len(head)} line(s) come before the first blank line, where the headline and dek go"
    return "no body paragraph follows the headline and dek"


def read_rewrite(text: str, paragraphs: int | None = None) -> Article:
    """Return a rewritten opening (headline line, dek line, body paragraphs) as an Article.

    >>> mine = read_rewrite("Talks Resume\\nBoth sides claim a win.\\n\\nThey met.\\n\\nSources: ¶1")
    >>> mine.headline, mine.dek, [p.text for p in mine.paragraphs]
    ('Talks Resume', 'Both sides claim a win.', ['They met.'])
    """
    kept = "\n".join(line for line in text.replace("\r\n", "\n").split("\n") if not _SOURCES_LINE.match(line))
    blocks = [block.strip() for block in _BLANK_LINES.split(kept.strip()) if block.strip()]
    head = blocks[0].split("\n") if blocks else []
    if len(head) != 2 or len(blocks) < 2:
        raise InvalidInputError(
            f"text does not follow the layout: {_layout_fault(blocks, head)}. {LAYOUT_HELP}"
        )
    body = [" ".join(block.split()) for block in blocks[1:]]
    if paragraphs is not None and len(body) != whole_number("paragraphs", paragraphs, 1):
        raise InvalidInputError(
            f"paragraphs: the rewrite has {len(body)} body paragraph(s), but {paragraphs} are asked. "
            "Separate paragraphs with one blank line, and keep each paragraph's lines together."
        )
    return _composed(head[0].strip(), head[1].strip(), body, "rewrite")


def opening(article: Article, paragraphs: int = 2) -> Article:
    """Return the article's headline, dek and first ``paragraphs`` body paragraphs as an article."""
    count = whole_number("paragraphs", paragraphs, 1, len(article.paragraphs))
    texts = [p.text for p in article.paragraphs[:count]]
    return _composed(article.headline, article.dek, texts, f"{article.name} (opening)")


@dataclass(frozen=True)
class OpeningMeasures:
    """An opening as the kit measures it: words, narration, quoted words by side, devices, headline scores."""

    label: str
    body_words: int
    quoted_words: int
    narration_percent: float
    by_side: dict[str, int]
    devices: dict[str, int]
    framing: FramingScore


@dataclass(frozen=True)
class RewriteComparison:
    """The original's opening and a rewrite measured alike; ``yours`` is None if the rewrite is unreadable."""

    original: OpeningMeasures
    yours: OpeningMeasures | None
    problem: str


def measure_opening(text: Article, label: str) -> OpeningMeasures:
    """Return the measures of an opening (an article of headline, dek and body paragraphs)."""
    share = voice_share(text, extract_quotes(text))
    return OpeningMeasures(
        label,
        share.total_words,
        share.quoted_words,
        round(100 * share.narration_share, 1),
        {side: words for side, words in share.by_side.items() if words},
        device_counts(find_devices(text)),
        score_framing(label, text.headline, text.dek or ""),
    )


@checked
def compare_rewrite(article: Article, text: object, paragraphs: int = 2) -> RewriteComparison:
    """Return the original's opening and the rewrite ``text`` measured alike, or what stops the reading.

    >>> from kit.article import load_article
    >>> compare_rewrite(load_article(), "").problem
    'Write your rewrite in q8 first.'
    """
    original = measure_opening(opening(article, paragraphs), "original")
    if not isinstance(text, str) or not text.strip():
        return RewriteComparison(original, None, "Write your rewrite in q8 first.")
    try:
        return RewriteComparison(original, measure_opening(read_rewrite(text, paragraphs), "yours"), "")
    except KitError as error:
        return RewriteComparison(original, None, f"The kit cannot read your rewrite yet: {error}")
