"""kit.widgets.framing: the frame coder's pure view, and its shell saving every choice to the work file."""

import json
import re

import pytest

from kit.article import load_article
from kit.display.framing import devices_compared_html, reference_comparison_html
from kit.errors import InvalidInputError
from kit.framing import compare_tags, entman_scheme, frame_scheme
from kit.store import open_work
from kit.widgets import (
    entman_reference,
    entman_tagger,
    frame_coder,
    frame_coding_view,
    frame_reference,
    reframe_view,
    reframing_lab,
)
from kit.widgets.framing import NOT_CODED

ECONOMIC, POLITICAL = "Economic", "Political"


@pytest.fixture(scope="module")
def article():
    return load_article()


def test_view_of_an_uncoded_paragraph(article):
    view = frame_coding_view(article, {}, 4)
    assert view.frame is None and view.text.startswith("Stripped of the diplomatic veneer")
    assert view.summary == "0 of 20 paragraphs coded; saved in your work file."
    assert view.states == {}


def test_view_of_a_coded_paragraph_shows_no_reference(article):
    view = frame_coding_view(article, {"9": ECONOMIC, "14": ECONOMIC}, 9)
    assert view.frame == ECONOMIC and view.definition.startswith("Money and markets")
    assert view.states == {9: "coded", 14: "coded"}
    assert view.summary == "2 of 20 paragraphs coded; saved in your work file."


def test_view_rejects_a_paragraph_outside_the_article(article):
    with pytest.raises(InvalidInputError, match="paragraph 21 is not a body paragraph"):
        frame_coding_view(article, {"21": ECONOMIC}, 1)


def controls(box):
    notice, pick, _text, choice, summary, _image, _caption, _out = box.children
    return notice, pick, choice, summary


def test_the_coder_saves_every_choice_and_restores_it(article, tmp_path):
    work = open_work("04_framing_coding", tmp_path)
    _notice, pick, choice, summary = controls(frame_coder(article, work))
    assert choice.layout.width == "36em"  # "Policy prescription and evaluation" is never cut off
    pick.value = 9
    choice.value = ECONOMIC
    saved = json.loads((tmp_path / "04_framing_coding.work.json").read_text("utf-8"))
    assert saved["answers"] == {"frames": {"9": ECONOMIC}}
    pick.value = 14
    assert choice.value == NOT_CODED  # a new paragraph shows its own (empty) choice
    choice.value = POLITICAL
    assert "2 of 20 paragraphs coded" in summary.value and "reference" not in summary.value

    # A kernel restart re-runs the cell: a new work file object reads the saved coding back.
    _n, pick2, choice2, summary2 = controls(frame_coder(article, open_work("04_framing_coding", tmp_path), 9))
    assert choice2.value == ECONOMIC and "2 of 20 paragraphs coded" in summary2.value
    pick2.value = 14
    assert choice2.value == POLITICAL
    choice2.value = NOT_CODED  # uncoding removes the paragraph
    assert open_work("04_framing_coding", tmp_path).get("frames") == {"9": ECONOMIC}


def test_moving_between_paragraphs_writes_nothing(article, tmp_path):
    work = open_work("04_framing_coding", tmp_path)
    _notice, pick, _choice, _summary = controls(frame_coder(article, work))
    pick.value = 5
    assert not (tmp_path / "04_framing_coding.work.json").exists()


def test_the_entman_tagger_saves_under_its_own_key(article, tmp_path):
    work = open_work("04_framing_coding", tmp_path)
    _notice, pick, choice, summary = controls(entman_tagger(article, work))
    assert choice.description == "Primary framing function:"
    pick.value = 4
    choice.value = "problem definition"
    assert work.get("entman") == {"4": "problem definition"}
    assert "1 of 20 paragraphs coded" in summary.value


BAD_SAVES = [
    ["Economic"],  # a list: dict() of it raised ValueError
    "Economic",  # text: dict() raised ValueError
    {"1": "Not a frame"},  # the Dropdown raised TraitError
    {"1": 7},
    {"21": "Economic"},  # a paragraph the article does not have
    {"1_0": "Economic"},
]


