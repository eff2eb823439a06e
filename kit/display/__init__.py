"""Rich notebook output, by topic: every HTML table, summary and marked text the kit shows.

``common`` holds the page style and what every display shares, ``table`` the one ``table(rows,
columns)`` every table is built on; ``reading``, ``background``, ``devices`` and ``rewrite`` the
lessons' own; ``framing``, ``stakeholders``, ``targets``, ``prediction``, ``reveal``, ``coding`` and
``questions`` (an exercise question's cell) are imported by their own names. This module
re-exports what lessons call as ``kit.display.X``.
"""

from __future__ import annotations

from kit.display.background import context_html, events_html, glossary_html, people_html
from kit.display.common import NO_MATH, mark_phrase, show
from kit.display.devices import DEVICE_STYLES, devices_html, devices_legend_html
from kit.display.reading import (
    SEARCH_NOTE,
    article_html,
    credits_html,
    facts_html,
    headline_html,
    kwic_html,
    kwic_table_html,
    paragraphs_html,
    scored_words_html,
    size_html,
)
from kit.display.rewrite import rewrite_chart, rewrite_table
from kit.display.table import rows_html, table

__all__ = [
    "DEVICE_STYLES",
    "NO_MATH",
    "SEARCH_NOTE",
    "article_html",
    "context_html",
    "credits_html",
    "devices_html",
    "devices_legend_html",
    "events_html",
    "facts_html",
    "glossary_html",
    "headline_html",
    "kwic_html",
    "kwic_table_html",
    "mark_phrase",
    "paragraphs_html",
    "people_html",
    "rewrite_chart",
    "rewrite_table",
    "rows_html",
    "scored_words_html",
    "show",
    "size_html",
    "table",
]
