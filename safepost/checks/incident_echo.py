"""A post that repeats a distinctive phrase of a story that hurt people ("boots on the ground" on the day
of a war vote, "no survivors" after a crash), or of an attack threatened ("alarm bombowy" the day a
plane was forced down over one), echoes it, wherever its audience is: flagged, and held when it
sells or jokes. The finding shows the headline it echoes."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import IN, active_for, evidence, of_the_stories, relation
from safepost.checks.incident_names import a_venue_named_so, in_another_state, written_as_name
from safepost.model import Finding, Verdict
from safepost.text.frequency import zipf
from safepost.text.matcher import TermError, TermIndex, compile_term

NAME = "incident-echo"
EVERYDAY_PHRASE_WORD = 4.0  # Zipf: a quoted title of words this common is a story's only where written as a name
EVERYDAY_TITLE_WORDS = 2  # a longer title, repeated word for word, names its work whatever its words
QUOTES = "«\"“„‘'"


def _index(incidents) -> TermIndex:
    index = TermIndex()
    for incident in incidents:
        if not (incident.harmed or incident.threatened):
            continue  # nobody hurt and nobody threatened: a phrase of that story is nobody's wound
        for text in incident.phrases:
            try:
                index.add(compile_term(text, incident.language, quoted=True), incident)
            except TermError:
                continue
    return index


def run(ctx: Context) -> Iterable[Finding]:
    index = of_the_stories(ctx, NAME, _index)
    if not index:
        return
    seen = set()
    for match in sorted(index.find(ctx.analysis), key=lambda m: m.start - m.end):
        incident = match.payload
        if incident.id in seen or not active_for(ctx, incident) or _everyday_unless_named(ctx, match) \
                or in_another_state(ctx, match) or a_venue_named_so(ctx, match):
            continue  # "Mount Pleasant, SC" is not the Mount Pleasant of a crash in New York
        if not incident.harmed and relation(ctx, incident) != IN and incident.language != ctx.language:
            # a threat abroad is heard in its own language's news: a plane forced down in Minsk
            # over an "alarm bombowy", told in Polish, is a Warsaw shop's too
            continue
        seen.add(incident.id)
        headline = next((h.title for h in incident.headlines if match.term.lower() in h.title.lower()),
                        incident.title)
        yield Finding(
            f"incident.{incident.kind}.echo", NAME, ladder.level(ctx.rung, Verdict.FLAG),
            f"Echoes '{match.term}' from \"{headline}\": {ctx.rung.describe()}",
            match.text, (match.start, match.end), evidence(incident, term=match.term, echoes=headline))


def _everyday_unless_named(ctx: Context, match) -> bool:
    """A title of everyday words quoted in the news («Два кольори», a song: "two colours") echoes
    the story only where the post writes it as a name (quoted, or capitalised inside a sentence):
    a hoodie "in two colours" sings nothing. A phrase the headlines say in their own voice
    ("boots on the ground") echoes however it is written."""
    term = match.term.lower()
    if len(term.split()) > EVERYDAY_TITLE_WORDS:
        return False  # "Dziwny jest ten świat" word for word is the song, however common its words
    quoted = any(0 < at and title[at - 1] in QUOTES for title in (h.title.lower() for h in match.payload.headlines)
                 for at in (title.find(term),))
    if not quoted or written_as_name(ctx.analysis.text, match):
        return False
    language = match.payload.language
    return all((zipf(word, language) or 0) >= EVERYDAY_PHRASE_WORD for word in term.split())
