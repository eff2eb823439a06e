"""kit.display.stakeholders: the lesson's tables and summaries say what the registry says, attributed."""

from __future__ import annotations

import re

from kit.article import load_article
from kit.display.stakeholders import (
    actors_html,
    grid_summary_html,
    implied_actors_html,
    interests_html,
    presets_html,
    speakers_html,
)
from kit.stakeholders import actor, load_registry, preset_outcomes, quoted_speakers


def cells(table: str) -> list[list[str]]:
    """Return a table's rows as lists of cell texts, the header row first."""
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in rows]


def test_the_registry_table_has_a_row_per_actor_and_files_the_administration_as_a_compromise():
    rows = cells(actors_html(load_registry()).data)
    assert rows[0] == ["actor", "side", "type", "presented", "on numerical targets"]
    assert len(rows) == 24  # the header and 23 actors
    assert ["Mickey Kantor", "United States", "person", "quoted", "compromise"] in rows
    government = next(r for r in rows if r[0] == "the U.S. government (Clinton Administration)")
    assert government[-1] == "compromise"  # "objective criteria": not a demand for targets


def test_only_the_two_implied_actors_are_listed_with_the_kits_reason():
    rows = cells(implied_actors_html(load_registry()).data)
    assert [r[0] for r in rows[1:]] == [
        "Morihiro Hosokawa (Hata&#x27;s predecessor)",
        "Hata&#x27;s governing coalition",
    ]
    assert rows[1][1].startswith("Implied only: the article says &#x27;his predecessor&#x27;")


def test_hatas_interests_keep_the_analysts_belief_attributed_and_mark_later_events():
    shown = interests_html(actor("hata")).data
    assert (
        "because, political analysts believe, the turmoil contributed to his predecessor&#x27;s fall (¶16)"
        in shown
    )
    assert "Later: Hata resigned on 25 Jun 1994, a month after the article" in shown
    assert '<a href="https://universalis.fr/evenement/25-30-juin-1994' in shown and ">link</a>" in shown
    assert (
        "https://universalis.fr/evenement/25-30-juin-1994-designation-du-socialiste-tomiichi"
        not in re.sub(r'href="[^"]*"', "", shown)
    )  # no raw address in the text a student reads


def test_each_quoted_speaker_is_joined_to_one_registry_entry():
    rows = quoted_speakers(load_article(), load_registry())
    assert rows[:3] == [(2, "Mickey Kantor", "Mickey Kantor"), (2, "Mickey Kantor", "Mickey Kantor"),
                        (5, "Koji Kakizawa", "Koji Kakizawa")]  # fmt: skip
    assert rows[-1] == (20, "a senior Administration official", "a senior Administration official (unnamed)")
    table = cells(speakers_html(rows).data)
    assert table[0] == ["¶", "speaker (found by kit.quotes)", "registry entry"] and table[1][0] == "¶2"


def test_the_presets_table_marks_the_later_moment_and_gives_each_result():
    rows = preset_outcomes()
    assert [name for name, _note, _result in rows] == [
        "February 1994 (breakdown)",
        "May 1994 (resumption)",
        "June 1995 (later: the autos deal)",
    ]
    assert rows[0][2] == "No overlap: the win-sets are 35 points apart, so no agreement is possible."
    assert "The win-sets overlap from 40 to 45" in cells(presets_html(rows).data)[2][2]
    assert grid_summary_html("A & B") == '<p class="kit-grid-summary">A &amp; B</p>'
