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

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

from kit.errors import DataFileError, InvalidInputError, checked, invalid

T = TypeVar("T")

REGISTRY_FILE = "stakeholders.json"
GRID_FILE = "stakeholders_grid.json"
GAME_FILE = "stakeholders_game.json"
ACTOR_SIDES = ("United States", "Japan", "both", "neither")  # which side of the talks an actor is on
TYPES = ("person", "government", "institution", "anonymous source", "sector", "observers")
PRESENTED = ("quoted", "paraphrased", "mentioned", "implied")
STANCES = ("against", "compromise", "for", "not stated")
FIELDS = ("id", "name", "side", "type", "presented", "paragraphs", "aliases", "stance", "position")
FIELDS += ("interests", "evidence")
GAME_SIDES = ("United States", "Japan")  # the two negotiating sides of the two-level game
QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")
HIGH = 5  # on the 0-10 scales, 5 and above count as high power or high interest
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# A source opens with its publication or document, then its date: "LA Times, 12 Feb 1994, <URL>".
_SOURCE = re.compile(rf"[^,:]*[A-Za-z][^,:]*, (\d{{1,2}}(-\d{{1,2}})? )?({_MONTHS}) (19|20)\d\d\b")
# A file name in place of a publication is a working note that students cannot open.
_FILE_NAME = re.compile(r"\w\.(md|txt|docx?)\b", re.IGNORECASE)
_SOURCE_FORM = "'Publication, 12 Feb 1994, <URL>'"


class RegistryFormatError(DataFileError):
    """A stakeholder data file that does not follow the kit's format; the message names entry and field."""


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


# ---------------------------------------------------------------- reading and checking fields


