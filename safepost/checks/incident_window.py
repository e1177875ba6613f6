"""The first hours of a severe incident: every scheduled post for the affected audience gets at
least a flag (a person looks before it goes out), and promotional posts are held or flagged by
policy. The advice after Boston 2013: pause what is scheduled, review it, don't cancel it all."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterable

from safepost.checks import Context
from safepost.checks.incident_scope import active_for, evidence, touches_audience
from safepost.model import Finding, Verdict

NAME = "incident-window"


def run(ctx: Context) -> Iterable[Finding]:
    policies = ctx.rulebook.policies
    window = timedelta(hours=policies.first_hours)
    for incident in ctx.incidents:
        if incident.severity < policies.severe_from or not active_for(ctx, incident):
            continue
        if incident.started is None or ctx.post.scheduled_at > incident.started + window:
            continue
        if not touches_audience(ctx, incident, unknown_is_everywhere=False):
            continue
        promotional = ctx.promotional
        level = policies.promotional_during_incident if promotional else Verdict.FLAG
        what = "a promotional post" if promotional else "every post"
        yield Finding(
            f"incident.{incident.kind}.first-hours", NAME, level,
            f"Scheduled within {policies.first_hours} h of \"{incident.title}\" "
            f"(severity {incident.severity}) in your audience's region: {what} needs a person's review",
            evidence=evidence(incident),
        )
        return  # one blanket finding per post is enough; the most severe incident comes first
