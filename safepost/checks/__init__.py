"""Checks: one module each, pure functions of a post's context; the gate runs them all.

A per-post check exposes `run(ctx) -> Iterable[Finding]`; a check that needs the whole queue
(cross-posting) exposes `run_queue(contexts) -> Iterable[tuple[int, Finding]]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from safepost.model import Incident, Post
from safepost.rulebook import Rulebook
from safepost.text import Analysis
from safepost.text.matcher import Match


@dataclass
class Context:
    """Everything a check may read about one post; analysis and word matches are computed once."""

    index: int
    post: Post
    language: str | None
    analysis: Analysis
    rulebook: Rulebook
    incidents: tuple[Incident, ...]
    now: datetime
    _word_matches: list[Match] | None = field(default=None, repr=False)

    @property
    def word_matches(self) -> list[Match]:
        """Word-rule matches with each rule's exceptions already removed."""
        if self._word_matches is None:
            terms, exceptions = self.rulebook.word_index(self.language)
            matches = terms.find(self.analysis) if terms else []
            if matches and exceptions:
                matches = remove_excepted(matches, exceptions.find(self.analysis))
            self._word_matches = matches
        return self._word_matches


def remove_excepted(matches: list[Match], exceptions: list[Match]) -> list[Match]:
    """Drop a match when an exception of the same rule covers it ("photo shoot", "bath bomb")."""
    return [m for m in matches
            if not any(e.payload is m.payload and e.first <= m.first and m.last <= e.last
                       for e in exceptions)]
