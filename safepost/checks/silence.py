"""A minute's silence at a given time: "Nation asked to observe a minute's silence at 3pm as the
funeral begins", «saat 12:00-da ... bir dəqiqəlik sükutla yad ediləcək». A post that goes out on
that minute in the country that keeps it ("IT'S 3 O'CLOCK AND THE PARTY STARTS NOW", a flash
sale at 12:00), or that calls people to something at that time the same day, breaks the silence,
whatever it names. On the tone ladder: selling, joking or swearing is held, anything else is
flagged. A post that speaks of the silence itself keeps it, and is left to the other checks."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterable

from safepost.calendar import audience_zones
from safepost.checks import Context, ladder
from safepost.checks.incident_scope import evidence, kept_by
from safepost.model import Finding, Silence, Verdict
from safepost.news.reading import lexicon_index
from safepost.text.clock import clock_times

NAME = "silence"
AROUND = timedelta(minutes=15)  # a post this close to the minute is read during it


def run(ctx: Context) -> Iterable[Finding]:
    for incident in ctx.scope.cached(NAME, lambda: [i for i in ctx.incidents if i.silences]):
        if not kept_by(ctx, incident):
            continue
        found = _breaks(ctx, incident.silences)
        if found is None:
            continue
        silence, how = found
        if lexicon_index(ctx.rulebook, ctx.language or "", "silence").find(ctx.analysis):
            return  # "at 12:00 our cafe falls silent too": it keeps the silence
        level = ladder.level(ctx.rung, Verdict.FLAG)
        yield Finding(
            f"incident.{incident.kind}.silence", NAME, level,
            f"{how} {silence.at:%H:%M} on {silence.at.day} {silence.at:%B}, the silence of \"{silence.headline}\": "
            f"{ctx.rung.describe()}",
            evidence=evidence(incident, silence=silence.headline, at=silence.at.strftime("%H:%M")))
        return


def _breaks(ctx: Context, silences: tuple[Silence, ...]) -> tuple[Silence, str] | None:
    """The silence the post lands on, in its audience's time, or calls people to: a post at 9:00
    for "the party starts at 3pm" on the day the country falls silent at 3pm."""
    for _, zone in audience_zones(ctx.post, ctx.rulebook.audience):
        local = ctx.post.scheduled_at.astimezone(zone).replace(tzinfo=None)
        for silence in silences:
            if abs(local - silence.at) <= AROUND:
                return silence, "Scheduled at"
            if local.date() == silence.at.date() and local < silence.at \
                    and silence.at.time() in ctx.memo(NAME, lambda: clock_times(ctx.post.text)):
                return silence, "Calls people to"
    return None
