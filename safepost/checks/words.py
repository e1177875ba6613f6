"""Risky words and phrases from the rulebook: profanity, insults, innuendo, drugging, slurs."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context
from safepost.model import Finding, Verdict
from safepost.rulebook.words import WordRule
from safepost.text.matcher import Match

NAME = "words"


def word_finding(rule: WordRule, match: Match, check: str, level: Verdict, prefix: str = "",
                 read_as: str = "") -> Finding:
    evidence = {"term": match.term, "category": rule.category}
    if rule.grade:
        evidence["grade"] = rule.grade
    if rule.iab:
        evidence["iab"] = rule.iab
    message = prefix + rule.message
    if read_as:
        evidence["read_as"] = read_as
        message += f" ('{' '.join(match.text.split())}' read as '{read_as}')"  # one line, if broken over two
    if rule.note:
        evidence["note"] = rule.note
    if rule.source:
        evidence["source"] = rule.source
    return Finding(rule.id, check, level, message, match.text, (match.start, match.end), evidence)


def read_as(ctx: Context, match: Match) -> str:
    """What a dodge in the match was read as ("f*ck" -> "fuck"), or "" when none was undone."""
    tokens = [t for t in ctx.analysis.tokens if match.start <= t.start and t.end <= match.end]
    return " ".join(t.norm for t in tokens) if any(t.dodged for t in tokens) else ""


def run(ctx: Context) -> Iterable[Finding]:
    is_reply = bool(ctx.post.reply_to)
    for match in ctx.word_matches:
        rule: WordRule = match.payload
        if rule.replies_only or (is_reply and rule.in_reply is not None):
            continue  # the replies check speaks for these
        yield word_finding(rule, match, NAME, rule.level, read_as=read_as(ctx, match))
