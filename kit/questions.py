"""The student's question banks: what each question asks, with its answers sealed.

A bank, ``kit/data/exercises/<name>.json``, is written by ``python -m kit.assign`` from the
instructor's answer key (``exercises/key/<name>.json``, see ``kit.keys``) and holds no answer in
plain text: each variant of a question carries the digests of its answer's tokens, its
predictable mistakes (digests and a sealed message) and its sealed explanation (``kit.sealed``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kit.errors import DataFileError, invalid
from kit.sealed import unseal

KINDS = ("number", "choice", "items", "paragraphs", "coding", "written")
BANK_FORMAT = 2


def worded(text: str, values: dict[str, Any]) -> str:
    """Return ``text`` with each value put in place of ``{name}`` (other braces are left alone)."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", f"{value:g}" if isinstance(value, float) else str(value))
    return text


@dataclass(frozen=True)
class Mistake:
    """A predictable wrong answer: the digests that match it and its sealed message."""

    answer: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class Variant:
    """One version of a question: the values its wording uses, and its sealed answer."""

    values: dict[str, Any] = field(default_factory=dict)
    answer: tuple[str, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    explanation: str = ""


@dataclass(frozen=True)
class Question:
    """One question of a bank: what is asked, the widget that fits it, its hints and its variants."""

    id: str
    kind: str
    prompt: str
    hints: tuple[str, ...]
    variants: tuple[Variant, ...] = (Variant(),)
    salt: str = ""
    options: tuple[str, ...] = ()
    unit: str = ""
    tolerance: float = 0.0
    points: float = 1.0
    paragraphs: tuple[int, ...] = ()
    paragraph_count: int = 20
    min_words: int = 0
    min_kappa: float = 0.0
    layout: str = ""  # "rewrite": a written answer laid out as a rewritten opening (kit.rewrite)

    def variant(self, index: object = 0) -> Variant:
        """Return variant ``index``, or the first when ``index`` is not one of them."""
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(self.variants):
            return self.variants[index]
        return self.variants[0]

    def worded(self, text: str, index: object = 0) -> str:
        """Return ``text`` with the values of variant ``index`` put in place of ``{name}``."""
        return worded(text, self.variant(index).values)

    def explanation(self, index: object = 0) -> str:
        """Return the variant's explanation, opened."""
        return unseal(self.salt, self.id, self.variant(index).explanation)

    def mistake_message(self, mistake: Mistake) -> str:
        """Return a mistake's message, opened."""
        return unseal(self.salt, self.id, mistake.message)


def _variant(entry: object) -> Variant:
    if not isinstance(entry, dict):
        raise ValueError(f"a variant must be a JSON object, not {entry!r}")
    mistakes = tuple(Mistake(tuple(m["answer"]), m["message"]) for m in entry.get("mistakes", []))
    return Variant(
        dict(entry.get("values", {})), tuple(entry.get("answer", ())), mistakes, entry.get("explanation", "")
    )


def _question_from_bank(name: str, salt: str, entry: object) -> Question:
    """Return the question a bank ``entry`` describes; raise DataFileError naming what is wrong."""
    if not isinstance(entry, dict):
        shown = f"{entry!r:.60}"
        raise DataFileError(f"{name} is not a question the kit can ask (not a JSON object: {shown}).")
    where = f"{name}: question {entry.get('id', '?')!r}"
    try:
        if entry["kind"] not in KINDS:
            raise ValueError(f"kind {entry['kind']!r} is not one of {', '.join(KINDS)}")
        fields = {k: v for k, v in entry.items() if k in Question.__dataclass_fields__}
        fields.update(
            salt=salt,
            hints=tuple(entry["hints"]),
            options=tuple(entry.get("options", ())),
            paragraphs=tuple(entry.get("paragraphs", ())),
            variants=tuple(_variant(v) for v in entry.get("variants", [{}])) or (Variant(),),
        )
        return Question(**fields)
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"{where} is not a question the kit can ask ({error}).") from None


def bank_names() -> list[str]:
    """Return the names of the question banks in kit/data/exercises, sorted."""
    folder = resources.files("kit.data").joinpath("exercises")
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


def known_bank(parameter: str, name: object) -> str:
    """Return ``name`` if it names a question bank; else raise an error naming ``parameter``."""
    banks = bank_names()
    if not isinstance(name, str) or name not in banks:
        raise invalid(parameter, name, f"the name of a question bank ({', '.join(banks)})")
    return name


def questions_of(name: str, bank: object) -> dict[str, Question]:
    """Return the questions of a student bank's JSON content, by id."""
    if (
        not isinstance(bank, dict)
        or bank.get("kit_question_bank") != BANK_FORMAT
        or not isinstance(bank.get("questions"), list)
    ):
        raise DataFileError(
            f"{name}: the bank is not a question bank of format {BANK_FORMAT}: run python -m kit.assign."
        )
    questions = [_question_from_bank(name, str(bank.get("salt", "")), e) for e in bank["questions"]]
    return {q.id: q for q in questions}


def load_questions(name: str) -> dict[str, Question]:
    """Return the question bank ``name`` (kit/data/exercises/<name>.json), by id."""
    path = resources.files("kit.data").joinpath("exercises", f"{known_bank('name', name)}.json")
    return questions_of(f"{name}.json", json.loads(path.read_text(encoding="utf-8")))
