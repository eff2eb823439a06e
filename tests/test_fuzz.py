"""Property-based bad input: each function a lesson or exercise calls works or raises a KitError naming it.

The surface is found in the notebooks' code (``tests/surface.py``) and kept by its public import
path (``kit.charts.win_sets``), so splitting a topic module into a package does not change it; the
methods the lessons call on the objects they are given (``exercise.check``) are fuzzed too. Each
parameter needs a well-formed value (``GOOD``, by public path or by where the function is defined,
or ``BY_NAME``, or its default); a new surface function whose required parameter has none fails
``test_every_surface_function_is_fuzzed``, so the harness never silently skips it. Hypothesis then
puts junk and near-miss values into one parameter at a time, the others well formed, and the call
must return or raise a KitError whose message names that parameter. Any other exception is a bug
the student would see as a traceback. The kit's own calls between its modules are checked by the
type checker instead (tests/test_package.py).

Widget builders (they return a VBox) are called with one bad value per parameter by
``test_widget_builders_refuse_bad_arguments``.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib
import inspect
import json
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from surface import called_method_names, kit_modules, surface_functions

import kit
from kit.errors import KitError

ROOT = Path(__file__).parents[1]


class Stranger:
    """An object no kit function expects."""

    def __repr__(self) -> str:
        return "Stranger()"


NAN, INF = float("nan"), float("inf")
JUNK = (
    None, True, False, 0, -1, 1, 3, 10**20, -(10**20), 0.5, -2.5, NAN, INF, -INF,
    "", " ", "x", "\x00", "ü\u200b\n", "-1", "nan", "1994Q9",
    [], [None], ["x", 1], [[]], (), (1, 2), {}, {"x": 1}, {1: None}, {None: []}, {"x"}, b"x",
    Stranger(), print,
)  # fmt: skip


# ------------------------------------------------------------------ well-formed values, built once


@functools.cache
def article():
    return kit.load_article()


@functools.cache
def quotes():
    from kit.quotes import extract_quotes

    return tuple(extract_quotes(article()))


@functools.cache
def registry():
    from kit.stakeholders import load_registry

    return load_registry()


@functools.cache
def chips():
    from kit.targets import load_dataset

    return load_dataset("semiconductor_share")["us_count_quarterly"]


@functools.cache
def game():
    from kit.stakeholders import play, preset

    return play(preset("May 1994 (resumption)"))


@functools.cache
def figure() -> Figure:
    return plt.figure(figsize=(4, 3))


def fresh_axes():
    """Return the one reused figure's Axes, cleared, so charts never pile up artists."""
    fig = figure()
    fig.clear()
    return fig.add_subplot()


def workdir() -> Path:
    """Return the scratch folder the tests run in (the module fixture chdirs into it)."""
    return Path.cwd()


def work():
    from kit.store import open_work

    return open_work("fuzz", workdir())


def lab_target():
    from kit.targets import TargetDefinition

    return TargetDefinition(20.0, "1992Q4")


def lab_definition():
    from kit.targets import IncreaseDefinition

    return IncreaseDefinition("1994Q2", 1.0, 2, 4)


def constituents(side: str):
    return tuple(c for c in game()[0 if side == "us" else 1].constituents)


def module(name: str):
    return importlib.import_module(f"kit.{name}")


def aiko_compared() -> object:
    """Return the invented student Aiko's coding compared with the reference."""
    framing = module("framing")
    return framing.compare_coding(framing.example_class()["Aiko"])


def placed():
    return module("stakeholders").placements_from({"kantor": [5, 6], "congress": (9, 9)})


@functools.cache
def lab():
    return module("widgets.targets").lab_view(
        "Foreign share of Japan's chip market, U.S. count (quarterly)", lab_definition(), lab_target()
    )


def growth_target():
    return module("targets").TargetDefinition(25.0, "1994Q4")


