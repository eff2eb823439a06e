"""A rewritten opening read as an article, and the original cut to the same shape.

Expected values were counted by hand in the seed article: ¶1 has 39 words and no quotation;
¶2 has 43 words, 34 of them inside Kantor's two quotations (11 + 23).
"""

import re

import pytest

from kit.article import load_article
from kit.ask import start_exercise
from kit.checks import check_answer, load_questions
from kit.display import rewrite_chart, rewrite_table
from kit.display.questions import written_placeholder, written_status
from kit.errors import InvalidInputError
from kit.framing import device_counts, find_devices
from kit.quotes import extract_quotes, voice_share
from kit.rewrite import compare_rewrite, opening, read_rewrite

REWRITE = """
Washington Drops Its Demand for Numerical Targets
Talks resume after Tokyo wins a firm U.S. commitment : a view from Japan.

Japan won a firm commitment from the United States on Tuesday to avoid
specific numerical targets for foreign sales in Japan.

The agreement brings the two sides to the "starting line, not the goal," Japanese Foreign Minister
Koji Kakizawa said in Tokyo.

Sources: ¶5, ¶10
"""


@pytest.fixture(scope="module")
def article():
    return load_article()


def test_a_rewrite_is_read_into_headline_dek_and_paragraphs():
    mine = read_rewrite(REWRITE, paragraphs=2)
    assert mine.headline == "Washington Drops Its Demand for Numerical Targets"
    # a " : " in the dek stays in the dek: it is not read as a section
    assert mine.dek == "Talks resume after Tokyo wins a firm U.S. commitment : a view from Japan."
    assert mine.section is None
    assert [p.text for p in mine.paragraphs] == [
        "Japan won a firm commitment from the United States on Tuesday to avoid "
        "specific numerical targets for foreign sales in Japan.",
        'The agreement brings the two sides to the "starting line, not the goal," Japanese Foreign '
        "Minister Koji Kakizawa said in Tokyo.",
    ]
    assert "Sources" not in mine.source and mine.credits is None


def test_the_kit_measures_a_rewrite_like_any_article():
    mine = read_rewrite(REWRITE)
    quotes = extract_quotes(mine)
    assert [(q.text, q.speaker, q.side) for q in quotes] == [
        ("starting line, not the goal", "Koji Kakizawa", "Japanese government")
    ]
    share = voice_share(mine, quotes)
    # 21 words in each paragraph, 5 of them quoted ("starting line, not the goal")
    assert (share.total_words, share.quoted_words) == (42, 5)
    found = find_devices(mine)
    assert [(h.paragraph, h.text) for h in found] == [(1, "firm"), (2, "starting line")]
    assert device_counts(found) == {"figurative": 1, "hedge": 0, "booster": 1, "conflict": 0, "minimizer": 0}


def test_the_opening_is_headline_dek_and_first_paragraphs(article):
    first = opening(article)
    assert (first.headline, first.dek) == (article.headline, article.dek)
    assert [p.text for p in first.paragraphs] == [article.paragraph(1).text, article.paragraph(2).text]
    share = voice_share(first, extract_quotes(first))
    assert (share.total_words, share.quoted_words, share.by_side["U.S. government"]) == (82, 34, 34)
    assert round(100 * share.narration_share, 1) == 58.5
    assert [len(opening(article, n).paragraphs) for n in (1, 20)] == [1, 20]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "here it is empty), not str ''."),
        (
            "Headline only\n\nA paragraph.",
            "here only 1 line comes before the first blank line: the dek",
        ),
        ("Headline\nDek\nA third line\n\nA paragraph.", "here 3 lines come before the first blank line"),
        ("Headline\nDek\n\nSources: ¶1", "here no body paragraph follows the headline and dek)"),
    ],
)
def test_a_rewrite_out_of_layout_is_refused_with_the_layout(text, message):
    with pytest.raises(InvalidInputError) as error:
        read_rewrite(text)
    assert message in str(error.value)
    assert str(error.value).startswith(
        "parameter 'text' must be a rewrite in the kit's layout (a headline line, a dek line, a blank line, "
        "then body paragraphs with a blank line between; here "
    )


def test_the_paragraph_count_is_checked_when_asked():
    with pytest.raises(InvalidInputError, match="here it has 2 body paragraphs where 3 are asked"):
        read_rewrite(REWRITE, paragraphs=3)
    with pytest.raises(InvalidInputError, match=".paragraphs. must be a whole number of at least 1"):
        read_rewrite(REWRITE, paragraphs=0)


