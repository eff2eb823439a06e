"""The instructor's answer keys, and the sealed student banks written from them.

A key, ``exercises/key/<exercise>.json``, is plain text for instructors (its format is in
``exercises/key/README.md``). ``student_bank(key)`` validates it and returns the student bank:
the same questions with every expected answer, mistake and explanation sealed (``kit.sealed``)
and every variant computed (``kit.variants``). ``python -m kit.assign`` writes the banks to
``kit/data/exercises`` and checks that they have not drifted from their keys.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

from kit import sealed
from kit.errors import DataFileError
from kit.questions import BANK_FORMAT, KINDS, Question, questions_of, worded
from kit.variants import computed

_REQUIRED = ("id", "kind", "prompt", "hints", "explanation")
_SHOWN = ("id", "kind", "prompt", "options", "unit", "tolerance", "points", "hints",
          "paragraph_count", "min_words", "min_kappa", "layout")  # fmt: skip
LAYOUTS = ("", "rewrite")


def bank_salt(exercise: str, key: dict) -> str:
    """Return the salt of an exercise's bank: fixed by its name and the key's own 'salt' text."""
    return hashlib.sha256(f"trade-talks-kit\x1f{exercise}\x1f{key.get('salt', '')}".encode()).hexdigest()[:16]


def _number(where: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DataFileError(f"{where} must be a finite number, not {value!r}.")
    return float(value)


def _options_named(where: str, entry: dict, named: list) -> None:
    options = entry.get("options")
    if not isinstance(options, list) or not options:
        raise DataFileError(f"{where} ({entry['kind']}) needs a list of 'options'.")
    outside = [n for n in named if n not in options]
    if outside:
        raise DataFileError(f"{where} names {outside[0]!r}, which is not one of its options {options}.")


def _paragraph_list(where: str, entry: dict, value: object) -> list[int]:
    count = entry.get("paragraph_count", 20)
    if not isinstance(value, list) or not all(isinstance(n, int) and 1 <= n <= count for n in value):
        raise DataFileError(f"{where} must be a list of paragraph numbers from 1 to {count}, not {value!r}.")
    return value


def answer_tokens(where: str, entry: dict, answer: Any) -> list[str]:
    """Return the tokens of ``answer`` to the key question ``entry``, refusing one that does not fit."""
    kind = entry["kind"]
    if kind == "number":
        return sealed.number_tokens(_number(where, answer), float(entry.get("tolerance", 0)))
    if kind == "choice":
        _options_named(where, entry, [answer])
        return [sealed.option_token(answer)]
    if kind == "items":
        _options_named(where, entry, answer if isinstance(answer, list) else [answer])
        return [sealed.option_token(o) for o in answer]
    if kind == "paragraphs":
        return [sealed.paragraph_token(n) for n in _paragraph_list(where, entry, answer)]
    if kind == "coding" and isinstance(answer, dict):
        _options_named(where, entry, list(answer.values()))
        _paragraph_list(where, entry, [int(n) if str(n).isdigit() else 0 for n in answer])
        return [sealed.label_token(int(n), label) for n, label in answer.items()]
    raise DataFileError(f"{where}: a {kind} question has no expected answer of this form: {answer!r}.")


def _mistake_tokens(where: str, entry: dict, answer: Any) -> list[str]:
    tokens = answer_tokens(where, entry, answer)
    return tokens if entry["kind"] in ("number", "choice") else [sealed.set_token(tokens)]


def _sealed_mistakes(entry: dict, salt: str, values: dict, answers: dict) -> list[dict]:
    """Return a variant's mistakes for the bank: each wrong answer's digests and its sealed message."""
    qid, where = entry["id"], f"question {entry['id']!r}"
    mistakes = []
    for number, mistake in enumerate(entry.get("mistakes", []), 1):
        if (
            not isinstance(mistake, dict)
            or "answer" not in mistake
            or not isinstance(mistake.get("message"), str)
        ):
            raise DataFileError(f"{where}: mistake {number} needs an 'answer' and a 'message'.")
        answer = answers.get(mistake["answer"], mistake["answer"]) if values else mistake["answer"]
        tokens = _mistake_tokens(f"{where}, mistake {number}", entry, answer)
        message = sealed.seal(salt, qid, worded(mistake["message"], values))
        mistakes.append({"answer": sealed.digests(salt, qid, tokens), "message": message})
    return mistakes


def _sealed_variant(entry: dict, salt: str, values: dict, answers: dict) -> dict:
    """Return one variant of a question for the bank: its values, sealed answer, mistakes, explanation."""
    qid, where = entry["id"], f"question {entry['id']!r}"
    explanation = worded(entry["explanation"], {**values, **answers})
    expected = answers.get("expected", entry.get("expected"))
    tokens = [] if entry["kind"] == "written" else answer_tokens(where, entry, expected)
    return {
        "values": values,
        "answer": sealed.digests(salt, qid, tokens),
        "mistakes": _sealed_mistakes(entry, salt, values, answers),
        "explanation": sealed.seal(salt, qid, explanation),
    }


def _variants(where: str, entry: dict, salt: str) -> list[dict]:
    spec = entry.get("variant")
    if spec is None:
        return [_sealed_variant(entry, salt, {}, {})]
    if entry["kind"] != "number":
        raise DataFileError(f"{where}: only number questions have variants, not {entry['kind']} ones.")
    draws = computed(where, spec)
    first = draws[0][1]["expected"]
    if "expected" in entry and abs(first - _number(f"{where}: 'expected'", entry["expected"])) > 1e-9:
        raise DataFileError(
            f"{where}: 'expected' is {entry['expected']!r}, but the variant's first draw computes {first!r}."
        )
    return [_sealed_variant(entry, salt, values, answers) for values, answers in draws]


def _bank_question(name: str, salt: str, entry: object) -> dict:
    """Return a key question as the student bank holds it: shown fields plain, answers sealed."""
    if not isinstance(entry, dict):
        raise DataFileError(f"{name}: every question must be a JSON object, not {entry!r}.")
    where = f"{name}: question {entry.get('id', '?')!r}"
    missing = [f for f in _REQUIRED if f not in entry]
    if missing:
        raise DataFileError(f"{where} lacks {', '.join(missing)}.")
    if entry["kind"] not in KINDS:
        raise DataFileError(f"{where} has kind {entry['kind']!r}; kinds are {', '.join(KINDS)}.")
    if entry["kind"] != "written" and "expected" not in entry and "variant" not in entry:
        raise DataFileError(f"{where} needs an 'expected' answer.")
    if (
        not isinstance(entry["hints"], list)
        or not entry["hints"]
        or not all(isinstance(h, str) for h in entry["hints"])
    ):
        raise DataFileError(f"{where} needs 'hints', a list of one or more texts, the last a worked method.")
    if entry.get("layout", "") not in LAYOUTS:
        raise DataFileError(f"{where}: 'layout' must be 'rewrite' (a rewritten opening) or left out.")
    shown = {k: entry[k] for k in _SHOWN if k in entry}
    if entry["kind"] == "coding":
        shown["paragraphs"] = sorted(int(n) for n in entry["expected"] if str(n).isdigit())
    return {**shown, "variants": _variants(where, entry, salt)}


def student_bank(name: str, key: object) -> dict:
    """Return the student bank for the answer key ``key`` of exercise ``name``: nothing in plain text."""
    if not isinstance(key, dict) or not isinstance(key.get("questions"), list):
        raise DataFileError(f"{name}: an answer key is a JSON object with a list of 'questions'.")
    salt = bank_salt(name, key)
    questions = [_bank_question(f"{name}.json", salt, e) for e in key["questions"]]
    ids = [q["id"] for q in questions]
    if len(set(ids)) != len(ids):
        raise DataFileError(f"{name}.json: question ids must differ, but they are {ids}.")
    return {"kit_question_bank": BANK_FORMAT, "exercise": name, "salt": salt, "questions": questions}


def questions_from_key(name: str, key: dict) -> dict[str, Question]:
    """Return the questions an answer key gives students, as the kit checks them (for tests and tools)."""
    return questions_of(name, student_bank(name, key))


def read_key(path: Path) -> dict:
    """Return the answer key at ``path``; raise DataFileError naming the file if it is not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataFileError(f"{path.name}: the answer key cannot be read ({error}).") from None


def bank_text(path: Path) -> str:
    """Return the student bank written from the key at ``path``, as JSON text."""
    return json.dumps(student_bank(path.stem, read_key(path)), indent=1, ensure_ascii=False) + "\n"
