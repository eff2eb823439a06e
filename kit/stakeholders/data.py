"""The stakeholder data files: the registry of actors, the reference grid and the game's presets.

``kit/data/stakeholders.json`` lists every actor the article names or implies,
each with its evidence (a paragraph, or a publication or document with its date);
``stakeholders_grid.json`` holds the kit's reference power-interest placement and
``stakeholders_game.json`` the two-level game's presets. Both of the latter are
teaching judgements, not data, and say so. Each loader validates its file and
names the file, the entry and the field of anything wrong. Nothing here computes
an analysis beyond the grid's quadrant rule, which a placement carries.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import reprlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kit.datafiles import Record, bundled, entries, read_json
from kit.errors import DataFileError, checked, invalid

T = TypeVar("T")

REGISTRY_FILE = "stakeholders.json"
GRID_FILE = "stakeholders_grid.json"
GAME_FILE = "stakeholders_game.json"
ACTOR_SIDES = ("United States", "Japan", "both", "neither")  # which side of the talks an actor is on
TYPES = ("person", "government", "institution", "anonymous source", "sector", "observers")
PRESENTED = ("quoted", "paraphrased", "mentioned", "implied")
STANCES = ("against", "compromise", "for", "not stated")
FIELDS = (
    *("id", "name", "side", "type", "presented", "paragraphs", "aliases", "stance", "position"),
    *("interests", "evidence"),
)
GAME_SIDES = ("United States", "Japan")  # the two negotiating sides of the two-level game
QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")
HIGH = 5  # on the 0-10 scales, 5 and above count as high power or high interest
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# A source opens with its publication or document, then its date: "LA Times, 12 Feb 1994, <URL>".
_SOURCE = re.compile(rf"[^,:]*[A-Za-z][^,:]*, (\d{{1,2}}(-\d{{1,2}})? )?({_MONTHS}) (19|20)\d\d\b")
# A file name in place of a publication is a working note that students cannot open.
_FILE_NAME = re.compile(r"\w\.(md|txt|docx?)\b", re.IGNORECASE)
_SOURCE_FORM = "'Publication, 12 Feb 1994, <URL>'"


@dataclass(frozen=True)
class Evidence:
    """Where a claim about an actor comes from: a paragraph of the article, or a dated publication."""

    paragraph: int | None
    source: str | None
    note: str

    @property
    def cite(self) -> str:
        """Return the citation: ``¶11`` or the source text."""
        return f"\u00b6{self.paragraph}" if self.paragraph is not None else str(self.source)


@dataclass(frozen=True)
class Actor:
    """One actor of the story: who, which side, how the article presents it, and on what evidence."""

    id: str
    name: str
    side: str
    type: str
    presented: str
    paragraphs: tuple[int, ...]
    aliases: tuple[str, ...]
    stance: str
    position: str
    interests: str
    evidence: tuple[Evidence, ...]

    @property
    def implied(self) -> bool:
        """Return True when the article never names the actor (the kit names it)."""
        return self.presented == "implied"


@dataclass(frozen=True)
class Placement:
    """An actor placed on the power-interest grid (0-10 each), with the reason for the placement."""

    actor: str
    power: float
    interest: float
    label: str = ""
    rationale: str = ""

    @property
    def quadrant(self) -> str:
        """Return the grid's advice for this placement: manage closely, keep satisfied, ..."""
        return quadrant(self.power, self.interest)


@dataclass(frozen=True)
class Constituent:
    """A domestic constituent: its ideal outcome (0-100) and the pressure it brings (a weight >= 0)."""

    name: str
    ideal: float
    weight: float


@dataclass(frozen=True)
class Preset:
    """A moment of the talks as a two-level game: illustrative parameters and the facts they stand for."""

    name: str
    note: str
    quota: float
    tolerances: dict[str, float]
    constituents: dict[str, tuple[Constituent, ...]]


# ---------------------------------------------------------------- checks shared by the three files


