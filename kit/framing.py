"""Framing: headline against body, framing devices, and frame coding with the Policy Frames Codebook.

Data files (kit/data/), each checked when loaded:

- ``framing_devices.csv``: the device lexicons (figurative language, hedges,
  boosters, conflict vocabulary, minimizers), one phrase a line; students extend it
  or pass their own file to ``load_devices``.
- ``policy_frames.json``: the codebook's 15 dimensions with the kit's short definitions.
- ``frames_reference.json``: the kit's reference coding of each body paragraph, with
  a one-line rationale.
- ``framing_contrast.json``: the body sentences that pull against headline and dek.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from kit import agreement
from kit.agreement import ClassAgreement, Confusion, confusion, kappa_or_none, percent_agreement
from kit.article import Article, phrase_pattern
from kit.errors import ArticleFormatError, InvalidInputError, checked, invalid
from kit.store import write_files
from kit.text import Sentiment, sentiment

DEVICE_CATEGORIES = ("figurative", "hedge", "booster", "conflict", "minimizer")
DEVICE_COLUMNS = ("category", "phrase", "note")


def _data_text(name: str) -> str:
    return resources.files("kit.data").joinpath(name).read_text(encoding="utf-8")


def _data_json(name: str) -> dict:
    try:
        data = json.loads(_data_text(name))
    except json.JSONDecodeError as error:
        raise ArticleFormatError(f"{name} is not valid JSON: {error.msg} (line {error.lineno}).") from None
    if not isinstance(data, dict):
        raise ArticleFormatError(f"{name} must hold a JSON object.")
    return data


# --- Headline and dek against the body -------------------------------------------------


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
    for entry in _data_json("framing_contrast.json")["sentences"]:
        paragraph = article.paragraph(entry["paragraph"])
        match = [s for s in paragraph.sentences if s.text.startswith(entry["starts"])]
        if not match:
            raise ArticleFormatError(
                f"framing_contrast.json: no sentence of paragraph {entry['paragraph']} starts with "
                f"{entry['starts']!r}."
            )
        found.append(
            ContrastSentence(paragraph.number, match[0].text, sentiment(match[0].text), entry["note"])
        )
    return found


# --- Framing devices -------------------------------------------------------------------


@dataclass(frozen=True)
class Device:
    """A framing device in a lexicon: its category, the phrase, and a note on what it does."""

    category: str
    phrase: str
    note: str


@dataclass(frozen=True)
class DeviceHit:
    """A device found in the body: which one, in which paragraph, and where (offsets into source)."""

    device: Device
    paragraph: int
    text: str
    start: int
    end: int


@checked
def load_devices(path: str | Path | None = None) -> list[Device]:
    """Return the device lexicon from ``path`` (a CSV: category,phrase,note), or the kit's own."""
    if path is None:
        text, name = _data_text("framing_devices.csv"), "framing_devices.csv"
    else:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            text = None
        if text is None:
            allowed = "an existing lexicon file (a CSV; copy kit's framing_devices.csv to start)"
            raise invalid("path", str(path), allowed)
        name = f"parameter 'path': {path.name}"
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines or [c.strip() for c in lines[0].split(",")] != list(DEVICE_COLUMNS):
        raise ArticleFormatError(f"{name} must start with the header line 'category,phrase,note'.")
    devices = []
    for number, line in enumerate(lines[1:], start=2):
        category, _, rest = line.partition(",")
        phrase, _, note = rest.partition(",")
        category, phrase = category.strip(), phrase.strip()
        if category not in DEVICE_CATEGORIES or not phrase:
            raise ArticleFormatError(
                f"{name}, device line {number}: {line!r} needs a category ({', '.join(DEVICE_CATEGORIES)}) "
                "and a phrase."
            )
        devices.append(Device(category, phrase, note.strip()))
    return devices


@checked
def find_devices(article: Article, devices: Sequence[Device] | None = None) -> list[DeviceHit]:
    """Return every device found in the body, in reading order; a longer phrase wins an overlap."""
    devices = load_devices() if devices is None else devices
    candidates = []
    for device in sorted(devices, key=lambda d: -len(d.phrase)):
        pattern = phrase_pattern(device.phrase)
        for paragraph in article.paragraphs:
            for match in pattern.finditer(article.source, paragraph.start, paragraph.end):
                candidates.append(
                    DeviceHit(device, paragraph.number, match.group(), match.start(), match.end())
                )
    kept: list[DeviceHit] = []
    for hit in candidates:  # longest phrases first
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


@checked
def device_counts(hits: Sequence[DeviceHit]) -> dict[str, int]:
    """Return how many devices of each category were found (every category listed, zeros included)."""
    counts = dict.fromkeys(DEVICE_CATEGORIES, 0)
    for hit in hits:
        counts[hit.device.category] += 1
    return counts


