"""kit.background: the sourced primer of lesson 01, its checks, its tables and its two exercises."""

import copy
import json
from importlib import resources

import pytest

from kit.background import (
    LAST_DAY,
    BackgroundFormatError,
    load_background,
    match_check,
    match_choices,
    order_check,
    order_choices,
    parse_background,
    section,
)
from kit.display import context_html, events_html, glossary_html, people_html
from kit.errors import InvalidInputError
from kit.store import open_work
from kit.widgets import event_orderer, term_matcher
from kit.widgets.reading import ORDER_KEY, TERMS_KEY

RAW = json.loads(resources.files("kit.data").joinpath("background.json").read_text(encoding="utf-8"))
# Words that would tell a student what happened after 25 May 1994.
SPOILERS = [
    "Murayama",
    "Hashimoto",
    "October 1994",
    "1995",
    "autos deal",
    "Hata resign",
    "Hata's fall",
    "no-confidence",
]


def test_the_glossary_defines_every_term_the_issue_names():
    terms = [g.key for g in load_background().glossary]
    for term in ["USTR", "MITI", "Section 301 / Super 301", "Uruguay Round", "current account", "c.i.f.",
                 "percentage point", "BPM4 / BPM5", "managed trade", "numerical targets",
                 "results-oriented goals", "framework"]:  # fmt: skip
        assert term in terms


def test_every_fact_has_a_source_and_only_the_worked_example_has_none():
    background = load_background()
    entries = [*background.context, *background.people, *background.timeline, *background.glossary]
    assert [e.key for e in entries if not e.sources] == ["percentage point"]
    assert "(A worked example, not data.)" in section_text("percentage point")


def section_text(term):
    return next(g.text for g in load_background().glossary if g.key == term)


def test_the_timeline_ends_on_the_article_day_and_names_the_four_people():
    background = load_background()
    assert background.timeline[0].title == "10 July 1993"
    assert background.timeline[-1].key == LAST_DAY.isoformat() == "1994-05-25"
    assert [p.title for p in background.people] == [
        "Mickey Kantor",
        "Tsutomu Hata",
        "Morihiro Hosokawa",
        "Koji Kakizawa",
    ]


@pytest.mark.parametrize("word", SPOILERS)
def test_nothing_in_the_background_tells_what_happened_after_the_article(word):
    assert word not in json.dumps(RAW, ensure_ascii=False)


def test_a_late_event_an_unknown_source_or_an_unordered_timeline_is_refused():
    late = copy.deepcopy(RAW)
    late["timeline"].append({"date": "1994-06-25", "event": "A spoiler.", "sources": ["article"]})
    with pytest.raises(BackgroundFormatError, match="25 June 1994 is after the article's day, 25 May 1994"):
        parse_background(late)
    unknown = copy.deepcopy(RAW)
    unknown["people"][0]["sources"] = ["memory"]
    with pytest.raises(BackgroundFormatError, match="people 1: unknown source 'memory'"):
        parse_background(unknown)
    unordered = copy.deepcopy(RAW)
    unordered["timeline"].reverse()
    with pytest.raises(BackgroundFormatError, match="events must be in date order"):
        parse_background(unordered)
    unsourced = copy.deepcopy(RAW)
    unsourced["context"][2]["sources"] = []
    with pytest.raises(BackgroundFormatError, match="context 3: field 'sources' must list at least one"):
        parse_background(unsourced)


def test_section_names_what_is_allowed():
    assert section("uruguay").title == "The Uruguay Round, signed in Marrakech in April 1994"
    with pytest.raises(InvalidInputError, match="parameter 'key' must be one of why, framework, summit"):
        section("epilogue")


def test_match_check_counts_right_answers_and_names_terms_to_revisit_without_the_answer():
    assert match_check({}).summary == "Choose a meaning for each term; you will see here how many are right."
    result = match_check({"USTR": "The U.S. official who negotiates trade agreements",
                          "c.i.f.": "Japan's trade and industry ministry"})  # fmt: skip
    assert (result.right, result.total, result.revisit) == (1, 6, ("c.i.f.",))
    assert result.summary == "1 of 6 right. Read again the glossary entries for: c.i.f.."
    shorts = {g.key: g.note for g in load_background().glossary}
    assert match_check({t: shorts[t] for t in load_background().match_terms}).summary == "6 of 6 right."
    assert sorted(match_choices()) == sorted(shorts[t] for t in load_background().match_terms)


def test_order_check_finds_misplaced_and_shared_places():
    days = [e.key for e in order_choices()]
    assert days == ["1994-05-24", "1993-07-10", "1994-03-03", "1994-02-11", "1994-04-15"]
    right = {"1993-07-10": 1, "1994-02-11": 2, "1994-03-03": 3, "1994-04-15": 4, "1994-05-24": 5}
    assert order_check(right).summary == "5 of 5 in the right place."
    swapped = {**right, "1994-02-11": 3, "1994-03-03": 2}
    result = order_check(swapped)
    assert result.right == 3
    assert result.revisit == (
        "Clinton revives Super 301 by executive order",
        "The Clinton-Hosokawa summit in Washington ends with no agreement in any of the four priority areas",
    )
    assert result.summary.endswith("by executive order; The Clinton-Hosokawa summit in Washington ends "
                                   "with no agreement in any of the four priority areas.")  # fmt: skip
    assert order_check({"1993-07-10": 1, "1994-02-11": 1}).summary == (
        "1 of 5 in the right place. Two events share a place: each place once."
    )


def test_the_tables_show_every_entry_with_its_sources_and_links():
    background = load_background()
    glossary = glossary_html(background.glossary).data
    assert glossary.count("<tr>") == 1 + 12
    assert "A worked example: no source needed." in glossary
    events = events_html(background.timeline).data
    assert "<b>3 March 1994</b>" in events and "Roanoke Times / Associated Press, 5 March 1994" in events
    assert 'href="https://clintonwhitehouse6.archives.gov/1994/05/' in people_html(background.people).data
    framework = context_html(section("framework")).data
    assert "objective criteria (qualitative and/or quantitative)" in framework.replace("&quot;", '"')


def test_the_exercises_save_only_when_the_student_acts_and_restore_after_a_restart(tmp_path):
    work = open_work("01_background", tmp_path)
    matcher, orderer = term_matcher(work), event_orderer(work)
    assert not (tmp_path / "01_background.work.json").exists()  # Run All saves nothing
    assert matcher._repr_mimebundle_()["text/plain"] == "Run this cell to use the term matcher."
    matcher.children[1].value = "The U.S. official who negotiates trade agreements"
    orderer.children[2].children[0].value = 1  # the Framework, July 1993, is the earliest
    assert orderer.children[-1].value == "<p>1 of 5 in the right place so far.</p>"
    again = open_work("01_background", tmp_path)
    assert again.get(TERMS_KEY) == {"USTR": "The U.S. official who negotiates trade agreements"}
    assert again.get(ORDER_KEY) == {"1993-07-10": 1}
    assert term_matcher(again).children[1].value == "The U.S. official who negotiates trade agreements"
    assert event_orderer(again).children[2].children[0].value == 1


def test_the_exercises_start_afresh_when_the_saved_answers_are_unusable(tmp_path):
    work = open_work("01_background", tmp_path)
    work.set(TERMS_KEY, ["not", "a", "dict"])
    matcher = term_matcher(work)
    assert "could not be used, so this exercise starts afresh" in matcher.children[0].value
    assert matcher.children[1].value == "(choose a meaning)"