def _in_range(value: object, low: float, high: float) -> bool:
    """Return True if ``value`` is a finite real number (not a bool) from ``low`` to ``high``."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return ok and low <= value <= high  # type: ignore[operator]  # ok says value is a real number


def _bounded(record: Record, field: str, low: float, high: float = math.inf) -> float:
    """Return ``field`` of ``record`` as a number from ``low`` to ``high``, or raise DataFileError."""
    value = record.get(field)
    if not _in_range(value, low, high):
        allowed = f"from {low:g} to {high:g}" if high < math.inf else f"of at least {low:g}"
        raise record.fail(field, f"must be a number {allowed}, not {reprlib.repr(value)}.")
    return float(value)


def _named(record: Record, key: str) -> Record:
    """Return ``record`` with its entry named by ``key`` too, as messages give it: "actor 2 (kantor)"."""
    return dataclasses.replace(record, where=f"{record.where} ({record.fields.get(key, 'no ' + key)})")


def _items(data: object, name: str, key: str, what: str) -> list[Record]:
    """Return the entries of the list ``data[key]`` (at least one), each named by its ``what``."""
    if not isinstance(data, dict):
        allowed = f"a JSON object whose {key!r} lists the {what}s"
        raise DataFileError(f"{name}: must hold {allowed}, not {reprlib.repr(data)}.")
    found = entries(name, data.get(key), what)
    if not found:
        raise DataFileError(f"{name}, field {key!r}: must list at least one {what}, not [].")
    return found


def _one(found: Mapping[str, T], name: str, value: str, allowed: str, sep: str) -> T:
    """Return ``found[value]``, or raise InvalidInputError listing the keys there are in ``allowed``."""
    if value in found:
        return found[value]
    raise invalid(name, value, allowed.format(sep.join(found)))


# ---------------------------------------------------------------- the registry of actors


def is_cited_source(source: object) -> bool:
    """Return True if ``source`` opens with a publication or document and its date, and names no file."""
    return isinstance(source, str) and bool(_SOURCE.match(source)) and not _FILE_NAME.search(source)


def _is_paragraph(value: object, paragraphs: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= paragraphs


def _evidence(record: Record, paragraphs: int) -> tuple[Evidence, ...]:
    raw = record.get("evidence")
    if not isinstance(raw, list) or not raw:
        raise record.fail("evidence", f"must list at least one paragraph or dated source, not {raw!r}.")
    found = []
    for item in raw:
        paragraph = item.get("paragraph") if isinstance(item, dict) else None
        source = item.get("source") if isinstance(item, dict) else None
        if (paragraph is None) == (source is None):  # an item that is not an object gives neither
            raise record.fail("evidence", f"must give each item a paragraph or a source, not {item!r}.")
        if paragraph is not None and not _is_paragraph(paragraph, paragraphs):
            raise record.fail("evidence", f"must cite paragraphs from 1 to {paragraphs}, not {paragraph!r}.")
        if source is not None and not is_cited_source(source):
            allowed = f"a publication or document (not a file), then its date, as {_SOURCE_FORM}"
            raise record.fail("evidence", f"must give each source as {allowed}, not {source!r}.")
        note = str(item.get("note", "")).strip()
        if source is not None and not note:
            raise record.fail("evidence", f"must give source {source!r} a 'note' saying what it reports.")
        found.append(Evidence(paragraph, source, note))
    return tuple(found)


def _actor(record: Record, paragraphs: int) -> Actor:
    missing = [f for f in FIELDS if f not in record.fields]
    if missing:
        raise record.fail(missing[0], f"must be given, as every actor gives {', '.join(FIELDS)}.")
    numbers = record.get("paragraphs")
    if not isinstance(numbers, list) or not all(_is_paragraph(n, paragraphs) for n in numbers):
        allowed = f"a list of paragraph numbers from 1 to {paragraphs}"
        raise record.fail("paragraphs", f"must be {allowed}, not {reprlib.repr(numbers)}.")
    presented = record.choice("presented", PRESENTED)
    if not numbers and presented != "implied":
        raise record.fail("paragraphs", "must list at least one paragraph (only an implied actor has none).")
    return Actor(
        id=record.text("id"),
        name=record.text("name"),
        side=record.choice("side", ACTOR_SIDES),
        type=record.choice("type", TYPES),
        presented=presented,
        paragraphs=tuple(sorted(numbers)),
        aliases=record.texts("aliases"),
        stance=record.choice("stance", STANCES),
        position=record.text("position"),
        interests=record.text("interests"),
        evidence=_evidence(record, paragraphs),
    )


def parse_registry(data: object, name: str = REGISTRY_FILE, paragraphs: int = 20) -> tuple[Actor, ...]:
    """Return the actors in registry ``data`` (parsed JSON), validated against ``paragraphs`` paragraphs.

    A file that breaks the format raises DataFileError naming ``name``, the actor and the field.
    """
    if paragraphs < 1:
        raise invalid("paragraphs", paragraphs, "a whole number of at least 1")
    records = [_named(r, "id") for r in _items(data, name, "actors", "actor")]
    actors = tuple(_actor(r, paragraphs) for r in records)
    seen: set[str] = set()
    for record, found in zip(records, actors, strict=True):
        if found.id in seen:
            raise record.fail("id", f"must name each actor once, not {found.id!r} again.")
        seen.add(found.id)
    return actors


@functools.cache
def load_registry() -> tuple[Actor, ...]:
    """Return every actor of the seed article's registry, validated when first read."""
    return parse_registry(read_json(bundled(REGISTRY_FILE)))


