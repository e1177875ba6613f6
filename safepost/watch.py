"""What `watch` makes of the incidents it sees, decided without I/O: which are new, which concern
the audience and pause the queue, and the alert that tells the team.

An incident pauses the queue once in its life: when it first reaches the severity threshold in one
of the audience's regions. It pauses only the audience it reaches: posts for its regions, or every
post when its reach is global; a shooting in Denver does not stop a Polish account's posts. A
person who resumed the queue is not overruled five minutes later by the same news. An incident
safepost cannot place (no region from its feed or its headlines) does not pause the queue, as in
the first-hours check: a bus crash on another continent must not stop a brand's posts. It is still
reported as new, so the exit code tells cron a person should look.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from safepost.model import Incident
from safepost.records import EXPIRY_ACTOR, HeldPost, Pause, Scope, SeenPost
from safepost.render import utc_label

MAX_HEADLINES = 5
MAX_DUE = 20  # posts due soon listed in an alert


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
    return (incident.reach == "global" or not regions or "*" in regions
            or bool(set(regions) & set(incident.regions)))


def reached(incident: Incident) -> Scope:
    """The audience an incident reaches: its regions, or everyone while its reach is global."""
    return Scope() if incident.reach == "global" else Scope.of(regions=incident.regions)


def by_audience(incidents: list[Incident]) -> list[tuple[Scope, list[Incident]]]:
    """The incidents grouped by the audience they reach: one pause (and one alert) each."""
    groups: dict[str, tuple[Scope, list[Incident]]] = {}
    for incident in incidents:
        scope = reached(incident)
        groups.setdefault(scope.key(), (scope, []))[1].append(incident)
    return list(groups.values())


def reason(incidents: list[Incident]) -> str:
    extra = len(incidents) - 1
    return describe(incidents[0]) + (f" and {extra} more" if extra else "")


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


def alert(incidents: list[Incident], pause: Pause | None, paused_now: bool, now: datetime,
          resume_command: str, due: list[SeenPost] = (), horizon: int = 60) -> tuple[str, str]:
    """(title, body): what happened, the posts of the audience due within `horizon` minutes (a
    scheduler may fire them before anyone reads this), the headlines it rests on, and how to
    resume. With no pause (the store failed), it says that nothing was paused, so a person pauses
    the scheduler by hand."""
    lead = incidents[0]
    scope = pause.scope.label if pause else reached(lead).label
    held = "every post" if scope == "everything" else f"every post for {scope}"
    if pause is None:
        title = f"safepost could NOT pause the post queue: {lead.title}"
        opening = (f"safepost saw this at {utc_label(now)} but could not record a pause (its store failed): "
                   f"pause {held} in your scheduler by hand.")
    elif paused_now:
        title = f"safepost paused the post queue: {lead.title}"
        opening = f"safepost paused your scheduled posts ({scope}) at {utc_label(now)}."
    else:
        title = f"safepost: new incident while the queue is paused: {lead.title}"
        opening = (f"A new incident came up at {utc_label(now)}. The queue was already paused "
                   f"({pause.window}, by {pause.started_by}: {pause.reason}).")
    lines = [opening, ""]
    if due:
        lines.append(f"{len(due)} posts for this audience are due within {horizon} min: if your scheduler "
                     "publishes them itself, stop them there now:")
        lines += [f"- {post.post_id} ({post.platform}, due {utc_label(post.scheduled_at)})" for post in due[:MAX_DUE]]
        if len(due) > MAX_DUE:
            lines.append(f"- and {len(due) - MAX_DUE} more (safepost status)")
        lines.append("")
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
    lines += [f"Nothing scheduled goes out until a person has looked: `safepost check` holds {held}.",
              "A post that must go out anyway: safepost approve POST_ID --by YOUR-NAME",
              f"When it is safe to post again: {resume_command}"]
    return title, "\n".join(lines)


def ended_alert(pause: Pause, missed: list[HeldPost]) -> tuple[str, str]:
    """(title, body) for a pause that ended: the team must know posts go out again, and which
    ones fell due inside it and wait to be rescheduled (they never go out by themselves)."""
    how = "its --until was reached" if pause.ended_by == EXPIRY_ACTOR else f"resumed by {pause.ended_by}"
    title = f"safepost: the pause of {pause.scope.label} ended: posts go out again"
    lines = [f"Pause {pause.id} ({pause.scope.label}: {pause.reason}) ended at {utc_label(pause.end)}: {how}.",
             f"It ran {pause.window}. From now, `safepost check` judges these posts as usual."]
    if missed:
        lines += ["", f"{len(missed)} posts fell due during it; each is held until it gets a new time or a "
                      "person approves it:"]
        lines += [f"- {held.post_id} ({held.platform}, due {utc_label(held.scheduled_at)})" for held in missed[:MAX_DUE]]
        if len(missed) > MAX_DUE:
            lines.append(f"- and {len(missed) - MAX_DUE} more (safepost status)")
    return title, "\n".join(lines)
