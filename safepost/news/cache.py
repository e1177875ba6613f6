"""The last good copy of each feed, on disk, so a cron job can ask "changed?" instead of
downloading everything, and can fall back to a recent copy when a feed is down.

One file per URL, named by a hash of the URL: a JSON header line, then the raw body. Written to
a temporary file and renamed over the old one, so a crash or a second safepost running at the
same time never leaves a half-written copy behind.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from safepost.files import replace_atomically


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

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


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
        times_ok = all(isinstance(t, (int, float)) for t in (cached.stored_at, cached.checked_at))
        return cached if cached.url == url and times_ok else None

    def store(self, cached: CachedFeed) -> None:
        """Raises OSError when the cache folder cannot be written; the caller reports it."""
        fields = asdict(cached)
        body = fields.pop("body")
        self.directory.mkdir(parents=True, exist_ok=True)
        replace_atomically(self.path_for(cached.url), json.dumps(fields).encode("utf-8") + b"\n" + body)
