"""Checks: one module each, pure functions of a post's context; the gate runs them all.

A per-post check exposes `run(ctx) -> Iterable[Finding]`; a check that needs the whole queue
(cross-posting) exposes `run_queue(posts, rulebook) -> Iterable[tuple[int, Finding]]`.
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
    _word_matches: list[Match] | None = field(default=None, repr=False)
    _tone: tuple[bool, bool] | None = field(default=None, repr=False)

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

    @property
    def promotional(self) -> bool:
        """Selling something (sale, % off, shop now): held where a sincere post is only flagged."""
        return self._read_tone()[0]

    @property
    def sincere(self) -> bool:
        """Condolences, closures, help: the tone a tragedy day allows, still worth a look."""
        return self._read_tone()[1]

    def _read_tone(self) -> tuple[bool, bool]:
        if self._tone is None:
            from safepost.text.tone import cues_for, is_promotional, is_sincere

            cues = cues_for(self.rulebook, self.language)
            self._tone = (is_promotional(self.analysis, cues), is_sincere(self.analysis, cues))
        return self._tone

    @property
    def word_matches(self) -> list[Match]:
        """Word-rule matches with each rule's exceptions already removed."""
        if self._word_matches is None:
            terms, exceptions = self.rulebook.word_index(self.language)
            self._word_matches = matches_without_exceptions(terms, exceptions, self.analysis)
        return self._word_matches


def matches_without_exceptions(terms, exceptions, analysis: Analysis) -> list[Match]:
    """What a rule set finds in a post, after its exceptions, one match per overlapping run."""
    matches = terms.find(analysis) if terms else []
    if matches and exceptions:
        matches = remove_excepted(matches, exceptions.find(analysis))
    return longest_per_payload(matches)
