"""A post that picks up two uncommon words of a story that hurt people at home tells that story
again in other words than its headlines' phrases: a pressure cooker with "no nails" the morning
after a bus bomb, "you don't need to hijack an ambulance" the day one was hijacked. Held when it
jokes or sells, flagged when sincere; an ordinary post is left alone, and one shared word is a
coincidence."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.checks.incident_scope import IN, REACHED, UNPLACED, active_for, evidence, relation
from safepost.model import Finding

NAME = "incident-story-words"
SHARED = 2  # uncommon words of one story a post must share with it


def run(ctx: Context) -> Iterable[Finding]:
    if not ctx.incidents or ctx.rung.name == "neutral":
        return
    keys = {key: i for i, token in enumerate(ctx.analysis.tokens) for key in token.keys}
    for incident in ctx.incidents:
        if not incident.harmed or incident.severity < 3 or not active_for(ctx, incident):
            continue
        shared = [word for word in incident.words if word in keys]
        tokens = sorted({keys[word] for word in shared})  # one word of the post counts once, whatever its forms
        if len(tokens) < SHARED or relation(ctx, incident) not in (IN, REACHED, UNPLACED):
            continue
        first, last = ctx.analysis.tokens[tokens[0]], ctx.analysis.tokens[tokens[-1]]
        written = [ctx.analysis.text[ctx.analysis.tokens[i].start:ctx.analysis.tokens[i].end] for i in tokens]
        yield Finding(
            f"incident.{incident.kind}.story-words", NAME, ladder.level(ctx.rung, None),
            f"Tells \"{incident.title}\" again in its own words ({', '.join(written)}): {ctx.rung.describe()}",
            ", ".join(written), (first.start, last.end), evidence(incident, words=shared))
        return
