"""kit.assign: student versions come from the one source and never drift from it."""

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from kit.assign import BANKS, main, stale_banks, stale_student_versions, strip_solutions, student_version
from kit.errors import DataFileError

EXERCISES = Path(__file__).parents[1] / "exercises"
KEYS = EXERCISES / "key"
KIT = Path(__file__).parents[1] / "kit"


def test_solutions_and_hidden_tests_are_removed():
    source = (
        "q1 = ...  # a number\n### BEGIN SOLUTION\nq1 = 4\n### END SOLUTION\n"
        'exercise.check("q1", q1)\n### BEGIN HIDDEN TESTS\nassert False\n### END HIDDEN TESTS'
    )
    assert strip_solutions(source) == 'q1 = ...  # a number\nexercise.check("q1", q1)'


def test_an_unbalanced_marker_is_refused():
    with pytest.raises(DataFileError, match="cell 3: '### BEGIN SOLUTION' has no matching"):
        strip_solutions("### BEGIN SOLUTION\nq1 = 4\n", "cell 3")


def test_student_versions_keep_nbgrader_metadata_and_clear_outputs():
    source = nbformat.read(EXERCISES / "02_reading_exercises.ipynb", as_version=4)
    student = student_version(source, "01")
    assert all(c.get("outputs", []) == [] and c.get("execution_count") is None for c in student.cells)
    assert [c.metadata["nbgrader"]["grade_id"] for c in student.cells] == [
        c.metadata["nbgrader"]["grade_id"] for c in source.cells
    ]
    text = "".join(c.source for c in student.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "q1 = 4" not in text
    assert any(c.outputs for c in source.cells if c.cell_type == "code")  # the source itself is untouched


def test_student_tests_may_fail_without_stopping_run_all_and_carry_no_widget_state():
    source = nbformat.read(EXERCISES / "06_numerical_targets_exercises.ipynb", as_version=4)
    student = student_version(source, "06")
    tests = [c for c in student.cells if "exercise.require(" in c.source]
    assert tests and all("raises-exception" in c.metadata["tags"] for c in tests)
    others = [c for c in student.cells if "exercise.require(" not in c.source]
    assert not any("raises-exception" in c.metadata.get("tags", []) for c in others)
    assert "widgets" not in student.metadata


def test_the_committed_student_versions_are_current():
    assert stale_student_versions(EXERCISES) == [], "run: python -m kit.assign"


def test_the_command_line_writes_and_checks(tmp_path, capsys):
    (tmp_path / "x.ipynb").write_text(
        (EXERCISES / "02_reading_exercises.ipynb").read_text(), encoding="utf-8"
    )
    shutil.copytree(KEYS, tmp_path / "key")
    banks = ["--banks", str(tmp_path / "banks")]
    assert main(["--folder", str(tmp_path), "--check", *banks]) == 1
    out = capsys.readouterr().out
    assert "out of date:" in out and f"{tmp_path / 'banks' / '02_reading.json'}" in out
    assert main(["--folder", str(tmp_path), *banks]) == 0
    assert main(["--folder", str(tmp_path), "--check", *banks]) == 0
    assert sorted(p.name for p in (tmp_path / "banks").iterdir()) == sorted(
        p.name for p in KEYS.glob("*.json")
    )


def test_the_committed_banks_are_sealed_from_their_keys():
    assert stale_banks(KEYS, BANKS) == [], "run: python -m kit.assign"


def _plain_answers(value, path=""):
    """Yield (path, value) for every expected/answer/solution value that is not a digest list or sealed."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ("expected", "solution") or (key == "answer" and not _sealed(inner)):
                yield f"{path}.{key}", inner
            yield from _plain_answers(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _plain_answers(inner, f"{path}[{index}]")


def _sealed(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, str) and len(v) == 24 and int(v, 16) >= 0 for v in value
    )


@pytest.mark.parametrize("path", sorted(KIT.rglob("*.json")), ids=lambda p: str(p.relative_to(KIT)))
def test_no_json_under_kit_holds_an_answer_in_plain_text(path):
    content = json.loads(path.read_text(encoding="utf-8"))
    assert list(_plain_answers(content)) == []
    if path.parent.name == "exercises":
        for question in content["questions"]:
            assert all(v["explanation"].startswith("sealed:") for v in question["variants"])
            assert all(
                m["message"].startswith("sealed:") for v in question["variants"] for m in v["mistakes"]
            )


def test_every_bank_is_checked_for_plain_answers():
    banks = {p.stem for p in BANKS.glob("*.json")}
    assert banks == {p.stem for p in KEYS.glob("*.json")} and len(banks) >= 6


def test_the_plain_text_test_can_fail():
    assert list(_plain_answers({"questions": [{"expected": 10.8}, {"answer": ["kicker"]}]})) == [
        (".questions[0].expected", 10.8),
        (".questions[1].answer", ["kicker"]),
    ]


def test_a_bad_key_is_one_line_and_a_non_zero_exit(tmp_path, capsys):
    (tmp_path / "key").mkdir()
    (tmp_path / "key" / "bad.json").write_text('{"questions": [{"id": "q1", "kind": "essay"}]}')
    assert main(["--folder", str(tmp_path), "--banks", str(tmp_path / "banks")]) == 2
    where = f"python -m kit.assign: answer keys in {tmp_path / 'key'}: bad.json"
    assert capsys.readouterr().err == f"{where}: question 'q1' lacks prompt, hints, explanation.\n"
    (tmp_path / "key" / "bad.json").write_text("{not json")
    assert main(["--folder", str(tmp_path), "--banks", str(tmp_path / "banks")]) == 2
    assert capsys.readouterr().err.startswith(f"{where}: the answer key cannot be read (Expecting property")
    assert not (tmp_path / "banks").exists() or not list((tmp_path / "banks").iterdir())
    assert main(["--folder", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