@checked
def actor_sides(actors: Sequence[Actor]) -> dict[str, str]:
    """Return each actor's side by id, as the grid charts take it: ``{"kantor": "United States", ...}``."""
    return {a.id: a.side for a in actors}


@checked
def actor(ident: str) -> Actor:
    """Return the registry's actor ``ident``, or raise InvalidInputError listing the ids there are."""
    by_id = {a.id: a for a in load_registry()}
    return _one(by_id, "ident", ident, "the id of an actor in the registry ({})", ", ")


# ---------------------------------------------------------------- the reference grid


def quadrant(power: float, interest: float) -> str:
    """Return the quadrant of a power-interest pair; 5 and above count as high.

    >>> quadrant(8, 4)
    'keep satisfied'
    """
    for name, value in (("power", power), ("interest", interest)):
        if not _in_range(value, 0, 10):
            raise invalid(name, value, "a number from 0 to 10")
    if power >= HIGH:
        return "manage closely" if interest >= HIGH else "keep satisfied"
    return "keep informed" if interest >= HIGH else "monitor"


@functools.cache
def reference_grid() -> tuple[Placement, ...]:
    """Return the kit's reference placement (illustrative, a teaching judgement), each with its rationale."""
    ids = {a.id for a in load_registry()}
    placements = []
    for record in _items(read_json(bundled(GRID_FILE)), GRID_FILE, "placements", "placement"):
        record = _named(record, "id")
        ident = record.get("id")
        if ident not in ids:
            raise record.fail("id", f"must be the id of an actor in {REGISTRY_FILE}, not {ident!r}.")
        power, interest = _bounded(record, "power", 0, 10), _bounded(record, "interest", 0, 10)
        placements.append(Placement(ident, power, interest, record.text("label"), record.text("rationale")))
    return tuple(placements)


# ---------------------------------------------------------------- the game's presets


def _side(record: Record, side: str) -> tuple[float, tuple[Constituent, ...]]:
    """Return one side's tolerance and constituents from a preset, each field checked."""
    sides = record.get("sides")
    raw = sides.get(side) if isinstance(sides, dict) else None
    if not isinstance(raw, dict):
        allowed = f"{' and '.join(GAME_SIDES)} each a tolerance and constituents"
        raise record.fail("sides", f"must give {allowed}, not {reprlib.repr(sides)}.")
    part = Record(record.file, f"{record.where}, {side}", raw)
    found = [
        Record(part.file, f"{part.where}, {c.where}", c.fields)
        for c in entries(part.file, part.get("constituents"), "constituent")
    ]
    constituents = tuple(
        Constituent(c.text("name"), _bounded(c, "ideal", 0, 100), _bounded(c, "weight", 0)) for c in found
    )
    if sum(c.weight for c in constituents) <= 0:
        raise part.fail(
            "constituents",
            "must give at least one constituent a weight above 0 (someone must ratify), not all 0.",
        )
    return _bounded(part, "tolerance", 0, 100), constituents


@functools.cache
def game_presets() -> tuple[Preset, ...]:
    """Return the game's presets (February 1994, May 1994, June 1995): teaching assumptions, not data."""
    presets = []
    for record in _items(read_json(bundled(GAME_FILE)), GAME_FILE, "presets", "preset"):
        record = _named(record, "name")
        sides = {side: _side(record, side) for side in GAME_SIDES}
        quota = _bounded(record, "quota", 0, 1)
        if quota == 0:
            raise record.fail("quota", "must be a share of the pressure above 0 and at most 1, not 0.")
        tolerances = {side: tolerance for side, (tolerance, _) in sides.items()}
        constituents = {side: found for side, (_, found) in sides.items()}
        presets.append(Preset(record.text("name"), record.text("note"), quota, tolerances, constituents))
    return tuple(presets)


@checked
def preset(name: str) -> Preset:
    """Return the preset called ``name``, or raise InvalidInputError listing the presets."""
    by_name = {p.name: p for p in game_presets()}
    return _one(by_name, "name", name, "the name of a preset ({})", "; ")
