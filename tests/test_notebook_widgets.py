"""The widgets of notebook 02, wired in a real kernel, driven the way a front end drives them.

nbval cannot check cells that drive Output widgets (they carry the
``nbval-ignore-output`` tag), so this test runs the notebook with nbclient,
finds each widget's models in the kernel's widget state, sends the kernel the
same ``comm_msg`` update a browser sends when a student types or slides, and
reads the updates the kernel sends back.
"""

from __future__ import annotations

import pytest
from notebook_kernel import html_values, model_id, run_in_kernel, set_value_and_wait


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """Run notebook 02 in a fresh kernel and keep the kernel for the tests."""
    yield from run_in_kernel("02_reading_the_article.ipynb", tmp_path_factory.mktemp("nb02"))


def test_widgets_render_their_default_in_the_kernel(kernel):
    values = html_values(kernel)
    assert any("occurs twice, in paragraphs 3 and 10." in v for v in values)
    assert any("Paragraph 4: polarity +0.09" in v for v in values)
    outputs = [e for e in kernel.widget_state.values() if e.get("_model_name") == "OutputModel"]
    assert outputs and all(e.get("outputs", []) == [] for e in outputs)  # no errors shown


def test_run_all_saves_nothing_on_the_students_behalf(kernel):
    assert kernel.after_run == ["02_reading_the_article.ipynb"]  # no work file, no prediction


def test_typing_a_word_updates_the_keyword_widget(kernel):
    box = model_id(kernel, "TextModel", placeholder="type a word, then press Enter")
    summary = set_value_and_wait(
        kernel, box, "pressure", "\u201cpressure\u201d occurs twice, in paragraphs 14 and 16."
    )
    assert ">¶14</td>" in summary and ">¶16</td>" in summary


def test_moving_the_slider_updates_the_paragraph_widget(kernel):
    slider = model_id(kernel, "IntSliderModel", description="Paragraph:")
    summary = set_value_and_wait(
        kernel, slider, 19, "Paragraph 19: no word is in the lexicon, so it scores 0"
    )
    assert "That might be overly optimistic." in summary
