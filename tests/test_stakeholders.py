"""kit.stakeholders: the registry and its evidence, speakers mapped to actors, the grid, and win-sets.

Every expected value is worked by hand from the article, the data files or the
rules in the docstrings; the win-set cases are drawn out on a 0-100 line.
"""

from __future__ import annotations

import copy
import json
import math
import re
from importlib import resources

import pytest

from kit.article import load_article
from kit.errors import DataFileError, InvalidInputError
from kit.quotes import extract_quotes, reported_speech
from kit.stakeholders import (
    Actor,
    Constituent,
    Placement,
    WinSet,
    actor,
    appearance_rows,
    appearances,
    compare_grid,
    game_presets,
    load_registry,
    match_speaker,
    parse_registry,
    placements_from,
    play,
    preset,
    quadrant,
    reference_grid,
    win_set,
    zone_of_agreement,
)


@pytest.fixture(scope="module")
def article():
    return load_article()


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def raw_registry() -> dict:
    return json.loads(resources.files("kit.data").joinpath("stakeholders.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the registry


def test_the_registry_holds_every_actor_the_issue_lists(registry):
    ids = {a.id for a in registry}
    assert len(registry) == 23
    assert {"kantor", "clinton", "hata", "kakizawa"} <= ids  # people
    assert {"senior_official", "japanese_official", "us_officials"} <= ids  # anonymous sources
    assert {"congress", "trade_bureaucracy", "us_government", "japan_government"} <= ids  # institutions
    sectors = {"auto_parts", "car_makers", "insurers", "car_dealers", "medical_telecom"}
    assert sectors | {"financial_services", "glass", "intellectual_property"} <= ids
    assert {"hosokawa"} <= ids  # implied


def test_every_actor_cites_a_paragraph_or_a_dated_publication(registry):
    for who in registry:
        assert who.evidence, who.id
        for item in who.evidence:
            assert (item.paragraph is None) != (item.source is None), who.id
            if item.paragraph is not None:
                assert 1 <= item.paragraph <= 20, who.id
            else:
                cited = re.match(r"[A-Z][^,]+, (\d{1,2}(-\d{1,2})? )?[A-Z][a-z]{2} 19\d\d", item.source)
                assert cited, who.id
                assert "http" in item.source and item.note, who.id


def test_outside_facts_cite_the_publications_that_report_them():
    clinton = [e for e in actor("clinton").evidence if e.source]
    assert [e.source.split(", http")[0] for e in clinton] == ["LA Times, 12 Feb 1994"]
    assert "la-xpm-1994-02-12-mn-21898" in clinton[0].source  # the summit report, the day after
    hata = [e.source.split(",")[:2] for e in actor("hata").evidence if e.source]
    assert hata == [
        ["Encyclopaedia Universalis", " 8-28 Apr 1994 chronology"],
        ["Encyclopaedia Universalis", " 25-30 Jun 1994 chronology"],
    ]
    assert actor("kakizawa").evidence[-1].source.startswith("Baltimore Sun, 14 May 1994, http")
    assert "13 May 1994" in actor("kakizawa").evidence[-1].note
    assert "(LA Times, 12 Feb 1994)" in actor("hosokawa").position
    assert "(MOFA joint announcements, 28 Jun 1995)" in actor("car_makers").position


def test_implied_actors_are_marked_and_the_article_never_names_them(article, registry):
    implied = {a.id for a in registry if a.implied}
    assert implied == {"hosokawa", "ruling_coalition"}
    assert "Hosokawa" not in article.source and "coalition" not in article.source
    assert "his predecessor" in article.paragraph(16).text
    # An implied actor leans on an outside publication for who it is.
    assert all(any(e.source for e in actor(i).evidence) for i in implied)


def test_every_named_actor_is_named_in_one_of_its_paragraphs(article, registry):
    for who in registry:
        if who.implied:
            continue
        names = [who.name.split(" (")[0], *who.aliases]
        texts = [article.paragraph(n).text.casefold() for n in who.paragraphs]
        assert any(name.casefold() in text for name in names for text in texts), who.id


def test_every_fragment_the_registry_quotes_is_in_the_article(article, registry):
    body = " ".join(" ".join(p.text.split()) for p in article.paragraphs)
    quoted = re.compile(r"(?<!\w)'([^']+?)'(?!\w)")
    fragments = [
        fragment
        for who in registry
        for text in (who.position, who.interests, *(e.note for e in who.evidence))
        for fragment in quoted.findall(text)
    ]
    assert len(fragments) > 20
    for fragment in fragments:
        assert fragment.rstrip(".") in body, fragment


def test_sides_types_and_stances_read_as_in_the_article(registry):
    assert actor("japan_government").stance == "against"  # ¶3: "to which the Japanese object"
    assert actor("us_government").stance == "compromise"  # ¶10: avoid targets, keep criteria
    assert actor("congress").stance == "not stated"
    assert actor("officials_both").side == "both"
    assert actor("analysts").side == "neither"
    assert actor("kakizawa").paragraphs == (5,)
    assert actor("hata").paragraphs == (6, 7, 15, 16, 18)


def test_an_unknown_actor_is_refused_with_the_ids_listed():
    ids = r"must be the id of an actor in the registry \(kantor, clinton, .*\), not str 'nobody'"
    with pytest.raises(InvalidInputError, match=rf"^parameter 'ident' {ids}\.$"):
        actor("nobody")


# ---------------------------------------------------------------- the loader rejects bad rows


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("side", "Mars", "field 'side': must be one of United States, Japan, both, neither, not 'Mars'."),
        (
            "presented",
            "shouted",
            "field 'presented': must be one of quoted, paraphrased, mentioned, implied, not 'shouted'.",
        ),
        (
            "paragraphs",
            [2, 21],
            "field 'paragraphs': must be a list of paragraph numbers from 1 to 20, not [2, 21].",
        ),
        ("paragraphs", [], "field 'paragraphs': must list at least one paragraph (only an implied actor"),
        ("evidence", [], "field 'evidence': must list at least one paragraph or dated source, not []."),
        (
            "evidence",
            [{"paragraph": 2, "source": "LA Times, 12 Feb 1994"}],
            "must give each item a paragraph or a source, not {'paragraph': 2, 'source'",
        ),
        (
            "evidence",
            [{"source": "a newspaper", "note": "x"}],
            "must give each source as a publication or document (not a file), then its date, "
            "as 'Publication, 12 Feb 1994, <URL>', not 'a newspaper'.",
        ),
        (
            "evidence",
            [{"source": "LA Times, 1994", "note": "x"}],
            "must give each source as a publication or document (not a file), then its date, "
            "as 'Publication, 12 Feb 1994, <URL>', not 'LA Times, 1994'.",
        ),
        (
            "evidence",
            [{"source": "FACTS.md §2, 11 Feb 1994", "note": "x"}],
            "not 'FACTS.md §2, 11 Feb 1994'.",
        ),
        (
            "evidence",
            [{"source": "LA Times, 12 Feb 1994"}],
            "must give source 'LA Times, 12 Feb 1994' a 'note' saying what it reports.",
        ),
        ("evidence", [{"paragraph": 0}], "field 'evidence': must cite paragraphs from 1 to 20, not 0."),
        ("position", "  ", "field 'position': must be non-empty text, not empty."),
        ("aliases", "Kantor", "field 'aliases': must be a list of non-empty texts, not 'Kantor'."),
    ],
)
def test_a_bad_row_is_reported_with_its_file_entry_and_field(field, value, message):
    data = raw_registry()
    data["actors"][0][field] = value
    with pytest.raises(DataFileError, match=re.escape(message)) as error:
        parse_registry(data)
    assert str(error.value).startswith("stakeholders.json, actor 1 (kantor), field ")


