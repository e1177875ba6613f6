"""Fetch every news feed at once, each under a hard time, size and redirect limit, and say for
each what happened in words a social media manager can act on. Never raises for a feed problem.

Why asyncio rather than a thread pool: a feed must be cut off after `timeout` seconds in total,
whatever the server does, and a server that trickles a byte a second never trips a read
timeout. `asyncio.timeout` cancels the pending read at the deadline; a thread blocked in a
socket read cannot be stopped, only abandoned (and the pool then waits for it at exit).
feedparser is CPU-bound and the cache is disk I/O, so both run in worker threads and never hold
up another feed's deadline. `progress` is called in the caller's thread as each feed settles.
This runs its own event loop: call it from ordinary code, not from inside a running loop.

A cron job every five minutes stays cheap: each URL's last good body is kept with its ETag and
Last-Modified, and the server can answer 304. When a feed is down, a copy younger than
`max_cache_age` stands in for it, and the status says so.
"""
from __future__ import annotations

import os
import re
import ssl
import stat
import sys
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import urlsplit

from safepost import __version__
from safepost.config import FeedSource
from safepost.model import Headline
from safepost.news.cache import CachedFeed, FeedCache, item_key
from safepost.news.feeds import MESSAGE_CHARS, NAME_CHARS, Feed, FeedError, clip, parse_feed
from safepost.news.skew import settle_clock

USER_AGENT = f"safepost/{__version__} (scheduled-post safety gate)"
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
          "*/*;q=0.5")
_ERRNO_PREFIX = re.compile(r"^\[Errno -?\d+\]\s*")


asyncio = httpx = None  # loaded by _load_network() when a feed must be asked (50 ms of a run that asks none)


def _load_network() -> None:
    """asyncio, and httpx without the parts safepost never runs, which a cron job would pay for
    on every run: httpcore's support for trio (imported wherever trio is installed; selenium
    brings it) and httpx's own command line (rich and pygments, imported wherever they are
    installed), 90 ms together. Both stay importable for whoever else needs them."""
    global asyncio, httpx
    import asyncio

    hidden = [name for name in ("trio", "httpx._main") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # `import name` raises ImportError while this stands
    try:
        import httpcore  # noqa: F401
        import httpx
    finally:
        for name in hidden:
            del sys.modules[name]


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


@dataclass(frozen=True)
class _Download:
    """What the server said: a body, "not modified", or why there is nothing (error)."""

    body: bytes = b""
    not_modified: bool = False
    error: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    base_url: str | None = None


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
    if asked:
        _load_network()
    fetched = iter(asyncio.run(_fetch_all(asked, limits, cache, progress, clock)) if asked else ())
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


async def _fetch_all(sources: list[FeedSource], limits: _Limits, cache: FeedCache | None,
                     progress: Callable[[FeedStatus], None] | None,
                     clock: Callable[[], float]) -> list[Result]:
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
                                 follow_redirects=True, max_redirects=limits.max_redirects,
                                 timeout=limits.timeout, verify=_needs_certificates(sources)) as client:
        async def one(source: FeedSource) -> Result:
            if _is_url(source.location):
                result = await _fetch_url(client, source, limits, cache, clock)
            else:
                result = await asyncio.to_thread(_read_local, source, limits)
            if progress is not None:
                progress(result[1])
            return result

        return list(await asyncio.gather(*(one(source) for source in sources)))


def _needs_certificates(sources: list[FeedSource]) -> bool:
    """Load the certificate store (30 ms of a cron run) only when a feed is fetched over TLS. A
    plain-http feed that redirects to https is then fetched unverified: whoever could forge that
    certificate could forge the plain-http answer before it just as well."""
    return any(source.location.lower().startswith("https:") for source in sources if _is_url(source.location))


def _is_url(location: str) -> bool:
    return "://" in location  # the same test the config uses to tell URLs from paths


async def _fetch_url(client: httpx.AsyncClient, source: FeedSource, limits: _Limits,
                     cache: FeedCache | None, clock: Callable[[], float]) -> Result:
    cached = await asyncio.to_thread(cache.load, source.location) if cache else None
    download = await _download(client, source.location, cached, limits)
    return await asyncio.to_thread(_settle, source, download, cached, cache, limits, clock())


async def _download(client: httpx.AsyncClient, url: str, cached: CachedFeed | None,
                    limits: _Limits) -> _Download:
    headers = cached.conditional_headers() if cached else {}
    try:
        async with asyncio.timeout(limits.timeout):
            async with client.stream("GET", url, headers=headers) as response:
                return await _receive(response, limits.max_bytes)
    except (TimeoutError, httpx.TimeoutException):
        return _Download(error=f"timed out after {limits.timeout:g} s")
    except httpx.TooManyRedirects:
        return _Download(error=f"too many redirects (more than {limits.max_redirects})")
    except httpx.UnsupportedProtocol:
        return _Download(error="only http:// and https:// addresses can be fetched")
    except httpx.ConnectError as exc:
        return _Download(error=f"could not connect: {_connect_reason(exc)}")
    except httpx.RemoteProtocolError:
        return _Download(error="the server broke off the response")
    except httpx.DecodingError:
        return _Download(error="the server sent a damaged compressed response")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return _Download(error=f"network error: {_why(exc)}")
    except Exception as exc:
        # Odd addresses surface as odd types from below (port 99999: an OverflowError inside
        # an ExceptionGroup), and a feed problem must be a status, never a crash.
        return _Download(error=f"cannot fetch this address: {_why(exc)}")


async def _receive(response: httpx.Response, max_bytes: int) -> _Download:
    """Stop reading at max_bytes (of decompressed body, so a gzip bomb is cut too)."""
    validators = {"etag": response.headers.get("etag"),
                  "last_modified": response.headers.get("last-modified")}
    if response.status_code == 304:
        return _Download(not_modified=True, **validators)
    if not response.is_success:
        return _Download(error=f"HTTP {response.status_code} {response.reason_phrase}".strip())
    too_big = _Download(error=f"body over {_size(max_bytes)}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return too_big
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > max_bytes:
            return too_big
    return _Download(body=bytes(body), content_type=response.headers.get("content-type"),
                     base_url=str(response.url), **validators)


def _settle(source: FeedSource, download: _Download, cached: CachedFeed | None,
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
        return _failed(source, f"file over {_size(max_bytes)}")
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


def _why(exc: BaseException) -> str:
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return _ERRNO_PREFIX.sub("", str(exc)) or type(exc).__name__


def _connect_reason(exc: BaseException) -> str:
    """The system's words ("Connection refused") sit at the bottom of the chain, under
    summaries such as "All connection attempts failed"."""
    for _ in range(20):  # chains are short; the bound only guards against a cycle
        below = exc.__cause__ or exc.__context__
        if below is None:
            break
        exc = below
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"the site's certificate is not trusted ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        reason = (exc.reason or str(exc)).lower().replace("_", " ")
        return f"the secure connection failed ({reason})"
    if isinstance(exc, OSError) and (exc.errno or 0) > 0:
        return os.strerror(exc.errno)
    return _why(exc)


def _size(count: int) -> str:
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count} bytes"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{round(seconds)} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    if seconds < 48 * 3600:
        return f"{round(seconds / 3600)} h"
    return f"{round(seconds / 86400)} days"