# --- Frame coding ----------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """A dimension of the Policy Frames Codebook: its number, name and the kit's short definition."""

    number: int
    name: str
    definition: str


@dataclass(frozen=True)
class CodedParagraph:
    """A paragraph's primary frame in a coding, with the coder's one-line rationale."""

    paragraph: int
    frame: str
    rationale: str


@dataclass(frozen=True)
class CodingComparison:
    """A coding compared with the reference on the paragraphs both coded."""

    paragraphs: tuple[int, ...]
    percent: float
    kappa: float | None
    disagreements: tuple[tuple[int, str, str], ...]  # (paragraph, this coding, reference)
    uncoded: tuple[int, ...]

    @property
    def summary(self) -> str:
        """Return the comparison in one sentence."""
        if not self.paragraphs:
            return "No paragraph is coded yet: choose a frame for a paragraph to compare."
        kappa = f"Cohen's kappa {self.kappa:.2f}" if self.kappa is not None else "kappa undefined"
        return (
            f"{len(self.paragraphs) - len(self.disagreements)} of {len(self.paragraphs)} coded paragraphs "
            f"agree with the reference ({self.percent:.0%}); {kappa}."
        )


def frames() -> list[Frame]:
    """Return the codebook's 15 frame dimensions with the kit's definitions, in the codebook's order."""
    data = _data_json("policy_frames.json")
    result = [Frame(int(f["number"]), f["name"], f["definition"]) for f in data["frames"]]
    if [f.number for f in result] != list(range(1, 16)):
        raise ArticleFormatError("policy_frames.json must list the 15 frame dimensions numbered 1 to 15.")
    return result


def frame_names() -> list[str]:
    """Return the names of the 15 frame dimensions, in the codebook's order."""
    return [f.name for f in frames()]


@checked
def check_coding(coding: Mapping[int | str, str], paragraph_count: int | None = None) -> dict[int, str]:
    """Return ``coding`` with paragraph numbers as ints, checking every frame is one of the 15."""
    return _frames(coding, "coding", paragraph_count)


def _frames(coding: Mapping, name: str, paragraph_count: int | None = None) -> dict[int, str]:
    """Return a coding checked against the codebook; errors name parameter ``name``."""
    return _tags(coding, frame_names(), "frame of the codebook", name, paragraph_count)


def _tags(
    tags: Mapping, allowed: Sequence[str], noun: str, name: str, paragraph_count: int | None
) -> dict[int, str]:
    """Return ``tags`` with paragraph numbers as ints, each tag one of ``allowed``; errors name ``name``."""
    if paragraph_count is not None and paragraph_count < 1:
        raise invalid("paragraph_count", paragraph_count, "a whole number of at least 1, or None")
    checked = {}
    for key, tag in tags.items():
        # int() would read "1_0" as 10 and " 3" as 3: a paragraph key is a whole number or its digits only
        digits = isinstance(key, str) and key.isascii() and key.isdigit()
        if not digits and (not isinstance(key, int) or isinstance(key, bool)):
            raise InvalidInputError(
                f"parameter {name!r}: paragraph numbers must be whole numbers in digits only "
                f"(such as '10'), but {key!r} was given."
            )
        number = int(key)
        if tag not in allowed:
            raise InvalidInputError(
                f"parameter {name!r}, paragraph {number}: {tag!r} is not a {noun}; use one of: "
                f"{', '.join(allowed)}."
            )
        if number < 1 or (paragraph_count is not None and number > paragraph_count):
            count = "" if paragraph_count is None else f" (paragraph_count is {paragraph_count})"
            raise InvalidInputError(
                f"parameter {name!r}: paragraph {number} is not a body paragraph of the article{count}."
            )
        checked[number] = tag
    return dict(sorted(checked.items()))


def reference_coding() -> list[CodedParagraph]:
    """Return the kit's reference coding: each body paragraph's primary frame and a rationale."""
    data = _data_json("frames_reference.json")["frames"]
    coding = check_coding({k: v["frame"] for k, v in data.items()})
    return [CodedParagraph(n, coding[n], data[str(n)]["rationale"]) for n in coding]


def reference_frames() -> dict[int, str]:
    """Return the reference coding as {paragraph: frame}."""
    return {c.paragraph: c.frame for c in reference_coding()}


@checked
def compare_coding(
    coding: Mapping[int | str, str], reference: Mapping[int, str] | None = None
) -> CodingComparison:
    """Return percent agreement, Cohen's kappa and the disagreements between a coding and the reference."""
    scheme = frame_scheme()
    if reference is not None:
        scheme = replace(scheme, reference=_frames(reference, "reference"))
    return _compare(coding, scheme, "coding")


