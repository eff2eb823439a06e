"""What the framing lesson's widgets show: the paragraph being coded with its tag, and a rewritten
headline's scores beside the original's devices."""

from __future__ import annotations

import html

from kit.display.common import text_html
from kit.display.framing import devices_compared_html
from kit.framing import FramingScore


def tagged_paragraph_html(number: int, text: str, tag: str | None, definition: str) -> str:
    """Return paragraph ``number`` and, below it, its tag (or "Not coded yet") and what that means."""
    return (
        f'<p style="max-width:46em"><b>¶{number}</b> {html.escape(text)}</p>'
        f"<p><small><b>{html.escape(tag or 'Not coded yet')}:</b> {html.escape(definition)}</small></p>"
    )


def reframe_summary_html(summary: str, original: FramingScore, yours: FramingScore | None) -> str:
    """Return the reframing lab's summary: one sentence, then the devices each headline and dek hold."""
    return text_html(summary) + devices_compared_html(original, yours)