def test_bad_arguments_name_what_is_allowed(article):
    with pytest.raises(
        InvalidInputError, match=".paragraphs. must be a whole number from 1 to 20, not int 21"
    ):
        opening(article, 21)


def test_a_rewrite_is_measured_beside_the_original_opening(article):
    comparison = compare_rewrite(article, REWRITE)
    original, mine = comparison.original, comparison.yours
    assert comparison.problem == ""
    # 39 + 43 words, 34 of them Kantor's (counted by hand above): 48 / 82 = 58.5% narration
    assert (original.body_words, original.quoted_words, original.narration_percent) == (82, 34, 58.5)
    assert original.by_side == {"U.S. government": 34}
    # Kakizawa's five quoted words are the rewrite's only quotation
    assert mine.quoted_words == 5
    assert mine.by_side == {"Japanese government": 5}
    assert mine.framing.text.startswith("Washington Drops Its Demand")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Write your rewrite in q8 first."),
        (None, "Write your rewrite in q8 first."),
        ("One line only", "The kit cannot read your rewrite yet: it has 1 line and no blank line: the"),
        (
            REWRITE.replace("\n\nThe agreement", " The agreement"),
            "The kit cannot read your rewrite yet: it has 1 body paragraph where 2 are asked. A rewrite",
        ),
    ],
)
def test_a_rewrite_that_cannot_be_read_is_named_and_the_original_still_measured(article, text, problem):
    comparison = compare_rewrite(article, text)
    assert comparison.yours is None
    assert comparison.problem.startswith(problem) and comparison.fault
    assert comparison.original.quoted_words == 34
    table = re.sub(r' style="[^"]*"', "", rewrite_table(comparison).data)
    assert "<th>your rewrite</th>" not in table and "the original&#x27;s opening" in table


def test_the_rewrite_table_has_a_column_per_opening(article):
    table = re.sub(r' style="[^"]*"', "", rewrite_table(compare_rewrite(article, REWRITE)).data)
    assert "<th>your rewrite</th>" in table
    assert "<tr><td>quoted words</td><td>34</td><td>5</td></tr>" in table
    assert "<tr><td>quoted words: Japanese government</td><td>0</td><td>5</td></tr>" in table


def test_the_q9_chart_is_drawn_and_saved_once_the_rewrite_reads(article, tmp_path, capsys):
    exercise = start_exercise("08_capstone", tmp_path)
    rewrite_chart(exercise, article)
    assert capsys.readouterr().out == (
        "No chart yet: there is no rewrite in q8; write it there, then run this cell again.\n"
    )
    exercise.save("q8", "One line only")
    rewrite_chart(exercise, article)
    assert capsys.readouterr().out == (
        "No chart yet: the kit cannot read your rewrite in q8 (it has 1 line and no blank line: the headline "
        "and dek go on the first two lines, then a blank line); fix that in q8, then run this cell again.\n"
    )
    assert exercise.saved_chart("q9") is None
    exercise.save("q8", REWRITE)
    rewrite_chart(exercise, article)
    assert capsys.readouterr().out.startswith("q9: chart saved for your hand-in (Polarity ")
    saved = exercise.saved_chart("q9")["description"]
    assert saved.startswith("Polarity +") and " against +0.00 for the original; subjectivity " in saved


def test_the_rewrite_question_checks_its_layout_and_sources_not_a_cited_paragraph(tmp_path):
    q8 = load_questions("08_capstone")["q8"]
    lines = check_answer(q8, REWRITE).lines
    assert list(lines[2:]) == [
        (True, "The kit can read its layout."),
        (True, "It names its sources: Sources: ¶5, ¶10"),
    ]
    lines = check_answer(q8, "Headline\nDek\n\nOne paragraph.").lines
    assert list(lines[2:]) == [
        (False, "The kit cannot read its layout yet: it has 1 body paragraph where 2 are asked."),
        (False, "It has no 'Sources: ¶1, ¶10' line yet."),
    ]
    assert written_placeholder("rewrite").startswith("Line 1: headline. Line 2: dek. A blank line")
    assert written_status("Headline\nDek\n\nOne.\n\nTwo.", 80, "rewrite") == (
        "4 words (at least 80 to hand in); the kit can read the layout."
    )
