"""English wording for the kit's sentences: plurals, counts, lists, and how many times.

One home, so every summary a student reads says "1 word" and "3 words" the same way. Plain
functions of their inputs, without TextBlob or matplotlib, so any layer may use them.
"""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, noun: str, many: str | None = None) -> str:
    """Return ``noun`` for a count of 1, else ``many`` (``noun`` + "s" when not given).

    >>> plural(1, "word"), plural(2, "word"), plural(0, "body", "bodies")
    ('word', 'words', 'bodies')
    """
    return noun if count == 1 else many or noun + "s"


def counted(count: int, noun: str, many: str | None = None) -> str:
    """Return a count with its noun in the right number.

    >>> counted(1, "hit"), counted(3, "hit"), counted(2, "paragraph", "paragraphs")
    ('1 hit', '3 hits', '2 paragraphs')
    """
    return f"{count} {plural(count, noun, many)}"


def joined(items: Sequence[object]) -> str:
    """Return items as an English list, "none" for no items.

    >>> joined([3, 10, 11]), joined([]), joined(["tariffs"])
    ('3, 10 and 11', 'none', 'tariffs')
    """
    names = [str(item) for item in items]
    if len(names) < 2:
        return "".join(names) or "none"
    return ", ".join(names[:-1]) + " and " + names[-1]


def paragraph_list(numbers: Sequence[int]) -> str:
    """Return paragraph numbers as words.

    >>> paragraph_list([19]), paragraph_list([3, 10])
    ('paragraph 19', 'paragraphs 3 and 10')
    """
    return f"{plural(len(numbers), 'paragraph')} {joined(numbers)}"


def times(count: int) -> str:
    """Return how many times, in words for one and two.

    >>> times(1), times(2), times(5)
    ('once', 'twice', '5 times')
    """
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"
