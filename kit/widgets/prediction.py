"""The prediction form: one set of radio buttons per question, saved at every change, restored on re-run.

The integrator's recording cell in lesson 02 is ``prediction_form()``. The form
computes nothing: it reads and writes the answers through ``kit.store`` (the work
file "prediction" in the notebooks folder) and words its status with
``kit.display.prediction.form_status``.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.display.prediction import form_status
from kit.errors import checked
from kit.prediction import KEY, WORK_NAME, questions, valid_answers
from kit.store import WorkFile, open_work

RADIO_LAYOUT = widgets.Layout(width="auto")


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
        rows += [widgets.HTML(f"<b>{number}. {question.text}</b>"), radios[question.key]]
    return widgets.VBox([*rows, status])
