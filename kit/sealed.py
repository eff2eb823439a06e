"""Answers that cannot be read ahead: salted hashes of answers, and explanations kept sealed.

A student's question bank holds no answer in plain text. Each answer is reduced to tokens
(an option, a paragraph number, a paragraph's label, a number's cell on the question's
tolerance grid), and each token is stored as a salted SHA-256 digest; a check hashes the
student's tokens the same way and compares. Explanations are stored XOR-ed with a keystream
made from the salt, so reading the JSON does not show them: they are opened by the kit after
a correct answer or a recorded reveal.

This stops reading ahead, not a determined programmer: a choice among three options can be
found by hashing all three. Grades come from the answers the work file records.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections.abc import Iterable

DIGEST_LENGTH = 24
SEALED_PREFIX = "sealed:"
TINY_STEP = 1e-6  # the grid of a number checked exactly (tolerance 0)


def digest(salt: str, question: str, token: str) -> str:
    """Return the salted digest of one answer token of ``question``."""
    data = "\x1f".join((salt, question, token)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]


def digests(salt: str, question: str, tokens: Iterable[str]) -> list[str]:
    """Return the sorted digests of ``tokens`` (sorted, so their order gives nothing away)."""
    return sorted({digest(salt, question, t) for t in tokens})


def grid_step(tolerance: float) -> float:
    """Return the width of a cell of a number question's grid: its tolerance, or a tiny step if 0."""
    return tolerance if tolerance > 0 else TINY_STEP


def grid_cell(value: float, tolerance: float) -> int:
    """Return the grid cell ``value`` falls in: the nearest whole multiple of the grid step."""
    return math.floor(value / grid_step(tolerance) + 0.5)


def accepted_cells(expected: float, tolerance: float) -> list[int]:
    """Return the grid cells whose centre lies within ``tolerance`` of ``expected``."""
    step, centre = grid_step(tolerance), grid_cell(expected, tolerance)
    near = [centre - 1, centre, centre + 1]
    return [k for k in near if k == centre or abs(k * step - expected) <= tolerance + 1e-9]


def number_tokens(expected: float, tolerance: float) -> list[str]:
    """Return the tokens of a number answer: the grid cells it accepts."""
    return [f"cell {k}" for k in accepted_cells(expected, tolerance)]


def number_token(value: float, tolerance: float) -> str:
    """Return the token of a student's number: its grid cell."""
    return f"cell {grid_cell(value, tolerance)}"


def option_token(option: str) -> str:
    """Return the token of a chosen option (case and spaces do not matter)."""
    return f"option {option.strip().lower()}"


def paragraph_token(number: int) -> str:
    """Return the token of a paragraph number."""
    return f"paragraph {number}"


def label_token(number: int, label: str) -> str:
    """Return the token of one paragraph's label in a coding."""
    return f"paragraph {number} is {label.strip().lower()}"


def set_token(tokens: Iterable[str]) -> str:
    """Return the token of a whole set of tokens (for a mistake made of several items)."""
    return "set " + " | ".join(sorted(tokens))


def _keystream(salt: str, question: str, length: int) -> bytes:
    blocks: list[bytes] = []
    counter = 0
    while sum(map(len, blocks)) < length:
        blocks.append(hashlib.sha256(f"{salt}\x1f{question}\x1fexplanation {counter}".encode()).digest())
        counter += 1
    return b"".join(blocks)[:length]


def seal(salt: str, question: str, text: str) -> str:
    """Return ``text`` sealed for ``question``: not readable in the JSON, opened by ``unseal``."""
    data = text.encode("utf-8")
    mixed = bytes(a ^ b for a, b in zip(data, _keystream(salt, question, len(data)), strict=True))
    return SEALED_PREFIX + base64.b64encode(mixed).decode("ascii")


def unseal(salt: str, question: str, sealed: str) -> str:
    """Return the text ``seal`` sealed; a text that was never sealed comes back as it is."""
    if not sealed.startswith(SEALED_PREFIX):
        return sealed
    try:
        data = base64.b64decode(sealed[len(SEALED_PREFIX) :], validate=True)
    except ValueError:
        return "The explanation could not be opened: the question bank is damaged."
    mixed = bytes(a ^ b for a, b in zip(data, _keystream(salt, question, len(data)), strict=True))
    return mixed.decode("utf-8", errors="replace")
