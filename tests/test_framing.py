"""kit.framing: headline against body, framing devices, frame coding and class agreement."""

import json
import re

import pytest

from kit.agreement import UndefinedAgreementError
from kit.article import load_article
from kit.errors import DataFileError, InvalidInputError
from kit.framing import (
    DEVICE_CATEGORIES,
    NO_FUNCTION,
    class_agreement,
    coding_confusion,
    compare_coding,
    compare_tags,
    contrast_sentences,
    count_devices,
    device_counts,
    entman_scheme,
    example_class,
    export_coding,
    find_devices,
    frame_names,
    frame_scheme,
    frames,
    lexicon_limits,
    load_class_codings,
    load_devices,
    read_coding,
    reference_coding,
    reference_frames,
    reframe,
    score_framing,
    story_parts,
)

POLICY = "Policy prescription and evaluation"
EXTERNAL = "External regulation and reputation"
ECONOMIC = "Economic"
POLITICAL = "Political"


@pytest.fixture(scope="module")
def article():
    return load_article()


def test_story_parts_split_headline_dek_lead_body_kicker(article):
    parts = story_parts(article)
    assert [p.name for p in parts] == ["headline", "dek", "lead", "body", "kicker"]
    assert parts[0].text == "U.S., Japan Will Try Again on Trade Talks"
    assert parts[2].text.startswith("Three months after") and parts[4].text.startswith('"There is a lot')
    # The headline has no lexicon word at all; the kicker's "hard" pulls it negative.
    assert parts[0].sentiment.polarity == 0 and parts[0].sentiment.assessments == ()
    assert parts[4].sentiment.polarity < 0


def test_contrast_sentences_are_found_and_scored(article):
    found = contrast_sentences(article)
    assert [c.paragraph for c in found] == [4, 4, 5, 14, 19, 20]
    assert found[4].text == "That might be overly optimistic."
    assert found[4].sentiment.polarity == 0  # "overly optimistic" is doubt; the lexicon sees nothing


def test_devices_in_paragraph_4_found_by_reading(article):
    hits = [h for h in find_devices(article) if h.paragraph == 4]
    assert [(h.text, h.device.category) for h in hits] == [
        ("diplomatic veneer", "figurative"),
        ("cloaked", "figurative"),
        ("little more than", "minimizer"),
        ("negotiating table", "figurative"),
        ("trading giants", "figurative"),
        ("not much closer", "minimizer"),
    ]
    assert all(article.source[h.start : h.end] == h.text for h in hits)


def test_a_longer_phrase_wins_an_overlap(article):
    hits = [h for h in find_devices(article) if h.paragraph == 15]
    assert ("only limited leeway", "minimizer") in [(h.text, h.device.category) for h in hits]
    assert "leeway" not in [h.text for h in hits]


def test_device_counts_list_every_category():
    assert device_counts([]) == dict.fromkeys(DEVICE_CATEGORIES, 0)


def test_a_student_lexicon_file(tmp_path, article):
    path = tmp_path / "mine.csv"
    path.write_text(
        "# my devices\ncategory,phrase,note\nconflict,bargaining,haggling\nhedge,Hata,\n", "utf-8"
    )
    devices = load_devices(path)
    assert [(d.category, d.phrase) for d in devices] == [("conflict", "bargaining"), ("hedge", "Hata")]
    counts = device_counts(find_devices(article, devices))
    assert counts["conflict"] == 1 and counts["hedge"] == 5  # Hata in ¶6, ¶7, ¶15, ¶16 and ¶18


