"""`safepost dates`: the sensitive-day calendar, and a queue laid over it."""
from __future__ import annotations

from zoneinfo import ZoneInfo

import click

from safepost.cli.shared import parse_day, parse_regions, reports_input_errors, say, setup, write_atomic


@click.command()
@click.argument("queue", required=False, type=click.Path(dir_okay=False))
@click.option("--region", "regions", multiple=True, metavar="CODE",
              help="Days for this region (US, PL, ...); repeatable. Default: the config's regions, else all.")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="First day to list (default: today).")
@click.option("--days", type=click.IntRange(1, 3660), default=30, show_default=True, help="How many days to list.")
@click.option("--ics", "ics_path", metavar="FILE", help="Also write the days to an iCalendar file.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="The instant that sets 'today' (default: the clock).")
@reports_input_errors
def dates(queue, regions, start, days, ics_path, rules, config_path, now):
    """List the coming sensitive days (remembrance days, anniversaries). With QUEUE, list the days
    around the queue's posts instead, each with the posts that fall on it and what the dates check
    says about them (--region, --from and --days then do not apply)."""
    from rich.console import Console

    from safepost import calendar
    from safepost.render.calendar import plural, render_days, render_overlay

    ctx = setup(config_path, rules, now)
    console = Console(highlight=False, emoji=False)
    if queue:
        from safepost import gate
        from safepost.queue import read_queue

        config = ctx.config
        posts = read_queue(queue, columns=dict(config.columns), timezone=config.timezone,
                           date_order=config.date_order, languages=config.languages,
                           platforms=tuple(config.platforms))
        slots = calendar.overlay(gate.check(posts, (), ctx.rulebook, ctx.now), ctx.rulebook)
        render_overlay(slots, console)
        occurrences = [occurrence for occurrence, _ in slots]
    else:
        codes = parse_regions(regions) or ctx.config.regions
        today = ctx.now.astimezone(ZoneInfo(ctx.config.timezone or "UTC")).date()
        first = parse_day(start) if start else today
        occurrences = calendar.upcoming(ctx.rulebook, codes, first, days)
        for code in calendar.regions_without_days(ctx.rulebook, codes):
            say(f"note: no sensitive dates for region {code} in the rulebook; "
                       "only days for every region are listed for it", err=True)
        render_days(occurrences, console, f"Sensitive days from {calendar.day_text(first)} {first.year}, "
                                          f"{days} days, {', '.join(codes) or 'all regions'}")
    if ics_path:
        write_atomic(ics_path, calendar.to_ics(occurrences, ctx.now))
        say(f"Wrote {plural(len(occurrences), 'sensitive day')} to {ics_path}")
