"""Who has a stake in the talks: the registry of actors, where they speak, the grid and the two-level game.

Data: ``kit/data/stakeholders.json`` lists every actor the article names or
implies, each with its evidence (a paragraph, or a publication or document
with its date); ``stakeholders_grid.json`` holds the kit's reference power-interest
placement and ``stakeholders_game.json`` the two-level game's presets. Both of
the latter are teaching judgements, not data, and say so. Loaders validate each
file and name the file, the entry and the field of anything wrong.

Analyses: ``match_speaker`` maps a speaker found by ``kit.quotes`` to its actor;
``appearances`` joins quotes, reported speech and mentions to the registry;
``quadrant`` places a power-interest pair; ``win_set`` and ``zone_of_agreement``
compute Putnam's win-sets and their overlap. Nothing here draws.
"""

from __future__ import annotations

import functools
import json
import math
import re
import reprlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from kit.article import Article
from kit.errors import InvalidInputError, KitError, checked, invalid
from kit.quotes import extract_quotes, reported_speech

REGISTRY_FILE = "stakeholders.json"
GRID_FILE = "stakeholders_grid.json"
GAME_FILE = "stakeholders_game.json"
SIDES = ("United States", "Japan", "both", "neither")
TYPES = ("person", "government", "institution", "anonymous source", "sector", "observers")
PRESENTED = ("quoted", "paraphrased", "mentioned", "implied")
STANCES = ("against", "compromise", "for", "not stated")
FIELDS = ("id", "name", "side", "type", "presented", "paragraphs", "aliases", "stance", "position")
FIELDS += ("interests", "evidence")
GAME_SIDES = ("United States", "Japan")
QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")
HIGH = 5  # on the 0-10 scales, 5 and above count as high power or high interest
_DETERMINERS = ("a ", "an ", "the ")
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# A source opens with its publication or document, then its date: "LA Times, 12 Feb 1994, <URL>".
_SOURCE = re.compile(rf"[^,:]*[A-Za-z][^,:]*, (\d{{1,2}}(-\d{{1,2}})? )?({_MONTHS}) (19|20)\d\d\b")
# A file name in place of a publication is a working note that students cannot open.
_FILE_NAME = re.compile(r"\w\.(md|txt|docx?)\b", re.IGNORECASE)
_SOURCE_FORM = "'Publication, 12 Feb 1994, <URL>'"


class RegistryFormatError(KitError, ValueError):
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


# ---------------------------------------------------------------- loading


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
    return value


def _text(name: str, entry: str, raw: dict, field: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _fail(name, entry, field, "must be non-empty text.")
    return value.strip()


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
        side=_choice(name, entry, raw, "side", SIDES),
        type=_choice(name, entry, raw, "type", TYPES),
        presented=presented,
        paragraphs=tuple(sorted(numbers)),
        aliases=tuple(aliases),
        stance=_choice(name, entry, raw, "stance", STANCES),
        position=_text(name, entry, raw, "position"),
        interests=_text(name, entry, raw, "interests"),
        evidence=_evidence(name, entry, raw["evidence"], paragraphs),
    )


@checked
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
    for found in load_registry():
        if found.id == ident:
            return found
    ids = ", ".join(a.id for a in load_registry())
    raise invalid("ident", ident, f"the id of an actor in the registry ({ids})")


# ---------------------------------------------------------------- speakers to actors


def _normal(text: str) -> str:
    text = " ".join(text.split()).casefold()
    for determiner in _DETERMINERS:
        if text.startswith(determiner):
            return text[len(determiner) :]
    return text


@checked
def match_speaker(speaker: str | None, role: str | None, actors: Sequence[Actor]) -> Actor | None:
    """Return the actor a speaker found by kit.quotes stands for, or None when none (or several) fit.

    The rule, in order: the speaker's name or description equals an actor's name or
    alias (case and a leading "a", "an" or "the" ignored); a person's surname
    equals the last word of a person actor's name; the speaker's role equals an
    actor's alias ("U.S. Trade Representative").

    >>> match_speaker("a senior Administration official", None, load_registry()).id
    'senior_official'
    """
    return _match(speaker, role, actors)


