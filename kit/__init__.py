"""A teaching kit for reading one news story closely.

Modules, one concern each: ``article`` (loading, search), ``text`` (offline
sentences, words, sentiment), ``quotes``, ``charts``, ``display``, ``widgets``,
``environment`` (a set-up check). Import names from them explicitly, e.g.
``from kit.article import load_article``.
"""

from kit.article import load_article
from kit.errors import KitError

__all__ = ["KitError", "load_article"]
__version__ = "0.1.0"
