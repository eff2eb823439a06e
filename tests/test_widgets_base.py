"""kit.widgets.base: the plain-text fallback every kit widget shows, and the discussion box."""

import json

import ipywidgets as widgets
import pytest

from kit import widgets as kit_widgets
from kit.article import load_article
from kit.errors import InvalidInputError
from kit.store import open_work
from kit.widgets import KitBox, discussion, discussion_view, friendly
from kit.widgets.targets import argument_weigher

ARTICLE = load_article()

# Each widget builder, called as a lesson calls it, and the sentence its text/plain must read.
BUILDERS = {
    "keyword explorer": lambda work: kit_widgets.keyword_explorer(ARTICLE),
    "paragraph explorer": lambda work: kit_widgets.paragraph_explorer(ARTICLE),
    "frame coder": lambda work: kit_widgets.frame_coder(ARTICLE, work),
    "framing function tagger": lambda work: kit_widgets.entman_tagger(ARTICLE, work),
    "reframing lab": lambda work: kit_widgets.reframing_lab(ARTICLE, work),
    "power-interest grid": lambda work: kit_widgets.grid_placer(work),
    "two-level game": lambda work: kit_widgets.two_level_game(),
    "measurement lab": lambda work: kit_widgets.measurement_lab(),
    "target growth explorer": lambda work: kit_widgets.target_growth(),
    "argument weigher": lambda work: argument_weigher(work),
}


@pytest.fixture
def work(tmp_path):
    return open_work("lesson", tmp_path)


@pytest.mark.parametrize("name", BUILDERS)
def test_every_kit_widget_reads_as_a_sentence_where_it_cannot_be_drawn(name, work):
    box = BUILDERS[name](work)
    bundle = box._repr_mimebundle_()
    assert bundle["text/plain"] == f"Run this cell to use the {name}."
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == box.model_id
    assert isinstance(box, widgets.VBox)
    box.close()


def test_friendly_keeps_the_children_and_layout_and_closes_the_old_box():
    text = widgets.Text()
    old = widgets.VBox([text], layout=widgets.Layout(width="20em"))
    new = friendly(old, "keyword explorer")
    assert isinstance(new, KitBox)
    assert new.children == (text,)
    assert new.layout.width == "20em"
    assert old.comm is None  # closed: never shown
    with pytest.raises(
        InvalidInputError,
        match="^parameter 'name' must be text saying what the widget is, such as 'keyword explorer', not str",
    ):
        friendly(widgets.VBox(), "  ")


@pytest.mark.parametrize(
    ("text", "saved", "words", "status"),
    [
        ("", True, 0, "Nothing written yet. Your answer is saved as you type."),
        ("   \n ", True, 0, "Nothing written yet. Your answer is saved as you type."),
        ("Yes.", True, 1, "1 word, saved in your work file."),
        ("The summit failed in\nFebruary 1994.", True, 6, "6 words, saved in your work file."),
        ("Two words", False, 2, "2 words, not saved: see the message below."),
    ],
)
def test_discussion_view_counts_words_and_says_whether_the_answer_is_saved(text, saved, words, status):
    view = discussion_view(text, saved)
    assert (view.text, view.words, view.status) == (text, words, status)


def test_discussion_saves_every_change_and_restores_it_after_a_restart(work, tmp_path):
    box = discussion(work, "why_resume", "Why resume talks now?")
    question, answer, status, problem = box.children
    assert "Why resume talks now?" in question.value
    assert answer.value == ""
    assert "Nothing written yet" in status.value
    answer.value = "Because of Super 301"
    assert status.value == "<small>4 words, saved in your work file.</small>"
    saved = json.loads((tmp_path / "lesson.work.json").read_text(encoding="utf-8"))
    assert saved["answers"]["why_resume"] == "Because of Super 301"
    answer.value = "Because of Super 301 and Naples \u2014 \u201cquoted\u201d \U0001f600"
    restarted = discussion(open_work("lesson", tmp_path), "why_resume", "Why resume talks now?")
    assert restarted.children[1].value == answer.value
    assert restarted.children[3].value == ""


def test_discussion_static_text_shows_the_prompt_and_an_empty_box_note(work):
    plain = discussion(work, "q", "Who speaks first?")._repr_mimebundle_()["text/plain"]
    assert plain == (
        "For discussion: Who speaks first?\n"
        "[An answer box goes here: run this cell to write in it; it saves as you type.]"
    )


def test_discussion_starts_empty_and_says_so_when_the_saved_answer_is_not_text(work):
    work.set("q", ["not", "text"])
    box = discussion(work, "q", "Who speaks first?")
    assert box.children[1].value == ""
    assert (
        box.children[3].value
        == "<p><b>The answer saved for this question was not text, so the box starts empty.</b></p>"
    )


def test_discussion_says_when_an_answer_could_not_be_saved(work, monkeypatch):
    box = discussion(work, "q", "Who speaks first?")

    def refuse(key, value):
        raise OSError("disk full")

    monkeypatch.setattr(work, "set", refuse)
    box.children[1].value = "Kantor"
    assert box.children[2].value == "<small>1 word, not saved: see the message below.</small>"
    assert box.children[3].value == "<p><b>Not saved: disk full</b></p>"


def test_discussion_refuses_an_empty_key_or_prompt(work):
    with pytest.raises(
        InvalidInputError, match="^parameter 'key' must be text that is not empty, not str ' '.$"
    ):
        discussion(work, " ", "Why?")
    with pytest.raises(
        InvalidInputError, match="^parameter 'prompt' must be text that is not empty, not str ''.$"
    ):
        discussion(work, "q", "")
