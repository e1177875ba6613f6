"""`safepost news`: the manager's view of "what is going on": incidents with their kind, severity,
key terms and headlines, and what happened to every feed."""
from __future__ import annotations

import json

from rich.console import Console
from rich.text import Text

from safepost.model import iso
from safepost.render import incident_dict, safe, utc_label
from safepost.render.json import feed_dict


def render_json(news, now) -> str:
    return json.dumps({"now": iso(now), "incidents": [incident_dict(i) for i in news.incidents],
                       "feeds": [feed_dict(s) for s in news.statuses], "notices": news.notices,
                       "headlines": len(news.headlines)}, ensure_ascii=False, indent=2)


def render_text(news, now, console: Console) -> None:
    console.print(Text(f"safepost news · now {utc_label(now)} · {len(news.headlines)} headlines read",
                       style="dim"))
    for status in news.statuses:
        line = Text(f"  feed {safe(status.source)}: ")
        line.append(status.outcome, style="red" if status.outcome == "failed" else "green")
        if status.detail:
            line.append(f" ({safe(status.detail)})", style="dim")
        line.append(f", {status.headlines} headlines", style="dim")
        console.print(line)
    for notice in news.notices:
        console.print(Text(f"  ! {safe(notice)}", style="yellow"))
    console.print()
    if not news.incidents:
        console.print("No active incidents.")
        return
    for incident in news.incidents:
        title = Text()
        title.append(f" severity {incident.severity} ", style="bold white on red" if incident.severity >= 4
                     else "bold black on yellow")
        title.append(f" {incident.kind}  ", style="bold")
        title.append(safe(incident.title))
        console.print(title)
        facts = [f"regions: {', '.join(incident.regions) or 'unplaced (applies everywhere)'}",
                 f"active until {utc_label(incident.active_until)}" if incident.active_until else "",
                 "entered by hand" if incident.manual else f"{incident.sources} source(s)"]
        console.print(Text("    " + " · ".join(f for f in facts if f), style="dim"))
        if incident.terms:
            console.print(Text("    key terms: " + ", ".join(safe(t) for t in incident.terms)))
        for headline in incident.headlines:
            line = Text(f"    - {safe(headline.title)}")
            line.append(f"  ({safe(headline.source)}, {iso(headline.published) or 'undated'})", style="dim")
            console.print(line)
        console.print()
