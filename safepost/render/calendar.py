"""The sensitive-day calendar as text (aligned columns, wrapped with hanging indents, no trailing
space) or JSON (safepost/schema/dates.schema.json): the coming days, or the queue laid over them.
Rule and post text is data: it goes through `safe` before it is laid out."""
from __future__ import annotations

import json
from datetime import date

from safepost.calendar import Placement, asks_text, day_text, describe
from safepost.model import Verdict, iso
from safepost.render import safe, safe_json, time_label
from safepost.render.layout import BADGE, BOLD, DIM, Ink, cells
from safepost.rulebook.dateexpr import MONTHS, WEEKDAYS
from safepost.rulebook.dates import Occurrence

EXCERPT = 60


def day_label(day: date) -> str:
    """'Sat 1 Aug 2026', whatever the machine's locale."""
    return f"{WEEKDAYS[day.weekday()][:3].title()} {day.day} {MONTHS[day.month - 1][:3].title()} {day.year}"


def window_label(occurrence: Occurrence) -> str:
    if occurrence.first == occurrence.last:
        return ""
    return f"counts from {day_text(occurrence.first)} to {day_text(occurrence.last)}"


def regions_label(occurrence: Occurrence) -> str:
    regions = [r for r in occurrence.rule.regions if r != "*"]
    return ", ".join(regions) or "all"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def render_days(occurrences: list[Occurrence], ink: Ink, heading: str) -> str:
    """A day per block: its date and regions in aligned columns, then what it is, its window,
    what it asks of posts and its note, wrapped under the description."""
    lines = [ink(heading, BOLD)]
    if not occurrences:
        return "\n".join(lines + ["No sensitive days in this period."]) + "\n"
    days = [day_label(o.day) for o in occurrences]
    regions = [safe(regions_label(o)) for o in occurrences]
    day_w, region_w = max(map(cells, days)), max(map(cells, regions))
    indent = day_w + 2 + region_w + 2
    for occurrence, day, region in zip(occurrences, days, regions):
        lines.append("")
        lines += ink.block(f"{_pad(day, day_w)}  {_pad(region, region_w)}  ", safe(describe(occurrence)),
                           prefix_cells=indent, style=BOLD)
        for extra in (window_label(occurrence), asks_text(occurrence.rule), occurrence.rule.note):
            if extra:
                lines += ink.block(" " * indent, safe(extra), style=DIM)
    return "\n".join(lines) + "\n"


def render_overlay(slots: list[tuple[Occurrence, list[Placement]]], ink: Ink) -> str:
    """Each sensitive day around the queue, then its posts in aligned columns: verdict, local
    time, network, post id and the start of its text, what the dates check said under it."""
    if not slots:
        return "No sensitive days in the queue's period.\n"
    placements = [p for _, found in slots for p in found]
    times = [time_label(p.hit.local).split(" ", 2)[2] for p in placements]  # '10:00 CEST'
    networks = [safe(p.decision.post.platform) for p in placements]
    time_w = max(map(cells, times), default=0)
    net_w = max(map(cells, networks), default=0)
    column = {id(p): (t, n) for p, t, n in zip(placements, times, networks)}
    lines: list[str] = []
    for occurrence, found in slots:
        if lines:
            lines.append("")
        lines += ink.block(ink(f"{day_label(occurrence.day)}  {safe(regions_label(occurrence))}  ", BOLD),
                           safe(describe(occurrence)), indent=4)
        if not found:
            lines.append(ink("    no posts", DIM))
        for placement in found:
            when, network = column[id(placement)]
            lines += _placement(placement, _pad(when, time_w), _pad(network, net_w), ink)
    posts = sum(len(found) for _, found in slots)
    lines += ["", ink(f"{plural(posts, 'post')} on {plural(len(slots), 'sensitive day')}", BOLD)]
    return "\n".join(lines) + "\n"


def _placement(placement: Placement, when: str, network: str, ink: Ink) -> list[str]:
    post = placement.decision.post
    level = placement.finding.level if placement.finding else Verdict.PASS
    badge = ink(f" {str(level).upper()} ", BADGE[str(level)])
    prefix = f"    {badge} {when}  {network}  "
    start = 4 + 6 + 1 + cells(when) + 2 + cells(network) + 2
    text = " ".join(post.text.split())
    excerpt = text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"
    lines = ink.block(prefix, f"post {safe(post.id)}: {safe(excerpt)}", prefix_cells=start)
    if placement.finding:
        lines += ink.block(" " * start, safe(placement.finding.message), style=DIM)
    return lines


def to_json(occurrences: list[Occurrence], now, start: date | None, end: date | None, regions,
            slots: list[tuple[Occurrence, list[Placement]]] | None = None) -> str:
    """The days (and, over a queue, the posts on each) as one JSON object."""
    placed = {id(o): found for o, found in slots} if slots is not None else None
    days = []
    for occurrence in occurrences:
        rule = occurrence.rule
        asks = rule.asks
        entry = {"rule": rule.id, "name": rule.name, "title": describe(occurrence), "date": occurrence.day.isoformat(),
                 "first": occurrence.first.isoformat(), "last": occurrence.last.isoformat(),
                 "regions": list(rule.regions), "anniversary": occurrence.anniversary,
                 "asks": {"every_post": _level(asks.every_post), "promotional": _level(asks.promotional),
                          "mentions": _level(asks.mentions), "hooks": _level(asks.hooks)},
                 "note": rule.note or "", "source": rule.source or ""}
        if placed is not None:
            entry["posts"] = [{"id": p.decision.post.id, "platform": p.decision.post.platform,
                               "scheduled_at": iso(p.decision.post.scheduled_at), "local_time": iso(p.hit.local),
                               "region": p.hit.region,
                               "verdict": str(p.finding.level) if p.finding else "pass",
                               "message": p.finding.message if p.finding else None}
                              for p in placed.get(id(occurrence), [])]
        days.append(entry)
    document = {"now": iso(now), "from": start.isoformat() if start else None, "to": end.isoformat() if end else None,
                "regions": list(regions), "days": days}
    return safe_json(json.dumps(document, ensure_ascii=False, indent=2))


def _level(level) -> str | None:
    return str(level) if level is not None else None
