"""`safepost watch`, for cron: read the news, pause the queue when a tragedy reaches the audience,
and alert the team. What it decides is in safepost/watch.py; the store is safepost/state.py."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from safepost.cli.shared import (gather_news, reports_input_errors, resume_command, say, setup,
                                 state_options, team_store)
from safepost.errors import InputError

if TYPE_CHECKING:
    from safepost.records import Pause
    from safepost.watch import Plan

WATCH_ACTOR = "safepost watch"


@dataclass
class WatchOutcome:
    plan: Plan
    pause: Pause | None = None  # the pause in force after this run, if the run touched it
    paused_now: bool = False
    alert: tuple[str, str] | None = None

    @property
    def news(self) -> bool:
        return bool(self.plan.new or self.plan.pause_for)


@click.command()
@click.option("--feed", "feeds", multiple=True, metavar="URL|PATH", help="News feed to read; repeatable.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@state_options
@click.option("--quiet", is_flag=True, help="Print nothing when nothing is new (for cron).")
@reports_input_errors
def watch(feeds, rules, config_path, now, quiet):
    """For cron: read the news and, when a new incident at or above `watch: severity` touches your
    audience's regions, pause the queue and alert the team. Running it again never pauses or
    alerts twice for the same incident. Exit 0 nothing new, 1 paused or a new incident, 2 error."""
    from safepost.alerts import alert_urls, destination, label

    ctx = setup(config_path, rules, now)
    if not (ctx.config.feeds or feeds):
        raise InputError("watch needs news to read: --feed URL or feeds: in safepost.yaml")
    news = gather_news(ctx, feeds, "json")
    urls = alert_urls(ctx.config.alerts)
    destinations = {destination(url): label(url) for url in urls}
    for status in news.statuses:
        if status.outcome == "failed":
            say(f"safepost: warning: feed {status.source}: {status.detail}", err=True)
    with team_store(ctx.config) as store:
        outcome = None if news.unread else _record_watch(store, ctx, news.incidents, destinations)
        if outcome:
            _report_watch(outcome, urls, quiet)
        failures = _deliver(store, ctx.now, urls)
    if outcome is None:
        say("safepost: error: no news feed could be read: nothing was watched", err=True)
        sys.exit(2)
    sys.exit(1 if outcome.news else 2 if failures else 0)


def _record_watch(store, ctx, incidents: list, destinations: dict[str, str]) -> WatchOutcome:
    """Check-then-pause in one transaction: a concurrent run waits, then finds the incident known."""
    from safepost import watch as watching

    config = ctx.config
    candidates = watching.severe(incidents, config.pause_from)
    with store.write():
        store.settle(ctx.now)
        known = [store.known_incident(incident) for incident in candidates]
        sightings = [watching.Sighting(incident, record is not None, bool(record and record.pause_id))
                     for incident, record in zip(candidates, known)]
        plan = watching.plan(sightings, config.regions)
        stored = {incident.id: store.remember_incident(incident, ctx.now, record)
                  for incident, record in zip(candidates, known)}
        if plan.elsewhere:
            store.note_incidents(ctx.now, WATCH_ACTOR, plan.elsewhere,
                                 "new, but not placed in the audience's regions: the queue was not paused")
        outcome = WatchOutcome(plan)
        if plan.pause_for:
            extra = len(plan.pause_for) - 1
            reason = watching.describe(plan.pause_for[0]) + (f" and {extra} more" if extra else "")
            outcome.pause, outcome.paused_now = store.pause_for_incidents(
                ctx.now, WATCH_ACTOR, reason, [stored[incident.id] for incident in plan.pause_for])
            outcome.alert = watching.alert(plan.pause_for, outcome.pause, outcome.paused_now, ctx.now,
                                           resume_command(config))
            store.queue_alert(ctx.now, *outcome.alert, destinations)
    return outcome


def _deliver(store, now, urls: tuple[str, ...]) -> list[str]:
    """Send what is owed (this run's alert, and earlier ones that failed), to every destination
    at once and within a short time; a failure is reported, kept for the next run and shown by
    `status`, and never undoes the pause."""
    from safepost.alerts import destination, send_all

    by_key = {destination(url): url for url in urls}
    deliveries = store.claim_deliveries(now, by_key)
    failures = []
    grouped: dict[tuple[str, str], list] = {}
    for delivery in deliveries:
        grouped.setdefault((delivery.title, delivery.body), []).append(delivery)
    for (title, body), batch in grouped.items():
        results = send_all(tuple(by_key[d.destination] for d in batch), title, body)
        for delivery in batch:
            error = results[by_key[delivery.destination]]
            store.finish_delivery(now, delivery, WATCH_ACTOR, error)
            if error:
                failures.append(delivery.label)
                say(f"safepost: alert to {delivery.label} failed (attempt {delivery.attempts + 1}): "
                           f"{error}; it will be retried on the next run", err=True)
            else:
                say(f"Alert sent to {delivery.label}")
    return failures


def _report_watch(outcome: WatchOutcome, urls: tuple[str, ...], quiet: bool) -> None:
    from safepost.watch import describe

    if outcome.alert:
        title, body = outcome.alert
        say(("PAUSED: " if outcome.paused_now else "") + title)
        say(body)
        if not urls:
            say("(no alert destinations: set alerts: in safepost.yaml or SAFEPOST_ALERTS; "
                       "this output is the only alert)")
    for incident in outcome.plan.elsewhere:
        say(f"New incident, not in your audience's regions (queue not paused): {describe(incident)}")
    if not outcome.news and not quiet:
        say("Nothing new.")
