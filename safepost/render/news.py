"""`safepost news`: the manager's view of "what is going on": incidents with their kind, severity,
key terms and headlines, and what happened to every feed."""
from __future__ import annotations

import json

from safepost.model import iso
from safepost.render import incident_dict, safe, safe_json, utc_label
from safepost.render.json import feed_dict
from safepost.render.layout import BADGE, BOLD, DIM, LEVEL, Ink


def render_json(news, now) -> str:
    """The shape of safepost/schema/news.schema.json; text exact, control and bidi characters
    written as \\u escapes."""
    return safe_json(json.dumps({"now": iso(now), "incidents": [incident_dict(i) for i in news.incidents],
                                 "feeds": [feed_dict(s) for s in news.statuses], "notices": news.notices,
                                 "headlines": len(news.headlines)}, ensure_ascii=False, indent=2))


def render_text(news, now, ink: Ink) -> str:
    """Feeds first (how each was read), then each incident: kind, severity, where, key terms and
    headlines, wrapped to the width under their own indent."""
    lines = [ink(f"safepost news · now {utc_label(now)} · {len(news.headlines)} headlines read", DIM)]
    for status in news.statuses:
        outcome = ink(status.outcome, LEVEL["hold"] if status.outcome == "failed" else LEVEL["pass"])
        detail = f" ({safe(status.detail)})" if status.detail else ""
        lines += ink.block(f"  feed {safe(status.source)}: {outcome}", f"{detail}, {status.headlines} headlines",
                           indent=4)
        for warning in status.warnings:
            lines += ink.block(ink("    ! ", LEVEL["flag"]), safe(warning), prefix_cells=6)
    for notice in news.notices:
        lines += ink.block(ink("  ! ", LEVEL["flag"]), safe(notice), prefix_cells=4)
    lines.append("")
    if not news.incidents:
        return "\n".join(lines + ["No active incidents."]) + "\n"
    for incident in news.incidents:
        badge = ink(f" severity {incident.severity} ", BADGE["hold"] if incident.severity >= 4 else BADGE["flag"])
        lines += ink.block(f"{badge} {ink(incident.kind, BOLD)}  ", safe(incident.title), indent=4)
        facts = [f"regions: {', '.join(incident.regions) or 'unplaced (applies everywhere)'}", _reach(incident),
                 _toll(incident), f"active until {utc_label(incident.active_until)}" if incident.active_until else "",
                 "entered by hand" if incident.manual else f"{incident.sources} source(s)"]
        lines += ink.block("    ", " · ".join(f for f in facts if f), style=DIM)
        if incident.terms:
            lines += ink.block("    key terms: ", ", ".join(safe(t) for t in incident.terms))
        for headline in incident.headlines:
            lines += ink.block("    - ", f"{safe(headline.title)} ({safe(headline.source)}, "
                                         f"{iso(headline.published) or 'undated'})")
        lines.append("")
    return "\n".join(lines) + "\n"


def _reach(incident) -> str:
    return "news everywhere in its first day" if incident.reach == "global" else f"{incident.reach} news"


def _toll(incident) -> str:
    counted = [f"{incident.deaths} dead" if incident.deaths else "",
               f"{incident.injured} hurt" if incident.injured else "",
               "a threat: nobody attacked" if incident.threatened else ""]
    return ", ".join(c for c in counted if c)
