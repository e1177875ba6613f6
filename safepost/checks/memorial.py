"""A sale in someone's memory: a post that sells and, in the same breath, remembers the dead
("white roses 20% off, in memory of the hit", "RIP Carrie Fisher, best buns in the galaxy" with a
shop link) turns a death into a sales hook, whatever the news says that day: held, as the tone
ladder holds any post that sells on a tragedy."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.checks.incident_scope import active_for, evidence
from safepost.model import Finding, Verdict

NAME = "memorial"


def run(ctx: Context) -> Iterable[Finding]:
    tone = ctx.tone
    if not (tone.memorial and tone.promotional):
        return
    found = {"promotional": tone.promotional.text, "memorial": tone.memorial.text}
    deaths = [i for i in ctx.incidents if ("death" in (i.kinds or (i.kind,)) or i.remembered) and active_for(ctx, i)]
    # the one remembered is most likely a person who died (not a bus crash's toll), else what the
    # news remembers today (a deportation eighty years ago), and lately
    death = max(deaths, key=lambda i: (i.kind == "death", i.remembered, i.started.timestamp() if i.started else 0),
                default=None)
    news = f", while \"{death.title}\" is in the news" if death else ""
    yield Finding(
        "tone.memorial-promotion", NAME, Verdict.HOLD,
        f"Sells ('{tone.promotional.text}') in someone's memory ('{tone.memorial.text}'){news}: "
        "a death as a sales hook reads as exploiting grief",
        tone.memorial.text, (tone.memorial.start, tone.memorial.end), evidence(death, **found) if death else found)
