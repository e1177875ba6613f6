"""After a pause: what to do with the posts it held, decided without I/O.

Schedulers that pause release everything due at once when the pause ends (CareerArc's "will
immediately be published"), or mark it sent and leave the team to rebook it. `resume` re-checks
the held posts against the news of that moment and sorts them into three groups: clear and still
in the future; fell due during the pause (never released by themselves); still held, and why.
With `--stagger` the clear ones (and the ones that fell due, if nothing else holds them) get new
times from now, no two closer than the interval, none in the past: no burst, nothing lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterable

from safepost.errors import InputError
from safepost.model import Decision, Verdict
from safepost.records import PAUSE_RULE, Pause

_INTERVAL = re.compile(r"^(?:(\d+)h)?(?:(\d+)m(?:in)?)?$")  # whole minutes: schedulers keep no seconds


def parse_interval(text: str, option: str = "--stagger") -> timedelta:
    match = _INTERVAL.match(text.strip().lower())
    if not text.strip() or not match or not any(match.groups()):
        raise InputError(f"{option}: '{text}' is not an interval in minutes or hours (e.g. 20m, 1h, 1h30m)")
    hours, minutes = (int(part or 0) for part in match.groups())
    interval = timedelta(hours=hours, minutes=minutes)
    if not interval:
        raise InputError(f"{option}: '{text}' is no time at all: posts would go out together")
    return interval


@dataclass
class Recheck:
    clear: list[Decision] = field(default_factory=list)  # clear, and still in the future
    fell_due: list[tuple[Decision, bool]] = field(default_factory=list)  # (post, nothing else holds it)
    still_held: list[Decision] = field(default_factory=list)

    def releasable(self) -> list[Decision]:
        """What may be rescheduled: the clear posts and the missed posts nothing else holds, by time."""
        found = self.clear + [decision for decision, free in self.fell_due if free]
        return sorted(found, key=lambda decision: (decision.post.scheduled_at, decision.post.id))


def blocking(decision: Decision) -> list:
    """The findings that hold or flag the post, besides "missed during the pause" itself."""
    return [f for f in decision.findings
            if f.level > Verdict.PASS and not (f.rule == PAUSE_RULE and f.evidence.get("missed"))]


def regroup(decisions: Iterable[Decision], pauses: list[Pause], now: datetime, audience,
            crisis_accounts: tuple[str, ...]) -> Recheck:
    """The posts these (ended) pauses held, re-checked (`decisions`), in the three groups."""
    from safepost.approvals import is_crisis

    result = Recheck()
    for decision in decisions:
        post = decision.post
        held_by = [pause for pause in pauses if post.scheduled_at >= pause.started_at
                   and pause.scope.holds(post, audience.regions, audience.language)]
        if not held_by or is_crisis(post, crisis_accounts):
            continue
        if post.scheduled_at < now:
            if any(pause.covers(post.scheduled_at) for pause in held_by):
                result.fell_due.append((decision, not blocking(decision)))
        elif blocking(decision):
            result.still_held.append(decision)
        else:
            result.clear.append(decision)
    return result


def stagger(decisions: list[Decision], now: datetime, interval: timedelta) -> dict[str, datetime]:
    """post id -> new time: in order, each at its own time or `interval` after the one before,
    whichever is later, the first no sooner than `interval` from now. Times keep whole minutes."""
    slots: dict[str, datetime] = {}
    previous = _ceil_minute(now)
    for decision in decisions:
        slot = max(_ceil_minute(decision.post.scheduled_at), previous + interval)
        slots[decision.post.id] = slot
        previous = slot
    return slots


def _ceil_minute(moment: datetime) -> datetime:
    floor = moment.replace(second=0, microsecond=0)
    return floor if floor == moment else floor + timedelta(minutes=1)