def _read(name: str) -> object:
    try:
        return json.loads(resources.files("kit.data").joinpath(name).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise RegistryFormatError(f"{name} is not valid JSON: {error.msg} (line {error.lineno}).") from None


def _fail(name: str, entry: str, field: str, problem: str) -> RegistryFormatError:
    return RegistryFormatError(f"{name}, {entry}, field {field!r}: {problem}")


def _choice(name: str, entry: str, raw: dict, field: str, allowed: Sequence[str]) -> str:
    value = raw.get(field)
    if value not in allowed:
        raise _fail(name, entry, field, f"{value!r} is not allowed; use one of: {', '.join(allowed)}.")
    return str(value)


def _text(name: str, entry: str, raw: dict, field: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _fail(name, entry, field, "must be non-empty text.")
    return value.strip()


def _in_range(value: object, low: float, high: float) -> bool:
    """Return True if ``value`` is a finite real number (not a bool) from ``low`` to ``high``."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return ok and low <= value <= high  # type: ignore[operator]  # ok says value is a real number


def _one(found: Mapping[str, T], name: str, value: str, allowed: str, sep: str) -> T:
    """Return ``found[value]``, or raise InvalidInputError listing the keys there are in ``allowed``."""
    if value in found:
        return found[value]
    raise invalid(name, value, allowed.format(sep.join(found)))


# ---------------------------------------------------------------- the registry of actors


def _evidence(name: str, entry: str, raw: object, paragraphs: int) -> tuple[Evidence, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(name, entry, "evidence", "must list at least one paragraph or dated source.")
    found = []
    for item in raw:
        paragraph, source = (item.get("paragraph"), item.get("source")) if isinstance(item, dict) else (0, 0)
        if (paragraph is None) == (source is None):
            raise _fail(name, entry, "evidence", f"{item!r} must give either a paragraph or a source.")
        if paragraph is not None and not _is_paragraph(paragraph, paragraphs):
            raise _fail(name, entry, "evidence", f"paragraph {paragraph!r} is not from 1 to {paragraphs}.")
        if source is not None and not is_cited_source(source):
            raise _fail(
                name,
                entry,
                "evidence",
                f"source {source!r} must name a publication or document, not a file, "
                f"then its date, as {_SOURCE_FORM}.",
            )
        note = str(item.get("note", "")).strip()
        if source is not None and not note:
            raise _fail(name, entry, "evidence", f"source {source!r} needs a 'note' saying what it reports.")
        found.append(Evidence(paragraph, source, note))
    return tuple(found)


def is_cited_source(source: object) -> bool:
    """Return True if ``source`` opens with a publication or document and its date, and names no file."""
    return isinstance(source, str) and bool(_SOURCE.match(source)) and not _FILE_NAME.search(source)


def _is_paragraph(value: object, paragraphs: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= paragraphs


def _actor(name: str, index: int, raw: object, paragraphs: int) -> Actor:
    entry = f"actor {index}"
    if not isinstance(raw, dict):
        raise RegistryFormatError(f"{name}, {entry}: must be an object with the fields {', '.join(FIELDS)}.")
    entry = f"actor {index} ({raw.get('id', 'no id')})"
    missing = [f for f in FIELDS if f not in raw]
    if missing:
        raise _fail(name, entry, missing[0], f"is missing; every actor needs {', '.join(FIELDS)}.")
    numbers = raw["paragraphs"]
    if not isinstance(numbers, list) or not all(_is_paragraph(n, paragraphs) for n in numbers):
        raise _fail(name, entry, "paragraphs", f"must list paragraph numbers from 1 to {paragraphs}.")
    presented = _choice(name, entry, raw, "presented", PRESENTED)
    if not numbers and presented != "implied":
        raise _fail(name, entry, "paragraphs", "is empty; only an implied actor may have no paragraph.")
    aliases = raw["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise _fail(name, entry, "aliases", "must be a list of non-empty names or descriptions.")
    return Actor(
        id=_text(name, entry, raw, "id"),
        name=_text(name, entry, raw, "name"),
        side=_choice(name, entry, raw, "side", ACTOR_SIDES),
        type=_choice(name, entry, raw, "type", TYPES),
        presented=presented,
        paragraphs=tuple(sorted(numbers)),
        aliases=tuple(aliases),
        stance=_choice(name, entry, raw, "stance", STANCES),
        position=_text(name, entry, raw, "position"),
        interests=_text(name, entry, raw, "interests"),
        evidence=_evidence(name, entry, raw["evidence"], paragraphs),
    )


def parse_registry(data: object, name: str = REGISTRY_FILE, paragraphs: int = 20) -> tuple[Actor, ...]:
    """Return the actors in registry ``data`` (parsed JSON), validated against ``paragraphs`` paragraphs."""
    if paragraphs < 1:
        raise invalid("paragraphs", paragraphs, "a whole number of at least 1")
    try:
        return _registry(data, name, paragraphs)
    except RegistryFormatError as error:
        raise RegistryFormatError(
            f"parse_registry: parameter 'data' must follow the registry format, but {error}"
        ) from None


def _registry(data: object, name: str, paragraphs: int) -> tuple[Actor, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list) or not data["actors"]:
        raise RegistryFormatError(f"{name} must be an object whose 'actors' lists at least one actor.")
    actors = tuple(_actor(name, i, raw, paragraphs) for i, raw in enumerate(data["actors"], start=1))
    seen: set[str] = set()
    for index, actor in enumerate(actors, start=1):
        if actor.id in seen:
            raise _fail(name, f"actor {index} ({actor.id})", "id", "is used twice; each id must be unique.")
        seen.add(actor.id)
    return actors


@functools.cache
def load_registry() -> tuple[Actor, ...]:
    """Return every actor of the seed article's registry, validated when first read."""
    return _registry(_read(REGISTRY_FILE), REGISTRY_FILE, 20)


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


def _score(name: str, value: object) -> float:
    if not _in_range(value, 0, 10):
        raise invalid(name, value, "a number from 0 to 10")
    return float(value)  # type: ignore[arg-type]  # _in_range says value is a real number


def quadrant(power: float, interest: float) -> str:
    """Return the quadrant of a power-interest pair; 5 and above count as high.

    >>> quadrant(8, 4)
    'keep satisfied'
    """
    high_power, high_interest = _score("power", power) >= HIGH, _score("interest", interest) >= HIGH
    if high_power:
        return "manage closely" if high_interest else "keep satisfied"
    return "keep informed" if high_interest else "monitor"


@functools.cache
def reference_grid() -> tuple[Placement, ...]:
    """Return the kit's reference placement (illustrative, a teaching judgement), each with its rationale."""
    data = _read(GRID_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("placements"), list):
        raise RegistryFormatError(f"{GRID_FILE} must be an object with a 'placements' list.")
    ids = {a.id for a in load_registry()}
    placements = []
    for index, raw in enumerate(data["placements"], start=1):
        entry = (
            f"placement {index} ({raw.get('id', 'no id')})" if isinstance(raw, dict) else f"placement {index}"
        )
        if not isinstance(raw, dict) or raw.get("id") not in ids:
            raise _fail(GRID_FILE, entry, "id", "must be the id of an actor in stakeholders.json.")
        for field in ("power", "interest"):
            value = raw.get(field)
            if not _in_range(value, 0, 10):
                raise _fail(GRID_FILE, entry, field, f"must be a number from 0 to 10, not {value!r}.")
        power, interest = float(raw["power"]), float(raw["interest"])
        label, rationale = _text(GRID_FILE, entry, raw, "label"), _text(GRID_FILE, entry, raw, "rationale")
        placements.append(Placement(raw["id"], power, interest, label, rationale))
    return tuple(placements)


# ---------------------------------------------------------------- the game's presets


def _check_game(constituents: Sequence[Constituent], tolerance: object, quota: object) -> None:
    """Raise InvalidInputError unless these are a side's constituents, tolerance and quota in range."""
    if not constituents or not all(isinstance(c, Constituent) for c in constituents):
        allowed = "a list of at least one Constituent(name, ideal, weight)"
        raise invalid("constituents", constituents, allowed)
    for c in constituents:
        if not _in_range(c.ideal, 0, 100):
            raise invalid("constituents", c, "constituents whose ideal point is from 0 to 100")
        if not _in_range(c.weight, 0, math.inf):
            raise invalid("constituents", c, "constituents whose weight is at least 0")
    if sum(c.weight for c in constituents) <= 0:
        allowed = "constituents of whom at least one has a weight above 0 (someone must ratify)"
        raise invalid("constituents", constituents, allowed)
    if not _in_range(tolerance, 0, 100):
        raise invalid("tolerance", tolerance, "a number from 0 to 100")
    if not _in_range(quota, 0, 1) or quota == 0:
        raise invalid("quota", quota, "a share of the pressure above 0 and at most 1")


@functools.cache
def game_presets() -> tuple[Preset, ...]:
    """Return the game's presets (February 1994, May 1994, June 1995): teaching assumptions, not data."""
    data = _read(GAME_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("presets"), list):
        raise RegistryFormatError(f"{GAME_FILE} must be an object with a 'presets' list.")
    presets = []
    for index, raw in enumerate(data["presets"], start=1):
        entry = (
            f"preset {index} ({raw.get('name', 'no name')})" if isinstance(raw, dict) else f"preset {index}"
        )
        try:
            sides = raw["sides"]
            constituents = {
                side: tuple(
                    Constituent(c["name"], c["ideal"], c["weight"]) for c in sides[side]["constituents"]
                )
                for side in GAME_SIDES
            }
            tolerances = {side: sides[side]["tolerance"] for side in GAME_SIDES}
            for side in GAME_SIDES:
                _check_game(constituents[side], tolerances[side], raw["quota"])
        except (KeyError, TypeError) as error:
            raise _fail(
                GAME_FILE,
                entry,
                str(error).strip("'"),
                f"is missing or malformed; each side in {', '.join(GAME_SIDES)} needs a tolerance "
                "and constituents with name, ideal and weight.",
            ) from None
        except InvalidInputError as error:
            raise _fail(GAME_FILE, entry, "sides", str(error)) from None
        presets.append(
            Preset(
                _text(GAME_FILE, entry, raw, "name"),
                _text(GAME_FILE, entry, raw, "note"),
                raw["quota"],
                tolerances,
                constituents,
            )
        )
    return tuple(presets)


@checked
def preset(name: str) -> Preset:
    """Return the preset called ``name``, or raise InvalidInputError listing the presets."""
    by_name = {p.name: p for p in game_presets()}
    return _one(by_name, "name", name, "the name of a preset ({})", "; ")
