"""The one HTML table every kit display builds on: ``table(rows, columns)``.

JupyterLab right-aligns table cells at 12 px and strips <style> from outputs it does not trust
(a notebook just opened), so tables carry their layout inline: text reads left-aligned, numbers
right-aligned, at the size of the text around them.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from IPython.display import HTML

from kit.display.common import NO_MATH, STYLE
from kit.errors import checked

_TABLE = f'<table class="kit-table {NO_MATH}" style="font-size:14px;border-collapse:collapse">'
_CELL = "padding:.2em .6em;vertical-align:top;text-align:"


class Html(str):
    """Text that is already HTML: a table puts it in its cell as it is, where plain text is escaped."""

    __slots__ = ()


def _cell(value: object, tag: str = "td", right: bool = False) -> str:
    """Return one cell: Html as it is, a number right-aligned, None empty, anything else escaped."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    content = value if isinstance(value, Html) else html.escape("" if value is None else str(value))
    return f'<{tag} style="{_CELL}{"right" if number or right else "left"}">{content}</{tag}>'


def table(rows: Sequence[Sequence[object]], columns: Sequence[object], right: Collection[int] = ()) -> str:
    """Return an HTML table: a head naming ``columns``, then one row per item of ``rows``.

    Cells are escaped unless they are ``Html``; numbers and the columns numbered in ``right``
    (from 0) are right-aligned.

    >>> table([["tariffs", 2]], ["word", "hits"]).count("text-align:right")
    1
    """
    head = "<thead><tr>" + "".join(_cell(str(name), "th") for name in columns) + "</tr></thead>"
    body = "".join(
        "<tr>" + "".join(_cell(value, right=i in right) for i, value in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"{STYLE}{_TABLE}{head}<tbody>{body}</tbody></table>"


@checked
def rows_html(header: Sequence[str], rows: Sequence[Sequence[object]]) -> HTML:
    """Return a simple HTML table with ``header`` and ``rows`` (cells escaped)."""
    return HTML(table(rows, header))
