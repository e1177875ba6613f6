"""The gate: posts + incidents + rulebook + now -> one Decision per post. Pure: no I/O, no clock.

Every check sees the same analysed post; a post's verdict is the highest level among its
findings, and no finding means pass.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Callable, Iterable

from safepost.checks import (Context, Scope, dates, incident_calling, incident_echo, incident_joke, incident_nearby,
                             incident_solidarity, incident_story_words, incident_terms, incident_trade, incident_window,
                             incident_words, incident_works, memorial, platform, replies, silence, topics, unevaluated,
                             words)
from safepost.model import Decision, Finding, Incident, Post, Verdict
from safepost.parallel import map_indexes
from safepost.rulebook import Rulebook
from safepost.text import Analysis, analyze
from safepost.text.detect import Evidence, Languages, choose
from safepost.text.dodges import Vocabulary, build_vocabulary, undo_dodges

WARM_UP = 200  # posts checked before forking, so every worker inherits the compiled indexes
# unevaluated last: it reports on what the others read
POST_CHECKS = (words, replies, platform, incident_words, incident_terms, incident_echo, incident_story_words,
               incident_joke, incident_trade, incident_works, incident_calling, incident_solidarity, incident_window,
               incident_nearby, silence, topics, dates, memorial, unevaluated)
QUEUE_CHECKS = (platform,)
NOTED = tuple(module for module in POST_CHECKS if hasattr(module, "notes"))


def choose_languages(post: Post, rulebook: Rulebook) -> Languages:
    """The languages to read the post in (text/detect.py), with a note when no word rules speak
    the one it is written in."""
    known = rulebook.cached("word-languages", lambda: tuple(sorted(rulebook.word_languages() - {"any"})))
    found = choose(post.text, post.language, rulebook.audience.language, known, language_evidence(rulebook))
    if found.primary and found.primary not in known:
        also = f", and the strongest words of {', '.join(found.extra)}" if found.extra else " only"
        note = f"no word rules for language '{found.primary}': checked against the news, dates and platform limits{also}"
        return Languages(found.primary, found.extra, note)
    return found


def language_evidence(rulebook: Rulebook) -> Evidence:
    """Per language: its everyday words, the rulebook's own words, and the net of its strongest
    words (strong profanity, slurs), all by written form."""

    def build() -> Evidence:
        everyday: dict[str, set[str]] = {}
        vocabulary: dict[str, set[str]] = {}
        net: dict[str, set[str]] = {}
        prefixes: dict[str, set[str]] = {}
        for lexicon in rulebook.rules("news_lexicon"):
            everyday.setdefault(lexicon.language, set()).update(word.lower() for word in lexicon.stopword_words)
        for rule in rulebook.rules("tone"):
            for name in ("promotional", "sincere", "negations"):
                texts = getattr(rule, name).texts(rule.language) if getattr(rule, name) is not None else []
                everyday.setdefault(rule.language, set()).update(_surfaces(texts))
        for rule in rulebook.word_rules:
            strongest = rule.grade == "strong" or rule.category == "slur"
            for language in rule.terms:
                texts = rule.terms.texts(language)
                vocabulary.setdefault(language, set()).update(_surfaces(texts))
                if strongest:
                    single = [text for text in texts if len(text.split()) == 1]
                    net.setdefault(language, set()).update(_surfaces(t for t in single if not t.endswith("*")))
                    prefixes.setdefault(language, set()).update(t.strip("=*").lower() for t in single if t.endswith("*"))
        freeze = lambda found: {k: frozenset(v) for k, v in found.items() if k != "any"}  # noqa: E731
        return Evidence(freeze(everyday), freeze(vocabulary), freeze(net),
                        {k: frozenset(prefixes.get(k, ())) for k in net if k != "any"})

    return rulebook.built("language-evidence", "language-evidence", build)


def _surfaces(texts) -> set[str]:
    """The written words of terms as a reader sees them: lower case, no marks, no gaps."""
    return {word.strip("=*").lower() for text in texts for word in text.split()
            if word not in ("...", "…") and len(word.strip("=*")) > 2}


def check(posts: Iterable[Post], incidents: Iterable[Incident], rulebook: Rulebook,
          now: datetime, workers: int = 1, progress: Callable[[int], None] | None = None) -> list[Decision]:
    """One Decision per post, in order. `workers` > 1 spreads a large queue over processes; the
    result is the same. `progress(n)` is told as each batch of n posts is done (a progress bar)."""
    posts = list(posts)
    incidents = tuple(sorted(incidents, key=lambda i: -i.severity))  # checks cite the worst first
    scope = Scope(rulebook, incidents, now)

    def one(i: int) -> Decision:
        return check_one(i, posts[i], choose_languages(posts[i], rulebook), scope)

    def outcome(i: int) -> tuple | None:
        """What a worker sends back: the parent has the post, and most posts pass clean."""
        decision = one(i)
        return (decision.verdict, decision.findings, decision.notes) if decision.findings or decision.notes else None

    warm = [one(i) for i in range(min(len(posts), WARM_UP))]  # builds the indexes children inherit
    if progress is not None:
        progress(len(warm))
    rest = map_indexes(lambda i: outcome(i + len(warm)), len(posts) - len(warm), workers, progress)
    decided = [Decision(post, *found) if found else Decision(post, Verdict.PASS, ())
               for post, found in zip(posts[len(warm):], rest)]
    return with_queue_findings(warm + decided, rulebook)


def read_post(text: str, language: str | None, rulebook: Rulebook) -> Analysis:
    """The post's words, with every dodge of a rule word read as the word (f*ck, sh1t, f u c k)."""
    return undo_dodges(analyze(text, language), lambda: dodge_vocabulary(rulebook, language))


