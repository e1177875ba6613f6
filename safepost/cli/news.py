"""`safepost news`: the incidents safepost sees in the news right now, and how every feed was read."""
from __future__ import annotations

import sys

import click

from safepost.cli.shared import exit_code, gather_news, reports_input_errors, setup, warn_unread_feeds


@click.command()
@click.option("--feed", "feeds", multiple=True, metavar="URL|PATH", help="News feed to read; repeatable.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="Evaluation instant (default: the clock).")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@reports_input_errors
def news(feeds, rules, config_path, now, output_format):
    """Show the incidents safepost sees in the news right now, and how every feed was read. Exit 0
    every feed read, 1 no news read at all, 3 some feeds gave no news."""
    ctx = setup(config_path, rules, now)
    found = gather_news(ctx, feeds, output_format)
    if output_format == "json":
        from safepost.render.news import render_json

        click.echo(render_json(found, ctx.now))  # inert already: see safe_json
    else:
        from safepost.render.layout import Ink, stream_takes_colour, terminal_width
        from safepost.render.news import render_text

        colour = stream_takes_colour(sys.stdout)
        click.echo(render_text(found, ctx.now, Ink(colour, terminal_width())), nl=False, color=colour)
    warn_unread_feeds(found)
    sys.exit(1 if found.unread else exit_code(False, found))