@functools.cache
def growth():
    return module("widgets.targets").growth_view(
        "Foreign share of Japan's chip market, U.S. count (quarterly)", "1993Q3", 25.0, 8
    )


def exercise():
    return module("exercise").open_exercise("02_reading", workdir())


def coursework():
    return module("ask").start_exercise("06_numerical_targets", workdir())


def charted_axes():
    ax = fresh_axes()
    return module("charts.reading").keyword_strip(article().search("targets"), 20, "targets", ax=ax)


# Well-formed values: by "module.function" (or "module.Class.method") and parameter, else by parameter
# alone. Each is a zero-argument factory, so mutable values are fresh for every call.
BY_NAME: dict[str, Callable[[], object]] = {
    "article": article,
    "question_id": lambda: "q2",
    "prompt": lambda: "How many paragraphs?",
    "ax": fresh_axes,
    "text": lambda: article().paragraphs[3].text,
    "phrase": lambda: "targets",
    "first": lambda: ["a", "b", "a", "c"],
    "second": lambda: ["a", "b", "b", "c"],
    "table": lambda: [[2, 0], [0, 2], [1, 1]],
    "quotes": lambda: list(quotes()),
    "found": lambda: list(quotes()),
    "reference": lambda: list(quotes()),
    "actors": lambda: list(registry()),
    "work": work,
    "paragraph_count": lambda: 20,
    "coding": lambda: {"1": "Economic", 9: "Political"},
    "tags": lambda: {1: "problem definition", "2": "causal interpretation"},
    "series": chips,
    "definition": lab_definition,
    "target": lab_target,
    "choice": lambda: "Foreign share of Japan's chip market, U.S. count (quarterly)",
    "sides": lambda: {a.id: a.side for a in registry()},
    "dataset": lambda: __import__("kit.targets", fromlist=["x"]).load_dataset("us_goods_trade"),
    "events": lambda: __import__("kit.targets", fromlist=["x"]).events(),
    "headline": lambda: "Trade Talks Back on Track",
    "dek": lambda: "Both sides look for a deal",
    "label": lambda: "yours",
    "paragraph": lambda: 4,
    "number": lambda: 4,
    "numbers": lambda: [3, 10],
    "items": lambda: [3, 10, 11],
    "hits": lambda: article().search("targets"),
    "folder": workdir,
    "name": lambda: "fuzz",
}

