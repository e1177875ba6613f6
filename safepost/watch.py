"""What `watch` makes of the incidents it sees, decided without I/O: which are new, which concern
the audience and pause the queue, and the alert that tells the team.

An incident pauses the queue once in its life: when it first reaches the severity threshold in one
of the audience's regions. A person who resumed the queue is not overruled five minutes later by
the same news. An incident safepost cannot place (no region from its feed or its headlines) does
not pause the queue, as in the first-hours check: a bus crash on another continent must not stop
a brand's posts. It is still reported as new, so the exit code tells cron a person should look.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from safepost.model import Incident
from safepost.records import Pause
from safepost.render import utc_label

MAX_HEADLINES = 5


@dataclass(frozen=True)
class Sighting:
    """An incident of this run, and whether the store knew it already."""

    incident: Incident
    known: bool
    paused_before: bool  # it has paused (or joined a pause of) the queue once already


@dataclass
class Plan:
    new: list[Incident] = field(default_factory=list)  # severe enough and not seen before
    pause_for: list[Incident] = field(default_factory=list)  # in the audience's regions, never paused for
    elsewhere: list[Incident] = field(default_factory=list)  # new, but not (or not yet) in those regions


def severe(incidents: Iterable[Incident], threshold: int) -> list[Incident]:
    return [incident for incident in incidents if incident.severity >= threshold]


def touches(incident: Incident, regions: tuple[str, ...]) -> bool:
    if not incident.regions:
        return False
    return not regions or "*" in regions or bool(set(regions) & set(incident.regions))


def plan(sightings: Iterable[Sighting], regions: tuple[str, ...]) -> Plan:
    result = Plan()
    for sighting in sightings:
        incident = sighting.incident
        if not sighting.known:
            result.new.append(incident)
        if touches(incident, regions):
            if not sighting.paused_before:
                result.pause_for.append(incident)
        elif not sighting.known:
            result.elsewhere.append(incident)
    return result


def describe(incident: Incident) -> str:
    where = ", ".join(incident.regions) or "region unknown"
    return f"{incident.title} ({incident.kind}, severity {incident.severity}, {where})"


def alert(incidents: list[Incident], pause: Pause, paused_now: bool, now: datetime,
          resume_command: str) -> tuple[str, str]:
    """(title, body): what happened, the headlines it rests on, and how to resume."""
    lead = incidents[0]
    if paused_now:
        title = f"safepost paused the post queue: {lead.title}"
        opening = f"safepost paused your scheduled posts at {utc_label(now)}."
    else:
        title = f"safepost: new incident while the queue is paused: {lead.title}"
        opening = (f"A new incident came up at {utc_label(now)}. The queue was already paused "
                   f"({pause.window}, by {pause.started_by}: {pause.reason}).")
    lines = [opening, ""]
    for incident in incidents:
        lines.append(f"Why: {describe(incident)}")
        lines.append("Headlines:")
        for headline in incident.headlines[:MAX_HEADLINES]:
            source = f"{headline.source}, " if headline.source else ""
            published = utc_label(headline.published) if headline.published else "undated"
            lines.append(f"- {headline.title} ({source}{published}) {headline.link}".rstrip())
        if not incident.headlines:
            lines.append("- (entered by hand in the rulebook)")
        lines.append("")
    lines += ["Nothing scheduled goes out until a person has looked: `safepost check` holds every post.",
              "A post that must go out anyway: safepost approve POST_ID --by YOUR-NAME",
              f"When it is safe to post again: {resume_command}"]
    return title, "\n".join(lines)
