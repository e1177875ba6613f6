"""Turn a queue's time into an aware datetime, never guessing the zone from the machine it runs on.

ISO 8601 is read with the standard library. Anything else ("01/08/2026 09:00", "1 sierpnia 2026
9:00") goes to dateparser, imported only then: it costs start-up time most queues never need.
dateparser is held to absolute dates in the configured order: "tomorrow" in a queue file means
whatever day the check runs, which is never what its author meant.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from safepost.errors import InputError

MAX_LENGTH = 100  # dateparser's time grows with the input; no real date is longer
_FIXED_BASE = datetime(2000, 1, 1)  # dateparser must not read the clock to fill in parts


@dataclass(frozen=True)
class TimeOptions:
    date_order: str = "YMD"  # the file's one order (queue/dateorder.py)
    languages: tuple[str, ...] = ()
    order_source: str = "set in safepost.yaml"  # where the order came from, for messages


def parse_time(value: str, zone: ZoneInfo | None, options: TimeOptions, path: str, line: int) -> datetime:
    from safepost.queue.dateorder import check_row

    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        check_row(text, options.date_order, options.order_source, path, line)
        parsed = _parse_written(text, options, path, line)
    if parsed.tzinfo is not None:
        _through_utc(parsed, path, line)
        return parsed
    if zone is None:
        raise InputError(f"'{text}' has no UTC offset and no time zone is set: add an offset "
                         f"(2026-08-01T09:00+02:00), a 'timezone' column, or 'timezone:' in safepost.yaml",
                         path, line)
    return _localize(parsed, zone, path, line)


def _parse_written(text: str, options: TimeOptions, path: str, line: int) -> datetime:
    unreadable = InputError(f"cannot read '{text[:40]}' as a date and time: write it like "
                            f"2026-08-01T09:00+02:00 (relative dates such as 'tomorrow' are not accepted)",
                            path, line)
    if not text or len(text) > MAX_LENGTH:
        raise unreadable
    import dateparser
    from dateparser.data.languages_info import language_order

    languages = [code for code in options.languages if code in language_order] or None
    settings = {
        "DATE_ORDER": options.date_order,
        "TIMEZONE": "UTC",  # explicit, so a time without a zone comes back naive and gets the post's zone
        "RELATIVE_BASE": _FIXED_BASE,
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError, LookupError):
        parsed = None
    if parsed is None:
        raise unreadable
    # TIMEZONE="UTC" has already taken a written offset to UTC; swap pytz's UTC for the standard one
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo else parsed


def _localize(naive: datetime, zone: ZoneInfo, path: str, line: int) -> datetime:
    """The wall-clock time in the zone; a time skipped when clocks go forward is an error."""
    aware = naive.replace(tzinfo=zone)
    if _through_utc(aware, path, line).replace(tzinfo=None) != naive:
        raise InputError(f"{naive:%Y-%m-%d %H:%M} does not exist in {zone.key} (the clocks go forward "
                         f"then); give the time with an offset", path, line)
    return aware


def _through_utc(moment: datetime, path: str, line: int) -> datetime:
    """The moment taken to UTC and back: normalises skipped wall times, and fails at the calendar's
    ends, where there is no room for an offset."""
    try:
        return moment.astimezone(timezone.utc).astimezone(moment.tzinfo)
    except OverflowError:
        raise InputError(f"{moment.isoformat()} is out of range", path, line) from None
