"""The kit's hand-made annotation of the seed's quotes and reported speech (quotes_reference.json)."""

from __future__ import annotations

from kit.article import Article
from kit.datafiles import bundled, entries, read_json
from kit.errors import checked
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
    found = {(q.paragraph, _key(q.text)): q for q in _spans_only(article)}
    quotes = []
    for entry in entries(REFERENCE_FILE, _load_reference().get("quotes"), "quote"):
        text, kind, speaker = entry.text("text"), entry.choice("kind", KINDS), entry.get("speaker")
        span = found.get((entry.whole("paragraph", 1), _key(text)))
        if span is None:
            raise entry.fail("text", f"must be a quoted span of this article, not {text!r}.")
        if (kind == "term") != (speaker is None):
            raise entry.fail(
                "speaker", f"must be given for a {kind} quote and only for one (a term has none)."
            )
        quotes.append(
            Quote(span.paragraph, span.sentence, span.text, span.start, span.end, kind,
                  speaker, entry.get("role"), entry.get("side"))
        )  # fmt: skip
    return quotes


def _load_reference() -> dict:
    """Return the reference annotation: an object with 'quotes' and 'reported' lists."""
    return read_json(bundled(REFERENCE_FILE))


def reference_reported(article: Article) -> list[ReportedSpeech]:
    """Return the kit's hand-made list of the seed's reported speech, one entry per sentence."""
    reported = []
    for entry in entries(REFERENCE_FILE, _load_reference().get("reported"), "report"):
        paragraph = article.paragraph(entry.whole("paragraph", 1))
        sentence = next((s for s in paragraph.sentences if _report_verb(s.text)), paragraph.sentences[0])
        reported.append(
            ReportedSpeech(
                paragraph.number, sentence.number, sentence.text, entry.text("speaker"), None, "", ""
            )
        )
    return reported


def _report_verb(text: str) -> bool:
    return _VERB.search(_masked(text)) is not None and not text.lstrip().startswith(('"', "\u201c"))


def _spans_only(article: Article) -> list[Quote]:
    return [
        Quote(s.paragraph, s.number, q.text.strip('"\u201c\u201d').strip().rstrip(","),
              s.start + q.start, s.start + q.end, "term", None, None, None)
        for s in article.sentences
        for q in quoted_spans(s.text)
    ]  # fmt: skip
