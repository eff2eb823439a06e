"""Widgets for the framing lesson: tag paragraphs (frames, Entman's functions) and rewrite the headline.

Every choice a student makes is saved at once to the notebook's work file
(kit.store) and read back when the cell is re-run, so a kernel restart loses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as widgets  # type: ignore[import-untyped]  # ipywidgets ships no type hints
from matplotlib.axes import Axes

from kit.article import Article
from kit.charts.framing import coding_progress, framing_scores
from kit.display.coding import reframe_summary_html, tagged_paragraph_html
from kit.display.common import notice_html, text_html
from kit.display.framing import reference_comparison_html
from kit.errors import KitError, checked, invalid
from kit.framing import (
    FramingScore,
    TagScheme,
    compare_tags,
    entman_scheme,
    frame_names,
    frame_scheme,
    original_framing,
    reframe,
)
from kit.store import WorkFile
from kit.widgets.base import ChartImage, friendly, panel, paragraph_slider
from kit.widgets.reveal import reveal_after

NOT_CODED = "(not coded yet)"
REFRAME_KEY = "reframe"
HEADLINE_EXAMPLE = "type your headline, like “Trade Talks Back on Track”, then press Enter"
DEK_EXAMPLE = "type a dek if you like, then press Enter"


@dataclass(frozen=True)
class FrameCodingView:
    """What a paragraph tagger shows for one paragraph: its text, the chosen tag and the progress."""

    paragraph: int
    text: str
    frame: str | None
    definition: str
    states: dict[int, str]
    summary: str


@dataclass(frozen=True)
class ReframeView:
    """What the reframing lab shows: the original and the rewritten headline and dek (None before one is
    written), scored."""

    original: FramingScore
    yours: FramingScore | None
    summary: str


def tagging_view(
    article: Article, tags: Mapping[int | str, str], paragraph: int, scheme: TagScheme
) -> FrameCodingView:
    """Return what a tagger shows for a paragraph: its text, its tag and how many are tagged."""
    coded = scheme.check(tags, len(article.paragraphs))
    chosen = coded.get(paragraph)
    text = article.paragraph(paragraph).text
    definition = (
        scheme.definitions[chosen] if chosen else f"Choose the {scheme.name} that best fits this paragraph."
    )
    summary = f"{len(coded)} of {len(article.paragraphs)} paragraphs coded; saved in your work file."
    return FrameCodingView(paragraph, text, chosen, definition, dict.fromkeys(coded, "coded"), summary)


def frame_coding_view(article: Article, coding: Mapping[int | str, str], paragraph: int) -> FrameCodingView:
    """Return what the frame coder shows for ``paragraph``."""
    return tagging_view(article, coding, paragraph, frame_scheme())


def saved_tags(work: WorkFile, scheme: TagScheme, paragraph_count: int) -> tuple[dict[int | str, str], str]:
    """Return the tags saved under the scheme's key, or none and a notice if they cannot be used."""
    raw = work.get(scheme.work_key, {})
    try:
        if not isinstance(raw, dict):
            raise invalid("the saved coding", raw, "paragraph numbers and their tags")
        scheme.check(raw, paragraph_count)
    except KitError as error:
        return {}, f"Your saved {scheme.name} coding could not be used ({error}); start coding again."
    return {str(k): v for k, v in raw.items()}, ""


def _notice(*texts: str | None) -> widgets.HTML:
    return widgets.HTML(notice_html(*texts))


def paragraph_tagger(
    article: Article, work: WorkFile, scheme: TagScheme, paragraph: int = 1, name: str = ""
) -> widgets.VBox:
    """Return a widget: pick a paragraph, choose its tag from ``scheme``; every choice is saved at once.

    ``name`` is what its plain-text fallback calls it (by default the scheme's "... tagger").
    """
    count = len(article.paragraphs)
    pick = paragraph_slider(count, paragraph, "code")
    choice = widgets.Dropdown(
        options=[NOT_CODED, *scheme.definitions],
        description=f"Primary {scheme.name}:",
        tooltip=f"The {scheme.name} this paragraph mainly serves, in your judgment; saved when chosen.",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="36em"),  # wide enough for the longest tag, never cut off
    )
    text = widgets.HTML()
    chart = ChartImage((7, 1.5), {"left": 0.02, "right": 0.98, "bottom": 0.33, "top": 0.78})
    tags, problem = saved_tags(work, scheme, count)

    def render(ax: Axes) -> str:
        view = tagging_view(article, tags, pick.value, scheme)
        coding_progress(view.states, count, view.paragraph, ax=ax)
        text.value = tagged_paragraph_html(view.paragraph, view.text, view.frame, view.definition)
        return text_html(view.summary)

    def on_paragraph(_change: object) -> None:
        choice.value = tags.get(str(pick.value), NOT_CODED)

    def save() -> None:  # runs on every change; writes only when the paragraph's tag really changed
        if choice.value == tags.get(str(pick.value), NOT_CODED):
            return
        if choice.value == NOT_CODED:
            tags.pop(str(pick.value))
        else:
            tags[str(pick.value)] = choice.value
        work.set(scheme.work_key, dict(tags))

    pick.observe(on_paragraph, names="value")
    on_paragraph(None)
    box = panel([pick, choice], render, chart, on_change=save)
    box.children = [_notice(work.notice, problem), pick, text, *box.children[1:]]
    return friendly(box, name or f"{scheme.name} tagger")


