"""`safepost dates`: the sensitive-day calendar, and a queue laid over it."""
from __future__ import annotations

import sys
from datetime import timedelta
from zoneinfo import ZoneInfo

import click

from safepost.cli.shared import parse_day, parse_regions, reports_input_errors, say, setup

LIST_DAYS = 30  # what the screen lists unless --days says otherwise
ICS_DAYS = 365  # what --ics exports unless --days says otherwise: a year for the team calendar


@click.command()
@click.argument("queue", required=False, type=click.Path(dir_okay=False))
@click.option("--region", "regions", multiple=True, metavar="CODE",
              help="Days for this region (US, PL, ...); repeatable. Default: the config's regions, else all.")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="First day to list (default: today).")
@click.option("--days", type=click.IntRange(1, 3660), default=None,
              help=f"How many days to list [default: {LIST_DAYS}; with --ics, {ICS_DAYS}].")
@click.option("--ics", "ics_path", metavar="FILE",
              help="Also write the days to an iCalendar file: one event per day, a UID that stays the same "
                   "from one export to the next, so calendar apps update rather than duplicate.")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="The instant that sets 'today' (default: the clock).")
@reports_input_errors
def dates(queue, regions, start, days, ics_path, output_format, rules, config_path, now):
    """List the coming sensitive days (remembrance days, anniversaries). With QUEUE, list the days
    around the queue's posts instead, each with the posts that fall on it and what the dates check
    says about them (--region, --from and --days then do not apply)."""
    from safepost import calendar
    from safepost.outputs import Outputs
    from safepost.render.calendar import plural, render_days, render_overlay, to_json
    from safepost.render.layout import Ink, stream_takes_colour, terminal_width

    ctx = setup(config_path, rules, now)
    outputs = Outputs()
    if ics_path:
        outputs.claim(ics_path, "--ics")
    ink = Ink(stream_takes_colour(sys.stdout) and output_format == "text", terminal_width())
    if queue:
        from safepost import gate
        from safepost.queue import read_queue

        config = ctx.config
        posts = read_queue(queue, columns=dict(config.columns), timezone=config.timezone,
                           date_order=config.date_order, languages=config.languages,
                           platforms=tuple(config.platforms))
        slots = calendar.overlay(gate.check(posts, (), ctx.rulebook, ctx.now), ctx.rulebook)
        occurrences = [occurrence for occurrence, _ in slots]
        if output_format == "json":
            first = min((p.scheduled_at.date() for p in posts), default=None)
            last = max((p.scheduled_at.date() for p in posts), default=None)
            codes = sorted({p.region.upper() for p in posts if p.region} or set(config.regions))
            _print(to_json(occurrences, ctx.now, first, last, codes, slots) + "\n", True)
        else:
            _print(render_overlay(slots, ink), ink.colour)
    else:
        codes = parse_regions(regions) or ctx.config.regions
        today = ctx.now.astimezone(ZoneInfo(ctx.config.timezone or "UTC")).date()
        first = parse_day(start) if start else today
        count = days or (ICS_DAYS if ics_path else LIST_DAYS)
        occurrences = calendar.upcoming(ctx.rulebook, codes, first, count)
        for code in calendar.regions_without_days(ctx.rulebook, codes):
            say(f"note: no sensitive dates for region {code} in the rulebook; "
                "only days for every region are listed for it", err=True)
        if output_format == "json":
            _print(to_json(occurrences, ctx.now, first, first + timedelta(count - 1), codes) + "\n", True)
        else:
            _print(render_days(occurrences, ink, f"Sensitive days from {calendar.day_text(first)} {first.year}, "
                                                 f"{count} days, {', '.join(codes) or 'all regions'}"), ink.colour)
    if ics_path:
        outputs.stage(ics_path, calendar.to_ics(occurrences, ctx.now),
                      f"Wrote {plural(len(occurrences), 'sensitive day')} to {ics_path}")
        for message in outputs.write():
            say(message, err=output_format == "json")  # stdout stays one JSON document


def _print(text: str, colour: bool) -> None:
    """Rendered text: each piece was sanitised by the renderer, which styled it for this stream."""
    click.echo(text, nl=False, color=colour)
