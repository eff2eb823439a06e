"""Provenance: what the kit ships cites the publications themselves, never the team's working fact file.

Students and instructors get the repository, not the team's notes, so a citation of
FACTS.md or of "the fact sheet" is one they cannot follow.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SHIPPED = ("kit", "notebooks", "exercises/student")
SHIPPED_FILES = ("exercises/*.ipynb",)
TEXT = {".py", ".json", ".csv", ".md", ".ipynb", ".txt", ".html", ".toml", ".cfg"}
INTERNAL = re.compile(r"facts\.md|fact[ -]?sheet", re.IGNORECASE)


def shipped_files() -> list[Path]:
    found = [p for folder in SHIPPED for p in (ROOT / folder).rglob("*") if p.suffix in TEXT]
    found += [p for pattern in SHIPPED_FILES for p in ROOT.glob(pattern)]
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


def internal_citations(path: Path, root: Path = ROOT) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path.relative_to(root)}:{n}" for n, line in enumerate(lines, 1) if INTERNAL.search(line)]


def test_the_search_covers_the_data_the_lessons_and_the_exercises():
    names = {p.relative_to(ROOT).as_posix() for p in shipped_files()}
    assert {
        "kit/data/stakeholders.json",
        "kit/data/targets_us_goods_trade.csv",
        "kit/data/targets_README.md",
        "kit/stakeholders/data.py",
        "notebooks/05_stakeholders.ipynb",
        "exercises/05_stakeholders_exercises.ipynb",
        "exercises/student/05_stakeholders_exercises.ipynb",
        "kit/data/exercises/06_numerical_targets.json",
    } <= names


@pytest.mark.parametrize(
    "line",
    ["(FACTS.md §2, 11 Feb 1994)", "(the kit's fact sheet, §7.5)", "the Fact-Sheet's label", "facts.MD"],
)
def test_a_citation_of_the_internal_file_is_caught(tmp_path, line):
    note = tmp_path / "note.md"
    note.write_text(f"A fact (LA Times, 12 Feb 1994).\n{line}\n", encoding="utf-8")
    assert internal_citations(note, tmp_path) == ["note.md:2"]


def test_no_shipped_file_cites_the_internal_fact_file():
    cited = [hit for path in shipped_files() for hit in internal_citations(path)]
    assert cited == []
