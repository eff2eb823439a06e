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

from dataclasses import dataclass
from pathlib import Path

from kit.datafiles import Source, bundled, entries, read_csv, read_json
from kit.errors import DataFileError, invalid

DEVICE_CATEGORIES = ("figurative", "hedge", "booster", "conflict", "minimizer")
DEVICE_COLUMNS = ("category", "phrase", "note")


@dataclass(frozen=True)
class Device:
    """A framing device in a lexicon: its category, the phrase, and a note on what it does."""

    category: str
    phrase: str
    note: str


def load_devices(path: str | Path | None = None) -> list[Device]:
    """Return the device lexicon from ``path`` (a CSV: category,phrase,note), or the kit's own."""
    source: Source = bundled("framing_devices.csv") if path is None else Path(path)
    if path is not None and not Path(path).is_file():
        allowed = "an existing lexicon file (a CSV; copy kit's framing_devices.csv to start)"
        raise invalid("path", str(path), allowed)
    rows = read_csv(source, DEVICE_COLUMNS[:2], optional=DEVICE_COLUMNS[2:], comments=True)
    return [
        Device(row.choice("category", DEVICE_CATEGORIES), row.text("phrase"), row.optional("note"))
        for row in rows
    ]


@dataclass(frozen=True)
class Frame:
    """A dimension of the Policy Frames Codebook: its number, name and the kit's short definition."""

    number: int
    name: str
    definition: str


def frames() -> list[Frame]:
    """Return the codebook's 15 frame dimensions with the kit's definitions, in the codebook's order."""
    source = bundled("policy_frames.json")
    rows = entries(source, read_json(source).get("frames"), "frame")
    result = [Frame(row.whole("number", 1, 15), row.text("name"), row.text("definition")) for row in rows]
    if [f.number for f in result] != list(range(1, 16)):
        raise DataFileError("policy_frames.json: must list the 15 frame dimensions numbered 1 to 15.")
    return result


def frame_names() -> list[str]:
    """Return the names of the 15 frame dimensions, in the codebook's order."""
    return [f.name for f in frames()]
