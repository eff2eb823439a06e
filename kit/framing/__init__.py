"""Framing: headline against body, framing devices, and frame coding with the Policy Frames Codebook.

- ``data``: the data files (device lexicon, codebook), read and checked.
- ``story``: headline and dek against the body; the limits of lexicon sentiment.
- ``devices``: framing devices in the body or a headline; the reframing lab's scores.
- ``coding``: frame and function coding, compared with the reference and across a class.
"""

from kit.agreement import ClassAgreement, Confusion
from kit.framing.coding import (
    NO_FUNCTION,
    CodedParagraph,
    CodingComparison,
    TagScheme,
    check_coding,
    class_agreement,
    coding_confusion,
    compare_coding,
    compare_tags,
    entman_scheme,
    example_class,
    export_coding,
    frame_scheme,
    load_class_codings,
    read_coding,
    reference_coding,
    reference_frames,
)
from kit.framing.data import (
    DEVICE_CATEGORIES,
    DEVICE_COLUMNS,
    Device,
    Frame,
    frame_names,
    frames,
    load_devices,
)
from kit.framing.devices import (
    DeviceHit,
    FramingScore,
    count_devices,
    device_counts,
    find_devices,
    original_framing,
    reframe,
    score_framing,
)
from kit.framing.story import (
    ContrastSentence,
    LexiconReading,
    StoryPart,
    contrast_sentences,
    lexicon_limits,
    story_parts,
)

__all__ = [
    "ClassAgreement",
    "CodedParagraph",
    "CodingComparison",
    "Confusion",
    "ContrastSentence",
    "DEVICE_CATEGORIES",
    "DEVICE_COLUMNS",
    "Device",
    "DeviceHit",
    "Frame",
    "FramingScore",
    "LexiconReading",
    "NO_FUNCTION",
    "StoryPart",
    "TagScheme",
    "check_coding",
    "class_agreement",
    "coding_confusion",
    "compare_coding",
    "compare_tags",
    "contrast_sentences",
    "count_devices",
    "device_counts",
    "entman_scheme",
    "example_class",
    "export_coding",
    "find_devices",
    "frame_names",
    "frame_scheme",
    "frames",
    "lexicon_limits",
    "load_class_codings",
    "load_devices",
    "read_coding",
    "reference_coding",
    "reference_frames",
    "original_framing",
    "reframe",
    "score_framing",
    "story_parts",
]