def _match(speaker: str | None, role: str | None, actors: Sequence[Actor]) -> Actor | None:
    label = _normal(speaker or "")
    if not label:  # no speaker, or a blank one: nobody to match
        return None
    for rule in (
        lambda a: label in {_normal(n) for n in (a.name, *a.aliases)},
        lambda a: a.type == "person" and label.split()[-1] == _normal(a.name.split(" (")[0]).split()[-1],
        lambda a: role is not None and _normal(role) in {_normal(n) for n in a.aliases},
    ):
        found = [a for a in actors if rule(a)]
        if len(found) == 1:
            return found[0]
    return None


@checked
def quoted_speakers(article: Article, actors: Sequence[Actor]) -> list[tuple[int, str, str]]:
    """Return each quotation's paragraph, its speaker as kit.quotes names them, and their registry entry."""
    rows = []
    for quote in extract_quotes(article):
        if quote.speaker:
            who = _match(quote.speaker, quote.role, actors)
            rows.append((quote.paragraph, quote.speaker, who.name if who else "no single entry fits"))
    return rows


@dataclass(frozen=True)
class Appearance:
    """One place an actor appears: its paragraph, how it is presented there, and the words."""

    actor: str
    name: str
    side: str
    paragraph: int
    how: str
    text: str


_STRENGTH = {"quoted": 0, "paraphrased": 1, "mentioned": 2, "implied": 3}


@checked
def appearances(article: Article, actors: Sequence[Actor]) -> list[Appearance]:
    """Return every appearance of every actor, paragraph by paragraph, the strongest kind per paragraph.

    Quotes (direct or partial) from kit.quotes make an actor "quoted" in that
    paragraph and reported speech "paraphrased"; the registry's other paragraphs
    are "mentioned" ("implied" for an actor the article never names).
    """
    found: dict[tuple[str, int], Appearance] = {}

    def add(who: Actor, paragraph: int, how: str, text: str) -> None:
        key = (who.id, paragraph)
        if key not in found or _STRENGTH[how] < _STRENGTH[found[key].how]:
            found[key] = Appearance(who.id, who.name, who.side, paragraph, how, text)

    for quote in extract_quotes(article):
        who = _match(quote.speaker, quote.role, actors)
        if who is not None and quote.kind != "term":
            add(who, quote.paragraph, "quoted", quote.text)
    for report in reported_speech(article):
        who = _match(report.speaker, report.role, actors)
        if who is not None:
            add(who, report.paragraph, "paraphrased", report.text)
    for who in actors:
        for paragraph in who.paragraphs:
            how = "implied" if who.implied else "mentioned"
            add(who, paragraph, how, article.paragraph(paragraph).text)
    order = {a.id: i for i, a in enumerate(actors)}
    return sorted(found.values(), key=lambda a: (order[a.actor], a.paragraph))


@checked
def appearance_rows(actors: Sequence[Actor], found: Sequence[Appearance]) -> list[tuple[str, ...]]:
    """Return one row per actor: name, side, how presented, paragraphs quoted, paraphrased, mentioned."""
    rows = []
    for who in actors:
        mine = [a for a in found if a.actor == who.id]
        by_kind = [
            ", ".join(
                f"\u00b6{a.paragraph}" + (" (implied)" if a.how == "implied" else "")
                for a in mine
                if a.how in kinds
            )
            or "\u2013"
            for kinds in (("quoted",), ("paraphrased",), ("mentioned", "implied"))
        ]
        rows.append((who.name, who.side, who.presented, *by_kind))
    return rows


# ---------------------------------------------------------------- the power-interest grid


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


