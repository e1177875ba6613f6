"""A post that quotes a famous work of someone whose death is in the news ("FIRESTARTER FRIDAY"
the day Keith Flint died, "I will always love you: roses 20% off" the day Whitney Houston died)
cashes in on the death without naming it. On the tone ladder: held when it sells or jokes,
flagged when sincere (a record shop's tribute). A title of one or two everyday words ("Physical",
«Пять минут») counts only where the post writes it as a title: quoted, capitalised inside a
sentence, or in capitals; "a card in five minutes" sings nothing."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import active_for, evidence
from safepost.checks.incident_names import written_as_name
from safepost.model import Finding, Verdict
from safepost.text.frequency import zipf

NAME = "incident-works"
EVERYDAY_WORD = 4.0  # Zipf: a short title of words this common ("Physical") is a title only where written as one
SHORT_TITLE = 2  # words: a longer title, repeated word for word, names its work whatever its words


def run(ctx: Context) -> Iterable[Finding]:
    deaths = {incident.work: incident for incident in ctx.incidents if incident.work and active_for(ctx, incident)}
    if not deaths:
        return
    works, _ = ctx.rulebook.index("works", ctx.language, "works")
    seen = set()
    for match in works.find(ctx.analysis):
        work = match.payload
        incident = deaths.get(work.id)
        if incident is None or work.id in seen or _everyday_unless_a_title(ctx, match):
            continue
        seen.add(work.id)
        yield Finding(
            work.id, NAME, ladder.level(ctx.rung, Verdict.FLAG),
            f"Quotes '{match.text}', a work of {work.person}, whose death is in the news "
            f"(\"{incident.title}\"): {ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, term=match.term, person=work.person))


def _everyday_unless_a_title(ctx: Context, match) -> bool:
    words = match.term.lower().split()
    return len(words) <= SHORT_TITLE and all((zipf(word, ctx.language) or 0) >= EVERYDAY_WORD for word in words) \
        and not written_as_name(ctx.analysis.text, match) and not match.text.isupper()
