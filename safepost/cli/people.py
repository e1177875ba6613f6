"""The commands for people: `pause`, `resume`, `approve` and `status`, over the team's store."""
from __future__ import annotations

import click

from safepost.cli.shared import (QueueSplit, gather_news, judge, login, news_options, parse_columns, parse_now, preview,
                                 read_posts, reports_input_errors, resume_command, say, settings, setup,
                                 state_options, team_store, warn_unread_feeds, when)
from safepost.errors import InputError


def named(by: str, does: str) -> str:
    """The audit names a person: a blank --by would record nobody."""
    if not by.strip():
        raise InputError(f"--by must name who {does}: the audit trail records it")
    return by.strip()


def scope_options(command):
    """--region, --language, --platform, --account: whom a pause holds (none: everything)."""
    for name, example in (("account", "brand-pl"), ("platform", "twitter"), ("language", "en"), ("region", "US")):
        command = click.option(f"--{name}", f"{name}s", multiple=True, metavar=name.upper(),
                               help=f"Hold only posts with this {name} (e.g. {example}); repeatable.")(command)
    return command


@click.command()
@click.option("--reason", required=True, help="Why: shown on every held post and in the audit.")
@click.option("--until", metavar="ISO8601", help="End the pause by itself at this time.")
@click.option("--by", metavar="NAME", help="Who pauses (default: your login name).")
@scope_options
@state_options
@reports_input_errors
def pause(reason, until, by, regions, languages, platforms, accounts, config_path, now):
    """Pause the queue, or the part of it a scope names (--region, --language, --platform,
    --account, in any combination): every check holds those posts until a person resumes."""
    from safepost.records import Scope

    by = named(by, "pauses") if by is not None else None
    config, moment = settings(config_path, now)
    if not reason.strip():
        raise InputError("--reason must say why the queue is paused")
    scope = Scope.checked(regions, languages, platforms, accounts, tuple(config.platforms))
    end = parse_now(until, config.timezone, "--until") if until else None
    if end and end <= moment:
        raise InputError(f"--until {until} is not after now ({when(moment)})")
    with team_store(config) as store:
        current, started = store.pause(moment, by or login(), reason.strip(), end, scope)
    if not started:
        say(f"Already paused: pause {current.id} ({current.scope.label}, {current.window}, by "
            f"{current.started_by}: {current.reason}) holds these posts; nothing changed.")
        return
    what = "the queue" if current.scope.everything else current.scope.label
    say(f"Paused {what} at {when(moment)} by {current.started_by} (pause {current.id}): {current.reason}")
    if end:
        say(f"The pause ends by itself at {when(end)}.")
    say(f"Every `safepost check` now holds every post in it. To resume: {resume_command(config, current.id)}")


@click.command()
@click.argument("pause_id", required=False, type=click.IntRange(min=1))
@click.option("--all", "every", is_flag=True, help="Lift every open pause (needed when several are open "
                                                   "and no PAUSE_ID is given).")
@click.option("--by", required=True, metavar="NAME", help="Who resumes: recorded in the audit.")
@click.option("--note", default="", help="Why it is safe again.")
@click.option("--queue", metavar="QUEUE", type=click.Path(dir_okay=False),
              help="Re-check the posts the pause held in this queue file, against the news of now.")
@news_options
@click.option("--columns", metavar="FIELD=COLUMN,...", help="Map queue columns, as for check.")
@click.option("--preset", metavar="NAME", help="Scheduler export format, as for check.")
@click.option("--platform", "default_platform", metavar="NAME", help="Platform for rows that name none.")
@click.option("--stagger", metavar="INTERVAL", help="Reschedule the clear posts from now, this far apart (20m, 1h).")
@click.option("--approved-out", metavar="FILE", help="Write the clear posts (rescheduled with --stagger) to FILE, "
                                                     "in the queue's own format, to upload back.")