def test_a_missing_field_and_a_repeated_id_are_reported():
    data = raw_registry()
    del data["actors"][2]["stance"]
    with pytest.raises(
        DataFileError, match=r"actor 3 \(hata\), field 'stance': must be given, as every actor"
    ):
        parse_registry(data)
    data = raw_registry()
    data["actors"][1]["id"] = "kantor"
    message = (
        r"^stakeholders.json, actor 2 \(kantor\), field 'id': must name each actor once, not 'kantor' again"
    )
    with pytest.raises(DataFileError, match=message):
        parse_registry(data)
    with pytest.raises(
        DataFileError, match=r"^stakeholders.json, field 'actors': must list at least one actor"
    ):
        parse_registry({"actors": []})
    with pytest.raises(
        DataFileError, match=r"^stakeholders.json, actor 1: must be a JSON object, not a list"
    ):
        parse_registry({"actors": [[]]})
    with pytest.raises(
        DataFileError,
        match=r"^stakeholders.json: must hold a JSON object whose 'actors' lists the actors, not \[\]",
    ):
        parse_registry([])


@pytest.fixture
def data_files(monkeypatch, tmp_path):
    """Return a writer of stand-in data files that the stakeholder loaders then read, uncached."""
    import kit.stakeholders.data as data

    def write(name: str, content: dict) -> None:
        (tmp_path / name).write_text(json.dumps(content), encoding="utf-8")
        real = data.bundled
        monkeypatch.setattr(data, "bundled", lambda n: tmp_path / n if n == name else real(n))
        data.reference_grid.cache_clear()
        data.game_presets.cache_clear()

    yield write
    data.reference_grid.cache_clear()
    data.game_presets.cache_clear()


