"""Per-student variants of numeric data questions: which years a student gets, and their answers.

An answer key marks a question with a ``variant`` spec: a computation (``growth_percent`` or
``required_growth``), the data series it reads and the draws it may use (each a set of values,
such as a start and an end year). ``python -m kit.assign`` computes every draw's answer from the
kit's sourced data and seals it in the student bank; a student's draw comes from a seed made
from the student id, the exercise and the question, so two students side by side get different
numbers, and the same student always gets the same ones. A student with no id gets draw 0, the
key's own wording.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from kit.errors import DataFileError
from kit.targets import load_dataset, required_growth


def student_key(student: object) -> str:
    """Return the form of a student id that seeds variants: trimmed, lower case; '' for no id."""
    return student.strip().lower() if isinstance(student, str) else ""


def variant_index(student: str, exercise: str, question: str, count: int) -> int:
    """Return which of ``count`` draws ``student`` gets for ``question``; 0 without a student id."""
    key = student_key(student)
    if not key or count <= 1:
        return 0
    seed = hashlib.sha256(f"{key}\x1f{exercise}\x1f{question}".encode()).hexdigest()
    return int(seed, 16) % count


def _series_values(spec: dict, draw: dict) -> tuple[float, float]:
    series = load_dataset(spec["dataset"])[spec["series"]]
    return series.at(draw["start"]).value, series.at(draw["end"]).value


def growth_percent(spec: dict, draw: dict) -> tuple[dict, dict[str, float]]:
    """Return the values a growth question shows (the two figures) and its answer and usual mistakes."""
    first, second = _series_values(spec, draw)
    places = spec.get("decimals", 1)
    return {"first": first, "second": second}, {
        "expected": round(100 * (second / first - 1), places),
        "wrong_base": round(100 * (first / second - 1), places),
        "difference": round(second - first, places),
        "ratio": round(second / first, places + 2),
        "fraction": round(second / first - 1, places + 2),  # the growth not yet turned into percent
    }


def required_growth_per_period(spec: dict, draw: dict) -> tuple[dict, dict[str, float]]:
    """Return the start value a required-growth question shows, and its answer and usual mistakes."""
    series = load_dataset(spec["dataset"])[spec["series"]]
    first, level, periods = series.at(draw["start"]).value, draw["level"], draw["periods"]
    places = spec.get("decimals", 1)
    return {"first": first}, {
        "expected": round(required_growth(first, level, periods), places),
        "simple_average": round(100 * (level / first - 1) / periods, places),
        # four times the quarterly rate: a yearly rate taken without compounding (12.6 for 13.2)
        "quarters_times_four": round(4 * required_growth(first, level, 4 * periods), places),
        "total": round(100 * (level / first - 1), places),
    }


COMPUTATIONS: dict[str, Callable[[dict, dict], tuple[dict, dict[str, float]]]] = {
    "growth_percent": growth_percent,
    "required_growth": required_growth_per_period,
}


def _shown_and_answers(compute: Callable, spec: dict, draw: dict) -> tuple[dict, dict[str, float]]:
    shown, answers = compute(spec, draw)
    return {**draw, **shown}, answers


def computed(where: str, spec: object) -> list[tuple[dict, dict[str, float]]]:
    """Return each draw of a variant spec: the values its wording shows, and its computed answers.

    The answers (``expected`` and each named mistake) are sealed by ``kit.keys``, never shown.
    """
    if not isinstance(spec, dict) or spec.get("compute") not in COMPUTATIONS:
        raise DataFileError(f"{where}: a variant needs 'compute', one of {', '.join(COMPUTATIONS)}.")
    draws = spec.get("draws")
    if not isinstance(draws, list) or not draws or not all(isinstance(d, dict) for d in draws):
        raise DataFileError(f"{where}: a variant needs 'draws', a list of objects like {{'start': 1993}}.")
    try:
        return [_shown_and_answers(COMPUTATIONS[spec["compute"]], spec, draw) for draw in draws]
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as error:
        raise DataFileError(f"{where}: a variant draw cannot be computed ({error}).") from None
