"""Renderers: the same Report as terminal text, JSON (the scripting contract) or Markdown."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from safepost.model import Decision, Finding, Incident, Verdict, iso
from safepost.text.normalize import clean_for_terminal


@dataclass
class Report:
    now: datetime
    decisions: list[Decision]
    incidents: list[Incident] = field(default_factory=list)
    feeds: list[Any] = field(default_factory=list)  # FeedStatus from safepost.news.fetch
    notices: list[str] = field(default_factory=list)  # run-wide remarks: "news not checked", ...

    def summary(self) -> dict[str, int]:
        counts = Counter(str(d.verdict) for d in self.decisions)
        return {name: counts.get(name, 0) for name in ("pass", "flag", "hold")}


def safe(text: object) -> str:
    """The one sanitiser for every line safepost prints, to a terminal, a file or cron mail: text
    from feeds and posts is data, so control characters (an ANSI or OSC sequence) are shown, not
    obeyed."""
    return clean_for_terminal(str(text))


def utc_label(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def incident_dict(incident: Incident) -> dict:
    return {"id": incident.id, "title": incident.title, "kind": incident.kind,
            "severity": incident.severity, "terms": list(incident.terms),
            "regions": list(incident.regions), "active_until": iso(incident.active_until),
            "headlines": [h.as_dict() for h in incident.headlines]}


def finding_dict(finding: Finding) -> dict:
    return {"rule": finding.rule, "check": finding.check, "verdict": str(finding.level),
            "message": finding.message, "match": finding.match,
            "span": list(finding.span) if finding.span else None, "evidence": finding.evidence}


def fails(decisions: list[Decision], threshold: Verdict) -> bool:
    return any(d.verdict >= threshold for d in decisions)