@state_options
@reports_input_errors
def resume(pause_id, every, by, note, queue, feeds, rules, columns, preset, default_platform, stagger,
           approved_out, config_path, now):
    """Lift a pause (PAUSE_ID from `safepost status`; the only one open needs none; --all lifts
    every one) and list the posts that fell due while it lasted: every check holds them until a
    person gives them a new time or approves them. With --queue, re-check the posts it held and
    say which are clear, which fell due, which are still held; --stagger with --approved-out
    writes the clear ones rescheduled, so nothing goes out in a burst."""
    by = named(by, "resumes")
    if every and pause_id is not None:
        raise InputError("give a PAUSE_ID or --all, not both")
    if (stagger or approved_out) and not queue:
        raise InputError("--stagger and --approved-out need --queue QUEUE: the posts to re-check")
    if stagger and not approved_out:
        raise InputError("--stagger needs --approved-out FILE: where the rescheduled posts go")
    recheck = Rechecker(queue, feeds, rules, columns, preset, default_platform, stagger, approved_out,
                        config_path, now) if queue else None
    config, moment = (recheck.ctx.config, recheck.ctx.now) if recheck else settings(config_path, now)
    with team_store(config) as store:
        resumed = store.resume(moment, by, note, pause_id, every)
    if not resumed.ended:
        last = resumed.last
        if last is None:
            say("The queue is not paused.")
        else:
            say(f"The queue is not paused: the last pause ({last.window}) was ended by {last.ended_by}."
                if pause_id is None else f"Pause {last.id} is not open: it was ended by {last.ended_by} "
                                         f"({last.window}).")
        return
    for ended, missed in resumed.ended:
        say(f"Resumed pause {ended.id} ({ended.scope.label}) at {when(moment)} by {by} (paused since "
            f"{when(ended.started_at)} by {ended.started_by}: {ended.reason}).")
        if recheck:
            continue
        if not missed:
            say("No post fell due during the pause.")
            continue
        say(f"Missed — reschedule ({len(missed)}): these fell due during the pause. Every check holds them "
            "until they have a new time or a person approves them (safepost approve POST_ID --by NAME).")
        for held in missed:
            say(f"  {held.post_id}  {held.platform}  {when(held.scheduled_at)}  {preview(held.text)}")
    if recheck:
        recheck.run([pause for pause, _ in resumed.ended], by)


class Rechecker:
    """`resume --queue`: everything is read and every output path checked before the pause is
    lifted; the re-check runs after, so it sees the queue without the pause."""

    def __init__(self, queue, feeds, rules, columns, preset, platform, stagger, approved_out, config_path, now):
        from safepost.outputs import Outputs
        from safepost.resumption import parse_interval

        self.interval = parse_interval(stagger) if stagger else None
        self.ctx = setup(config_path, rules, now)
        self.outputs = Outputs()
        self.split = QueueSplit(queue, approved_out, None, self.outputs)
        self.queue, self.approved_out, self.preset, self.columns = queue, approved_out, preset, columns
        self.posts = read_posts(self.ctx, queue, columns, preset, platform)
        self.news = gather_news(self.ctx, feeds, "json")

    def run(self, pauses: list, by: str) -> None:
        from safepost.queue.reschedule import rescheduled
        from safepost.resumption import blocking, regroup, stagger

        ctx = self.ctx
        decisions, _ = judge(ctx, self.posts, self.news)
        groups = regroup(decisions, pauses, ctx.now, ctx.rulebook.audience, ctx.config.crisis_accounts)
        times = stagger(groups.releasable(), ctx.now, self.interval) if self.interval else \
            {decision.post.id: decision.post.scheduled_at for decision in groups.clear}
        if self.approved_out:
            data = rescheduled(self.queue, self.approved_out, self.posts, times, self.split.original, self.preset,
                               {**ctx.config.columns, **parse_columns(self.columns)}, ctx.config.date_order)
            what = "rescheduled " if self.interval else ""
            self.outputs.stage(self.approved_out, data, f"Wrote {len(times)} {what}post(s) to {self.approved_out}")
            for message in self.outputs.write():
                say(message, err=True)
        moved = {post_id: moment for post_id, moment in times.items() if self.interval}
        why = {d.post.id: [f"{f.level} {f.rule}: {f.message}" for f in blocking(d)]
               for d in groups.still_held + [d for d, free in groups.fell_due if not free]}
        with team_store(ctx.config) as store:
            store.note_recheck(ctx.now, by, pauses, [d.post.id for d in groups.clear if d.post.id not in moved],
                               moved, [d.post.id for d, _ in groups.fell_due], why)
        _say_groups(groups, moved, why)
        warn_unread_feeds(self.news)


def _say_groups(groups, moved: dict, why: dict) -> None:
    def line(decision) -> str:
        post = decision.post
        new = f" -> {when(moved[post.id])}" if post.id in moved else ""
        return f"  {post.id}  {post.platform}  {when(post.scheduled_at)}{new}  {preview(post.text)}"

    say(f"Clear, still to go out ({len(groups.clear)})" + (": rescheduled as shown" if moved else "") + ":")
    for decision in groups.clear:
        say(line(decision))
    say(f"Fell due during the pause ({len(groups.fell_due)}): never released by themselves; "
        + ("rescheduled as shown when nothing else holds them:" if moved else "reschedule or approve them:"))
    for decision, _ in groups.fell_due:
        say(line(decision))
        for reason in why.get(decision.post.id, ()):
            say(f"      still held: {reason}")
    say(f"Still held ({len(groups.still_held)}):")
    for decision in groups.still_held:
        say(line(decision))
        for reason in why[decision.post.id]:
            say(f"      {reason}")


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
    say(render.to_json(state) if output_format == "json"
        else render.to_text(state, lambda pause_id: resume_command(config, pause_id)))
