"""Replies to customers: an insult, profanity or sarcasm aimed at a person is held.

A brand answering one customer is read by everyone; the restaurant that called a reviewer an
idiot on its Facebook page became the story. Word rules say how they count in a reply
(`in_reply:`), and some rules only make sense in a reply (`replies_only: true`). A mild curse in
a reply that owns up to the brand's own slip ("Cholera, nasza wina 🙈") is aimed at the brand:
it passes; a strong one does not.
"""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.checks.words import read_as, word_finding
from safepost.model import Finding

NAME = "replies"


def run(ctx: Context) -> Iterable[Finding]:
    if not ctx.post.reply_to:
        return
    for match in ctx.word_matches:
        rule = match.payload
        level = rule.in_reply or (rule.level if rule.replies_only else None)
        if level is not None and rule.grade == "mild" and ctx.tone.owning_up:
            continue  # "Crap, you caught us 🙈", «Чёрт, наш косяк»: the brand swears at its own slip
        if level is not None:
            yield word_finding(rule, match, NAME, level, prefix=f"In a reply to {ctx.post.reply_to}: ",
                               read_as=read_as(ctx, match))
