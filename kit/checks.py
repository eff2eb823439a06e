"""Automatic feedback on exercise answers: checks against sealed answers, and named mistakes.

``check_answer(question, answer, variant)`` never raises, whatever it is given: it says how many
of the question's checks passed, and when the answer is a predictable mistake the bank names
(the wrong base for a percentage, paragraphs off by one, ...), it gives that mistake's message.
The answers it checks against are salted digests (``kit.sealed``), so nothing here or in the
banks holds them in plain text. Written answers are checked for form only (not empty, long
enough, citing a paragraph); their content is graded by the rubric in the instructor guide.

A student's session with a bank (answers saved, attempts, hints, reveals, variants) is
``kit.exercise``; the answer widgets are ``kit.ask``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any

from kit import sealed
from kit.agreement import UndefinedAgreementError, cohen_kappa
from kit.questions import KINDS, Question, Variant, bank_names, known_bank, load_questions
from kit.wording import counted

__all__ = [
    "KINDS", "NOT_ANSWERED", "Feedback", "Question", "bank_names", "check_answer", "coding_of",
    "describe", "known_bank", "load_questions", "reference_coding", "written_counts",
]  # fmt: skip

NOT_ANSWERED = "not answered yet"
_PARAGRAPH_CITE = re.compile(r"¶\s*\d+|\bparagraphs?\s+\d+", re.IGNORECASE)


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer: each check's outcome, the counts, and a named mistake."""

    question: str
    status: str
    lines: tuple[tuple[bool, str], ...]
    note: str = ""
    mistake: str = ""

    @property
    def passed(self) -> int:
        """Return how many checks passed."""
        return sum(ok for ok, _ in self.lines)

    @property
    def total(self) -> int:
        """Return how many checks the question has."""
        return len(self.lines)

    @property
    def answered(self) -> bool:
        """Return True when there was an answer to check."""
        return self.status != NOT_ANSWERED

    @property
    def correct(self) -> bool:
        """Return True when every check passed."""
        return self.status == "checked" and self.passed == self.total

    def __str__(self) -> str:
        if self.status != "checked":
            return f"{self.question}: {self.status}." + (f"\n{self.note}" if self.note else "")
        head = f"{self.question}: {self.passed} of {self.total} checks passed."
        lines = [head, *(f"  {'✓' if ok else '✗'} {text}" for ok, text in self.lines)]
        extra = [self.mistake] if self.mistake else []
        return "\n".join(lines + extra + ([self.note] if self.note else []))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def describe(answer: object) -> str:
    """Return a short text showing ``answer``, even one whose repr fails."""
    try:
        text = repr(answer)
    except Exception:  # a student's object whose repr fails still gets feedback
        return f"a {type(answer).__name__} that cannot be shown"
    return text if len(text) <= 60 else text[:57] + "..."


def _is_unanswered(answer: object) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    return isinstance(answer, list | tuple | set | frozenset | dict | range) and len(answer) == 0


def _wrong_type(
    expected: str, answer: object, later_checks: int, problem: str | None = None
) -> list[tuple[bool, str]]:
    """Return a failed form check and the checks that cannot run until the form is right."""
    first = (False, f"The answer should be {expected}; {problem or f'{describe(answer)} is not'}.")
    return [first, *[(False, "Not checked until the answer has the right form.")] * later_checks]


def _finite(answer: object) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, Real):
        return None
    try:
        value = float(answer)
    except (OverflowError, ValueError):  # 10**400 is a Real too big for a float
        return None
    return value if math.isfinite(value) else None


def _has(q: Question, variant: Variant, token: str) -> bool:
    return sealed.digest(q.salt, q.id, token) in variant.answer


def _number_token(q: Question, value: float) -> str | None:
    try:
        return sealed.number_token(value, q.tolerance)
    except (OverflowError, ValueError):  # a value so large that its grid cell is not a number
        return None


def _check_number(q: Question, v: Variant, answer: object) -> list[tuple[bool, str]]:
    value = _finite(answer)
    if value is None:
        return _wrong_type(f"a number, like 12 or 16.3{f' ({q.unit})' if q.unit else ''}", answer, 1)
    token = _number_token(q, value)
    right = token is not None and _has(q, v, token)
    return [
        (True, "The answer is a number."),
        (right, f"{value:g} is {'right' if right else 'not right yet'}."),
    ]


def _option(q: Question, item: object) -> str | None:
    """Return the option ``item`` names (any case, spaces trimmed), or None."""
    if not isinstance(item, str):
        return None
    return {o.strip().lower(): o for o in q.options}.get(item.strip().lower())


