"""Charts for the framing lesson: story parts' sentiment, voice share, frame coding and agreement."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from kit.agreement import Confusion
from kit.charts.base import MAX_PARAGRAPHS, NEGATIVE, PALETTE, POSITIVE, framed_axes, new_axes, record
from kit.errors import InvalidInputError, checked, whole_number
from kit.framing import FramingScore, StoryPart
from kit.quotes import NARRATION_LABEL, NO_SPEAKER, VoiceShare
from kit.text import Sentiment

_HATCHES = ["", "//", "\\\\", "xx", "..", "oo", "++"]
_SIDE_COLOURS = [PALETTE["blue"], PALETTE["vermillion"], PALETTE["orange"], PALETTE["purple"], PALETTE["sky"]]


def _paired_scores(
    names: Sequence[str], scores: Sequence[Sentiment], ax: Axes, title: str, legend_above: bool = False
) -> None:
    """Draw a polarity bar and a hatched subjectivity bar for each name, labelled with their values;
    ``legend_above`` puts the legend between title and bars, clear of any bar or value."""
    rows = list(range(len(names)))
    polarity = ax.barh(
        [r - 0.2 for r in rows],
        [s.polarity for s in scores],
        height=0.38,
        color=POSITIVE,
        label="polarity (−1 … +1)",
    )
    subjectivity = ax.barh(
        [r + 0.2 for r in rows],
        [s.subjectivity for s in scores],
        height=0.38,
        color=PALETTE["orange"],
        hatch="//",
        edgecolor="white",
        label="subjectivity (0 … 1, hatched)",
    )
    ax.bar_label(polarity, labels=[f"{s.polarity:+.2f}" for s in scores], padding=3, fontsize=8)
    ax.bar_label(subjectivity, labels=[f"{s.subjectivity:.2f}" for s in scores], padding=3, fontsize=8)
    ax.set_yticks(rows, names)
    ax.invert_yaxis()
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_xlim(-1.1, 1.25)
    ax.set_xlabel("score")
    if legend_above:
        ax.set_title(title, pad=26)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9, frameon=False)
    else:
        ax.set_title(title)
        ax.legend(loc="upper left", fontsize=9, frameon=False)  # the first row's scores are near 0
    ax.spines[["top", "right"]].set_visible(False)


@checked
def story_parts(parts: Sequence[StoryPart], ax: Axes | None = None) -> Axes:
    """Draw polarity and subjectivity of headline, dek, lead, body and kicker side by side."""
    if not parts:
        raise InvalidInputError("parts must list at least one story part; an empty list was given.")
    ax = new_axes(ax, (7, 3.2))
    _paired_scores(
        [p.name for p in parts],
        [p.sentiment for p in parts],
        ax,
        "Headline and dek against the story: TextBlob's lexicon scores",
    )
    listed = "; ".join(f"{p.name} {p.sentiment.polarity:+.2f}" for p in parts)
    return record(ax, f"Polarity and subjectivity of {len(parts)} parts of the story (polarity: {listed}).")


@checked
def voices_sentiment(voices: Mapping[str, Sentiment], ax: Axes | None = None) -> Axes:
    """Draw polarity and subjectivity of each side's quoted words beside the reporters' narration."""
    if not voices:
        raise InvalidInputError("voices must score at least one voice; an empty mapping was given.")
    ax = new_axes(ax, (7, 0.6 * len(voices) + 1.2))
    names = list(voices)
    scores = [voices[n] for n in names]
    _paired_scores(names, scores, ax, "Quoted voices against the narration", legend_above=True)
    listed = "; ".join(f"{n} {voices[n].polarity:+.2f}" for n in names)
    return record(ax, f"Polarity and subjectivity of {len(names)} voices (polarity: {listed}).")


@checked
def voice_share(share: VoiceShare, ax: Axes | None = None) -> Axes:
    """Draw the body's words by voice: the reporters' narration and each side's quoted words."""
    labels = [NARRATION_LABEL, *share.by_side]
    values = [share.narration_words, *share.by_side.values()]
    ax = new_axes(ax, (7, 0.45 * len(labels) + 1.2))
    rows = list(range(len(labels)))
    colours = [PALETTE["black"], *(_SIDE_COLOURS * 2)][: len(labels)]
    bars = ax.barh(rows, values, color=colours, hatch=_HATCHES[: len(labels)], edgecolor="white")
    total = share.total_words
    ax.bar_label(bars, labels=[f"{v} words ({v / total:.0%})" for v in values], padding=3, fontsize=8)
    ax.set_yticks(rows, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max(values) * 1.3 if max(values) else 1)
    ax.set_xlabel("words in the body")
    ax.set_title("Whose words tell the story?")
    ax.spines[["top", "right"]].set_visible(False)
    sides = ", ".join(f"{k} {v}" for k, v in share.by_side.items() if v)
    return record(
        ax,
        f"Of the body's {total} words, {share.narration_words} ({share.narration_share:.0%}) are the "
        f"reporters' narration and {share.quoted_words} are quoted: {sides or 'none'}.",
    )


