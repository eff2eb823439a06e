"""Who speaks: the news-writing rules that find a quotation's or a report's speaker and side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.article import Article
from kit.quotes.shape import _MASK, _masked

# ---------------------------------------------------------------------------
# Who speaks: quotations with their kind and speaker, and reported speech.
#
# The rules are news-writing conventions, not this article's names:
#   "...," Name said.   "...," said Name, a role.   Name, the role, said, "..."
#   Title Name said ...   he/she added, "..."   a quote that goes on without a new
#   attribution continues the last speaker (also into the next paragraph)
#   a quoted term with no speaker in its sentence is a quoted term (an official name, a term of art,
#   the negotiators' own words), not a "scare quote", which would signal the writer's doubt.
# ---------------------------------------------------------------------------

KINDS = ("direct", "partial", "term")
SIDES = ("U.S. government", "Japanese government", "anonymous", "others")

_SAY = (
    r"said|says|say|added|adds|told|tells|stated|states|noted|notes|explained|explains|insisted|"
    r"insists|argued|argues|warned|warns|predicted|acknowledged|conceded|replied|declared|"
    r"continued|cautioned|complained|recalled|asked|wrote|writes|called"
)
_THINK = r"expressed hope|expressed confidence|believe|believes|believed|hope|hopes|hoped"
_VERB = re.compile(rf"(?<![\w-])(?:{_SAY}|{_THINK})(?![\w-])")
# A name or description after a verb: stops at a comma or a full stop, but not at the full stop of an
# abbreviation ("Sen.", "Dr.", "U.S.") or an initial ("John F. Kerr").
_WHO = r"(?:(?:[A-Z][a-z]{0,3}\.)+(?=\s|$)|[^,.;:\x00])+"
_ACCORDING = re.compile(rf"(?<![\w-])(?i:according) to\s+(?P<who>{_WHO})")
_BOUNDARY = re.compile(r"[,;:()\x00\u2014]|--")
_LEADING_WORDS = {"but", "and", "so", "while", "as", "because", "although", "though", "yet", "that", "then"}
_PRONOUNS = {"he", "she", "they"}
_RELATIVE = {"who", "which", "whose", "whom", "that"}
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "some", "several", "many", "other", "another"}
_DETERMINERS |= {"his", "her", "its", "their", "both"}
_PERSON_NOUNS = re.compile(
    r"\b(?:officials?|analysts?|spokes(?:man|woman|person)|sources?|negotiators?|diplomats?|economists?|"
    r"experts?|aides?|members?|people|residents|leaders?|executives?|representatives?|supporters|critics|"
    r"opponents|government|administration|ministry|department|officers?|lawmakers|observers|advisers?|"
    r"director|chairman|chairwoman|minister|president|secretary|biologist|engineers?|scientists?|"
    r"workers?|union|council|businessmen|businesswomen|owners?)\b",
    re.IGNORECASE,
)
_TITLE_WORDS = {
    "President", "Minister", "Prime", "Foreign", "Trade", "Representative", "Secretary", "Senator", "Sen.",
    "Rep.", "Gov.", "Governor", "Mayor", "Chairman", "Chairwoman", "Chair", "Director", "Commissioner",
    "Ambassador", "Deputy", "Vice", "Chief", "Spokesman", "Spokeswoman", "Judge", "Dr.", "Mr.", "Ms.",
    "Mrs.", "Gen.", "General", "Adm.", "Councilman", "Councilwoman", "Finance", "Commerce", "Treasury",
    "Attorney", "Speaker", "Premier", "Chancellor", "Professor", "Prof.", "Economy", "Agriculture",
    "Labor", "Defense", "Industry", "Port", "Harbor", "City", "Manager", "Superintendent",
}  # fmt: skip
_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*")
_NAME_TOKEN = re.compile(r"[A-Z][\w'’-]*\.?$")
_SIDE_WORDS = {
    "U.S. government": re.compile(r"\bU\.S\.|\bAmerican\b|\bUnited States\b|\bWhite House\b|\bClinton\b"),
    "Japanese government": re.compile(r"\bJapan(?:ese)?\b|\bTokyo\b"),
}


@dataclass(frozen=True)
class _Speaker:
    name: str | None  # a proper name, or None for a description
    label: str  # what the kit prints: the full name, or the description
    role: str | None


def _clean_phrase(phrase: str) -> str:
    tokens = phrase.split()
    while tokens and tokens[0].lower() in _LEADING_WORDS:
        tokens = tokens[1:]
    return " ".join(tokens).strip(" .")


class _People:
    """The people an article names with a title ("Japanese Prime Minister Tsutomu Hata"), by surname."""

    def __init__(self, article: Article):
        self.by_name: dict[str, _Speaker] = {}
        self.last: _Speaker | None = None
        for paragraph in article.paragraphs:
            for run in _CAPITAL_RUN.finditer(_masked(paragraph.text)):
                tokens = run.group().split()
                titles = [i for i, token in enumerate(tokens) if token in _TITLE_WORDS]
                if titles and titles[-1] < len(tokens) - 1:
                    cut = titles[-1] + 1
                    self.add(_Speaker(" ".join(tokens[cut:]), " ".join(tokens[cut:]), " ".join(tokens[:cut])))

    def add(self, person: _Speaker) -> _Speaker:
        if person.name is None:
            return person
        known = self.by_name.get(person.name.split()[-1])
        if known and known.name and (known.name.endswith(person.name) or person.name.endswith(known.name)):
            if len(person.name) > len(known.name) or (person.role and not known.role):
                longer = max(person.name, known.name, key=len)
                known = _Speaker(longer, longer, person.role or known.role)
                self.by_name[person.name.split()[-1]] = known
            return known
        self.by_name[person.name.split()[-1]] = person
        return person

    def resolve(self, phrase: str, role: str | None = None) -> _Speaker | None:
        """Return the speaker a phrase names: a pronoun is the last speaker; a surname, its full name."""
        phrase = _clean_phrase(phrase)
        if role and role.split()[0].lower() in _RELATIVE:
            role = None  # "one official, who spoke on condition of anonymity": no stated role
        if not phrase or len(phrase.split()) > 10 or _MASK in phrase:
            return None
        if phrase.lower() in _PRONOUNS:
            return self.last
        if phrase.lower() in {"i", "we", "it", "this", "that", "there"}:
            return None
        speaker = _split_speaker(phrase, role)
        if speaker is None:
            return None
        return self.add(speaker)


def _split_speaker(phrase: str, role: str | None) -> _Speaker | None:
    """Return a phrase split into a name and a role, or kept whole as a description."""
    head = re.split(r"\s(?:in|at|for|of|from|with|who|on)\s", phrase)[0]
    tokens = head.split()
    if not tokens or not tokens[0][:1].isalpha():
        return None
    name_tokens: list[str] = []
    for token in reversed(tokens):
        if _NAME_TOKEN.match(token) and token not in _TITLE_WORDS and not token.endswith("s."):
            name_tokens.insert(0, token)
        else:
            break
    starts_described = tokens[0].lower() in _DETERMINERS
    if starts_described and len(tokens) > 1 and all(t[:1].isupper() for t in tokens[1:]):
        name = " ".join(tokens[1:])
        return _Speaker(name, phrase[0].lower() + phrase[1:], role)
    if name_tokens and not starts_described and not _is_adjective_of_place(name_tokens):
        name = " ".join(name_tokens)
        title = " ".join(tokens[: len(tokens) - len(name_tokens)]) or None
        return _Speaker(name, name, role or title)
    whole = phrase.split()
    described = whole[1:] if starts_described else whole
    label = phrase[0].lower() + phrase[1:] if starts_described else phrase
    return _Speaker(None, label, role or " ".join(described) or None)


def _is_adjective_of_place(tokens: list[str]) -> bool:
    return tokens[-1].endswith(("ese", "ian", "ish")) or tokens[-1] in {"U.S.", "American"}


def side_of(speaker: str | None, role: str | None, named: bool) -> str | None:
    """Return the side a speaker stands for: a government, anonymous, or others (None: no speaker).

    >>> side_of("Mickey Kantor", "U.S. Trade Representative", True)
    'U.S. government'
    >>> side_of("a senior Administration official", "senior Administration official", False)
    'anonymous'
    """
    return None if speaker is None else _side(role, named)


def _side(role: str | None, named: bool) -> str:
    """Return a speaker's side: anonymous when unnamed, the one government their role names, or others."""
    if not named:
        return "anonymous"
    found = [side for side, pattern in _SIDE_WORDS.items() if pattern.search(role or "")]
    return found[0] if len(found) == 1 else "others"