GOOD: dict[str, dict[str, Callable[[], object]]] = {
    "kit.exercise.Exercise.graded": {"self": exercise},
    "kit.exercise.Exercise.saved_chart": {"self": exercise},
    "kit.article.Article.paragraph": {"self": article},
    "kit.article.parse_article": {"text": lambda: article().source, "name": lambda: "article"},
    "kit.article.load_article": {"path": lambda: ROOT / "seeds" / "us-japan-trade-talks-1994-05-25.txt"},
    "kit.charts.framing.story_parts": {"parts": lambda: module("framing").story_parts(article())},
    "kit.charts.framing.voices_sentiment": {
        "voices": lambda: module("quotes").voices_sentiment(article(), quotes())
    },
    "kit.charts.framing.voice_share": {"share": lambda: module("quotes").voice_share(article(), quotes())},
    "kit.charts.framing.speaker_words": {"share": lambda: module("quotes").voice_share(article(), quotes())},
    "kit.charts.framing.frame_confusion": {
        "table": lambda: module("framing").coding_confusion({1: "Economic"}),
        "first": lambda: "you",
        "second": lambda: "reference",
    },
    "kit.charts.framing.framing_scores": {
        "original": lambda: module("framing").reframe(article(), "Talks Back on Track")[0],
        "yours": lambda: module("framing").reframe(article(), "Talks Back on Track")[1],
    },
    "kit.charts.reading.story_shape": {"shape": lambda: module("quotes").story_shape(article())},
    "kit.charts.reading.sentiment_arc": {"arc": lambda: module("text").sentiment_arc(article())},
    "kit.charts.reading.word_scores": {
        "result": lambda: module("text").sentiment(article().paragraphs[4].text)
    },
    "kit.charts.stakeholders.appearance_strip": {
        "found": lambda: module("stakeholders").appearances(article(), registry())
    },
    "kit.charts.stakeholders.power_interest_grid": {
        "placed": lambda: module("stakeholders").reference_grid()
    },
    "kit.charts.stakeholders.win_sets": {
        "first": lambda: game()[0],
        "second": lambda: game()[1],
        "zone": lambda: game()[2],
    },
    "kit.charts.current_account": {
        "dataset": lambda: module("targets").load_dataset("japan_current_account")
    },
    "kit.charts.semiconductor_share": {
        "dataset": lambda: module("targets").load_dataset("semiconductor_share")
    },
    "kit.charts.imported_vehicles": {"dataset": lambda: module("targets").load_dataset("imported_vehicles")},
    "kit.charts.dealer_outlets": {"dataset": lambda: module("targets").load_dataset("dealer_outlets")},
    "kit.charts.targets.measurement_lab": {
        "increase": lambda: lab().increase,
        "reached": lambda: lab().reached,
        "ylim": lambda: (0.0, 40.0),
    },
    "kit.charts.targets.growth_path": {"plan": lambda: growth().plan, "ylim": lambda: (0.0, 40.0)},
    "kit.exercise.Exercise.require": {"self": exercise, "question_id": lambda: "q99"},
    "kit.exercise.Exercise.check": {"self": exercise, "question_id": lambda: "q1", "answer": lambda: 4},
    "kit.exercise.Exercise.save_chart": {"self": exercise, "question_id": lambda: "q1", "ax": charted_axes},
    "kit.ask.Coursework.ask": {"self": coursework},
    "kit.ask.start_exercise": {"name": lambda: "06_numerical_targets"},
    "kit.display.show": {"ax": charted_axes},
    "kit.display.scored_words_html": {
        "result": lambda: module("text").sentiment(article().paragraphs[3].text)
    },
    "kit.display.rows_html": {
        "header": lambda: ["speaker", "words"],
        "rows": lambda: [["Kantor", 41], ["Hata", 9]],
    },
    "kit.display.devices_html": {"hits": lambda: module("framing").find_devices(article())},
    "kit.display.rewrite_chart": {"exercise": lambda: module("ask").start_exercise("08_capstone", workdir())},
    "kit.display.rewrite_table": {
        "comparison": lambda: module("rewrite").compare_rewrite(article(), "Talks resume.\n\nThey met.")
    },
    "kit.display.stakeholders.interests_html": {"actor": lambda: registry()[2]},
    "kit.display.stakeholders.speakers_html": {"rows": lambda: [(2, "Mickey Kantor", "Mickey Kantor")]},
    "kit.display.stakeholders.presets_html": {"rows": lambda: module("stakeholders").preset_outcomes()},
    "kit.display.framing.contrast_html": {
        "sentences": lambda: module("framing").contrast_sentences(article())
    },
    "kit.display.framing.reported_speech_html": {
        "reports": lambda: module("quotes").reported_speech(article())
    },
    "kit.display.framing.lexicon_limits_html": {
        "readings": lambda: module("framing").lexicon_limits(article())
    },
    "kit.display.framing.disagreements_html": {"comparison": aiko_compared, "coder": lambda: "Aiko"},
    "kit.display.framing.class_agreement_html": {
        "result": lambda: module("framing").class_agreement(module("framing").example_class())
    },
    "kit.export.export_work": {"exercise": exercise},
    "kit.framing.compare_coding": {"reference": lambda: module("framing").reference_frames()},
    "kit.framing.coding_confusion": {"reference": lambda: module("framing").reference_frames()},
    "kit.framing.class_agreement": {"codings": lambda: module("framing").example_class()},
    "kit.framing.coding.TagScheme.check": {"self": lambda: module("framing").entman_scheme()},
    "kit.stakeholders.actor": {"ident": lambda: "kantor"},
    "kit.stakeholders.play": {"chosen": lambda: module("stakeholders").preset("May 1994 (resumption)")},
    "kit.stakeholders.preset": {"name": lambda: "May 1994 (resumption)"},
    "kit.store.WorkFile.get": {"self": work, "key": lambda: "answer"},
    "kit.store.open_work": {"name": lambda: "fuzz"},
    "kit.targets.load_dataset": {"name": lambda: "us_goods_trade"},
    "kit.targets.events": {"since": lambda: "1995-06-28"},
    "kit.targets.growth_plan": {"start": lambda: "1993Q3", "target": growth_target},
    "kit.targets.weigh": {"weights": lambda: {"results": 3, "empty": 0, "chips": 5}},
    "kit.background.section": {"key": lambda: "framework"},
    "kit.display.kwic_html": {
        "summary": lambda: "“tariff” occurs once (as “tariffs”), in paragraph 13.",
        "hits": lambda: article().search("tariffs"),
    },
    "kit.text.phrase_scores": {"phrases": lambda: ["overly optimistic", "a firm commitment"]},
    "kit.display.context_html": {"entry": lambda: module("background").section("uruguay")},
    "kit.display.people_html": {"people": lambda: module("background").load_background().people},
    "kit.display.events_html": {"events": lambda: module("background").load_background().timeline},
    "kit.display.glossary_html": {"terms": lambda: module("background").load_background().glossary},
    "kit.widgets.base.discussion": {"key": lambda: "q1", "prompt": lambda: "Who speaks first?"},
    "kit.widgets.stakeholders.two_level_game": {"chosen": lambda: "May 1994 (resumption)"},
    "kit.display.targets.verdict": {"result": lambda: lab().reached},
    "kit.display.targets.plan": {
        "result": lambda: module("targets").growth_plan(chips(), "1993Q3", growth_target())
    },
    "kit.display.targets.position": {"result": lambda: module("targets").weigh({"results": 3})},
    "kit.display.targets.values_table": {"values": lambda: chips().values[:6]},
    "kit.display.targets.figures_table": {"figures": lambda: module("targets").article_figures()},
    "kit.display.targets.timeline_table": {"events": lambda: module("targets").events()},
    "kit.display.targets.arguments_table": {"items": lambda: module("targets").arguments()},
    "kit.display.targets.role_briefs": {"items": lambda: module("targets").roles()},
}


