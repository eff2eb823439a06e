"""kit.charts.framing: each chart draws what its data says and describes it in one sentence."""

import matplotlib.pyplot as plt
import pytest

from kit import charts
from kit.agreement import confusion
from kit.article import load_article
from kit.errors import InvalidInputError
from kit.framing import reframe, story_parts
from kit.quotes import extract_quotes, voice_share, voices_sentiment


@pytest.fixture(scope="module")
def share():
    article = load_article()
    return voice_share(article, extract_quotes(article))


def test_story_parts_chart_has_two_bars_per_part():
    ax = charts.story_parts(story_parts(load_article()))
    assert len(ax.patches) == 10
    assert [t.get_text() for t in ax.get_yticklabels()] == ["headline", "dek", "lead", "body", "kicker"]
    assert "headline +0.00" in charts.description(ax)
    with pytest.raises(InvalidInputError):
        charts.story_parts([])


def test_voice_share_chart_labels_words_and_shares(share):
    ax = charts.voice_share(share)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "the reporters' narration" and labels[1] == "U.S. government"
    assert len(ax.patches) == 6
    assert len({p.get_hatch() for p in ax.patches}) == 6  # told apart without colour
    assert "113 are quoted: U.S. government 65, Japanese government 31, anonymous 10" in charts.description(
        ax
    )
    assert "(84%) are the reporters' narration" in charts.description(ax)  # two reporters share the byline


def test_speaker_words_chart_puts_the_most_quoted_first(share):
    ax = charts.speaker_words(share)
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["Mickey Kantor", "Tsutomu Hata"]
    assert (
        charts.description(ax) == "5 voices are quoted; Mickey Kantor has the most quoted words, 65 of 113."
    )


def test_frame_confusion_grid_counts():
    table = confusion(["Economic", "Economic", "Political"], ["Economic", "Political", "Political"])
    ax = charts.frame_confusion(table)
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["1✓", "1", "·", "1✓"]
    assert "2 of 3 paragraphs lie on the diagonal" in charts.description(ax)


def test_coding_progress_redraws_only_its_data():
    _, ax = plt.subplots()
    charts.coding_progress({1: "agrees", 2: "differs"}, 20, current=3, ax=ax)
    frame_artists = len(ax.get_xticklabels())
    first = charts.layers(ax).data
    charts.coding_progress({1: "agrees", 2: "differs", 3: "coded"}, 20, current=4, ax=ax)
    assert len(ax.get_xticklabels()) == frame_artists and charts.layers(ax).data is not first
    assert all(a.axes is None for a in first)  # the old markers were removed
    assert charts.description(ax) == (
        "One marker per paragraph: 3 of 20 coded; 1 agree with the reference and 1 differ; "
        "paragraph 4 is ringed."
    )
    with pytest.raises(InvalidInputError, match="states must be among"):
        charts.coding_progress({1: "maybe"}, 20)


def test_framing_scores_chart_redraws_in_place():
    original, yours = reframe(load_article(), "Japan Must Yield to U.S. Pressure")
    _, ax = plt.subplots()
    charts.framing_scores(original, yours, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()][1] == "your polarity"
    assert [p.get_hatch() or "" for p in ax.patches] == ["", "//", "", "//"]
    charts.framing_scores(original, original, ax=ax)
    assert len(ax.patches) == 4
    assert charts.description(ax).startswith("Polarity +0.00 for your headline and dek against +0.00")


def test_framing_scores_sign_polarity_only_and_wait_for_a_rewrite():
    original, yours = reframe(load_article(), "Japan Must Yield to U.S. Pressure", "A great, terrible day")
    ax = charts.framing_scores(original, yours)
    assert [t.get_text() for t in ax.texts] == ["+0.00", "-0.10", "1.00", "0.88"]  # subjectivity 0 to 1
    ax = charts.framing_scores(original)
    assert [t.get_text() for t in ax.texts] == ["+0.00", "not written yet", "1.00", "not written yet"]
    assert charts.description(ax) == (
        "Polarity +0.00 and subjectivity 1.00 for the original headline and dek; yours is not written yet."
    )


def test_voices_sentiment_chart_pairs_polarity_and_subjectivity():
    article = load_article()
    voices = voices_sentiment(article, extract_quotes(article))
    ax = charts.voices_sentiment(voices)
    assert len(ax.patches) == 8  # four voices, two bars each
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "the reporters' narration"
    assert "anonymous -0.15" in charts.description(ax)
    with pytest.raises(InvalidInputError, match="at least one voice"):
        charts.voices_sentiment({})


def test_voices_sentiment_legend_hides_no_bar_value_or_title():
    article = load_article()
    ax = charts.voices_sentiment(voices_sentiment(article, extract_quotes(article)))
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    values = [t for t in ax.texts if t.get_text()]
    assert "-0.08" in [t.get_text() for t in values]  # the U.S. polarity, once under the legend
    covered = [a for a in [*ax.patches, *values, ax.title] if legend.overlaps(a.get_window_extent())]
    assert covered == []
