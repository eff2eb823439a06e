"""The prediction form: one set of radio buttons per question, saved at every change, restored on re-run.

The integrator's recording cell in lesson 02 is ``prediction_form()``; lesson 07
shows ``prediction_comparison()``. Neither computes anything: they read and write
the answers through ``kit.store`` (the work file "prediction" in the notebooks
folder) and take their HTML from ``kit.display.prediction``.
"""

from __future__ import annotations

import ipywidgets as widgets  # type: ignore[import-untyped]  # ipywidgets ships no type hints

from kit.display.prediction import compare_prompt_html, comparison, form_status, question_html
from kit.errors import checked
from kit.prediction import KEY, WORK_NAME, questions, valid_answers
from kit.store import WorkFile, open_work
from kit.widgets.base import friendly

RADIO_LAYOUT = {"width": "auto"}  # a dict: each widget gets its own Layout


def _radio(question, value: str | None) -> widgets.RadioButtons:
    return widgets.RadioButtons(
        options=list(question.choices),
        value=value,
        description="",
        layout=RADIO_LAYOUT,
        tooltip=question.text,
    )


@checked
def prediction_form(work: WorkFile | None = None) -> widgets.VBox:
    """Return the prediction form: a question and its choices each, every choice saved at once."""
    work = work if work is not None else open_work(WORK_NAME)
    saved = valid_answers(work.get(KEY, {}))
    radios = {q.key: _radio(q, saved.get(q.key)) for q in questions()}
    status = widgets.HTML(form_status(saved, work.notice))

    def save(_change: object) -> None:
        answers = {key: radio.value for key, radio in radios.items() if radio.value is not None}
        work.set(KEY, answers)
        status.value = form_status(answers, None, saved_now=True)

    rows = []
    for number, question in enumerate(questions(), start=1):
        radios[question.key].observe(save, names="value")
        rows += [widgets.HTML(question_html(number, question.text)), radios[question.key]]
    return friendly(widgets.VBox([*rows, status]), "prediction form")


@checked
def prediction_comparison(work: WorkFile | None = None) -> widgets.VBox:
    """Return a button that shows the saved prediction beside what happened (or says none is saved yet).

    The saved file is read when the button is pressed, so a prediction recorded after this cell ran
    still counts; and the cell's own output never depends on what a student saved.
    """
    button = widgets.Button(
        description="Compare my prediction",
        tooltip="Show your saved prediction beside what happened",
        layout=widgets.Layout(width="18em"),
    )
    result = widgets.HTML(compare_prompt_html())

    def show(_button: object) -> None:
        fresh = open_work(WORK_NAME) if work is None else open_work(work.name, work.folder)  # read it now
        result.value = comparison(fresh).data

    button.on_click(show)
    return friendly(widgets.VBox([button, result]), "comparison of your prediction with what happened")