def test_a_bad_placement_or_preset_is_reported_with_its_file_entry_and_field(data_files):
    grid = json.loads(
        resources.files("kit.data").joinpath("stakeholders_grid.json").read_text(encoding="utf-8")
    )
    grid["placements"][1]["power"] = 11
    data_files("stakeholders_grid.json", grid)
    message = r"^stakeholders_grid.json, placement 2 \(clinton\), field 'power': "
    message += r"must be a number from 0 to 10, not 11\.$"
    with pytest.raises(DataFileError, match=message):
        reference_grid()
    game = json.loads(
        resources.files("kit.data").joinpath("stakeholders_game.json").read_text(encoding="utf-8")
    )
    game["presets"][0]["sides"]["Japan"]["constituents"][1]["weight"] = -1
    data_files("stakeholders_game.json", game)
    where = r"^stakeholders_game.json, preset 1 \(February 1994 \(breakdown\)\), Japan, constituent 2"
    with pytest.raises(
        DataFileError, match=where + r", field 'weight': must be a number of at least 0, not -1\.$"
    ):
        game_presets()
    del game["presets"][0]["sides"]["Japan"]
    data_files("stakeholders_game.json", game)
    with pytest.raises(
        DataFileError, match=r"field 'sides': must give United States and Japan each a tolerance"
    ):
        game_presets()


# ---------------------------------------------------------------- speakers to actors


def test_every_speaker_the_extractor_finds_maps_to_a_registry_entry(article, registry):
    speakers = [(q.speaker, q.role) for q in extract_quotes(article) if q.speaker]
    speakers += [(r.speaker, r.role) for r in reported_speech(article)]
    assert len(speakers) == 20  # 9 attributed quotes and 11 reported sentences
    mapped = {s: match_speaker(s, role, registry) for s, role in speakers}
    assert None not in mapped.values(), [s for s, a in mapped.items() if a is None]
    assert {s: a.id for s, a in mapped.items()} == {
        "Mickey Kantor": "kantor",
        "Koji Kakizawa": "kakizawa",
        "Tsutomu Hata": "hata",
        "a senior Administration official": "senior_official",
        "U.S. and Japanese officials": "officials_both",
        "U.S. officials": "us_officials",
        "political analysts": "analysts",
        "a Japanese official in Washington": "japanese_official",
    }


def test_quoted_speakers_are_registered_as_quoted_and_reported_ones_at_least_paraphrased(article, registry):
    for quote in extract_quotes(article):
        if quote.speaker:
            assert match_speaker(quote.speaker, quote.role, registry).presented == "quoted"
    for report in reported_speech(article):
        assert match_speaker(report.speaker, report.role, registry).presented in ("quoted", "paraphrased")


def _person(ident: str, name: str, aliases: tuple[str, ...] = (), kind: str = "person") -> Actor:
    return Actor(ident, name, "neither", kind, "quoted", (1,), aliases, "not stated", "p", "i", ())