@functools.cache
def kept(factory: Callable[[], object]) -> Callable[[], object]:
    """Return ``factory``, made once-only unless its values are mutable state (files, Axes, work)."""
    return factory if factory in FRESH else functools.cache(factory)


FRESH = {
    fresh_axes,
    charted_axes,
    work,
    exercise,
    workdir,
}


# Found by this harness and not fixed yet: each still fails, and xfail(strict) fails once it is fixed, so
# whoever fixes one removes it here. None is known now.
KNOWN_BAD: dict[str, str] = {}


def marked(targets: list[Target], known: Mapping[str, str] = KNOWN_BAD) -> list:
    """Return ``targets`` as pytest params, those in ``known`` marked xfail(strict) with the reason."""
    return [
        pytest.param(t, id=t.qualname, marks=pytest.mark.xfail(strict=True, reason=known[t.qualname]))
        if t.qualname in known
        else pytest.param(t, id=t.qualname)
        for t in targets
    ]


def good_factory(target: Target, parameter: inspect.Parameter) -> Callable[[], object] | None:
    """Return the factory of a well-formed value for ``parameter``, or None when there is none."""
    for name in (target.qualname, target.defined):
        if parameter.name in GOOD.get(name, {}):
            return kept(GOOD[name][parameter.name])
    if parameter.name in BY_NAME:
        return kept(BY_NAME[parameter.name])
    if parameter.default is not inspect.Parameter.empty:
        default = parameter.default
        return lambda: copy.copy(default)
    return None


