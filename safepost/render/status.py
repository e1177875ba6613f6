"""`safepost status`: what the team's memory says now, as plain text or JSON (for scripts)."""
from __future__ import annotations

import json

from safepost.model import iso
from safepost.render import safe, utc_label

PREVIEW = 50


def _short(text: str) -> str:
    line = safe(" ".join(text.split()))
    return line if len(line) <= PREVIEW else line[:PREVIEW - 1] + "…"


def to_text(state, resume_command: str) -> str:
    lines = [f"safepost status · now {utc_label(state.now)}", ""]
    pause = state.pause
    if pause:
        lines += [f"PAUSED {pause.window}, by {pause.started_by}",
                  f"  why: {safe(pause.reason)}", f"  to resume: {resume_command}"]
    else:
        lines.append("Not paused.")
    if state.incidents:
        lines += ["", f"Active incidents ({len(state.incidents)}):"]
        for incident in state.incidents:
            paused = "  (paused the queue)" if incident["paused"] else ""
            lines.append(f"  severity {incident['severity']}  {incident['kind']}  "
                         f"{safe(incident['title'])}  [{', '.join(incident['regions']) or '?'}]{paused}")
    if state.pending:
        lines += ["", (f"Waiting for a person ({len(state.pending)}): flagged or held by the last check, "
                       "still to go out (safepost approve POST_ID --by NAME)")]
        lines += [f"  {post.verdict}  {safe(post.post_id)}  {post.platform}  "
                  f"{utc_label(post.scheduled_at)}  {_short(post.text)}" for post in state.pending]
    if state.missed:
        lines += ["", (f"Missed — reschedule ({len(state.missed)}): fell due during the pause of "
                       f"{state.missed[0][0].window}; held until rescheduled or approved")]
        lines += [f"  {safe(held.post_id)}  {held.platform}  {utc_label(held.scheduled_at)}  "
                  f"{_short(held.text)}" for _, held in state.missed]
    if state.undelivered:
        lines += ["", f"Alerts not delivered yet ({len(state.undelivered)}): retried by the next `safepost watch`"]
        lines += [f"  {d.label}: {d.attempts} attempt(s){': ' + d.last_error if d.last_error else ''}"
                  for d in state.undelivered]
    if state.audit:
        lines += ["", f"Audit trail (last {len(state.audit)}):"]
        for entry in state.audit:
            why = f": {safe(entry.reason)}" if entry.reason else ""
            lines.append(f"  {utc_label(entry.at)}  {entry.actor}  {entry.action}  "
                         f"{safe(entry.subject)}{why}")
    return "\n".join(lines)


def to_json(state) -> str:
    pause = state.pause
    document = {
        "now": iso(state.now),
        "paused": pause is not None,
        "pause": pause and {"since": iso(pause.started_at), "by": pause.started_by, "reason": pause.reason,
                            "until": iso(pause.until)},
        "incidents": [{**incident, "first_seen": iso(incident["first_seen"]),
                       "active_until": iso(incident["active_until"])} for incident in state.incidents],
        "pending": [{"id": post.post_id, "platform": post.platform, "scheduled_at": iso(post.scheduled_at),
                     "verdict": post.verdict, "checked_at": iso(post.checked_at)} for post in state.pending],
        "missed": [{"id": held.post_id, "platform": held.platform, "scheduled_at": iso(held.scheduled_at),
                    "pause": ended.window} for ended, held in state.missed],
        "undelivered": [{"to": d.label, "attempts": d.attempts, "error": d.last_error} for d in state.undelivered],
        "audit": [{"at": iso(entry.at), "actor": entry.actor, "action": entry.action, "subject": entry.subject,
                   "reason": entry.reason, "details": entry.details} for entry in state.audit],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
