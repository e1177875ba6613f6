"""The news edge: fetch the feeds, detect incidents, and say plainly when the news was not read.

Fail closed. The news counts as read only when at least one feed gave headlines (a feed that
failed, or parsed with no items, gave none). When none did, because no feed is configured or
every one failed or was empty (and no fresh-enough cache stood in), every post gets a finding at
the `on_news_unavailable` level (hold by default) saying so and what to do. A team that checks
without news on purpose sets `news: off`, and every run says that the news was not checked.
When some feeds fail and others are read, the check goes on with what was read, each failure is
named, and the exit code tells cron (3).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from safepost.model import Finding, Headline, Incident
from safepost.rulebook import Rulebook


HINT = ("run `safepost init --region XX` for starter feeds of your region, pass --feed URL, or set "
        "`news: off` in safepost.yaml to check without news on purpose")


@dataclass
class News:
    headlines: list[Headline] = field(default_factory=list)
    statuses: list = field(default_factory=list)  # FeedStatus, one per feed
    incidents: list[Incident] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    off: bool = False  # `news: off`: the team checks without news on purpose

    @property
    def unread(self) -> bool:
        """No headline came from any feed (or none is configured), and the news is not off."""
        return not self.off and not any(status.read for status in self.statuses)

    @property
    def unread_feeds(self) -> list:
        """The feeds that gave nothing while others were read: the check went on without them."""
        if self.unread:
            return []
        return [status for status in self.statuses if not status.read]

    def unavailable_finding(self, rulebook: Rulebook) -> Finding | None:
        level = rulebook.policies.on_news_unavailable
        if not self.unread or level is None:
            return None
        if self.statuses:
            why = "no news feed could be read (" + "; ".join(
                f"{s.source}: {s.detail or s.outcome}" for s in self.statuses) + ")"
        else:
            why = "no news feed is configured"
        return Finding("news.unavailable", "news", level,
                       f"The news was not checked: {why}, so a tragedy in the news would not be seen. "
                       f"To fix: {HINT}", evidence={"feeds": [s.source for s in self.statuses], "hint": HINT})


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safepost" / "feeds"


def collect_news(sources: list, rulebook: Rulebook, now: datetime, show_progress: bool = False,
                 cache_dir: Path | None = None, entities=None, off: bool = False, fresh_for: float = 0.0) -> News:
    """Read the feeds and find the incidents; `entities` is the optional trained NER. With `off`
    (and no feed named), nothing is read and the news says so. `fresh_for`: seconds during which
    a feed's copy, confirmed by its server, is used without asking again."""
    from safepost.news.detect import detect_incidents

    if off and not sources:
        return News(incidents=detect_incidents([], rulebook, now), off=True,
                    notices=["news: off in safepost.yaml: the news was NOT checked; only hand-entered "
                             "incidents, dates, standing topics and words were."])
    if not sources:
        return News(incidents=detect_incidents([], rulebook, now),
                    notices=[f"No news feeds are configured: every post is held until the news can be read. "
                             f"To fix: {HINT}."])
    from safepost.news.remembered import remembered

    headlines, statuses = _fetch(sources, cache_dir or default_cache_dir(), show_progress, now, fresh_for)
    memory = remembered(rulebook.fingerprint)
    news = News(headlines, statuses, detect_incidents(headlines, rulebook, now, entities, memory))
    memory.save()
    if news.unread:
        news.notices.append(f"No news feed could be read: every post is held until the news can be read. "
                            f"To fix: {HINT}.")
    elif news.unread_feeds:
        news.notices.append(f"{len(news.unread_feeds)} of {len(statuses)} feeds gave no news; the check "
                            "used the others (exit code 3 when nothing else fails).")
    return news


def _fetch(sources: list, cache_dir: Path, show_progress: bool, now: datetime, fresh_for: float):
    from safepost.news.fetch import fetch_feeds

    from safepost.render.progress import ProgressBar

    with ProgressBar("Reading the news", len(sources), show_progress) as bar:
        return fetch_feeds(sources, cache_dir=cache_dir, progress=lambda status: bar.advance(), now=now,
                           fresh_for=fresh_for)
