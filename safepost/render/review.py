"""What every human-facing format shows, decided once: the summary row of each flagged or held
post (its first reason in a few words), and the details grouped by cause, so an incident, a
sensitive day or a rule is explained once, followed by the posts it touches.

Pure data in, plain strings out; each renderer escapes them for its own medium (`safe` for a
terminal, HTML escaping, Markdown or Slack escaping)."""
from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Callable, Iterator

from safepost.model import Decision, Finding, Incident, Verdict
from safepost.render import Report, safe, utc_label

MAX_HEADLINES = 5
BLANKET = ("pause", "news")  # causes that hold every post whatever it says: listed, not quoted
KIND_ORDER = {"incident": 0, "date": 1, "rule": 2, "pause": 3, "news": 4}


@dataclass
class Entry:
    """A post under one cause, with the findings that cause gave it."""

    decision: Decision
    findings: list[Finding]

    @property
    def level(self) -> Verdict:
        return max(f.level for f in self.findings)


@dataclass
class Cause:
    key: tuple
    kind: str  # incident | date | rule | pause | news
    title: str
    facts: list[str] = field(default_factory=list)
    headlines: list[dict] = field(default_factory=list)
    more_headlines: int = 0
    entries: list[Entry] = field(default_factory=list)
    incident: Incident | None = None

    @property
    def level(self) -> Verdict:
        return max(entry.level for entry in self.entries)

    @property
    def blanket(self) -> bool:
        return self.kind in BLANKET

    def rules(self) -> list[Finding]:
        """One finding per rule of this cause, in order of appearance: where its note is read."""
        seen: dict[str, Finding] = {}
        for entry in self.entries:
            for finding in entry.findings:
                seen.setdefault(finding.rule, finding)
        return list(seen.values())


def flagged(report: Report) -> list[Decision]:
    """Every flagged and held post, holds first, each in scheduled order."""
    return sorted((d for d in report.decisions if d.verdict > Verdict.PASS),
                  key=lambda d: (-d.verdict, d.post.scheduled_at))


def first_finding(decision: Decision) -> Finding | None:
    """The finding that best says why: at the post's own level, one that names words first."""
    top = [f for f in decision.findings if f.level == decision.verdict] or list(decision.findings)
    own = [f for f in top if f.check not in BLANKET] or top  # a pause holds everything: it says less
    return next((f for f in own if f.match and f.check != "platform"), own[0] if own else None)


def incident_label(evidence: dict) -> str:
    """'Denver shooting': what the story is about and what happened, in two words."""
    terms = evidence.get("terms") or ()
    kind = evidence.get("kind") or "incident"
    return f"{terms[0]} {kind}" if terms else str(evidence.get("incident") or kind)


def day_label(evidence: dict) -> str:
    name = str(evidence.get("name") or "a sensitive day")
    return name[4:] if name.startswith("the ") else name


def reason_parts(decision: Decision) -> tuple[str, str]:
    """The first reason in a few words, as (what, the words that fired): ('Denver shooting',
    'killer'), ('too long', ''), ('dismissive reply', 'Nobody asked for your')."""
    finding = first_finding(decision)
    if finding is None:
        return "", ""
    evidence = finding.evidence
    match = " ".join(finding.match.split()) if finding.check != "platform" else ""
    if finding.check == "pause":
        return ("missed during a pause" if evidence.get("missed") else "the queue is paused"), ""
    if finding.check == "news":
        return "the news was not read", ""
    if finding.rule == "platform.too-long":
        return f"too long ({evidence.get('length', 0):,} of {evidence.get('limit', 0):,} chars)", ""
    if finding.rule == "platform.cross-post":
        return "same as " + ", ".join(evidence.get("posts", ())[:3]), ""
    if evidence.get("incident_id"):
        label = incident_label(evidence)
        return (f"first hours of the {label}" if finding.check == "incident-window" else label), match
    if finding.check == "dates":
        return day_label(evidence), match
    if evidence.get("category"):
        return str(evidence["category"]) + (" reply" if finding.check == "replies" else ""), match
    if evidence.get("topic"):
        return str(evidence["topic"]), match
    return finding.message.split(":", 1)[0], match


