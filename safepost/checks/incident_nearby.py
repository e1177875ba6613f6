"""A light post for the town next to a deadly story, in its first day: an Easter party in
Kramatorsk the morning Sloviansk, twelve kilometres away, still digs out its dead. The post names
neither the story nor its town, and a strike below its kind's first-hours toll opens no window for
the country, but the province is one place in grief. Flagged, never held: the town next door is a
person's call, and a province is wider than a town's news. A town of another province, or a post
that names none, is not next door, and neither is a town of the same wide state (Austin, the day of
a crash in Brownsville: `wide_provinces` in rules/news/places.yaml)."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.checks.incident_names import known_provinces, towns_named
from safepost.checks.incident_scope import active_for, evidence, within_first_day
from safepost.model import Finding, Incident, Verdict
from safepost.news.placenames import alike

NAME = "incident-nearby"


def run(ctx: Context) -> Iterable[Finding]:
    stories = ctx.scope.cached(NAME, lambda: _deadly_placed(ctx))
    if not stories or not ctx.rung.light:
        return
    for incident, province, members in stories:
        if not (active_for(ctx, incident) and within_first_day(ctx, incident)):
            continue
        town = next((m for m in towns_named(ctx) if m.payload in incident.regions
                     and any(alike(m.text, member) for member in members)
                     and not any(alike(m.text, place) for place in incident.places)), None)
        if town is None:
            continue
        yield Finding(
            f"incident.{incident.kind}.nearby", NAME, Verdict.FLAG,
            f"Names '{town.text}', of {province}, where \"{incident.title}\" happened, in its first day: "
            f"{ctx.rung.describe()} needs a person's review",
            town.text, (town.start, town.end), evidence(incident, term=town.text))
        return  # one town next door is one finding


def _deadly_placed(ctx: Context) -> list[tuple[Incident, str, tuple[str, ...]]]:
    """The stories that killed, placed in a town the gazetteer knows the province of, with that
    province and its towns: found once a run."""
    severe_from = ctx.rulebook.policies.severe_from
    return [(incident, province, towns) for incident in ctx.incidents
            if incident.deaths and incident.severity >= severe_from
            for province, towns in known_provinces(ctx.rulebook, narrow=True)
            if any(alike(place, town) for place in incident.places for town in towns)]
