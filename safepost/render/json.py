"""`--format json`: one object on stdout; its shape is a contract that cron jobs and scripts parse,
written down as a JSON Schema shipped in the package (safepost/schema/check.schema.json).

Each post is one line inside the object: readable with `grep`, and fast to write (the C encoder;
pretty-printing 100,000 posts with indent takes longer than checking them). Keys are only ever
added, never renamed. Text is exact; characters a terminal would obey (bidi overrides, C1
controls, invisible characters) are written as \\u escapes (`safe_json`)."""
from __future__ import annotations

import json

from safepost.render import Report, finding_dict, incident_dict, iso, local_time, safe_json, zone_name


def feed_dict(status) -> dict:
    return {"source": status.source, "location": status.location, "outcome": status.outcome,
            "detail": status.detail, "age_seconds": status.age_seconds, "headlines": status.headlines,
            "warnings": list(status.warnings)}


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)  # one encoder for 100,000 posts


def _dumps(value) -> str:
    return _ENCODER.encode(value)


def post_dict(decision, source: str | None) -> dict:
    post = decision.post
    return {"id": post.id, "platform": post.platform, "scheduled_at": iso(post.scheduled_at),
            "verdict": str(decision.verdict), "findings": [finding_dict(f) for f in decision.findings],
            "notes": list(decision.notes), "text": post.text, "source": source, "line": post.source_line,
            "local_time": iso(local_time(post)), "timezone": zone_name(post), "region": post.region,
            "language": post.language}


def render(report: Report, workers: int = 1) -> str:
    """The whole report; a large queue's post lines are written on `workers` processes (each
    line is a post's own, so they can be)."""
    from safepost.parallel import map_indexes

    decisions, source = report.decisions, report.source
    posts = map_indexes(lambda i: _dumps(post_dict(decisions[i], source)), len(decisions), workers)
    head = {"now": iso(report.now), "incidents": [incident_dict(i) for i in report.incidents]}
    tail = {"summary": report.summary(), "feeds": [feed_dict(s) for s in report.feeds],
            "notices": report.notices}
    return safe_json(_dumps(head)[:-1] + ',\n"posts": [\n' + ",\n".join(posts) + "\n],\n" + _dumps(tail)[1:])
