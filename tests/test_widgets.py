"""kit.widgets: the pure views, and the shells wired to them (no kernel needed).

Setting a control's value in plain Python fires its observers synchronously, so
these tests drive the widgets as a student would and read what they show.
"""

import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
import pytest

from kit.article import load_article
from kit.errors import InvalidInputError
from kit.widgets import keyword_explorer, keyword_view, paragraph_explorer, paragraph_view


@pytest.fixture(scope="module")
def seed():
    return load_article()


def pixels(png: memoryview) -> np.ndarray:
    assert bytes(png[:4]) == b"\x89PNG"
    return np.asarray(PIL.Image.open(io.BytesIO(png)))


@pytest.mark.parametrize(
    ("phrase", "paragraphs", "summary"),
    [
        ("targets", [3, 10], "\u201ctargets\u201d occurs twice, in paragraphs 3 and 10."),
        ("Kantor", [2, 6, 8, 11, 17], "\u201cKantor\u201d occurs 5 times, in paragraphs 2, 6, 8, 11 and 17."),
        (" sunny   picture ", [1], "\u201csunny picture\u201d occurs once, in paragraph 1."),
        ("bananas", [], "\u201cbananas\u201d does not occur in the body of the article."),
    ],
)
def test_keyword_view(seed, phrase, paragraphs, summary):
    view = keyword_view(seed, phrase)
    assert [h.paragraph for h in view.hits] == paragraphs
    assert view.summary == summary
    assert view.paragraph_count == 20


def test_keyword_view_refuses_an_empty_phrase(seed):
    with pytest.raises(InvalidInputError, match="'phrase' must be a word or phrase"):
        keyword_view(seed, "  ")


def test_paragraph_view(seed):
    assert paragraph_view(seed, 17).summary == (
        "Paragraph 17: polarity -0.24, subjectivity 0.74, from 3 scored words."
    )
    assert paragraph_view(seed, 19).summary == (
        "Paragraph 19: no word is in the lexicon, so it scores 0 on both scales."
    )
    with pytest.raises(InvalidInputError, match="paragraph number must be a whole number from 1 to 20"):
        paragraph_view(seed, 21)


def test_keyword_explorer_shows_hits_and_updates(seed):
    box, summary, image, caption, out = keyword_explorer(seed).children
    assert isinstance(box, widgets.Text) and box.value == "targets"
    assert box.description == "Word or phrase:" and box.continuous_update is False
    assert "occurs twice, in paragraphs 3 and 10." in summary.value
    assert summary.value.count("<tr>") == 3  # a header row and one row per hit
    first = image.value
    box.value = "Kantor"
    assert "occurs 5 times" in summary.value and summary.value.count("<tr>") == 6
    assert image.value != first
    assert caption.value.startswith("<small><em>Figure.</em> A strip of the story")
    assert isinstance(out, widgets.Output)


def test_a_bad_phrase_is_reported_not_raised(seed):
    box, summary, *_, out = keyword_explorer(seed).children
    box.value = "?!"
    [shown] = out.outputs
    assert shown["name"] == "stdout" and "'phrase' must be a word or phrase" in shown["text"]
    assert summary.value == ""  # the last good result is not left standing above the error
    box.value = "Japan"
    assert out.outputs == () and summary.value  # a good phrase clears the error


def test_blitted_update_matches_a_fresh_drawing(seed):
    updated = keyword_explorer(seed, "targets")
    updated.children[0].value = "U.S."
    fresh = keyword_explorer(seed, "U.S.")
    assert np.array_equal(pixels(updated.children[2].value), pixels(fresh.children[2].value))

    moved = paragraph_explorer(seed, 1)
    moved.children[0].value = 8
    assert np.array_equal(
        pixels(moved.children[2].value), pixels(paragraph_explorer(seed, 8).children[2].value)
    )


def test_paragraph_explorer_shows_the_scored_words(seed):
    slider, summary, image, caption, _ = paragraph_explorer(seed).children
    assert (slider.min, slider.max, slider.value) == (1, 20, 1)
    assert "troubled<sup>-0.50</sup>" in summary.value
    slider.value = 19
    assert "no word is in the lexicon" in summary.value
    assert "No word in this passage is in TextBlob&#x27;s lexicon" in caption.value
    assert pixels(image.value).shape[:2] == (260, 700)


@pytest.mark.parametrize(
    ("phrase", "paragraphs", "summary"),
    [
        ("tariff", [13], "\u201ctariff\u201d occurs once (as \u201ctariffs\u201d), in paragraph 13."),
        (
            "numerical target",
            [3, 10],
            "\u201cnumerical target\u201d occurs twice (as \u201cnumerical targets\u201d), "
            "in paragraphs 3 and 10.",
        ),
        (
            "official",
            [1, 3, 9, 17, 18, 20],
            "\u201cofficial\u201d occurs 6 times (as \u201cofficial\u201d and \u201cofficials\u201d), "
            "in paragraphs 1, 3, 9, 17, 18 and 20.",
        ),
    ],
)
def test_keyword_view_finds_the_singular_or_plural_and_names_the_forms_found(
    seed, phrase, paragraphs, summary
):
    view = keyword_view(seed, phrase)
    assert [h.paragraph for h in view.hits] == paragraphs
    assert view.summary == summary
    assert [h.start for h in view.hits] == sorted(h.start for h in view.hits)


def test_a_failed_search_clears_the_old_result_and_hides_the_chart(seed):
    box = keyword_explorer(seed, "tariff")
    text, summary, image, caption = box.children[:4]
    assert "occurs once" in summary.value and "whole words" in summary.value
    text.value = "  "
    assert summary.value == "" and image.layout.display == "none" and caption.layout.display == "none"
    text.value = "Hata"
    assert "occurs 5 times" in summary.value and image.layout.display is None
