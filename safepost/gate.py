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
from safepost.parallel import map_indexes
from safepost.rulebook import Rulebook
from safepost.text import analyze
from safepost.text.detect import detect_language

WARM_UP = 200  # posts checked before forking, so every worker inherits the compiled indexes
POST_CHECKS = (words, replies, platform, incident_words, incident_terms, incident_window, topics, dates)
QUEUE_CHECKS = (platform,)


def choose_language(post: Post, rulebook: Rulebook) -> tuple[str | None, str | None]:
    """The post's language column, else the config default, else detection; with a note when
    nothing in the rulebook speaks it."""
    language = post.language or rulebook.audience.language
    known = rulebook.cached("word-languages", lambda: rulebook.word_languages() - {"any"})
    if not language:
        language = detect_language(post.text, tuple(sorted(known)))
    if language and language not in known:
        return language, (f"no word rules for language '{language}': checked against the news, "
                          "dates and platform limits only")
    if not language:
        return None, "language unknown: checked against the news, dates and platform limits only"
    return language, None


def check(posts: Iterable[Post], incidents: Iterable[Incident], rulebook: Rulebook,
          now: datetime, workers: int = 1) -> list[Decision]:
    """One Decision per post, in order. `workers` > 1 spreads a large queue over processes; the
    result is the same."""
    posts = list(posts)
    incidents = tuple(sorted(incidents, key=lambda i: -i.severity))  # checks cite the worst first
    scope = Scope(rulebook, incidents, now)

    def one(i: int) -> Decision:
        return check_one(i, posts[i], *choose_language(posts[i], rulebook), scope)

    warm = [one(i) for i in range(min(len(posts), WARM_UP))]  # builds the indexes children inherit
    rest = map_indexes(lambda i: one(i + len(warm)), len(posts) - len(warm), workers)
    return with_queue_findings(warm + rest, rulebook)


def check_one(index: int, post: Post, language: str | None, note: str | None, scope: Scope) -> Decision:
    """One post through every per-post check; its analysis is dropped when done."""
    ctx = Context(index, post, language, analyze(post.text, language), scope)
    findings = [finding for module in POST_CHECKS for finding in module.run(ctx)]
    return decide(post, findings, (note,) if note else ())


def with_queue_findings(decisions: list[Decision], rulebook: Rulebook) -> list[Decision]:
    """Checks that compare posts with each other (cross-posting) run on the whole queue."""
    extra: dict[int, list[Finding]] = {}
    posts = [d.post for d in decisions]
    for module in QUEUE_CHECKS:
        for index, finding in module.run_queue(posts, rulebook):
            extra.setdefault(index, []).append(finding)
    for index, findings in extra.items():
        decision = decisions[index]
        decisions[index] = decide(decision.post, [*decision.findings, *findings], decision.notes)
    return decisions


def decide(post: Post, findings: list[Finding], notes: tuple[str, ...] = ()) -> Decision:
    ordered = sorted(findings, key=lambda f: (-f.level, f.span[0] if f.span else -1, f.rule))
    verdict = max((f.level for f in ordered), default=Verdict.PASS)
    return Decision(post, verdict, tuple(ordered), notes)


def annotate(decisions: list[Decision], finding: Finding) -> list[Decision]:
    """Add one run-wide finding to every post (news unavailable, queue paused): the edge knows
    these facts, the core does not."""
    return [decide(d.post, [*d.findings, finding], d.notes) for d in decisions]
