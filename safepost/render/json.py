"""`--format json`: one object on stdout; its shape is a contract that cron jobs and scripts parse."""
from __future__ import annotations

import json

from safepost.render import Report, finding_dict, incident_dict, iso


def feed_dict(status) -> dict:
    return {"source": status.source, "location": status.location, "outcome": status.outcome,
            "detail": status.detail, "age_seconds": status.age_seconds, "headlines": status.headlines}


def render(report: Report) -> str:
    document = {
        "now": iso(report.now),
        "incidents": [incident_dict(i) for i in report.incidents],
        "posts": [
            {
                "id": d.post.id,
                "platform": d.post.platform,
                "scheduled_at": iso(d.post.scheduled_at),
                "verdict": str(d.verdict),
                "findings": [finding_dict(f) for f in d.findings],
                "notes": list(d.notes),
            }
            for d in report.decisions
        ],
        "summary": report.summary(),
        "feeds": [feed_dict(s) for s in report.feeds],
        "notices": report.notices,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)
