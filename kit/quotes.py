"""Quotations in the article: where quoted words fall, paragraph by paragraph."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from kit.article import Article
from kit.errors import ArticleFormatError, checked
from kit.text import Sentiment, Span, counted, sentiment, words

# A quotation opens with a straight or curly double quote and runs to its closing
# mark. News style leaves a quote open at the end of a paragraph when the same
# speaker goes on in the next one, so an unclosed quote runs to the end of the text.
_QUOTED = re.compile(r'"[^"]*(?:"|$)|\u201c[^\u201d]*(?:\u201d|$)')


@dataclass(frozen=True)
class ParagraphShape:
    """A paragraph's length in words and how many of those words are inside quotation marks."""

    number: int
    words: int
    quoted_words: int

    @property
    def narration_words(self) -> int:
        """Return the words the reporter writes in their own voice."""
        return self.words - self.quoted_words


@checked
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


# ---------------------------------------------------------------------------
# Who speaks: quotations with their kind and speaker, and reported speech.
#
# The rules are news-writing conventions, not this article's names:
#   "...," Name said.   "...," said Name, a role.   Name, the role, said, "..."
#   Title Name said ...   he/she added, "..."   a quote that goes on without a new
#   attribution continues the last speaker (also into the next paragraph)
#   a quoted term with no speaker in its sentence is a quoted term (an official name, a term of art,
#   the negotiators' own words), not a "scare quote", which would signal the writer's doubt.
# ---------------------------------------------------------------------------

KINDS = ("direct", "partial", "term")
SIDES = ("U.S. government", "Japanese government", "anonymous", "others")

_SAY = (
    r"said|says|say|added|adds|told|tells|stated|states|noted|notes|explained|explains|insisted|"
    r"insists|argued|argues|warned|warns|predicted|acknowledged|conceded|replied|declared|"
    r"continued|cautioned|complained|recalled|asked|wrote|writes|called"
)
_THINK = r"expressed hope|expressed confidence|believe|believes|believed|hope|hopes|hoped"
_VERB = re.compile(rf"(?<![\w-])(?:{_SAY}|{_THINK})(?![\w-])")
# A name or description after a verb: stops at a comma or a full stop, but not at the full stop of an
# abbreviation ("Sen.", "Dr.", "U.S.") or an initial ("John F. Kerr").
_WHO = r"(?:(?:[A-Z][a-z]{0,3}\.)+(?=\s|$)|[^,.;:\x00])+"
_ACCORDING = re.compile(rf"(?<![\w-])(?i:according) to\s+(?P<who>{_WHO})")
_MASK = "\x00"
_BOUNDARY = re.compile(r"[,;:()\x00\u2014]|--")
_LEADING_WORDS = {"but", "and", "so", "while", "as", "because", "although", "though", "yet", "that", "then"}
_PRONOUNS = {"he", "she", "they"}
_RELATIVE = {"who", "which", "whose", "whom", "that"}
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "some", "several", "many", "other", "another"}
_DETERMINERS |= {"his", "her", "its", "their", "both"}
_PERSON_NOUNS = re.compile(
    r"\b(?:officials?|analysts?|spokes(?:man|woman|person)|sources?|negotiators?|diplomats?|economists?|"
    r"experts?|aides?|members?|people|residents|leaders?|executives?|representatives?|supporters|critics|"
    r"opponents|government|administration|ministry|department|officers?|lawmakers|observers|advisers?|"
    r"director|chairman|chairwoman|minister|president|secretary|biologist|engineers?|scientists?|"
    r"workers?|union|council|businessmen|businesswomen|owners?)\b",
    re.IGNORECASE,
)
_TITLE_WORDS = {
    "President", "Minister", "Prime", "Foreign", "Trade", "Representative", "Secretary", "Senator", "Sen.",
    "Rep.", "Gov.", "Governor", "Mayor", "Chairman", "Chairwoman", "Chair", "Director", "Commissioner",
    "Ambassador", "Deputy", "Vice", "Chief", "Spokesman", "Spokeswoman", "Judge", "Dr.", "Mr.", "Ms.",
    "Mrs.", "Gen.", "General", "Adm.", "Councilman", "Councilwoman", "Finance", "Commerce", "Treasury",
    "Attorney", "Speaker", "Premier", "Chancellor", "Professor", "Prof.", "Economy", "Agriculture",
    "Labor", "Defense", "Industry", "Port", "Harbor", "City", "Manager", "Superintendent",
}  # fmt: skip
_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*")
_NAME_TOKEN = re.compile(r"[A-Z][\w'’-]*\.?$")
_SIDE_WORDS = {
    "U.S. government": re.compile(r"\bU\.S\.|\bAmerican\b|\bUnited States\b|\bWhite House\b|\bClinton\b"),
    "Japanese government": re.compile(r"\bJapan(?:ese)?\b|\bTokyo\b"),
}