# ------------------------------------------------------------------ discovery


@dataclasses.dataclass(frozen=True)
class Target:
    """A public callable of the kit, how to call it, and its fuzzable parameters."""

    qualname: str
    function: Callable
    owner: type | None  # the class, for a method (its "self" comes from GOOD)
    parameters: tuple[inspect.Parameter, ...]

    @property
    def defined(self) -> str:
        """Return where the function is defined, such as "kit.charts.stakeholders.win_sets"."""
        inner = inspect.unwrap(self.function)
        return f"{inner.__module__}.{inner.__qualname__}"

    @property
    def builder(self) -> bool:
        return "VBox" in str(inspect.signature(self.function).return_annotation)


def targets() -> list[Target]:
    """Return the surface's functions, each once by its shortest public path, and the methods lessons call."""
    found: list[Target] = []
    for name, function in sorted(surface_functions().items(), key=lambda item: (len(item[0]), item[0])):
        if all(t.function is not function for t in found):
            found.append(Target(name, function, None, tuple(inspect.signature(function).parameters.values())))
    return sorted(found, key=lambda t: t.qualname) + called_methods()


def called_methods() -> list[Target]:
    """Return the kit's public methods, with arguments, named as the lessons call methods on objects."""
    found = []
    for module in kit_modules():
        for cls in vars(module).values():
            if (
                not inspect.isclass(cls)
                or cls.__module__ != module.__name__
                or issubclass(cls, BaseException)
            ):
                continue
            for name, value in vars(cls).items():
                parameters = (
                    tuple(inspect.signature(value).parameters.values()) if inspect.isfunction(value) else ()
                )
                if name in called_method_names() and len(parameters) > 1:  # arguments besides self
                    found.append(
                        Target(f"{module.__name__}.{cls.__qualname__}.{name}", value, cls, parameters)
                    )
    return found


TARGETS = targets()
FUZZED = [t for t in TARGETS if not t.builder]
BUILDERS = [t for t in TARGETS if t.builder]


def fuzzable(target: Target) -> list[str]:
    return [p.name for p in target.parameters if p.name != "self"]


# ------------------------------------------------------------------ junk


def near_misses(good: object) -> list[object]:
    """Return values close to ``good`` but perhaps not allowed: off by one, wrong type, one bad item."""
    if isinstance(good, bool):
        return [not good, int(good)]
    if isinstance(good, int):
        return [good - 1, good + 1, -good, good * 1000, float(good)]
    if isinstance(good, float):
        return [-good, good * 1e6, int(good), str(good)]
    if isinstance(good, str):
        return [good.upper(), good + "x", good[:-1], f" {good} ", Path(good)]
    if isinstance(good, Path):
        return [str(good), good / "missing", good.parent, good.with_suffix(".json")]
    if isinstance(good, Mapping):
        return mapping_misses(dict(good))
    if isinstance(good, (list, tuple)) and good:
        return [
            type(good)(good[:1]),
            list(reversed(good)),
            [*good, None],
            [Stranger(), *good[1:]],
            (list if isinstance(good, tuple) else tuple)(good),
        ]
    return []


def mapping_misses(good: dict) -> list[object]:
    if not good:
        return [{"x": None}]
    key, value = next(iter(good.items()))
    return [
        {**good, key: None},
        {**good, key: "x"},
        {**good, key: -1},
        {**good, key: [value, value]},
        {**good, None: value},
        {**good, "zz": value},
        {**good, 0: value},
        list(good.items()),
    ]


def junk_for(target: Target, name: str) -> st.SearchStrategy:
    parameter = next(p for p in target.parameters if p.name == name)
    good = good_factory(target, parameter)()
    return st.sampled_from([*JUNK, *near_misses(good)])


