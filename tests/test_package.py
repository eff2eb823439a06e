"""The package as a whole: no global side effects on import, documented API, lint-clean."""

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import kit

ROOT = Path(__file__).parents[1]
MODULES = [
    importlib.import_module(m.name)
    for m in pkgutil.walk_packages(kit.__path__, "kit.")
    if not m.name.startswith(("kit.data", "kit.seeds"))
]


def public_functions():
    for module in MODULES:
        for name, value in vars(module).items():
            if not name.startswith("_") and inspect.isfunction(value) and value.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", value


def test_importing_the_kit_changes_no_global_state():
    script = (
        "import warnings, matplotlib\n"
        "before = (dict(matplotlib.rcParams), matplotlib.rcParams['backend'], list(warnings.filters))\n"
        f"import {', '.join(m.__name__ for m in MODULES)}\n"
        "after = (dict(matplotlib.rcParams), matplotlib.rcParams['backend'], list(warnings.filters))\n"
        "assert before == after, 'importing the kit changed global state'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


@pytest.mark.parametrize(("name", "function"), list(public_functions()))
def test_public_functions_have_a_docstring_and_type_hints(name, function):
    assert function.__doc__ and function.__doc__.strip(), f"{name} has no docstring"
    assert "return" in function.__annotations__, f"{name} has no return type hint"


def test_the_top_level_api():
    assert kit.__all__ == ["KitError", "load_article"]
    assert kit.load_article().headline.startswith("U.S., Japan")
    assert set(kit.__all__) <= set(dir(kit)) and "__version__" in dir(kit)


def imported_names(module) -> set[str]:
    """Return the names a module's top level binds by importing them."""
    tree = ast.parse(inspect.getsource(module))
    statements = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    return {(a.asname or a.name).split(".")[0] for node in statements for a in node.names}


def defined_public_names(module) -> set[str]:
    """Return the public functions, classes and capitalised constants ``module`` itself defines."""
    imported = imported_names(module)
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (
            (inspect.isfunction(value) or inspect.isclass(value))
            and value.__module__ == module.__name__
            or name.isupper()
            and len(name) > 1
            and name not in imported
        )
    }


@pytest.mark.parametrize("package", ["kit.charts", "kit.widgets"])
def test_the_lazy_exports_are_every_public_name_of_the_topic_modules(package):
    """The lists are generated from the modules' source (kit.lazy): they match what the modules define."""
    from kit.lazy import homes

    module = importlib.import_module(package)
    topics = [importlib.import_module(m.name) for m in pkgutil.iter_modules(module.__path__, f"{package}.")]
    assert sorted(module.__all__) == sorted(set().union(*(defined_public_names(t) for t in topics)))
    assert {name: places for name, places in homes(package).items() if len(places) > 1} == {}
    assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("package", ["kit.charts", "kit.widgets"])
def test_every_exported_name_comes_from_its_topic_module(package):
    module = importlib.import_module(package)
    topics = [importlib.import_module(m.name) for m in pkgutil.iter_modules(module.__path__, f"{package}.")]
    for name in module.__all__:
        assert any(getattr(topic, name, None) is getattr(module, name) for topic in topics), name
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'nope'"):
        module.nope  # noqa: B018


def test_a_topic_loads_on_first_use_only():
    script = (
        "import sys, kit.charts, kit.widgets, kit.display\n"
        "assert not any(m.endswith(('.targets', '.framing', '.stakeholders')) for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('kit'))\n"
        "from kit.charts import growth_path\n"
        "assert 'kit.targets' in sys.modules and 'kit.charts.targets' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_the_checks_and_the_hand_ins_load_without_matplotlib():
    """An instructor's gradebook (kit.export) and the checks run where no chart is ever drawn."""
    script = "import sys, kit.checks, kit.export\nassert 'matplotlib' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_loading_the_article_leaves_textblob_unloaded_until_sentiment_is_scored():
    """TextBlob imports NLTK (about 1 CPU-second): a kernel pays it only when it scores or inflects words."""
    script = (
        "import sys, kit.text, kit.display, kit.widgets\n"
        "from kit.article import load_article\n"
        "load_article()\n"
        "assert not {'textblob', 'nltk'} & set(sys.modules), 'loading the article imported TextBlob'\n"
        "kit.text.sentiment('a troubled relationship')\n"
        "assert 'textblob' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_the_type_checker_finds_nothing():
    """mypy (pinned in requirements-test.txt, configured in pyproject.toml) checks the kit's own calls."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "kit"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


def test_ruff_finds_nothing():
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}
UNSAFE_MODULES = {"pickle", "marshal", "shelve", "dill"}


def test_no_module_evaluates_code_or_unpickles_data():
    """Student answers and work files are data: nothing in the kit runs them as code."""
    found = []
    for path in sorted((ROOT / "kit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in UNSAFE_CALLS
            ):
                found.append(f"{path.name}:{node.lineno} calls {node.func.id}")
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            found += [
                f"{path.name}:{node.lineno} imports {n}" for n in names if n.split(".")[0] in UNSAFE_MODULES
            ]
    assert found == []


BROAD = {"Exception", "BaseException"}


def silent_handlers(tree: ast.AST) -> list[tuple[int, str]]:
    """Return (line, why) for each bare except and each broad except whose body does nothing."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ExceptHandler):
            continue
        caught = [node.type] if not isinstance(node.type, ast.Tuple) else node.type.elts
        names = {n.id for n in caught if isinstance(n, ast.Name)}
        quiet = all(
            isinstance(s, ast.Pass | ast.Continue)
            or (isinstance(s, ast.Return) and (s.value is None or isinstance(s.value, ast.Constant)))
            or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
            for s in node.body
        )
        if node.type is None:
            found.append((node.lineno, "a bare except"))
        elif names & BROAD and quiet:
            found.append((node.lineno, f"except {', '.join(sorted(names & BROAD))} that does nothing"))
    return found


def test_silent_handlers_are_found():
    source = "try:\n    x()\nexcept:\n    raise\ntry:\n    y()\nexcept (ValueError, Exception):\n    pass\n"
    assert silent_handlers(ast.parse(source)) == [
        (3, "a bare except"),
        (7, "except Exception that does nothing"),
    ]
    assert silent_handlers(ast.parse("try:\n    x()\nexcept ValueError:\n    pass\n")) == []


def test_no_module_swallows_errors_silently():
    """A bare except or an `except Exception: pass` would hide a bug from the student as a wrong answer."""
    found = [
        f"{path.relative_to(ROOT)}:{line} has {why}"
        for path in sorted((ROOT / "kit").rglob("*.py"))
        for line, why in silent_handlers(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []
