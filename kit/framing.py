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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kit.agreement import Confusion, cohen_kappa, confusion, fleiss_kappa, percent_agreement
from kit.article import Article, phrase_pattern
from kit.errors import ArticleFormatError, InvalidInputError
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


def load_devices(path: str | Path | None = None) -> list[Device]:
    """Return the device lexicon from ``path`` (a CSV: category,phrase,note), or the kit's own."""
    if path is None:
        text, name = _data_text("framing_devices.csv"), "framing_devices.csv"
    else:
        path = Path(path)
        if not path.is_file():
            raise InvalidInputError(
                f"No lexicon file at {str(path)!r}; copy kit's framing_devices.csv to start."
            )
        text, name = path.read_text(encoding="utf-8"), path.name
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


@dataclass(frozen=True)
class ClassAgreement:
    """Agreement in a class: every pair of coders' Cohen's kappa and Fleiss' kappa over all of them."""

    coders: tuple[str, ...]
    paragraphs: tuple[int, ...]
    pairwise: dict[tuple[str, str], float | None]
    fleiss: float | None


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


def check_coding(coding: Mapping[int | str, str], paragraph_count: int | None = None) -> dict[int, str]:
    """Return ``coding`` with paragraph numbers as ints, checking every frame is one of the 15."""
    names, checked = set(frame_names()), {}
    for key, frame in coding.items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            raise InvalidInputError(
                f"paragraph numbers must be whole numbers, but {key!r} was given."
            ) from None
        if frame not in names:
            raise InvalidInputError(
                f"paragraph {number}: {frame!r} is not a frame of the codebook; use one of: "
                f"{', '.join(names)}."
            )
        if number < 1 or (paragraph_count is not None and number > paragraph_count):
            raise InvalidInputError(f"paragraph {number} is not a body paragraph of the article.")
        checked[number] = frame
    return dict(sorted(checked.items()))


def reference_coding() -> list[CodedParagraph]:
    """Return the kit's reference coding: each body paragraph's primary frame and a rationale."""
    data = _data_json("frames_reference.json")["frames"]
    coding = check_coding({k: v["frame"] for k, v in data.items()})
    return [CodedParagraph(n, coding[n], data[str(n)]["rationale"]) for n in coding]


def reference_frames() -> dict[int, str]:
    """Return the reference coding as {paragraph: frame}."""
    return {c.paragraph: c.frame for c in reference_coding()}


def compare_coding(
    coding: Mapping[int | str, str], reference: Mapping[int, str] | None = None
) -> CodingComparison:
    """Return percent agreement, Cohen's kappa and the disagreements between a coding and the reference."""
    reference = reference_frames() if reference is None else check_coding(reference)
    coding = check_coding(coding)
    both = tuple(n for n in reference if n in coding)
    uncoded = tuple(n for n in reference if n not in coding)
    if not both:
        return CodingComparison((), 0.0, None, (), uncoded)
    mine, theirs = [coding[n] for n in both], [reference[n] for n in both]
    return CodingComparison(
        paragraphs=both,
        percent=percent_agreement(mine, theirs),
        kappa=_kappa_or_none(mine, theirs),
        disagreements=tuple((n, coding[n], reference[n]) for n in both if coding[n] != reference[n]),
        uncoded=uncoded,
    )


def _kappa_or_none(first: list[str], second: list[str]) -> float | None:
    if len(set(first)) == 1 and first == second:
        return None  # one shared category: kappa is undefined, percent agreement says it all
    return cohen_kappa(first, second)


def coding_confusion(
    coding: Mapping[int | str, str], reference: Mapping[int, str] | None = None
) -> Confusion:
    """Return the confusion table of a coding (first) against the reference (second)."""
    reference = reference_frames() if reference is None else check_coding(reference)
    coding = check_coding(coding)
    both = [n for n in reference if n in coding]
    if not both:
        raise InvalidInputError("no paragraph is coded in both codings, so there is nothing to compare.")
    return confusion([coding[n] for n in both], [reference[n] for n in both])


def read_coding(path: str | Path) -> dict[int, str]:
    """Return the frame coding in a student's exported file (a work file or {"frames": {...}})."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ArticleFormatError(f"{path.name} could not be read as JSON ({error}).") from None
    frames_found = data.get("answers", data).get("frames") if isinstance(data, dict) else None
    if not isinstance(frames_found, dict):
        raise ArticleFormatError(
            f"{path.name} holds no frame coding: expected a work file or an object with a 'frames' entry."
        )
    return check_coding(frames_found)


def load_class_codings(folder: str | Path) -> dict[str, dict[int, str]]:
    """Return every coding in ``folder``'s .json files, keyed by file name without its suffixes."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInputError(f"No folder at {str(folder)!r}: put each student's exported coding in one.")
    codings = {path.name.split(".")[0]: read_coding(path) for path in sorted(folder.glob("*.json"))}
    if len(codings) < 2:
        raise InvalidInputError(
            f"{folder} holds {len(codings)} coding file(s); class agreement needs two or more."
        )
    return codings


def class_agreement(codings: Mapping[str, Mapping[int | str, str]]) -> ClassAgreement:
    """Return pairwise Cohen's kappa and Fleiss' kappa over the paragraphs every coder coded."""
    checked = {name: check_coding(c) for name, c in codings.items()}
    if len(checked) < 2:
        raise InvalidInputError("class agreement needs at least two coders.")
    common = sorted(set.intersection(*(set(c) for c in checked.values())))
    if not common:
        raise InvalidInputError("no paragraph was coded by every coder, so there is nothing to compare.")
    names = tuple(checked)
    pairwise = {
        (a, b): _kappa_or_none([checked[a][n] for n in common], [checked[b][n] for n in common])
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    }
    rows = [[checked[name][n] for name in names] for n in common]
    single = len({code for row in rows for code in row}) == 1
    return ClassAgreement(names, tuple(common), pairwise, None if single else fleiss_kappa(rows))


def example_class() -> dict[str, dict[int, str]]:
    """Return the kit's example class: four invented students' codings of the seed's 20 paragraphs."""
    data = _data_json("frames_example_class.json")["codings"]
    return {name: check_coding(coding) for name, coding in data.items()}
