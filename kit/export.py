"""Submission export: a student's answers as one self-contained HTML report and a JSON file.

Written by the kernel from the work file, so nothing depends on the browser
saving the notebook, and no LaTeX is needed. An instructor loads a folder of the
JSON files for a class summary.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kit import agreement
from kit.agreement import ClassAgreement, UndefinedAgreementError
from kit.checks import check_answer, coding_of, known_bank, load_questions, reference_coding
from kit.errors import MAX_DEPTH, DataFileError, InvalidInputError, checked, invalid, too_deep
from kit.exercise import Exercise
from kit.store import read_regular, write_files

MAX_HANDIN_BYTES = 5_000_000  # an exported answers file is a few kilobytes: far below this


@dataclass(frozen=True)
class QuestionSummary:
    """How a class did on one question: how many students answered it and got every check right."""

    question: str
    students: int
    answered: int
    correct: int
    problems: tuple[str, ...] = ()  # "<file>: why it was not read", for each hand-in that could not be


@dataclass(frozen=True)
class HandInAgreement(ClassAgreement):
    """The agreement of a class's hand-ins on one coding question, naming the files left out."""

    question: str = ""
    left_out: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # "<file>: why it was not read"; those files are in left_out too

    @property
    def students(self) -> int:
        """Return how many students' complete codings were compared."""
        return len(self.coders)

    @property
    def kappa(self) -> float | None:
        """Return Fleiss' kappa over every complete coding."""
        return self.fleiss


def _answers_files(where: str, folder: str | Path, exercise: str) -> list[Path]:
    files = sorted(Path(folder).glob(f"*{exercise}_exercises.answers.json"))
    if not files:
        allowed = (
            f"a folder holding exported answers for {exercise!r}, in files named "
            f"'<student>-{exercise}_exercises.answers.json' or '{exercise}_exercises.answers.json'"
        )
        raise invalid("folder", str(folder), allowed)
    return files


class HandIns(NamedTuple):
    """A folder of hand-ins: the answers read, by file name, and why each other file was not read."""

    answers: dict[str, dict]  # read_records: each whole record (student, answers, results)
    problems: dict[str, str]


def read_handins(folder: str | Path, exercise: str) -> HandIns:
    """Return the exported answers for ``exercise`` in ``folder``, and the hand-ins that could not be read.

    Only regular files up to MAX_HANDIN_BYTES are read (never a device, FIFO or folder with a
    hand-in's name), and answers nested more than MAX_DEPTH levels deep are refused, so one bad
    hand-in is named with its reason and the rest of the class is still read.
    """
    records, problems = read_records(folder, exercise)
    return HandIns({name: record["answers"] for name, record in records.items()}, problems)


def read_records(folder: str | Path, exercise: str) -> HandIns:
    """Return the whole hand-ins for ``exercise`` in ``folder`` (student id, answers, per-question
    results), read as safely as ``read_handins`` reads them, and why each other file was not read."""
    known_bank("exercise", exercise)
    records, problems = {}, {}
    for path in _answers_files("read_handins", folder, exercise):
        try:
            records[path.name] = _handin(path)
        except (OSError, DataFileError) as error:
            problems[path.name] = str(error)
    return HandIns(records, problems)


def _handin(path: Path) -> dict:
    """Return a hand-in's whole record, its answers checked; its results are {} unless a dict."""
    try:
        data = read_regular(path, MAX_HANDIN_BYTES)
    except OSError as error:
        raise DataFileError(f"{path.name} could not be opened ({error.strerror}).") from None
    except ValueError as error:
        raise DataFileError(f"{path.name} was not read: {error}.") from None
    try:
        record = json.loads(data.decode("utf-8"))
        answers = record["answers"]
    except RecursionError:
        raise _nested_too_deep(path) from None
    except (ValueError, KeyError, TypeError) as error:
        raise DataFileError(f"{path.name} is not an exported answers file ({error}).") from None
    if too_deep(answers):
        raise _nested_too_deep(path)
    if not isinstance(answers, dict):
        raise DataFileError(f"{path.name} is not an exported answers file (its answers are not a dict).")
    results = record.get("results")
    student = record.get("student")
    return {
        "answers": answers,
        "results": results if isinstance(results, dict) and not too_deep(results) else {},
        "student": student if isinstance(student, str) else "",
    }


def _nested_too_deep(path: Path) -> DataFileError:
    return DataFileError(
        f"{path.name} is not an exported answers file (its answers are nested more than "
        f"{MAX_DEPTH} levels deep)."
    )


