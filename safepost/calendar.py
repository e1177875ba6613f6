"""The sensitive-day calendar: which date rules a post falls on, the coming days, the queue laid
over them, and an iCalendar export for the team calendar. Pure: the CLI does the I/O.

A day is a day in the audience's time zone: a post at 23:30 UTC on 10 September is 11 September
in Sydney but not in New York. The zone is the post's own, else its region's (REGION_TIMEZONES),
else the config's, else UTC.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from safepost.model import Decision, Finding, Post
from safepost.rulebook.dateexpr import MONTHS
from safepost.rulebook.dates import DateIndex, Occurrence, ordinal

# One zone per region code. Multi-zone countries take the zone most of the audience lives in,
# which is also where national remembrance is set: US -> Eastern (New York), RU -> Moscow,
# CA -> Toronto, AU -> Sydney, BR -> Sao Paulo, MX -> Mexico City, KZ -> Almaty, ID -> Jakarta.
REGION_TIMEZONES = {
    "US": "America/New_York", "CA": "America/Toronto", "MX": "America/Mexico_City",
    "BR": "America/Sao_Paulo", "AR": "America/Argentina/Buenos_Aires", "GB": "Europe/London",
    "IE": "Europe/Dublin", "PL": "Europe/Warsaw", "UA": "Europe/Kyiv", "RU": "Europe/Moscow",
    "BY": "Europe/Minsk", "NO": "Europe/Oslo", "SE": "Europe/Stockholm", "DK": "Europe/Copenhagen",
    "FI": "Europe/Helsinki", "DE": "Europe/Berlin", "FR": "Europe/Paris", "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon", "IT": "Europe/Rome", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels",
    "CH": "Europe/Zurich", "AT": "Europe/Vienna", "CZ": "Europe/Prague", "SK": "Europe/Bratislava",
    "HU": "Europe/Budapest", "RO": "Europe/Bucharest", "MD": "Europe/Chisinau", "LT": "Europe/Vilnius",
    "LV": "Europe/Riga", "EE": "Europe/Tallinn", "GR": "Europe/Athens", "TR": "Europe/Istanbul",
    "GE": "Asia/Tbilisi", "AM": "Asia/Yerevan", "AZ": "Asia/Baku", "KZ": "Asia/Almaty",
    "IL": "Asia/Jerusalem", "IN": "Asia/Kolkata", "CN": "Asia/Shanghai", "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul", "ID": "Asia/Jakarta", "AU": "Australia/Sydney", "NZ": "Pacific/Auckland",
    "ZA": "Africa/Johannesburg",
}
ANNIVERSARY_PREFIX = "the anniversary of "


@dataclass(frozen=True)
class Hit:
    """A post that falls on a date rule's window, as seen by one audience region."""

    occurrence: Occurrence
    region: str | None
    local: datetime  # the scheduled time in the audience's zone


def date_index(rulebook) -> DateIndex:
    return rulebook.cached("date-index", lambda: DateIndex(rulebook.date_rules))


def audience_zones(post: Post, audience) -> list[tuple[str | None, ZoneInfo]]:
    """(region, zone) for each region the post is for; one region-less entry when none is known."""
    regions = (post.region.upper(),) if post.region else tuple(audience.regions)
    fallback = audience.timezone or "UTC"
    if not regions:
        return [(None, ZoneInfo(post.timezone or fallback))]
    return [(region, ZoneInfo(post.timezone or REGION_TIMEZONES.get(region, fallback)))
            for region in regions]


def hits(post: Post, rulebook) -> list[Hit]:
    """The date rules a post falls on, each once (the first audience region it applies to)."""
    index = date_index(rulebook)
    found: dict[str, Hit] = {}
    for region, zone in audience_zones(post, rulebook.audience):
        local = post.scheduled_at.astimezone(zone)
        for occurrence in index.on(local.date()):
            if occurrence.rule.id not in found and occurrence.rule.applies_to(region):
                found[occurrence.rule.id] = Hit(occurrence, region, local)
    return list(found.values())


def upcoming(rulebook, regions: tuple[str, ...], start: date, days: int) -> list[Occurrence]:
    """Sensitive days whose window touches the `days` days from `start`; no regions = all."""
    end = start + timedelta(days - 1)
    return [occurrence for occurrence in date_index(rulebook).between(start, end)
            if not regions or any(occurrence.rule.applies_to(region) for region in regions)]


def regions_without_days(rulebook, regions: tuple[str, ...]) -> list[str]:
    """Regions no date rule names (a typo such as UK for GB, or a country with no pack yet)."""
    named = {region for rule in rulebook.date_rules for region in rule.regions}
    return [region for region in regions if region not in named]


