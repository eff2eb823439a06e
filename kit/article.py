"""Loading a news article from its plain-text file, and finding words in it.

The plain-text format (the seed's)::

    Headline : Section: Dek

    (one or more blank lines)
    First body paragraph.

    Second body paragraph.
    ...


    Credits paragraph (after two blank lines).

    Copyright line
    EDITION: line

Offsets of paragraphs and sentences index ``Article.source``, the file's text
with line endings normalised to ``\\n``.

Limits, so that no call hangs: an article file is a regular file whose name ends in ``.txt``, of at
most MAX_ARTICLE_CHARS characters (about 15,000 words, longer than any news story; loading one
that long takes under a second); a search phrase is at most MAX_PHRASE_CHARS characters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from kit.errors import ArticleFormatError, ArticleNotFoundError, checked, invalid, whole_number
from kit.store import read_regular
from kit.text import Span, Worded, sentence_spans, words

SEED_NAME = "us-japan-trade-talks-1994-05-25.txt"
MAX_ARTICLE_CHARS = 100_000
MAX_PHRASE_CHARS = 200

FORMAT_HELP = (
    "An article file starts with a headline line ('Headline : Section: Dek'), then body "
    "paragraphs separated by one blank line; after two blank lines may come a credits "
    "paragraph, a 'Copyright' line and an 'EDITION:' line."
)

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")  # two or more blank lines
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")  # one or more blank lines


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: its number in the article (1..n), its paragraph and its text."""

    number: int
    paragraph: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph(Worded):
    """A body paragraph: its number (1..n), its text, offsets and sentences."""

    number: int
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Fact:
    """One fact about the article with its source and how sure the source is."""

    value: str
    source: str
    confidence: str
    note: str = ""


@dataclass(frozen=True)
class KwicHit:
    """A keyword-in-context hit: where the phrase matched and the text either side.

    ``position`` places the hit on a paragraph scale: a hit in paragraph 3 lies
    between 2.5 (its first character) and 3.5 (its last).
    """

    paragraph: int
    sentence: int
    left: str
    match: str
    right: str
    start: int
    position: float


@dataclass(frozen=True)
class Article:
    """A parsed article: headline, section, dek, numbered body paragraphs and the trailer."""

    headline: str
    section: str | None
    dek: str | None
    paragraphs: tuple[Paragraph, ...]
    credits: str | None
    copyright: str | None
    edition: str | None
    source: str = field(repr=False)
    name: str = ""
    metadata: dict[str, Fact] = field(default_factory=dict, repr=False)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Return every body sentence in order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def published(self) -> date | None:
        """Return the publication date from the metadata, or None when there is none."""
        fact = self.metadata.get("published")
        return date.fromisoformat(fact.value) if fact else None

    @checked  # lessons call article.paragraph(n)
    def paragraph(self, number: int) -> Paragraph:
        """Return body paragraph ``number`` (counting from 1)."""
        return self.paragraphs[whole_number("paragraph number", number, 1, len(self.paragraphs)) - 1]

    def search(self, phrase: str, width: int = 40) -> list[KwicHit]:
        """Return every hit of ``phrase`` in the body (any case, whole words), in context."""
        return keyword_in_context(self, phrase, width)


def seed_names() -> list[str]:
    """Return the file names of the articles shipped in seeds/."""
    return sorted(p.name for p in resources.files("kit.seeds").iterdir() if p.name.endswith(".txt"))


@checked
def load_article(path: str | Path | None = None) -> Article:
    """Return the article at ``path``, or the seed article when no path is given."""
    if path is None:
        text = resources.files("kit.seeds").joinpath(SEED_NAME).read_text(encoding="utf-8")
        meta = resources.files("kit.seeds").joinpath(SEED_NAME[:-4] + ".json")
        return parse_article(text, name=SEED_NAME, metadata=_read_metadata(meta.read_text("utf-8")))
    path = Path(path)
    if not path.exists():
        raise ArticleNotFoundError(
            f"No article file at {str(path)!r}. The seed articles are: {', '.join(seed_names())} "
            "(call load_article() with no path for the seed)."
        )
    meta_path = path.with_suffix(".json")
    metadata = _read_metadata(_read_text(meta_path), meta_path.name) if meta_path.is_file() else {}
    return parse_article(_read_article(path), name=path.name, metadata=metadata)


def _read_article(path: Path) -> str:
    """Return the text of the article file ``path``, refusing what is not a plain-text article."""
    if path.suffix.lower() != ".txt":
        raise ArticleFormatError(
            f"path {path.name} is not a plain-text article file: load_article reads files whose names "
            f"end in .txt, not {path.suffix or 'no ending'}. {FORMAT_HELP}"
        )
    text = _read_text(path)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        raise ArticleFormatError(
            f"{path.name} holds JSON (a notebook or data file?), not a plain-text article. {FORMAT_HELP}"
        )
    return text


def _read_text(path: Path) -> str:
    try:
        data = read_regular(path, 4 * MAX_ARTICLE_CHARS)  # UTF-8 takes at most 4 bytes a character
    except ValueError as error:
        raise ArticleFormatError(f"{path.name} is not a plain-text article file: {error}.") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleFormatError(f"{path.name} is not UTF-8 text ({error.reason}).") from None
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleFormatError(f"{path.name} is larger than the limit of {MAX_ARTICLE_CHARS:,} characters.")
    return text


