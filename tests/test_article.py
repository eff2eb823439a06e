"""kit.article: loading the plain-text format, the seed's anatomy, keyword in context.

Expected values were counted by hand in seeds/ and tests/data/.
"""

from datetime import date
from pathlib import Path

import pytest

from kit.article import load_article, parse_article, seed_names
from kit.errors import ArticleFormatError, ArticleNotFoundError, InvalidInputError, KitError

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def harbor():
    return load_article(DATA / "harbor-vote.txt")


def test_seed_headline_section_and_dek(seed):
    assert seed.headline == "U.S., Japan Will Try Again on Trade Talks"
    assert seed.section == "Commerce"
    assert (
        seed.dek
        == "The agreement to return to the negotiating table overcomes key hurdle of numerical targets."
    )


def test_seed_has_20_paragraphs_holding_28_sentences(seed):
    assert len(seed.paragraphs) == 20
    assert len(seed.sentences) == 28
    per_paragraph = [len(p.sentences) for p in seed.paragraphs]
    assert per_paragraph == [1, 1, 1, 2, 1, 1, 3, 2, 2, 2, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1]


def test_seed_paragraphs_are_numbered_from_one(seed):
    assert [p.number for p in seed.paragraphs] == list(range(1, 21))
    assert seed.paragraph(1).text.startswith("Three months after U.S.-Japanese ties sank")
    assert seed.paragraph(19).text == "That might be overly optimistic."
    assert seed.paragraph(20).text.startswith('"There is a lot of hard bargaining left to do,"')


def test_seed_trailer(seed):
    assert seed.credits == (
        "Gerstenzang reported from Washington and Holley from Tokyo. "
        "Staff writer Jim Mann in Washington contributed."
    )
    assert seed.copyright == "Copyright © 2019, Los Angeles Times"
    assert seed.edition == "California | U.S. & World"


def test_seed_metadata_cites_sources(seed):
    assert seed.published == date(1994, 5, 25)
    assert seed.metadata["event_date"].value == "1994-05-24"
    assert seed.metadata["publication"].value == "Los Angeles Times"
    assert all(fact.source for fact in seed.metadata.values())


def test_sentences_keep_quotes_and_abbreviations(seed):
    hata = seed.paragraph(7).sentences
    assert [s.text for s in hata] == [
        "Hata said later that he is confident Tuesday's agreement will lead to a trade accord.",
        '"I am absolutely confident we will find a way," he said.',
        '"Japan is determined to open its markets, and the U.S. is just as determined to sell here."',
    ]
    assert [s.number for s in hata] == [8, 9, 10]


def test_offsets_index_the_source(seed):
    for paragraph in seed.paragraphs:
        assert seed.source[paragraph.start : paragraph.end] == paragraph.text
        for sentence in paragraph.sentences:
            assert seed.source[sentence.start : sentence.end] == sentence.text
            assert sentence.paragraph == paragraph.number


def test_word_counts(seed):
    assert seed.paragraph(2).word_count == 43
    assert seed.paragraph(19).word_count == 5


def test_search_finds_whole_words_in_the_body_only(seed):
    hits = seed.search("numerical targets")
    assert [(h.paragraph, h.sentence) for h in hits] == [(3, 3), (10, 15)]
    assert hits[0].left.endswith("are being met if ")
    assert hits[0].right.startswith(", to which the Japanese object")
    assert [h.paragraph for h in seed.search("Kantor")] == [2, 6, 8, 11, 17]
    assert seed.search("target") == []  # whole words only


def test_search_ignores_case_and_white_space_and_respects_width(seed):
    hits = seed.search("  NUMERICAL\ntargets ", width=5)
    assert [h.match for h in hits] == ["numerical targets", "numerical targets"]
    assert hits[1].left == "cific "[-5:]
    assert len(hits[1].right) == 5


def test_search_positions_fall_inside_their_paragraph(seed):
    for hit in seed.search("Japan"):
        assert hit.paragraph - 0.5 <= hit.position < hit.paragraph + 0.5