def _after_quote(masked: str, end: int, people: _People) -> _Speaker | None:
    """Return the speaker named right after a quote: '..., Name said', '..., said Name, role'."""
    rest = masked[end:]
    after = re.match(rf"\s*,?\s*(?P<who>[^,;:\x00]{{1,80}}?)\s+(?:{_SAY})(?![\w-])", rest)
    if after and not re.search(rf"(?<![\w-])(?:{_SAY})(?![\w-])", after.group("who")):
        found = people.resolve(after.group("who"))
        if found:
            return found
    appositive = re.match(
        rf"\s*,?\s*(?P<who>[A-Z][^,\x00]{{0,60}}),\s*(?P<role>(?:the|a|an)\s[^,\x00]{{1,80}}),\s*(?:{_SAY})\b",
        rest,
    )
    if appositive:
        return people.resolve(appositive.group("who"), appositive.group("role").strip())
    inverted = re.match(
        rf"\s*,?\s*(?:{_SAY})\s+(?P<who>{_WHO})(?:,\s*(?P<role>[^.;\x00]+))?",
        rest,
    )
    if inverted:
        return people.resolve(inverted.group("who"), (inverted.group("role") or "").strip() or None)
    return None


def _before_quote(masked: str, start: int, people: _People) -> _Speaker | None:
    """Return the speaker who introduces a quote: 'Name said, "...', 'he added: "...'."""
    lead = re.search(rf"(?P<who>[^,;:\x00]{{1,80}}?)\s+(?:{_SAY})(?:\s+\w+)?\s*[,:]\s*$", masked[:start])
    return people.resolve(lead.group("who")) if lead else None


