"""Charts for reading the article: its shape, keyword hits, and lexicon sentiment."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from kit.article import KwicHit
from kit.charts.base import (
    MAX_PARAGRAPHS,
    NARRATION,
    NEGATIVE,
    PALETTE,
    POSITIVE,
    QUOTED,
    framed_axes,
    new_axes,
    record,
)
from kit.errors import InvalidInputError, checked, whole_number
from kit.quotes import ParagraphShape
from kit.text import Sentiment
from kit.wording import counted, paragraph_list


@checked
def story_shape(shape: Sequence[ParagraphShape], ax: Axes | None = None) -> Axes:
    """Draw each paragraph's length as a bar split into narration and quoted words."""
    if not shape:
        raise InvalidInputError("shape must list at least one paragraph; an empty list was given.")
    ax = new_axes(ax, (7, 0.28 * len(shape) + 1.2))
    numbers = [p.number for p in shape]
    ax.barh(numbers, [p.narration_words for p in shape], color=NARRATION, label="reporters' narration")
    ax.barh(
        numbers,
        [p.quoted_words for p in shape],
        left=[p.narration_words for p in shape],
        color=QUOTED,
        hatch="//",
        edgecolor="white",
        label="words inside quotation marks",
    )
    ax.set_yticks(numbers, [f"¶{n}" for n in numbers])
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("The story's shape: paragraph lengths and where quotes fall")
    ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    quoted = [p.number for p in shape if p.quoted_words]
    total, in_quotes = sum(p.words for p in shape), sum(p.quoted_words for p in shape)
    return record(
        ax,
        f"Bars show the length in words of each of the {len(shape)} body paragraphs; "
        f"{in_quotes} of the {total} words are inside quotation marks, in {paragraph_list(quoted)}.",
    )


def _strip_frame(paragraph_count: int) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        ax.set_xlim(0.5, paragraph_count + 0.5)
        ax.set_ylim(0, 1)
        ax.set_xticks(range(1, paragraph_count + 1))
        ax.vlines([n + 0.5 for n in range(paragraph_count - 1)], 0, 1, color="#cccccc", linewidth=0.8)
        ax.set_yticks([])
        ax.set_xlabel("paragraph")

    return draw


@checked
def keyword_strip(hits: Sequence[KwicHit], paragraph_count: int, phrase: str, ax: Axes | None = None) -> Axes:
    """Draw a strip with a tick wherever ``phrase`` occurs, on a paragraph scale."""
    whole_number("paragraph_count", paragraph_count, 1, MAX_PARAGRAPHS)
    ax = framed_axes(ax, (7, 1.3), ("keyword_strip", paragraph_count), _strip_frame(paragraph_count))
    ticks = ax.vlines([h.position for h in hits], 0, 1, color=PALETTE["vermillion"], linewidth=2.5)
    ax.set_title(f"Where \u201c{phrase}\u201d falls in the story ({counted(len(hits), 'hit')})", fontsize=10)
    paragraphs = sorted({h.paragraph for h in hits})
    where = f"in {paragraph_list(paragraphs)}"
    return record(
        ax,
        f"A strip of the story's {paragraph_count} paragraphs with a tick wherever "
        f"\u201c{phrase}\u201d occurs: {where if hits else 'nowhere in the body'}.",
        [ticks],
    )


@checked
def sentiment_arc(arc: Mapping[int, Sentiment], ax: Axes | None = None) -> Axes:
    """Draw polarity and subjectivity paragraph by paragraph."""
    if not arc:
        raise InvalidInputError("arc must score at least one paragraph; an empty mapping was given.")
    ax = new_axes(ax, (7, 3))
    numbers = sorted(arc)
    polarity = [arc[n].polarity for n in numbers]
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.plot(numbers, polarity, "o-", color=POSITIVE, label="polarity (−1 negative … +1 positive)")
    ax.plot(
        numbers,
        [arc[n].subjectivity for n in numbers],
        "s--",
        color=NEGATIVE,
        label="subjectivity (0 factual … 1 opinion)",
    )
    ax.set_xticks(numbers)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("paragraph")
    ax.set_title("Sentiment arc: TextBlob's lexicon scores, paragraph by paragraph")
    ax.legend(loc="lower left", fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    high = max(numbers, key=lambda n: arc[n].polarity)
    low = min(numbers, key=lambda n: arc[n].polarity)
    return record(
        ax,
        f"Polarity and subjectivity of the {len(numbers)} paragraphs; polarity peaks at "
        f"{arc[high].polarity:+.2f} in paragraph {high} and is lowest, {arc[low].polarity:+.2f}, "
        f"in paragraph {low}.",
    )


def _scores_frame(rows: int) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.set_xlim(-1.15, 1.15)
        ax.set_ylim(rows - 0.4, -0.6)
        ax.set_yticks([])
        ax.set_xlabel("polarity of each scored word (hatched bars are negative)")
        ax.spines[["top", "right"]].set_visible(False)

    return draw


@checked
def word_scores(result: Sentiment, title: str = "Words that drove the score", ax: Axes | None = None) -> Axes:
    """Draw the polarity each scored word or phrase contributed, one bar each, strongest labelled."""
    rows = max(8, len(result.assessments))
    ax = framed_axes(ax, (7, 2.6), ("word_scores", rows), _scores_frame(rows))
    data = _score_bars(ax, result)
    ax.set_title(
        f"{title}: polarity {result.polarity:+.2f}, subjectivity {result.subjectivity:.2f}", fontsize=10
    )
    if not result.assessments:
        empty = "No word here is in the lexicon, so both scores are 0."
        data.append(ax.text(0.5, 0.5, empty, ha="center", transform=ax.transAxes))
        return record(
            ax, "No word in this passage is in TextBlob's lexicon, so it scores 0 on both scales.", data
        )
    strongest = max(result.assessments, key=lambda a: abs(a.polarity))
    return record(
        ax,
        f"{counted(len(result.assessments), 'scored word or phrase', 'scored words or phrases')}; "
        f"the strongest is \u201c{' '.join(strongest.words)}\u201d "
        f"at {strongest.polarity:+.2f}, and their mean gives polarity {result.polarity:+.2f}.",
        data,
    )


def _score_bars(ax: Axes, result: Sentiment) -> list[Artist]:
    """Draw one bar per scored word or phrase, its value at its end and its words at its left."""
    values = [a.polarity for a in result.assessments]
    bars = ax.barh(
        range(len(values)),
        values,
        color=[POSITIVE if v >= 0 else NEGATIVE for v in values],
        hatch=["" if v >= 0 else "xx" for v in values],
        edgecolor="white",
    )
    data: list[Artist] = [
        *bars,
        *ax.bar_label(bars, labels=[f"{v:+.2f}" for v in values], padding=3, fontsize=8),
    ]
    label_at = ax.get_yaxis_transform()  # x in axes fractions, y in rows
    data += [
        ax.text(-0.01, row, " ".join(a.words), transform=label_at, ha="right", va="center", fontsize=9)
        for row, a in enumerate(result.assessments)
    ]
    return data
