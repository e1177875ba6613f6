"""Risky words and phrases from the rulebook: profanity, insults, innuendo, drugging, slurs."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.model import Finding, Verdict
from safepost.rulebook.words import WordRule
from safepost.text.matcher import Match

NAME = "words"


def word_finding(rule: WordRule, match: Match, check: str, level: Verdict, prefix: str = "") -> Finding:
    evidence = {"term": match.term, "category": rule.category}
    if rule.note:
        evidence["note"] = rule.note
    if rule.source:
        evidence["source"] = rule.source
    return Finding(rule.id, check, level, prefix + rule.message, match.text, (match.start, match.end),
                   evidence)


def run(ctx: Context) -> Iterable[Finding]:
    is_reply = bool(ctx.post.reply_to)
    for match in ctx.word_matches:
        rule: WordRule = match.payload
        if rule.replies_only or (is_reply and rule.in_reply is not None):
            continue  # the replies check speaks for these
        yield word_finding(rule, match, NAME, rule.level)
