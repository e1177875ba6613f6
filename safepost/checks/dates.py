"""Sensitive dates: a post scheduled on a remembrance day or anniversary in its audience's region.

Some days need no news feed to be dangerous (1 August in Poland, 22 July in Norway, 11 September
in the US). What a day asks is in its rule: every post looked at, promotional posts held, posts
naming the day's subject held unless they are sincere. The day is the audience's day: see
safepost/calendar.py for how the time zone is chosen.
"""
from __future__ import annotations

from typing import Iterable

from safepost.calendar import Hit, day_text, describe, hits, relation
from safepost.checks import Context
from safepost.model import Finding, Verdict
from safepost.text.matcher import TermIndex
from safepost.text.tone import Cue, cues_for, promotional_cue, sincere_cue

NAME = "dates"


Reason = tuple[Verdict, str, Cue | None]  # level, why, the words to underline


def run(ctx: Context) -> Iterable[Finding]:
    found = hits(ctx.post, ctx.rulebook)
    if not found:
        return
    cues = cues_for(ctx.rulebook, ctx.language)
    promotion = promotional_cue(ctx.analysis, cues)
    sincere = sincere_cue(ctx.analysis, cues) is not None
    mentions = topic_index(ctx).find(ctx.analysis)
    for hit in found:
        rule = hit.occurrence.rule
        mention = next((Cue(m.text, m.start, m.end) for m in mentions if m.payload is rule), None)
        reasons = asked(rule.asks, promotion, mention, sincere)
        if reasons:
            yield date_finding(hit, reasons)


def asked(asks, promotion: Cue | None, mention: Cue | None, sincere: bool) -> list[Reason]:
    """What the day asks of this post: a sincere tone excuses naming the day, not selling on it."""
    reasons: list[Reason] = []
    if asks.every_post:
        reasons.append((asks.every_post, "a person should read every post on this day", None))
    if promotion and asks.promotional:
        reasons.append((asks.promotional, f"promotional post ('{promotion.text}')", promotion))
    if mention and asks.mentions and (promotion or not sincere):
        reasons.append((asks.mentions, f"the post mentions '{mention.text}'", mention))
    return reasons


def date_finding(hit: Hit, reasons: list[Reason]) -> Finding:
    occurrence = hit.occurrence
    rule = occurrence.rule
    level = max(r[0] for r in reasons)
    top = [(text, cue) for lvl, text, cue in reasons if lvl == level]
    reason = "; ".join(text for text, _ in top)
    cue = next((c for _, c in top if c), None)
    where = f" in {hit.region}" if hit.region else ""
    message = (f"{day_text(hit.local.date())} {relation(occurrence, hit.local.date())} "
               f"{describe(occurrence)}{where}: {reason}")
    evidence = {"name": rule.name, "date": occurrence.day.isoformat(),
                "local_time": hit.local.isoformat(), "timezone": str(hit.local.tzinfo),
                "region": hit.region, "reasons": [text for _, text, _ in reasons]}
    if occurrence.anniversary:
        evidence["anniversary"] = occurrence.anniversary
    if rule.note:
        evidence["note"] = rule.note
    if rule.source:
        evidence["source"] = rule.source
    return Finding(rule.id, NAME, min(level, rule.level), message, cue.text if cue else "",
                   (cue.start, cue.end) if cue else None, evidence)


def topic_index(ctx: Context) -> TermIndex:
    """The date rules' subject terms for the post's language (all languages when unknown)."""

    def build() -> TermIndex:
        index = TermIndex()
        for rule in ctx.rulebook.date_rules:
            for language, terms in rule.terms.items():
                if ctx.language is None or language in (ctx.language, "any"):
                    for term in terms:
                        index.add(term, rule)
        return index

    return ctx.rulebook.cached(("date-topics", ctx.language), build)