def _score(name: str, value: object) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or not 0 <= value <= 10:
        # reprlib: a value nested too deep for repr is still named, not a RecursionError
        raise InvalidInputError(f"{name} must be a number from 0 to 10, but {reprlib.repr(value)} was given.")
    return float(value)


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
        try:
            power, interest = _score("power", raw.get("power")), _score("interest", raw.get("interest"))
        except InvalidInputError as error:
            raise _fail(GRID_FILE, entry, str(error).split()[0], str(error)) from None
        label, rationale = _text(GRID_FILE, entry, raw, "label"), _text(GRID_FILE, entry, raw, "rationale")
        placements.append(Placement(raw["id"], power, interest, label, rationale))
    return tuple(placements)


@checked
def placements_from(saved: Mapping[str, Sequence[float]]) -> dict[str, Placement]:
    """Return a student's saved placements ({id: [power, interest]}) as Placements, checked."""
    labels = {p.actor: p.label for p in reference_grid()}
    placed = {}
    for ident, pair in saved.items():
        if ident not in labels:
            allowed = f"a dict whose keys are actors of the grid ({', '.join(sorted(labels))})"
            raise invalid("saved", ident, allowed)
        if not isinstance(pair, list | tuple) or len(pair) != 2 or not all(_is_score(v) for v in pair):
            allowed = f"a dict giving {ident!r} a placement [power, interest], two numbers from 0 to 10"
            raise invalid("saved", pair, allowed)
        placed[ident] = Placement(ident, float(pair[0]), float(pair[1]), labels[ident])
    return placed


def _is_score(value: object) -> bool:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return ok and 0 <= value <= 10


@dataclass(frozen=True)
class GridDifference:
    """A student's placement of one actor against the reference: both placements and the distance."""

    actor: str
    student: Placement
    reference: Placement

    @property
    def distance(self) -> float:
        """Return the straight-line distance between the two placements, in grid points."""
        return math.hypot(
            self.student.power - self.reference.power, self.student.interest - self.reference.interest
        )

    @property
    def same_quadrant(self) -> bool:
        """Return True when both placements fall in the same quadrant."""
        return self.student.quadrant == self.reference.quadrant


@checked
def compare_grid(student: Mapping[str, Placement]) -> list[GridDifference]:
    """Return, for each actor the student placed, their placement beside the reference, in grid order."""
    return [GridDifference(r.actor, student[r.actor], r) for r in reference_grid() if r.actor in student]


# ---------------------------------------------------------------- the two-level game


@dataclass(frozen=True)
class Constituent:
    """A domestic constituent: its ideal outcome (0-100) and the pressure it brings (a weight >= 0)."""

    name: str
    ideal: float
    weight: float


@dataclass(frozen=True)
class WinSet:
    """The outcomes a side's constituents would ratify: closed intervals on 0-100 (empty: none)."""

    side: str
    intervals: tuple[tuple[float, float], ...]
    constituents: tuple[Constituent, ...]
    tolerance: float
    quota: float

    @property
    def empty(self) -> bool:
        """Return True when no outcome would be ratified."""
        return not self.intervals


@dataclass(frozen=True)
class Zone:
    """Where two win-sets overlap: the zone of possible agreement, and whether it is an overlap,
    a single touching point, or none (then ``gap`` is the distance between the win-sets)."""

    status: str
    intervals: tuple[tuple[float, float], ...]
    gap: float | None
    summary: str


def _check(constituents: Sequence[Constituent], tolerance: object, quota: object) -> None:
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


def _in_range(value: object, low: float, high: float) -> bool:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return ok and low <= value <= high