@checked
def speaker_words(share: VoiceShare, ax: Axes | None = None) -> Axes:
    """Draw how many quoted words each speaker has, most first, quoted terms (no speaker) last."""
    speakers = sorted((k for k in share.by_speaker if k != NO_SPEAKER), key=lambda k: -share.by_speaker[k])
    speakers += [NO_SPEAKER] if NO_SPEAKER in share.by_speaker else []
    if not speakers:
        raise InvalidInputError("no quotes to chart: the article has no quoted words.")
    ax = new_axes(ax, (7, 0.4 * len(speakers) + 1.1))
    values = [share.by_speaker[s] for s in speakers]
    hatches = ["//" if s == NO_SPEAKER else "" for s in speakers]
    bars = ax.barh(
        range(len(speakers)), values, color=PALETTE["orange"], hatch=hatches, edgecolor="black", linewidth=0.5
    )
    ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=8)
    ax.set_yticks(range(len(speakers)), speakers)
    ax.invert_yaxis()
    ax.set_xlabel("words inside quotation marks")
    ax.set_title("Quoted words per speaker")
    ax.spines[["top", "right"]].set_visible(False)
    top = speakers[0]
    return record(
        ax,
        f"{len(speakers)} voices are quoted; {top} has the most quoted words, {share.by_speaker[top]} of "
        f"{share.quoted_words}.",
    )


def _short(name: str) -> str:
    return name.split(",")[0].replace(" and ", " & ")


@checked
def frame_confusion(
    table: Confusion, ax: Axes | None = None, first: str = "you", second: str = "reference"
) -> Axes:
    """Draw a confusion table as a grid of counts; agreements lie on the outlined diagonal."""
    cats = table.categories
    size = len(cats)
    ax = new_axes(ax, (1.1 * size + 3.2, 0.8 * size + 1.6))
    grid = [[table.count(a, b) for b in cats] for a in cats]
    most = max(max(row) for row in grid) or 1
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=most * 1.6)
    for i in range(size):
        for j in range(size):
            value = grid[i][j]
            mark = "✓" if i == j and value else ""
            ax.text(j, i, f"{value}{mark}" if value else "·", ha="center", va="center", fontsize=10)
        ax.add_patch(_outline(i))
    ax.set_xticks(range(size), [_short(c) for c in cats], rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(size), [_short(c) for c in cats], fontsize=8)
    ax.set_xlabel(f"frame chosen by {second} (columns)")
    ax.set_ylabel(f"frame chosen by {first} (rows)")
    ax.set_title("Where the two codings agree (diagonal, ✓) and differ", fontsize=10)
    agree = sum(grid[i][i] for i in range(size))
    total = sum(map(sum, grid))
    return record(
        ax,
        f"A {size}-by-{size} grid of frame choices: {agree} of {total} paragraphs lie on the diagonal, "
        f"where {first} and {second} chose the same frame.",
    )


