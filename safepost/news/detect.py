"""Find tragedies in the news without a trained model: every headline is read on its own
(news/reading.py), headlines are grouped into stories (news/stories.py), and a story that some
of its headlines report as a tragedy is an incident; hand-entered incidents join them.

Pure: headlines + rulebook + now in, incidents out.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable, MutableMapping

from safepost.collector import collector_paused
from safepost.model import Headline, Incident
from safepost.news.reading import Candidate, read_headline, read_remembering
from safepost.news.skew import FAR_AHEAD
from safepost.news.stories import group, incident_of, reach
from safepost.news.works import with_work
from safepost.rulebook import Rulebook
from safepost.rulebook.news import ManualIncident

LOOKBACK = timedelta(days=7)  # older headlines are history, whatever their kind


def from_manual(entry: ManualIncident) -> Incident:
    return Incident(id=entry.id, title=entry.title, kind=entry.kind, severity=entry.severity,
                    terms=tuple(term.text for terms in entry.terms.values() for term in terms),
                    regions=entry.regions, started=entry.start, active_until=entry.until,
                    manual=True, sources=0, kinds=(entry.kind,), reach=reach(entry.severity, True, None))


def detect_incidents(headlines: list[Headline], rulebook: Rulebook, now: datetime,
                     entities: Callable[[str], list[str]] | None = None,
                     memory: MutableMapping[tuple, bytes] | None = None) -> list[Incident]:
    """Incidents active at `now`, most severe (then deadliest) first: detected from headlines
    published in the lookback window, plus those entered by hand in the rulebook. A headline dated up to
    FAR_AHEAD after `now` comes from a feed whose clock runs fast: it is read as published at
    `now` (news/skew.py, at the edge, says which feed); one dated further ahead is not news yet.
    `entities` (optional, a trained NER) adds the names it finds in a headline as candidates.
    `memory` (optional) holds what earlier runs read of the same headlines, and learns this run's."""
    with collector_paused():  # the readings all live until the stories are built
        readings = []
        for headline in headlines:
            published = headline.published
            if published is not None and not (now - LOOKBACK <= published <= now + FAR_AHEAD):
                continue
            reading = read_headline(headline, rulebook, now) if memory is None else \
                read_remembering(headline, rulebook, now, memory)
            if published is not None and published > now:
                reading.published = now
            for name in entities(headline.title) if entities else ():
                reading.candidates.setdefault(name.lower(), Candidate(name, name=True))
            readings.append(reading)
        incidents = [with_work(incident, story, rulebook) for story in group(readings)
                     if (incident := incident_of(story))]
    incidents += [from_manual(entry) for entry in rulebook.rules("incidents")]
    active = [i for i in incidents if i.started <= now and now <= i.active_until]
    return sorted(active, key=lambda i: (-i.severity, -i.deaths, i.started))
