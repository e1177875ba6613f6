"""The news edge: fetch the feeds, detect incidents, and say plainly when the news was not read.

Never report "all clear" on news we did not read: when feeds were configured and none could be
read (and no fresh-enough cache stood in), every post gets a finding at the level the
`on_news_unavailable` policy sets.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from safepost.model import Finding, Headline, Incident
from safepost.rulebook import Rulebook


@dataclass
class News:
    headlines: list[Headline] = field(default_factory=list)
    statuses: list = field(default_factory=list)  # FeedStatus, one per feed
    incidents: list[Incident] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unread: bool = False  # feeds were configured and not one could be read

    def unavailable_finding(self, rulebook: Rulebook) -> Finding | None:
        level = rulebook.policies.on_news_unavailable
        if not self.unread or level is None:
            return None
        reasons = "; ".join(f"{s.source}: {s.detail or s.outcome}" for s in self.statuses)
        return Finding("news.unavailable", "news", level,
                       "The news was not checked: no feed could be read, so a tragedy in the "
                       "news would not be seen", evidence={"feeds": reasons})


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safepost" / "feeds"


def collect_news(sources: list, rulebook: Rulebook, now: datetime, show_progress: bool = False,
                 cache_dir: Path | None = None, entities=None) -> News:
    """Read the feeds and find the incidents; `entities` is the optional trained NER."""
    from safepost.news.detect import detect_incidents

    if not sources:
        return News(incidents=detect_incidents([], rulebook, now),
                    notices=["No news feeds configured (--feed or feeds: in safepost.yaml): only "
                             "hand-entered incidents and standing topics were checked."])
    headlines, statuses = _fetch(sources, cache_dir or default_cache_dir(), show_progress)
    news = News(headlines, statuses, detect_incidents(headlines, rulebook, now, entities))
    news.unread = all(s.outcome == "failed" for s in statuses)
    if news.unread:
        news.notices.append("No news feed could be read: the news cross-check did not happen.")
    return news


def _fetch(sources: list, cache_dir: Path, show_progress: bool):
    from safepost.news.fetch import fetch_feeds

    if not (show_progress and sys.stderr.isatty()):
        return fetch_feeds(sources, cache_dir=cache_dir)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Reading the news", total=len(sources))
        return fetch_feeds(sources, cache_dir=cache_dir, progress=lambda status: progress.advance(task))
