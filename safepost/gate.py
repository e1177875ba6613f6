"""The gate: posts + incidents + rulebook + now -> one Decision per post. Pure: no I/O, no clock.

Every check sees the same analysed post; a post's verdict is the highest level among its
findings, and no finding means pass.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable

from safepost.checks import (Context, Scope, dates, incident_terms, incident_window, incident_words,
                             platform, replies, topics, words)
from safepost.model import Decision, Finding, Incident, Post, Verdict
from safepost.rulebook import Rulebook
from safepost.text import analyze
from safepost.text.detect import detect_language

POST_CHECKS = (words, replies, platform, incident_words, incident_terms, incident_window, topics, dates)
QUEUE_CHECKS = (platform,)


def choose_language(post: Post, rulebook: Rulebook) -> tuple[str | None, str | None]:
    """The post's language column, else the config default, else detection; with a note when
    nothing in the rulebook speaks it."""
    language = post.language or rulebook.audience.language
    known = rulebook.word_languages() - {"any"}
    if not language:
        language = detect_language(post.text, tuple(sorted(known)))
    if language and language not in known:
        return language, (f"no word rules for language '{language}': checked against the news, "
                          "dates and platform limits only")
    if not language:
        return None, "language unknown: checked against the news, dates and platform limits only"
    return language, None


def build_contexts(posts: Iterable[Post], scope: Scope) -> tuple[list[Context], list[str | None]]:
    contexts, notes = [], []
    for i, post in enumerate(posts):
        language, note = choose_language(post, scope.rulebook)
        contexts.append(Context(i, post, language, analyze(post.text, language), scope))
        notes.append(note)
    return contexts, notes


def check(posts: Iterable[Post], incidents: Iterable[Incident], rulebook: Rulebook,
          now: datetime) -> list[Decision]:
    incidents = tuple(sorted(incidents, key=lambda i: -i.severity))  # checks cite the worst first
    contexts, notes = build_contexts(posts, Scope(rulebook, incidents, now))
    findings: list[list[Finding]] = [[] for _ in contexts]
    for ctx in contexts:
        for module in POST_CHECKS:
            findings[ctx.index].extend(module.run(ctx))
    for module in QUEUE_CHECKS:
        for index, finding in module.run_queue(contexts):
            findings[index].append(finding)
    return [decide(ctx.post, findings[ctx.index], (notes[ctx.index],) if notes[ctx.index] else ())
            for ctx in contexts]


def decide(post: Post, findings: list[Finding], notes: tuple[str, ...] = ()) -> Decision:
    ordered = sorted(findings, key=lambda f: (-f.level, f.span[0] if f.span else -1, f.rule))
    verdict = max((f.level for f in ordered), default=Verdict.PASS)
    return Decision(post, verdict, tuple(ordered), notes)


def annotate(decisions: list[Decision], finding: Finding) -> list[Decision]:
    """Add one run-wide finding to every post (news unavailable, queue paused): the edge knows
    these facts, the core does not."""
    return [decide(d.post, [*d.findings, finding], d.notes) for d in decisions]
