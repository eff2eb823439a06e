"""Frame coding with the Policy Frames Codebook and Entman's functions: checks, comparison, class files."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kit import agreement
from kit.agreement import ClassAgreement, Confusion, confusion, kappa_or_none, percent_agreement
from kit.datafiles import bundled, read_json
from kit.errors import DataFileError, InvalidInputError, checked, invalid
from kit.framing.data import frame_names, frames
from kit.store import write_files


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
            raise invalid(
                f"each paragraph number in {name!r}", key, "a whole number in digits only (such as '10')"
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
    data = read_json(bundled("frames_reference.json"))["frames"]
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
    tags = _frames(coding, "coding")
    both = [n for n in reference if n in tags]
    if not both:
        allowed = "a coding that shares at least one paragraph with the reference, to compare"
        raise invalid("coding", coding, allowed)
    return confusion([tags[n] for n in both], [reference[n] for n in both])


def read_coding(path: str | Path) -> dict[int, str]:
    """Return the frame coding in a student's exported file (a work file or {"frames": {...}})."""
    return _coding_in(Path(path), "path")


def _coding_in(path: Path, name: str) -> dict[int, str]:
    """Return the coding in ``path`` (a work file or {"frames": {...}}), its tags checked as ``name``."""
    data = read_json(path)
    answers = data.get("answers", data)
    found = answers.get("frames") if isinstance(answers, dict) else None
    if not isinstance(found, dict):
        raise DataFileError(f"{path.name}: must hold a frame coding: a work file or an object with 'frames'.")
    return _frames(found, name)


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
    data = read_json(bundled("frames_example_class.json"))["codings"]
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
    data = read_json(bundled("frames_reference.json"))["frames"]
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
    data = read_json(bundled("entman_reference.json"))
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


def export_coding(frames_coded: Mapping[int | str, str], coder: str, folder: str | Path) -> Path:
    """Write a frame coding to ``<coder>.frames.json`` in ``folder`` for the class; return the path."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}", coder):
        raise invalid("coder", coder, "1 to 40 letters, digits, '_' or '-', starting with a letter or digit")
    coding = _frames(frames_coded, "frames_coded")
    if not coding:
        raise InvalidInputError("there is nothing to export yet: code at least one paragraph first.")
    content = {"coder": coder, "frames": {str(n): frame for n, frame in coding.items()}}
    return write_files(folder, {f"{coder}.frames.json": json.dumps(content, indent=2, ensure_ascii=False)})[0]
