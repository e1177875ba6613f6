"""`safepost watch`, for cron: read the news, pause the queue when a tragedy reaches the audience,
and alert the team. What it decides is in safepost/watch.py; the store is safepost/state.py."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

import click

from safepost.cli.shared import (gather_news, reports_input_errors, resume_command, say, setup,
                                 state_options, team_store)
from safepost.errors import InputError

if TYPE_CHECKING:
    from safepost.records import Pause
    from safepost.watch import Plan

WATCH_ACTOR = "safepost watch"
ALERT_FAILED = 4  # exit code: nothing new, but an alert the team is owed could not be delivered


@dataclass
class WatchOutcome:
    plan: Plan
    pauses: list[tuple[Pause, bool]] = field(default_factory=list)  # (the pause, started by this run)
    alerts: list[tuple[str, str]] = field(default_factory=list)
    recorded: bool = False  # the store holds it (and owes its alerts)

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
    audience's regions, pause the posts for the regions it reaches and alert the team. Running it
    again never pauses or alerts twice for the same incident. Exit 0 nothing new, 1 paused or a
    new incident, 2 error (the store failed: what was seen is still printed and alerted), 4 an
    owed alert could not be delivered."""
    from safepost.alerts import alert_urls

    ctx = setup(config_path, rules, now)
    if not (ctx.config.feeds or feeds):
        raise InputError("watch needs news to read: --feed URL or feeds: in safepost.yaml")
    news = gather_news(ctx, feeds, "json")
    urls = alert_urls(ctx.config.alerts)
    for status in news.statuses:
        if status.outcome == "failed":
            say(f"safepost: warning: feed {status.source}: {status.detail}", err=True)
    reported: list[WatchOutcome] = []  # what this run printed, whatever happens to the store
    try:
        with team_store(ctx.config) as store:
            if not news.unread:
                _record_watch(store, ctx, news.incidents, urls, lambda o: _report(o, reported, urls, quiet))
            failures = _deliver(store, ctx.now, urls)
    except InputError as problem:
        _unrecorded(ctx, news, reported, urls, quiet, problem)
    if news.unread:
        say("safepost: error: no news feed could be read: nothing was watched", err=True)
        sys.exit(2)
    sys.exit(1 if reported[0].news else ALERT_FAILED if failures else 0)


def _report(outcome: WatchOutcome, reported: list, urls: tuple[str, ...], quiet: bool) -> None:
    reported.append(outcome)
    _report_watch(outcome, urls, quiet)


def _unrecorded(ctx, news, reported: list, urls: tuple[str, ...], quiet: bool, problem: InputError) -> None:
    """The store failed: say what was seen (unless it was said already) and send its alert
    straight away, then stop with both facts. Without the store every incident counts as new."""
    from safepost import watch as watching
    from safepost.alerts import label, send_all

    if news.unread:
        say(f"safepost: error: no news feed could be read, and the store failed too: {problem}", err=True)
        sys.exit(2)
    if not reported:
        plan = watching.plan([watching.Sighting(incident, False, False)
                              for incident in watching.severe(news.incidents, ctx.config.pause_from)],
                             ctx.config.regions)
        _report(WatchOutcome(plan), reported, urls, quiet)
    outcome = reported[0]
    if outcome.recorded:
        say(f"safepost: error: the state store failed after recording this run (owed alerts are retried "
            f"next run): {problem}", err=True)
        sys.exit(2)
    # its alerts were never owed in the store: send them now, once, saying that nothing was paused
    outcome.alerts = [watching.alert(group, None, False, ctx.now, resume_command(ctx.config))
                      for _, group in watching.by_audience(outcome.plan.pause_for)]
    for title, body in outcome.alerts:
        say(title)
        say(body)
        for url, error in send_all(urls, title, body).items():
            _said_delivery(label(url), error, 1)
    saw = "the incidents above" if outcome.news else "nothing new"
    say(f"safepost: error: saw {saw} but could not record it: {problem}", err=True)
    sys.exit(2)


def _record_watch(store, ctx, incidents: list, urls: tuple[str, ...], report) -> None:
    """Check-then-pause in one transaction: a concurrent run waits, then finds the incident known.
    What the run saw is reported (printed) before the transaction commits: if the store fails to
    record it, the team has still been told."""
    from safepost import watch as watching
    from safepost.alerts import destination, label

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
        groups = watching.by_audience(plan.pause_for)
        ended = store.unannounced_ends()
        destinations = {destination(url): label(url) for url in urls} if groups or ended else {}  # loads apprise
        for pause, missed in ended:
            outcome.alerts.append(watching.ended_alert(pause, missed))
            outcome.pauses.append((pause, False))
            store.queue_alert(ctx.now, *outcome.alerts[-1], destinations)
        for scope, group in groups:
            pause, started = store.pause_for_incidents(ctx.now, WATCH_ACTOR, watching.reason(group), scope,
                                                       [stored[incident.id] for incident in group])
            outcome.pauses.append((pause, started))
            due = [post for post in store.due_between(ctx.now, ctx.now + timedelta(minutes=config.watch_horizon))
                   if pause.scope.holds(post, config.regions, config.language)]
            outcome.alerts.append(watching.alert(group, pause, started, ctx.now, resume_command(config, pause.id),
                                                 due, config.watch_horizon))
            store.queue_alert(ctx.now, *outcome.alerts[-1], destinations)
        report(outcome)
    outcome.recorded = True


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
            _said_delivery(delivery.label, error, delivery.attempts + 1)
            if error:
                failures.append(delivery.label)
    return failures


def _said_delivery(where: str, error: str | None, attempt: int) -> None:
    if error:
        say(f"safepost: ALERT NOT DELIVERED: alert to {where} failed (attempt {attempt}): {error}; "
            "it will be retried on the next run (see `safepost status`)", err=True)
    else:
        say(f"Alert sent to {where}")


def _report_watch(outcome: WatchOutcome, urls: tuple[str, ...], quiet: bool) -> None:
    from safepost.watch import describe

    started = [started for _, started in outcome.pauses] or [False] * len(outcome.alerts)
    for (title, body), paused_now in zip(outcome.alerts, started):
        say(("PAUSED: " if paused_now else "") + title)
        say(body)
    if outcome.alerts:
        if not urls:
            say("(no alert destinations: set alerts: in safepost.yaml or SAFEPOST_ALERTS; "
                       "this output is the only alert)")
    for incident in outcome.plan.elsewhere:
        say(f"New incident, not in your audience's regions (queue not paused): {describe(incident)}")
    if not outcome.news and not quiet:
        say("Nothing new.")