def test_the_mapping_rule_works_on_names_surnames_roles_and_descriptions():
    actors = [
        _person("smith", "Jane Smith", ("Harbor Commissioner",)),
        _person("aide", "an aide to the mayor (unnamed)", ("aide to the mayor",), "anonymous source"),
        _person("council", "the City Council", ("City Council",), "institution"),
    ]
    assert match_speaker("Jane Smith", None, actors).id == "smith"
    assert match_speaker("Smith", None, actors).id == "smith"  # a surname
    assert match_speaker("J. Smith", None, actors).id == "smith"
    assert match_speaker("Jones", "Harbor Commissioner", actors).id == "smith"  # a role
    assert match_speaker("an aide to the mayor", None, actors).id == "aide"  # a description, article ignored
    assert match_speaker("The City Council", None, actors).id == "council"
    assert match_speaker("a resident", None, actors) is None
    assert match_speaker(None, None, actors) is None
    twins = [*actors, _person("smith2", "Bob Smith")]
    assert match_speaker("Smith", None, twins) is None  # two Smiths: no guess
    assert match_speaker("Bob Smith", None, twins).id == "smith2"


# ---------------------------------------------------------------- appearances


def test_appearances_join_quotes_reports_and_mentions(article, registry):
    found = appearances(article, registry)
    kantor = {a.paragraph: a.how for a in found if a.actor == "kantor"}
    assert kantor == {
        2: "quoted",
        6: "quoted",
        8: "paraphrased",
        11: "quoted",
        12: "paraphrased",
        17: "quoted",
    }
    hata = {a.paragraph: a.how for a in found if a.actor == "hata"}
    assert hata == {6: "mentioned", 7: "quoted", 15: "mentioned", 16: "mentioned", 18: "mentioned"}
    assert [(a.paragraph, a.how) for a in found if a.actor == "hosokawa"] == [(16, "implied")]
    assert {a.actor for a in found} == {a.id for a in registry}  # everyone appears somewhere
    # The registry lists every paragraph where the extractor finds an actor speaking.
    assert all(a.paragraph in actor(a.actor).paragraphs for a in found)
    first = next(a for a in found if a.actor == "senior_official")
    assert (first.paragraph, first.how, first.text) == (
        20,
        "quoted",
        "There is a lot of hard bargaining left to do",
    )


def test_the_appearance_table_has_a_row_per_actor(article, registry):
    rows = appearance_rows(registry, appearances(article, registry))
    assert len(rows) == 23
    assert rows[0] == ("Mickey Kantor", "United States", "quoted", "¶2, ¶6, ¶11, ¶17", "¶8, ¶12", "\u2013")
    hosokawa = next(r for r in rows if r[0].startswith("Morihiro"))
    assert hosokawa[2:] == ("implied", "\u2013", "\u2013", "¶16 (implied)")


# ---------------------------------------------------------------- the power-interest grid


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (10, 10, "manage closely"),
        (5, 5, "manage closely"),  # 5 counts as high on both
        (5, 4.9, "keep satisfied"),
        (4.9, 5, "keep informed"),
        (0, 0, "monitor"),
    ],
)
def test_quadrants_split_at_five(power, interest, expected):
    assert quadrant(power, interest) == expected


@pytest.mark.parametrize("bad", [-1, 10.5, "5", True, math.nan, None])
def test_a_score_outside_zero_to_ten_is_refused(bad):
    with pytest.raises(InvalidInputError, match=r"^parameter 'power' must be a number from 0 to 10, not "):
        quadrant(bad, 5)


# A paragraph of the article, or a parenthetical source with its date: "(LA Times, 12 Feb 1994)".
DATED = r"¶\d+|\([A-Z][^(),]+, (\d{1,2}(-\d{1,2})? )?[A-Z][a-z]{2} 19\d\d"


def test_the_reference_grid_fills_all_four_quadrants_with_a_reason_each():
    grid = reference_grid()
    assert len(grid) == 10
    counts = {q: sum(p.quadrant == q for p in grid) for q in ("manage closely", "keep satisfied")}
    counts |= {q: sum(p.quadrant == q for p in grid) for q in ("keep informed", "monitor")}
    assert counts == {"manage closely": 5, "keep satisfied": 2, "keep informed": 2, "monitor": 1}
    congress = next(p for p in grid if p.actor == "congress")
    assert (congress.power, congress.interest, congress.label) == (8, 4, "Congress")
    assert all(re.search(DATED, p.rationale) for p in grid)
    hata = next(p for p in grid if p.actor == "hata")
    assert "minority coalition (Encyclopaedia Universalis, 8-28 Apr 1994)" in hata.rationale


