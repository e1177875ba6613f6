"""Plain data passed between the rooms of the house; no behaviour beyond ordering verdicts."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum
from typing import Any


class Verdict(IntEnum):
    """Ordered so that a post's verdict is simply the max of its findings' levels."""

    PASS = 0
    FLAG = 1
    HOLD = 2

    @classmethod
    def parse(cls, word: str) -> "Verdict":
        return cls[word.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Post:
    id: str
    platform: str
    scheduled_at: datetime  # always timezone-aware
    text: str
    timezone: str | None = None
    region: str | None = None
    language: str | None = None
    reply_to: str | None = None
    link: str | None = None
    media_alt: str | None = None
    account: str | None = None  # the brand account or profile it goes out from
    crisis: bool = False  # crisis communication: no pause holds it, a person approves it
    source_line: int | None = None  # where the post sits in the queue file, for messages


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with 'Z' for UTC, the form the JSON contract uses."""
    if moment is None:
        return None
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


@dataclass(frozen=True)
class Headline:
    title: str
    source: str = ""
    link: str = ""
    published: datetime | None = None
    summary: str = ""
    language: str | None = None
    region: str | None = None

    def as_dict(self) -> dict:
        """The evidence form: what a finding quotes and the JSON output prints."""
        return {"title": self.title, "source": self.source, "link": self.link,
                "published": iso(self.published)}


REACHES = ("local", "national", "global")


@dataclass(frozen=True)
class Silence:
    """A minute's silence a headline announces: when (the wall clock of the country that keeps
    it) and the headline that says so."""

    at: datetime  # naive: local time wherever the audience is
    headline: str


@dataclass(frozen=True)
class Incident:
    """A story in the news that some of its headlines report as a tragedy."""

    id: str
    title: str
    kind: str
    severity: int  # 1 (minor) .. 5 (mass casualty); see news/reading.py
    terms: tuple[str, ...]  # what the story is about: names, places, hashtags
    headlines: tuple[Headline, ...] = ()
    regions: tuple[str, ...] = ()  # empty = not placed
    started: datetime | None = None
    active_until: datetime | None = None
    language: str | None = None
    manual: bool = False  # entered by hand in the rulebook rather than detected
    sources: int = 1  # independent sources reporting it: more sources, more confidence
    kinds: tuple[str, ...] = ()  # every kind its headlines report, the main one first
    reach: str = "national"  # local | national | global (global: its first 24 hours, everywhere)
    harmed: bool = True  # people were hurt, or the event hurts by its nature
    threatened: bool = False  # only a threat, a scare or a foiled plot: nobody was attacked
    deaths: int = 0
    injured: int = 0
    phrases: tuple[str, ...] = ()  # distinctive phrases of its headlines, which a post may echo
    places: tuple[str, ...] = ()  # the terms that are only where it happened (a city, a region)
    countries: tuple[str, ...] = ()  # the terms that name the country it happened in (a global story's)
    words: tuple[str, ...] = ()  # the uncommon words its tragic headlines tell it in (dictionary keys)
    told_in: frozenset[str] = frozenset()  # its tragic headlines' words of four letters or more, common or not (keys)
    # how common each term is as a word of its language (Zipf; None: unknown), in the order of
    # `terms`: the storm «Hans» is also Norwegian for "his"; empty when nobody looked it up
    term_zipf: tuple[float | None, ...] = ()
    # every report of it follows up an earlier event (a toll passing 210, a search going on): its
    # first hours were before these headlines, so it opens no first-hours window and is not global
    ongoing: bool = False
    # every report of it remembers an event of years ago ("ten years since the Lokomotiv crash"):
    # nobody is hurt anew, but naming it to sell is still selling on a tragedy
    remembered: bool = False
    # the days of mourning its headlines declare: its country keeps them after its first hours, or
    # only the towns and provinces of `mourning_places` when a city or a province declared them
    mourning: tuple[date, ...] = ()
    mourning_places: tuple[str, ...] = ()
    # the moments its headlines say the country falls silent, in local time ("a minute's silence at
    # 3pm"): a party or a sale scheduled on that minute breaks it
    silences: tuple[Silence, ...] = ()
    # the rulebook's work entry of the famous person whose death it reports: their songs and roles
    # quoted in a post cash in on it
    work: str = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    check: str
    level: Verdict
    message: str
    match: str = ""
    span: tuple[int, int] | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    post: Post
    verdict: Verdict
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()  # informational: what could not be checked and why
