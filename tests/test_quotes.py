"""kit.quotes: where quoted words fall, who speaks, and whose voice fills the story.

Counts and attributions were made by hand in the seed and in tests/data/port-deal.txt."""

from pathlib import Path

import pytest

from kit.article import load_article, parse_article
from kit.errors import DataFileError
from kit.quotes import (
    NO_SPEAKER,
    extract_quotes,
    narration_text,
    quote_accuracy,
    quoted_spans,
    reference_quotes,
    reference_reported,
    reported_speech,
    side_of,
    story_shape,
    voice_share,
    voices_sentiment,
)


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


# --- extract_quotes, reported speech, accuracy, voice share ---------------------------------

PORT_DEAL = Path(__file__).parent / "data" / "port-deal.txt"
KANTOR, HATA = "Mickey Kantor", "Tsutomu Hata"


def test_extract_quotes_finds_the_seeds_twelve_spans_with_kind_and_speaker():
    quotes = extract_quotes(load_article())
    # Read by hand: two Kantor quotes in ¶2, "framework" ¶4, Kakizawa's fragment ¶5, Kantor relaying
    # the leaders ¶6, Hata twice ¶7, two terms of the agreement ¶10, Kantor's sales test ¶11, no
    # deadlines ¶17, the anonymous kicker ¶20.
    assert [(q.paragraph, q.kind, q.speaker) for q in quotes] == [
        (2, "direct", KANTOR),
        (2, "direct", KANTOR),
        (4, "term", None),
        (5, "partial", "Koji Kakizawa"),
        (6, "partial", KANTOR),
        (7, "direct", HATA),
        (7, "direct", HATA),
        (10, "term", None),
        (10, "term", None),
        (11, "partial", KANTOR),
        (17, "direct", KANTOR),
        (20, "direct", "a senior Administration official"),
    ]
    assert quotes[0].role == "U.S. Trade Representative" and quotes[0].side == "U.S. government"
    assert quotes[5].role == "Japanese Prime Minister"  # named in ¶6, speaking as "he" in ¶7
    assert quotes[3].text == "starting line, not the goal."
    assert quotes[11].side == "anonymous" and quotes[2].side is None
    source = load_article().source
    assert source[quotes[2].start : quotes[2].end] == '"framework"'


def test_the_reference_annotation_and_the_extractor_agree_on_every_quote():
    article = load_article()
    reference = reference_quotes(article)
    assert len(reference) == 12
    assert sum(q.kind == "direct" for q in reference) == 6 and sum(q.kind == "term" for q in reference) == 3
    accuracy = quote_accuracy(extract_quotes(article), reference)
    assert (accuracy.spans_matched, accuracy.kinds_right, accuracy.speakers_right) == (12, 12, 12)
    assert accuracy.summary == "Found 12 of 12 quoted spans; kind right for 12, speaker right for 12."


def test_accuracy_reports_what_the_extractor_got_wrong():
    reference = reference_quotes(load_article())
    wrong = [
        reference[0].__class__(**{**vars(q), "speaker": "Someone"}) if q.paragraph == 20 else q
        for q in reference
    ]
    accuracy = quote_accuracy(wrong[:-2] + wrong[-1:], reference)  # drop ¶17, misattribute ¶20
    assert (accuracy.spans_matched, accuracy.kinds_right, accuracy.speakers_right) == (11, 11, 10)
    assert [c.paragraph for c in accuracy.checks if not c.agrees] == [17, 20]


def test_reported_speech_in_the_seed():
    reports = reported_speech(load_article())
    assert [(r.paragraph, r.speaker) for r in reports] == [
        (3, "U.S. and Japanese officials"),
        (5, "Koji Kakizawa"),
        (6, KANTOR),
        (7, HATA),
        (8, KANTOR),
        (9, "U.S. officials"),
        (11, KANTOR),
        (12, KANTOR),  # "he said": Kantor, from ¶11
        (16, "political analysts"),
        (17, "U.S. officials"),
        (18, "a Japanese official in Washington"),
    ]
    assert reports[4].verb == "expressed hope" and reports[8].verb == "believe"


def test_extract_quotes_on_an_article_it_has_never_seen():
    quotes = extract_quotes(load_article(PORT_DEAL))
    assert [(q.paragraph, q.kind, q.speaker, q.role) for q in quotes] == [
        (2, "direct", "Maria Chen", "a spokeswoman for the dockworkers' union"),  # "..., said X, role"
        (3, "direct", "Samuel Okafor", "Port Director"),  # He added, "..."
        (4, "partial", "Elena Vasquez", "the city's budget director"),  # X, the role, said ... "..."
        (5, "direct", "Samuel Okafor", "Port Director"),  # curly quotes, surname only
        (5, "direct", "Samuel Okafor", "Port Director"),  # goes on without attribution
        (6, "direct", "Samuel Okafor", "Port Director"),  # continues into the next paragraph
        (7, "partial", "one union official", "union official"),  # anonymous, with a relative clause
        (8, "direct", "a shipping executive", "shipping executive"),
        (9, "term", None, None),  # so-called "flex crews"
        (10, "direct", "Maria Chen", "a spokeswoman for the dockworkers' union"),  # "she said"
    ]
    assert [q.side for q in quotes if q.side == "anonymous"] == ["anonymous", "anonymous"]
    reports = reported_speech(load_article(PORT_DEAL))
    assert [(r.paragraph, r.speaker, r.verb) for r in reports] == [
        (3, "Samuel Okafor", "said"),
        (4, "Elena Vasquez", "said"),
        (7, "two people familiar with the talks", "said"),
        (7, "one union official", "called"),
        (9, "the Harbor Trade Council", "according to"),
        (10, "Maria Chen", "said"),
    ]


