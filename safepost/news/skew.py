"""Headlines dated after `now`: a feed whose clock runs ahead (local time labelled as GMT is
common) must not hide a breaking story for its first hours.

A headline up to FAR_AHEAD after `now` is read as published when safepost first saw it (the
feed cache records that), else at `now`, and the feed is named as having a skewed clock. One further ahead is not news yet (an
announcement, or a replay with --now in the past): it is left out, and the feed's status counts
and names what was left out. Nothing is dropped without a word.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable

from safepost.model import Headline

TOLERANCE = timedelta(minutes=10)  # clocks this close are not worth a word
# The furthest a skewed clock plausibly runs ahead: local time labelled GMT, in the audiences'
# zones (Oslo and Warsaw +1..+2, Kyiv +2..+3, Moscow +3, Baku +4), with room to spare. Beyond it a
# headline is not news yet: a replay with --now before the story broke must not see it.
FAR_AHEAD = timedelta(hours=6)
NAMED = 3  # headlines named in the status when some are left out


def settle_clock(headlines: list[Headline], now: datetime,
                 first_seen: Callable[[Headline], datetime | None] = lambda headline: None,
                 ) -> tuple[list[Headline], list[str]]:
    """(the headlines to read, warnings for the feed's status). `first_seen` says when a headline
    was first downloaded, when that is known."""
    ahead = [h for h in headlines if h.published is not None and h.published > now + TOLERANCE]
    if not ahead:
        return headlines, []
    far = [h for h in ahead if h.published > now + FAR_AHEAD]
    near = [h for h in ahead if h.published <= now + FAR_AHEAD]
    warnings = []
    if near:
        lead = max(h.published for h in near) - now
        warnings.append(f"skewed clock: {_count(len(near))} dated up to {_hours(lead)} after now "
                        "were read as published when first seen")
    if far:
        names = "; ".join(f"'{h.title}'" for h in far[:NAMED]) + ("; ..." if len(far) > NAMED else "")
        warnings.append(f"{_count(len(far))} dated more than {_hours(FAR_AHEAD)} after now left out "
                        f"as not yet news: {names}")
    settled, left_out = {id(h) for h in near}, {id(h) for h in far}
    kept = [replace(h, published=min(now, first_seen(h) or now)) if id(h) in settled else h
            for h in headlines if id(h) not in left_out]
    return kept, warnings


def _count(n: int) -> str:
    return f"{n} headline" + ("" if n == 1 else "s")


def _hours(span: timedelta) -> str:
    minutes = round(span.total_seconds() / 60)
    return f"{minutes} min" if minutes < 90 else f"{minutes / 60:.1f} h".replace(".0 h", " h")
