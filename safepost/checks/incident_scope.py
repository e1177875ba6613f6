"""What the news checks share: which incidents concern a post, and how to cite them.

An incident concerns a post scheduled before the incident stops being active. Its audience
matters for the blanket rules: an incident placed in the US says nothing about a post for Poland,
but an incident we could not place is assumed to be everywhere for word collisions.
"""
from __future__ import annotations

from safepost.checks import Context
from safepost.model import Incident

MAX_HEADLINES = 3


def active_for(ctx: Context, incident: Incident) -> bool:
    return incident.active_until is None or ctx.post.scheduled_at <= incident.active_until


def touches_audience(ctx: Context, incident: Incident, unknown_is_everywhere: bool) -> bool:
    """Whether the incident is in the post's audience regions (unplaced incidents: by caller)."""
    if not incident.regions:
        return unknown_is_everywhere
    regions = ctx.regions
    return not regions or bool(set(regions) & set(incident.regions))


def evidence(incident: Incident, **extra) -> dict:
    """Every news finding names the incident and quotes the headlines it rests on."""
    found = {"incident": incident.title, "incident_id": incident.id, "kind": incident.kind,
             "severity": incident.severity,
             "headlines": [h.as_dict() for h in incident.headlines[:MAX_HEADLINES]]}
    found.update(extra)
    return found
