"""kit.widgets.framing: the frame coder's pure view, and its shell saving every choice to the work file."""

import json

import pytest

from kit.article import load_article
from kit.errors import InvalidInputError
from kit.store import open_work
from kit.widgets import entman_tagger, frame_coder, frame_coding_view, reframe_view, reframing_lab
from kit.widgets.framing import NOT_CODED

ECONOMIC, POLITICAL = "Economic", "Political"


@pytest.fixture(scope="module")
def article():
    return load_article()


def test_view_of_an_uncoded_paragraph(article):
    view = frame_coding_view(article, {}, 4)
    assert view.frame is None and view.text.startswith("Stripped of the diplomatic veneer")
    assert view.summary == "0 of 20 paragraphs coded; saved in your work file."
    assert view.comparison is None and view.states == {}


def test_view_compared_with_the_reference(article):
    view = frame_coding_view(article, {"9": ECONOMIC, "14": ECONOMIC}, 9, compare=True)
    assert view.frame == ECONOMIC and view.definition.startswith("Money and markets")
    assert view.states == {9: "agrees", 14: "differs"}
    assert view.summary.startswith("1 of 2 coded paragraphs agree with the reference (50%)")


def test_view_rejects_a_paragraph_outside_the_article(article):
    with pytest.raises(InvalidInputError, match="paragraph 21 is not a body paragraph"):
        frame_coding_view(article, {"21": ECONOMIC}, 1)


def controls(box):
    _notice, pick, _text, choice, compare, summary, _image, _caption, _out = box.children
    return pick, choice, compare, summary


def test_the_coder_saves_every_choice_and_restores_it(article, tmp_path):
    work = open_work("02_framing", tmp_path)
    pick, choice, compare, summary = controls(frame_coder(article, work))
    pick.value = 9
    choice.value = ECONOMIC
    saved = json.loads((tmp_path / "02_framing.work.json").read_text("utf-8"))
    assert saved["answers"] == {"frames": {"9": ECONOMIC}}
    pick.value = 14
    assert choice.value == NOT_CODED  # a new paragraph shows its own (empty) choice
    choice.value = POLITICAL
    compare.value = True
    assert "2 of 2 coded paragraphs agree with the reference" in summary.value

    # A kernel restart re-runs the cell: a new work file object reads the saved coding back.
    pick2, choice2, _compare2, summary2 = controls(frame_coder(article, open_work("02_framing", tmp_path), 9))
    assert choice2.value == ECONOMIC and "2 of 20 paragraphs coded" in summary2.value
    pick2.value = 14
    assert choice2.value == POLITICAL
    choice2.value = NOT_CODED  # uncoding removes the paragraph
    assert open_work("02_framing", tmp_path).get("frames") == {"9": ECONOMIC}


def test_moving_between_paragraphs_writes_nothing(article, tmp_path):
    work = open_work("02_framing", tmp_path)
    pick, _choice, _compare, _summary = controls(frame_coder(article, work))
    pick.value = 5
    assert not (tmp_path / "02_framing.work.json").exists()


def test_the_entman_tagger_saves_under_its_own_key(article, tmp_path):
    work = open_work("02_framing", tmp_path)
    pick, choice, compare, summary = controls(entman_tagger(article, work))
    assert choice.description == "Primary framing function:"
    pick.value = 4
    choice.value = "problem definition"
    compare.value = True
    assert work.get("entman") == {"4": "problem definition"}
    assert "0 of 1 coded paragraphs agree" in summary.value
    assert "The reporters&#x27; verdict" in summary.value  # the reference's reason, shown on disagreement


def test_reframe_view_summarises_both_headlines(article):
    view = reframe_view(article, "Japan Must Yield to U.S. Pressure")
    assert view.original.polarity == 0 and view.yours.devices["conflict"] == 2
    assert view.summary.endswith("framing devices found: Yield, Pressure.")


def test_the_reframing_lab_saves_and_restores_the_rewrite(article, tmp_path):
    work = open_work("02_framing", tmp_path)
    headline, dek, frame, summary, *_rest = frame_coder_free(reframing_lab(article, work))
    assert not (tmp_path / "02_framing.work.json").exists()  # showing the default saves nothing
    headline.value = "Japan Must Yield to U.S. Pressure"
    frame.value = "Political"
    assert "Yield, Pressure" in summary.value
    again = reframing_lab(article, open_work("02_framing", tmp_path))
    assert (
        again.children[0].value == "Japan Must Yield to U.S. Pressure"
        and again.children[2].value == "Political"
    )
    headline.value = " "
    assert "Write a headline first" not in summary.value  # errors go to the Output, not the summary


def frame_coder_free(box):
    return box.children
