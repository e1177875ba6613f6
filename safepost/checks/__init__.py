"""Checks: one module each, pure functions of a post's context; the gate runs them all.

A per-post check exposes `run(ctx) -> Iterable[Finding]`, and may expose `notes(ctx) ->
Iterable[str]` for what it could not check about a post (a note, not a finding); a check that
needs the whole queue (cross-posting) exposes `run_queue(posts, rulebook) -> Iterable[tuple[int,
Finding]]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from safepost.model import Incident, Post
from safepost.rulebook import Rulebook
from safepost.text import Analysis
from safepost.text.matcher import Match, longest_per_payload, remove_excepted


@dataclass
class Scope:
    """What one gate run shares across posts: inputs, and indexes built once for the run."""

    rulebook: Rulebook
    incidents: tuple[Incident, ...]
    now: datetime
    _cache: dict = field(default_factory=dict, repr=False)

    def cached(self, key: Any, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


@dataclass
class Context:
    """Everything a check may read about one post; analysis and word matches are computed once."""

    index: int
    post: Post
    language: str | None
    analysis: Analysis
    scope: Scope
    extra_languages: tuple[str, ...] = ()  # also read in these (text/detect.py)
    _word_matches: list[Match] | None = field(default=None, repr=False)
    _tone: object = field(default=None, repr=False)
    _rung: object = field(default=None, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def rulebook(self) -> Rulebook:
        return self.scope.rulebook

    @property
    def incidents(self) -> tuple[Incident, ...]:
        return self.scope.incidents

    @property
    def now(self) -> datetime:
        return self.scope.now

    @property
    def regions(self) -> tuple[str, ...]:
        """The audience: the post's own region, else the config's regions."""
        return (self.post.region,) if self.post.region else self.rulebook.audience.regions

    def memo(self, key: Any, build: Callable[[], Any]) -> Any:
        """What several checks read of this post, read once (its mentions of the news, its towns)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    @property
    def tone(self):
        """The post's tone cues (promotional, joking, sincere, a declined promotion)."""
        if self._tone is None:
            from safepost.text.tone import cues_for, read_tone

            self._tone = read_tone(self.analysis, cues_for(self.rulebook, self.language))
        return self._tone

    @property
    def tone_if_read(self):
        """The tone when a check has read it, else None: reading it only to report on it costs time."""
        return self._tone

    @property
    def rung(self):
        """The post's place on the tone ladder (checks/ladder.py)."""
        if self._rung is None:
            from safepost.checks.ladder import read_rung

            reply = bool(self.post.reply_to)
            self._rung = read_rung(self.tone, [m for m in self.word_matches if reply or not m.payload.replies_only])
        return self._rung

    @property
    def word_matches(self) -> list[Match]:
        """Word-rule matches in every language the post is read in, with each rule's exceptions
        removed, and rules that need another term in the post (`with:`) kept only when it is
        there."""
        if self._word_matches is None:
            from safepost.gate import read_post

            found: list[Match] = []
            for language in (self.language, *self.extra_languages):
                analysis = self.analysis if language == self.language else \
                    read_post(self.post.text, language, self.rulebook)
                found += _rule_matches(self.rulebook, language, analysis)
            seen = set()  # one finding per span and kind of word: the first language's ("fuck" is en and nb)
            kept = []
            for match in found:
                key = (match.start, match.end, match.payload.category)
                if key not in seen:
                    seen.add(key)
                    kept.append(match)
            self._word_matches = sorted(kept, key=lambda m: m.start)
        return self._word_matches


def _rule_matches(rulebook, language: str | None, analysis: Analysis) -> list[Match]:
    terms, exceptions = rulebook.word_index(language)
    matches = matches_without_exceptions(terms, exceptions, analysis)
    if matches and any(m.payload.with_terms for m in matches):
        company, _ = rulebook.index("words", language, "with_terms")
        present = {id(m.payload) for m in company.find(analysis)}
        matches = [m for m in matches if not m.payload.with_terms or id(m.payload) in present]
    return matches


def matches_without_exceptions(terms, exceptions, analysis: Analysis) -> list[Match]:
    """What a rule set finds in a post, after its exceptions, one match per overlapping run."""
    matches = terms.find(analysis) if terms else []
    if matches and exceptions:
        matches = remove_excepted(matches, exceptions.find(analysis))
    return longest_per_payload(matches)
