"""A student's work file: the only code in the kit that writes student work.

Each notebook keeps its answers in one JSON file beside it, ``<name>.work.json``.
Every change is written at once and atomically (a temporary file with a name of its own, flushed
to disk, then renamed over the old one), so a kernel restart or a crash mid-save loses nothing:
the file on disk is always the last complete save. Two kernels may share one work file (the lesson
open in JupyterLab and as a Voila app): each save holds a lock (``.<name>.work.json.lock``, since
the work file itself is replaced on every save), reads the file, adds its answer and writes, so
neither loses the other's answers. (Windows has no ``fcntl``: saves there stay atomic but unlocked.)

Re-running the notebook reads the answers back. A work file that cannot be read (not JSON, not a
regular file, larger than MAX_WORK_BYTES, nested deeper than MAX_DEPTH) is set aside under a new
name, with a notice saying where, and never overwritten. One written by a newer kit is copied byte
for byte before this kit writes its own format over it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kit.errors import MAX_DEPTH, InvalidInputError, SaveError, checked, invalid, too_deep

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no locks on Windows: saves stay atomic

FORMAT = 1
SUFFIX = ".work.json"
MAX_WORK_BYTES = 50_000_000  # a work file with a chart for every question is well under 5 MB
_FIELDS = {"kit_work_file", "notebook", "answers"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise invalid("name", name, "1 to 80 letters, digits, '_' or '-' (no folders, no '..')")
    return name


def _check_folder(folder: Path) -> Path:
    try:
        if "\x00" in str(folder):
            raise ValueError("a NUL character")
        os.fsencode(folder)  # Path.exists() would answer False for a name no file system can hold
        problem = "it is not a folder" if folder.exists() and not folder.is_dir() else None
    except OSError as error:  # a name too long for the file system, for one
        problem = error.strerror or str(error)
    except ValueError:  # a lone surrogate or a NUL character, which no file name can hold
        problem = "its name holds a character no file name can hold"
    if problem is None:
        return folder
    shown = str(folder) if len(str(folder)) <= 80 else str(folder)[:77] + "..."
    raise InvalidInputError(
        f"folder {shown!r} cannot be used to save work ({problem}); give a folder, existing or "
        "new, whose path the file system accepts (each name at most 255 bytes)."
    )


def _check_json(key: str, value: object) -> None:
    if too_deep(value):
        raise invalid(f"answer {key!r}", value, f"nested at most {MAX_DEPTH} levels deep")
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        allowed = "text, a number, true/false, None, or a list or dict of those"
        raise invalid(f"answer {key!r}", value, allowed) from None


def read_regular(path: Path, limit: int) -> bytes:
    """Return the bytes of ``path``; raise ValueError unless it is a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a FIFO would otherwise wait for ever) and checked on the
    open descriptor, so it cannot be swapped for a device between the check and the read. An
    OSError (no such file, permission denied) is left to the caller.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ValueError("it is not a regular file (never a device, FIFO or folder)")
        data = os.read(descriptor, limit + 1) if status.st_size <= limit else b""
        if status.st_size > limit or len(data) > limit:
            raise ValueError(f"it is larger than the limit of {limit:,} bytes")
        return data
    finally:
        os.close(descriptor)


def _parse(data: bytes) -> dict[str, Any]:
    """Return a work file's content; raise ValueError saying why it is not one."""
    try:
        content = json.loads(data.decode("utf-8"))  # JSONDecodeError, UnicodeDecodeError: ValueErrors
    except RecursionError:
        raise ValueError(f"its answers are nested more than {MAX_DEPTH} levels deep") from None
    if not isinstance(content, dict) or not isinstance(content.get("answers"), dict):
        raise ValueError("it does not hold the kit's answers")
    if too_deep(content["answers"]):
        raise ValueError(f"its answers are nested more than {MAX_DEPTH} levels deep")
    return content