def _outline(i: int):
    from matplotlib.patches import Rectangle

    return Rectangle((i - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=1.5)


_STATES = {
    "agrees": ("o", POSITIVE, "same as the reference"),
    "differs": ("X", NEGATIVE, "differs from the reference"),
    "coded": ("s", PALETTE["black"], "coded"),
    "open": ("o", "none", "not coded yet"),
}


def _strip_frame(paragraph_count: int) -> Callable[[Axes], None]:
    def draw(ax: Axes) -> None:
        ax.set_xlim(0.4, paragraph_count + 0.6)
        ax.set_ylim(-0.6, 0.8)
        ax.set_xticks(range(1, paragraph_count + 1))
        ax.set_yticks([])
        ax.set_xlabel("paragraph")
        ax.spines[["top", "right", "left"]].set_visible(False)
        for state, (marker, colour, label) in _STATES.items():
            edge = "#555555" if state == "open" else colour
            ax.scatter([], [], marker=marker, s=70, facecolor=colour, edgecolor=edge, label=label)
        ax.legend(loc="upper center", ncol=4, fontsize=8, frameon=False, bbox_to_anchor=(0.5, 1.06))

    return draw


def coding_progress(
    states: Mapping[int, str], paragraph_count: int, current: int | None = None, ax: Axes | None = None
) -> Axes:
    """Draw one marker per paragraph: coded, not coded, or (when compared) same as / different from the
    reference; the current paragraph is ringed."""
    whole_number("paragraph_count", paragraph_count, 1, MAX_PARAGRAPHS)
    unknown = set(states.values()) - set(_STATES)
    if unknown:
        raise InvalidInputError(
            f"states must be among {', '.join(_STATES)}, not {', '.join(sorted(unknown))}."
        )
    ax = framed_axes(ax, (7, 1.5), ("coding_progress", paragraph_count), _strip_frame(paragraph_count))
    artists: list[Artist] = []
    for state, (marker, colour, _label) in _STATES.items():
        xs = [n for n in range(1, paragraph_count + 1) if states.get(n, "open") == state]
        edge = "#555555" if state == "open" else colour
        artists.append(ax.scatter(xs, [0] * len(xs), marker=marker, s=70, facecolor=colour, edgecolor=edge))
    if current is not None:
        artists.append(ax.scatter([current], [0], marker="o", s=320, facecolor="none", edgecolor="black"))
        artists.append(ax.annotate("▲ this one", (current, -0.3), ha="center", va="top", fontsize=8))
    done = sum(1 for n in range(1, paragraph_count + 1) if states.get(n, "open") != "open")
    ax.set_title(f"Your coding: {done} of {paragraph_count} paragraphs coded", fontsize=10)
    counts = {s: sum(1 for v in states.values() if v == s) for s in ("agrees", "differs")}
    compared = (
        f"; {counts['agrees']} agree with the reference and {counts['differs']} differ"
        if any(counts.values())
        else ""
    )
    return record(
        ax,
        f"One marker per paragraph: {done} of {paragraph_count} coded{compared}"
        f"{f'; paragraph {current} is ringed' if current else ''}.",
        artists,
    )


def _scores_frame(ax: Axes) -> None:
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_xlim(-1.1, 1.25)
    ax.set_ylim(3.6, -0.6)
    ax.set_yticks(
        range(4), ["original polarity", "your polarity", "original subjectivity", "your subjectivity"]
    )
    ax.set_xlabel("score (polarity −1 … +1, subjectivity 0 … 1); yours are hatched")
    ax.spines[["top", "right"]].set_visible(False)


def _score_labels(values: list[float | None]) -> list[str]:
    # Polarity runs from -1 to +1 and keeps its sign; subjectivity runs from 0 to 1 and has none.
    signed = [f"{v:+.2f}" if v is not None else "not written yet" for v in values[:2]]
    return signed + [f"{v:.2f}" if v is not None else "not written yet" for v in values[2:]]


@checked
def framing_scores(original: FramingScore, yours: FramingScore | None = None, ax: Axes | None = None) -> Axes:
    """Draw polarity and subjectivity of the original headline and dek beside a rewritten pair (if any)."""
    ax = framed_axes(ax, (7, 2.0), ("framing_scores",), _scores_frame)
    mine = [yours.polarity, yours.subjectivity] if yours else [None, None]
    values = [original.polarity, mine[0], original.subjectivity, mine[1]]
    bars = ax.barh(
        range(4),
        [v or 0.0 for v in values],
        color=[POSITIVE, POSITIVE, PALETTE["orange"], PALETTE["orange"]],
        hatch=["", "//", "", "//"],
        edgecolor="white",
    )
    labels = ax.bar_label(bars, labels=_score_labels(values), padding=3, fontsize=8)
    ax.set_title("Your headline and dek against the original", fontsize=10)
    scores = (
        f"Polarity {yours.polarity:+.2f} for your headline and dek against {original.polarity:+.2f} for the "
        f"original; subjectivity {yours.subjectivity:.2f} against {original.subjectivity:.2f}."
        if yours
        else f"Polarity {original.polarity:+.2f} and subjectivity {original.subjectivity:.2f} for the "
        "original headline and dek; yours is not written yet."
    )
    return record(ax, scores, [*bars, *labels])