def test_a_bad_lexicon_says_what_is_wrong(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("category,phrase,note\nmetaphor,sunny,\n", "utf-8")
    message = r"^bad.csv, row 2, field 'category': must be one of figurative, hedge, .*, not 'metaphor'"
    with pytest.raises(DataFileError, match=message):
        load_devices(path)
    path.write_text("kind,phrase\n", "utf-8")
    with pytest.raises(DataFileError, match="^bad.csv, row 1: the header must name the columns category"):
        load_devices(path)
    missing = r"^parameter 'path' must be an existing lexicon file \(a CSV; copy kit's"
    with pytest.raises(InvalidInputError, match=missing):
        load_devices(tmp_path / "missing.csv")


def test_the_codebook_has_fifteen_dimensions_in_order():
    names = frame_names()
    assert len(names) == 15 and names[0] == ECONOMIC and names[-1] == "Other"
    assert names[12] == POLITICAL and names[13] == EXTERNAL
    assert all(f.definition for f in frames())


def test_the_reference_coding_covers_every_paragraph_with_a_rationale(article):
    coding = reference_coding()
    assert [c.paragraph for c in coding] == list(range(1, len(article.paragraphs) + 1))
    assert all(c.rationale for c in coding)
    frames_used = reference_frames()
    assert frames_used[4] == POLICY and frames_used[9] == ECONOMIC and frames_used[15] == POLITICAL


def test_compare_coding_worked_by_hand():
    # Aiko differs on ¶13 (External for Legality) and ¶19 (Policy for External).
    # Reference rates: Ext 5, Policy 8, Eco 3, Legal 1, Political 3;
    # Aiko's: Ext 5, Policy 9, Eco 3, Political 3.
    # p_o = 18/20; p_e = (5*5 + 8*9 + 3*3 + 1*0 + 3*3) / 400 = 115/400.
    result = compare_coding(example_class()["Aiko"])
    assert result.percent == 0.9
    assert result.kappa == pytest.approx((0.9 - 115 / 400) / (1 - 115 / 400))
    assert result.disagreements == (
        (13, EXTERNAL, "Legality, constitutionality and jurisprudence"),
        (19, POLICY, EXTERNAL),
    )
    assert result.summary == "18 of 20 coded paragraphs agree with the reference (90%); Cohen's kappa 0.86."


def test_compare_a_partial_coding():
    result = compare_coding({"4": POLICY, 9: POLITICAL})
    assert result.paragraphs == (4, 9) and result.percent == 0.5
    assert len(result.uncoded) == 18 and result.disagreements == ((9, POLITICAL, ECONOMIC),)
    empty = compare_coding({})
    assert empty.kappa is None and "No paragraph is coded yet" in empty.summary


def test_compare_coding_rejects_unknown_frames():
    with pytest.raises(InvalidInputError, match="'Trade' is not a frame; use one of: Economic, Capacity"):
        compare_coding({1: "Trade"})


def test_coding_confusion_against_the_reference():
    table = coding_confusion(example_class()["Aiko"])
    assert table.count(EXTERNAL, EXTERNAL) == 4 and table.count(POLICY, POLICY) == 8
    assert table.count(POLICY, EXTERNAL) == 1
    nothing_shared = r"^parameter 'coding' must be a coding that shares at least one"
    with pytest.raises(InvalidInputError, match=nothing_shared):
        coding_confusion({1: ECONOMIC}, {2: ECONOMIC})
    with pytest.raises(InvalidInputError, match=r"^parameter 'reference', paragraph 2:"):
        coding_confusion({1: ECONOMIC}, {2: "x"})


def test_class_agreement_by_hand():
    codings = {
        "ana": {1: ECONOMIC, 2: POLITICAL, 3: POLITICAL},
        "bo": {1: ECONOMIC, 2: POLITICAL, 3: ECONOMIC},
        "cy": {1: ECONOMIC, 2: ECONOMIC, 3: POLITICAL, 4: POLICY},
    }
    result = class_agreement(codings)
    assert result.paragraphs == (1, 2, 3)  # ¶4 was coded by one coder only
    # ana-bo: p_o 2/3, rates E1 P2 / E2 P1 -> p_e 4/9, kappa 0.4
    assert result.pairwise[("ana", "bo")] == pytest.approx(0.4)
    # Fleiss: rows (3,0), (1,2), (1,2); p_E = 5/9, p_P = 4/9, P_e = 41/81; P_i = 1, 1/3, 1/3 -> 5/9
    assert result.fleiss == pytest.approx((5 / 9 - 41 / 81) / (1 - 41 / 81))


def test_class_agreement_degenerate_cases():
    same = {"a": {1: ECONOMIC, 2: ECONOMIC}, "b": {1: ECONOMIC, 2: ECONOMIC}}
    result = class_agreement(same)
    assert result.fleiss is None and result.pairwise == {("a", "b"): None}  # undefined, said plainly
    with pytest.raises(InvalidInputError, match="at least two coders"):
        class_agreement({"a": {1: ECONOMIC}})
    with pytest.raises(InvalidInputError, match="no paragraph was coded by every coder"):
        class_agreement({"a": {1: ECONOMIC}, "b": {2: ECONOMIC}})
    assert issubclass(UndefinedAgreementError, InvalidInputError)


def test_the_example_class():
    result = class_agreement(example_class())
    assert result.coders == ("Aiko", "Ben", "Carmen", "Dev") and len(result.paragraphs) == 20
    assert 0 < result.fleiss < 1


def test_load_class_codings_from_a_folder_of_exports(tmp_path):
    answers = {"frames": {"1": ECONOMIC, "2": POLICY}}
    work = {"kit_work_file": 1, "notebook": "04_framing_coding", "answers": answers}
    (tmp_path / "ana.04_framing_coding.work.json").write_text(json.dumps(work), "utf-8")
    (tmp_path / "bo.json").write_text(json.dumps({"frames": {"1": ECONOMIC, "2": POLITICAL}}), "utf-8")
    codings = load_class_codings(tmp_path)
    assert codings == {"ana": {1: ECONOMIC, 2: POLICY}, "bo": {1: ECONOMIC, 2: POLITICAL}}
    assert read_coding(tmp_path / "bo.json") == {1: ECONOMIC, 2: POLITICAL}
    (tmp_path / "cy.json").write_text('{"answers": {}}', "utf-8")
    with pytest.raises(DataFileError, match="^cy.json: must hold a frame coding"):
        load_class_codings(tmp_path)
    with pytest.raises(DataFileError, match="^cy.json: must hold a frame coding"):
        read_coding(tmp_path / "cy.json")
    with pytest.raises(InvalidInputError, match="No folder"):
        load_class_codings(tmp_path / "nowhere")


@pytest.mark.parametrize("key", ["1_0", " 3", "3 ", "+4", "٣", "1.0"])
def test_read_coding_refuses_a_paragraph_key_that_is_not_plain_digits(tmp_path, key):
    # int() reads "1_0" as paragraph 10 and " 3" as 3: a hand-edited file must not be read that way.
    (tmp_path / "dee.json").write_text(json.dumps({"frames": {key: ECONOMIC}}), "utf-8")
    allowed = "a whole number in digits only (such as '10')"
    message = f"each paragraph number in 'path' must be {allowed}, not str {key!r}."
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        read_coding(tmp_path / "dee.json")


def test_entman_scheme_and_its_reference():
    scheme = entman_scheme()
    assert list(scheme.definitions) == [
        "problem definition",
        "causal interpretation",
        "moral evaluation",
        "treatment recommendation",
        NO_FUNCTION,
    ]
    assert len(scheme.reference) == 20 and all(scheme.rationale[n] for n in scheme.reference)
    assert scheme.reference[4] == "moral evaluation" and scheme.reference[10] == "treatment recommendation"
    with pytest.raises(InvalidInputError, match="^parameter 'tags', paragraph 1: 'blame'"):
        scheme.check({1: "blame"})


def test_compare_tags_by_hand():
    # mine: problem definition, none; reference: problem definition, moral evaluation.
    # p_o = 1/2; p_e = (1*1) / 4 = 1/4 (no other shared category); kappa = (1/2 - 1/4) / (3/4) = 1/3.
    result = compare_tags({1: "problem definition", 2: NO_FUNCTION}, entman_scheme())
    assert result.percent == 0.5 and result.kappa == pytest.approx(1 / 3)
    assert result.disagreements == ((2, NO_FUNCTION, "moral evaluation"),)


def test_frame_scheme_matches_the_reference_coding():
    scheme = frame_scheme()
    assert scheme.reference == reference_frames() and list(scheme.definitions) == frame_names()


def test_lexicon_limits_computed_live(article):
    readings = {r.phrase: r for r in lexicon_limits(article)}
    little = readings["little more than"]
    assert little.scored == (("little", -0.1875), ("more", 0.5))  # averaged: +0.156
    assert little.lexicon == "positive" and little.reader == "negative" and little.disagrees
    assert readings["overly optimistic"].scored == () and readings["overly optimistic"].lexicon == "neutral"
    assert readings["hard bargaining"].polarity < 0 and readings["hard bargaining"].reader == "neutral"
    assert readings["overcomes key hurdle"].where == "dek"
    assert readings["firm commitment"].context.startswith("The United States offered a firm commitment")


def test_count_devices_and_reframe(article):
    counts, phrases = count_devices("Talks hit a key hurdle; no one can guarantee a deal, but we might.")
    assert phrases == ("key hurdle", "no one can guarantee", "might")
    assert counts["figurative"] == 1 and counts["hedge"] == 2
    original, yours = reframe(article, "Japan Must Yield to U.S. Pressure", "")
    assert original.device_phrases == ("negotiating table", "key hurdle")
    assert yours.devices["conflict"] == 2 and yours.text == "Japan Must Yield to U.S. Pressure"
    with pytest.raises(InvalidInputError, match="Write a headline first"):
        score_framing("yours", "  ")


def test_export_then_load_a_class(tmp_path):
    export_coding({"1": ECONOMIC, "2": POLICY}, "ana", tmp_path)
    path = export_coding({1: ECONOMIC, 2: POLITICAL}, "bo", tmp_path)
    assert path.name == "bo.frames.json"
    assert json.loads(path.read_text("utf-8")) == {"coder": "bo", "frames": {"1": ECONOMIC, "2": POLITICAL}}
    assert load_class_codings(tmp_path) == {
        "ana": {1: ECONOMIC, 2: POLICY},
        "bo": {1: ECONOMIC, 2: POLITICAL},
    }
    with pytest.raises(InvalidInputError, match="nothing to export yet"):
        export_coding({}, "cy", tmp_path)
    with pytest.raises(InvalidInputError, match="'coder' must be 1 to 40 letters"):
        export_coding({1: ECONOMIC}, "../cy", tmp_path)