def test_search_context_stops_at_the_paragraph(seed):
    hit = seed.search("optimistic")[0]
    assert (hit.paragraph, hit.left, hit.right) == (19, "That might be overly ", ".")


@pytest.mark.parametrize("phrase", ["", "   ", "?!"])
def test_search_rejects_phrases_without_a_word(seed, phrase):
    with pytest.raises(InvalidInputError, match="'phrase' must be a word or phrase"):
        seed.search(phrase)


@pytest.mark.parametrize("width", [-1, 501])
def test_search_rejects_bad_widths(seed, width):
    with pytest.raises(InvalidInputError, match="parameter 'width' must be a whole number from 0 to 500"):
        seed.search("Japan", width=width)


@pytest.mark.parametrize("number", [0, 21, -1])
def test_paragraph_numbers_outside_the_article_are_refused(seed, number):
    with pytest.raises(InvalidInputError, match=r"paragraph number must be a whole number from 1 to 20"):
        seed.paragraph(number)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: a.paragraph(1.0), "parameter 'number' must be a whole number, not float 1.0."),
        (lambda a: a.paragraph("3"), "parameter 'number' must be a whole number, not str '3'."),
        (lambda a: a.paragraph(True), "parameter 'number' must be a whole number, not True."),
    ],
)
def test_arguments_of_the_wrong_kind_are_refused_by_name(seed, call, message):
    with pytest.raises(InvalidInputError) as error:
        call(seed)
    assert str(error.value) == message


def test_another_article_in_the_same_format(harbor):
    assert harbor.headline == "Town Council Delays Harbor Vote"
    assert harbor.section == "Local"
    assert harbor.dek == "Members want more data on dredging costs before they decide."
    assert [len(p.sentences) for p in harbor.paragraphs] == [1, 2, 2, 1]
    assert harbor.paragraph(3).sentences[1].text.startswith("Dr. Lee, a marine biologist")
    assert harbor.paragraph(1).word_count == 18
    assert harbor.credits == "Reporting by the kit's authors for a test of the article format."
    assert harbor.edition == "Test | Local"
    assert harbor.published == date(2026, 11, 27)
    assert [h.paragraph for h in harbor.search("vote")] == [1, 4]


def test_one_blank_line_after_the_headline_and_no_trailer():
    article = parse_article("Short : News: A dek.\n\nFirst paragraph.\n\nSecond one. It has two.\n")
    assert (article.headline, article.section, article.dek) == ("Short", "News", "A dek.")
    assert [p.text for p in article.paragraphs] == ["First paragraph.", "Second one. It has two."]
    assert article.credits is article.copyright is article.edition is None
    assert article.metadata == {}


def test_windows_line_endings_and_a_plain_headline():
    article = parse_article("Plain headline\r\n\r\n\r\nBody here.\r\n\r\nMore body.\r\n")
    assert (article.headline, article.section, article.dek) == ("Plain headline", None, None)
    assert len(article.paragraphs) == 2
    assert article.source[article.paragraphs[1].start : article.paragraphs[1].end] == "More body."


def test_missing_file_names_the_seeds(tmp_path):
    with pytest.raises(ArticleNotFoundError) as caught:
        load_article(tmp_path / "nowhere.txt")
    message = str(caught.value)
    assert "nowhere.txt" in message
    assert "us-japan-trade-talks-1994-05-25.txt" in message
    assert seed_names() == ["us-japan-trade-talks-1994-05-25.txt"]