@dataclass(frozen=True)
class Quote:
    """A quoted span: where it is, its words, its kind, and who (if anyone) says it.

    ``start`` and ``end`` index ``Article.source`` and include the quotation marks;
    ``text`` is the words inside them. ``kind`` is "direct" (a full utterance),
    "partial" (a fragment inside the reporter's sentence) or "term" (a quoted term
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

    @property
    def word_count(self) -> int:
        """Return how many words are inside the quotation marks."""
        return len(words(self.text))


@dataclass(frozen=True)
class ReportedSpeech:
    """A sentence that tells what someone said, hoped or believed, in the reporter's words."""

    paragraph: int
    sentence: int
    text: str
    speaker: str
    role: str | None
    verb: str
    side: str


@dataclass(frozen=True)
class _Speaker:
    name: str | None  # a proper name, or None for a description
    label: str  # what the kit prints: the full name, or the description
    role: str | None


def _masked(text: str) -> str:
    """Return ``text`` with every quoted stretch (marks included) replaced by NUL characters."""
    for span in quoted_spans(text):
        text = text[: span.start] + _MASK * (span.end - span.start) + text[span.end :]
    return text


def _clean_phrase(phrase: str) -> str:
    tokens = phrase.split()
    while tokens and tokens[0].lower() in _LEADING_WORDS:
        tokens = tokens[1:]
    return " ".join(tokens).strip(" .")


class _People:
    """The people an article names with a title ("Japanese Prime Minister Tsutomu Hata"), by surname."""

    def __init__(self, article: Article):
        self.by_name: dict[str, _Speaker] = {}
        self.last: _Speaker | None = None
        for paragraph in article.paragraphs:
            for run in _CAPITAL_RUN.finditer(_masked(paragraph.text)):
                tokens = run.group().split()
                titles = [i for i, token in enumerate(tokens) if token in _TITLE_WORDS]
                if titles and titles[-1] < len(tokens) - 1:
                    cut = titles[-1] + 1
                    self.add(_Speaker(" ".join(tokens[cut:]), " ".join(tokens[cut:]), " ".join(tokens[:cut])))

    def add(self, person: _Speaker) -> _Speaker:
        if person.name is None:
            return person
        known = self.by_name.get(person.name.split()[-1])
        if known and (known.name.endswith(person.name) or person.name.endswith(known.name)):
            if len(person.name) > len(known.name) or (person.role and not known.role):
                known = _Speaker(
                    max(person.name, known.name, key=len),
                    max(person.name, known.name, key=len),
                    person.role or known.role,
                )
                self.by_name[person.name.split()[-1]] = known
            return known
        self.by_name[person.name.split()[-1]] = person
        return person

    def resolve(self, phrase: str, role: str | None = None) -> _Speaker | None:
        """Return the speaker a phrase names: a pronoun is the last speaker; a surname, its full name."""
        phrase = _clean_phrase(phrase)
        if role and role.split()[0].lower() in _RELATIVE:
            role = None  # "one official, who spoke on condition of anonymity": no stated role
        if not phrase or len(phrase.split()) > 10 or _MASK in phrase:
            return None
        if phrase.lower() in _PRONOUNS:
            return self.last
        if phrase.lower() in {"i", "we", "it", "this", "that", "there"}:
            return None
        speaker = _split_speaker(phrase, role)
        if speaker is None:
            return None
        return self.add(speaker)


