"""Headline and dek against the body, and the limits of lexicon sentiment on the story's phrases."""

from __future__ import annotations

from dataclasses import dataclass

from kit.article import Article, phrase_pattern
from kit.datafiles import Record, bundled, entries, read_json
from kit.errors import InvalidInputError, checked
from kit.text import Sentiment, sentiment


@dataclass(frozen=True)
class StoryPart:
    """A part of the story (headline, dek, lead, body, kicker), its text and its sentiment."""

    name: str
    text: str
    sentiment: Sentiment


@dataclass(frozen=True)
class ContrastSentence:
    """A body sentence that pulls against the headline and dek, with its score and why it matters."""

    paragraph: int
    text: str
    sentiment: Sentiment
    note: str


@checked
def story_parts(article: Article) -> list[StoryPart]:
    """Return headline, dek, lead (first paragraph), body (the middle) and kicker (last paragraph)."""
    if len(article.paragraphs) < 3:
        raise InvalidInputError("story_parts needs an article with at least three body paragraphs.")
    texts = [
        ("headline", article.headline),
        ("dek", article.dek or ""),
        ("lead", article.paragraphs[0].text),
        ("body", "\n\n".join(p.text for p in article.paragraphs[1:-1])),
        ("kicker", article.paragraphs[-1].text),
    ]
    return [StoryPart(name, text, sentiment(text)) for name, text in texts if text]


@checked
def contrast_sentences(article: Article) -> list[ContrastSentence]:
    """Return the body sentences the kit's reading picks as pulling against headline and dek, scored."""
    found = []
    source = bundled("framing_contrast.json")
    for entry in entries(source, read_json(source).get("sentences"), "sentence"):
        paragraph = article.paragraph(entry.whole("paragraph", 1))
        starts = entry.text("starts")
        match = [s for s in paragraph.sentences if s.text.startswith(starts)]
        if not match:
            allowed = f"must begin a sentence of paragraph {paragraph.number}, not {starts!r}."
            raise entry.fail("starts", allowed)
        text = match[0].text
        found.append(ContrastSentence(paragraph.number, text, sentiment(text), entry.text("note")))
    return found


@dataclass(frozen=True)
class LexiconReading:
    """A phrase as TextBlob's lexicon scores it (computed live) beside a careful reader's reading."""

    where: str
    phrase: str
    context: str
    polarity: float
    scored: tuple[tuple[str, float], ...]
    reader: str
    explanation: str

    @property
    def lexicon(self) -> str:
        """Return the lexicon's direction: positive, negative, or neutral (no word scored or near 0)."""
        return "positive" if self.polarity > 0.05 else "negative" if self.polarity < -0.05 else "neutral"

    @property
    def disagrees(self) -> bool:
        """Return True when the lexicon's direction differs from the reader's."""
        return self.lexicon != self.reader


@checked
def lexicon_limits(article: Article) -> list[LexiconReading]:
    """Return the kit's chosen phrases with the lexicon's live score and a reader's reading of each."""
    source = bundled("lexicon_limits.json")
    return [_reading(article, entry) for entry in entries(source, read_json(source).get("phrases"), "phrase")]


def _reading(article: Article, entry: Record) -> LexiconReading:
    where, phrase = entry.text("where"), entry.text("phrase")
    context = article.dek or "" if where == "dek" else article.paragraph(int(where)).text
    if not phrase_pattern(phrase).search(context):
        raise entry.fail("phrase", f"must occur in {where}, not {phrase!r}.")
    sentence = next(
        (s.text for s in _sentences_of(article, where) if phrase_pattern(phrase).search(s.text)), context
    )
    score = sentiment(phrase)
    return LexiconReading(
        where="dek" if where == "dek" else f"¶{where}",
        phrase=phrase,
        context=sentence,
        polarity=score.polarity,
        scored=tuple((" ".join(a.words), a.polarity) for a in score.assessments),
        reader=entry.choice("reader", ("positive", "negative", "neutral")),
        explanation=entry.text("explanation"),
    )


def _sentences_of(article: Article, where: str):
    return () if where == "dek" else article.paragraph(int(where)).sentences