def call(target: Target, name: str | None = None, value: object = None) -> object:
    """Call ``target`` with well-formed arguments, except ``value`` for parameter ``name``."""
    arguments = {}
    for parameter in target.parameters:
        if parameter.name == name:
            arguments[parameter.name] = value
        else:
            arguments[parameter.name] = good_factory(target, parameter)()
    if target.owner is not None:
        owner = arguments.pop("self")
        return target.function(owner, **arguments)
    return target.function(**arguments)


def names_parameter(message: str, name: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", message) is not None


# ------------------------------------------------------------------ the tests


@pytest.fixture(scope="module", autouse=True)
def scratch_folder(tmp_path_factory):
    """Run in a scratch folder: a fuzzed path or folder never lands in the checkout."""
    before = Path.cwd()
    os.chdir(tmp_path_factory.mktemp("fuzz"))
    yield
    os.chdir(before)
    plt.close(figure())


def test_every_surface_function_is_fuzzed():
    missing = [f"{t.qualname}({p.name})" for t in TARGETS for p in t.parameters if good_factory(t, p) is None]
    assert missing == [], f"add a well-formed value to GOOD or BY_NAME for: {', '.join(missing)}"
    names = {t.qualname for t in TARGETS}
    assert len(TARGETS) > 100 and {"kit.targets.load_dataset", "kit.exercise.Exercise.check"} <= names
    assert "kit.charts.stakeholders.win_sets" not in names and "kit.charts.win_sets" in names


@pytest.mark.parametrize("target", marked([t for t in FUZZED if fuzzable(t)]))
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the junk values are already small
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_input_works_or_raises_a_kit_error_naming_it(target, data):
    name = data.draw(st.sampled_from(fuzzable(target)), label="parameter")
    value = data.draw(junk_for(target, name), label="value")
    try:
        call(target, name, value)
    except KitError as error:
        assert names_parameter(str(error), name), f"{target.qualname}: the message does not name {name!r}"


@pytest.mark.parametrize("target", marked(BUILDERS))
def test_widget_builders_refuse_bad_arguments(target):
    for parameter in target.parameters:
        name = parameter.name
        for value in (Stranger(),) if parameter.default is None else (None, Stranger()):
            with pytest.raises(KitError) as raised:
                call(target, name, value)
            assert names_parameter(str(raised.value), name), raised.value
        plt.close("all")


@pytest.mark.parametrize("target", FUZZED, ids=lambda t: t.qualname)
def test_well_formed_arguments_work(target):
    call(target)


# ------------------------------------------------------------------ valid-typed but bad values (issue 13)


def deep_list(depth: int = 5000) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


HOSTILE = (
    "para 4 says \ud83d",  # a lone surrogate: a browser can send one
    "²",  # "²".isdigit() is true, int("²") fails
    {"1_0": "Economic", "²": "Political"},  # keys that look like paragraph numbers
    deep_list(),  # nested past Python's recursion limit
    range(10**12),  # a huge range: refused at once, never walked
    [NAN, "a"],  # NaN as a label
    [[NAN, "a"], ["a", "a"]],
)


# Found by the hostile values and not fixed yet: each still fails, and xfail(strict) fails once it is
# fixed, so whoever fixes one removes it here. None is known now. (kit.sealed's tokens and
# kit.static.widget_note, once listed, are not on the surface: the kit calls them, with the types
# the type checker proves.)
KNOWN_HOSTILE: dict[str, str] = {}


@pytest.mark.parametrize(
    "target",
    marked(
        [t for t in FUZZED if fuzzable(t) and all(good_factory(t, p) for p in t.parameters)], KNOWN_HOSTILE
    ),
)
def test_valid_typed_but_bad_values_work_or_raise_a_kit_error(target):
    """Each hostile value in each parameter: a result or a KitError, within seconds (no hang)."""
    import time

    for name in fuzzable(target):
        for value in HOSTILE:
            start = time.perf_counter()
            try:
                call(target, name, value)
            except KitError:
                pass
            assert time.perf_counter() - start < 10, f"{target.qualname}({name}={value!r:.40}) took too long"
    plt.close("all")


# ------------------------------------------------------------------ hostile work files and hand-in folders


def hostile_entry(path: Path, kind: str) -> None:
    """Make ``path`` a hostile file system entry of ``kind``."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dangling":
        path.symlink_to(path.with_name("gone"))
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(60_000_000)  # sparse: larger than every limit, cheap to make
    else:
        contents = {
            "deep": '{"answers": {"q1": ' + "[" * 100_000 + "]" * 100_000 + "}}",
            "newer": '{"kit_work_file": 99, "answers": {}, "extra": 1}',
            "not-utf8": b"\xff\xfe{}",
            "surrogate": '{"kit_work_file": 1, "answers": {"q1": "\\ud83d"}}',
            "not-json": "{ half",
        }
        content = contents[kind]
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


HOSTILE_FILES = [
    "fifo",
    "folder",
    "dev-zero",
    "dangling",
    "huge",
    "deep",
    "newer",
    "not-utf8",
    "surrogate",
    "not-json",
]


@pytest.mark.parametrize("kind", HOSTILE_FILES)
def test_a_hostile_work_file_is_read_or_set_aside_and_saving_goes_on(tmp_path, kind):
    from kit.store import open_work

    hostile_entry(tmp_path / "nb.work.json", kind)
    work = open_work("nb", tmp_path)
    assert (work.notice is None) == (kind in ("dangling", "surrogate")), work.notice
    work.set("q2", "saved")
    assert open_work("nb", tmp_path).get("q2") == "saved"


@pytest.mark.parametrize("kind", HOSTILE_FILES)
def test_a_hostile_hand_in_is_named_and_the_class_is_still_read(tmp_path, kind):
    from kit.export import class_summary, read_handins

    name = "{}-02_reading_exercises.answers.json"
    for student in ("ana", "ben"):
        (tmp_path / name.format(student)).write_text(json.dumps({"answers": {"q2": 10}}))
    hostile_entry(tmp_path / name.format("eve"), kind)
    handins, problems = read_handins(tmp_path, "02_reading")
    readable = kind in ("newer", "surrogate")  # an answers file's extra fields and escapes are harmless
    assert sorted(handins) == [name.format(s) for s in ("ana", "ben", "eve") if readable or s != "eve"]
    assert list(problems) == ([] if readable else [name.format("eve")])
    assert class_summary(tmp_path, "02_reading")[0].students == (3 if readable else 2)


# ------------------------------------------------------------------ the command lines


@pytest.mark.parametrize(
    "arguments",
    [
        ["kit.assign", "--variants", "no_such_bank", "ana"],
        ["kit.assign", "--no-such-flag"],
        ["kit.static", "missing.ipynb"],
        ["kit.static", "not-a-notebook.ipynb"],
        ["kit.static", "--out", "a-file", "lesson.ipynb"],
        ["kit.export", "gradebook", "missing-folder"],
        ["kit.export", "gradebook", "a-file"],
        ["kit.export"],
    ],
)
def test_command_lines_give_a_one_line_error_and_a_non_zero_exit(tmp_path, monkeypatch, capsys, arguments):
    """Each command runs as ``python -m`` runs it (runpy, as ``__main__``) but in this process: a new
    Python for each took seconds. tests/test_static_export.py runs one in a real ``python -m``."""
    import runpy
    import sys
    import warnings

    (tmp_path / "a-file").write_text("")
    (tmp_path / "not-a-notebook.ipynb").write_text("{ half")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "lesson.ipynb")
    monkeypatch.chdir(tmp_path)
    module, *rest = arguments
    monkeypatch.setattr(sys, "argv", [module, *rest])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # runpy: the module was imported already
        with pytest.raises(SystemExit) as exited:  # any other exception would be a traceback
            runpy.run_module(module, run_name="__main__", alter_sys=True)
    assert exited.value.code not in (0, None)
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr, stderr
    assert stderr.strip(), "no message says what was wrong"
