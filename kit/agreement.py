"""Agreement between coders: percent agreement, Cohen's kappa (two coders), Fleiss' kappa (many).

Kappa corrects agreement for the agreement two coders would reach by chance if
each picked categories at their own rates: kappa = (observed - chance) / (1 - chance).
1 is perfect agreement, 0 is no better than chance, below 0 is worse than chance.

Cohen, J. (1960). "A coefficient of agreement for nominal scales." Educational and
Psychological Measurement 20(1): 37-46. Fleiss, J. L. (1971). "Measuring nominal
scale agreement among many raters." Psychological Bulletin 76(5): 378-382.

Codes are compared as text in every measure, so 1 and "1" are one category everywhere (a coding read
from a CSV file and one typed in Python agree). NaN is not a code: like None or blank text it marks an
item left uncoded, and is refused with a message saying to leave such items out.

Kappa is undefined when chance agreement is 1 (every coder used one and the same
category for everything): the functions then raise UndefinedAgreementError, which
says so, rather than return NaN.
"""

from __future__ import annotations

import numbers
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from kit.errors import InvalidInputError, invalid


class UndefinedAgreementError(InvalidInputError):
    """Kappa cannot be computed for these codings (chance agreement is 1)."""


@dataclass(frozen=True)
class Confusion:
    """A confusion table: ``counts[(a, b)]`` items coded ``a`` by the first coder and ``b`` by the second."""

    categories: tuple[str, ...]
    counts: dict[tuple[str, str], int]

    def count(self, first: str, second: str) -> int:
        """Return how many items the first coder put in ``first`` and the second in ``second``."""
        return self.counts.get((first, second), 0)


def _pair(
    first: Sequence[Hashable], second: Sequence[Hashable], names: str = "first and second"
) -> tuple[list[str], list[str]]:
    first, second = list(first), list(second)
    if len(first) != len(second):
        raise InvalidInputError(
            f"the two codings ({names}) must code the same items, but one has {len(first)} codes and "
            f"the other {len(second)}."
        )
    if not first:
        raise InvalidInputError(f"agreement needs at least one coded item; {names} are empty.")
    for code in first + second:
        if _missing(code):
            raise invalid(f"every item in {names}", code, "coded (leave uncoded items out)")
    return [str(c) for c in first], [str(c) for c in second]  # compared as text: 1 and "1" agree


def _missing(code: Hashable) -> bool:
    """Return True for what marks an uncoded item: None, NaN or blank text."""
    if isinstance(code, numbers.Real):
        return code != code  # only NaN differs from itself (math.isnan overflows on huge whole numbers)
    return code is None or isinstance(code, str) and not code.strip()


