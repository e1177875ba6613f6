"""A joke that picks up a word of a deadly story in its audience's news mocks that story, though
the word is an ordinary one: an Oslo taxi's "Lei av bussen? 😉 Vi holder oss på veien" the day
after a bus rolled off the road at Rommen, a baking brand's "da har du nok juksa litt for mye 😂"
the day the TV cook of «Og så har me juksa litt» died. So is a story of an event that harms by
its nature, whenever its victim died: a Moscow tea shop's "guaranteed polonium-free 😉" the day
a British inquiry found Litvinenko's poisoning "probably approved" in Moscow. One shared word is
a coincidence in a sale or a notice (the story-words check asks two uncommon ones), not in a
joke told while people mourn.
Words as common as "today" or "road" are left out, and so are stories abroad: a joke about buses
is not about a bus crash in Peru."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.checks.incident_scope import IN, active_for, evidence, of_the_stories, relation
from safepost.model import Finding, Verdict
from safepost.news.reading import kinds_by_id
from safepost.text import analyze
from safepost.text.frequency import zipf

NAME = "incident-joke"
TOO_COMMON = 5.0  # Zipf: a word this common ("road", "today", "veien") is anyone's
WORD_LETTERS = 3  # "bus", "gun", "car": short words are what many accidents are told in


def run(ctx: Context) -> Iterable[Finding]:
    by_word = of_the_stories(ctx, NAME, lambda incidents: _by_word(incidents, kinds_by_id(ctx.rulebook)))
    if not by_word:
        return
    shared = [(i, incident) for i, token in enumerate(ctx.analysis.tokens) for key in token.keys
              for incident in by_word.get(key, ()) if active_for(ctx, incident) and relation(ctx, incident) == IN]
    if not shared or not ctx.tone.jokes:
        return  # the tone is read last: most posts share no word with a deadly story at home
    i, incident = shared[0]  # one joke is one finding
    token = ctx.analysis.tokens[i]
    written = ctx.analysis.text[token.start:token.end]
    yield Finding(
        f"incident.{incident.kind}.joke", NAME, Verdict.HOLD,
        f"Jokes ('{ctx.tone.jokes.text}') with '{written}' while \"{incident.title}\" is in the news",
        written, (token.start, token.end), evidence(incident, term=written))


def _by_word(incidents, kinds) -> dict[str, list]:
    """The words of three letters or more of the headlines of the stories where someone died (a
    famous person's death among them) or of an event that harms by its nature (a poisoning with
    polonium, whatever year the victim died), the first word too ("Buss kjørte av veien"), less
    the everyday ones, by key, each with its stories."""
    by_word: dict[str, list] = {}
    for incident in incidents:
        harms = any(kinds[kind].harms for kind in incident.kinds if kind in kinds)
        if not (incident.deaths or "death" in incident.kinds or harms) or not incident.harmed or incident.remembered:
            continue
        for headline in incident.headlines:
            for token in analyze(headline.title, incident.language).tokens:
                if len(token.norm) < WORD_LETTERS or not token.norm.isalpha():
                    continue
                for key in token.keys:
                    holders = by_word.setdefault(key, [])
                    fresh = not holders or holders[-1] is not incident
                    if fresh and (zipf(key, incident.language) or 0) < TOO_COMMON:
                        holders.append(incident)
    return {key: holders for key, holders in by_word.items() if holders}