def variant_answered(record: dict, question: str) -> int:
    """Return the variant a hand-in's record says ``question`` was answered in (0 when it names none)."""
    results = record.get("results")
    result = results.get(question) if isinstance(results, dict) else None
    variant = result.get("variant") if isinstance(result, dict) else None
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
    verdict = (
        "correct"
        if record["correct"]
        else "not correct"
        if record["passed"] or record["total"]
        else "not answered"
    )
    parts = [
        verdict,
        f"{record['attempts']} attempt{'s' * (record['attempts'] != 1)}",
        f"{record['hints']} hint{'s' * (record['hints'] != 1)} used",
        "explanation revealed before a right answer" if record["revealed"] else "explanation not revealed",
    ]
    if isinstance(variant, dict):
        values = ", ".join(f"{k} {v}" for k, v in variant.items() if k != "index")
        parts.append(f"variant: draw {variant.get('index')} ({values})")
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
    files = {
        f"{stem}.report.html": page,
        f"{stem}.answers.json": json.dumps(record, indent=2, ensure_ascii=False),
    }
    write_files(out, files)
    answered = sum(f.answered for f in feedback.values())
    correct = sum(f.correct for f in feedback.values())
    return (
        f"Wrote {stem}.report.html and {stem}.answers.json: {len(feedback)} questions, "
        f"{answered} answered, {correct} with every check passed."
    )


def class_summary(folder: str | Path, exercise: str) -> list[QuestionSummary]:
    """Return, per question, how many of the students' exported answers in ``folder`` answered it
    and passed every check (answers are re-checked, not trusted)."""
    questions = load_questions(known_bank("exercise", exercise))
    handins = read_records(folder, exercise)
    tallies = {q: [0, 0] for q in questions}
    for record in handins.answers.values():
        for qid, question in questions.items():
            feedback = check_answer(question, record["answers"].get(qid), variant_answered(record, qid))
            tallies[qid][0] += feedback.answered
            tallies[qid][1] += feedback.correct
    problems = _problem_lines(handins)
    return [
        QuestionSummary(q, len(handins.answers), answered, correct, problems)
        for q, (answered, correct) in tallies.items()
    ]


def _problem_lines(handins: HandIns) -> tuple[str, ...]:
    return tuple(f"{name}: {problem}" for name, problem in handins.problems.items())


def class_agreement(folder: str | Path, exercise: str, question: str) -> HandInAgreement:
    """Return the agreement (Fleiss' kappa) of the class's codings for coding question ``question``.

    Only complete codings count (every paragraph the question asks for, with valid labels);
    the files left out are named, so an instructor can follow them up.
    """
    questions = load_questions(known_bank("exercise", exercise))
    coding_questions = [q.id for q in questions.values() if q.kind == "coding"]
    if question not in coding_questions:
        raise InvalidInputError(
            f"question must be a coding question of {exercise!r} ({', '.join(coding_questions) or 'none'}), "
            f"not {question!r}."
        )
    paragraphs = tuple(sorted(reference_coding(questions[question])))
    handins = read_handins(folder, exercise)
    codings, left_out = {}, list(handins.problems)
    for name, answers in handins.answers.items():
        coding = coding_of(questions[question], answers.get(question))
        if coding is None or not set(paragraphs) <= coding.keys():
            left_out.append(name)
        else:
            codings[name] = {n: coding[n] for n in paragraphs}
    if len(codings) < 2:
        raise InvalidInputError(
            f"class agreement needs at least two complete codings of {question}, but {len(codings)} "
            f"of {len(codings) + len(left_out)} answers files have one."
        )
    result = agreement.class_agreement(codings)
    if result.fleiss is None:
        raise UndefinedAgreementError(
            f"Fleiss' kappa is undefined for {question}: every student chose the same label for every "
            "paragraph, so chance agreement is 1. Agreement is 100%; report that instead."
        )
    return HandInAgreement(
        **vars(result), question=question, left_out=tuple(sorted(left_out)), problems=_problem_lines(handins)
    )


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m kit.export gradebook FOLDER [--out FILE]``; a problem is one line and exit 2."""
    import argparse
    import sys

    from kit.errors import KitError
    from kit.gradebook import write_gradebook  # kit.gradebook reads hand-ins through this module

    parser = argparse.ArgumentParser(prog="python -m kit.export", description="Class reports from hand-ins.")
    commands = parser.add_subparsers(dest="command", required=True)
    gradebook = commands.add_parser("gradebook", help="write a CSV: a row per student, a column per question")
    gradebook.add_argument("folder", type=Path, help="the folder of exported *.answers.json hand-ins")
    gradebook.add_argument("--out", type=Path, help="the CSV to write (default: FOLDER/gradebook.csv)")
    args = parser.parse_args(argv)
    try:
        print(write_gradebook(args.folder, args.out))
    except (KitError, OSError) as error:
        print(f"python -m kit.export: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
