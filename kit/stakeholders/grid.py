"""The power-interest grid: a student's saved placements, checked, and compared with the kit's reference."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.errors import invalid
from kit.stakeholders.data import Placement, _in_range, reference_grid


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


def placements_from(saved: Mapping[str, Sequence[float]]) -> dict[str, Placement]:
    """Return a student's saved placements ({id: [power, interest]}) as Placements, checked."""
    if not isinstance(saved, Mapping):  # it comes from a work file, which anyone can edit
        raise invalid("saved", saved, "a dict of actor ids to placements [power, interest]")
    labels = {p.actor: p.label for p in reference_grid()}
    placed = {}
    for ident, pair in saved.items():
        if ident not in labels:
            allowed = f"a dict whose keys are actors of the grid ({', '.join(sorted(labels))})"
            raise invalid("saved", ident, allowed)
        if not isinstance(pair, list | tuple) or len(pair) != 2 or not all(_in_range(v, 0, 10) for v in pair):
            allowed = f"a dict giving {ident!r} a placement [power, interest], two numbers from 0 to 10"
            raise invalid("saved", pair, allowed)
        placed[ident] = Placement(ident, float(pair[0]), float(pair[1]), labels[ident])
    return placed


def compare_grid(student: Mapping[str, Placement]) -> list[GridDifference]:
    """Return, for each actor the student placed, their placement beside the reference, in grid order."""
    return [GridDifference(r.actor, student[r.actor], r) for r in reference_grid() if r.actor in student]
