"""The commands for people: `pause`, `resume`, `approve` and `status`, over the team's store."""
from __future__ import annotations

import click

from safepost.cli.shared import (login, parse_now, preview, reports_input_errors, resume_command, say, settings,
                                 state_options, team_store, when)
from safepost.errors import InputError


def named(by: str, does: str) -> str:
    """The audit names a person: a blank --by would record nobody."""
    if not by.strip():
        raise InputError(f"--by must name who {does}: the audit trail records it")
    return by.strip()


@click.command()
@click.option("--reason", required=True, help="Why: shown on every held post and in the audit.")
@click.option("--until", metavar="ISO8601", help="End the pause by itself at this time.")
@click.option("--by", metavar="NAME", help="Who pauses (default: your login name).")
@state_options
@reports_input_errors
def pause(reason, until, by, config_path, now):
    """Pause the queue: every check holds every post until a person resumes it."""
    by = named(by, "pauses") if by is not None else None
    config, moment = settings(config_path, now)
    if not reason.strip():
        raise InputError("--reason must say why the queue is paused")
    end = parse_now(until, config.timezone, "--until") if until else None
    if end and end <= moment:
        raise InputError(f"--until {until} is not after now ({when(moment)})")
    with team_store(config) as store:
        current, started = store.pause(moment, by or login(), reason.strip(), end)
    if not started:
        say(f"The queue is already paused ({current.window}, by {current.started_by}: {current.reason}); "
                   "nothing changed.")
        return
    say(f"Paused the queue at {when(moment)} by {current.started_by}: {current.reason}")
    if end:
        say(f"The pause ends by itself at {when(end)}.")
    say(f"Every `safepost check` now holds every post. To resume: {resume_command(config)}")



@click.command()
@click.option("--by", required=True, metavar="NAME", help="Who resumes: recorded in the audit.")
@click.option("--note", default="", help="Why it is safe again.")
@state_options
@reports_input_errors
def resume(by, note, config_path, now):
    """Lift the pause; list the posts that fell due while it lasted ("missed — reschedule"): every
    check holds them until a person gives them a new time or approves them."""
    by = named(by, "resumes")
    config, moment = settings(config_path, now)
    with team_store(config) as store:
        last, ended_now, missed = store.resume(moment, by, note)
    if last is None:
        say("The queue is not paused.")
        return
    if ended_now:
        say(f"Resumed the queue at {when(moment)} by {by} (paused since {when(last.started_at)} "
                   f"by {last.started_by}: {last.reason}).")
    else:
        say(f"The queue is not paused: the last pause ({last.window}) was ended by {last.ended_by}.")
    if not missed:
        say("No post fell due during the pause.")
        return
    say(f"Missed — reschedule ({len(missed)}): these fell due during the pause. Every check holds them "
               "until they have a new time or a person approves them (safepost approve POST_ID --by NAME).")
    for held in missed:
        say(f"  {held.post_id}  {held.platform}  {when(held.scheduled_at)}  {preview(held.text)}")


@click.command()
@click.argument("post_id")
@click.option("--by", required=True, metavar="NAME", help="Who approves: recorded in the audit.")
@click.option("--note", default="", help="Why it may go out.")
@state_options
@reports_input_errors
def approve(post_id, by, note, config_path, now):
    """Release a flagged or held post, as the last `safepost check` saw it. The approval is bound to
    the post's text and scheduled time: if either changes, it no longer applies."""
    by = named(by, "approves")
    config, moment = settings(config_path, now)
    with team_store(config) as store:
        seen = store.seen_post(post_id)
        if seen is None:
            raise InputError(f"no check has seen a post '{post_id}': run `safepost check QUEUE` first, "
                             "then approve what it shows")
        if seen.verdict == "pass":
            say(f"{post_id} passed its last check ({when(seen.checked_at)}): nothing to approve.")
            return
        approval = store.approve(seen, moment, by, note)
    say(f"Approved {post_id} ({seen.platform}, {when(seen.scheduled_at)}) by {by} at {when(moment)}.")
    say(f"  {preview(seen.text)}")
    for finding in seen.findings:
        say(f"  released: {finding['level']} {finding['rule']}: {finding['message']}")
    say("  Bound to this text and this time: if either changes, the post needs a new approval. "
               f"Anything that comes up after the check of {when(approval.seen_at)} holds it again.")


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

    config, moment = settings(config_path, now)
    with team_store(config) as store:
        state = store.status(moment, last)
    say(render.to_json(state) if output_format == "json" else render.to_text(state, resume_command(config)))
