"""`safepost check`: the gate over a queue file, with the news, the team's state and the outputs."""
from __future__ import annotations

import sys

import click

from safepost.cli.shared import (FORMATS, QueueSplit, emit, exit_code, gather_news, judge, read_posts,
                                 reports_input_errors, setup, warn_unread_feeds)


@click.command()
@click.argument("queue", type=click.Path(dir_okay=False))
@click.option("--feed", "feeds", multiple=True, metavar="URL|PATH",
              help="News feed (RSS/Atom) to cross-check against; repeatable.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="Evaluation instant (default: the clock).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for a terminal, json for scripts, markdown for a ticket, slack for a chat, "
                   "html for a self-contained report to mail or attach.")
@click.option("--output", metavar="FILE", help="Write the report to FILE instead of stdout.")
@click.option("--fail-on", type=click.Choice(("flag", "hold")), default="hold", show_default=True,
              help="Exit 1 when any post is at or above this level.")
@click.option("--columns", metavar="FIELD=COLUMN,...", help="Map queue columns: text=Message,scheduled_at=Date.")
@click.option("--preset", metavar="NAME", help="Scheduler export format (detected from the header if omitted).")
@click.option("--platform", "default_platform", metavar="NAME", help="Platform for rows that name none.")
@click.option("--all", "show_passes", is_flag=True, help="Show passing posts too, with their text.")
@click.option("--approved-out", metavar="FILE", help="Write the posts that may go out to FILE, in the queue's format.")
@click.option("--held-out", metavar="FILE", help="Write the posts that may not go out (flag, hold) to FILE.")
@reports_input_errors
def check(queue, feeds, rules, config_path, now, output_format, output, fail_on, columns, preset,
          default_platform, show_passes, approved_out, held_out):
    """Check a queue of scheduled posts (CSV, JSON or YAML) and say pass, flag or hold for each."""
    from safepost.model import Verdict
    from safepost.outputs import Outputs
    from safepost.parallel import available_workers
    from safepost.render import Report, fails
    from safepost.render.progress import ProgressBar

    ctx = setup(config_path, rules, now)
    config = ctx.config
    outputs = Outputs()
    split = QueueSplit(queue, approved_out, held_out, outputs)
    if output:
        outputs.claim(output, "--output")
    posts = read_posts(ctx, queue, columns, preset, default_platform)
    news = gather_news(ctx, feeds, output_format)
    workers = available_workers()
    with ProgressBar(f"Checking {len(posts):,} posts", len(posts), output_format != "json") as bar:
        decisions, state_notices = judge(ctx, posts, news, workers, bar.advance)
    report = Report(ctx.now, decisions, list(news.incidents), list(news.statuses),
                    list(news.notices) + state_notices, source=queue, config_path=config.path)
    split.stage(decisions, outputs)
    emit(report, output_format, show_passes, outputs, output, workers)
    warn_unread_feeds(news)
    sys.exit(exit_code(fails(decisions, Verdict.parse(fail_on)), news))
