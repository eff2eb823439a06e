"""The two-level game: Putnam's win-sets for each side, the zone where they overlap, and the presets played.

Every number the game takes is a teaching assumption (``stakeholders_game.json``
says so); the computation is exact on the 0-100 scale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kit.errors import checked, invalid
from kit.stakeholders.data import GAME_SIDES, Constituent, Preset, _in_range, game_presets


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


@checked
def play(chosen: Preset) -> tuple[WinSet, WinSet, Zone]:
    """Return both sides' win-sets for a preset and the zone where they overlap."""
    us, japan = (win_set(s, chosen.constituents[s], chosen.tolerances[s], chosen.quota) for s in GAME_SIDES)
    return us, japan, zone_of_agreement(us, japan)


def preset_outcomes() -> list[tuple[str, str, str]]:
    """Return each preset's name, what its numbers stand for, and the zone of agreement they give."""
    return [(p.name, p.note, play(p)[2].summary) for p in game_presets()]
