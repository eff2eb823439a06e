"""kit.quotes: where quoted words fall. Counts were made by hand in the seed."""

from kit.article import load_article
from kit.quotes import quoted_spans, story_shape


def test_quoted_spans_straight_curly_and_unclosed():
    text = 'He said "one two" and \u201cthree\u201d then "four'
    assert [s.text for s in quoted_spans(text)] == ['"one two"', "\u201cthree\u201d", '"four']
    assert all(text[s.start : s.end] == s.text for s in quoted_spans(text))


def test_story_shape_of_the_seed():
    shape = {p.number: p for p in story_shape(load_article())}
    quoted = {n: p.quoted_words for n, p in shape.items() if p.quoted_words}
    # Kantor's two quotes (11 + 23 words), "framework", "starting line, not the goal.",
    # Kantor relaying both leaders, Hata's two quotes (9 + 17), "results-oriented goals" and
    # "quantitative and qualitative criteria", the sales test, no deadlines, hard bargaining.
    assert quoted == {2: 34, 4: 1, 5: 5, 6: 8, 7: 26, 10: 6, 11: 8, 17: 15, 20: 10}
    assert shape[2].words == 43 and shape[2].narration_words == 9
    assert shape[19].narration_words == 5