def short_reason(decision: Decision) -> str:
    """"Denver shooting: 'killer'", "too long (342 of 280 chars)"."""
    label, match = reason_parts(decision)
    return f"{label}: '{match}'" if match else label


def cause_key(finding: Finding) -> tuple:
    evidence = finding.evidence
    if finding.check in BLANKET:
        return (finding.check, finding.rule, str(evidence.get("pause", "")))
    if evidence.get("incident_id"):
        return ("incident", evidence["incident_id"])
    if finding.check == "dates":
        return ("date", finding.rule, str(evidence.get("date", "")))
    return ("rule", finding.rule)


def causes(report: Report) -> list[Cause]:
    """The details, grouped: each incident, sensitive day or rule once, with the flagged and held
    posts it touches (in scheduled order) and only the findings it gave them. Incidents first
    (most severe first), then sensitive days (by date), then rules (holds first), then what holds
    everything (a pause, unread news)."""
    by_key: dict[tuple, Cause] = {}
    incidents = {incident.id: incident for incident in report.incidents}
    for decision in sorted((d for d in report.decisions if d.verdict > Verdict.PASS),
                           key=lambda d: d.post.scheduled_at):
        mine: dict[tuple, list[Finding]] = {}
        for finding in decision.findings:
            if finding.level > Verdict.PASS:
                mine.setdefault(cause_key(finding), []).append(finding)
        for key, findings in mine.items():
            cause = by_key.get(key)
            if cause is None:
                cause = by_key[key] = _new_cause(key, findings[0], incidents)
            cause.entries.append(Entry(decision, findings))
    return sorted(by_key.values(), key=_order)


def _order(cause: Cause):
    incident = cause.incident
    if cause.kind == "incident":
        return (0, -(incident.severity if incident else 0), cause.title)
    if cause.kind == "date":
        return (1, cause.key[2], cause.title)
    return (KIND_ORDER[cause.kind], -cause.level, cause.key[1])


def _new_cause(key: tuple, finding: Finding, incidents: dict[str, Incident]) -> Cause:
    evidence = finding.evidence
    kind = key[0]
    if kind == "incident":
        incident = incidents.get(key[1])
        headlines = [h.as_dict() for h in incident.headlines] if incident else list(evidence.get("headlines", ()))
        regions = ", ".join(incident.regions if incident else evidence.get("regions", ())) or "place unknown"
        severity = incident.severity if incident else evidence.get("severity", "?")
        facts = [f"{evidence.get('kind', 'incident')}, severity {severity}, {regions}"]
        if incident and incident.active_until:
            facts.append(f"in the news until {utc_label(incident.active_until)}")
        return Cause(key, kind, str(evidence.get("incident") or key[1]), facts, headlines[:MAX_HEADLINES],
                     max(0, len(headlines) - MAX_HEADLINES), incident=incident)
    if kind == "date":
        where = f" in {evidence['region']}" if evidence.get("region") else ""
        title = _date_title(evidence)
        return Cause(key, kind, title[:1].upper() + title[1:], [f"{_day(evidence.get('date'))}{where}"])
    if kind == "pause":
        from safepost.records import Scope

        scope = Scope.of(**evidence.get("scope", {})).label
        title = f"Paused: {scope} (pause {evidence.get('pause_id')})" if "pause_id" in evidence else "The queue is paused"
        return Cause(key, kind, title if not evidence.get("missed") else
                     "Missed during a pause: reschedule or approve", [str(evidence.get("pause", ""))])
    if kind == "news":
        return Cause(key, kind, "The news was not read", [finding.message])
    return Cause(key, kind, finding.rule)


def _date_title(evidence: dict) -> str:
    from safepost.calendar import named_occurrence

    return named_occurrence(str(evidence.get("name", "a sensitive day")), evidence.get("anniversary"))


