"""Widgets for the framing lesson: code each paragraph's frame, saved to the student's work file."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as widgets
from matplotlib.axes import Axes

from kit import charts
from kit.article import Article
from kit.errors import KitError
from kit.framing import CodingComparison, check_coding, compare_coding, frames, reference_coding
from kit.store import WorkFile
from kit.widgets.base import ChartImage

NOT_CODED = "(not coded yet)"
WORK_KEY = "frames"


@dataclass(frozen=True)
class FrameCodingView:
    """What the frame coder shows for one paragraph: its text, the chosen frame and the progress."""

    paragraph: int
    text: str
    frame: str | None
    definition: str
    states: dict[int, str]
    comparison: CodingComparison | None
    summary: str


def frame_coding_view(
    article: Article, coding: Mapping[int | str, str], paragraph: int, compare: bool = False
) -> FrameCodingView:
    """Return what the coder shows for ``paragraph`` given a coding; compared with the reference if asked."""
    coding = check_coding(coding, len(article.paragraphs))
    chosen = coding.get(paragraph)
    text = article.paragraph(paragraph).text
    definitions = {f.name: f.definition for f in frames()}
    definition = definitions[chosen] if chosen else "Choose the frame that best fits this paragraph."
    if compare:
        reference = {c.paragraph: c.frame for c in reference_coding()}
        comparison = compare_coding(coding, reference)
        states = {n: "agrees" if coding[n] == reference.get(n) else "differs" for n in coding}
        summary = comparison.summary
    else:
        comparison = None
        states = dict.fromkeys(coding, "coded")
        summary = f"{len(coding)} of {len(article.paragraphs)} paragraphs coded; saved in your work file."
    return FrameCodingView(paragraph, text, chosen, definition, states, comparison, summary)


def _reveal(view: FrameCodingView) -> str:
    if view.comparison is None or not view.comparison.disagreements:
        return ""
    rationale = {c.paragraph: c.rationale for c in reference_coding()}
    rows = "".join(
        f"<tr><td>¶{n}</td><td>{html.escape(mine)}</td><td>{html.escape(ref)}</td>"
        f"<td>{html.escape(rationale[n])}</td></tr>"
        for n, mine, ref in view.comparison.disagreements
    )
    return (
        '<table class="kit-table"><thead><tr><th>¶</th><th>your frame</th><th>reference</th>'
        f"<th>the reference's reason</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def frame_coder(article: Article, work: WorkFile, paragraph: int = 1) -> widgets.VBox:
    """Return a widget: pick a paragraph, choose its primary frame; every choice is saved at once."""
    names = [f.name for f in frames()]
    pick = widgets.IntSlider(
        value=paragraph, min=1, max=len(article.paragraphs), description="Paragraph:", continuous_update=False
    )
    choice = widgets.Dropdown(
        options=[NOT_CODED, *names], description="Primary frame:", style={"description_width": "initial"}
    )
    compare = widgets.Checkbox(value=False, description="Compare with the reference")
    summary, text, out = widgets.HTML(), widgets.HTML(), widgets.Output()
    chart = ChartImage((7, 1.5), {"left": 0.02, "right": 0.98, "bottom": 0.33, "top": 0.82})
    updating = {"now": False}

    def coding() -> dict[str, str]:
        return dict(work.get(WORK_KEY, {}))

    def render(ax: Axes) -> str:
        view = frame_coding_view(article, coding(), pick.value, compare.value)
        charts.coding_progress(view.states, len(article.paragraphs), view.paragraph, ax=ax)
        text.value = (
            f'<p style="max-width:46em"><b>¶{view.paragraph}</b> {html.escape(view.text)}</p>'
            f"<p><small><b>{html.escape(view.frame or 'Not coded yet')}:</b> "
            f"{html.escape(view.definition)}</small></p>"
        )
        return f"<p>{html.escape(view.summary)}</p>{_reveal(view)}"

    def refresh() -> None:
        with out:
            out.clear_output()
            try:
                summary.value = chart.draw(render)
            except KitError as error:
                print(error)

    def on_paragraph(_change: object) -> None:
        updating["now"] = True
        choice.value = coding().get(str(pick.value), NOT_CODED)
        updating["now"] = False
        refresh()

    def on_choice(change: dict) -> None:
        if updating["now"]:
            return
        with out:
            saved = coding()
            if change["new"] == NOT_CODED:
                saved.pop(str(pick.value), None)
            else:
                saved[str(pick.value)] = change["new"]
            work.set(WORK_KEY, saved)
        refresh()

    pick.observe(on_paragraph, names="value")
    choice.observe(on_choice, names="value")
    compare.observe(lambda _change: refresh(), names="value")
    on_paragraph(None)
    notice = widgets.HTML(f"<p><b>{html.escape(work.notice)}</b></p>" if work.notice else "")
    return widgets.VBox([notice, pick, text, choice, compare, summary, chart.image, chart.caption, out])