def percent_agreement(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Return the share (0..1) of items the two coders put in the same category.

    >>> percent_agreement(["a", "b", "b", "c"], ["a", "b", "c", "c"])
    0.75
    """
    first, second = _pair(first, second)
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def chance_agreement(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Return the agreement expected by chance from each coder's own category rates (Cohen's p_e)."""
    first, second = _pair(first, second)
    rates_a, rates_b, n = Counter(first), Counter(second), len(first)
    return sum(rates_a[c] * rates_b[c] for c in rates_a) / (n * n)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Return Cohen's kappa for two coders who coded the same items.

    >>> round(cohen_kappa(["a", "b", "b", "c"], ["a", "b", "c", "c"]), 4)
    0.6364
    """
    observed = percent_agreement(first, second)
    chance = chance_agreement(first, second)
    return _kappa(
        observed,
        chance,
        "kappa is undefined here: both coders (first and second) used one and the same category for "
        "every item, so chance agreement is 1. Their percent agreement is 100%; report that instead.",
    )


def _kappa(observed: float, chance: float, undefined: str) -> float:
    """Return (observed - chance) / (1 - chance), or raise UndefinedAgreementError(undefined) at chance 1."""
    if chance == 1:
        raise UndefinedAgreementError(undefined)
    return (observed - chance) / (1 - chance)


def confusion(first: Sequence[Hashable], second: Sequence[Hashable]) -> Confusion:
    """Return how often each pair of categories (first coder's, second coder's) was chosen."""
    first, second = _pair(first, second)
    categories = tuple(sorted(set(first + second)))
    return Confusion(categories, dict(Counter(zip(first, second, strict=True))))


def fleiss_counts(ratings: Sequence[Sequence[Hashable]]) -> tuple[tuple[str, ...], list[list[int]]]:
    """Return the categories and, per item, how many raters chose each: Fleiss' n_ij table.

    ``ratings`` has one row per item, holding every rater's code for that item.
    """
    rows = [list(row) for row in ratings]
    if not rows:
        raise InvalidInputError("Fleiss' kappa needs at least one rated item; ratings has none.")
    raters = {len(row) for row in rows}
    if len(raters) != 1:
        raise InvalidInputError(
            f"every item in ratings must have the same number of raters, but they have {sorted(raters)} "
            "ratings; leave out items some raters skipped."
        )
    if raters.pop() < 2:
        raise InvalidInputError("Fleiss' kappa needs at least two raters per item of ratings.")
    codes = [_pair(row, row, "ratings")[0] for row in rows]
    categories = tuple(sorted({code for row in codes for code in row}))
    return categories, [[Counter(row)[cat] for cat in categories] for row in codes]


def fleiss_kappa_from_counts(table: Sequence[Sequence[int]]) -> float:
    """Return Fleiss' kappa from an n_ij table: one row per item, one column per category.

    >>> round(fleiss_kappa_from_counts([[2, 0], [0, 2], [1, 1]]), 4)
    0.3333
    """
    rows = [list(row) for row in table]
    if not rows or not rows[0]:
        raise InvalidInputError("Fleiss' kappa needs at least one item and one category in table.")
    totals = {sum(row) for row in rows}
    if len(totals) != 1 or min(min(row) for row in rows) < 0 or {len(row) for row in rows} != {len(rows[0])}:
        raise InvalidInputError(
            "every row of table must count the same number of raters in the same categories "
            "(non-negative counts)."
        )
    n = totals.pop()
    if n < 2:
        raise InvalidInputError("Fleiss' kappa needs at least two raters per item of table.")
    items = len(rows)
    p_j = [sum(row[j] for row in rows) / (items * n) for j in range(len(rows[0]))]
    p_i = [(sum(c * c for c in row) - n) / (n * (n - 1)) for row in rows]
    return _kappa(
        sum(p_i) / items,
        sum(p * p for p in p_j),
        "Fleiss' kappa is undefined here: in the ratings table every rater chose the same single "
        "category for every item, so chance agreement is 1. Agreement is 100%; report that instead.",
    )


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float:
    """Return Fleiss' kappa for items each coded by the same number of raters (one row per item)."""
    return fleiss_kappa_from_counts(fleiss_counts(ratings)[1])


@dataclass(frozen=True)
class ClassAgreement:
    """Coders' codings of the same paragraphs: each pair's Cohen's kappa, Fleiss' kappa, the votes.

    A kappa is None where it is undefined: the coders concerned all chose one and the same label.
    """

    coders: tuple[str, ...]
    paragraphs: tuple[int, ...]
    pairwise: dict[tuple[str, str], float | None]
    fleiss: float | None
    votes: dict[int, dict[str, int]]

    def disputed(self) -> list[int]:
        """Return the paragraphs, the least agreed first (the smallest share for the most chosen label)."""
        return sorted(self.paragraphs, key=lambda n: (max(self.votes[n].values()), n))


def kappa_or_none(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Return Cohen's kappa, or None when both coders used one and the same label (kappa undefined)."""
    if len(set(first)) == 1 and list(first) == list(second):
        return None  # one shared category: percent agreement says it all
    return cohen_kappa(first, second)


def class_agreement(codings: Mapping[str, Mapping[int, str]]) -> ClassAgreement:
    """Return the agreement of coders (name -> {paragraph: label}) over the paragraphs every one coded."""
    if len(codings) < 2:
        raise InvalidInputError("class agreement needs at least two coders.")
    common = sorted(set.intersection(*(set(c) for c in codings.values())))
    if not common:
        raise InvalidInputError("no paragraph was coded by every coder, so there is nothing to compare.")
    names = tuple(codings)
    pairwise = {
        (a, b): kappa_or_none([codings[a][n] for n in common], [codings[b][n] for n in common])
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    }
    rows = [[codings[name][n] for name in names] for n in common]
    single = len({code for row in rows for code in row}) == 1
    votes = {n: dict(Counter(row).most_common()) for n, row in zip(common, rows, strict=True)}
    return ClassAgreement(names, tuple(common), pairwise, None if single else fleiss_kappa(rows), votes)
