"""The tone ladder: one policy wherever a post meets a sensitive event (an incident in the news,
a remembrance day, a standing tragedy), so that dates and news never disagree.

  1. promotional, joking, mocking or profane -> hold
  2. sincere (condolence, closure, help, remembrance, "no promotions today") -> flag
  3. anything else -> what the event itself asks (its reach, its first hours, its day's policy)

Selling beats sincerity: "In honor of Boston, may we suggest our scones" is a promotion.
"""
from __future__ import annotations

from dataclasses import dataclass

from safepost.model import Verdict
from safepost.text.tone import Cue

LIGHT = ("promotional", "joking", "profane")
PROFANE_CATEGORIES = ("profanity", "insult", "slur", "attack")


@dataclass(frozen=True)
class Rung:
    name: str  # promotional | joking | profane | sincere | neutral
    cue: Cue | None = None

    @property
    def light(self) -> bool:
        return self.name in LIGHT

    def describe(self) -> str:
        said = f" ('{self.cue.text}')" if self.cue else ""
        return {"promotional": f"a promotional post{said}", "joking": f"a joking post{said}",
                "profane": f"a post that swears or insults{said}",
                "sincere": f"a sincere message{said}, but a person should read it",
                "neutral": "an ordinary post"}[self.name]


def read_rung(tone, word_matches) -> Rung:
    """The post's place on the ladder from its tone cues and the word rules it met."""
    if tone.promotional:
        return Rung("promotional", tone.promotional)
    if tone.joking:
        return Rung("joking", tone.joking)
    profane = next((m for m in word_matches if m.payload.category in PROFANE_CATEGORIES), None)
    if profane:
        return Rung("profane", Cue(profane.text, profane.start, profane.end))
    if tone.sincere or tone.declined:
        return Rung("sincere", tone.sincere or tone.declined)
    return Rung("neutral")


def level(rung: Rung, neutral: Verdict | None) -> Verdict | None:
    """The ladder's verdict: light -> hold, sincere -> flag, neutral -> the event's own."""
    if rung.light:
        return Verdict.HOLD
    if rung.name == "sincere":
        return Verdict.FLAG
    return neutral