@checked
def coding_confusion(
    coding: Mapping[int | str, str], reference: Mapping[int, str] | None = None
) -> Confusion:
    """Return the confusion table of a coding (first) against the reference (second)."""
    if reference is None:
        reference = reference_frames()
    else:
        reference = _frames(reference, "reference")
    checked_coding = _frames(coding, "coding")
    both = [n for n in reference if n in checked_coding]
    if not both:
        allowed = "a coding that shares at least one paragraph with the reference, to compare"
        raise invalid("coding", coding, allowed)
    coding = checked_coding
    return confusion([coding[n] for n in both], [reference[n] for n in both])


@checked
def read_coding(path: str | Path) -> dict[int, str]:
    """Return the frame coding in a student's exported file (a work file or {"frames": {...}})."""
    return _coding_in(Path(path), "path")


def _coding_in(path: Path, name: str) -> dict[int, str]:
    """Return the coding in ``path``; errors name the file and parameter ``name``."""
    file = f"parameter {name!r}: {path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ArticleFormatError(f"{file} could not be read as JSON ({error}).") from None
    frames_found = data.get("answers", data).get("frames") if isinstance(data, dict) else None
    if not isinstance(frames_found, dict):
        raise ArticleFormatError(
            f"{file} holds no frame coding: expected a work file or an object with a 'frames' entry."
        )
    return _frames(frames_found, name)


@checked
def load_class_codings(folder: str | Path) -> dict[str, dict[int, str]]:
    """Return every coding in ``folder``'s .json files, keyed by file name without its suffixes."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInputError(f"No folder at {str(folder)!r}: put each student's exported coding in one.")
    codings = {path.name.split(".")[0]: _coding_in(path, "folder") for path in sorted(folder.glob("*.json"))}
    if len(codings) < 2:
        raise InvalidInputError(
            f"{folder} holds {len(codings)} coding file(s); class agreement needs two or more."
        )
    return codings


@checked
def class_agreement(codings: Mapping[str, Mapping[int | str, str]]) -> ClassAgreement:
    """Return pairwise Cohen's kappa and Fleiss' kappa over the paragraphs every coder coded."""
    return agreement.class_agreement({name: _frames(c, "codings") for name, c in codings.items()})


def example_class() -> dict[str, dict[int, str]]:
    """Return the kit's example class: four invented students' codings of the seed's 20 paragraphs."""
    data = _data_json("frames_example_class.json")["codings"]
    return {name: check_coding(coding) for name, coding in data.items()}


# --- Tagging schemes: frames and Entman's four functions, one way of coding paragraphs ------

NO_FUNCTION = "none of the four"


@dataclass(frozen=True)
class TagScheme:
    """A way of tagging each body paragraph: the tags with definitions, and the kit's reference tags."""

    name: str
    work_key: str
    definitions: dict[str, str]
    reference: dict[int, str]
    rationale: dict[int, str]

    @checked
    def check(self, tags: Mapping[int | str, str], paragraph_count: int | None = None) -> dict[int, str]:
        """Return ``tags`` with paragraph numbers as ints, checking each tag is one of the scheme's."""
        return _tags(tags, list(self.definitions), self.name, "tags", paragraph_count)


def frame_scheme() -> TagScheme:
    """Return the Policy Frames Codebook as a tagging scheme, with the kit's reference coding."""
    data = _data_json("frames_reference.json")["frames"]
    coding = check_coding({k: v["frame"] for k, v in data.items()})
    return TagScheme(
        "frame",
        "frames",
        {f.name: f.definition for f in frames()},
        coding,
        {int(k): v["rationale"] for k, v in data.items()},
    )


def entman_scheme() -> TagScheme:
    """Return Entman's four framing functions (plus 'none of the four') with the kit's reference tags."""
    data = _data_json("entman_reference.json")
    definitions = dict(data["functions"])
    scheme = TagScheme("framing function", "entman", definitions, {}, {})
    reference = scheme.check({k: v["function"] for k, v in data["paragraphs"].items()})
    return TagScheme(
        "framing function",
        "entman",
        definitions,
        reference,
        {int(k): v["rationale"] for k, v in data["paragraphs"].items()},
    )


@checked
def compare_tags(tags: Mapping[int | str, str], scheme: TagScheme) -> CodingComparison:
    """Return percent agreement, Cohen's kappa and disagreements of ``tags`` against the reference."""
    return _compare(tags, scheme, "tags")