def test_a_student_grid_is_checked_and_compared_with_the_reference():
    placed = placements_from({"kantor": [5, 6], "congress": (9, 9)})
    assert placed["kantor"] == Placement("kantor", 5.0, 6.0, "Kantor")
    kantor, congress = compare_grid(placed)  # in the reference's order: Kantor first, then Congress
    assert kantor.distance == pytest.approx(5.0)  # from (5, 6) to (8, 10): a 3-4-5 triangle
    assert kantor.same_quadrant  # both manage closely
    assert congress.distance == pytest.approx(math.sqrt(26))  # (9, 9) to (8, 4)
    assert not congress.same_quadrant  # manage closely against keep satisfied
    grid = r"must be a dict whose keys are actors of the grid \(analysts, auto_parts, .*, trade_bureaucracy\)"
    grid += r", not str 'hosokawa'\."
    with pytest.raises(InvalidInputError, match=rf"^parameter 'saved' {grid}$"):
        placements_from({"hosokawa": [1, 1]})
    pair = r"must be a dict giving 'hata' a placement \[power, interest\], two numbers from 0 to 10, not"
    with pytest.raises(InvalidInputError, match=rf"parameter 'saved' {pair} list \[1\]\."):
        placements_from({"hata": [1]})
    with pytest.raises(InvalidInputError, match=rf"parameter 'saved' {pair} list \[1, 11\]\."):
        placements_from({"hata": [1, 11]})
    kind = r"must be a dict of actor ids to placements \[power, interest\], not list"
    with pytest.raises(InvalidInputError, match=rf"parameter 'saved' {kind}"):
        placements_from([["hata", 1, 1]])


# ---------------------------------------------------------------- win-sets, worked by hand


def test_one_constituent_ratifies_its_tolerance_either_side_clipped_to_the_scale():
    assert win_set("A", [Constituent("a", 40, 1)], tolerance=10).intervals == ((30.0, 50.0),)
    assert win_set("A", [Constituent("a", 5, 1)], tolerance=10).intervals == ((0.0, 15.0),)
    assert win_set("A", [Constituent("a", 70, 2)], tolerance=0).intervals == ((70.0, 70.0),)


def test_overlapping_win_sets_give_a_zone_of_agreement():
    # A ratifies [50, 70], B [70, 90]; each holds half the weight, so either is enough: [50, 90].
    us = win_set("United States", [Constituent("A", 60, 1), Constituent("B", 80, 1)], tolerance=10)
    japan = win_set("Japan", [Constituent("C", 30, 1)], tolerance=25)  # [5, 55]
    assert us.intervals == ((50.0, 90.0),)
    zone = zone_of_agreement(us, japan)
    assert (zone.status, zone.intervals, zone.gap) == ("overlap", ((50.0, 55.0),), None)
    assert zone.summary == "The win-sets overlap from 50 to 55: agreement is possible there."


def test_win_sets_that_touch_leave_a_single_point():
    us = win_set("United States", [Constituent("A", 60, 1)], tolerance=10)  # [50, 70]
    japan = win_set("Japan", [Constituent("C", 40, 1)], tolerance=10)  # [30, 50]
    zone = zone_of_agreement(us, japan)
    assert (zone.status, zone.intervals, zone.gap) == ("touching", ((50.0, 50.0),), 0.0)
    assert "only touch, at 50" in zone.summary


def test_separate_win_sets_give_no_agreement_and_the_gap():
    us = win_set("United States", [Constituent("A", 80, 1)], tolerance=10)  # [70, 90]
    japan = win_set("Japan", [Constituent("C", 20, 1)], tolerance=10)  # [10, 30]
    zone = zone_of_agreement(us, japan)
    assert (zone.status, zone.intervals, zone.gap) == ("none", (), 40.0)
    assert zone.summary == "No overlap: the win-sets are 40 points apart, so no agreement is possible."