@checked
def win_set(side: str, constituents: Sequence[Constituent], tolerance: float, quota: float = 0.5) -> WinSet:
    """Return a side's win-set: every outcome x on 0-100 that constituents holding at least ``quota``
    of the side's total weight would ratify, where a constituent ratifies x when |x - ideal| <= tolerance.

    The support for x changes only where some constituent's range starts or ends,
    so checking those points and the midpoints between them finds the set exactly.

    >>> win_set("A", [Constituent("a", 40, 1)], tolerance=10).intervals
    ((30.0, 50.0),)
    """
    _check(constituents, tolerance, quota)
    total = sum(c.weight for c in constituents)
    points = sorted(
        {0.0, 100.0}
        | {float(min(100, max(0, c.ideal + d))) for c in constituents for d in (-tolerance, tolerance)}
    )

    def ratified(x: float) -> bool:
        support = sum(c.weight for c in constituents if abs(x - c.ideal) <= tolerance + 1e-9)
        return support >= quota * total - 1e-9

    middles = [(a + b) / 2 for a, b in zip(points, points[1:], strict=False)]
    samples = [x for pair in zip(points, middles, strict=False) for x in pair]
    samples.append(points[-1])
    intervals: list[tuple[float, float]] = []
    start = None
    for index, x in enumerate(samples):
        if ratified(x) and start is None:
            start = x
        if start is not None and (index == len(samples) - 1 or not ratified(samples[index + 1])):
            intervals.append((start, x))
            start = None
    return WinSet(side, tuple(intervals), tuple(constituents), float(tolerance), float(quota))


@checked
def zone_of_agreement(first: WinSet, second: WinSet) -> Zone:
    """Return where two win-sets overlap: status "overlap", "touching" (one point only) or "none".

    >>> a = WinSet("A", ((30.0, 50.0),), (), 10, 0.5)
    >>> zone_of_agreement(a, WinSet("B", ((45.0, 60.0),), (), 10, 0.5)).intervals
    ((45.0, 50.0),)
    """
    shared = []
    for low1, high1 in first.intervals:
        for low2, high2 in second.intervals:
            low, high = max(low1, low2), min(high1, high2)
            if low <= high:
                shared.append((low, high))
    if any(high > low for low, high in shared):
        span = "; ".join(f"{low:g} to {high:g}" for low, high in shared)
        return Zone(
            "overlap", tuple(shared), None, f"The win-sets overlap from {span}: agreement is possible there."
        )
    if shared:
        where = ", ".join(f"{low:g}" for low, _ in shared)
        return Zone(
            "touching",
            tuple(shared),
            0.0,
            f"The win-sets only touch, at {where}: one outcome, no room to bargain.",
        )
    if first.empty or second.empty:
        empty = first.side if first.empty else second.side
        return Zone("none", (), None, f"{empty}'s win-set is empty: no outcome would be ratified there.")
    gap = min(
        max(low2 - high1, low1 - high2) for low1, high1 in first.intervals for low2, high2 in second.intervals
    )
    return Zone(
        "none", (), gap, f"No overlap: the win-sets are {gap:g} points apart, so no agreement is possible."
    )


@dataclass(frozen=True)
class Preset:
    """A moment of the talks as a two-level game: illustrative parameters and the facts they stand for."""

    name: str
    note: str
    quota: float
    tolerances: dict[str, float]
    constituents: dict[str, tuple[Constituent, ...]]


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
                _check(constituents[side], tolerances[side], raw["quota"])
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
    for found in game_presets():
        if found.name == name:
            return found
    names = "; ".join(p.name for p in game_presets())
    raise invalid("name", name, f"the name of a preset ({names})")


@checked
def play(chosen: Preset) -> tuple[WinSet, WinSet, Zone]:
    """Return both sides' win-sets for a preset and the zone where they overlap."""
    us, japan = (win_set(s, chosen.constituents[s], chosen.tolerances[s], chosen.quota) for s in GAME_SIDES)
    return us, japan, zone_of_agreement(us, japan)


def preset_outcomes() -> list[tuple[str, str, str]]:
    """Return each preset's name, what its numbers stand for, and the zone of agreement they give."""
    return [(p.name, p.note, play(p)[2].summary) for p in game_presets()]
