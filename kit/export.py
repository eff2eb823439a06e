"""Submission export: a student's answers as one self-contained HTML report and a JSON file.

Written by the kernel from the work file, so nothing depends on the browser
saving the notebook, and no LaTeX is needed. An instructor loads a folder of the
JSON files for a class summary.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kit.agreement import fleiss_kappa
from kit.checks import check_answer, coding_of, known_bank, load_questions, reference_coding
from kit.errors import ArticleFormatError, InvalidInputError, checked, invalid
from kit.exercise import Exercise


@dataclass(frozen=True)
class QuestionSummary:
    """How a class did on one question: how many students answered it and got every check right."""

    question: str
    students: int
    answered: int
    correct: int


@dataclass(frozen=True)
class ClassAgreement:
    """How far a class's codings of the same paragraphs agree: Fleiss' kappa and each paragraph's votes."""

    question: str
    students: int
    paragraphs: tuple[int, ...]
    kappa: float
    votes: dict[int, dict[str, int]]
    left_out: tuple[str, ...]

    def disputed(self) -> list[int]:
        """Return the paragraphs, the least agreed first (the smallest share for the most chosen label)."""
        return sorted(self.paragraphs, key=lambda n: (max(self.votes[n].values()), n))


def _answers_files(where: str, folder: str | Path, exercise: str) -> list[Path]:
    files = sorted(Path(folder).glob(f"*{exercise}_exercises.answers.json"))
    if not files:
        allowed = (
            f"a folder holding exported answers for {exercise!r}, in files named "
            f"'<student>-{exercise}_exercises.answers.json' or '{exercise}_exercises.answers.json'"
        )
        raise invalid(where, "folder", str(folder), allowed)
    return files


def _answers(path: Path) -> dict:
    try:
        answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    except (ValueError, KeyError, TypeError) as error:
        raise ArticleFormatError(f"{path.name} is not an exported answers file ({error}).") from None
    if not isinstance(answers, dict):
        raise ArticleFormatError(f"{path.name} is not an exported answers file (its answers are not a dict).")
    return answers


