"""Fetch every news feed at once, each under a hard time, size and redirect limit, and say for
each what happened in words a social media manager can act on. Never raises for a feed problem.

Each feed is fetched in a thread of its own (news/http.py: the standard library's HTTP, which
costs a cron run nothing to load). A feed is cut off `timeout` seconds after the fetch starts,
whatever its server does: the request's socket waits are bounded by the time left, and at the
deadline the fetcher shuts the socket and reports the feed as timed out without waiting for its
thread. feedparser and the cache run in the feed's thread too, after its download, so a large
feed's parsing never holds up another feed's deadline. `progress` is called in the caller's
thread as each feed settles.

A cron job every five minutes stays cheap: each URL's last good body is kept with its ETag and
Last-Modified, and the server can answer 304. When a feed is down, a copy younger than
`max_cache_age` stands in for it, and the status says so.
"""
from __future__ import annotations

import stat
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING, Callable, Sequence
from urllib.parse import urlsplit

from safepost import __version__
from safepost.config import FeedSource
from safepost.model import Headline
from safepost.news.cache import CachedFeed, FeedCache, item_key
from safepost.news.feeds import MESSAGE_CHARS, NAME_CHARS, Feed, FeedError, clip, parse_feed, size
from safepost.news.skew import settle_clock

if TYPE_CHECKING:
    from safepost.news.http import Download

USER_AGENT = f"safepost/{__version__} (scheduled-post safety gate)"
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
          "*/*;q=0.5")


@dataclass(frozen=True)
class FeedStatus:
    """What happened to one feed. outcome: fresh | not-modified | cached | local | empty | failed.
    A feed that parses but holds no item is `empty`: nothing was read from it.

    age_seconds: for not-modified, how long ago the (still current) copy was downloaded; for
    cached, how long ago the server last confirmed the copy that stood in; else None.
    """

    source: str
    location: str
    outcome: str
    detail: str = ""
    age_seconds: float | None = None
    headlines: int = 0
    warnings: tuple[str, ...] = ()  # read, but something was off: a skewed clock, a lying charset

    @property
    def noteworthy(self) -> bool:
        """Worth a line in a check's header: not read, read from an old copy, or with warnings."""
        return not self.read or self.outcome == "cached" or bool(self.warnings)

    @property
    def read(self) -> bool:
        """Headlines came from it: the only outcome that counts as news read."""
        return self.outcome not in ("failed", "empty") and self.headlines > 0


Result = tuple[list[Headline], FeedStatus]


@dataclass(frozen=True)
class _Limits:
    timeout: float
    max_bytes: int
    max_redirects: int
    max_cache_age: float
    now: datetime  # the evaluation instant: headlines dated after it come from a fast clock


def fetch_feeds(sources: Sequence[FeedSource], *, cache_dir: Path | None,
                timeout: float = 10.0, max_bytes: int = 10 * 1024 * 1024,
                max_redirects: int = 5, max_cache_age: timedelta = timedelta(hours=6),
                progress: Callable[[FeedStatus], None] | None = None,
                clock: Callable[[], float] = time.time,
                now: datetime | None = None, fresh_for: float = 0.0) -> tuple[list[Headline], list[FeedStatus]]:
    """Headlines from every feed, in the order of `sources`, and one status per source. `now`
    (default: the clock) is the instant the headlines are read at. A saved copy that its server
    confirmed less than `fresh_for` seconds ago is used without asking the server again."""
    now = now or datetime.fromtimestamp(clock(), timezone.utc)
    limits = _Limits(timeout, max_bytes, max_redirects, max_cache_age.total_seconds(), now)
    cache = FeedCache(cache_dir) if cache_dir is not None else None
    recent = {i: found for i, source in enumerate(sources)
              if (found := _recent_copy(source, cache, fresh_for, clock(), now)) is not None}
    for _, status in recent.values():
        if progress is not None:
            progress(status)
    asked = [source for i, source in enumerate(sources) if i not in recent]
    fetched = iter(_fetch_all(asked, limits, cache, progress, clock))
    results = [recent[i] if i in recent else next(fetched) for i in range(len(sources))]
    return [h for headlines, _ in results for h in headlines], [status for _, status in results]


def _recent_copy(source: FeedSource, cache: FeedCache | None, fresh_for: float, wall: float,
                 now: datetime) -> Result | None:
    """The saved copy of a feed its server confirmed less than `fresh_for` seconds ago: a
    pipeline that checks many posts a minute asks each feed once, not once a post."""
    if not fresh_for or cache is None or not _is_url(source.location):
        return None
    cached = cache.load(source.location)
    age = wall - cached.checked_at if cached is not None else None
    if age is None or not 0 <= age < fresh_for:
        return None
    return _parsed(source, cached, "not-modified", f"confirmed {_duration(age)} ago, not asked again",
                   max(0.0, wall - cached.stored_at), now)


