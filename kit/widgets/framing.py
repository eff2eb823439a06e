"""Widgets for the framing lesson: tag paragraphs (frames, Entman's functions) and rewrite the headline.

Every choice a student makes is saved at once to the notebook's work file
(kit.store) and read back when the cell is re-run, so a kernel restart loses nothing.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as widgets
from matplotlib.axes import Axes

from kit import charts
from kit.article import Article
from kit.errors import KitError, checked
from kit.framing import (
    CodingComparison,
    FramingScore,
    TagScheme,
    compare_tags,
    entman_scheme,
    frame_names,
    frame_scheme,
    reframe,
)
from kit.store import WorkFile
from kit.widgets.base import ChartImage, friendly, panel, paragraph_slider

NOT_CODED = "(not coded yet)"
REFRAME_KEY = "reframe"


@dataclass(frozen=True)
class FrameCodingView:
    """What a paragraph tagger shows for one paragraph: its text, the chosen tag and the progress."""

    paragraph: int
    text: str
    frame: str | None
    definition: str
    states: dict[int, str]
    comparison: CodingComparison | None
    summary: str


@dataclass(frozen=True)
class ReframeView:
    """What the reframing lab shows: the original and the rewritten headline and dek, scored."""

    original: FramingScore
    yours: FramingScore
    summary: str


@checked
def tagging_view(
    article: Article, tags: Mapping[int | str, str], paragraph: int, scheme: TagScheme, compare: bool = False
) -> FrameCodingView:
    """Return what a tagger shows for a paragraph; compared with the reference if asked."""
    tags = scheme.check(tags, len(article.paragraphs))
    chosen = tags.get(paragraph)
    text = article.paragraph(paragraph).text
    definition = (
        scheme.definitions[chosen] if chosen else f"Choose the {scheme.name} that best fits this paragraph."
    )
    if compare:
        comparison = compare_tags(tags, scheme)
        states = {n: "agrees" if tags[n] == scheme.reference.get(n) else "differs" for n in tags}
        summary = comparison.summary
    else:
        comparison = None
        states = dict.fromkeys(tags, "coded")
        summary = f"{len(tags)} of {len(article.paragraphs)} paragraphs coded; saved in your work file."
    return FrameCodingView(paragraph, text, chosen, definition, states, comparison, summary)


@checked
def frame_coding_view(
    article: Article, coding: Mapping[int | str, str], paragraph: int, compare: bool = False
) -> FrameCodingView:
    """Return what the frame coder shows for ``paragraph``; compared with the reference coding if asked."""
    return tagging_view(article, coding, paragraph, frame_scheme(), compare)


def _disagreements_html(view: FrameCodingView, scheme: TagScheme) -> str:
    if view.comparison is None or not view.comparison.disagreements:
        return ""
    rows = "".join(
        f"<tr><td>¶{n}</td><td>{html.escape(mine)}</td><td>{html.escape(ref)}</td>"
        f"<td>{html.escape(scheme.rationale[n])}</td></tr>"
        for n, mine, ref in view.comparison.disagreements
    )
    return (
        f'<table class="kit-table"><thead><tr><th>¶</th><th>your {scheme.name}</th><th>reference</th>'
        f"<th>the reference's reason</th></tr></thead><tbody>{rows}</tbody></table>"
    )


@checked
def paragraph_tagger(article: Article, work: WorkFile, scheme: TagScheme, paragraph: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, choose its tag from ``scheme``; every choice is saved at once."""
    pick = paragraph_slider(len(article.paragraphs), paragraph, "code")
    choice = widgets.Dropdown(
        options=[NOT_CODED, *scheme.definitions],
        description=f"Primary {scheme.name}:",
        tooltip=f"The {scheme.name} this paragraph mainly serves, in your judgment; saved when chosen.",
        style={"description_width": "initial"},
    )
    compare = widgets.Checkbox(
        value=False,
        description="Compare with the reference",
        tooltip="Show the kit's reference coding beside yours, and where the two differ.",
    )
    summary, text, out = widgets.HTML(), widgets.HTML(), widgets.Output()
    chart = ChartImage((7, 1.5), {"left": 0.02, "right": 0.98, "bottom": 0.33, "top": 0.82})
    updating = {"now": False}

    def tags() -> dict[str, str]:
        return dict(work.get(scheme.work_key, {}))

    def render(ax: Axes) -> str:
        view = tagging_view(article, tags(), pick.value, scheme, compare.value)
        charts.coding_progress(view.states, len(article.paragraphs), view.paragraph, ax=ax)
        text.value = (
            f'<p style="max-width:46em"><b>¶{view.paragraph}</b> {html.escape(view.text)}</p>'
            f"<p><small><b>{html.escape(view.frame or 'Not coded yet')}:</b> "
            f"{html.escape(view.definition)}</small></p>"
        )
        return f"<p>{html.escape(view.summary)}</p>{_disagreements_html(view, scheme)}"

    def refresh() -> None:
        with out:
            out.clear_output()
            try:
                summary.value = chart.draw(render)
            except KitError as error:
                print(error)

    def on_paragraph(_change: object) -> None:
        updating["now"] = True
        choice.value = tags().get(str(pick.value), NOT_CODED)
        updating["now"] = False
        refresh()

    def on_choice(change: dict) -> None:
        if updating["now"]:
            return
        with out:
            saved = tags()
            if change["new"] == NOT_CODED:
                saved.pop(str(pick.value), None)
            else:
                saved[str(pick.value)] = change["new"]
            work.set(scheme.work_key, saved)
        refresh()

    pick.observe(on_paragraph, names="value")
    choice.observe(on_choice, names="value")
    compare.observe(lambda _change: refresh(), names="value")
    on_paragraph(None)
    notice = widgets.HTML(f"<p><b>{html.escape(work.notice)}</b></p>" if work.notice else "")
    return friendly(
        widgets.VBox([notice, pick, text, choice, compare, summary, chart.image, chart.caption, out]),
        f"{scheme.name} tagger",
    )


