"""A post of the trade a deadly story happened in: a coach operator's "book a weekend coach trip"
the day a coach crash killed twenty at home, a club's party night the day a nightclub burned, a
bar's vodka shots the week a surrogate alcohol killed seventy. It names neither the story nor its
words, yet its readers have the story in mind. The trade is read in every language (rules/news/
trades.yaml): a Russian post in Baku sells the bus the Azerbaijani headlines tell of.

At home a joke of the trade is held; a sale is held, and a sincere word flagged, once the story
is the country's grief or where the post names its place, and a post for another town is
elsewhere. Elsewhere it is flagged where it names the story or its country ("Greece by rail" the
day after the Tempi collision), and the trade names the story for the vocabulary check as its
place does (`speaks_of_its_trade`)."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_names import countries_named, mentions
from safepost.checks.incident_scope import (active_for, elsewhere_at_home, evidence, kept_by, news_everywhere,
                                            of_the_stories, prominent)
from safepost.model import Finding, Incident, Verdict
from safepost.news.reading import is_adjective
from safepost.text import analyze
from safepost.text.matcher import Match

NAME = "incident-trade"
NATIONAL_TOLL = 3  # the dead from which a story is the country's grief, not a town's
GRAVE = 4  # the severity of people missing or trapped, before a toll
# accidents, disasters and attacks happen somewhere a trade works, and so do the deaths a headline
# tells only by its dead ("the driver and a passenger died"); a war or a murder does not make every
# bus, hotel or bar its place
TRADE_KINDS = frozenset({"shooting", "bombing", "explosion", "terror", "storm", "earthquake", "fire", "crash", "death",
                         "collapse", "poisoning"})


def run(ctx: Context) -> Iterable[Finding]:
    for match, incident in of_its_trade(ctx):
        level = _level(ctx, incident)
        if level is None:
            continue
        trade = match.payload
        yield Finding(
            f"incident.{incident.kind}.trade", NAME, level,
            f"Speaks of {trade.name} ('{match.text}') while \"{incident.title}\" is in the news: "
            f"{ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, trade=trade.id, term=match.term))
        return  # one trade, one story: the finding says why


def of_its_trade(ctx: Context) -> list[tuple[Match, Incident]]:
    """The post's words of a trade a deadly story of the day happened in, each with the story.
    Read once a post: the vocabulary check asks it too."""
    by_trade = of_the_stories(ctx, NAME, lambda incidents: _by_trade(ctx.rulebook, incidents))
    if not by_trade:
        return []

    def find() -> list[tuple[Match, Incident]]:
        trades, _ = ctx.rulebook.index("trades", ctx.language, "terms")
        return [(match, incident) for match in trades.find(ctx.analysis)
                for incident in by_trade.get(match.payload.id, ())]

    return ctx.memo(NAME, find)


def speaks_of_its_trade(ctx: Context, incident: Incident) -> bool:
    """A post of the trade the story happened in names it as its place does: "Alovlu qiymətlər"
    from a bus company the day a bus burned abroad plays on that bus."""
    return any(found is incident for _, found in of_its_trade(ctx))


def _level(ctx: Context, incident: Incident) -> Verdict | None:
    """At home, a joke is held whatever the toll; a sale or a sincere word meets the ladder where
    the story is the country's grief or the post names its place, since one death in a bus crash
    is a town's news, not every coach operator's. A post for another town of the country is
    elsewhere (a bus tour from Vologda the day a bus killed four in Moscow), and elsewhere it is
    flagged where it names the story or its country by name ("Greece by rail", not buses from
    Przemyśl to Lviv the day a bus was shelled in Donbas), sells in the first day of a story that
    reaches everywhere, or jokes on a story many report ("our coaches never leave the road 😉" the
    day a coach fell off a viaduct in Italy)."""
    if not active_for(ctx, incident):
        return None
    named = any(match.payload is incident for match in mentions(ctx)) \
        or any(match.payload in incident.regions and not is_adjective(match) for match in countries_named(ctx))
    if kept_by(ctx, incident) and not elsewhere_at_home(ctx, incident):
        if ctx.tone.jokes:
            return Verdict.HOLD
        return ladder.level(ctx.rung, Verdict.FLAG if named else None) if named or _grieved(incident) else None
    if named or news_everywhere(ctx, incident) and ctx.rung.light or ctx.tone.jokes and prominent(incident):
        return Verdict.FLAG
    return None


def _grieved(incident: Incident) -> bool:
    """The country's grief, not a town's: several dead, or people missing or trapped before any
    toll."""
    return incident.deaths >= NATIONAL_TOLL or not incident.deaths and incident.severity >= GRAVE


def _by_trade(rulebook, incidents) -> dict[str, list[Incident]]:
    """The trades the deadly stories' headlines tell of, each with its stories."""
    by_trade: dict[str, list[Incident]] = {}
    for incident in incidents:
        if not _deadly(incident):
            continue
        trades, _ = rulebook.index("trades", incident.language, "terms")
        found = {match.payload.id: match.payload for headline in incident.headlines
                 for match in trades.find(analyze(headline.title, incident.language))}
        for trade in found.values():
            if not trade.kinds or incident.kind in trade.kinds:
                by_trade.setdefault(trade.id, []).append(incident)
    return by_trade


def _deadly(incident: Incident) -> bool:
    """An accident, a disaster or an attack that killed, or left people gravely hurt, now."""
    return incident.kind in TRADE_KINDS and incident.harmed and not incident.threatened \
        and not incident.remembered and (incident.deaths > 0 or incident.severity >= 4)