def _fetch_all(sources: list[FeedSource], limits: _Limits, cache: FeedCache | None,
               progress: Callable[[FeedStatus], None] | None, clock: Callable[[], float]) -> list[Result]:
    """Every source at once, a thread each; the results in the order of `sources`."""
    settled: SimpleQueue = SimpleQueue()
    deadline = time.monotonic() + limits.timeout
    jobs = [_UrlJob(i, source, limits, cache, clock, deadline) if _is_url(source.location)
            else _FileJob(i, source, limits) for i, source in enumerate(sources)]
    for job in jobs:
        threading.Thread(target=job.work, args=(settled,), daemon=True).start()
    results: list[Result | None] = [None] * len(jobs)
    for _ in jobs:
        index, result = _next_settled(settled, jobs, deadline)
        results[index] = result
        if progress is not None:
            progress(result[1])
    return results


def _next_settled(settled: SimpleQueue, jobs: list, deadline: float) -> tuple[int, Result]:
    """The next feed to settle. Past the deadline, the downloads still under way are given up
    (they settle as timed out), so the wait that follows is only for feeds being read."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            for job in jobs:
                job.give_up(settled)
            return settled.get()
        try:
            return settled.get(timeout=left)
        except Empty:
            continue


class _FileJob:
    """A local file: read at once, no deadline."""

    def __init__(self, index: int, source: FeedSource, limits: _Limits):
        self.index, self.source, self.limits = index, source, limits

    def work(self, settled: SimpleQueue) -> None:
        settled.put((self.index, _read_local(self.source, self.limits)))

    def give_up(self, settled: SimpleQueue) -> None:
        pass


class _UrlJob:
    """A feed's download, then its reading, in its own thread. At the deadline the fetcher gives
    up on a download still under way: the feed settles as timed out (with its saved copy, if that
    is young enough), and the thread, when it comes back, finds its work taken and leaves the
    cache alone."""

    def __init__(self, index: int, source: FeedSource, limits: _Limits, cache: FeedCache | None,
                 clock: Callable[[], float], deadline: float):
        from safepost.news.http import Request  # only a run that asks a server loads HTTP (15 ms)

        self.index, self.source, self.limits, self.cache, self.clock = index, source, limits, cache, clock
        self.request = Request(source.location, {"User-Agent": USER_AGENT, "Accept": ACCEPT,
                                                 "Accept-Encoding": "gzip, deflate"},
                               deadline, limits.timeout, limits.max_bytes, limits.max_redirects)
        self._lock = threading.Lock()
        self._downloading = True
        self._cached: list[CachedFeed | None] = []  # the saved copy, loaded once by whoever needs it first

    def work(self, settled: SimpleQueue) -> None:
        cached = self._saved_copy()
        download = self.request.run(cached.conditional_headers() if cached else None)
        if self._finish_download():
            settled.put((self.index, _settle(self.source, download, cached, self.cache, self.limits, self.clock())))

    def give_up(self, settled: SimpleQueue) -> None:
        if self._finish_download():
            self.request.abort()
            settled.put((self.index, _settle(self.source, self.request.timed_out(), self._saved_copy(), self.cache,
                                             self.limits, self.clock())))

    def _finish_download(self) -> bool:
        """True for whoever ends the download first: the thread with its answer, or the deadline."""
        with self._lock:
            first, self._downloading = self._downloading, False
        return first

    def _saved_copy(self) -> CachedFeed | None:
        with self._lock:
            if not self._cached:
                self._cached.append(self.cache.load(self.source.location) if self.cache else None)
            return self._cached[0]


def _is_url(location: str) -> bool:
    return "://" in location  # the same test the config uses to tell URLs from paths


def _settle(source: FeedSource, download: Download, cached: CachedFeed | None,
            cache: FeedCache | None, limits: _Limits, now: float) -> Result:
    """Decide between the new body, the saved copy and failure; keep the cache up to date."""
    if download.not_modified:
        if cached is None:
            return _failed(source, "the server said 'not modified' but no saved copy exists")
        confirmed = replace(cached, checked_at=now, etag=download.etag or cached.etag,
                            last_modified=download.last_modified or cached.last_modified)
        return _parsed(source, confirmed, "not-modified", "", max(0.0, now - cached.stored_at), limits.now,
                       (cache, now))
    error = download.error
    if error is None:
        fresh = CachedFeed(url=source.location, body=download.body, stored_at=now,
                           checked_at=now, etag=download.etag,
                           last_modified=download.last_modified,
                           content_type=download.content_type, base_url=download.base_url,
                           first_seen=cached.first_seen if cached else {})
        try:
            feed = parse_feed(fresh.body, content_type=fresh.content_type, base_url=fresh.base_url)
        except FeedError as exc:
            error = str(exc)  # a broken body never replaces the saved copy
        else:
            fresh, saved = _remember(cache, fresh, feed, now)
            return _named(source, feed, "fresh", saved, None, limits.now, fresh.first_seen)
    if cached is None:
        return _failed(source, error)
    age = max(0.0, now - cached.checked_at)
    if age > limits.max_cache_age:
        return _failed(source, f"{error}; the saved copy is {_duration(age)} old, too old to use")
    return _parsed(source, cached, "cached", f"{error}; using the copy saved {_duration(age)} ago",
                   age, limits.now)


def _save(cache: FeedCache | None, cached: CachedFeed) -> str:
    """A cache that cannot be written costs speed, not news: say so in the detail and go on."""
    if cache is None:
        return ""
    try:
        cache.store(cached)
    except OSError as exc:
        return f"could not save a copy: {exc.strerror or exc}"
    return ""


def _parsed(source: FeedSource, cached: CachedFeed, outcome: str, detail: str, age: float | None,
            now: datetime, save_to: tuple[FeedCache | None, float] | None = None) -> Result:
    """The saved copy's headlines; with `save_to` (the cache, the wall clock), the copy is saved
    again, remembering the items it holds."""
    try:
        feed = _as_read(cached)
    except FeedError as exc:
        return _failed(source, f"{detail}; the saved copy is unusable: {exc}".lstrip("; "))
    if save_to is not None:
        cached, saved = _remember(save_to[0], cached, feed, save_to[1])
        detail = "; ".join(part for part in (detail, saved) if part)
    return _named(source, feed, outcome, detail, age, now, cached.first_seen)


def _as_read(cached: CachedFeed) -> Feed:
    """The saved copy as parsed when it was saved, or parsed now when that is missing or damaged."""
    if cached.read is not None:
        try:
            return Feed.from_json(cached.read)
        except (ValueError, TypeError, KeyError, OverflowError, OSError):
            pass
    return parse_feed(cached.body, content_type=cached.content_type, base_url=cached.base_url)


def _remember(cache: FeedCache | None, copy: CachedFeed, feed: Feed, now: float) -> tuple[CachedFeed, str]:
    """The copy, noting when each of its items was first seen, saved; and what went wrong saving it."""
    copy = replace(copy.seen([item_key(entry.title, entry.link) for entry in feed.entries], now), read=feed.as_json())
    return copy, _save(cache, copy)


def _read_local(source: FeedSource, limits: _Limits) -> Result:
    max_bytes = limits.max_bytes
    path = Path(source.location).expanduser()
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            return _failed(source, "this is a folder, not a feed file")
        if not stat.S_ISREG(mode):  # a named pipe would block the open for ever
            return _failed(source, "not a regular file")
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return _failed(source, "file not found")
    except OSError as exc:
        return _failed(source, f"cannot read the file: {exc.strerror or exc}")
    if len(body) > max_bytes:
        return _failed(source, f"file over {size(max_bytes)}")
    try:
        return _named(source, parse_feed(body), "local", "", None, limits.now)
    except FeedError as exc:
        return _failed(source, str(exc))


def _named(source: FeedSource, feed: Feed, outcome: str, detail: str,
           age: float | None, now: datetime, first_seen: dict[str, float] | None = None) -> Result:
    name = clip(source.name or feed.title or _short_name(source.location), NAME_CHARS)

    def seen(headline: Headline) -> datetime | None:
        moment = (first_seen or {}).get(item_key(headline.title, headline.link))
        return datetime.fromtimestamp(moment, timezone.utc) if moment is not None else None

    headlines, clock_warnings = settle_clock(feed.headlines(name, source.region), now, seen)
    warnings = feed.warnings + tuple(clock_warnings)
    if not headlines:
        empty = "the feed holds no items" if not feed.entries else "every item is dated far after now"
        return [], FeedStatus(name, source.location, "empty",
                              f"{detail}; {empty}: nothing was read from it".lstrip("; "), age, warnings=warnings)
    return headlines, FeedStatus(name, source.location, outcome, detail, age, len(headlines), warnings)


def _failed(source: FeedSource, detail: str) -> Result:
    """`detail` may quote the server (its reason phrase, the parser's message): it is bounded too."""
    name = clip(source.name or _short_name(source.location), NAME_CHARS)
    return [], FeedStatus(name, source.location, "failed", clip(detail, MESSAGE_CHARS))


def _short_name(location: str) -> str:
    if _is_url(location):
        try:
            return urlsplit(location).hostname or location
        except ValueError:  # e.g. an unclosed "[" of an IPv6 address
            return location
    return Path(location).name or location


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{round(seconds)} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    if seconds < 48 * 3600:
        return f"{round(seconds / 3600)} h"
    return f"{round(seconds / 86400)} days"