@checked
def frame_coder(article: Article, work: WorkFile, paragraph: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, choose its primary frame; every choice is saved at once."""
    return paragraph_tagger(article, work, frame_scheme(), paragraph)


@checked
def entman_tagger(article: Article, work: WorkFile, paragraph: int = 1) -> widgets.VBox:
    """Return a widget: tag each paragraph with the Entman function it mainly performs; saved at once."""
    return paragraph_tagger(article, work, entman_scheme(), paragraph)


@checked
def reframe_view(article: Article, headline: str, dek: str = "") -> ReframeView:
    """Return the original headline and dek and a rewritten pair, scored, with a one-sentence summary."""
    original, yours = reframe(article, headline, dek)
    found = ", ".join(yours.device_phrases) or "none"
    summary = (
        f"Yours: polarity {yours.polarity:+.2f} (original {original.polarity:+.2f}), subjectivity "
        f"{yours.subjectivity:.2f} (original {original.subjectivity:.2f}); framing devices found: {found}."
    )
    return ReframeView(original, yours, summary)


def _devices_table(view: ReframeView) -> str:
    cells = "".join(
        f"<tr><td>{html.escape(category)}</td><td>{view.original.devices[category]}</td>"
        f"<td>{view.yours.devices[category]}</td></tr>"
        for category in view.original.devices
    )
    return (
        '<table class="kit-table"><thead><tr><th>devices</th><th>original</th><th>yours</th></tr></thead>'
        f"<tbody>{cells}</tbody></table>"
    )


@checked
def reframing_lab(
    article: Article, work: WorkFile, headline: str = "Trade Talks Back on Track", dek: str = ""
) -> widgets.VBox:
    """Return a widget: write another headline and dek under a frame you choose; compare with the original."""
    saved = work.get(REFRAME_KEY, {})
    boxes = [
        widgets.Text(
            value=saved.get(key, default),
            description=label,
            tooltip=f"Your own {key} for the 24 May agreement; press Enter to compare it with the original.",
            placeholder=f"type a {key}, then press Enter",
            continuous_update=False,
            layout=widgets.Layout(width="46em"),
            style={"description_width": "initial"},
        )
        for key, label, default in (("headline", "Your headline:", headline), ("dek", "Your dek:", dek))
    ]
    frame = widgets.Dropdown(
        options=frame_names(),
        value=saved.get("frame", "Economic"),
        description="Written under the frame:",
        tooltip="The frame you meant your headline and dek to carry.",
        style={"description_width": "initial"},
    )
    chart = ChartImage((7, 2.0), {"left": 0.2, "right": 0.97, "bottom": 0.24, "top": 0.85})

    def render(ax: Axes) -> str:
        view = reframe_view(article, boxes[0].value, boxes[1].value)
        charts.framing_scores(view.original, view.yours, ax=ax)
        return f"<p>{html.escape(view.summary)}</p>{_devices_table(view)}"

    def save() -> None:
        rewrite = {"headline": boxes[0].value, "dek": boxes[1].value, "frame": frame.value}
        if rewrite != work.get(REFRAME_KEY):
            work.set(REFRAME_KEY, rewrite)

    return friendly(panel([*boxes, frame], render, chart, on_change=save), "reframing lab")
