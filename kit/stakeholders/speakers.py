"""Speakers to actors: which registry entry a speaker found by kit.quotes stands for, and where each appears.

``match_speaker`` maps a speaker to its actor; ``appearances`` joins quotes,
reported speech and the registry's paragraphs into one list of appearances.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kit.article import Article
from kit.errors import checked
from kit.quotes import extract_quotes, reported_speech
from kit.stakeholders.data import Actor

_DETERMINERS = ("a ", "an ", "the ")
_STRENGTH = {"quoted": 0, "paraphrased": 1, "mentioned": 2, "implied": 3}


@dataclass(frozen=True)
class Appearance:
    """One place an actor appears: its paragraph, how it is presented there, and the words."""

    actor: str
    name: str
    side: str
    paragraph: int
    how: str
    text: str


def _normal(text: str) -> str:
    text = " ".join(text.split()).casefold()
    for determiner in _DETERMINERS:
        if text.startswith(determiner):
            return text[len(determiner) :]
    return text


def match_speaker(speaker: str | None, role: str | None, actors: Sequence[Actor]) -> Actor | None:
    """Return the actor a speaker found by kit.quotes stands for, or None when none (or several) fit.

    The rule, in order: the speaker's name or description equals an actor's name or
    alias (case and a leading "a", "an" or "the" ignored); a person's surname
    equals the last word of a person actor's name; the speaker's role equals an
    actor's alias ("U.S. Trade Representative").

    >>> from kit.stakeholders import load_registry
    >>> match_speaker("a senior Administration official", None, load_registry()).id
    'senior_official'
    """
    label = _normal(speaker or "")
    if not label:  # no speaker, or a blank one: nobody to match
        return None
    for rule in (
        lambda a: label in {_normal(n) for n in (a.name, *a.aliases)},
        lambda a: a.type == "person" and label.split()[-1] == _normal(a.name.split(" (")[0]).split()[-1],
        lambda a: role is not None and _normal(role) in {_normal(n) for n in a.aliases},
    ):
        found = [a for a in actors if rule(a)]
        if len(found) == 1:
            return found[0]
    return None


@checked
def quoted_speakers(article: Article, actors: Sequence[Actor]) -> list[tuple[int, str, str]]:
    """Return each quotation's paragraph, its speaker as kit.quotes names them, and their registry entry."""
    rows = []
    for quote in extract_quotes(article):
        if quote.speaker:
            who = match_speaker(quote.speaker, quote.role, actors)
            rows.append((quote.paragraph, quote.speaker, who.name if who else "no single entry fits"))
    return rows


@checked
def appearances(article: Article, actors: Sequence[Actor]) -> list[Appearance]:
    """Return every appearance of every actor, paragraph by paragraph, the strongest kind per paragraph.

    Quotes (direct or partial) from kit.quotes make an actor "quoted" in that
    paragraph and reported speech "paraphrased"; the registry's other paragraphs
    are "mentioned" ("implied" for an actor the article never names).
    """
    found: dict[tuple[str, int], Appearance] = {}

    def add(who: Actor, paragraph: int, how: str, text: str) -> None:
        key = (who.id, paragraph)
        if key not in found or _STRENGTH[how] < _STRENGTH[found[key].how]:
            found[key] = Appearance(who.id, who.name, who.side, paragraph, how, text)

    for quote in extract_quotes(article):
        who = match_speaker(quote.speaker, quote.role, actors)
        if who is not None and quote.kind != "term":
            add(who, quote.paragraph, "quoted", quote.text)
    for report in reported_speech(article):
        who = match_speaker(report.speaker, report.role, actors)
        if who is not None:
            add(who, report.paragraph, "paraphrased", report.text)
    for who in actors:
        for paragraph in who.paragraphs:
            how = "implied" if who.implied else "mentioned"
            add(who, paragraph, how, article.paragraph(paragraph).text)
    order = {a.id: i for i, a in enumerate(actors)}
    return sorted(found.values(), key=lambda a: (order[a.actor], a.paragraph))


def appearance_rows(actors: Sequence[Actor], found: Sequence[Appearance]) -> list[tuple[str, ...]]:
    """Return one row per actor: name, side, how presented, paragraphs quoted, paraphrased, mentioned."""
    rows = []
    for who in actors:
        mine = [a for a in found if a.actor == who.id]
        by_kind = [
            ", ".join(
                f"\u00b6{a.paragraph}" + (" (implied)" if a.how == "implied" else "")
                for a in mine
                if a.how in kinds
            )
            or "\u2013"
            for kinds in (("quoted",), ("paraphrased",), ("mentioned", "implied"))
        ]
        rows.append((who.name, who.side, who.presented, *by_kind))
    return rows