@pytest.mark.parametrize("bad", BAD_SAVES)
@pytest.mark.parametrize("tagger", [frame_coder, entman_tagger])
def test_a_saved_coding_of_the_wrong_kind_gives_a_notice_and_a_clean_start(article, tmp_path, tagger, bad):
    work = open_work("04_framing_coding", tmp_path)
    scheme = frame_scheme() if tagger is frame_coder else entman_scheme()
    work.set(scheme.work_key, bad)
    notice, pick, choice, summary = controls(tagger(article, work))
    assert f"Your saved {scheme.name} coding could not be used" in notice.value
    assert "start coding again" in notice.value
    if not isinstance(bad, dict):
        assert "(the saved coding must be paragraph numbers and their tags, not " in notice.value
    assert choice.value == NOT_CODED and "0 of 20 paragraphs coded" in summary.value
    pick.value = 2
    choice.value = list(scheme.definitions)[0]  # the first save replaces what could not be used
    assert work.get(scheme.work_key) == {"2": list(scheme.definitions)[0]}


@pytest.mark.parametrize(
    "bad", [["a headline"], "a headline", {"headline": 5}, {"headline": "H", "frame": "Nope"}]
)
def test_a_saved_rewrite_of_the_wrong_kind_gives_a_notice_and_a_clean_start(article, tmp_path, bad):
    work = open_work("04_framing_coding", tmp_path)
    work.set("reframe", bad)
    notice, headline, _dek, frame, *_rest = reframing_lab(article, work).children
    assert "Your saved rewrite could not be used" in notice.value and "write again" in notice.value
    assert headline.value == "" and frame.value == ECONOMIC


def test_the_reference_opens_only_once_every_paragraph_is_coded(article, tmp_path):
    work = open_work("04_framing_coding", tmp_path)
    _notice, pick, choice, _summary = controls(frame_coder(article, work))
    reveal = frame_reference(article, work)
    button, status = reveal.children[0].children
    for paragraph in range(1, 20):
        pick.value, choice.value = paragraph, ECONOMIC
    assert button.disabled and "19 of 20 saved so far" in status.value
    assert "Reference" not in str(reveal._repr_mimebundle_())
    pick.value, choice.value = 20, "External regulation and reputation"
    assert not button.disabled
    shown = reference_comparison_html(compare_tags(work.get("frames"), frame_scheme()), frame_scheme())
    text = re.sub(r' (style|class)="[^"]*"', "", shown.data)  # the cells' inline layout aside
    assert "<p>4 of 20 coded paragraphs agree with the reference (20%)" in text
    external = "<td>External regulation and reputation</td>"
    assert f"<td>¶20</td>{external}{external}<td>same</td>" in text
    assert f"<td>¶1</td><td>Economic</td>{external}<td>differs</td>" in text


def test_the_entman_reference_waits_for_the_entman_tags_not_the_frames(article, tmp_path):
    work = open_work("04_framing_coding", tmp_path)
    work.set("frames", {str(n): ECONOMIC for n in range(1, 21)})
    button = entman_reference(article, work).children[0].children[0]
    assert button.disabled
    work.set("entman", {str(n): "problem definition" for n in range(1, 21)})
    assert not button.disabled


def test_reframe_view_summarises_both_headlines(article):
    view = reframe_view(article, "Japan Must Yield to U.S. Pressure")
    assert view.original.polarity == 0 and view.yours.devices["conflict"] == 2
    assert view.summary.endswith("framing devices found: Yield, Pressure.")


def test_the_reframing_lab_starts_empty_with_an_example_as_placeholder(article, tmp_path):
    _notice, headline, dek, _frame, summary, image, caption, _out = reframing_lab(
        article, open_work("04_framing_coding", tmp_path)
    ).children
    assert (headline.value, dek.value) == ("", "") and "Trade Talks Back on Track" in headline.placeholder
    assert summary.value == (
        "<p>No headline of yours yet: type one in the box above and press Enter (the grey text is only an "
        "example). The original scores polarity +0.00, subjectivity 1.00.</p>"
    ) + devices_compared_html(reframe_view(article, "").original)
    assert "yours is not written yet" in caption.value and image.layout.display != "none"


def test_the_reframing_lab_saves_and_restores_the_rewrite(article, tmp_path):
    work = open_work("04_framing_coding", tmp_path)
    _notice, headline, dek, frame, summary, *_rest = reframing_lab(article, work).children
    assert frame.layout.width == "36em"
    assert not (tmp_path / "04_framing_coding.work.json").exists()  # showing the default saves nothing
    headline.value = "Japan Must Yield to U.S. Pressure"
    frame.value = "Political"
    assert "Yield, Pressure" in summary.value
    again = reframing_lab(article, open_work("04_framing_coding", tmp_path))
    assert (
        again.children[1].value == "Japan Must Yield to U.S. Pressure"
        and again.children[3].value == "Political"
    )
    headline.value = " "
    assert "No headline of yours yet: type one in the box above" in summary.value