def test_the_quota_decides_which_ranges_count():
    # Ranges [10, 30] (weight 2), [40, 60] (1), [70, 90] (2); total 5.
    side = [Constituent("left", 20, 2), Constituent("centre", 50, 1), Constituent("right", 80, 2)]
    assert win_set("A", side, 10, quota=0.5).intervals == ()  # needs 2.5: no range has it
    assert win_set("A", side, 10, quota=0.4).intervals == ((10.0, 30.0), (70.0, 90.0))  # needs 2
    # Closed ranges [20, 40] and [40, 60] meet at 40, the only point both ratify.
    assert win_set("A", [Constituent("a", 30, 1), Constituent("b", 50, 1)], 10, quota=1).intervals == (
        (40.0, 40.0),
    )
    empty = win_set("Japan", side, 10, quota=0.5)
    zone = zone_of_agreement(win_set("United States", side, 10, quota=0.4), empty)
    assert (zone.status, zone.gap) == ("none", None)
    assert zone.summary == "Japan's win-set is empty: no outcome would be ratified there."


@pytest.mark.parametrize(
    ("constituents", "tolerance", "quota", "message"),
    [
        (
            [Constituent("Congress", 120, 1)],
            10,
            0.5,
            "parameter 'constituents' must be constituents whose ideal point is from 0 to 100, "
            "not Constituent Constituent(name='Congress', ideal=120, weight=1).",
        ),
        (
            [Constituent("Congress", True, 1)],
            10,
            0.5,
            "constituents whose ideal point is from 0 to 100, not Constituent Constituent(name='Congress', "
            "ideal=True",
        ),
        (
            [Constituent("Congress", 50, -1)],
            10,
            0.5,
            "parameter 'constituents' must be constituents whose weight is at least 0, "
            "not Constituent Constituent(name='Congress', ideal=50, weight=-1).",
        ),
        (
            [Constituent("Congress", 50, 0)],
            10,
            0.5,
            "parameter 'constituents' must be constituents of whom at least one has a weight above 0",
        ),
        (
            [],
            10,
            0.5,
            "parameter 'constituents' must be a list of at least one Constituent(name, ideal, weight), "
            "not list [].",
        ),
        (
            [Constituent("Congress", 50, 1)],
            -5,
            0.5,
            "parameter 'tolerance' must be a number from 0 to 100, not int -5.",
        ),
        (
            [Constituent("Congress", 50, 1)],
            10,
            0,
            "parameter 'quota' must be a share of the pressure above 0 and at most 1, not int 0.",
        ),
        ([Constituent("Congress", 50, 1)], 10, 1.5, "parameter 'quota' must be a share of the pressure"),
    ],
)
def test_bad_game_parameters_are_refused_with_a_clear_message(constituents, tolerance, quota, message):
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        win_set("United States", constituents, tolerance, quota)


def test_the_presets_tell_breakdown_resumption_and_deal():
    # Worked by hand in the data file's terms (tolerance either side of each ideal, half the pressure):
    expected = {
        "February 1994 (breakdown)": ((65.0, 95.0), (0.0, 30.0), "none", ()),
        "May 1994 (resumption)": ((40.0, 80.0), (5.0, 45.0), "overlap", ((40.0, 45.0),)),
        "June 1995 (later: the autos deal)": ((35.0, 75.0), (10.0, 50.0), "overlap", ((35.0, 50.0),)),
    }
    assert [p.name for p in game_presets()] == list(expected)
    for name, (us_set, japan_set, status, shared) in expected.items():
        us, japan, zone = play(preset(name))
        assert (us.intervals, japan.intervals, zone.status, zone.intervals) == (
            (us_set,),
            (japan_set,),
            status,
            shared,
        )
    assert play(preset("February 1994 (breakdown)"))[2].gap == 35.0


def test_presets_are_labelled_as_teaching_assumptions():
    data = json.loads(
        resources.files("kit.data").joinpath("stakeholders_game.json").read_text(encoding="utf-8")
    )
    assert data["status"].startswith("teaching assumption")
    assert all(re.search(DATED, p.note) for p in game_presets())
    assert "(LA Times, 12 Feb 1994)" in preset("February 1994 (breakdown)").note
    named = r"^parameter 'name' must be the name of a preset \(February 1994 \(breakdown\); May"
    with pytest.raises(InvalidInputError, match=named):
        preset("March 1994")


def test_win_sets_are_frozen_results():
    ws = win_set("A", [Constituent("a", 40, 1)], 10)
    assert isinstance(ws, WinSet) and not ws.empty and ws.tolerance == 10.0 and ws.quota == 0.5
    with pytest.raises(AttributeError):
        ws.tolerance = 3  # type: ignore[misc]
    assert copy.deepcopy(ws) == ws
