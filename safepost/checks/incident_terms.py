"""A post that names what an active incident is about (#Aurora, Boston, Sandy, #notguilty)
collides with it, wherever its audience is. On the tone ladder: held when promotional, joking
or profane, flagged when sincere. An ordinary post that names the place ("flights from
Sheremetyevo are delayed") is flagged for a person; one that takes up the story's hashtag
(#WhyIStayed, #Aurora) is held: a brand joining a tragedy's hashtag is the story of the day. A
story where nobody was hurt is flagged at most, and its town only once it is more than a one-line
item: the city where a storm is forecast is a word of every local post that day. The shop that
read the trending #Aurora as its dress hashtag is the case this exists for."""
from __future__ import annotations

import re
from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import IN, active_for, evidence, prominent, relation, within_first_day
from safepost.model import Finding, Verdict
from safepost.news.reading import kinds_by_id
from safepost.text.frequency import zipf
from safepost.text.matcher import Match, TermError, TermIndex, compile_term

NAME = "incident-terms"
_DIGIT = re.compile(r"\d")
_LETTERS_FIRST = re.compile(r"[^\W\d_]*")
_LETTERS_LAST = re.compile(r"[^\W\d_]*\Z")


# Names are matched through a lemmatiser (Казани ~ Казань) or one Azerbaijani ending
# (Günəşlidəki ~ Günəşli), but never through a stemmer: the Norwegian stem of "Bergen" is "berg",
# a mountain.
NAME_FORMS = ("en", "ru", "uk", "pl", "az")


CODE_PART = 4  # a name at least this long, opening or closing a code (SANDYSALE, KOBE24)
EVERYDAY_WORD = 5.0  # Zipf: a story's name this common (the storm «Hans», Norwegian for "his")
# counts only where the post writes it as a name
_OPENING_QUOTES = "'\"«„“‘#"
_SENTENCE_ENDS = ".!?:…"


def _index(incidents) -> tuple[TermIndex, dict[str, object], set[str]]:
    """The incidents' terms, their one-word names for reading promo codes, and the terms that are
    everyday words as well as names."""
    index = TermIndex()
    names: dict[str, object] = {}
    everyday: set[str] = set()
    for incident in incidents:
        language = incident.language if incident.language in NAME_FORMS else None
        looked_up = len(incident.term_zipf) == len(incident.terms)
        for position, text in enumerate(incident.terms):
            try:
                index.add(compile_term(text, language, quoted=True), incident)
            except TermError:
                continue  # a term with nothing to match (punctuation from a headline)
            word = text.lower().lstrip("#")
            frequency = incident.term_zipf[position] if looked_up else zipf(word, incident.language)
            if " " not in word and (frequency or 0) >= EVERYDAY_WORD:
                everyday.add(text)
            elif len(word) >= CODE_PART and word.isalpha():
                names.setdefault(word, incident)
    return index, names, everyday


def written_as_name(text: str, match: Match) -> bool:
    """Quoted, tagged, or capitalised inside a sentence: "«Hans» took a holiday", not "his"."""
    before = text[:match.start].rstrip()
    if before[-1:] and before[-1] in _OPENING_QUOTES:
        return True
    return match.text[:1].isupper() and not match.text.isupper() and bool(before) \
        and before[-1] not in _SENTENCE_ENDS


def _in_codes(ctx: Context, names: dict[str, object]) -> list[Match]:
    """A promo code that opens or closes with a story's name: "Enter SANDYSALE at checkout"."""
    found = []
    for i, token in enumerate(ctx.analysis.tokens):
        if token.end - token.start <= CODE_PART:
            continue
        written = ctx.analysis.text[token.start:token.end]
        if not (written.isupper() or not written.isalpha() and _DIGIT.search(written)):
            continue
        norm = token.norm
        opening, closing = _LETTERS_FIRST.match(norm).end(), len(_LETTERS_LAST.search(norm).group())
        for size in range(len(norm) - 1, CODE_PART - 1, -1):  # the longest name the code opens or closes with
            # a name is letters only: only the code's leading and trailing letters can be one
            name = norm[:size] if size <= opening and norm[:size] in names else \
                norm[-size:] if size <= closing and norm[-size:] in names else None
            if name:
                found.append(Match(names[name], name, token.start, token.end, i, i + 1, written))
                break
    return found


def mentions(ctx: Context) -> list[Match]:
    """Where the post names a story in the news (its payload is the incident): a name that is
    also an everyday word counts only where it is written as a name."""
    if not ctx.incidents:
        return []
    index, names, everyday = ctx.scope.cached(NAME, lambda: _index(ctx.incidents))
    return [match for match in index.find(ctx.analysis) + _in_codes(ctx, names)
            if match.term not in everyday or written_as_name(ctx.analysis.text, match)]


def run(ctx: Context) -> Iterable[Finding]:
    strongest: dict[str, tuple[Verdict, Match]] = {}  # per incident: its strongest mention in the post
    for match in mentions(ctx):
        incident = match.payload
        if not active_for(ctx, incident) or _only_a_place(ctx, incident, match):
            continue
        level = _level(ctx, incident, match)
        if incident.id not in strongest or level > strongest[incident.id][0]:
            strongest[incident.id] = (level, match)
    for level, match in strongest.values():
        incident = match.payload
        yield Finding(
            f"incident.{incident.kind}.mention", NAME, level,
            f"Mentions '{match.term}', which is what \"{incident.title}\" is about: {ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, term=match.term),
        )


def _only_a_place(ctx: Context, incident, match: Match) -> bool:
    """The town of a one-line item that hurt nobody (a wind forecast for Baku) or one person (a
    minibus and a car in Barnaul) is no story to collide with, nor any name of a one-line item
    that hurt nobody (a racing driver's burst tyre); the town under a chemical fire's cloud,
    reported all day, is, and so is the town an anniversary remembers (Ağdam, Beslan)."""
    return not _grave(ctx, incident) and not prominent(incident) \
        and (match.term in incident.places or not incident.harmed)


def _grave(ctx: Context, incident) -> bool:
    """A story whose harm makes naming it a hold: people killed or many hurt, an event that harms
    by its nature (a verdict on a killing), or an anniversary of such a one."""
    if incident.remembered:
        return True
    kinds = kinds_by_id(ctx.rulebook)
    return incident.harmed and (incident.severity >= 3 or any(kinds[k].harms for k in incident.kinds if k in kinds))


def _level(ctx: Context, incident, match: Match) -> Verdict:
    """The ladder, from hold for the story's hashtag; flag at most for a story that hurt nobody
    (an anniversary of one that did is remembered harm: "Lokomotiv tours -20%" on the day
    Yaroslavl remembers the crash is held), and for a city abroad once its first day is over
    ("trips to Seoul" two days on names where it was; "#Aurora" rides its tag, and so does a
    post under a solidarity hashtag: "#JeSuisBruxelles, flights to Brussels from 99 zł"). In the
    first day after people died there, selling the place ("a shopping weekend in Munich" the
    morning after the mall shooting) or joking about it is the story."""
    hashtag = any(t.tag >= 0 for t in ctx.analysis.tokens[match.first:match.last])
    level = ladder.level(ctx.rung, Verdict.HOLD if hashtag else Verdict.FLAG)
    rides = hashtag or ctx.tone.solidarity is not None
    abroad = match.term in incident.places and not rides and relation(ctx, incident) != IN \
        and not (incident.deaths and within_first_day(ctx, incident))
    return min(level, Verdict.FLAG) if not _grave(ctx, incident) or abroad else level