def test_attribution_patterns_one_by_one():
    text = (
        "Headline : Test: Dek\n\n"
        '"We will appeal," Governor Ruth Alder said.\n\n'
        '"Not today," said Tom Baker, a farmer.\n\n'
        'Alder said the court was "badly wrong."\n\n'
        "The so-called \u201creform\u201d passed.\n"
    )
    quotes = extract_quotes(parse_article(text))
    assert [(q.kind, q.speaker, q.role) for q in quotes] == [
        ("direct", "Ruth Alder", "Governor"),
        ("direct", "Tom Baker", "a farmer"),
        ("partial", "Ruth Alder", "Governor"),
        ("term", None, None),
    ]


def test_abbreviations_anonymity_and_according_to():
    text = (
        "Headline : Test: Dek\n\n"
        '"This bill is dead," said Sen. John Smith, a Democrat from Ohio.\n\n'
        '"We need time," said one official, who spoke on condition of anonymity.\n\n'
        'Commerce Secretary Ron Brown told reporters: "The door is open."\n\n'
        'According to two people familiar with the talks, the deal is "very close."\n\n'
        '"We are ready," Smith said, "and we will wait."\n'
    )
    article = parse_article(text)
    assert [(q.kind, q.speaker, q.role, q.side) for q in extract_quotes(article)] == [
        ("direct", "John Smith", "Sen.", "others"),  # "Sen." does not end the name
        ("direct", "one official", "official", "anonymous"),  # the relative clause is no role
        ("direct", "Ron Brown", "Commerce Secretary", "others"),  # "X told reporters: ..."
        ("partial", "two people familiar with the talks", "people familiar with the talks", "anonymous"),
        ("direct", "John Smith", "Sen.", "others"),
        ("direct", "John Smith", "Sen.", "others"),  # the same utterance, resumed after "Smith said,"
    ]
    assert [(r.paragraph, r.verb) for r in reported_speech(article)] == [(4, "according to")]


def test_where_the_rules_run_out():
    text = (
        "Headline : Test: Dek\n\n"
        '"We will not yield." That was the message from Tokyo on Tuesday.\n\n'
        'Kantor smiled. "We got there," he said.\n'
    )
    quotes = extract_quotes(parse_article(text))
    # A reader gives the first quote to Tokyo and the second to Kantor; the rules know only speakers
    # named next to a speech verb, so both stay full utterances with no speaker.
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", None), ("direct", None)]
    assert [q.side for q in quotes] == [None, None]


def test_side_of_a_speaker():
    assert side_of("Koji Kakizawa", "Japanese Foreign Minister", True) == "Japanese government"
    assert side_of("Maria Chen", "a spokeswoman", True) == "others"
    assert side_of("U.S. officials", "U.S. officials", False) == "anonymous"
    assert side_of(None, None, False) is None


def test_voice_share_of_the_seed_counted_by_hand():
    article = load_article()
    share = voice_share(article, extract_quotes(article))
    # Kantor 11 + 23 + 8 + 8 + 15; Hata 9 + 17; Kakizawa 5; the official 10; terms 1 + 2 + 4.
    assert share.by_speaker == {
        KANTOR: 65,
        NO_SPEAKER: 7,
        "Koji Kakizawa": 5,
        HATA: 26,
        "a senior Administration official": 10,
    }
    assert share.by_side == {
        "U.S. government": 65,
        "Japanese government": 31,
        "anonymous": 10,
        "others": 0,
        NO_SPEAKER: 7,
    }
    assert share.quoted_words == 113
    assert share.total_words == sum(p.words for p in story_shape(article))
    assert share.narration_words == share.total_words - 113
    assert share.narration_share == pytest.approx(share.narration_words / share.total_words)


def test_narration_leaves_out_every_quoted_word():
    narration = narration_text(load_article())
    assert "No one can guarantee" not in narration and "hard bargaining" not in narration
    assert "Stripped of the diplomatic veneer" in narration


def test_voices_sentiment_compares_sides_with_the_narration():
    article = load_article()
    voices = voices_sentiment(article, extract_quotes(article))
    assert list(voices) == ["U.S. government", "Japanese government", "anonymous", "the reporters' narration"]
    assert voices["Japanese government"].polarity > 0  # "absolutely confident", "determined"
    assert voices["anonymous"].polarity < 0  # "hard bargaining"


def test_a_broken_reference_entry_is_reported(monkeypatch):
    import kit.quotes.reference

    monkeypatch.setattr(
        kit.quotes.reference,
        "_load_reference",
        lambda: {
            "quotes": [{"paragraph": 3, "text": "framework", "kind": "term", "speaker": None}],
            "reported": [],
        },
    )
    with pytest.raises(
        DataFileError, match="^quotes_reference.json, quote 1, field 'text': must be a quoted span of this"
    ):
        reference_quotes(load_article())


def test_reported_speech_matches_the_reference_reading():
    article = load_article()
    found = [(r.paragraph, r.speaker) for r in reported_speech(article)]
    assert found == [(r.paragraph, r.speaker) for r in reference_reported(article)]
