"""The extractor's accuracy against the reference, and whose voice fills the story."""

from __future__ import annotations

from dataclasses import dataclass

from kit.article import Article
from kit.errors import checked
from kit.quotes.extract import Quote
from kit.quotes.reference import _key
from kit.quotes.shape import _MASK, _masked
from kit.quotes.speakers import SIDES
from kit.text import Sentiment, sentiment
from kit.wording import counted

NO_SPEAKER = "no speaker named"
NARRATION_LABEL = "the reporters' narration"


@dataclass(frozen=True)
class QuoteCheck:
    """One quote of the reference beside what the extractor found for it (None: not found)."""

    paragraph: int
    text: str
    expected_kind: str
    found_kind: str | None
    expected_speaker: str | None
    found_speaker: str | None

    @property
    def agrees(self) -> bool:
        """Return True when the extractor found the span with the reference's kind and speaker."""
        return self.found_kind == self.expected_kind and _same(self.found_speaker, self.expected_speaker)


@dataclass(frozen=True)
class QuoteAccuracy:
    """How well extracted quotes match a reference: spans found, kinds and speakers right."""

    expected: int
    found: int
    spans_matched: int
    kinds_right: int
    speakers_right: int
    checks: tuple[QuoteCheck, ...]
    extra: tuple[str, ...]

    @property
    def summary(self) -> str:
        """Return the accuracy in one sentence."""
        extra = f"; {counted(len(self.extra), 'span')} not in the reference" if self.extra else ""
        return (
            f"Found {self.spans_matched} of {self.expected} quoted spans; kind right for "
            f"{self.kinds_right}, speaker right for {self.speakers_right}{extra}."
        )


@dataclass(frozen=True)
class VoiceShare:
    """Words quoted per speaker and per side, and the words told in the reporters' own narration."""

    by_speaker: dict[str, int]
    by_side: dict[str, int]
    quoted_words: int
    total_words: int

    @property
    def narration_words(self) -> int:
        """Return the body words outside quotation marks."""
        return self.total_words - self.quoted_words

    @property
    def narration_share(self) -> float:
        """Return the share (0..1) of the body's words told in the reporters' own narration."""
        return self.narration_words / self.total_words if self.total_words else 0.0


def _same(found: str | None, expected: str | None) -> bool:
    return (found or "").casefold() == (expected or "").casefold()


@checked
def quote_accuracy(found: list[Quote], reference: list[Quote]) -> QuoteAccuracy:
    """Return how many reference quotes ``found`` locates, and with the right kind and speaker."""
    by_place = {(q.paragraph, _key(q.text)): q for q in found}
    checks = []
    for ref in reference:
        hit = by_place.get((ref.paragraph, _key(ref.text)))
        checks.append(
            QuoteCheck(ref.paragraph, ref.text, ref.kind, hit.kind if hit else None, ref.speaker,
                       hit.speaker if hit else None)
        )  # fmt: skip
    known = {(q.paragraph, _key(q.text)) for q in reference}
    return QuoteAccuracy(
        expected=len(reference),
        found=len(found),
        spans_matched=sum(c.found_kind is not None for c in checks),
        kinds_right=sum(c.found_kind == c.expected_kind for c in checks),
        speakers_right=sum(
            c.found_kind is not None and _same(c.found_speaker, c.expected_speaker) for c in checks
        ),
        checks=tuple(checks),
        extra=tuple(q.text for q in found if (q.paragraph, _key(q.text)) not in known),
    )


@checked
def voice_share(article: Article, quotes: list[Quote]) -> VoiceShare:
    """Return the words each speaker and each side is quoted with, against the body's total words."""
    by_speaker: dict[str, int] = {}
    by_side = dict.fromkeys([*SIDES, NO_SPEAKER], 0)
    for quote in quotes:
        label = quote.speaker or NO_SPEAKER
        by_speaker[label] = by_speaker.get(label, 0) + quote.word_count
        side = quote.side or NO_SPEAKER
        by_side[side] = by_side.get(side, 0) + quote.word_count
    total = sum(p.word_count for p in article.paragraphs)
    return VoiceShare(by_speaker, by_side, sum(q.word_count for q in quotes), total)


def narration_text(article: Article) -> str:
    """Return the body with every quoted stretch removed: the reporters' own words."""
    return "\n\n".join(_masked(p.text).replace(_MASK, "") for p in article.paragraphs)


@checked
def voices_sentiment(article: Article, quotes: list[Quote]) -> dict[str, Sentiment]:
    """Return the sentiment of each side's quoted words and of the reporters' narration."""
    result = {}
    for side in SIDES:
        said = [q.text for q in quotes if q.side == side]
        if said:
            result[side] = sentiment(" ".join(said))
    result[NARRATION_LABEL] = sentiment(narration_text(article))
    return result