def _encoded(content: dict[str, Any]) -> bytes:
    text = json.dumps(content, indent=2, sort_keys=True, ensure_ascii=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (a browser can send one) has no UTF-8 form: keep it, escaped as \udXXX,
        # so the answer is stored as typed and every later save still works.
        return json.dumps(content, indent=2, sort_keys=True).encode("ascii")


class WorkFile:
    """A notebook's saved answers: read on creation, written on every change."""

    def __init__(self, name: str, folder: str | Path | None = None):
        self.name = _check_name(name)
        self.folder = _check_folder(Path(folder) if folder is not None else Path.cwd())
        self.path = self.folder / f"{self.name}{SUFFIX}"
        self.notice: str | None = None
        self._answers: dict[str, Any] = {}
        if os.path.lexists(self.path):
            with self._locked():
                self._answers = self._load()

    @property
    def answers(self) -> dict[str, Any]:
        """Return a copy of every saved answer, by key."""
        return json.loads(json.dumps(self._answers))

    @checked
    def get(self, key: str, default: Any = None) -> Any:
        """Return the saved answer for ``key``, or ``default`` when there is none."""
        return self.answers.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Save ``value`` as the answer for ``key``, with what other kernels saved meanwhile, now."""
        if not isinstance(key, str) or not key.strip():
            raise invalid("key", key, "non-empty text")
        _check_json(key, value)
        value = json.loads(json.dumps(value))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with self._locked():
                answers = {**self._answers, **self._load(), key: value}
                self._write(answers)
        except OSError as error:
            raise _not_saved(
                self.folder, error, f"the last complete save in {self.path.name} is kept"
            ) from error
        self._answers = answers  # only now: nothing shows as saved that is not on disk

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the work file's lock, so one kernel's read-merge-write never interleaves another's."""
        try:
            handle: int | None = os.open(self.folder / f".{self.path.name}.lock", os.O_RDWR | os.O_CREAT)
        except OSError:
            handle = None  # a read-only folder: reading needs no lock, and a save will say why it fails
        try:
            if handle is not None and fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            if handle is not None:
                os.close(handle)  # closing releases the lock

    def _load(self) -> dict[str, Any]:
        """Return the answers on disk, setting aside a file that cannot be read (hold the lock)."""
        try:
            data = read_regular(self.path, MAX_WORK_BYTES)
            content = _parse(data)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            kept = self._free_name("unreadable")
            self.path.rename(kept)
            self.notice = (
                f"Your work file {self.path.name} could not be read ({error}). It was kept as "
                f"{kept.name} so nothing is lost, and this notebook starts a new work file. "
                "Show the kept file to your instructor if you need what was in it."
            )
            return {}
        version, unknown = content.get("kit_work_file", FORMAT), sorted(set(content) - _FIELDS)
        if version != FORMAT or unknown:
            self._keep_newer(data, f"format {version!r}" if version != FORMAT else f"fields {unknown}")
        return content["answers"]

    def _keep_newer(self, data: bytes, what: str) -> None:
        kept = self._free_name("newer-kit")
        with kept.open("xb") as handle:
            handle.write(data)
        self.notice = (
            f"Your work file {self.path.name} was written by a newer version of the kit ({what}; "
            f"this kit reads and writes format {FORMAT}). A byte-for-byte copy was kept as {kept.name}; "
            f"your answers were read, and this notebook saves them in format {FORMAT}."
        )

    def _free_name(self, why: str) -> Path:
        number = 1
        while os.path.lexists(kept := self.path.with_name(f"{self.name}.{why}-{number}.json")):
            number += 1
        return kept

    def _write(self, answers: dict[str, Any]) -> None:
        _replace(self.path, _encoded({"kit_work_file": FORMAT, "notebook": self.name, "answers": answers}))


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file of its own, flushed, renamed over ``path``."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _not_saved(folder: Path, error: OSError, kept: str) -> SaveError:
    return SaveError(
        f"Your work could not be saved in {folder} ({error.strerror or error}); {kept}. "
        "Save to a folder you can write to."
    )


def write_files(folder: str | Path, files: dict[str, str]) -> list[Path]:
    """Write each text in ``files`` (by file name) into ``folder``, atomically; return the paths.

    The folder is made if need be. A folder that cannot be used raises InvalidInputError, one that
    cannot be written SaveError (a KitError and an OSError); a lone surrogate in a text is written
    as ``\\udXXXX``, which JSON reads back as the same character.
    """
    folder = _check_folder(Path(folder))
    for name in files:
        if Path(name).name != name or name in (".", ".."):
            raise InvalidInputError(f"write_files: file name {name!r} must name a file, without folders.")
    paths = [folder / name for name in files]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in zip(paths, files.values(), strict=True):
            _replace(path, text.encode("utf-8", "backslashreplace"))
    except OSError as error:
        raise _not_saved(folder, error, "nothing was lost, and nothing else was written over") from error
    return paths


@checked
def open_work(name: str, folder: str | Path | None = None) -> WorkFile:
    """Return the work file ``<name>.work.json`` in ``folder`` (default: the notebook's folder)."""
    return WorkFile(name, folder)
