"""deploy/Dockerfile, the single-user image, is linted here (no Docker engine runs on CI).

The file is parsed into instructions (continuation lines joined) and checked against the
rules the deployment guide relies on: a pinned Python 3.11 base, the student requirements
only (never requirements.txt, which adds the test tools), every file the install needs
copied first, a non-root user with uid 1000 as Zero to JupyterHub expects, and
jupyterhub-singleuser as the command.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCKERFILE = REPO / "deploy" / "Dockerfile"
KNOWN = {"FROM", "ARG", "ENV", "RUN", "WORKDIR", "COPY", "USER", "EXPOSE", "CMD", "LABEL"}


def instructions(text: str) -> list[tuple[str, str]]:
    """Return the Dockerfile's instructions as (keyword, arguments), comments dropped, lines joined."""
    joined = re.sub(
        r"\\\n", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    )
    found = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            found.append((keyword.upper(), " ".join(arguments.split())))
    return found


STEPS = instructions(DOCKERFILE.read_text(encoding="utf-8"))


def arguments(keyword: str) -> list[str]:
    """Return the arguments of every ``keyword`` instruction, in order."""
    return [args for key, args in STEPS if key == keyword]


def test_every_instruction_is_one_docker_knows():
    assert {key for key, _ in STEPS} <= KNOWN
    assert STEPS[0][0] == "FROM"


def test_the_base_is_a_pinned_python_3_11():
    (base,) = arguments("FROM")
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm", base)


def test_it_installs_the_student_requirements_and_not_the_test_tools():
    runs = " ".join(arguments("RUN"))
    assert "pip install --no-cache-dir -r requirements-student.txt" in runs
    assert "requirements.txt" not in runs.replace("requirements-student.txt", "")
    assert "requirements-test.txt" not in " ".join(arguments("COPY"))
    student = (REPO / "requirements-student.txt").read_text(encoding="utf-8")
    for test_tool in ("pytest", "nbval", "playwright", "hypothesis", "ruff"):
        assert not re.search(rf"^{test_tool}\b", student, flags=re.M)


def test_every_file_the_install_reads_is_copied_before_it_and_exists():
    copied = []
    for args in arguments("COPY"):
        copied += args.split()[:-1]
    for source in copied:
        assert (REPO / source).exists(), source
    # What requirements-student.txt installs from the checkout: the kit and student-view.
    for needed in (
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "kit",
        "seeds",
        "student-view",
        "requirements-student.txt",
    ):
        assert needed in copied
    first_install = next(i for i, (key, args) in enumerate(STEPS) if key == "RUN" and "pip install" in args)
    last_copy = max(i for i, (key, _) in enumerate(STEPS) if key == "COPY")
    assert last_copy < first_install


def test_it_runs_as_uid_1000_with_the_single_user_command():
    assert arguments("ARG")[:2] == ["NB_USER=jovyan", "NB_UID=1000"]
    assert arguments("USER") == ["${NB_UID}"]
    assert [key for key, _ in STEPS][-3:] == ["WORKDIR", "EXPOSE", "CMD"]
    assert json.loads(arguments("CMD")[0]) == ["jupyterhub-singleuser"]


def test_the_parser_joins_continuations_and_drops_comments():
    text = '# a comment\nFROM x\nRUN a \\\n    && b\n\nCMD ["c"]\n'
    assert instructions(text) == [("FROM", "x"), ("RUN", "a && b"), ("CMD", '["c"]')]


def test_binder_builds_the_student_requirements_on_python_3_11():
    """repo2docker reads binder/ instead of the root: the student's packages, not the test tools."""
    binder = REPO / "binder"
    assert (binder / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    lines = [
        line
        for line in (binder / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == ["-r ../requirements-student.txt"]
    assert sorted(path.name for path in binder.iterdir()) == ["requirements.txt", "runtime.txt"]
