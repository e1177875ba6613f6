"""A post that names what an active incident is about (#Aurora, Boston, Sandy, #notguilty)
collides with it, wherever its audience is. On the tone ladder: held when promotional, joking
or profane, flagged when sincere. An ordinary post that names the place and a word of the story
("flights from Sheremetyevo are delayed" the day of the airport bombing) is flagged for a person,
one that names only the town ("Christmas market on the square in Kristiansand") is that town's
everyday post, and one that takes up the story's hashtag (#WhyIStayed, #Aurora) is held: a brand
joining a tragedy's hashtag is the story of the day. A story where nobody was hurt is flagged at
most, and its town only once it is more than a one-line item or the post plays on it with its
kind's words: the city where a storm is forecast is a word of every local post that day. An
attack threatened (a terror threat level, a plot foiled, a plane forced down over a bomb alert)
is the ladder's when the post names the threat itself ("Threat level: SEVERE 🧁"), and flagged
at most when it names only the town. The shop that read the trending #Aurora as its dress
hashtag is the case this exists for."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_names import mentions, told_by_its_adjective
from safepost.checks.incident_scope import (IN, OUTSIDE, active_for, evidence, prominent, relation, stops_the_world,
                                            within_first_day)
from safepost.checks.incident_words import kind_words
from safepost.model import Finding, Verdict
from safepost.news.reading import kinds_by_id
from safepost.text.matcher import Match

NAME = "incident-terms"


def run(ctx: Context) -> Iterable[Finding]:
    strongest: dict[str, tuple[Verdict, Match]] = {}  # per incident: its strongest mention in the post
    for match in mentions(ctx):
        incident = match.payload
        if not active_for(ctx, incident) or _only_a_place(ctx, incident, match) or _just_its_town(ctx, incident, match):
            continue
        level = _level(ctx, incident, match)
        if incident.id not in strongest or level > strongest[incident.id][0]:
            strongest[incident.id] = (level, match)
    for level, match in strongest.values():
        incident = match.payload
        yield Finding(
            f"incident.{incident.kind}.mention", NAME, level,
            f"Mentions {_as_written(match)}, which is what \"{incident.title}\" is about: {ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, term=match.term),
        )


def _as_written(match: Match) -> str:
    """The post's word, and the story's where the two are written otherwise: "'Kyiv' ('Києву' in
    the news)" tells the editor why a word the headlines never used is the story."""
    if match.text.casefold() == match.term.casefold() or match.text.casefold().lstrip("#") in match.term.casefold():
        return f"'{match.term}'"
    return f"'{match.text}' ('{match.term}' in the news)"


def _only_a_place(ctx: Context, incident, match: Match) -> bool:
    """No name of a one-line item that hurt nobody (a wind forecast for Baku, a racing driver's
    burst tyre) or a few lightly (a minibus and a car in Barnaul, two hurt on Городоцька street,
    one to hospital from the E18) is a story to collide with; the town under a chemical fire's
    cloud, reported all day, is, and so is the town an anniversary remembers (Ağdam, Beslan). A
    country abroad is the story only in the first day its toll made it news everywhere, or told
    with a word of the story: "the velvet season in Turkey" the day after a bombing in Cizre sells
    a resort far from it; "not stuck underground like those miners in Turkey 😂" is the story, and
    so is a sale under "#PrayForThailand" once the day of the Bangkok bombing is over."""
    if match.term in incident.countries and relation(ctx, incident) == OUTSIDE:
        return not (_tells_more(ctx, incident, match) or ctx.tone.solidarity)
    if incident.threatened and match.term in incident.places:
        # the station a bomb threat emptied is every local post's town that day; a joke on it is not
        return not (ctx.rung.light and _plays_on(ctx, incident))
    if _grave(ctx, incident) or prominent(incident):
        return False
    # harm untold: a bridge on fire, a blast in a night club in the small hours, before anyone
    # knows who was there (a fire everyone got out of is no incident; one hurt is a told harm)
    return not (ctx.rung.light and not incident.harmed and _plays_on(ctx, incident))


def _just_its_town(ctx: Context, incident, match: Match) -> bool:
    """An ordinary post that names the town and nothing of the story ("Christmas market on the
    square in Kristiansand, 12-20", the day after a stabbing there) is that town's everyday post:
    its town is a word of every local post that day. So is a storm's name, a person's given name
    ("Happy 100th birthday to our volunteer Eunice!" the day after Storm Eunice). Its hashtag, a
    word of the headlines beside it ("Storm"), or a light or sincere tone, is the story's."""
    storm = "storm" in (incident.kinds or (incident.kind,))
    everyday = match.term in incident.places or storm and " " not in match.term \
        or told_by_its_adjective(ctx, [match.text], incident)
    return ctx.rung.name == "neutral" and everyday \
        and not any(t.tag >= 0 for t in ctx.analysis.tokens[match.first:match.last]) \
        and not _tells_more(ctx, incident, match)


def _plays_on(ctx: Context, incident) -> bool:
    """The post has a word its kind of event is told in: "too hot on Łazienkowski today 😂🔥" the
    evening the bridge burns, before anyone knows who was on it, is no post about a place."""
    kinds = incident.kinds or (incident.kind,)
    return any(match.payload.id in kinds for match in kind_words(ctx))


def _tells_more(ctx: Context, incident, match: Match) -> bool:
    """The post has a word of the story's headlines beside its name: "schools" with "Mexico"."""
    return any(not incident.told_in.isdisjoint(token.keys) for i, token in enumerate(ctx.analysis.tokens)
               if not match.first <= i < match.last)


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
    Yaroslavl remembers the crash is held), and for a place abroad once its first day is over
    ("trips to Seoul" two days on names where it was; "#Aurora" rides its tag, and so does a
    post under a solidarity hashtag: "#JeSuisBruxelles, flights to Brussels from 99 zł"). In the
    first day after people died there, selling the town ("a shopping weekend in Munich" the
    morning after the mall shooting) or joking about it is the story; a whole country is, only
    when the toll marks it ("trips to Thailand" the day after the tsunami, not "tours to India"
    the day a bridge fell in Morbi)."""
    hashtag = any(t.tag >= 0 for t in ctx.analysis.tokens[match.first:match.last])
    level = ladder.level(ctx.rung, Verdict.HOLD if hashtag else Verdict.FLAG)
    rides = hashtag or ctx.tone.solidarity is not None
    town, country = match.term in incident.places, match.term in incident.countries
    its_first_day = bool(incident.deaths) and within_first_day(ctx, incident) \
        and (town or stops_the_world(ctx, incident))
    abroad = (town or country) and not rides and relation(ctx, incident) != IN and not its_first_day
    threat = incident.threatened and not (town or country)
    return min(level, Verdict.FLAG) if not (_grave(ctx, incident) or threat) or abroad else level
