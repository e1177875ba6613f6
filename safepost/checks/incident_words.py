"""Words that hurt while a tragedy is in the news: "shooters" during a shooting, "DA BOMB" after a
bombing, "Взрыв скидок" on the day of a deadly explosion. The vocabularies live in the rulebook
per incident kind and language; any such word in a post scheduled while the incident is active
is held, and the finding quotes the headlines."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, matches_without_exceptions
from safepost.checks.incident_scope import active_for, evidence, touches_audience
from safepost.model import Finding

NAME = "incident-words"


def run(ctx: Context) -> Iterable[Finding]:
    relevant = [i for i in ctx.incidents if active_for(ctx, i) and touches_audience(ctx, i, True)]
    if not relevant:
        return
    terms, exceptions = ctx.rulebook.index("incident_kinds", ctx.language, "vocabulary",
                                           "vocabulary_exceptions")
    if not terms:
        return
    by_kind = {}
    for incident in relevant:  # most severe first: the gate sorts incidents that way
        by_kind.setdefault(incident.kind, incident)
    for match in matches_without_exceptions(terms, exceptions, ctx.analysis):
        kind = match.payload
        incident = by_kind.get(kind.id)
        if incident is None or incident.severity < kind.min_severity:
            continue
        yield Finding(
            f"incident.{kind.id}.vocabulary", NAME, kind.level,
            f"'{match.text}' during an active {kind.name}: \"{incident.title}\"",
            match.text, (match.start, match.end),
            evidence(incident, term=match.term, note=kind.note, source=kind.source),
        )
