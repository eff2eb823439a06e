"""The stand-in a reveal button leaves in a stored notebook: what it is, and that it opens only after
the student's own answer is saved. The reference itself is never part of it."""

from __future__ import annotations

import html

from kit.display.common import NO_MATH, STYLE

REVEALED = "The reference is below; it follows any change you save above."


def reveal_locked_text(label: str, task: str) -> str:
    """Return the plain-text stand-in of a reveal button: what it is and when it opens."""
    return f"[{label}: a button that opens once you have saved {task}. Run the cell to use it.]"


def reveal_locked_html(label: str, task: str) -> str:
    """Return the static stand-in of a reveal button, marked as such: a greyed button and when it opens."""
    return (
        f'{STYLE}<div class="{NO_MATH}" style="border:1px dashed #777;padding:.4em .7em;max-width:46em">'
        f'<p style="margin:0 0 .3em;font-size:.85em;color:#444"><b>Static view</b> (the notebook has not '
        "been run here). In the live notebook this is a button:</p>"
        f'<p style="margin:0"><span style="display:inline-block;border:1px solid #999;color:#666;'
        f'background:#eee;padding:.2em .8em">{html.escape(label)}</span> stays greyed out until you '
        f"have saved {html.escape(task)}; then it shows the kit's reference. The reference is not "
        "printed here, so that you answer first.</p></div>"
    )
