"""A post that picks up two uncommon words of a story that hurt people within its audience's
reach (at home, or anywhere in a mass-casualty event's first day, even one the news tells only
in follow-ups) tells that story again in other words than its headlines' phrases: a pressure
cooker with "no nails" the morning after a bus bomb, "you don't need to hijack an ambulance" the
day one was hijacked, a "mine party" in Baku with miners' helmets the morning after Soma. Held
when it jokes or sells, flagged when sincere; an ordinary post is left alone, and one shared
word is a coincidence."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import IN, UNPLACED, active_for, evidence, news_everywhere, of_the_stories, relation
from safepost.model import Finding

NAME = "incident-story-words"
SHARED = 2  # uncommon words of one story a post must share with it


def run(ctx: Context) -> Iterable[Finding]:
    by_word = of_the_stories(ctx, NAME, _by_word)
    if not by_word:
        return
    found: dict[str, set[int]] = {}  # incident id -> the post's tokens that carry its words
    incidents = {}
    for i, token in enumerate(ctx.analysis.tokens):
        for key in token.keys:
            for incident in by_word.get(key, ()):
                found.setdefault(incident.id, set()).add(i)
                incidents[incident.id] = incident
    for incident_id, positions in found.items():
        incident = incidents[incident_id]
        if len(positions) < SHARED or not active_for(ctx, incident) \
                or relation(ctx, incident) not in (IN, UNPLACED) and not news_everywhere(ctx, incident) \
                or ctx.rung.name == "neutral":
            continue  # the tone is read last: most posts share no two words with any story
        tokens = sorted(positions)
        first, last = ctx.analysis.tokens[tokens[0]], ctx.analysis.tokens[tokens[-1]]
        written = [ctx.analysis.text[ctx.analysis.tokens[i].start:ctx.analysis.tokens[i].end] for i in tokens]
        yield Finding(
            f"incident.{incident.kind}.story-words", NAME, ladder.level(ctx.rung, None),
            f"Tells \"{incident.title}\" again in its own words ({', '.join(written)}): {ctx.rung.describe()}",
            ", ".join(written), (first.start, last.end),
            evidence(incident, words=[w for w in incident.words if any(w in ctx.analysis.tokens[i].keys for i in tokens)]))
        return


def _by_word(incidents) -> dict[str, list]:
    """The uncommon words of the stories that hurt people, each with its stories."""
    by_word: dict[str, list] = {}
    for incident in incidents:
        if incident.harmed and incident.severity >= 3:
            for word in incident.words:
                by_word.setdefault(word, []).append(incident)
    return by_word