def _check_choice(q: Question, v: Variant, answer: object) -> list[tuple[bool, str]]:
    choice = _option(q, answer)
    if choice is None:
        return _wrong_type(f"one of {', '.join(repr(o) for o in q.options)}", answer, 1)
    right = _has(q, v, sealed.option_token(choice))
    return [
        (True, "The answer is one of the options."),
        (right, f"{choice!r} is {'right' if right else 'not right yet'}."),
    ]


def _membership(q: Question, v: Variant, tokens: set[str], noun: str) -> list[tuple[bool, str]]:
    """Return the two set checks: every member that belongs listed, and nothing extra."""
    found = sum(_has(q, v, t) for t in tokens)
    extra, belong = len(tokens) - found, len(v.answer)
    extras = f"{extra} of the {noun}s listed {'does' if extra == 1 else 'do'} not belong."
    return [
        (found == belong, f"It includes {found} of the {belong} {noun}s that belong."),
        (not extra, extras if extra else f"It lists no {noun} that does not belong."),
    ]


def _whole(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _paragraph_numbers(q: Question, answer: object) -> set[int] | None:
    items = [answer] if _whole(answer) else answer
    if not isinstance(items, list | tuple | set | frozenset | range):
        return None
    if not all(_whole(i) and 1 <= i <= q.paragraph_count for i in items):
        return None
    return {int(i) for i in items}


def _check_paragraphs(q: Question, v: Variant, answer: object) -> list[tuple[bool, str]]:
    numbers = _paragraph_numbers(q, answer)
    if numbers is None:
        return _wrong_type(
            f"a list of paragraph numbers from 1 to {q.paragraph_count}, like [3, 10]", answer, 2
        )
    tokens = {sealed.paragraph_token(n) for n in numbers}
    return [(True, "The answer is a list of paragraph numbers."), *_membership(q, v, tokens, "paragraph")]


def _chosen_items(q: Question, answer: object) -> list[str] | None:
    items = [answer] if isinstance(answer, str) else answer
    if not isinstance(items, list | tuple | set | frozenset):
        return None
    chosen = [_option(q, i) for i in items]
    found = [option for option in chosen if option is not None]
    return found if len(found) == len(chosen) else None


def _check_items(q: Question, v: Variant, answer: object) -> list[tuple[bool, str]]:
    chosen = _chosen_items(q, answer)
    if chosen is None:
        return _wrong_type(f"a list of options from {', '.join(map(repr, q.options))}", answer, 2)
    tokens = {sealed.option_token(o) for o in chosen}
    return [(True, "The answer is a list of options."), *_membership(q, v, tokens, "item")]


def _paragraph_key(key: object) -> int | None:
    # a saved answer comes back from JSON with its paragraph numbers as text
    if isinstance(key, str) and key.strip().isascii() and key.strip().isdigit():
        key = int(key)
    return int(key) if isinstance(key, Integral) and not isinstance(key, bool) else None


def _coding_problem(q: Question, answer: object) -> str | None:
    """Return what keeps ``answer`` from being a coding with ``q``'s labels, or None if nothing does."""
    if not isinstance(answer, dict):
        return f"{describe(answer)} is not a coding of paragraphs"
    for key, label in answer.items():
        number = _paragraph_key(key)
        if number is None or not 1 <= number <= q.paragraph_count:
            return f"{describe(key)} is not a paragraph number from 1 to {q.paragraph_count}"
        if _option(q, label) is None:
            return f"paragraph {number}'s label {describe(label)} is not one of them"
    return None


def coding_of(q: Question, answer: object) -> dict[int, str] | None:
    """Return ``answer`` as a coding of paragraphs with ``q``'s labels, or None if it is not one."""
    if not isinstance(answer, dict) or _coding_problem(q, answer) is not None:
        return None
    pairs = [(_paragraph_key(k), _option(q, v)) for k, v in answer.items()]
    return {number: label for number, label in pairs if number is not None and label is not None}


def reference_coding(q: Question, variant: object = 0) -> dict[int, str]:
    """Return the reference label of each paragraph a coding question asks, found from its digests."""
    v = q.variant(variant)
    return {n: label for n in q.paragraphs for label in q.options if _has(q, v, sealed.label_token(n, label))}


def _agreement_line(q: Question, coding: dict[int, str], reference: dict[int, str]) -> tuple[bool, str]:
    coded = sorted(reference)
    same = sum(coding[n] == reference[n] for n in coded)
    try:
        kappa = cohen_kappa([coding[n] for n in coded], [reference[n] for n in coded])
    except UndefinedAgreementError:
        kappa = 1.0 if same == len(coded) else 0.0
    return (
        kappa >= q.min_kappa,
        f"It agrees with the reference coding on {same} of {len(coded)} paragraphs "
        f"(Cohen's kappa {kappa:.2f}; {q.min_kappa:.2f} or more asked).",
    )


def _check_coding(q: Question, v: Variant, answer: object) -> list[tuple[bool, str]]:
    coding = coding_of(q, answer)
    if coding is None:
        shape = f"a label for each paragraph asked, one of {', '.join(map(repr, q.options))}"
        return _wrong_type(shape, answer, 2, _coding_problem(q, answer))
    reference = reference_coding(q, q.variants.index(v))
    coded = set(coding) & set(reference)
    complete = len(coded) == len(reference)
    lines = [
        (True, "The answer is a coding of paragraphs."),
        (complete, f"It codes {len(coded)} of the {len(reference)} paragraphs asked."),
    ]
    if not complete:
        return [*lines, (False, "Agreement is not checked until every paragraph asked is coded.")]
    return [*lines, _agreement_line(q, coding, reference)]


def written_counts(text: str) -> tuple[int, int]:
    """Return how many words a written answer has and how many different paragraphs it cites."""
    cited = {re.sub(r"\D", "", hit) for hit in _PARAGRAPH_CITE.findall(text)}
    return len(text.split()), len(cited)


def _check_written(q: Question, v: Variant, answer: object) -> list[tuple[bool, str]]:
    if not isinstance(answer, str):
        return _wrong_type("written text", answer, 2)
    count, cites = written_counts(answer)
    lines = [
        (True, "The answer is written."),
        (count >= q.min_words, f"It has {counted(count, 'word')} (at least {q.min_words} to hand in)."),
    ]
    if q.layout == "rewrite":
        return lines + _rewrite_form(answer)
    cited = "It cites a paragraph, like ¶4." if cites else "It cites no paragraph yet: point to one, like ¶4."
    return [*lines, (cites > 0, cited)]


def _rewrite_form(text: str) -> list[tuple[bool, str]]:
    """Return the form checks of a rewritten opening: a layout the kit reads, and a Sources line."""
    from kit.rewrite import OPENING_PARAGRAPHS, layout_fault, sources_line  # first use: it loads TextBlob

    fault = layout_fault(text, OPENING_PARAGRAPHS)
    sources = sources_line(text)
    return [
        (
            not fault,
            f"The kit cannot read its layout yet: {fault}." if fault else "The kit can read its layout.",
        ),
        (
            bool(sources),
            f"It names its sources: {sources}" if sources else "It has no 'Sources: ¶1, ¶10' line yet.",
        ),
    ]


_CHECKERS = {
    "number": _check_number,
    "choice": _check_choice,
    "items": _check_items,
    "paragraphs": _check_paragraphs,
    "coding": _check_coding,
    "written": _check_written,
}


def _answer_token(q: Question, answer: object) -> str | None:
    """Return the one token a whole answer reduces to, for matching it against named mistakes."""
    if q.kind == "number":
        value = _finite(answer)
        return None if value is None else _number_token(q, value)
    if q.kind == "choice":
        option = _option(q, answer)
        return None if option is None else sealed.option_token(option)
    if q.kind == "items":
        chosen = _chosen_items(q, answer)
        return None if chosen is None else sealed.set_token({sealed.option_token(o) for o in chosen})
    if q.kind == "paragraphs":
        numbers = _paragraph_numbers(q, answer)
        return None if numbers is None else sealed.set_token({sealed.paragraph_token(n) for n in numbers})
    coding = coding_of(q, answer) if q.kind == "coding" else None
    return None if coding is None else sealed.set_token({sealed.label_token(n, c) for n, c in coding.items()})


def _named_mistake(q: Question, v: Variant, answer: object) -> str:
    token = _answer_token(q, answer)
    if token is None:
        return ""
    found = sealed.digest(q.salt, q.id, token)
    return next((q.mistake_message(m) for m in v.mistakes if found in m.answer), "")


def check_answer(question: Question, answer: object, variant: object = 0) -> Feedback:
    """Return the feedback on ``answer`` to ``question`` (its variant ``variant``); never raises."""
    if _is_unanswered(answer):
        return Feedback(question.id, NOT_ANSWERED, ())
    v = question.variant(variant)
    lines = tuple(_CHECKERS[question.kind](question, v, answer))
    right = all(ok for ok, _ in lines)
    return Feedback(
        question.id, "checked", lines, mistake="" if right else _named_mistake(question, v, answer)
    )
