"""The classroom debate: the position a student's weights on the arguments imply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.errors import checked, invalid, whole_number
from kit.targets.data import SIDES
from kit.targets.load import arguments

MAX_WEIGHT = 5


@dataclass(frozen=True)
class Position:
    """The position a student's weights imply: a score from -1 (against targets) to +1 (for), and why.

    Weight on a compromise argument counts in the total but for neither side, so it pulls the score
    towards 0.
    """

    score: float
    lean: str
    weight_for: int
    weight_against: int
    heaviest: tuple[str, ...]
    summary: str
    weight_between: int = 0


def _check_weights(weights: Mapping[str, int]) -> dict[str, int]:
    known = {a.id for a in arguments()}
    unknown = sorted(set(weights) - known)
    if unknown:
        raise invalid("an argument id in weights", unknown[0], f"one of {', '.join(sorted(known))}")
    return {key: whole_number(f"the weight of {key}", value, 0, MAX_WEIGHT) for key, value in weights.items()}


def _lean(score: float) -> str:
    if score >= 0.25:
        return "for numerical targets"
    if score <= -0.25:
        return "against numerical targets, the position Japan's government stated"
    return (
        "between the two: close to the compromise the article reports, objective criteria without "
        "numerical targets"
    )


@checked
def weigh(weights: Mapping[str, int]) -> Position:
    """Return the position implied by weights from 0 to 5 on the arguments (missing ids weigh 0).

    >>> weigh({"empty": 4, "vie": 2}).score
    0.333
    """
    weights = _check_weights(weights)
    by_id = {a.id: a for a in arguments()}
    sides = {side: sum(w for key, w in weights.items() if by_id[key].side == side) for side in SIDES}
    total = sum(sides.values())
    if total == 0:
        return Position(0.0, "undecided", 0, 0, (), "You have not weighed any argument yet.")
    score = round((sides["for"] - sides["against"]) / total, 3)
    top = max(weights.values())
    heaviest = tuple(key for key in sorted(weights) if weights[key] == top)
    names = "; ".join(by_id[key].holder for key in heaviest[:3])
    if len(heaviest) > 3:
        names += f"; and {len(heaviest) - 3} more"
    summary = (
        f"Your weights give {sides['for']} to arguments for numerical targets, {sides['against']} against "
        f"and {sides['between']} to the compromise: a score of {score:+.2f} on a scale from -1 (against) "
        f"to +1 (for). You lean {_lean(score)}. The arguments you weigh most are held by: {names}."
    )
    return Position(score, _lean(score), sides["for"], sides["against"], heaviest, summary, sides["between"])
