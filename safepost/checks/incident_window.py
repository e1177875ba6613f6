"""The first hours of a severe incident: light posts (selling, joking, swearing) for the affected
audience are held or flagged by policy, and after a mass-casualty event every scheduled post
gets at least a flag (a person looks before it goes out). The advice after Boston 2013: pause
what is scheduled, review it, don't cancel it all. A mass-casualty event is news everywhere in
its first day, so its names and its words count abroad (the other checks); a promotion or a joke
abroad that touches neither is flagged (never held) only when the toll stops the world (its
kind's `everywhere_from`: the Paris attacks, the 2004 tsunami; not a sweater sale in Lviv the
morning a bridge fell in Morbi), and an ordinary post abroad never is. A post for another town
of the country (it names a town, and none the story names) is read as a post abroad, except that
a mass-casualty event's first day still reaches it: the morning after a mine disaster in
Silesia, a Kraków ice-cream parlour's offer is not in it. A day of mourning declared after a
tragedy is kept where it was declared: a promotion or a party that day is held, in the whole
country, or, when a city or a province declared it, in a post for one of its towns."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable

from safepost.calendar import audience_zones
from safepost.checks import Context
from safepost.checks.incident_scope import (IN, OUTSIDE, REACHED, active_for, elsewhere_at_home, evidence, kept_by,
                                            names_a_town_in, names_its_country, relation, stops_the_world, where,
                                            within_first_day)
from safepost.model import Finding, Incident, Verdict
from safepost.news.reading import kinds_by_id
from safepost.news.stories import MASS_CASUALTY

NAME = "incident-window"


def run(ctx: Context) -> Iterable[Finding]:
    policies = ctx.rulebook.policies
    for incident, window_ends in ctx.scope.cached(NAME, lambda: _severe(ctx)):
        first_hours = window_ends is not None and ctx.post.scheduled_at <= window_ends and active_for(ctx, incident)
        mourning = "" if first_hours else _on_mourning_day(ctx, incident)
        if not first_hours and not mourning:
            continue
        found = relation(ctx, incident)
        if found != IN and not mourning and incident.mourning and _sells_its_country(ctx, incident):
            mourning = _on_mourning_day(ctx, incident)  # abroad, the country's mourning is what a trip sells into
        sells_there = found != IN and bool(mourning) and _sells_its_country(ctx, incident)
        if found == REACHED and incident.regions and not stops_the_world(ctx, incident) and not sells_there:
            continue  # abroad: a sweater sale in Lviv the morning a bridge fell in Morbi
        if found == IN and not mourning and elsewhere_at_home(ctx, incident):
            found = REACHED if incident.reach == "global" and within_first_day(ctx, incident) else OUTSIDE
        kept = bool(mourning) and kept_by(ctx, incident)
        if mourning and not kept and not sells_there or not mourning and found not in (IN, REACHED):
            continue  # a day of mourning is kept where it was declared
        light = ctx.rung.light  # read only now: reading the tone is most of what this check costs
        if found == REACHED and not light:
            continue  # abroad, an ordinary post is not news; a promotion in its first day is
        if not light and (incident.severity < policies.every_post_from or mourning):
            continue  # two dead in a school shooting: the sale is looked at, the bus timetable is not
        level = policies.promotional_during_incident if light and (found == IN or kept) else Verdict.FLAG
        what = ctx.rung.describe() if light else "every post"
        audience = "in your audience's region" if found == IN else \
            f"in {where(incident)}, which the post names" if sells_there else \
            "declared in your audience's language, in a country safepost could not tell" if mourning else \
            f"in {where(incident)}: a mass-casualty event, news everywhere in its first day"
        when = f"on {mourning}, a day of mourning declared after" if mourning else \
            f"within {policies.first_hours:g} h of"
        yield Finding(
            f"incident.{incident.kind}.{'mourning-day' if mourning else 'first-hours'}", NAME, level,
            f"Scheduled {when} \"{incident.title}\" "
            f"(severity {incident.severity}) {audience}: {what} needs a person's review",
            evidence=evidence(incident))
        return  # one blanket finding per post is enough; the most severe incident comes first


def _sells_its_country(ctx: Context, incident: Incident) -> bool:
    """A promotion or a joke abroad that names the country or a town of a story, on a day of
    mourning it declared: "Autumn holidays in Antalya!" from Baku on the first of Turkey's three
    days of mourning for the Ankara bombing. Flagged: a person decides whether the trip can wait.
    Not in a first day without mourning: South African wine in Kyiv the day of a shooting in
    Soweto is a wine, and the country a label."""
    return bool(incident.regions) and ctx.rung.light and names_its_country(ctx, incident)


def _severe(ctx: Context) -> list[tuple[Incident, datetime | None]]:
    """The incidents that open a window, worst first, with the end of each window. A story known
    only from its follow-ups ("death toll passes 210") had its first hours before them; a kind
    may ask for more than the policy's severity (war: a mass-casualty strike). A story with a day
    of mourning declared is among them whatever its severity (the country says how grave it is),
    with no window (None) when only its days of mourning are kept."""
    policies = ctx.rulebook.policies
    window = timedelta(hours=policies.first_hours)
    kinds = kinds_by_id(ctx.rulebook)

    def opens_from(incident: Incident) -> int:
        kind = kinds.get(incident.kind)
        return max(policies.severe_from, kind.window_from or 0) if kind else policies.severe_from

    def opens(incident: Incident) -> bool:
        return incident.severity >= opens_from(incident) and not incident.ongoing and told_harm(incident)

    def told_harm(incident: Incident) -> bool:
        """Someone is dead or hurt, the event hurts by its nature, many are in danger, or a team
        entered it by hand at this severity: a blizzard that buries Boston and cuts Nantucket's
        power, with nobody hurt, is the news of New England, not a pause for every promotion in
        the country."""
        kind = kinds.get(incident.kind)
        return incident.manual or bool(incident.deaths or incident.injured) or incident.severity >= MASS_CASUALTY \
            or bool(kind and kind.harms)

    return [(incident, incident.started + window if opens(incident) else None) for incident in ctx.incidents
            if incident.harmed and incident.started is not None and (opens(incident) or incident.mourning)]


def _on_mourning_day(ctx: Context, incident: Incident) -> str:
    """The day of mourning declared after the incident that the post is scheduled on, in its
    audience's time ("" when none): a party that evening is a party on the day of mourning."""
    if not incident.mourning or incident.mourning_places and not names_a_town_in(ctx, incident.mourning_places):
        return ""  # a city's or a province's mourning is kept by the posts for it
    for _, zone in audience_zones(ctx.post, ctx.rulebook.audience):
        day = ctx.post.scheduled_at.astimezone(zone).date()
        if day in incident.mourning:
            return day.isoformat()
    return ""