def _split_speaker(phrase: str, role: str | None) -> _Speaker | None:
    """Return a phrase split into a name and a role, or kept whole as a description."""
    head = re.split(r"\s(?:in|at|for|of|from|with|who|on)\s", phrase)[0]
    tokens = head.split()
    if not tokens or not tokens[0][:1].isalpha():
        return None
    name_tokens: list[str] = []
    for token in reversed(tokens):
        if _NAME_TOKEN.match(token) and token not in _TITLE_WORDS and not token.endswith("s."):
            name_tokens.insert(0, token)
        else:
            break
    starts_described = tokens[0].lower() in _DETERMINERS
    if starts_described and len(tokens) > 1 and all(t[:1].isupper() for t in tokens[1:]):
        name = " ".join(tokens[1:])
        return _Speaker(name, phrase[0].lower() + phrase[1:], role)
    if name_tokens and not starts_described and not _is_adjective_of_place(name_tokens):
        name = " ".join(name_tokens)
        title = " ".join(tokens[: len(tokens) - len(name_tokens)]) or None
        return _Speaker(name, name, role or title)
    whole = phrase.split()
    described = whole[1:] if starts_described else whole
    label = phrase[0].lower() + phrase[1:] if starts_described else phrase
    return _Speaker(None, label, role or " ".join(described) or None)


def _is_adjective_of_place(tokens: list[str]) -> bool:
    return tokens[-1].endswith(("ese", "ian", "ish")) or tokens[-1] in {"U.S.", "American"}


@checked
def side_of(speaker: str | None, role: str | None, named: bool) -> str | None:
    """Return the side a speaker stands for: a government, anonymous, or others (None: no speaker).

    >>> side_of("Mickey Kantor", "U.S. Trade Representative", True)
    'U.S. government'
    >>> side_of("a senior Administration official", "senior Administration official", False)
    'anonymous'
    """
    if speaker is None:
        return None
    if not named:
        return "anonymous"
    found = [side for side, pattern in _SIDE_WORDS.items() if pattern.search(role or "")]
    return found[0] if len(found) == 1 else "others"


def _after_quote(masked: str, end: int, people: _People) -> _Speaker | None:
    """Return the speaker named right after a quote: '..., Name said', '..., said Name, role'."""
    rest = masked[end:]
    after = re.match(rf"\s*,?\s*(?P<who>[^,;:\x00]{{1,80}}?)\s+(?:{_SAY})(?![\w-])", rest)
    if after and not re.search(rf"(?<![\w-])(?:{_SAY})(?![\w-])", after.group("who")):
        found = people.resolve(after.group("who"))
        if found:
            return found
    appositive = re.match(
        rf"\s*,?\s*(?P<who>[A-Z][^,\x00]{{0,60}}),\s*(?P<role>(?:the|a|an)\s[^,\x00]{{1,80}}),\s*(?:{_SAY})\b",
        rest,
    )
    if appositive:
        return people.resolve(appositive.group("who"), appositive.group("role").strip())
    inverted = re.match(
        rf"\s*,?\s*(?:{_SAY})\s+(?P<who>{_WHO})(?:,\s*(?P<role>[^.;\x00]+))?",
        rest,
    )
    if inverted:
        return people.resolve(inverted.group("who"), (inverted.group("role") or "").strip() or None)
    return None


def _before_quote(masked: str, start: int, people: _People) -> _Speaker | None:
    """Return the speaker who introduces a quote: 'Name said, "...', 'he added: "...'."""
    lead = re.search(rf"(?P<who>[^,;:\x00]{{1,80}}?)\s+(?:{_SAY})(?:\s+\w+)?\s*[,:]\s*$", masked[:start])
    return people.resolve(lead.group("who")) if lead else None


