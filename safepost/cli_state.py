"""Commands for the state a team relies on: `watch` (for cron), `pause`, `resume`, `approve` and
`status`; and the edge of `check` that applies the pause and the approvals and writes the files of
posts that may and may not go out. The store is safepost/state.py; the rules that turn its records
into findings are in safepost/approvals.py and safepost/watch.py. Heavy modules load inside commands.
"""
from __future__ import annotations

import getpass
import shlex
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from safepost.cli import gather_news, parse_now, reports_input_errors, setup
from safepost.errors import InputError

if TYPE_CHECKING:
    from safepost.records import Pause
    from safepost.watch import Plan

WATCH_ACTOR = "safepost watch"
PREVIEW = 60


def state_options(command):
    """--config and --now, which every state command takes."""
    command = click.option("--now", metavar="ISO8601", help="The instant to act at (default: the clock).")(command)
    return click.option("--config", "config_path", metavar="FILE",
                        help="Config file (default: ./safepost.yaml); the store sits beside it.")(command)


def _settings(config_path: str | None, now: str | None):
    from safepost.config import find_config, load_config

    config = load_config(find_config(config_path))
    return config, parse_now(now, config.timezone)


def _store(config):
    from safepost.state import open_store

    return open_store(config.state_path)


def _resume_command(config) -> str:
    where = f" --config {shlex.quote(config.path)}" if config.path else ""
    return f"safepost resume --by YOUR-NAME{where}"


def _when(moment) -> str:
    from safepost.render import utc_label

    return utc_label(moment)


def _preview(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[:PREVIEW - 1] + "…"


# -- check's edge --------------------------------------------------------------------------------

def apply_team_state(ctx, decisions: list, incidents: list) -> tuple[list, list[str]]:
    """The pause, the posts missed during a past pause and the approvals, from the store, applied
    to the gate's decisions; the check is then remembered for `approve` and `resume`."""
    from safepost import approvals

    with _store(ctx.config) as store:
        team = store.team_state(ctx.now)
        held = approvals.hold_for_pauses(decisions, team, ctx.now)
        final = approvals.apply_approvals(held, team, incidents)
        store.record_check(ctx.now, held, final, team.active_pause(ctx.now))
    return final, approvals.notices(final, team, ctx.now)


class QueueSplit:
    """`--approved-out` and `--held-out`: checked before the work, written after it, from the bytes
    that were checked (a queue edited meanwhile is refused, not half-checked)."""

    def __init__(self, queue: str, approved_out: str | None, held_out: str | None):
        from pathlib import Path

        from safepost.yamlsafe import read_bytes

        self.queue = queue
        self.targets = [(path, wanted) for path, wanted in ((approved_out, True), (held_out, False)) if path]
        resolved = [Path(path).resolve() for path, _ in self.targets]
        if Path(queue).resolve() in resolved:
            raise InputError("--approved-out/--held-out must name a new file, not the queue itself", queue)
        if len(set(resolved)) < len(resolved):
            raise InputError("--approved-out and --held-out must be two different files")
        self.original = read_bytes(queue) if self.targets else b""

    def write(self, decisions: list) -> None:
        from safepost.model import Verdict
        from safepost.queue import write_selection

        posts = [decision.post for decision in decisions]
        for path, wanted in self.targets:
            keep = [(decision.verdict == Verdict.PASS) == wanted for decision in decisions]
            count = write_selection(self.queue, path, posts, keep, self.original)
            what = "may go out" if wanted else "may not go out"
            click.echo(f"Wrote {count} post(s) that {what} to {path}", err=True)


# -- watch ----------------------------------------------------------------------------------------

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
            click.echo(f"safepost: warning: feed {status.source}: {status.detail}", err=True)
    with _store(ctx.config) as store:
        outcome = None if news.unread else _record_watch(store, ctx, news.incidents, destinations)
        if outcome:
            _report_watch(outcome, urls, quiet)
        failures = _deliver(store, ctx.now, urls)
    if outcome is None:
        click.echo("safepost: error: no news feed could be read: nothing was watched", err=True)
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
                                           _resume_command(config))
            store.queue_alert(ctx.now, *outcome.alert, destinations)
    return outcome


def _deliver(store, now, urls: tuple[str, ...]) -> list[str]:
    """Send what is owed (this run's alert, and earlier ones that failed); a failure is reported
    and retried next run, and never undoes the pause."""
    from safepost.alerts import destination, send

    by_key = {destination(url): url for url in urls}
    failures = []
    for delivery in store.claim_deliveries(now, by_key):
        error = send(by_key[delivery.destination], delivery.title, delivery.body)
        store.finish_delivery(now, delivery, WATCH_ACTOR, error)
        if error:
            failures.append(delivery.label)
            click.echo(f"safepost: alert to {delivery.label} failed (attempt {delivery.attempts + 1}): "
                       f"{error}; it will be retried on the next run", err=True)
        else:
            click.echo(f"Alert sent to {delivery.label}")
    return failures


