"""A post that repeats a distinctive phrase of a story that hurt people ("boots on the ground" on the day
of a war vote, "no survivors" after a crash) echoes it, wherever its audience is: flagged, and
held when it sells or jokes. The finding shows the headline it echoes."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import active_for, evidence
from safepost.model import Finding, Verdict
from safepost.text.matcher import TermError, TermIndex, compile_term

NAME = "incident-echo"


def _index(incidents) -> TermIndex:
    index = TermIndex()
    for incident in incidents:
        if not incident.harmed:
            continue  # nobody hurt: a phrase of that story is nobody's wound
        for text in incident.phrases:
            try:
                index.add(compile_term(text, incident.language, quoted=True), incident)
            except TermError:
                continue
    return index


def run(ctx: Context) -> Iterable[Finding]:
    if not ctx.incidents:
        return
    index = ctx.scope.cached(NAME, lambda: _index(ctx.incidents))
    if not index:
        return
    seen = set()
    for match in sorted(index.find(ctx.analysis), key=lambda m: m.start - m.end):
        incident = match.payload
        if incident.id in seen or not active_for(ctx, incident):
            continue
        seen.add(incident.id)
        headline = next((h.title for h in incident.headlines if match.term.lower() in h.title.lower()),
                        incident.title)
        yield Finding(
            f"incident.{incident.kind}.echo", NAME, ladder.level(ctx.rung, Verdict.FLAG),
            f"Echoes '{match.term}' from \"{headline}\": {ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, term=match.term, echoes=headline))