def test_empty_file_says_what_the_format_expects(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(
        ArticleFormatError, match=r"empty\.txt is empty\. An article file starts with a headline"
    ):
        load_article(empty)


def test_headline_without_body_is_refused():
    with pytest.raises(ArticleFormatError, match="has a headline but no body paragraphs"):
        parse_article("Only a headline : Section: and a dek\n")


def test_binary_files_are_refused(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ArticleFormatError, match=r"junk\.txt is not UTF-8 text"):
        load_article(junk)
    junk.write_text("Head\n\n\nBody.\n", encoding="utf-8")
    (tmp_path / "junk.json").write_bytes(b"\xff{}")
    with pytest.raises(ArticleFormatError, match=r"junk\.json is not UTF-8 text"):
        load_article(junk)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not valid JSON"),
        ("[]", "must hold a JSON object of facts"),
        ('{"published": "1994-05-25"}', "must be an object with 'value', 'source' and 'confidence'"),
        (
            '{"published": {"value": "25 May 1994", "source": "s", "confidence": "verified"}}',
            "'published' must be a date written YYYY-MM-DD",
        ),
    ],
)
def test_bad_metadata_is_reported(tmp_path, content, message):
    (tmp_path / "a.txt").write_text("Head\n\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=message):
        load_article(tmp_path / "a.txt")


def test_wrong_argument_types_raise_kit_errors():
    with pytest.raises(InvalidInputError, match=r"parameter 'path' must be text \(a str\) or a Path or None"):
        load_article(3)
    with pytest.raises(InvalidInputError, match="parameter .text. must be text"):
        parse_article(b"bytes")
    assert issubclass(ArticleNotFoundError, KitError) and issubclass(ArticleFormatError, KitError)


# Issue 13 items 8 and 9: documented limits, sentence splitting in linear time, no non-articles.


def test_long_paragraphs_are_split_in_pieces_so_time_grows_linearly(monkeypatch):
    from kit import text

    seen = []
    segmenter = text._segmenter()

    class Recording:
        def segment(self, piece):
            seen.append(len(piece))
            return segmenter.segment(piece)

    monkeypatch.setattr(text, "_segmenter", lambda: Recording())
    sentence = "Mr. Kantor said the talks would resume in Washington. "
    paragraph = sentence * 400  # 21,600 characters in one paragraph
    spans = text.sentence_spans(paragraph)
    assert max(seen) <= 2000 and sum(seen) == len(paragraph)
    assert [s.text for s in spans] == [sentence.strip()] * 400
    assert all(paragraph[s.start : s.end] == s.text for s in spans)


def test_text_without_a_sentence_end_is_still_cut_and_kept_whole(monkeypatch):
    from kit import text

    blob = ("word " * 1000) + "x" * 5000
    spans = text.sentence_spans(blob)
    assert "".join(s.text for s in spans).replace(" ", "") == blob.replace(" ", "")
    assert all(blob[s.start : s.end] == s.text for s in spans)


def test_an_article_over_the_size_limit_is_refused(tmp_path):
    from kit.article import MAX_ARTICLE_CHARS

    big = tmp_path / "big.txt"
    big.write_text("Head\n\n\n" + "Body. " * (MAX_ARTICLE_CHARS // 6 + 1), encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=r"big\.txt is larger than the limit of 100,000 characters"):
        load_article(big)
    with pytest.raises(ArticleFormatError, match=r"article is larger than the limit of 100,000 characters"):
        parse_article(big.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("lesson.ipynb", '{"cells": [], "metadata": {}, "nbformat": 4}'),
        ("targets.csv", "year,value\n1993,50\n\n\n1994,60\n"),
        ("notes.txt", '{\n "cells": []\n}\n\n\n'),
        ("fifo.txt", None),
    ],
)
def test_only_plain_text_article_files_load(tmp_path, name, content):
    import os

    path = tmp_path / name
    if content is None:
        os.mkfifo(path)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=rf"{name.replace('.', '[.]')} .*plain-text article"):
        load_article(path)


def test_a_search_phrase_has_a_length_limit():
    article = load_article()
    with pytest.raises(
        InvalidInputError, match="'phrase' must be at most 200 characters long, not str 'targets"
    ):
        article.search("targets " * 1_250_000)
    assert len(article.search("numerical targets " + "x" * 180)) == 0