def dodges_read(text: str, language: str | None, rulebook: Rulebook) -> list[tuple[str, str]]:
    """Each dodge in a text, as written and as the word it is read as: ('f*ck', 'fuck')."""
    analysis = read_post(text, language, rulebook)
    return [(text[token.start:token.end], token.norm) for token in analysis.tokens if token.dodged]


def dodge_vocabulary(rulebook: Rulebook, language: str | None) -> Vocabulary:
    def build() -> Vocabulary:
        found = [(rule.category, term) for rule in rulebook.word_rules for lang, terms in rule.terms.items()
                 if language is None or lang in (language, "any") for term in terms]
        return build_vocabulary([term for _, term in found], language, found)

    return rulebook.cached(("dodges", language), lambda: rulebook.kept(f"dodges-{language or 'any'}", build))


def check_one(index: int, post: Post, languages: Languages, scope: Scope) -> Decision:
    """One post through every per-post check; its analysis is dropped when done."""
    ctx = Context(index, post, languages.primary, read_post(post.text, languages.primary, scope.rulebook), scope,
                  extra_languages=languages.extra)
    findings = leveled([finding for module in POST_CHECKS for finding in module.run(ctx)], scope.rulebook)
    notes = [note for module in NOTED for note in module.notes(ctx)]
    return decide(post, findings, tuple(([languages.note] if languages.note else []) + notes))


def with_queue_findings(decisions: list[Decision], rulebook: Rulebook) -> list[Decision]:
    """Checks that compare posts with each other (cross-posting) run on the whole queue."""
    extra: dict[int, list[Finding]] = {}
    posts = [d.post for d in decisions]
    for module in QUEUE_CHECKS:
        for index, finding in module.run_queue(posts, rulebook):
            extra.setdefault(index, []).append(finding)
    for index, findings in extra.items():
        decision = decisions[index]
        decisions[index] = decide(decision.post, [*decision.findings, *leveled(findings, rulebook)], decision.notes)
    return decisions


def leveled(findings: list[Finding], rulebook: Rulebook) -> list[Finding]:
    """Findings at the levels the config's `levels:` gives their ids; those turned off dropped."""
    if not rulebook.finding_levels:
        return findings
    kept = []
    for finding in findings:
        level = rulebook.finding_level(finding.rule, finding.level)
        if level is not None:
            kept.append(finding if level == finding.level else replace(finding, level=level))
    return kept


def decide(post: Post, findings: list[Finding], notes: tuple[str, ...] = ()) -> Decision:
    ordered = sorted(findings, key=lambda f: (-f.level, f.span[0] if f.span else -1, f.rule))
    verdict = max((f.level for f in ordered), default=Verdict.PASS)
    return Decision(post, verdict, tuple(ordered), notes)


def annotate(decisions: list[Decision], finding: Finding, rulebook: Rulebook | None = None) -> list[Decision]:
    """Add one run-wide finding to every post (news unavailable, queue paused): the edge knows
    these facts, the core does not. With the rulebook, the config's `levels:` apply to it."""
    found = leveled([finding], rulebook) if rulebook else [finding]
    return [decide(d.post, [*d.findings, *found], d.notes) for d in decisions] if found else decisions
