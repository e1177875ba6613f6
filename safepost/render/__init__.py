"""Renderers: the same Report as terminal text, JSON (the scripting contract), Markdown, Slack
mrkdwn or a self-contained HTML page. What they share lives here: the Report, the one sanitiser
(`safe`), the JSON forms of findings and incidents, and a post's local time."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from safepost.model import Decision, Finding, Incident, Post, Verdict, iso
from safepost.text.normalize import clean_for_terminal

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class Report:
    now: datetime
    decisions: list[Decision]
    incidents: list[Incident] = field(default_factory=list)
    feeds: list[Any] = field(default_factory=list)  # FeedStatus from safepost.news.fetch
    notices: list[str] = field(default_factory=list)  # run-wide remarks: "news not checked", ...
    source: str | None = None  # the queue file the posts were read from
    config_path: str | None = None  # the team's config, for the commands the report suggests

    def summary(self) -> dict[str, int]:
        counts = Counter(d.verdict for d in self.decisions)
        return {str(verdict): counts.get(verdict, 0) for verdict in (Verdict.PASS, Verdict.FLAG, Verdict.HOLD)}


def safe(text: object) -> str:
    """The one sanitiser for every line safepost prints, to a terminal, a file or cron mail: text
    from feeds and posts is data, so control characters (an ANSI or OSC sequence) are shown, not
    obeyed, and bidi overrides cannot reorder what is around them. Lengths are kept, so a
    finding's span still points at the same characters."""
    text = str(text)
    return clean_for_terminal(text) if _unsafe().search(text) else text  # most text needs nothing


@lru_cache(maxsize=1)
def _unsafe():
    """What clean_for_terminal would change, as one pattern: searching is much faster than
    translating text that has nothing to translate."""
    import re

    from safepost.text.normalize import _TERMINAL

    return re.compile("[" + "".join(f"\\u{code:04x}" for code in sorted(_TERMINAL)) + "]")


@lru_cache(maxsize=1)
def _unsafe_in_json():
    import re

    from safepost.text.normalize import _TERMINAL

    codes = sorted(code for code in _TERMINAL if code >= 0x7F)  # JSON escapes C0 itself
    return re.compile("[" + "".join(f"\\u{code:04x}" for code in codes) + "]")


def safe_json(document: str) -> str:
    """A JSON text whose strings hold only what `safe` lets through raw: the characters `safe`
    replaces (DEL, C1 controls, bidi overrides, invisible characters) are written as \\u escapes.
    The data stays exact for a script; a terminal or a mail reader showing it obeys nothing."""
    return _unsafe_in_json().sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def utc_label(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


@lru_cache(maxsize=512)
def _zone(name: str | None):
    from zoneinfo import ZoneInfo

    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # the queue reader has vetted it; never fail to print
        return timezone.utc


@lru_cache(maxsize=512)
def _region_zone(region: str | None) -> str | None:
    if not region:
        return None
    from safepost.calendar import REGION_TIMEZONES

    return REGION_TIMEZONES.get(region.upper())


def zone_name(post: Post) -> str:
    """The zone a post is read in: its own, else its region's, else UTC."""
    return post.timezone or _region_zone(post.region) or "UTC"


def local_time(post: Post) -> datetime:
    """The post's scheduled time as its audience's clock shows it."""
    return post.scheduled_at.astimezone(_zone(zone_name(post)))


def time_label(moment: datetime, weekday: bool = False, year: bool = False) -> str:
    """'31 Jul 13:00 EDT' (English names whatever the machine's locale); 'Fri 31 Jul ...' with
    the weekday; the zone's abbreviation, or its offset where it has none."""
    day = f"{WEEKDAYS[moment.weekday()]} " if weekday else ""
    when = f"{day}{moment.day} {MONTHS[moment.month - 1]}{f' {moment.year}' if year else ''} {moment:%H:%M}"
    return f"{when} {moment.tzname() or moment.strftime('%z')}"


def incident_dict(incident: Incident) -> dict:
    return {"id": incident.id, "title": incident.title, "kind": incident.kind,
            "severity": incident.severity, "terms": list(incident.terms),
            "regions": list(incident.regions), "reach": incident.reach, "deaths": incident.deaths,
            "injured": incident.injured, "threatened": incident.threatened, "sources": incident.sources,
            "active_until": iso(incident.active_until),
            "headlines": [h.as_dict() for h in incident.headlines]}


def finding_dict(finding: Finding) -> dict:
    return {"rule": finding.rule, "check": finding.check, "verdict": str(finding.level),
            "message": finding.message, "match": finding.match,
            "span": list(finding.span) if finding.span else None, "evidence": finding.evidence}


def json_schema(name: str) -> dict:
    """The JSON Schema shipped for a command's `--format json` output: check, news, status, dates."""
    import json
    from importlib.resources import files

    return json.loads(files("safepost").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8"))


def fails(decisions: list[Decision], threshold: Verdict) -> bool:
    return any(d.verdict >= threshold for d in decisions)
