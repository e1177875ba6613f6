"""`safepost status`: what the team's memory says now, as plain text or JSON (for scripts)."""
from __future__ import annotations

import json

from safepost.model import iso
from safepost.render import safe, utc_label

PREVIEW = 50


def _short(text: str) -> str:
    line = safe(" ".join(text.split()))
    return line if len(line) <= PREVIEW else line[:PREVIEW - 1] + "…"


def to_text(state, resume_command) -> str:
    """`resume_command(pause_id)`: the command that lifts that pause, with the team's --config."""
    lines = [f"safepost status · now {utc_label(state.now)}", ""]
    for open_pause in state.pauses:
        pause = open_pause.pause
        until = f", ends by itself {utc_label(pause.until)}" if pause.until else ""
        lines += [f"PAUSED {pause.window}, by {pause.started_by} — pause {pause.id}, holds "
                  f"{safe(pause.scope.label)}{until}",
                  f"  why: {safe(pause.reason)}",
                  f"  holding {open_pause.holds} post(s) at the last check",
                  f"  to resume: {resume_command(pause.id)}"]
    if not state.pauses:
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


def _pause(open_pause) -> dict:
    pause = open_pause.pause
    return {"id": pause.id, "scope": pause.scope.as_dict(), "since": iso(pause.started_at), "by": pause.started_by,
            "reason": pause.reason, "until": iso(pause.until), "holds": open_pause.holds}


def to_json(state) -> str:
    pauses = [_pause(open_pause) for open_pause in state.pauses]
    first = pauses[0] if pauses else None
    document = {
        "now": iso(state.now),
        "paused": bool(pauses),
        # the first open pause in the form it had before pauses had scopes, for existing scripts
        "pause": first and {key: first[key] for key in ("since", "by", "reason", "until")},
        "pauses": pauses,
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