def _results(path: Path) -> dict:
    """Return the per-question records of an exported answers file ({} for an older file)."""
    try:
        results = json.loads(path.read_text(encoding="utf-8")).get("results", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return results if isinstance(results, dict) else {}


def _variant_index(record: object) -> int:
    """Return the variant a hand-in's record says was answered (0 when it names none)."""
    variant = record.get("variant") if isinstance(record, dict) else None
    index = variant.get("index", 0) if isinstance(variant, dict) else 0
    return index if isinstance(index, int) and not isinstance(index, bool) else 0


def _chart_html(chart: object) -> str:
    """Return a saved chart as an embedded image with its description as alt text and caption."""
    if not isinstance(chart, dict) or not isinstance(chart.get("png"), str):
        return ""
    text = html.escape(str(chart.get("description", "")), quote=True)
    return (
        f'<figure><img alt="{text}" src="data:image/png;base64,{html.escape(chart["png"], quote=True)}">'
        f"<figcaption>{text}</figcaption></figure>"
    )


def _answer_html(answer: object) -> str:
    text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
    return f"<pre>{html.escape(text)}</pre>"


def _record_html(record: dict) -> str:
    """Return the hand-in's line of how a question was answered: attempts, hints, reveal, variant."""
    variant = record["variant"]
    parts = [
        f"{'correct' if record['correct'] else 'not correct'}",
        f"{record['attempts']} attempt{'s' * (record['attempts'] != 1)}",
        f"{record['hints']} hint{'s' * (record['hints'] != 1)} used",
        "explanation revealed before a right answer" if record["revealed"] else "explanation not revealed",
    ]
    if isinstance(variant, dict):
        parts.append("variant " + ", ".join(f"{k} {v}" for k, v in variant.items()))
    return f'<p class="record">{html.escape("; ".join(parts))}.</p>'


@checked
def export_work(exercise: Exercise, folder: str | Path | None = None) -> str:
    """Write ``<name>_exercises.report.html`` and ``.answers.json``; return a one-line summary."""
    out = Path(folder) if folder is not None else exercise.work.folder
    stem = f"{exercise.name}_exercises"
    feedback = exercise.saved_feedback()
    answers = {q: exercise.work.get(f"answer.{q}") for q in exercise.questions}
    results = {q: exercise.record(q) for q in exercise.questions}
    record = {"exercise": exercise.name, "student": exercise.student, "answers": answers, "results": results}
    sections = "".join(
        f"<section><h2>{html.escape(q.id)}</h2><p>{html.escape(q.prompt)}</p>"
        f"{_answer_html(answers[q.id]) if answers[q.id] is not None else '<p><em>Not answered.</em></p>'}"
        f"{_chart_html(exercise.saved_chart(q.id))}"
        f"<pre>{html.escape(str(feedback[q.id]))}</pre>{_record_html(results[q.id])}</section>"
        for q in exercise.questions.values()
    )
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(stem)}</title>'
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}pre{white-space:pre-wrap}"
        "img{max-width:100%}</style>"
        f"</head><body><h1>Exercises: {html.escape(exercise.name)}</h1>{sections}</body></html>\n"
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.report.html").write_text(page, encoding="utf-8")
    (out / f"{stem}.answers.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    answered = sum(f.answered for f in feedback.values())
    correct = sum(f.correct for f in feedback.values())
    return (
        f"Wrote {stem}.report.html and {stem}.answers.json: {len(feedback)} questions, "
        f"{answered} answered, {correct} with every check passed."
    )


@checked
def class_summary(folder: str | Path, exercise: str) -> list[QuestionSummary]:
    """Return, per question, how many of the students' exported answers in ``folder`` answered it
    and passed every check (answers are re-checked, not trusted)."""
    questions = load_questions(known_bank("class_summary", "exercise", exercise))
    files = _answers_files("class_summary", folder, exercise)
    tallies = {q: [0, 0] for q in questions}
    for path in files:
        answers = _answers(path)
        for qid, question in questions.items():
            variant = _variant_index(_results(path).get(qid))
            feedback = check_answer(question, answers.get(qid), variant)
            tallies[qid][0] += feedback.answered
            tallies[qid][1] += feedback.correct
    return [QuestionSummary(q, len(files), answered, correct) for q, (answered, correct) in tallies.items()]


@checked
def class_agreement(folder: str | Path, exercise: str, question: str) -> ClassAgreement:
    """Return the agreement (Fleiss' kappa) of the class's codings for coding question ``question``.

    Only complete codings count (every paragraph the question asks for, with valid labels);
    the files left out are named, so an instructor can follow them up.
    """
    questions = load_questions(known_bank("class_agreement", "exercise", exercise))
    coding_questions = [q.id for q in questions.values() if q.kind == "coding"]
    if question not in coding_questions:
        raise InvalidInputError(
            f"question must be a coding question of {exercise!r} ({', '.join(coding_questions) or 'none'}), "
            f"not {question!r}."
        )
    paragraphs = tuple(sorted(reference_coding(questions[question])))
    codings, left_out = [], []
    for path in _answers_files("class_agreement", folder, exercise):
        coding = coding_of(questions[question], _answers(path).get(question))
        if coding is None or not set(paragraphs) <= coding.keys():
            left_out.append(path.name)
        else:
            codings.append(coding)
    if len(codings) < 2:
        raise InvalidInputError(
            f"class agreement needs at least two complete codings of {question}, but {len(codings)} "
            f"of {len(codings) + len(left_out)} answers files have one."
        )
    rows = [[coding[n] for coding in codings] for n in paragraphs]
    votes = {n: dict(Counter(row).most_common()) for n, row in zip(paragraphs, rows, strict=True)}
    return ClassAgreement(question, len(codings), paragraphs, fleiss_kappa(rows), votes, tuple(left_out))
