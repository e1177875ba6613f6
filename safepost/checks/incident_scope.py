"""What the news checks share: which incidents concern a post, how far an incident reaches its
audience, and how to cite it.

An incident concerns a post scheduled before it stops being active. Its audience is where it
happened; a mass-casualty attack or disaster reaches every audience in its first day (`global`
reach). Outside its reach, a post is flagged at most, unless it names the story or uses its words.
"""
from __future__ import annotations

from datetime import timedelta

from safepost.checks import Context
from safepost.model import Incident

MAX_HEADLINES = 3
PROMINENT = 2  # headlines (or sources) that make a story more than a one-line item
GLOBAL_FOR = timedelta(hours=24)
IN, REACHED, OUTSIDE, UNPLACED = "in", "reached", "outside", "unplaced"


def active_for(ctx: Context, incident: Incident) -> bool:
    return incident.active_until is None or ctx.post.scheduled_at <= incident.active_until


def relation(ctx: Context, incident: Incident) -> str:
    """in: the incident is in the post's audience; reached: a global incident in its first day;
    outside: elsewhere; unplaced: safepost could not tell where it happened."""
    if incident.reach == "global" and within_first_day(ctx, incident):
        global_reach = True
    else:
        global_reach = False
    if not incident.regions:
        return REACHED if global_reach else UNPLACED
    regions = ctx.regions
    if not regions or set(regions) & set(incident.regions):
        return IN
    return REACHED if global_reach else OUTSIDE


def prominent(incident: Incident) -> bool:
    """Carried by several headlines or sources: more than a one-line item (a wind forecast)."""
    return max(incident.sources, len(incident.headlines)) >= PROMINENT


def within_first_day(ctx: Context, incident: Incident) -> bool:
    return incident.started is None or ctx.post.scheduled_at <= incident.started + GLOBAL_FOR


def evidence(incident: Incident, **extra) -> dict:
    """Every news finding names the incident, says what the story is, and quotes the headlines
    it rests on."""
    found = {"incident": incident.title, "incident_id": incident.id, "kind": incident.kind,
             "severity": incident.severity, "reach": incident.reach, "regions": list(incident.regions),
             "terms": list(incident.terms[:6]),
             "headlines": [h.as_dict() for h in incident.headlines[:MAX_HEADLINES]]}
    if incident.deaths:
        found["deaths"] = incident.deaths
    if incident.remembered:
        found["remembered"] = True
    found.update(extra)
    return found


def where(incident: Incident) -> str:
    return ", ".join(incident.regions) or "place unknown"
