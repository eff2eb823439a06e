"""Where quoted words fall: the quoted stretches of a text and each paragraph's share of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.article import Article
from kit.errors import checked
from kit.text import Span, words

# A quotation opens with a straight or curly double quote and runs to its closing
# mark. News style leaves a quote open at the end of a paragraph when the same
# speaker goes on in the next one, so an unclosed quote runs to the end of the text.
_QUOTED = re.compile(r'"[^"]*(?:"|$)|\u201c[^\u201d]*(?:\u201d|$)')


_MASK = "\x00"


@dataclass(frozen=True)
class ParagraphShape:
    """A paragraph's length in words and how many of those words are inside quotation marks."""

    number: int
    words: int
    quoted_words: int

    @property
    def narration_words(self) -> int:
        """Return the words the reporters write in their own voice."""
        return self.words - self.quoted_words


def quoted_spans(text: str) -> list[Span]:
    """Return the double-quoted stretches of ``text``, quotation marks included.

    >>> [s.text for s in quoted_spans('brings the two sides to the "starting line, not the goal."')]
    ['"starting line, not the goal."']
    """
    return [Span(m.group(), m.start(), m.end()) for m in _QUOTED.finditer(text)]


@checked
def story_shape(article: Article) -> list[ParagraphShape]:
    """Return each body paragraph's word count and quoted-word count, in order."""
    return [
        ParagraphShape(
            number=p.number,
            words=p.word_count,
            quoted_words=sum(len(words(span.text)) for span in quoted_spans(p.text)),
        )
        for p in article.paragraphs
    ]


def _masked(text: str) -> str:
    """Return ``text`` with every quoted stretch (marks included) replaced by NUL characters."""
    for span in quoted_spans(text):
        text = text[: span.start] + _MASK * (span.end - span.start) + text[span.end :]
    return text
