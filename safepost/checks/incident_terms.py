"""A post that mentions what an active incident is about (#Aurora, Boston, #notguilty) collides
with it: held when promotional or light, flagged when sincere (a person should still read it).
The shop that read the trending #Aurora as its dress hashtag is the case this exists for."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.checks.incident_scope import active_for, evidence
from safepost.model import Finding, Verdict
from safepost.text.matcher import TermError, TermIndex, compile_term

NAME = "incident-terms"


# Names are matched through a lemmatiser (Казани ~ Казань) but never through a stemmer: the
# Norwegian stem of "Bergen" is "berg", a mountain; Azerbaijani has neither.
NAME_FORMS = ("en", "ru", "uk", "pl")


def _index(incidents) -> TermIndex:
    index = TermIndex()
    for incident in incidents:
        language = incident.language if incident.language in NAME_FORMS else None
        for text in incident.terms:
            try:
                index.add(compile_term(text, language), incident)
            except TermError:
                continue  # a term with nothing to match (punctuation from a headline)
    return index


def run(ctx: Context) -> Iterable[Finding]:
    if not ctx.incidents:
        return
    index = ctx.scope.cached(NAME, lambda: _index(ctx.incidents))
    seen = set()
    for match in index.find(ctx.analysis):
        incident = match.payload
        if incident.id in seen or not active_for(ctx, incident):
            continue
        seen.add(incident.id)
        sincere = ctx.sincere and not ctx.promotional
        level = Verdict.FLAG if sincere else Verdict.HOLD
        tone = "a sincere message, but a person should read it" if sincere else "in a promotional or light post"
        yield Finding(
            f"incident.{incident.kind}.mention", NAME, level,
            f"Mentions '{match.term}', which is what \"{incident.title}\" is about: {tone}",
            match.text, (match.start, match.end), evidence(incident, term=match.term),
        )