def _report_watch(outcome: WatchOutcome, urls: tuple[str, ...], quiet: bool) -> None:
    from safepost.watch import describe

    if outcome.alert:
        title, body = outcome.alert
        click.echo(("PAUSED: " if outcome.paused_now else "") + title)
        click.echo(body)
        if not urls:
            click.echo("(no alert destinations: set alerts: in safepost.yaml or SAFEPOST_ALERTS; "
                       "this output is the only alert)")
    for incident in outcome.plan.elsewhere:
        click.echo(f"New incident, not in your audience's regions (queue not paused): {describe(incident)}")
    if not outcome.news and not quiet:
        click.echo("Nothing new.")


# -- people -----------------------------------------------------------------------------------------

@click.command()
@click.option("--reason", required=True, help="Why: shown on every held post and in the audit.")
@click.option("--until", metavar="ISO8601", help="End the pause by itself at this time.")
@click.option("--by", metavar="NAME", help="Who pauses (default: your login name).")
@state_options
@reports_input_errors
def pause(reason, until, by, config_path, now):
    """Pause the queue: every check holds every post until a person resumes it."""
    config, moment = _settings(config_path, now)
    if not reason.strip():
        raise InputError("--reason must say why the queue is paused")
    end = parse_now(until, config.timezone, "--until") if until else None
    if end and end <= moment:
        raise InputError(f"--until {until} is not after now ({_when(moment)})")
    with _store(config) as store:
        current, started = store.pause(moment, by or _login(), reason.strip(), end)
    if not started:
        click.echo(f"The queue is already paused ({current.window}, by {current.started_by}: {current.reason}); "
                   "nothing changed.")
        return
    click.echo(f"Paused the queue at {_when(moment)} by {current.started_by}: {current.reason}")
    if end:
        click.echo(f"The pause ends by itself at {_when(end)}.")
    click.echo(f"Every `safepost check` now holds every post. To resume: {_resume_command(config)}")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


@click.command()
@click.option("--by", required=True, metavar="NAME", help="Who resumes: recorded in the audit.")
@click.option("--note", default="", help="Why it is safe again.")
@state_options
@reports_input_errors
def resume(by, note, config_path, now):
    """Lift the pause; list the posts that fell due while it lasted ("missed — reschedule"): every
    check holds them until a person gives them a new time or approves them."""
    config, moment = _settings(config_path, now)
    with _store(config) as store:
        last, ended_now, missed = store.resume(moment, by, note)
    if last is None:
        click.echo("The queue is not paused.")
        return
    if ended_now:
        click.echo(f"Resumed the queue at {_when(moment)} by {by} (paused since {_when(last.started_at)} "
                   f"by {last.started_by}: {last.reason}).")
    else:
        click.echo(f"The queue is not paused: the last pause ({last.window}) was ended by {last.ended_by}.")
    if not missed:
        click.echo("No post fell due during the pause.")
        return
    click.echo(f"Missed — reschedule ({len(missed)}): these fell due during the pause. Every check holds them "
               "until they have a new time or a person approves them (safepost approve POST_ID --by NAME).")
    for held in missed:
        click.echo(f"  {held.post_id}  {held.platform}  {_when(held.scheduled_at)}  {_preview(held.text)}")


@click.command()
@click.argument("post_id")
@click.option("--by", required=True, metavar="NAME", help="Who approves: recorded in the audit.")
@click.option("--note", default="", help="Why it may go out.")
@state_options
@reports_input_errors
def approve(post_id, by, note, config_path, now):
    """Release a flagged or held post, as the last `safepost check` saw it. The approval is bound to
    the post's text and scheduled time: if either changes, it no longer applies."""
    config, moment = _settings(config_path, now)
    with _store(config) as store:
        seen = store.seen_post(post_id)
        if seen is None:
            raise InputError(f"no check has seen a post '{post_id}': run `safepost check QUEUE` first, "
                             "then approve what it shows")
        if seen.verdict == "pass":
            click.echo(f"{post_id} passed its last check ({_when(seen.checked_at)}): nothing to approve.")
            return
        approval = store.approve(seen, moment, by, note)
    click.echo(f"Approved {post_id} ({seen.platform}, {_when(seen.scheduled_at)}) by {by} at {_when(moment)}.")
    click.echo(f"  {_preview(seen.text)}")
    for finding in seen.findings:
        click.echo(f"  released: {finding['level']} {finding['rule']}: {finding['message']}")
    click.echo("  Bound to this text and this time: if either changes, the post needs a new approval. "
               f"Anything that comes up after the check of {_when(approval.seen_at)} holds it again.")


@click.command()
@state_options
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--last", type=click.IntRange(0, 1000), default=10, show_default=True,
              help="How many audit entries to show.")
@reports_input_errors
def status(config_path, now, output_format, last):
    """Paused or not (since when, why), active incidents, posts waiting for a person, missed posts,
    undelivered alerts and the last entries of the audit trail."""
    from safepost.render import status as render

    config, moment = _settings(config_path, now)
    with _store(config) as store:
        state = store.status(moment, last)
    click.echo(render.to_json(state) if output_format == "json" else render.to_text(state, _resume_command(config)))


COMMANDS = (watch, pause, resume, approve, status)
