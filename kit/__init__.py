"""A teaching kit for reading one news story closely.

Modules, one concern each: ``article`` (loading, search), ``text`` (offline
sentences, words, sentiment), ``quotes``, ``charts``, ``display``, ``widgets``,
``store`` (the student's work file), ``datafiles`` (the data files, read and
validated), ``checks`` (exercise feedback), ``assign`` (student versions of
exercises), ``export`` (hand-in reports), ``environment`` (a set-up check).
Import names from them explicitly, e.g. ``from kit.article import load_article``.
"""

from kit.errors import KitError

__all__ = ["KitError", "load_article"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # kit.load_article loads on first use, so `import kit.store` stays light (no TextBlob, no pysbd).
    if name == "load_article":
        from kit.article import load_article

        return load_article
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
