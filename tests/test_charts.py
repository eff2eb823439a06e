"""kit.charts: what each chart draws, its description, and redrawing in place."""

import matplotlib.pyplot as plt
import pytest
from matplotlib.collections import LineCollection

from kit import charts
from kit.article import load_article
from kit.errors import InvalidInputError
from kit.quotes import story_shape
from kit.text import Sentiment, sentiment, sentiment_arc


@pytest.fixture(scope="module")
def seed():
    return load_article()


def test_story_shape_bars_and_description(seed):
    shape = story_shape(seed)
    ax = charts.story_shape(shape)
    assert len(ax.patches) == 40  # narration and quoted part for each of 20 paragraphs
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["¶1", "¶2", "¶3"]
    total = sum(p.words for p in shape)
    assert charts.description(ax) == (
        f"Bars show the length in words of each of the 20 body paragraphs; 113 of the {total} words "
        "are inside quotation marks, in paragraphs 2, 4, 5, 6, 7, 10, 11, 17 and 20."
    )
    assert {p.get_hatch() for p in ax.patches[20:]} == {"//"}  # quotes differ by pattern, not colour only
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["reporters' narration", "words inside quotation marks"]


def test_keyword_strip_draws_one_tick_per_hit(seed):
    hits = seed.search("Kantor")
    ax = charts.keyword_strip(hits, 20, "Kantor")
    ticks = charts.layers(ax).data[0]
    assert isinstance(ticks, LineCollection)
    assert [segment[0][0] for segment in ticks.get_segments()] == [h.position for h in hits]
    assert ax.get_title() == "Where \u201cKantor\u201d falls in the story (5 hits)"
    assert charts.description(ax) == (
        "A strip of the story's 20 paragraphs with a tick wherever \u201cKantor\u201d occurs: "
        "in paragraphs 2, 6, 8, 11 and 17."
    )


def test_redrawing_on_the_same_axes_keeps_the_frame_and_replaces_the_data(seed):
    ax = charts.keyword_strip(seed.search("Japan"), 20, "Japan")
    frame_artists = len(ax.collections) - 1
    first_tick = ax.xaxis.get_major_ticks()[0]
    charts.keyword_strip(seed.search("sunny picture"), 20, "sunny picture", ax=ax)
    assert len(ax.collections) == frame_artists + 1
    assert ax.xaxis.get_major_ticks()[0] is first_tick
    assert len(charts.layers(ax).data[0].get_segments()) == 1
    assert ax.get_title() == "Where \u201csunny picture\u201d falls in the story (1 hit)"
    assert charts.description(ax).endswith("\u201csunny picture\u201d occurs: in paragraph 1.")


def test_a_different_chart_on_the_same_axes_starts_afresh(seed):
    ax = charts.keyword_strip(seed.search("Japan"), 20, "Japan")
    charts.word_scores(sentiment("a troubled relationship"), ax=ax)
    assert len(ax.collections) == 0
    assert ax.get_xlim() == (-1.15, 1.15)


def test_keyword_strip_with_no_hits(seed):
    ax = charts.keyword_strip([], 20, "bananas")
    assert charts.description(ax).endswith("\u201cbananas\u201d occurs: nowhere in the body.")


def test_sentiment_arc_lines_and_extremes(seed):
    ax = charts.sentiment_arc(sentiment_arc(seed))
    polarity, subjectivity = ax.get_lines()[1:]
    assert list(polarity.get_xdata()) == list(range(1, 21))
    assert polarity.get_marker() == "o" and subjectivity.get_marker() == "s"  # not colour alone
    assert charts.description(ax) == (
        "Polarity and subjectivity of the 20 paragraphs; polarity peaks at +0.25 in paragraph 7 "
        "and is lowest, -0.24, in paragraph 17."
    )


def test_word_scores_bars_follow_the_assessments():
    result = sentiment("It would be unfortunate, unnecessary and unreasonable to put any particular date")
    ax = charts.word_scores(result, title="Paragraph 17")
    bars = list(ax.patches)
    assert [round(b.get_width(), 3) for b in bars] == [-0.5, -0.4, 0.167]
    assert [b.get_hatch() for b in bars] == ["xx", "xx", ""]
    assert ax.get_title() == "Paragraph 17: polarity -0.24, subjectivity 0.74"
    assert "the strongest is \u201cunfortunate\u201d at -0.50" in charts.description(ax)


def test_word_scores_with_nothing_scored():
    ax = charts.word_scores(sentiment("That might be overly optimistic."))
    assert len(ax.patches) == 0
    assert charts.description(ax) == (
        "No word in this passage is in TextBlob's lexicon, so it scores 0 on both scales."
    )


def test_charts_draw_on_a_given_axes_without_opening_figures(seed):
    _, ax = plt.subplots()
    before = plt.get_fignums()
    assert charts.sentiment_arc(sentiment_arc(seed), ax=ax) is ax
    assert plt.get_fignums() == before


def test_bad_arguments_are_refused():
    with pytest.raises(InvalidInputError, match=r"parameter 'ax' must be an Axes or None, not str 'left'\."):
        charts.word_scores(Sentiment(0.0, 0.0, ()), ax="left")
    with pytest.raises(InvalidInputError, match=".paragraph_count. must be a whole number from 1 to 200"):
        charts.keyword_strip([], 0, "x")
    with pytest.raises(InvalidInputError, match="shape must list at least one paragraph"):
        charts.story_shape([])
    with pytest.raises(InvalidInputError, match="parameter 'result' must be a Sentiment, not float 0.5."):
        charts.word_scores(0.5)
    _, plain = plt.subplots()
    with pytest.raises(InvalidInputError, match="ax must be an Axes drawn by a kit chart function"):
        charts.description(plain)


def test_palette_is_okabe_ito():
    assert list(charts.PALETTE.values()) == [
        "#0072B2", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#D55E00", "#CC79A7", "#000000",
    ]  # fmt: skip
