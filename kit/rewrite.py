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
from kit.errors import KitError, checked, invalid, whole_number
from kit.framing import FramingScore, device_counts, find_devices, score_framing
from kit.quotes import extract_quotes, voice_share
from kit.wording import counted

_SOURCES_LINE = re.compile(r"^\s*sources?\s*:", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
NO_REWRITE = "there is no rewrite yet"
OPENING_PARAGRAPHS = 2  # a rewrite of the opening: headline, dek and two body paragraphs
LAYOUT = "a headline line, a dek line, a blank line, then body paragraphs with a blank line between"
LAYOUT_HELP = (
    "A rewrite starts with two lines, the headline and then the dek; after a blank line come the "
    "body paragraphs, one blank line between each; a last line may start with 'Sources:'."
)


def _composed(headline: str, dek: str | None, paragraphs: Sequence[str], name: str) -> Article:
    """Return an article of ``paragraphs`` under ``headline`` and ``dek``, parsed as the kit parses any."""
    parsed = parse_article("Rewrite\n\n" + "\n\n".join(paragraphs) + "\n", name=name)
    # the headline and dek are set afterwards so that a " : " in them cannot be read as a section
    return replace(parsed, headline=headline, dek=dek or None, section=None)


def _blocks(text: str) -> list[str]:
    """Return a rewrite's blocks (the lines between blank lines), its "Sources:" line left out."""
    kept = "\n".join(line for line in text.replace("\r\n", "\n").split("\n") if not _SOURCES_LINE.match(line))
    return [block.strip() for block in _BLANK_LINES.split(kept.strip()) if block.strip()]


def layout_fault(text: str, paragraphs: int | None = None) -> str:
    """Return what stops the kit reading ``text`` as a rewrite, in a few words ("" when nothing does).

    >>> layout_fault("Talks Resume\\nA dek.\\nMore.\\n\\nThey met.")
    '3 lines come before the first blank line, where the headline and dek go'
    >>> layout_fault("Talks Resume\\nA dek.\\n\\nThey met.")
    ''
    """
    blocks = _blocks(text)
    head = blocks[0].split("\n") if blocks else []
    if not blocks:
        return "it is empty"
    if len(head) != 2 and len(blocks) == 1:
        return (
            f"it has {counted(len(head), 'line')} and no blank line: the headline and dek go on the first "
            "two lines, then a blank line"
        )
    if len(head) == 1:
        return (
            "only 1 line comes before the first blank line: the dek goes on the line right under the "
            "headline, with no blank line between"
        )
    if len(head) != 2:  # more than two: one line is handled above
        return f"{counted(len(head), 'line')} come before the first blank line, where the headline and dek go"
    if len(blocks) < 2:
        return "no body paragraph follows the headline and dek"
    if paragraphs is not None and len(blocks) - 1 != paragraphs:
        return f"it has {counted(len(blocks) - 1, 'body paragraph')} where {paragraphs} are asked"
    return ""


def sources_line(text: str) -> str:
    """Return the rewrite's "Sources:" line naming the original's paragraphs ("" if it has none)."""
    lines = [line.strip() for line in text.split("\n") if _SOURCES_LINE.match(line)]
    return next((line for line in lines if re.search(r"\d", line)), "")  # a paragraph number, ¶ or not


def read_rewrite(text: str, paragraphs: int | None = None) -> Article:
    """Return a rewritten opening (headline line, dek line, body paragraphs) as an Article.

    >>> mine = read_rewrite("Talks Resume\\nBoth sides claim a win.\\n\\nThey met.\\n\\nSources: ¶1")
    >>> mine.headline, mine.dek, [p.text for p in mine.paragraphs]
    ('Talks Resume', 'Both sides claim a win.', ['They met.'])
    """
    if paragraphs is not None:
        whole_number("paragraphs", paragraphs, 1)
    fault = layout_fault(text, paragraphs)
    if fault:
        raise invalid("text", text, f"a rewrite in the kit's layout ({LAYOUT}; here {fault})")
    blocks = _blocks(text)
    head, body = blocks[0].split("\n"), [" ".join(block.split()) for block in blocks[1:]]
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
    """The original's opening and a rewrite measured alike; ``yours`` is None if the rewrite is unreadable.

    ``problem`` says so, with the layout; ``fault`` is the reason alone, in a few words.
    """

    original: OpeningMeasures
    yours: OpeningMeasures | None
    problem: str
    fault: str = ""


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
def compare_rewrite(
    article: Article, text: object, paragraphs: int = OPENING_PARAGRAPHS
) -> RewriteComparison:
    """Return the original's opening and the rewrite ``text`` measured alike, or what stops the reading.

    >>> from kit.article import load_article
    >>> compare_rewrite(load_article(), "").problem
    'Write your rewrite in q8 first.'
    """
    original = measure_opening(opening(article, paragraphs), "original")
    if not isinstance(text, str) or not text.strip():
        return RewriteComparison(original, None, "Write your rewrite in q8 first.", NO_REWRITE)
    fault = layout_fault(text, paragraphs)
    if fault:
        return RewriteComparison(
            original, None, f"The kit cannot read your rewrite yet: {fault}. {LAYOUT_HELP}", fault
        )
    try:
        return RewriteComparison(original, measure_opening(read_rewrite(text, paragraphs), "yours"), "")
    except KitError as error:  # a layout the kit reads, and text it cannot (no headline word, say)
        return RewriteComparison(original, None, f"The kit cannot read your rewrite yet: {error}", str(error))
