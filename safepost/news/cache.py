"""The last good copy of each feed, on disk, so a cron job can ask "changed?" instead of
downloading everything, and can fall back to a recent copy when a feed is down.

One file per URL, named by a hash of the URL: a JSON header line, then the raw body. The header
also records when each item was first seen: a headline dated in the future (a feed whose clock
runs fast) is read as published then. Written to
a temporary file and renamed over the old one, so a crash or a second safepost running at the
same time never leaves a half-written copy behind.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from safepost.files import remove_stale_temps, replace_atomically


@dataclass(frozen=True)
class CachedFeed:
    url: str
    body: bytes
    stored_at: float  # when this body was downloaded (wall clock)
    checked_at: float  # when the server last confirmed it is current (200 or 304)
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    base_url: str | None = None  # where the body came from after redirects, for relative links
    first_seen: dict[str, float] = field(default_factory=dict)  # item key -> when first downloaded
    read: dict | None = None  # the body as parsed (Feed.as_json), so "not modified" costs no parsing

    def seen(self, keys: list[str], now: float) -> "CachedFeed":
        """This copy remembering when each item now in the feed was first seen (`now` for new
        ones); items gone from the feed are forgotten, so the record stays the feed's size."""
        return CachedFeed(**{**asdict(self), "first_seen": {key: self.first_seen.get(key, now) for key in keys}})

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def item_key(title: str, link: str) -> str:
    """An item's identity across downloads: its link, else its title, hashed short."""
    return hashlib.sha256((link or title).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class FeedCache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def path_for(self, url: str) -> Path:
        return self.directory / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".feed")

    def load(self, url: str) -> CachedFeed | None:
        """A missing, unreadable or damaged copy is simply no copy: the feed is fetched afresh."""
        try:
            raw = self.path_for(url).read_bytes()
            header, _, body = raw.partition(b"\n")
            fields = json.loads(header)
            cached = CachedFeed(body=body, **fields)
        except (OSError, ValueError, TypeError):
            return None
        times_ok = all(isinstance(t, (int, float)) for t in (cached.stored_at, cached.checked_at)) \
            and isinstance(cached.first_seen, dict) and isinstance(cached.read, (dict, type(None)))
        return cached if cached.url == url and times_ok else None

    def store(self, cached: CachedFeed) -> None:
        """Raises OSError when the cache folder cannot be written; the caller reports it."""
        fields = asdict(cached)
        body = fields.pop("body")
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path_for(cached.url)
        remove_stale_temps(path)
        replace_atomically(path, json.dumps(fields).encode("utf-8") + b"\n" + body)
