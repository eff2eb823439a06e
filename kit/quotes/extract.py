"""Quotations with their kind and speaker, and reported speech, found by the rules in kit.quotes.speakers."""

from __future__ import annotations

from dataclasses import dataclass

from kit.article import Article
from kit.errors import checked
from kit.quotes.shape import _MASK, _masked, quoted_spans
from kit.quotes.speakers import _VERB, _after_quote, _attribution, _before_quote, _People, _side, _Speaker
from kit.text import Worded, words


@dataclass(frozen=True)
class Quote(Worded):
    """A quoted span: where it is, its words, its kind, and who (if anyone) says it.

    ``start`` and ``end`` index ``Article.source`` and include the quotation marks;
    ``text`` is the words inside them. ``kind`` is "direct" (a full utterance),
    "partial" (a fragment inside the reporters' sentence) or "term" (a quoted term
    with no speaker, whose speaker and role are None).
    """

    paragraph: int
    sentence: int
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    role: str | None
    side: str | None


@dataclass(frozen=True)
class ReportedSpeech:
    """A sentence that tells what someone said, hoped or believed, in the reporters' words."""

    paragraph: int
    sentence: int
    text: str
    speaker: str
    role: str | None
    verb: str
    side: str


def _kind(masked_sentence: str, start: int, content: str, has_speaker: bool) -> str:
    """Return 'direct', 'partial' or 'term' for a quote starting at ``start`` in its sentence.

    A full utterance opening its sentence is direct even when no speaker is found
    (the speaker is then None); any other quote without a speaker is a quoted term.
    """
    lead = masked_sentence[:start].rstrip()
    lead = lead[lead.rfind(_MASK) + 1 :].strip() if _MASK in lead else lead.strip()
    full = content[:1].isupper() or content[:1].isdigit()
    if not has_speaker:
        return "direct" if full and not lead and len(words(content)) >= 3 else "term"
    return "direct" if full and (not lead or lead.endswith((",", ":"))) else "partial"


@checked
def extract_quotes(article: Article) -> list[Quote]:
    """Return every double-quoted span of the body in order, with its kind, speaker and role."""
    return _extract(article)[0]


@checked
def reported_speech(article: Article) -> list[ReportedSpeech]:
    """Return each body sentence that reports what someone said or thought without quoting it whole."""
    return _extract(article)[1]


def _extract(article: Article) -> tuple[list[Quote], list[ReportedSpeech]]:
    people = _People(article)
    quotes: list[Quote] = []
    reports: list[ReportedSpeech] = []
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            new = _sentence_quotes(sentence, article, people, quotes)
            quotes += new
            if all(q.kind != "direct" for q in new):
                report = _report(sentence, people)
                if report:
                    reports.append(report)
    return quotes, reports


def _sentence_quotes(sentence, article: Article, people: _People, earlier: list[Quote]) -> list[Quote]:
    masked = _masked(sentence.text)
    attribution = _attribution(masked, people)
    found: list[Quote] = []
    for span in quoted_spans(sentence.text):
        content = span.text.strip('"\u201c\u201d').strip().rstrip(",")
        speaker = _after_quote(masked, span.end, people) or _before_quote(masked, span.start, people)
        speaker = speaker or (attribution[0] if attribution else None)
        if speaker is None and content[:1].isupper() and not masked[: span.start].strip():
            speaker = _continued(earlier + found, sentence.paragraph)
        if speaker is not None:
            people.last = speaker
        kind = _kind(masked, span.start, content, speaker is not None)
        if kind == "partial" and found and found[-1].kind == "direct" and _resumes(masked, span.start):
            kind = "direct"  # '"We are ready," Smith said, "and we will wait."': one utterance, split
        found.append(
            Quote(
                paragraph=sentence.paragraph,
                sentence=sentence.number,
                text=content,
                start=sentence.start + span.start,
                end=sentence.start + span.end,
                kind=kind,
                speaker=speaker.label if speaker else None,
                role=speaker.role if speaker else None,
                side=_side(speaker.role, speaker.name is not None) if speaker else None,
            )
        )
    return found


def _resumes(masked: str, start: int) -> bool:
    """Return True when a quote resumes right after an attribution that follows another quote."""
    between = masked[:start].rstrip()
    return (
        _MASK in between
        and between.endswith(",")
        and _VERB.search(between[between.rfind(_MASK) :]) is not None
    )


def _continued(earlier: list[Quote], paragraph: int) -> _Speaker | None:
    """Return the speaker a new unattributed quote continues: the last quote's, in this or the last
    paragraph."""
    last = earlier[-1] if earlier else None
    if last is None or last.speaker is None or last.paragraph < paragraph - 1:
        return None
    return _Speaker(last.speaker if last.side != "anonymous" else None, last.speaker, last.role)


def _report(sentence, people: _People) -> ReportedSpeech | None:
    masked = _masked(sentence.text)
    attribution = _attribution(masked, people)
    if attribution is None:
        return None
    speaker, verb = attribution
    people.last = speaker
    return ReportedSpeech(
        sentence.paragraph,
        sentence.number,
        sentence.text,
        speaker.label,
        speaker.role,
        verb,
        _side(speaker.role, speaker.name is not None),
    )
