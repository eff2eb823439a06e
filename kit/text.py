"""Offline text analysis: sentences, word tokens and lexicon sentiment.

Everything here runs on what ships inside installed packages: pysbd's rule-based
sentence segmenter, a regular-expression word tokenizer, and TextBlob's
PatternAnalyzer with its bundled lexicon. Nothing reads NLTK corpora, so nothing
can raise MissingCorpusError or reach for the network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pysbd

from kit.errors import checked, invalid

if TYPE_CHECKING:
    from kit.article import Article

# TextBlob is imported inside the two functions that use it: importing it imports NLTK, about
# 1 CPU-second, which every kernel that loads the article but scores no sentiment would pay.

# A word is an abbreviation with its hyphenated tail ("U.S.-Japanese"), a number
# ("131", "1,000", "2.5") or a run of letters joined by hyphens or apostrophes
# ("can't", "country's", "results-oriented"). Punctuation is never a word.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}(?:-\w+)*|\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*")


class Worded:
    """A stretch of text that counts its words (a paragraph, a quotation): mixed into its dataclass."""

    text: str

    @property
    def word_count(self) -> int:
        """Return how many words the text has."""
        return len(words(self.text))


@dataclass(frozen=True)
class Span:
    """A stretch of text and where it sits: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Assessment:
    """One scored chunk: the lexicon words that matched and the scores they gave."""

    words: tuple[str, ...]
    polarity: float
    subjectivity: float


@dataclass(frozen=True)
class Sentiment:
    """Polarity (-1 negative .. +1 positive), subjectivity (0 factual .. 1 opinion) and why."""

    polarity: float
    subjectivity: float
    assessments: tuple[Assessment, ...]


def _require_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise invalid(name, text, "text (a str)")
    return text


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


# pysbd's time grows with the square of a text's length (20 KB: 0.5 s, 100 KB: 10 s), so a long
# text is segmented in pieces of at most this many characters, cut where a sentence ends.
_PIECE = 2000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def _pieces(text: str) -> list[tuple[int, str]]:
    """Return ``text`` cut into (offset, piece) of at most _PIECE characters, at sentence ends if any."""
    pieces, start = [], 0
    while len(text) - start > _PIECE:
        window = text[start : start + _PIECE]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or _PIECE)
        pieces.append((start, window[:cut]))
        start += cut
    return [*pieces, (start, text[start:])]


def sentence_spans(text: str) -> list[Span]:
    """Return the sentences of ``text`` as spans, without surrounding white space."""
    text = _require_text(text)
    spans = []
    for offset, part in _pieces(text):
        for piece in _segmenter().segment(part):
            stripped = piece.sent.strip()
            if stripped:
                start = offset + piece.start + piece.sent.index(stripped)
                spans.append(Span(stripped, start, start + len(stripped)))
    return spans


def word_spans(text: str) -> list[Span]:
    """Return the word tokens of ``text`` (punctuation left out) with their offsets."""
    text = _require_text(text)
    return [Span(match.group(), match.start(), match.end()) for match in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    """Return the words of ``text``, punctuation left out.

    >>> words('"Starting line, not the goal."')
    ['Starting', 'line', 'not', 'the', 'goal']
    """
    return [span.text for span in word_spans(text)]


def phrase_forms(phrase: str) -> tuple[str, ...]:
    """Return ``phrase`` and the phrases with its last word singular or plural, as TextBlob inflects it.

    A form is kept only if inflecting it back gives the word again and it starts like the word, so
    "does" never becomes "do" and "us" never "u". Forms that are not English words find nothing.

    >>> phrase_forms("tariff"), phrase_forms("numerical targets"), phrase_forms("does")
    (('tariff', 'tariffs'), ('numerical targets', 'numerical target'), ('does',))
    """
    from textblob import Word

    *head, last = _require_text(phrase, "phrase").split()
    singular, plural = str(Word(last).singularize()), str(Word(last).pluralize())
    if singular != last and Word(singular).pluralize() == last:
        other = singular
    else:
        other = plural if Word(plural).singularize() == last else last
    kept = other.lower() != last.lower() and len(other) >= 3 and other[:3] == last[:3]
    return tuple(" ".join([*head, form]) for form in ([last, other] if kept else [last]))


def sentiment(text: str) -> Sentiment:
    """Return TextBlob's PatternAnalyzer sentiment of ``text`` with the assessments behind it.

    >>> sentiment("I am absolutely confident we will find a way").polarity
    0.5
    """
    from textblob.en.sentiments import PatternAnalyzer

    text = _require_text(text)
    result = PatternAnalyzer().analyze(text, keep_assessments=True)
    return Sentiment(
        polarity=result.polarity,
        subjectivity=result.subjectivity,
        assessments=tuple(
            Assessment(tuple(chunk), polarity, subjectivity)
            for chunk, polarity, subjectivity, _label in result.assessments
        ),
    )


@checked
def phrase_scores(phrases: Sequence[str]) -> list[tuple[str, float]]:
    """Return each phrase with the polarity the lexicon gives it on its own, to two decimals.

    >>> phrase_scores(["overly optimistic", "a firm commitment"])
    [('overly optimistic', 0.0), ('a firm commitment', -0.2)]
    """
    return [(phrase, round(sentiment(phrase).polarity, 2)) for phrase in phrases]


@checked
def sentiment_arc(article: Article) -> dict[int, Sentiment]:
    """Return the sentiment of each body paragraph, keyed by paragraph number."""
    return {p.number: sentiment(p.text) for p in article.paragraphs}
