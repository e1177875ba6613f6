"""Turn the bytes of an RSS or Atom feed into Headlines.

feedparser is only ever handed an in-memory stream: given a str or bytes it may treat the value
as a URL or a path and open it, with no timeout. The bytes are decoded first (news/charset.py:
labels that lie are caught and reported) and handed over as UTF-8 that says so. A feed that
parses badly but still yields entries is used (real feeds are often slightly broken), and what
was wrong with it is kept as a warning; one that yields nothing is an error.

Every field is cut to a bound here, where it enters, with a visible mark: a 1 MB title must not
make every report, alert and store row that quotes it a megabyte.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cache

from safepost.model import Headline

TITLE_CHARS = 500
SUMMARY_CHARS = 2000
LINK_CHARS = 2000
NAME_CHARS = 200  # a feed's or a source's name
MESSAGE_CHARS = 300  # what a parser or a server says about a broken document
CUT = "…"
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_CHARSET_PARAM = re.compile(r"\s*;\s*charset\s*=[^;]*", re.IGNORECASE)
# Feeds say "no" for Norwegian; the rest of safepost speaks Bokmål as "nb".
_LANGUAGE_ALIASES = {"no": "nb"}
# Tags that separate words when HTML is flattened ("one<br>two" is two words, "<b>on</b>e" one).
_BREAKING_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr img li main nav ol p pre section table td th tr ul".split())


class FeedError(Exception):
    """The body is not a usable feed; the message is shown to the user as the reason."""


@dataclass(frozen=True)
class Feed:
    title: str
    language: str | None
    entries: tuple[Headline, ...]  # source and region are the caller's to fill in
    warnings: tuple[str, ...] = ()  # a lying charset label, feedparser's complaints

    def headlines(self, source: str, region: str | None) -> list[Headline]:
        return [replace(entry, source=source, region=region) for entry in self.entries]

    def as_json(self) -> dict:
        """The feed as read, for the cache: a feed that answers "not modified" is not parsed again."""
        return {"title": self.title, "language": self.language, "warnings": list(self.warnings),
                "entries": [[e.title, e.link, e.published.timestamp() if e.published else None, e.summary, e.language]
                            for e in self.entries]}

    @staticmethod
    def from_json(found) -> "Feed":
        """Raises ValueError (or TypeError, KeyError) for anything `as_json` did not write."""
        entries = tuple(Headline(str(title), link=str(link), summary=str(summary),
                                 published=datetime.fromtimestamp(moment, timezone.utc) if moment is not None else None,
                                 language=None if language is None else str(language))
                        for title, link, moment, summary, language in found["entries"])
        return Feed(str(found["title"]), found["language"] and str(found["language"]), entries,
                    tuple(str(warning) for warning in found["warnings"]))


def parse_feed(body: bytes, *, content_type: str | None = None,
               base_url: str | None = None) -> Feed:
    """Raise FeedError when the body holds no entries and is not a well-formed feed."""
    import feedparser
    from feedparser.exceptions import ThingsNobodyCaresAboutButMe

    from safepost.news.charset import as_utf8_xml, decode_feed

    decoded = decode_feed(body, content_type)
    headers = {}
    if content_type:
        headers["content-type"] = _CHARSET_PARAM.sub("", content_type) + "; charset=utf-8"
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(io.BytesIO(as_utf8_xml(decoded)), response_headers=headers)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if decoded.text.lstrip().startswith(("{", "[")):
            raise FeedError("JSON, not RSS or Atom (a JSON Feed?): JSON Feed is not supported; "
                            "use the site's RSS or Atom address")
        if problem is not None and not isinstance(problem, ThingsNobodyCaresAboutButMe):
            raise FeedError(f"malformed XML: {_reason(problem)}")
        if not parsed.get("version"):
            raise FeedError("not a feed (no RSS or Atom found)")
    warnings = [decoded.problem] if decoded.problem else []
    if problem is not None:
        warnings.append(clip(f"feedparser: {type(problem).__name__}: {_reason(problem)}", MESSAGE_CHARS))
    feed_language = parsed.feed.get("language")
    return Feed(
        title=_bounded(parsed.feed.get("title", ""), parsed.feed.get("title_detail"), NAME_CHARS),
        language=normalize_language(feed_language),
        entries=tuple(_headline(entry, feed_language) for entry in parsed.entries),
        warnings=tuple(warnings),
    )


def clip(text: str, limit: int) -> str:
    """At most `limit` characters; a cut text ends with '…' so the reader knows."""
    return text if len(text) <= limit else text[:limit - 1] + CUT


def _reason(problem: Exception) -> str:
    message = getattr(problem, "getMessage", None)
    return message() if callable(message) else str(problem)


def _headline(entry, feed_language: str | None) -> Headline:
    title_detail = entry.get("title_detail") or {}
    return Headline(
        title=_bounded(entry.get("title", ""), title_detail, TITLE_CHARS),
        link=clip(entry.get("link", ""), LINK_CHARS),
        published=_published(entry),
        summary=_bounded(entry.get("summary", ""), entry.get("summary_detail"), SUMMARY_CHARS),
        language=normalize_language(title_detail.get("language") or feed_language),
    )


def _bounded(value: str, detail: dict | None, limit: int) -> str:
    """Flattened to words and clipped; markup beyond a few times the bound is not even read."""
    return clip(plain_text(value[:limit * 4], detail), limit)


def _published(entry) -> datetime | None:
    """feedparser gives UTC struct_times; a nonsense date in the feed means no date, not a crash."""
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    try:
        return datetime(*moment[:5], min(moment[5], 59), tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None


def size(count: int) -> str:
    """A byte count as a person reads it in a status: "10 MB", "512 KB"."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count} bytes"


def normalize_language(code: str | None) -> str | None:
    """'en-US' -> 'en'; anything that is not a language code -> None."""
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    primary = _LANGUAGE_ALIASES.get(primary, primary)
    return primary if _LANGUAGE.match(primary) else None


def plain_text(value: str, detail: dict | None) -> str:
    """Flatten HTML content to words; plain-text content is already unescaped by feedparser."""
    if "html" in ((detail or {}).get("type") or ""):
        extractor = _text_extractor()()
        extractor.feed(value)
        extractor.close()
        value = "".join(extractor.parts)
    return " ".join(value.split())


@cache
def _text_extractor() -> type:
    """An HTML-to-words parser; html.parser is loaded only when a feed has HTML to flatten."""
    from html.parser import HTMLParser

    class TextExtractor(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs) -> None:
            if tag in _BREAKING_TAGS:
                self.parts.append(" ")

        def handle_endtag(self, tag: str) -> None:
            self.handle_starttag(tag, ())

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    return TextExtractor