@checked
def parse_article(text: str, name: str = "article", metadata: dict[str, Fact] | None = None) -> Article:
    """Return the Article that ``text`` holds, in the plain-text format described above."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleFormatError(
            f"{name} is larger than the limit of {MAX_ARTICLE_CHARS:,} characters ({len(text):,} were given)."
        )
    source = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not source.strip():
        raise ArticleFormatError(f"{name} is empty. {FORMAT_HELP}")
    first, *later = _split_on(_BLOCK_BREAK, source)
    headline, section, dek = _split_headline(first.text.partition("\n")[0])
    body_blocks = [*_remainder_after_first_line(first), *later]
    trailer = body_blocks.pop() if len(body_blocks) > 1 else None
    paragraphs = _paragraphs(body_blocks)
    if not paragraphs:
        raise ArticleFormatError(f"{name} has a headline but no body paragraphs. {FORMAT_HELP}")
    credits, copyright_line, edition = _split_trailer(trailer)
    return Article(
        headline=headline,
        section=section,
        dek=dek,
        paragraphs=paragraphs,
        credits=credits,
        copyright=copyright_line,
        edition=edition,
        source=source,
        name=name,
        metadata=metadata or {},
    )


def keyword_in_context(article: Article, phrase: str, width: int = 40) -> list[KwicHit]:
    """Return each hit of ``phrase`` in the body with ``width`` characters either side."""
    if len(phrase) > MAX_PHRASE_CHARS:
        raise invalid("phrase", phrase, f"at most {MAX_PHRASE_CHARS} characters long")
    if not words(phrase):
        raise invalid("phrase", phrase, "a word or phrase with at least one letter or digit")
    whole_number("width", width, 0, 500)
    pattern = phrase_pattern(phrase)
    hits = []
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            for match in pattern.finditer(article.source, sentence.start, sentence.end):
                hits.append(_hit(article, paragraph, sentence, match, width))
    return hits


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Return a regex matching ``phrase`` as whole words, in any case, across any white space."""
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _hit(article: Article, paragraph: Paragraph, sentence: Sentence, match: re.Match, width: int):
    left = article.source[max(paragraph.start, match.start() - width) : match.start()]
    right = article.source[match.end() : min(paragraph.end, match.end() + width)]
    fraction = (match.start() - paragraph.start) / len(paragraph.text)
    return KwicHit(
        paragraph.number,
        sentence.number,
        left,
        match.group(),
        right,
        match.start(),
        position=paragraph.number - 0.5 + fraction,
    )


def _remainder_after_first_line(block: Span) -> list[Span]:
    """Return what follows the headline line in its block: the body, when only one blank line
    separates them."""
    _, _, rest = block.text.partition("\n")
    if not rest.strip():
        return []
    offset = block.start + len(block.text) - len(rest) + (len(rest) - len(rest.lstrip()))
    return [Span(rest.strip(), offset, offset + len(rest.strip()))]


def _split_headline(line: str) -> tuple[str, str | None, str | None]:
    headline, sep, rest = line.partition(" : ")
    if not sep:
        return line.strip(), None, None
    section, sep, dek = rest.partition(": ")
    if not sep:
        return headline.strip(), None, rest.strip() or None
    return headline.strip(), section.strip() or None, dek.strip() or None


def _paragraphs(blocks: list[Span]) -> tuple[Paragraph, ...]:
    spans = []
    for block in blocks:
        spans += [
            Span(piece.text, block.start + piece.start, block.start + piece.end)
            for piece in _split_on(_PARAGRAPH_BREAK, block.text)
        ]
    paragraphs, sentence_number = [], 0
    for number, span in enumerate(spans, start=1):
        sentences = []
        for piece in sentence_spans(span.text):
            sentence_number += 1
            start = span.start + piece.start
            sentences.append(Sentence(sentence_number, number, piece.text, start, start + len(piece.text)))
        paragraphs.append(Paragraph(number, span.text, span.start, span.end, tuple(sentences)))
    return tuple(paragraphs)


def _split_on(pattern: re.Pattern[str], text: str) -> list[Span]:
    pieces, start = [], 0
    for brk in [*pattern.finditer(text), None]:
        end = brk.start() if brk else len(text)
        chunk = text[start:end]
        if chunk.strip():
            offset = start + (len(chunk) - len(chunk.lstrip()))
            pieces.append(Span(chunk.strip(), offset, offset + len(chunk.strip())))
        start = brk.end() if brk else end
    return pieces


def _split_trailer(trailer: Span | None) -> tuple[str | None, str | None, str | None]:
    if trailer is None:
        return None, None, None
    credits, copyright_line, edition = [], None, None
    for line in trailer.text.splitlines():
        stripped = line.strip()
        if stripped.lower().startswith("copyright"):
            copyright_line = stripped
        elif stripped.upper().startswith("EDITION:"):
            edition = stripped.partition(":")[2].strip()
        elif stripped:
            credits.append(stripped)
    return " ".join(credits) or None, copyright_line, edition


def _read_metadata(text: str, name: str = SEED_NAME[:-4] + ".json") -> dict[str, Fact]:
    """Return the facts in a metadata file; each needs a value and a source."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleFormatError(f"{name} is not valid JSON: {error.msg} (line {error.lineno}).") from None
    if not isinstance(raw, dict):
        raise ArticleFormatError(f"{name} must hold a JSON object of facts, not a {type(raw).__name__}.")
    facts = {}
    for key, entry in raw.items():
        if not isinstance(entry, dict) or not {"value", "source", "confidence"} <= entry.keys():
            raise ArticleFormatError(
                f"{name}: fact {key!r} must be an object with 'value', 'source' and 'confidence' "
                "(and optionally 'note')."
            )
        facts[key] = Fact(*(str(entry.get(k, "")) for k in ("value", "source", "confidence", "note")))
    if "published" in facts:
        try:
            date.fromisoformat(facts["published"].value)
        except ValueError:
            raise ArticleFormatError(
                f"{name}: 'published' must be a date written YYYY-MM-DD, not {facts['published'].value!r}."
            ) from None
    return facts
