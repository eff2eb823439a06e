"""Framing devices found in the body or in a headline, and the reframing lab's scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kit.article import Article, phrase_pattern
from kit.errors import InvalidInputError, checked
from kit.framing.data import DEVICE_CATEGORIES, Device, load_devices
from kit.text import sentiment


@dataclass(frozen=True)
class DeviceHit:
    """A device found in the body: which one, in which paragraph, and where (offsets into source)."""

    device: Device
    paragraph: int
    text: str
    start: int
    end: int


@checked
def find_devices(article: Article, devices: Sequence[Device] | None = None) -> list[DeviceHit]:
    """Return every device found in the body, in reading order; a longer phrase wins an overlap."""
    devices = load_devices() if devices is None else devices
    return [
        DeviceHit(device, paragraph.number, article.source[start:end], start, end)
        for paragraph in article.paragraphs
        for start, end, device in _matches(article.source, devices, paragraph.start, paragraph.end)
    ]


def _matches(
    text: str, devices: Sequence[Device], start: int = 0, end: int | None = None
) -> list[tuple[int, int, Device]]:
    """Return (start, end, device) for each device in text[start:end], in reading order; longer phrases
    win an overlap."""
    kept: list[tuple[int, int, Device]] = []
    for device in sorted(devices, key=lambda d: -len(d.phrase)):
        for match in phrase_pattern(device.phrase).finditer(text, start, len(text) if end is None else end):
            if all(match.end() <= s or match.start() >= e for s, e, _ in kept):
                kept.append((match.start(), match.end(), device))
    return sorted(kept, key=lambda k: k[0])


def device_counts(hits: Sequence[DeviceHit]) -> dict[str, int]:
    """Return how many devices of each category were found (every category listed, zeros included)."""
    counts = dict.fromkeys(DEVICE_CATEGORIES, 0)
    for hit in hits:
        counts[hit.device.category] += 1
    return counts


@dataclass(frozen=True)
class FramingScore:
    """A headline and dek as the kit measures them: sentiment, subjectivity and framing devices."""

    label: str
    text: str
    polarity: float
    subjectivity: float
    devices: dict[str, int]
    device_phrases: tuple[str, ...]


def count_devices(
    text: str, devices: Sequence[Device] | None = None
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Return the devices found in ``text`` per category, and the phrases found in reading order."""
    kept = _matches(text, load_devices() if devices is None else devices)
    counts = dict.fromkeys(DEVICE_CATEGORIES, 0)
    for _, _, device in kept:
        counts[device.category] += 1
    return counts, tuple(text[s:e] for s, e, _ in kept)


def score_framing(label: str, headline: str, dek: str = "") -> FramingScore:
    """Return the sentiment, subjectivity and framing devices of a headline and dek together."""
    if not isinstance(headline, str) or not headline.strip():
        raise InvalidInputError("Write a headline first: it must have at least one word.")
    text = f"{headline.strip()}. {dek.strip()}" if dek and dek.strip() else headline.strip()
    result = sentiment(text)
    counts, phrases = count_devices(text)
    return FramingScore(label, text, result.polarity, result.subjectivity, counts, phrases)


def original_framing(article: Article) -> FramingScore:
    """Return the article's own headline and dek, scored."""
    return score_framing("original", article.headline, article.dek or "")


def reframe(article: Article, headline: str, dek: str = "") -> tuple[FramingScore, FramingScore]:
    """Return the original headline and dek scored beside a rewritten pair, for comparison."""
    return original_framing(article), score_framing("yours", headline, dek)
