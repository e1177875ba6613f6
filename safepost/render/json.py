"""`--format json`: one object on stdout; its shape is a contract that cron jobs and scripts parse.

Each post is one line inside the object: readable with `grep`, and fast to write (the C encoder;
pretty-printing 100,000 posts with indent takes longer than checking them)."""
from __future__ import annotations

import json

from safepost.render import Report, finding_dict, incident_dict, iso


def feed_dict(status) -> dict:
    return {"source": status.source, "location": status.location, "outcome": status.outcome,
            "detail": status.detail, "age_seconds": status.age_seconds, "headlines": status.headlines}


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def render(report: Report) -> str:
    posts = [_dumps({"id": d.post.id, "platform": d.post.platform, "scheduled_at": iso(d.post.scheduled_at),
                     "verdict": str(d.verdict), "findings": [finding_dict(f) for f in d.findings],
                     "notes": list(d.notes)})
             for d in report.decisions]
    head = {"now": iso(report.now), "incidents": [incident_dict(i) for i in report.incidents]}
    tail = {"summary": report.summary(), "feeds": [feed_dict(s) for s in report.feeds],
            "notices": report.notices}
    return (_dumps(head)[:-1] + ',\n"posts": [\n' + ",\n".join(posts) + "\n],\n" + _dumps(tail)[1:])
