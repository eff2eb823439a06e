"""A student's work file: the only code in the kit that writes student work.

Each notebook keeps its answers in one JSON file beside it, ``<name>.work.json``.
Every change is written at once and atomically (a temporary file, flushed to
disk, then renamed over the old one), so a kernel restart or a crash mid-save
loses nothing: the file on disk is always the last complete save. Re-running the
notebook reads the answers back. A work file that cannot be read is set aside
under a new name, with a message saying where, and never overwritten.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from kit.errors import InvalidInputError, checked

FORMAT = 1
SUFFIX = ".work.json"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise InvalidInputError(
            f"work file name must be 1 to 80 letters, digits, '_' or '-' (no folders, no '..'), "
            f"but {name!r} was given."
        )
    return name


def _check_json(key: str, value: object) -> None:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidInputError(
            f"answer {key!r} must be text, a number, true/false, None, or a list or dict of those, "
            f"but its value holds a {type(value).__name__} ({error})."
        ) from None


class WorkFile:
    """A notebook's saved answers: read on creation, written on every change."""

    def __init__(self, name: str, folder: str | Path | None = None):
        self.name = _check_name(name)
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.path = self.folder / f"{self.name}{SUFFIX}"
        self.notice: str | None = None
        self._answers: dict[str, Any] = self._read()

    @property
    def answers(self) -> dict[str, Any]:
        """Return a copy of every saved answer, by key."""
        return json.loads(json.dumps(self._answers))

    @checked
    def get(self, key: str, default: Any = None) -> Any:
        """Return the saved answer for ``key``, or ``default`` when there is none."""
        return self.answers.get(key, default)

    @checked
    def set(self, key: str, value: Any) -> None:
        """Save ``value`` as the answer for ``key`` and write the work file now."""
        if not isinstance(key, str) or not key.strip():
            raise InvalidInputError(f"answer key must be non-empty text, but {key!r} was given.")
        _check_json(key, value)
        self._answers[key] = json.loads(json.dumps(value))
        self._write()

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(content, dict) or not isinstance(content.get("answers"), dict):
                raise ValueError("it does not hold the kit's answers")
            return content["answers"]
        except (OSError, ValueError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            kept = self._set_aside()
            self.notice = (
                f"Your work file {self.path.name} could not be read ({error}). It was kept as "
                f"{kept.name} so nothing is lost, and this notebook starts a new work file. "
                "Show the kept file to your instructor if you need what was in it."
            )
            return {}

    def _set_aside(self) -> Path:
        number = 1
        while (kept := self.path.with_name(f"{self.name}.unreadable-{number}.json")).exists():
            number += 1
        self.path.rename(kept)
        return kept

    def _write(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        content = {"kit_work_file": FORMAT, "notebook": self.name, "answers": self._answers}
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(content, handle, indent=2, sort_keys=True, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)


@checked
def open_work(name: str, folder: str | Path | None = None) -> WorkFile:
    """Return the work file ``<name>.work.json`` in ``folder`` (default: the notebook's folder)."""
    return WorkFile(name, folder)
