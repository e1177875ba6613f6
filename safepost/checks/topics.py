"""Standing sensitive topics, checked with no news at all: tragedies whose names hurt all year
(9/11 and the Twin Towers, Katyń, Khojaly, Utøya) and subjects that carry one (the Boston
Marathon). "What better way to remember 9/11 than with a Twin Towers sale?" names one to sell;
"Congrats, you survived the Boston Marathon!" names one next to a word that hurts (a cue). A
bare name that is an ordinary word alone (Katrina, Estonia) names the tragedy when the post
compares with it to sell or joke: "hits harder than Katrina", "this boat won't sink like
Estonia"; "Доставка не в Бородянку" only tells a route."""
from __future__ import annotations

from typing import Iterable

from safepost.checks import Context, ladder
from safepost.model import Finding, Verdict
from safepost.news.reading import lexicon_of
from safepost.text.matcher import Match

NAME = "topics"


def run(ctx: Context) -> Iterable[Finding]:
    subjects, _ = ctx.rulebook.index("topics", ctx.language, "subject")
    if not subjects:
        return
    found = {}
    for match in subjects.find(ctx.analysis):
        found.setdefault(match.payload.id, match)
    compared = _compared_with(ctx)
    if compared and ctx.rung.light:
        for match in compared:
            found.setdefault(match.payload.id, match)
    if not found:
        return
    cues, _ = ctx.rulebook.index("topics", ctx.language, "cues")
    cued = {}
    for cue in cues.find(ctx.analysis) if cues else ():
        cued.setdefault(cue.payload.id, cue)
    for topic_id, subject in found.items():
        topic = subject.payload
        cue = cued.get(topic_id)
        if cue is not None:
            yield Finding(topic.id, NAME, topic.level,
                          topic.message or f"Mentions {topic.name} together with '{cue.text}'",
                          cue.text, (cue.start, cue.end), _evidence(topic, subject, cue.term))
        elif not topic.cues:
            level = min(ladder.level(ctx.rung, Verdict.FLAG), topic.level)
            yield Finding(topic.id, NAME, level,
                          f"Names {topic.name} ('{subject.text}'): {ctx.rung.describe()}",
                          subject.text, (subject.start, subject.end), _evidence(topic, subject, subject.term))


def _compared_with(ctx: Context) -> list[Match]:
    """Topics' bare names written as what the post compares with: a comparing word one or two
    words before the name ("than", "не", "som") or right after it ("kimi"), or three before it
    when the name follows a preposition of place ("flyr ikke inn i Torghatten", "густа, як пульпа
    на Куренівці")."""
    names, _ = ctx.rulebook.index("topics", ctx.language, "names")
    if not names:
        return []
    before, after = ctx.rulebook.cached(("comparing", ctx.language), lambda: _comparing_words(ctx.rulebook, ctx.language))
    lexicon = lexicon_of(ctx.rulebook, ctx.language) if ctx.language else None
    locatives = lexicon.locatives if lexicon else frozenset()
    tokens = ctx.analysis.tokens

    def compared(match: Match) -> bool:
        reach = 3 if match.first and tokens[match.first - 1].norm in locatives else 2
        return (any(t.norm in before for t in tokens[max(0, match.first - reach):match.first])
                or any(t.norm in after for t in tokens[match.last:match.last + 1]))

    return [match for match in names.find(ctx.analysis) if compared(match)]


def _comparing_words(rulebook, language: str | None) -> tuple[frozenset[str], frozenset[str]]:
    rules = [rule for rule in rulebook.rules("tone") if rule.language in (language, "any")]
    return (frozenset(word for rule in rules for word in rule.comparing),
            frozenset(word for rule in rules for word in rule.comparing_after))


def _evidence(topic, subject, term: str) -> dict:
    return {"subject": subject.text, "term": term, "topic": topic.name, "note": topic.note,
            "source": topic.source}
