"""The framing data files (kit/data/), each checked when loaded: the device lexicon and the codebook.

- ``framing_devices.csv``: the device lexicons (figurative language, hedges,
  boosters, conflict vocabulary, minimizers), one phrase a line; students extend it
  or pass their own file to ``load_devices``.
- ``policy_frames.json``: the codebook's 15 dimensions with the kit's short definitions.
- ``frames_reference.json``: the kit's reference coding of each body paragraph, with
  a one-line rationale; ``entman_reference.json``: the same for Entman's four functions.
- ``framing_contrast.json``: the body sentences that pull against headline and dek.
- ``lexicon_limits.json``: phrases the lexicon misreads, with a careful reader's reading.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kit.errors import ArticleFormatError, checked, invalid

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


@dataclass(frozen=True)
class Device:
    """A framing device in a lexicon: its category, the phrase, and a note on what it does."""

    category: str
    phrase: str
    note: str


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


@dataclass(frozen=True)
class Frame:
    """A dimension of the Policy Frames Codebook: its number, name and the kit's short definition."""

    number: int
    name: str
    definition: str


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
