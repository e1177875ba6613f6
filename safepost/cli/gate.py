"""`safepost gate`: one post on stdin, its verdict on stdout, for a script or a Zapier/n8n step
that publishes: the same judgement as `check` (news, rulebook, the team's pauses and approvals)."""
from __future__ import annotations

import sys

import click

from safepost.cli.shared import (exit_code, gather_news, judge, news_options, reports_input_errors, setup,
                                 state_options, team_store, warn_unread_feeds)


@click.command()
@news_options
@state_options
@click.option("--fail-on", type=click.Choice(("flag", "hold")), default="hold", show_default=True,
              help="Exit 1 when the post is at or above this level.")
@click.option("--platform", "default_platform", metavar="NAME", help="Platform when the post names none.")
@reports_input_errors
def gate(feeds, rules, config_path, now, fail_on, default_platform):
    """Check one post, read as a JSON object on stdin, for a publishing pipeline; print its
    verdict as JSON (the form of one post in `check --format json`). Exit 0 go, 1 at or above
    --fail-on, 2 bad input, 3 clear but some feeds gave no news."""
    import json

    from safepost.model import Verdict
    from safepost.queue.single import read_post
    from safepost.render import iso, safe_json
    from safepost.render.json import post_dict

    ctx = setup(config_path, rules, now)
    config = ctx.config
    post = read_post(sys.stdin.read(), timezone=config.timezone, platform=default_platform,
                     date_order=config.date_order, languages=config.languages, platforms=tuple(config.platforms),
                     columns=config.columns)
    news = gather_news(ctx, feeds, "json", fresh_for=config.gate_fresh_for)
    [decision], notices = judge(ctx, [post], news, neighbours=_queue(ctx, post))
    verdict = {**post_dict(decision, None), "now": iso(ctx.now), "notices": list(news.notices) + notices}
    click.echo(safe_json(json.dumps(verdict, ensure_ascii=False)))
    warn_unread_feeds(news)
    sys.exit(exit_code(decision.verdict >= Verdict.parse(fail_on), news))


def _queue(ctx, post) -> list:
    """The rest of the queue as the checks saw it, so that the same text on two networks is
    caught as `check` catches it; none without the team's store."""
    from safepost.model import Post

    if ctx.config.state_path is None:
        return []
    with team_store(ctx.config) as store:
        return [Post(seen.post_id, seen.platform, seen.scheduled_at, seen.text)
                for seen in store.queue_from(ctx.now) if seen.post_id != post.id]