def _attribution(masked: str, people: _People) -> tuple[_Speaker, str] | None:
    """Return the first speaker and verb of a sentence's attribution outside its quotes."""
    for verb in _VERB.finditer(masked):
        before = masked[: verb.start()]
        cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
        phrase = _clean_phrase(before[cut:])
        saying = re.fullmatch(_SAY, verb.group()) is not None
        if phrase.split(" ")[0].lower() in _RELATIVE:
            continue
        if not phrase and before.rstrip().endswith(","):
            speaker = _before_comma(before, people)
            if speaker:
                return speaker, verb.group()
        if not phrase and saying and before.rstrip(" ,").endswith(_MASK):
            inverted = re.match(rf"\s+(?P<who>{_WHO})(?:,\s*(?P<role>[^.;\x00]+))?", masked[verb.end() :])
            if inverted and (found := people.resolve(inverted.group("who"), inverted.group("role"))):
                return found, verb.group()
            continue
        if not saying and not (_PERSON_NOUNS.search(phrase) or _split_is_name(phrase)):
            continue
        appositive = _appositive(before, cut, phrase)
        found = people.resolve(*appositive) if appositive else people.resolve(phrase)
        if found:
            return found, verb.group()
    according = _ACCORDING.search(masked)
    if according and (found := people.resolve(according.group("who"))):
        return found, "according to"
    return None


def _before_comma(before: str, people: _People) -> _Speaker | None:
    """Return the speaker of 'Name, the role, said' or 'Name, who ..., called'; None otherwise."""
    segments = [m.group().strip() for m in re.finditer(r"[^,;:()\x00]+", before) if m.group().strip()]
    if len(segments) < 2 or not before.rstrip(" ,")[-1:].isalnum() and before.rstrip(" ,")[-1:] not in "'’.":
        return None
    last, head = segments[-1], _clean_phrase(segments[-2])
    if last.split()[0].lower() in _RELATIVE:
        return people.resolve(head)
    if last.split()[0].lower() in {"a", "an", "the"} and _split_is_name(head):
        return people.resolve(head, last)
    return None


def _split_is_name(phrase: str) -> bool:
    speaker = _split_speaker(_clean_phrase(phrase), None) if phrase else None
    return speaker is not None and speaker.name is not None


def _appositive(before: str, cut: int, phrase: str) -> tuple[str, str] | None:
    """Return (name, role) for 'Name, a role, said'; None when the phrase is no appositive."""
    if not phrase or phrase[0].isupper() and phrase.split()[0].lower() not in {"a", "an", "the"}:
        return None
    earlier = before[: max(cut - 1, 0)]
    name = re.search(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*)\s*$", earlier)
    if not name or not before[:cut].rstrip().endswith(","):
        return None
    return name.group(1), phrase
