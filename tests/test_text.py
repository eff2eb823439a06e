"""kit.text: sentences, words and lexicon sentiment, all without downloaded data.

Sentiment values were worked by hand from TextBlob's bundled lexicon
(textblob/en/en-sentiment.xml): a word's score is the mean over its senses, and a
passage's score is the mean over its scored chunks.
"""

import pytest

from kit.article import load_article
from kit.text import sentence_spans, sentiment, sentiment_arc, word_spans, words
from kit.wording import joined


def test_sentence_spans_keep_offsets_and_closing_quotes():
    text = ' "I am absolutely confident we will find a way," he said. "Japan is determined."'
    spans = sentence_spans(text)
    assert [s.text for s in spans] == [
        '"I am absolutely confident we will find a way," he said.',
        '"Japan is determined."',
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_sentence_spans_do_not_break_after_abbreviations():
    text = "The U.S. offered a firm commitment. Dr. Lee agreed."
    assert [s.text for s in sentence_spans(text)] == [
        "The U.S. offered a firm commitment.",
        "Dr. Lee agreed.",
    ]


def test_words_leave_out_punctuation_and_keep_compounds():
    assert words('U.S.-Japanese ties sank; "No one can\'t guarantee," Kantor said. $131 billion, 1,000.') == [
        "U.S.-Japanese", "ties", "sank", "No", "one", "can't", "guarantee", "Kantor", "said",
        "131", "billion", "1,000",
    ]  # fmt: skip
    assert words("results-oriented goals, the country\u2019s") == [
        "results-oriented",
        "goals",
        "the",
        "country\u2019s",
    ]


def test_word_spans_index_the_text():
    text = "  starting line, not the goal."
    assert [(w.text, w.start, w.end) for w in word_spans(text)][:2] == [("starting", 2, 10), ("line", 11, 15)]


def test_sentiment_of_hatas_quote():
    # "confident": senses 0.5, 0.5, 0.5 -> 0.5; subjectivity 0.5, 1.0, 1.0 -> 0.8333.
    # "absolutely" modifies it, so the chunk is the two words together.
    result = sentiment("I am absolutely confident we will find a way")
    assert result.polarity == pytest.approx(0.5)
    assert result.subjectivity == pytest.approx(5 / 6)
    assert [a.words for a in result.assessments] == [("absolutely", "confident")]


def test_sentiment_of_kantors_no_deadlines_quote():
    # unfortunate -0.5, unnecessary -0.4, particular +1/6 (mean of its senses): mean -0.2444.
    result = sentiment(
        "It would be unfortunate, unnecessary and unreasonable to put any particular date on these agreements"
    )
    assert [a.words[0] for a in result.assessments] == ["unfortunate", "unnecessary", "particular"]
    assert [a.polarity for a in result.assessments][:2] == [pytest.approx(-0.5), pytest.approx(-0.4)]
    assert result.polarity < 0


def test_words_missing_from_the_lexicon_score_zero():
    result = sentiment("That might be overly optimistic.")
    assert (result.polarity, result.subjectivity, result.assessments) == (0.0, 0.0, ())


def test_negation_reverses_by_half():
    # "not good": good scores +0.7, negated it counts -0.5 * 0.7.
    assert sentiment("not good").polarity == pytest.approx(-0.35)


def test_sentiment_arc_scores_every_paragraph():
    arc = sentiment_arc(load_article())
    assert sorted(arc) == list(range(1, 21))
    assert arc[19].assessments == ()
    assert arc[1].polarity == pytest.approx(0.1)  # suddenly 0, most 0.5, important 0.4, troubled -0.5
    assert arc[17].polarity == pytest.approx(-0.2444, abs=1e-4)


def test_joined():
    assert joined([]) == "none"
    assert joined([4]) == "4"
    assert joined([2, 5]) == "2 and 5"
