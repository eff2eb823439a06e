"""kit.display: the article as HTML, hit tables, and charts shown with alt text and caption."""

from unittest import mock

import matplotlib.pyplot as plt
import pytest

from kit import charts, display
from kit.article import load_article, parse_article
from kit.display import common
from kit.text import sentiment


@pytest.fixture(scope="module")
def seed():
    return load_article()


def test_article_html_numbers_every_paragraph(seed):
    page = display.article_html(seed).data
    assert [f'id="p{n}"' in page for n in (1, 20, 21)] == [True, True, False]
    assert "<h2>U.S., Japan Will Try Again on Trade Talks</h2>" in page
    assert "Commerce · Los Angeles Times · Wednesday 25 May 1994" in page
    assert "U.S. &amp; World" not in page  # the edition line is not part of the reading copy
    assert "Gerstenzang reported from Washington" in page


def test_article_html_escapes_and_highlights():
    article = parse_article('A <b> headline\n\n\nSay "x < y" & mean it. Then x again.\n')
    page = display.article_html(article, highlight="x").data
    assert "A &lt;b&gt; headline" in page
    assert "&quot;<mark>x</mark> &lt; y&quot; &amp; mean it. Then <mark>x</mark> again." in page


def test_paragraphs_html_shows_only_the_chosen_paragraphs(seed):
    page = display.paragraphs_html(seed, [4, 19]).data
    assert 'id="p4"' in page and 'id="p19"' in page and 'id="p5"' not in page


def test_kwic_table(seed):
    table = display.kwic_table_html(seed.search("numerical targets"))
    assert table.count("<tr>") == 3
    left = '<td style="padding:.2em .6em;vertical-align:top;text-align:left">'
    assert f"{left}¶3</td>" in table and f"{left}¶10</td>" in table
    # the left context reads towards the hit, so it alone is right-aligned; the table is 14 px, not 12
    assert table.count('text-align:right">…') == 2
    assert '<table class="kit-table tex2jax_ignore mathjax_ignore" style="font-size:14px;' in table
    assert display.kwic_table_html([]) == "<p>No hits.</p>"


def test_scored_words_are_marked_with_their_scores():
    text = "A troubled, TROUBLED relationship."
    html = display.scored_words_html(text, sentiment(text))
    assert html.count("<sup>-0.50</sup>") == 2
    assert "relationship." in html


def test_show_sends_the_description_as_alt_text_and_caption(seed):
    ax = charts.keyword_strip(seed.search("Hata"), 20, "Hata")
    with mock.patch.object(common, "display") as shown:
        display.show(ax)
    (bundle,), kwargs = shown.call_args_list[0]
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == f"[chart] {charts.description(ax)}"
    assert kwargs == {"metadata": {"image/png": {"alt": charts.description(ax)}}, "raw": True}
    caption = shown.call_args_list[1].args[0].data
    assert "in paragraphs 6, 7, 15, 16 and 18." in caption
    assert plt.get_fignums() == []  # shown once, then closed


def test_facts_table_lists_every_fact_with_its_source(seed):
    table = display.facts_html(seed).data
    assert table.count("<tr>") == 1 + len(seed.metadata)
    assert "https://clintonwhitehouse6.archives.gov/1994/05/" in table
    assert (
        '<td style="padding:.2em .6em;vertical-align:top;text-align:left">inferred</td>' in table
    )  # the section reading is marked as an inference
    assert "<small>" not in table  # notes are 13 px, readable


def test_plain_tables_align_text_left_and_numbers_right():
    table = display.rows_html(["speaker", "words"], [["Kantor", 41], ["Hata", 9.5], ["none", None]]).data
    left = '<td style="padding:.2em .6em;vertical-align:top;text-align:left">'
    right = '<td style="padding:.2em .6em;vertical-align:top;text-align:right">'
    assert f"{left}Kantor</td>{right}41</td>" in table
    assert f"{right}9.5</td>" in table and f"{left}</td>" in table
    assert '<th style="padding:.2em .6em;vertical-align:top;text-align:left">words</th>' in table


def test_the_one_table_escapes_text_keeps_html_and_right_aligns_numbers():
    from kit.display.table import Html, table

    out = table([["<b>", Html("<i>x</i>"), 3, None]], ["a&b", "html", "n", "empty"], right={0})
    assert "<th" in out and "a&amp;b" in out
    assert '<td style="padding:.2em .6em;vertical-align:top;text-align:right">&lt;b&gt;</td>' in out
    assert ">" + "<i>x</i>" + "</td>" in out
    assert '<td style="padding:.2em .6em;vertical-align:top;text-align:right">3</td>' in out
    assert out.endswith(
        '<td style="padding:.2em .6em;vertical-align:top;text-align:left"></td></tr></tbody></table>'
    )
