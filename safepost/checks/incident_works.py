"""A post that quotes a famous work of someone whose death is in the news ("FIRESTARTER FRIDAY"
the day Keith Flint died, "I will always love you: roses 20% off" the day Whitney Houston died)
cashes in on the death without naming it. On the tone ladder: held when it sells or jokes,
flagged when sincere (a record shop's tribute). A title of one or two everyday words ("Physical",
«Пять минут») counts only where the post writes it as a title: quoted, capitalised inside a
sentence, or in capitals; "a card in five minutes" sings nothing, and an ordinary post's "no
reservations needed" is a diner's, not the show's."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import active_for, evidence
from safepost.checks.incident_names import tagged_or_quoted, written_as_name
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
    """A short title the post does not write as one is its everyday words: "Physical" always, and
    "No reservations needed — walk-ins welcome" in a diner's ordinary post the day the host of "No
    Reservations" died. Selling or joking with a phrase of rarer words is playing on it; a single
    rare word ("Excelsior") is the work itself."""
    words = match.term.lower().split()
    if len(words) > SHORT_TITLE or _written_as_title(ctx.analysis.text, match):
        return False
    return all((zipf(word, ctx.language) or 0) >= EVERYDAY_WORD for word in words) \
        or len(words) > 1 and ctx.rung.name == "neutral"


def _written_as_title(text: str, match) -> bool:
    """Quoted, tagged, in capitals, or capitalised the way the title is: "No reservations" after
    an emoji keeps the lower case of everyday words, "No Reservations" the title's."""
    if match.text.isupper() or tagged_or_quoted(text, match):
        return True
    later = list(zip(match.text.split()[1:], match.term.split()[1:]))
    cased_alike = all(written[:1].isupper() == titled[:1].isupper() for written, titled in later)
    # a capital inside the title is the title's, wherever the title stands: "🛋️ Velvet Ashtray"
    return cased_alike and (written_as_name(text, match) or any(written[:1].isupper() for written, _ in later))
