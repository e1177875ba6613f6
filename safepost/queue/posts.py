"""The one place a raw row becomes a Post: values read through the mapping, checked, and dated."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from safepost.config import check_timezone
from safepost.errors import InputError
from safepost.model import Post
from safepost.platforms import UNKNOWN, canonical, check_platform
from safepost.queue.columns import Mapping
from safepost.queue.source import RawRow
from safepost.queue.times import TimeOptions, parse_time
from safepost.rulebook.fields import check_language, check_region, did_you_mean

CRISIS_YES = ("1", "true", "yes", "y", "x", "crisis")
CRISIS_NO = ("", "0", "false", "no", "n")


class PostBuilder:
    def __init__(self, path: str, stem: str, mapping: Mapping, zone: ZoneInfo | None,
                 platform: str | None, options: TimeOptions, platforms: tuple[str, ...] = ()):
        self.path = path
        self.stem = stem
        self.mapping = mapping
        self.zone = zone
        self.platform = platform
        self.options = options
        self.platforms = platforms  # the config's own networks, known besides the shipped ones
        self._single = {field: sources[0] for field, sources in mapping.sources.items() if len(sources) == 1}
        self._valid: set[tuple[str, str]] = set()  # (field, value) already checked: a queue repeats a few

    def build(self, row: RawRow) -> Post:
        text = self._value(row, "text")
        if text is None:
            raise self._missing(row, "text")
        when = self._value(row, "scheduled_at")
        if not when:
            raise self._missing(row, "scheduled_at")
        zone_name = self._value(row, "timezone") or None
        zone = check_timezone(zone_name, self.path, self._line(row, "timezone")) if zone_name else self.zone
        platform = self._platform(row)
        try:
            scheduled_at = parse_time(when, zone, self.options, self.path, None)
        except InputError as error:  # the cell's line is looked up only for the message
            error.line = self._line(row, "scheduled_at")
            raise
        return Post(
            id=self._id(row, platform, scheduled_at, text),
            platform=platform,
            scheduled_at=scheduled_at,
            text=text,
            timezone=zone_name,
            region=self._region(row),
            language=self._language(row),
            reply_to=self._value(row, "reply_to") or None,
            link=self._value(row, "link") or None,
            media_alt=self._value(row, "media_alt") or None,
            account=self._value(row, "account") or None,
            crisis=self._crisis(row),
            source_line=row.line,
        )

    def _id(self, row: RawRow, platform: str, scheduled_at: datetime, text: str) -> str:
        value = self._value(row, "id")
        if value:
            return value
        if "id" in self.mapping.required:
            raise self._missing(row, "id")
        return derived_id(platform, scheduled_at, text)

    def _platform(self, row: RawRow) -> str:
        written = self._value(row, "platform")
        if written:
            return self._checked(row, "platform", written,
                                 lambda line: check_platform(written, self.platforms, self.path, line))
        if self.platform:
            return self.platform
        if "platform" in self.mapping.required:
            raise self._missing(row, "platform", " (or pass --platform)")
        return UNKNOWN

    def _region(self, row: RawRow) -> str | None:
        """A known region code, or an error with the likely one ("UK": did you mean 'GB'?): an
        unknown code would silently skip that region's days and news."""
        value = (self._value(row, "region") or "").upper()
        return self._checked(row, "region", value, lambda line: check_region(value, self.path, line)) or None

    def _language(self, row: RawRow) -> str | None:
        value = (self._value(row, "language") or "").lower()
        return self._checked(row, "language", value, lambda line: check_language(value, self.path, line)) or None

    def _checked(self, row: RawRow, field: str, value: str, check) -> str:
        """The value, once `check(line)` has passed it (each distinct value is checked once)."""
        if value and (field, value) not in self._valid:
            check(self._line(row, field))
            self._valid.add((field, value))
        return value

    def _crisis(self, row: RawRow) -> bool:
        """A yes/no column: a typo must not quietly let a post through a pause, nor hold one."""
        value = (self._value(row, "crisis") or "").lower()
        if value in CRISIS_YES or value in CRISIS_NO:
            return value in CRISIS_YES
        raise InputError(f"crisis: '{value}' is neither yes nor no{did_you_mean(value, CRISIS_YES + CRISIS_NO)} "
                         f"(yes: {', '.join(CRISIS_YES)}; no: empty, {', '.join(CRISIS_NO[1:])})",
                         self.path, self._line(row, "crisis"))

    def _value(self, row: RawRow, field: str) -> str | None:
        """The field's text, or None when the row lacks it; text keeps its spaces, the rest are trimmed."""
        column = self._single.get(field)
        if column is not None:  # the common case (one column, a CSV cell), kept cheap
            value = row.values.get(column)
            if value is None or type(value) is str:
                return value if value is None or field == "text" else value.strip()
        parts = [_scalar(row.values.get(column), column, self.path, row.line_of(column))
                 for column in self.mapping.sources[field]]
        present = [part for part in parts if part is not None]
        if not present:
            return None
        if field == "text":
            return present[0]
        return " ".join(part.strip() for part in present if part.strip())

    def _line(self, row: RawRow, field: str) -> int:
        return row.line_of(self.mapping.sources[field][0])

    def _missing(self, row: RawRow, field: str, hint: str = "") -> InputError:
        column = " + ".join(self.mapping.sources[field])
        if self.mapping.sources[field][0] in row.values:
            return InputError(f"'{column}' is empty{hint}", self.path, self._line(row, field))
        keys = [key for key in row.values if key]
        return InputError(f"no '{column}'{hint}{did_you_mean(column, keys)}; this post has: {', '.join(keys)}",
                          self.path, row.line)


def derived_id(platform: str, scheduled_at: datetime, text: str) -> str:
    """An export without ids names its posts by network, time and text: a row inserted above,
    or the file downloaded again under another name, keeps every approval on its own post, and
    an edited text is a new post ("twitter-20260731T1700Z-3fa2c1d0")."""
    from safepost.records import fingerprint

    moment = scheduled_at.astimezone(timezone.utc)
    return f"{canonical(platform)}-{moment:%Y%m%dT%H%MZ}-{fingerprint(text)[:8]}"


def same_slot(post_id: str) -> str | None:
    """The network-and-time part of a derived id: another text in the same slot shares it."""
    parts = post_id.rsplit("-", 1)
    return parts[0] + "-" if len(parts) == 2 and len(parts[1]) == 8 and parts[0].endswith("Z") else None


def _scalar(value: Any, column: str, path: str, line: int) -> str | None:
    """A cell or a JSON/YAML value as text; lists, mappings and yes/no are mistakes, not posts."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(f"'{column}' is true/false; quote it if it is text", path, line)
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, date):  # YAML reads 2026-08-01 09:00:00 as a timestamp
        return value.isoformat()
    kind = "list" if isinstance(value, (list, set)) else "mapping" if isinstance(value, dict) \
        else type(value).__name__
    raise InputError(f"'{column}' must be a single value, not a {kind}", path, line)
