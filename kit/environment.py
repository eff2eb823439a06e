"""A set-up check a student can run when something does not show: what works, and what to do."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Check:
    """One thing the kit needs, whether it is there, and what to do if it is not."""

    name: str
    ok: bool
    advice: str


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _major(package: str) -> int | None:
    version = _version(package)
    return int(version.split(".")[0]) if version else None


def checks() -> list[Check]:
    """Return the kit's set-up checks, in the order a student should fix them."""
    reinstall = (
        "Run `python -m pip install -r requirements.txt` from the kit's folder, then restart the kernel."
    )
    return [
        Check("Python 3.11 or newer", sys.version_info >= (3, 11), "Install Python 3.11 or newer."),
        Check("the kit is installed", _version("trade-talks-kit") is not None, reinstall),
        Check("ipywidgets 8 (the widgets)", _major("ipywidgets") == 8, reinstall),
        Check(
            "jupyterlab_widgets 3 (shows widgets in JupyterLab)",
            _major("jupyterlab_widgets") == 3,
            reinstall + " Then reload the browser tab.",
        ),
        Check("matplotlib 3 (the charts)", _major("matplotlib") == 3, reinstall),
        Check("TextBlob (sentiment, works offline)", _version("textblob") is not None, reinstall),
        Check("pysbd (sentences, works offline)", _version("pysbd") is not None, reinstall),
    ]


def report() -> str:
    """Return the set-up checks as lines a student can read: a tick, or a cross and what to do."""
    results = checks()
    lines = [f"✓ {c.name}" if c.ok else f"✗ {c.name}: {c.advice}" for c in results]
    failed = sum(not c.ok for c in results)
    lines.append("Everything the kit needs is here." if not failed else f"{failed} problem(s) to fix.")
    return "\n".join(lines)
