"""Is a post selling something, or speaking sincerely? Shared by the date and news checks.

A promotional post on a day of mourning reads as profiting from it; a sincere one ("our thoughts
are with...", "closed today in memory of...") is what a brand should say. The cue words live in
the rulebook's `tone:` section (rules/tone.yaml, one entry per language), so a team can add its own.

    cues = cues_for(rulebook, language)        # built once per rulebook and language
    is_promotional(analysis, cues)             # -> bool
    is_sincere(analysis, cues)                 # -> bool
    promotional_cue(analysis, cues)            # -> Cue | None: the words to show as evidence
    sincere_cue(analysis, cues)

With no language (unknown), every language's cues apply.
"""
from __future__ import annotations

from dataclasses import dataclass

from safepost.text import Analysis
from safepost.text.matcher import TermIndex


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ToneCues:
    promotional: TermIndex
    sincere: TermIndex
    patterns: tuple = ()  # compiled regular expressions that also mark a post promotional


def build_cues(rules, language: str | None) -> ToneCues:
    promotional, sincere, patterns = TermIndex(), TermIndex(), []
    for rule in rules:
        if language is not None and rule.language not in (language, "any"):
            continue
        for term in rule.promotional:
            promotional.add(term, rule)
        for term in rule.sincere:
            sincere.add(term, rule)
        patterns.extend(rule.patterns)
    return ToneCues(promotional, sincere, tuple(patterns))


def cues_for(rulebook, language: str | None) -> ToneCues:
    return rulebook.cached(("tone", language), lambda: build_cues(rulebook.rules("tone"), language))


def promotional_cue(analysis: Analysis, cues: ToneCues) -> Cue | None:
    found = [Cue(m.text, m.start, m.end) for m in cues.promotional.find(analysis)]
    found += [Cue(m.group(), m.start(), m.end()) for p in cues.patterns
              for m in [p.search(analysis.text)] if m]
    return min(found, key=lambda cue: cue.start, default=None)


def sincere_cue(analysis: Analysis, cues: ToneCues) -> Cue | None:
    found = cues.sincere.find(analysis)
    first = min(found, key=lambda match: match.start, default=None)
    return Cue(first.text, first.start, first.end) if first else None


def is_promotional(analysis: Analysis, cues: ToneCues) -> bool:
    return promotional_cue(analysis, cues) is not None


def is_sincere(analysis: Analysis, cues: ToneCues) -> bool:
    return sincere_cue(analysis, cues) is not None
