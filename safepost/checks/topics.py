"""Standing sensitive topics: subjects that carry a tragedy for years, checked with no news at
all. "Congrats, you survived the Boston Marathon!" (2017) names the subject and uses a cue."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.model import Finding

NAME = "topics"


def run(ctx: Context) -> Iterable[Finding]:
    subjects, _ = ctx.rulebook.index("topics", ctx.language, "subject")
    if not subjects:
        return
    found = {}
    for match in subjects.find(ctx.analysis):
        found.setdefault(match.payload.id, match)
    if not found:
        return
    cues, _ = ctx.rulebook.index("topics", ctx.language, "cues")
    for cue in cues.find(ctx.analysis):
        topic = cue.payload
        subject = found.pop(topic.id, None)
        if subject is None:
            continue
        yield Finding(
            topic.id, NAME, topic.level,
            topic.message or f"Mentions {topic.name} together with '{cue.text}'",
            cue.text, (cue.start, cue.end),
            {"subject": subject.text, "term": cue.term, "note": topic.note, "source": topic.source},
        )
