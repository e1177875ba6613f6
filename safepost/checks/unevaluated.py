"""Rules that could not be evaluated on a post: a tone pattern the time limit stopped. The check
goes on without the rule, and a person is asked to read the post in its place."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.model import Finding, Verdict

NAME = "unevaluated"


def run(ctx: Context) -> Iterable[Finding]:
    tone = ctx.tone_if_read
    for pattern in tone.unevaluated if tone is not None else ():
        yield Finding(pattern.rule, NAME, Verdict.FLAG,
                      f"Rule {pattern.rule} was not evaluated on this post: its pattern '{pattern.text}' "
                      f"({pattern.where()}) timed out, so a person must read the post",
                      evidence={"pattern": pattern.text, "where": pattern.where(), "timed_out": True})
