"""The kit's hand-made annotation of the seed's quotes and reported speech (quotes_reference.json)."""

from __future__ import annotations

import json
from importlib import resources

from kit.article import Article
from kit.errors import ArticleFormatError, checked
from kit.quotes.extract import Quote, ReportedSpeech
from kit.quotes.shape import _masked, quoted_spans
from kit.quotes.speakers import _VERB, KINDS
from kit.text import words

REFERENCE_FILE = "quotes_reference.json"


def _key(text: str) -> str:
    return " ".join(words(text)).casefold()


@checked
def reference_quotes(article: Article) -> list[Quote]:
    """Return the kit's hand-made annotation of the seed's quotes, checked against ``article``'s text."""
    data = _load_reference()
    found = {(q.paragraph, _key(q.text)): q for q in _spans_only(article)}
    quotes = []
    for entry in data["quotes"]:
        span = found.get((entry["paragraph"], _key(entry["text"])))
        if (
            span is None
            or entry["kind"] not in KINDS
            or (entry["kind"] == "term") != (entry["speaker"] is None)
        ):
            raise ArticleFormatError(
                f"quotes_reference.json: the quote {entry['text']!r} in paragraph {entry['paragraph']} "
                "is not a quoted span of this article, or its kind and speaker do not fit "
                f"(kinds: {', '.join(KINDS)}; a quoted term has no speaker)."
            )
        quotes.append(
            Quote(span.paragraph, span.sentence, span.text, span.start, span.end, entry["kind"],
                  entry["speaker"], entry["role"], entry["side"])
        )  # fmt: skip
    return quotes


def _load_reference() -> dict:
    """Return the reference annotation, checked to hold its quotes and reported speech."""
    try:
        data = json.loads(resources.files("kit.data").joinpath(REFERENCE_FILE).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ArticleFormatError(f"{REFERENCE_FILE} is not valid JSON: {error.msg}.") from None
    if not isinstance(data, dict) or not {"quotes", "reported"} <= data.keys():
        raise ArticleFormatError(f"{REFERENCE_FILE} must be an object with 'quotes' and 'reported' lists.")
    return data


@checked
def reference_reported(article: Article) -> list[ReportedSpeech]:
    """Return the kit's hand-made list of the seed's reported speech, one entry per sentence."""
    entries = []
    for entry in _load_reference()["reported"]:
        paragraph = article.paragraph(entry["paragraph"])
        sentence = next((s for s in paragraph.sentences if _report_verb(s.text)), paragraph.sentences[0])
        entries.append(
            ReportedSpeech(paragraph.number, sentence.number, sentence.text, entry["speaker"], None, "", "")
        )
    return entries


def _report_verb(text: str) -> bool:
    return _VERB.search(_masked(text)) is not None and not text.lstrip().startswith(('"', "\u201c"))


def _spans_only(article: Article) -> list[Quote]:
    return [
        Quote(s.paragraph, s.number, q.text.strip('"\u201c\u201d').strip().rstrip(","),
              s.start + q.start, s.start + q.end, "term", None, None, None)
        for s in article.sentences
        for q in quoted_spans(s.text)
    ]  # fmt: skip