@checked
def frame_coder(article: Article, work: WorkFile, paragraph: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, choose its primary frame; every choice is saved at once."""
    return paragraph_tagger(article, work, frame_scheme(), paragraph, name="frame coder")


@checked
def entman_tagger(article: Article, work: WorkFile, paragraph: int = 1) -> widgets.VBox:
    """Return a widget: tag each paragraph with the Entman function it mainly performs; saved at once."""
    return paragraph_tagger(article, work, entman_scheme(), paragraph)


def _compare_with_reference(article: Article, work: WorkFile, scheme: TagScheme) -> widgets.VBox:
    count = len(article.paragraphs)

    def show() -> object:
        tags, _problem = saved_tags(work, scheme, count)
        return reference_comparison_html(compare_tags(tags, scheme), scheme)

    return reveal_after(
        work, [scheme.work_key], show, needed=count, task=f"your coding of all {count} paragraphs"
    )


@checked
def frame_reference(article: Article, work: WorkFile) -> widgets.VBox:
    """Return the button that shows the reference frame coding beside yours, once all of yours is saved."""
    return _compare_with_reference(article, work, frame_scheme())


@checked
def entman_reference(article: Article, work: WorkFile) -> widgets.VBox:
    """Return the button that shows the reference Entman tags beside yours, once all of yours are saved."""
    return _compare_with_reference(article, work, entman_scheme())


@checked
def reframe_view(article: Article, headline: str, dek: str = "") -> ReframeView:
    """Return the original headline and dek and a rewritten pair, scored, with a one-sentence summary.

    Before the student writes a headline, only the original is scored and the summary asks for one.
    """
    if not headline.strip():
        original = original_framing(article)
        return ReframeView(original, None, unwritten_summary(original))
    original, yours = reframe(article, headline, dek)
    found = ", ".join(yours.device_phrases) or "none"
    summary = (
        f"Yours: polarity {yours.polarity:+.2f} (original {original.polarity:+.2f}), subjectivity "
        f"{yours.subjectivity:.2f} (original {original.subjectivity:.2f}); framing devices found: {found}."
    )
    return ReframeView(original, yours, summary)


def unwritten_summary(original: FramingScore) -> str:
    """Return the reframing lab's summary before a headline is written: what to do, the original's scores."""
    return (
        "No headline of yours yet: type one in the box above and press Enter (the grey text is only an "
        f"example). The original scores polarity {original.polarity:+.2f}, subjectivity "
        f"{original.subjectivity:.2f}."
    )


def saved_rewrite(work: WorkFile) -> tuple[dict[str, str], str]:
    """Return the rewrite saved in ``work``, or none and a notice if it cannot be used."""
    raw = work.get(REFRAME_KEY, {})
    fits = isinstance(raw, dict) and all(isinstance(raw.get(k, ""), str) for k in ("headline", "dek"))
    if fits and raw.get("frame", "Economic") in frame_names():
        return raw, ""
    return (
        {},
        f"Your saved rewrite could not be used ({raw!r:.60} is not a headline, dek and frame); write again.",
    )


@checked
def reframing_lab(article: Article, work: WorkFile, headline: str = "", dek: str = "") -> widgets.VBox:
    """Return a widget: write another headline and dek under a frame you choose; compare with the original.

    The boxes start empty (or with ``headline`` and ``dek``), an example shown as grey placeholder text.
    """
    saved, problem = saved_rewrite(work)
    boxes = [
        widgets.Text(
            value=saved.get(key, default),
            description=label,
            tooltip=f"Your own {key} for the 24 May agreement; press Enter to compare it with the original.",
            placeholder=example,
            continuous_update=False,
            layout=widgets.Layout(width="46em"),
            style={"description_width": "initial"},
        )
        for key, label, default, example in (
            ("headline", "Your headline:", headline, HEADLINE_EXAMPLE),
            ("dek", "Your dek:", dek, DEK_EXAMPLE),
        )
    ]
    frame = widgets.Dropdown(
        options=frame_names(),
        value=saved.get("frame", "Economic"),
        description="Written under the frame:",
        tooltip="The frame you meant your headline and dek to carry.",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="36em"),
    )
    chart = ChartImage((7, 2.0), {"left": 0.27, "right": 0.97, "bottom": 0.24, "top": 0.85})

    def render(ax: Axes) -> str:
        view = reframe_view(article, boxes[0].value, boxes[1].value)
        framing_scores(view.original, view.yours, ax=ax)
        return reframe_summary_html(view.summary, view.original, view.yours)

    def save() -> None:
        rewrite = {"headline": boxes[0].value, "dek": boxes[1].value, "frame": frame.value}
        if rewrite != work.get(REFRAME_KEY):
            work.set(REFRAME_KEY, rewrite)

    box = panel([*boxes, frame], render, chart, on_change=save)
    box.children = [_notice(work.notice, problem), *box.children]
    return friendly(box, "reframing lab")
