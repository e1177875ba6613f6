"""Command line: parse options, call the core, render, exit. Heavy modules load inside commands so
`safepost --help` stays instant. Exit codes: 0 clear, 1 something at or above --fail-on, 2 bad
usage or bad input (one line naming file and line, never a traceback)."""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import click

from safepost import __version__
from safepost.errors import InputError

FORMATS = ("text", "json", "markdown")


def reports_input_errors(command):
    """Turn InputError into `safepost: error: file:line: message` and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            click.echo(f"safepost: error: {exc}", err=True)
            sys.exit(2)

    return wrapper


@dataclass
class Setup:
    """What every command needs: the config, the rulebook compiled for it, and the instant."""

    config: object
    rulebook: object
    now: datetime


def parse_now(value: str | None, default_zone: str | None, option: str = "--now") -> datetime:
    if not value:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option}: '{value}' is not an ISO 8601 time (e.g. 2026-07-20T14:30:00Z)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(default_zone) if default_zone else timezone.utc)
    return moment


def parse_columns(value: str | None) -> dict[str, str]:
    if not value:
        return {}
    mapping = {}
    for pair in value.split(","):
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(f"--columns: '{pair}' should look like text=Message")
        mapping[field.strip()] = column.strip()
    return mapping


def setup(config_path: str | None, rules: tuple[str, ...], now: str | None) -> Setup:
    from safepost.config import find_config, load_config
    from safepost.rulebook import Audience, load_rulebook

    config = load_config(find_config(config_path))
    rulebook = load_rulebook(list(config.rules) + list(rules), include_shipped=config.shipped_rules,
                             levels=config.levels, policies=config.policies)
    rulebook.audience = Audience(config.regions, config.timezone, config.language)
    rulebook.platform_limits = dict(config.platforms)
    return Setup(config, rulebook, parse_now(now, config.timezone))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="safepost")
def main() -> None:
    """safepost: check scheduled social posts against the news, sensitive dates and risky words
    before they go out."""


@main.command()
@click.argument("queue", type=click.Path(dir_okay=False))
@click.option("--feed", "feeds", multiple=True, metavar="URL|PATH",
              help="News feed (RSS/Atom) to cross-check against; repeatable.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="Evaluation instant (default: the clock).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(("flag", "hold")), default="hold", show_default=True,
              help="Exit 1 when any post is at or above this level.")
@click.option("--columns", metavar="FIELD=COLUMN,...", help="Map queue columns: text=Message,scheduled_at=Date.")
@click.option("--preset", metavar="NAME", help="Scheduler export format (detected from the header if omitted).")
@click.option("--platform", "default_platform", metavar="NAME", help="Platform for rows that name none.")
@click.option("--all", "show_passes", is_flag=True, help="List passing posts too.")
@click.option("--approved-out", metavar="FILE", help="Write the posts that may go out to FILE, in the queue's format.")
@click.option("--held-out", metavar="FILE", help="Write the posts that may not go out (flag, hold) to FILE.")
@reports_input_errors
def check(queue, feeds, rules, config_path, now, output_format, fail_on, columns, preset,
          default_platform, show_passes, approved_out, held_out):
    """Check a queue of scheduled posts (CSV, JSON or YAML) and say pass, flag or hold for each."""
    from safepost import gate
    from safepost.cli_state import QueueSplit, apply_team_state
    from safepost.model import Verdict
    from safepost.parallel import available_workers
    from safepost.queue import read_queue
    from safepost.render import Report, fails

    ctx = setup(config_path, rules, now)
    config = ctx.config
    split = QueueSplit(queue, approved_out, held_out)
    posts = read_queue(queue, columns={**config.columns, **parse_columns(columns)}, preset=preset,
                       timezone=config.timezone, platform=default_platform,
                       date_order=config.date_order, languages=config.languages, limit=config.max_posts)
    news = gather_news(ctx, feeds, output_format)
    decisions = gate.check(posts, news.incidents, ctx.rulebook, ctx.now, workers=available_workers())
    unread = news.unavailable_finding(ctx.rulebook)
    if unread:
        decisions = gate.annotate(decisions, unread)
    decisions, state_notices = apply_team_state(ctx, decisions, news.incidents)  # pause, approvals
    report = Report(ctx.now, decisions, list(news.incidents), list(news.statuses),
                    list(news.notices) + state_notices)
    split.write(decisions)
    emit(report, output_format, show_passes)
    sys.exit(1 if fails(decisions, Verdict.parse(fail_on)) else 0)


def gather_news(ctx: Setup, feeds: tuple[str, ...], output_format: str):
    from safepost.config import FeedSource
    from safepost.news import collect_news

    sources = list(ctx.config.feeds) + [FeedSource(f) for f in feeds]
    entities = None
    if ctx.config.ner_model and sources:
        from safepost.news.entities import load_entity_finder

        entities = load_entity_finder(ctx.config.ner_model, ctx.config.path)
    return collect_news(sources, ctx.rulebook, ctx.now, show_progress=output_format == "text",
                        cache_dir=ctx.config.cache_dir, entities=entities)


@main.command()
@click.option("--feed", "feeds", multiple=True, metavar="URL|PATH", help="News feed to read; repeatable.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="Evaluation instant (default: the clock).")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@reports_input_errors
def news(feeds, rules, config_path, now, output_format):
    """Show the incidents safepost sees in the news right now, and how every feed was read."""
    ctx = setup(config_path, rules, now)
    found = gather_news(ctx, feeds, output_format)
    if output_format == "json":
        from safepost.render.news import render_json

        click.echo(render_json(found, ctx.now))
    else:
        from rich.console import Console

        from safepost.render.news import render_text

        render_text(found, ctx.now, Console(highlight=False, emoji=False))


def emit(report, output_format: str, show_passes: bool) -> None:
    if output_format == "json":
        from safepost.render.json import render

        click.echo(render(report))
    elif output_format == "markdown":
        from safepost.render.markdown import render

        click.echo(render(report, show_passes), nl=False)
    else:
        from rich.console import Console

        from safepost.render.terminal import render

        render(report, Console(highlight=False, emoji=False), show_passes)


@main.command()
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
                           date_order=config.date_order, languages=config.languages)
        slots = calendar.overlay(gate.check(posts, (), ctx.rulebook, ctx.now), ctx.rulebook)
        render_overlay(slots, console)
        occurrences = [occurrence for occurrence, _ in slots]
    else:
        codes = parse_regions(regions) or ctx.config.regions
        today = ctx.now.astimezone(ZoneInfo(ctx.config.timezone or "UTC")).date()
        first = parse_day(start) if start else today
        occurrences = calendar.upcoming(ctx.rulebook, codes, first, days)
        for code in calendar.regions_without_days(ctx.rulebook, codes):
            click.echo(f"note: no sensitive dates for region {code} in the rulebook; "
                       "only days for every region are listed for it", err=True)
        render_days(occurrences, console, f"Sensitive days from {calendar.day_text(first)} {first.year}, "
                                          f"{days} days, {', '.join(codes) or 'all regions'}")
    if ics_path:
        write_atomic(ics_path, calendar.to_ics(occurrences, ctx.now))
        click.echo(f"Wrote {plural(len(occurrences), 'sensitive day')} to {ics_path}")


def parse_regions(values: tuple[str, ...]) -> tuple[str, ...]:
    codes = tuple(value.strip().upper() for value in values)
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise InputError(f"--region: '{code}' is not a two-letter region code (US, PL, UA, ...)")
    return codes


def parse_day(value: str):
    from datetime import date

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"--from: '{value}' is not a date (YYYY-MM-DD)") from None


def write_atomic(path: str, data: bytes) -> None:
    from safepost.files import replace_atomically

    try:
        replace_atomically(path, data)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path) from None


from safepost.cli_rules import COMMANDS as RULE_COMMANDS  # noqa: E402 - as below
from safepost.cli_state import COMMANDS  # noqa: E402 - its commands import this module's helpers

for command in COMMANDS + RULE_COMMANDS:
    main.add_command(command)