def _compare(tags: Mapping, scheme: TagScheme, name: str) -> CodingComparison:
    reference = scheme.reference
    tags = _tags(tags, list(scheme.definitions), scheme.name, name, None)
    both = tuple(n for n in reference if n in tags)
    uncoded = tuple(n for n in reference if n not in tags)
    if not both:
        return CodingComparison((), 0.0, None, (), uncoded)
    mine, theirs = [tags[n] for n in both], [reference[n] for n in both]
    return CodingComparison(
        paragraphs=both,
        percent=percent_agreement(mine, theirs),
        kappa=kappa_or_none(mine, theirs),
        disagreements=tuple((n, tags[n], reference[n]) for n in both if tags[n] != reference[n]),
        uncoded=uncoded,
    )


# --- The limits of lexicon sentiment ------------------------------------------------------


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
    readings = []
    for entry in _data_json("lexicon_limits.json")["phrases"]:
        where = entry["where"]
        context = article.dek or "" if where == "dek" else article.paragraph(int(where)).text
        if not phrase_pattern(entry["phrase"]).search(context):
            raise ArticleFormatError(f"lexicon_limits.json: {entry['phrase']!r} does not occur in {where}.")
        if entry["reader"] not in ("positive", "negative", "neutral"):
            raise ArticleFormatError("lexicon_limits.json: reader must be positive, negative or neutral.")
        sentence = next(
            (s.text for s in _sentences_of(article, where) if phrase_pattern(entry["phrase"]).search(s.text)),
            context,
        )
        score = sentiment(entry["phrase"])
        readings.append(
            LexiconReading(
                where="dek" if where == "dek" else f"¶{where}",
                phrase=entry["phrase"],
                context=sentence,
                polarity=score.polarity,
                scored=tuple((" ".join(a.words), a.polarity) for a in score.assessments),
                reader=entry["reader"],
                explanation=entry["explanation"],
            )
        )
    return readings


def _sentences_of(article: Article, where: str):
    return () if where == "dek" else article.paragraph(int(where)).sentences


# --- The reframing lab --------------------------------------------------------------------


@dataclass(frozen=True)
class FramingScore:
    """A headline and dek as the kit measures them: sentiment, subjectivity and framing devices."""

    label: str
    text: str
    polarity: float
    subjectivity: float
    devices: dict[str, int]
    device_phrases: tuple[str, ...]


@checked
def count_devices(
    text: str, devices: Sequence[Device] | None = None
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Return the devices found in ``text`` per category, and the phrases found, longer phrases first."""
    devices = load_devices() if devices is None else devices
    kept: list[tuple[int, int, Device]] = []
    for device in sorted(devices, key=lambda d: -len(d.phrase)):
        for match in phrase_pattern(device.phrase).finditer(text):
            if all(match.end() <= s or match.start() >= e for s, e, _ in kept):
                kept.append((match.start(), match.end(), device))
    counts = dict.fromkeys(DEVICE_CATEGORIES, 0)
    for _, _, device in kept:
        counts[device.category] += 1
    return counts, tuple(text[s:e] for s, e, _ in sorted(kept, key=lambda k: k[0]))


@checked
def score_framing(label: str, headline: str, dek: str = "") -> FramingScore:
    """Return the sentiment, subjectivity and framing devices of a headline and dek together."""
    if not isinstance(headline, str) or not headline.strip():
        raise InvalidInputError("Write a headline first: it must have at least one word.")
    text = f"{headline.strip()}. {dek.strip()}" if dek and dek.strip() else headline.strip()
    result = sentiment(text)
    counts, phrases = count_devices(text)
    return FramingScore(label, text, result.polarity, result.subjectivity, counts, phrases)


@checked
def reframe(article: Article, headline: str, dek: str = "") -> tuple[FramingScore, FramingScore]:
    """Return the original headline and dek scored beside a rewritten pair, for comparison."""
    return score_framing("original", article.headline, article.dek or ""), score_framing(
        "yours", headline, dek
    )


@checked
def export_coding(frames_coded: Mapping[int | str, str], coder: str, folder: str | Path) -> Path:
    """Write a frame coding to ``<coder>.frames.json`` in ``folder`` for the class; return the path."""
    if not isinstance(coder, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}", coder):
        raise InvalidInputError(
            f"coder must be 1 to 40 letters, digits, '_' or '-', but {coder!r} was given."
        )
    coding = _frames(frames_coded, "frames_coded")
    if not coding:
        raise InvalidInputError("there is nothing to export yet: code at least one paragraph first.")
    content = {"coder": coder, "frames": {str(n): frame for n, frame in coding.items()}}
    return write_files(folder, {f"{coder}.frames.json": json.dumps(content, indent=2, ensure_ascii=False)})[0]
