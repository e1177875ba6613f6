"""Sensitive dates: a post scheduled on a remembrance day or anniversary in its audience's region.

Some days need no news feed to be dangerous (1 August in Poland, 22 July in Norway, 11 September
in the US). What a day asks is in its rule: every post looked at, promotional posts held, posts
naming the day's subject looked at, and held when they sell or joke. The day is the
audience's day: see safepost/calendar.py for how the time zone is chosen.
"""
from __future__ import annotations

from typing import Iterable

from safepost.calendar import Hit, day_text, describe, hits, relation
from safepost.checks import Context, ladder
from safepost.checks.incident_words import kind_words
from safepost.model import Finding, Verdict
from safepost.text.matcher import TermIndex, compile_term
from safepost.text.months import written_days
from safepost.text.tone import Cue

NAME = "dates"


Reason = tuple[Verdict, str, Cue | None]  # level, why, the words to underline


def run(ctx: Context) -> Iterable[Finding]:
    found = hits(ctx.post, ctx.rulebook)
    if not found:
        return
    mentions = topic_index(ctx).find(ctx.analysis)
    for hit in found:
        rule = hit.occurrence.rule
        mention = next((Cue(m.text, m.start, m.end) for m in mentions if m.payload is rule), None) \
            or (_day_written(ctx, hit.occurrence.day) if ctx.rung.light else None)
        # "bomb", "shots": on the anniversary of such an event they hurt as on its day
        echo = next((Cue(m.text, m.start, m.end) for m in kind_words(ctx) if m.payload.id in rule.kinds),
                    None) if rule.kinds else None
        reasons = asked(rule.asks, ctx.rung, mention, echo)
        if reasons:
            yield date_finding(hit, reasons)


def asked(asks, rung: ladder.Rung, mention: Cue | None, echo: Cue | None = None) -> list[Reason]:
    """What the day asks of this post, on the tone ladder: a post naming the day is held when it
    sells, jokes or swears (never above the day's `hooks`), flagged when sincere, else meets the
    day's `mentions` policy (never above it); a light post that does not name it meets the day's
    `promotional` policy."""
    reasons: list[Reason] = []
    if asks.every_post:
        reasons.append((asks.every_post, "a person should read every post on this day", None))
    if rung.light and asks.promotional:
        reasons.append((asks.promotional, rung.describe(), rung.cue))
    told = rung.light and asks.promotional  # the tone is already a reason of its own
    most = asks.hooks if rung.light else asks.mentions
    if mention and most:
        level = min(ladder.level(rung, asks.mentions), most)
        reasons.append((level, f"the post names '{mention.text}'" + ("" if told else f", {rung.describe()}"), mention))
    if echo and most:
        level = min(ladder.level(rung, Verdict.FLAG), most)
        reasons.append((level, f"'{echo.text}' echoes what happened that day" + ("" if told else f", {rung.describe()}"),
                        echo))
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


def _day_written(ctx: Context, day) -> Cue | None:
    """The day itself written in the post ("1 sierpnia: ceny w dół!"): in a post that sells or
    jokes it names the day's event as a hook; in a closing notice it is only a date."""

    def build() -> TermIndex:
        index = TermIndex()
        for text in written_days(day, ctx.language):
            index.add(compile_term(text, ctx.language), day)
        return index

    index = ctx.rulebook.cached(("written-day", ctx.language, day.month, day.day), build)
    return next((Cue(m.text, m.start, m.end) for m in index.find(ctx.analysis)), None)


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