@dataclass(frozen=True)
class Placement:
    """A queued post on a sensitive day, with what the dates check said about it (None = pass)."""

    hit: Hit
    decision: Decision
    finding: Finding | None


def overlay(decisions: list[Decision], rulebook) -> list[tuple[Occurrence, list[Placement]]]:
    """Every sensitive day around the queue's span (first post to last), each with its posts."""
    if not decisions:
        return []
    placed: dict[tuple[str, date], list[Placement]] = {}
    regions: set[str] = set()
    for decision in decisions:
        regions.update(region for region, _ in audience_zones(decision.post, rulebook.audience) if region)
        for hit in hits(decision.post, rulebook):
            rule_id = hit.occurrence.rule.id
            finding = next((f for f in decision.findings if f.check == "dates" and f.rule == rule_id), None)
            placed.setdefault((rule_id, hit.occurrence.day), []).append(Placement(hit, decision, finding))
    moments = [d.post.scheduled_at for d in decisions]
    start = min(moments).date() - timedelta(1)  # a day either side: local dates differ from UTC
    days = (max(moments).date() - start).days + 2
    return [(o, sorted(placed.get((o.rule.id, o.day), []), key=lambda p: p.hit.local))
            for o in upcoming(rulebook, tuple(sorted(regions)) or ("*",), start, days)]


def day_text(day: date) -> str:
    """'1 August' (English month names whatever the machine's locale)."""
    return f"{day.day} {MONTHS[day.month - 1].title()}"


def describe(occurrence: Occurrence) -> str:
    """'the Warsaw Uprising remembrance day (73rd anniversary)'; a name that starts with 'the
    anniversary of' takes the number inside: 'the 7th anniversary of the Smolensk air crash'."""
    return named_occurrence(occurrence.rule.name, occurrence.anniversary)


def named_occurrence(name: str, number: int | None) -> str:
    """A day's name with its anniversary, as `describe` says it (for renderers that only have
    a finding's evidence: its `name` and `anniversary`)."""
    if not number or number < 1:
        return name
    if name.startswith(ANNIVERSARY_PREFIX):
        return f"the {ordinal(number)} anniversary of {name[len(ANNIVERSARY_PREFIX):]}"
    return f"{name} ({ordinal(number)} anniversary)"


def relation(occurrence: Occurrence, day: date) -> str:
    """How a day stands to the occurrence: 'is', 'is the eve of', 'is 2 days after'."""
    gap = (day - occurrence.day).days
    if gap == 0:
        return "is"
    if gap == -1:
        return "is the eve of"
    if gap == 1:
        return "is the day after"
    return f"is {abs(gap)} days {'before' if gap < 0 else 'after'}"


def to_ics(occurrences: list[Occurrence], stamp: datetime) -> bytes:
    """An iCalendar file with one all-day event per sensitive day, covering the days it counts
    (its window). The UID is made of the rule's id and the day, so exporting again (next week,
    with a longer --days) updates the same events in a calendar app instead of adding copies.
    The description is the day's note, then what safepost asks of posts, then the source."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//safepost//sensitive dates//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Sensitive dates (safepost)")
    seen: set[str] = set()
    for occurrence in occurrences:
        rule = occurrence.rule
        uid = ics_uid(occurrence)
        if uid in seen:
            continue
        seen.add(uid)
        regions = [region for region in rule.regions if region != "*"]
        asks = asks_text(rule)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", occurrence.first)
        event.add("dtend", occurrence.last + timedelta(1))
        event.add("summary", f"{', '.join(regions) or 'International'}: {_capitalised(describe(occurrence))}")
        event.add("description", "\n\n".join(filter(None, (
            rule.note, f"safepost: {asks}" if asks else "", f"Source: {rule.source}" if rule.source else ""))))
        event.add("categories", regions or ["International"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def ics_uid(occurrence: Occurrence) -> str:
    """Stable across exports: the rule's id and the day it falls on."""
    return f"{occurrence.rule.id}-{occurrence.day.isoformat()}@safepost"


def asks_text(rule) -> str:
    """'every post: flag; promotional posts: hold; posts naming it: flag unless sincere; naming it
    to sell or joke: hold'."""
    asks = rule.asks
    return "; ".join(filter(None, (
        f"every post: {asks.every_post}" if asks.every_post else "",
        f"promotional posts: {asks.promotional}" if asks.promotional else "",
        f"posts naming it: {asks.mentions} unless sincere" if asks.mentions else "",
        f"naming it to sell or joke: {asks.hooks}" if asks.hooks != asks.mentions and asks.hooks else "")))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