def published_label(value) -> str:
    """A headline's ISO time as '2026-07-31 11:20 UTC'; 'undated' without one."""
    if not value:
        return "undated"
    from datetime import datetime

    try:
        return utc_label(datetime.fromisoformat(str(value).replace("Z", "+00:00")))
    except ValueError:
        return str(value)


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def news_line(report: Report) -> str:
    """'news: 1 of 1 feed read, 1 incident', or '' when no feed was named."""
    if not report.feeds:
        return ""
    read = sum(1 for status in report.feeds if status.read)
    return f"news: {read} of {plural(len(report.feeds), 'feed')} read, {plural(len(report.incidents), 'incident')}"


def _day(value) -> str:
    """'Sat 1 Aug 2026' for an ISO date."""
    from datetime import date

    from safepost.render import MONTHS, WEEKDAYS

    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def without_title(message: str, cause: Cause) -> str:
    """A finding's message under its incident's heading, without quoting the headline again."""
    if cause.kind != "incident" or not cause.title:
        return message
    quoted = f'"{cause.title}"'
    if message.endswith(": " + quoted):
        return message[:-len(quoted) - 2]
    return message.replace(quoted, "this story")


def spans(findings, post_text: str) -> list[tuple[int, int, Verdict]]:
    """The matched words to highlight, without overlaps (the stronger level wins); a platform
    finding's span (the text past the limit) is not a word."""
    found = sorted(((f.span[0], f.span[1], f.level) for f in findings
                    if f.span and f.check != "platform" and 0 <= f.span[0] < f.span[1] <= len(post_text)),
                   key=lambda s: (-s[2], s[0]))
    kept: list[tuple[int, int, Verdict]] = []
    for start, end, level in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, level))
    return sorted(kept)


def marked_up(text: str, findings, limit: int, plain, mark) -> tuple[str, int]:
    """A post's text, at most `limit` characters of it, with each matched word rendered by
    `mark(word, level)` and the rest by `plain(text)` (each format escapes its own way); and how
    many characters were left out."""
    text = safe(text)
    cut = text[:limit]
    out, position = [], 0
    for start, end, level in spans(findings, text):
        if start >= len(cut):
            break
        end = min(end, len(cut))
        out.append(plain(cut[position:start]))
        out.append(mark(cut[start:end], level))
        position = end
    out.append(plain(cut[position:]))
    return "".join(out), len(text) - len(cut)


def merged(findings) -> list[tuple[Finding, list[str]]]:
    """Findings of one rule saying the same thing (two insults in one reply), as one, with all
    their words when there is more than one."""
    found: dict[tuple, tuple[Finding, list[str]]] = {}
    for finding in findings:
        first, matches = found.setdefault((finding.rule, finding.level, finding.message), (finding, []))
        words = " ".join(finding.match.split())
        if words and finding.check != "platform" and words not in matches:
            matches.append(words)
    return [(finding, matches if len(matches) > 1 else []) for finding, matches in found.values()]


def approve_command(decision: Decision, config_path: str | None) -> str:
    where = f" --config {shlex.quote(config_path)}" if config_path else ""
    return f"safepost approve {shlex.quote(decision.post.id)} --by YOUR-NAME{where}"


def rule_notes(finding: Finding) -> list[tuple[str, str]]:
    """('note', ...) and ('source', ...) of the rule behind a finding, where it has them."""
    return [(key, str(finding.evidence[key])) for key in ("note", "source") if finding.evidence.get(key)]


def notes_once(cause: Cause, noted: set[str]) -> Iterator[tuple[Finding, str, str]]:
    """(finding, key, text) of each rule's note and source the first time a report meets the
    rule: a long report says why once, not under every post."""
    for finding in cause.rules():
        if finding.rule not in noted:
            noted.add(finding.rule)
            for key, value in rule_notes(finding):
                yield finding, key, value


def headline_source(headline: dict, clean: Callable[[str], str]) -> str:
    """'Wire, 2026-07-31 11:20 UTC': where and when a headline ran, each part made safe by `clean`."""
    parts = (headline.get("source") or "", published_label(headline.get("published")))
    return ", ".join(clean(part) for part in parts if part)


def unplaced_incidents(report: Report, shown: list[Cause]) -> list[Incident]:
    """Incidents in the news that touched no post: still worth a line."""
    touched = {cause.key[1] for cause in shown if cause.kind == "incident"}
    return [incident for incident in report.incidents if incident.id not in touched]