def _attribution(masked: str, people: _People) -> tuple[_Speaker, str] | None:
    """Return the first speaker and verb of a sentence's attribution outside its quotes."""
    for verb in _VERB.finditer(masked):
        before = masked[: verb.start()]
        cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
        phrase = _clean_phrase(before[cut:])
        saying = re.fullmatch(_SAY, verb.group()) is not None
        if phrase.split(" ")[0].lower() in _RELATIVE:
            continue
        if not phrase and before.rstrip().endswith(","):
            speaker = _before_comma(before, people)
            if speaker:
                return speaker, verb.group()
        if not phrase and saying and before.rstrip(" ,").endswith(_MASK):
            inverted = re.match(rf"\s+(?P<who>{_WHO})(?:,\s*(?P<role>[^.;\x00]+))?", masked[verb.end() :])
            if inverted and (found := people.resolve(inverted.group("who"), inverted.group("role"))):
                return found, verb.group()
            continue
        if not saying and not (_PERSON_NOUNS.search(phrase) or _split_is_name(phrase)):
            continue
        appositive = _appositive(before, cut, phrase)
        found = people.resolve(*appositive) if appositive else people.resolve(phrase)
        if found:
            return found, verb.group()
    according = _ACCORDING.search(masked)
    if according and (found := people.resolve(according.group("who"))):
        return found, "according to"
    return None


def _before_comma(before: str, people: _People) -> _Speaker | None:
    """Return the speaker of 'Name, the role, said' or 'Name, who ..., called'; None otherwise."""
    segments = [m.group().strip() for m in re.finditer(r"[^,;:()\x00]+", before) if m.group().strip()]
    if len(segments) < 2 or not before.rstrip(" ,")[-1:].isalnum() and before.rstrip(" ,")[-1:] not in "'’.":
        return None
    last, head = segments[-1], _clean_phrase(segments[-2])
    if last.split()[0].lower() in _RELATIVE:
        return people.resolve(head)
    if last.split()[0].lower() in {"a", "an", "the"} and _split_is_name(head):
        return people.resolve(head, last)
    return None


def _split_is_name(phrase: str) -> bool:
    speaker = _split_speaker(_clean_phrase(phrase), None) if phrase else None
    return speaker is not None and speaker.name is not None


def _appositive(before: str, cut: int, phrase: str) -> tuple[str, str] | None:
    """Return (name, role) for 'Name, a role, said'; None when the phrase is no appositive."""
    if not phrase or phrase[0].isupper() and phrase.split()[0].lower() not in {"a", "an", "the"}:
        return None
    earlier = before[: max(cut - 1, 0)]
    name = re.search(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*)\s*$", earlier)
    if not name or not before[:cut].rstrip().endswith(","):
        return None
    return name.group(1), phrase


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
    found = []
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
                side=side_of(speaker.label, speaker.role, speaker.name is not None) if speaker else None,
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
    if not earlier or earlier[-1].speaker is None or earlier[-1].paragraph < paragraph - 1:
        return None
    last = earlier[-1]
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
        side_of(speaker.label, speaker.role, speaker.name is not None),
    )


# ---------------------------------------------------------------------------
# The reference annotation, the extractor's accuracy, and whose voice fills the story.
# ---------------------------------------------------------------------------

NO_SPEAKER = "no speaker named"
REFERENCE_FILE = "quotes_reference.json"
NARRATION_LABEL = "the reporter's narration"


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
    """Words quoted per speaker and per side, and the words told in the reporter's own narration."""

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
        """Return the share (0..1) of the body's words told in the reporter's own narration."""
        return self.narration_words / self.total_words if self.total_words else 0.0


def _same(found: str | None, expected: str | None) -> bool:
    return (found or "").casefold() == (expected or "").casefold()


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


@checked
def narration_text(article: Article) -> str:
    """Return the body with every quoted stretch removed: the reporter's own words."""
    return "\n\n".join(_masked(p.text).replace(_MASK, "") for p in article.paragraphs)


@checked
def voices_sentiment(article: Article, quotes: list[Quote]) -> dict[str, Sentiment]:
    """Return the sentiment of each side's quoted words and of the reporter's narration."""
    result = {}
    for side in SIDES:
        said = [q.text for q in quotes if q.side == side]
        if said:
            result[side] = sentiment(" ".join(said))
    result[NARRATION_LABEL] = sentiment(narration_text(article))
    return result
