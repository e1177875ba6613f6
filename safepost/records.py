"""The team's decisions as plain data: pauses, approvals, the posts a pause held, the audit trail.

The store (state.py) reads and writes them; approvals.py applies them to the gate's decisions.
A post is known by its id, a fingerprint of its text and its scheduled time: an approval, or a
"missed" record, is about that exact post, and lapses when either changes.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from safepost.render import utc_label

PAUSE_RULE = "queue.paused"
APPROVED_RULE = "approved"


def fingerprint(text: str) -> str:
    """Same words, same fingerprint: Unicode form and line endings (a re-export from a
    spreadsheet changes both) do not count as a change, anything else does."""
    canonical = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Pause:
    id: int
    started_at: datetime
    started_by: str
    reason: str
    until: datetime | None = None  # the pause ends itself then
    ended_at: datetime | None = None
    ended_by: str | None = None

    @property
    def end(self) -> datetime | None:
        return self.ended_at or self.until

    def active_at(self, now: datetime) -> bool:
        return self.started_at <= now and (self.end is None or now < self.end)

    def over_at(self, now: datetime) -> bool:
        return self.end is not None and self.end <= now

    def covers(self, moment: datetime) -> bool:
        """Whether a post due at `moment` fell due while the queue was paused."""
        return self.started_at <= moment and (self.end is None or moment < self.end)

    @property
    def window(self) -> str:
        start = utc_label(self.started_at)
        return f"{start} to {utc_label(self.end)}" if self.end else f"since {start}"


@dataclass(frozen=True)
class Approval:
    post_id: str
    fingerprint: str
    scheduled_at: datetime
    released: frozenset[str]  # the rules the person saw fire ...
    seen_at: datetime  # ... in the check run at this instant
    approved_at: datetime
    approved_by: str
    note: str = ""

    def lapse_reason(self, text_fingerprint: str, scheduled_at: datetime) -> str | None:
        """Why this approval does not apply to the post as it is now; None when it does."""
        if text_fingerprint != self.fingerprint:
            return "the text changed since"
        if scheduled_at != self.scheduled_at:
            return f"the time changed since (it was {utc_label(self.scheduled_at)})"
        return None


@dataclass(frozen=True)
class SeenPost:
    """A post as the last check saw it: what `approve` releases."""

    post_id: str
    fingerprint: str
    scheduled_at: datetime
    platform: str
    text: str
    verdict: str
    findings: tuple[dict, ...]  # {"rule", "level", "message"}, before approvals applied
    checked_at: datetime


@dataclass(frozen=True)
class HeldPost:
    """A post a check held while the queue was paused."""

    post_id: str
    fingerprint: str
    scheduled_at: datetime
    platform: str
    text: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    subject: str
    reason: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TeamState:
    """What a check needs from the store: every pause, and the latest approval of each post."""

    pauses: tuple[Pause, ...] = ()
    approvals: dict[str, Approval] = field(default_factory=dict)

    def active_pause(self, now: datetime) -> Pause | None:
        return next((p for p in self.pauses if p.active_at(now)), None)

    def pause_started(self, pause_id: int) -> datetime | None:
        return next((p.started_at for p in self.pauses if p.id == pause_id), None)
