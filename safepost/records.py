"""The team's decisions as plain data: pauses, approvals, the posts a pause held, the audit trail.

The store (state.py) reads and writes them; approvals.py applies them to the gate's decisions.
A post is known by its id, a fingerprint of its text and its scheduled time: an approval, or a
"missed" record, is about that exact post, and lapses when either changes.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from safepost.render import utc_label

PAUSE_RULE = "queue.paused"
EXPIRY_ACTOR = "safepost (--until reached)"  # who ends a pause whose --until has passed
APPROVED_RULE = "approved"
CRISIS_RULE = "queue.crisis"


def fingerprint(text: str) -> str:
    """Same words, same fingerprint: Unicode form and line endings (a re-export from a
    spreadsheet changes both) do not count as a change, anything else does."""
    canonical = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


DIMENSIONS = ("regions", "languages", "platforms", "accounts")


@dataclass(frozen=True)
class Scope:
    """Whom a pause holds: each dimension lists the values it covers, and an empty one covers
    all of them. A post whose value is unknown (no region column and no `regions:` in the config,
    no account column) is held by a pause that names values: fail closed."""

    regions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()  # canonical keys (safepost.platforms.canonical)
    accounts: tuple[str, ...] = ()

    @classmethod
    def of(cls, **values) -> "Scope":
        """Sorted and without repeats, so one audience has one form (and one stored key)."""
        return cls(**{name: tuple(sorted(set(values.get(name) or ()))) for name in DIMENSIONS})

    @classmethod
    def checked(cls, regions=(), languages=(), platforms=(), accounts=(), known_platforms=()) -> "Scope":
        """From what a person typed: unknown regions, languages and platforms are errors with a
        "did you mean", never a pause that silently holds nothing."""
        from safepost.errors import InputError
        from safepost.platforms import canonical, check_platform
        from safepost.rulebook.fields import check_language, check_region

        codes = [value.strip().upper() for value in regions]
        for code in codes:
            check_region(code, "--region", None)
        words = [value.strip().lower() for value in languages]
        for word in words:
            check_language(word, "--language", None)
        names = [canonical(check_platform(value, tuple(known_platforms), "--platform", None)) for value in platforms]
        handles = [value.strip() for value in accounts]
        if not all(handles):
            raise InputError("--account must name an account")
        return cls.of(regions=codes, languages=words, platforms=names, accounts=handles)

    @classmethod
    def from_json(cls, text: str) -> "Scope":
        return cls.of(**json.loads(text or "{}"))

    def as_dict(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in DIMENSIONS}

    def key(self) -> str:
        """The stored form: '{}' is everything, as every pause was before pauses had scopes."""
        return json.dumps({name: values for name, values in self.as_dict().items() if values}, sort_keys=True)

    @property
    def everything(self) -> bool:
        return not any(getattr(self, name) for name in DIMENSIONS)

    @property
    def label(self) -> str:
        parts = [f"{name} {', '.join(values)}" for name, values in self.as_dict().items() if values]
        return "; ".join(parts) or "everything"

    def includes(self, other: "Scope") -> bool:
        """Every post `other` holds, this scope holds too."""
        return all(not mine or (theirs and set(theirs) <= set(mine))
                   for mine, theirs in ((getattr(self, n), getattr(other, n)) for n in DIMENSIONS))

    def holds(self, post, regions: tuple[str, ...], language: str | None) -> bool:
        """Whether a post (its region and language, else the audience's) is inside this scope."""
        from safepost.platforms import UNKNOWN, canonical

        post_regions = (post.region,) if post.region else regions
        post_language = post.language or language
        platform = canonical(post.platform)
        return ((not self.regions or not post_regions or bool(set(post_regions) & set(self.regions)))
                and (not self.languages or not post_language or post_language in self.languages)
                and (not self.platforms or platform == UNKNOWN or platform in self.platforms)
                and (not self.accounts or not post.account or post.account in self.accounts))


@dataclass(frozen=True)
class Pause:
    id: int
    started_at: datetime
    started_by: str
    reason: str
    until: datetime | None = None  # the pause ends itself then
    ended_at: datetime | None = None
    ended_by: str | None = None
    scope: Scope = Scope()

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
    region: str | None = None  # whose audience it is, as the queue said (None: the config's)
    language: str | None = None
    account: str | None = None


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

    def active_pauses(self, now: datetime) -> tuple[Pause, ...]:
        return tuple(p for p in self.pauses if p.active_at(now))

    def pause_started(self, pause_id: int) -> datetime | None:
        return next((p.started_at for p in self.pauses if p.id == pause_id), None)
