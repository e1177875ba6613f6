"""What the command modules share: one error style, the config + rulebook + instant every command
starts from, the news edge, output, and the team's store. No module here defines a command, so
every command module can import it and none imports another."""
from __future__ import annotations

import functools
import gc
import getpass
import shlex
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import click

from safepost.errors import InputError

FORMATS = ("text", "json", "markdown", "slack", "html")
PREVIEW = 60


def say(text: object = "", err: bool = False, nl: bool = True, styled: bool = False, **style) -> None:
    """Every line a command prints goes through here: sanitised (a headline's or a post's escape
    sequences are shown, never obeyed by the terminal or the mail reader), then styled. `styled`
    text comes from the renderers, which sanitise each piece with the same function before they
    style it."""
    from safepost.render import safe

    line = str(text) if styled else safe(text)
    click.echo(click.style(line, **style) if style else line, err=err, nl=nl)


def reports_input_errors(command):
    """Turn InputError into `safepost: error: file:line: message` and exit code 2. Whatever the
    outcome, the word forms the command looked up and the rule terms it compiled are kept for the
    next run (text/lemmas.py, text/matcher.py)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            say(f"safepost: error: {exc}", err=True)
            sys.exit(2)
        finally:
            from safepost.text.lemmas import keep_learned
            from safepost.text.matcher import keep_compiled

            keep_learned()
            keep_compiled()

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
                             levels=config.levels, policies=config.policies, grades=config.grades,
                             levels_at=(config.path, config.level_lines))
    rulebook.audience = Audience(config.regions, config.timezone, config.language)
    rulebook.platform_limits = dict(config.platforms)
    gc.freeze()  # see Safepost.main
    gc.enable()
    return Setup(config, rulebook, parse_now(now, config.timezone))


def gather_news(ctx: Setup, feeds: tuple[str, ...], output_format: str, fresh_for: float = 0.0):
    """The news of this run; `fresh_for` (gate): seconds a feed's confirmed copy serves unasked."""
    from safepost.config import FeedSource
    from safepost.news import collect_news

    sources = list(ctx.config.feeds) + [FeedSource(f) for f in feeds]
    entities = None
    if ctx.config.ner_model and sources:
        from safepost.news.entities import load_entity_finder

        entities = load_entity_finder(ctx.config.ner_model, ctx.config.path, ctx.config.ner_model_line)
    return collect_news(sources, ctx.rulebook, ctx.now, show_progress=output_format != "json",
                        cache_dir=ctx.config.cache_dir, entities=entities, off=ctx.config.news_off,
                        fresh_for=fresh_for)


def read_posts(ctx: Setup, queue: str, columns: str | None, preset: str | None, platform: str | None) -> list:
    """The queue's posts as `check` reads them: the config's columns, zone, date order and limit."""
    from safepost.queue import read_queue

    config = ctx.config
    if platform:
        from safepost.platforms import check_platform

        check_platform(platform, tuple(config.platforms), "--platform", None)
    return read_queue(queue, columns={**config.columns, **parse_columns(columns)}, preset=preset,
                      timezone=config.timezone, platform=platform, date_order=config.date_order,
                      languages=config.languages, limit=config.max_posts, platforms=tuple(config.platforms))


def judge(ctx: Setup, posts: list, news, workers: int = 1, progress=None,
          neighbours: list = ()) -> tuple[list, list[str]]:
    """The verdicts `check` gives: the gate, a finding when the news could not be read, then the
    team's pauses and approvals; and the run-wide notices those add. `neighbours`: the rest of
    the queue, only compared with `posts` (cross-posting), for `gate`, which is given one post."""
    from safepost import gate

    decisions = gate.check(posts, news.incidents, ctx.rulebook, ctx.now, workers=workers, progress=progress)
    if neighbours:
        others = [gate.decide(post, []) for post in neighbours]
        decisions = gate.with_queue_findings(decisions + others, ctx.rulebook)[:len(decisions)]
    unread = news.unavailable_finding(ctx.rulebook)
    if unread:
        decisions = gate.annotate(decisions, unread, ctx.rulebook)
    return apply_team_state(ctx, decisions, news.incidents)


def warn_unread_feeds(news) -> None:
    """Each feed that gave no news while others did, on stderr whatever the format: cron mail
    shows it, and the exit code (3) says it."""
    for status in news.unread_feeds:
        say(f"safepost: warning: feed {status.source} gave no news: {status.detail or status.outcome}",
                   err=True)


def exit_code(failed: bool, news) -> int:
    """0 clear, 1 something at or above --fail-on, 3 clear but some feeds gave no news."""
    if failed:
        return 1
    return 3 if news.unread_feeds else 0


def emit(report, output_format: str, show_passes: bool, outputs, output: str | None = None,
         workers: int = 1) -> None:
    """The report in the chosen format, on stdout or (`--output FILE`) written whole to FILE, with
    every other staged output: all the files first, or none and exit 2, then stdout. Colour only
    for a terminal; every format sanitises or escapes what posts and feeds say."""
    from safepost.render.layout import stream_takes_colour, terminal_width

    if output_format == "json":
        from safepost.render.json import render

        text = render(report, workers) + "\n"
    elif output_format == "markdown":
        from safepost.render.markdown import render

        text = render(report, show_passes)
    elif output_format == "slack":
        from safepost.render.slack import render

        text = render(report, show_passes)
    elif output_format == "html":
        from safepost.render.html import render

        text = render(report, show_passes)
    else:
        from safepost.render.terminal import render

        colour = output is None and stream_takes_colour(sys.stdout)
        text = render(report, terminal_width(), colour, show_passes)
    if output:
        outputs.stage(output, text.encode("utf-8"), f"Wrote the {output_format} report to {output}")
    for message in outputs.write():
        say(message, err=True)
    if not output:
        click.echo(text, nl=False, color=output_format == "text" and stream_takes_colour(sys.stdout))


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


def news_options(command):
    """--feed and --rules, for the commands that judge posts beside `check`."""
    command = click.option("--rules", multiple=True, metavar="PATH",
                           help="Extra rulebook file or folder; repeatable.")(command)
    return click.option("--feed", "feeds", multiple=True, metavar="URL|PATH",
                        help="News feed to cross-check; repeatable.")(command)


def state_options(command):
    """--config and --now, which every state command takes."""
    command = click.option("--now", metavar="ISO8601", help="The instant to act at (default: the clock).")(command)
    return click.option("--config", "config_path", metavar="FILE",
                        help="Config file (default: ./safepost.yaml); the store sits beside it.")(command)


def settings(config_path: str | None, now: str | None):
    from safepost.config import find_config, load_config

    config = load_config(find_config(config_path))
    return config, parse_now(now, config.timezone)


NO_STATE = ("no safepost.yaml was found here, in a parent folder, or in SAFEPOST_CONFIG, and no "
            ".safepost/state.db is here: the team's pauses and approvals were NOT applied. Run "
            "`safepost init` in the team's folder, or pass --config")


def team_store(config):
    """The team's one store, beside its config; a command that needs it and cannot find it stops
    rather than start a second one somewhere else."""
    from safepost.state import open_store

    if config.state_path is None:
        raise InputError(NO_STATE.replace("were NOT applied", "cannot be read or written"))
    return open_store(config.state_path)


def resume_command(config, pause_id: int | None = None) -> str:
    where = f" --config {shlex.quote(config.path)}" if config.path else ""
    which = f" {pause_id}" if pause_id is not None else ""
    return f"safepost resume{which} --by YOUR-NAME{where}"


def when(moment) -> str:
    from safepost.render import utc_label

    return utc_label(moment)


def preview(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[:PREVIEW - 1] + "…"


def login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


def apply_team_state(ctx, decisions: list, incidents: list) -> tuple[list, list[str]]:
    """The pause, the posts missed during a past pause and the approvals, from the store, applied
    to the gate's decisions; the check is then remembered for `approve` and `resume`. With no
    store to be found, said loudly (stderr and the report) instead of making a new one."""
    from safepost import approvals

    if ctx.config.state_path is None:
        say(f"safepost: warning: {NO_STATE}", err=True)
        return decisions, [NO_STATE[0].upper() + NO_STATE[1:] + "."]
    with team_store(ctx.config) as store:
        team = store.team_state(ctx.now)
        held = approvals.hold_for_pauses(decisions, team, ctx.now, ctx.rulebook.audience,
                                         ctx.config.crisis_accounts)
        final = approvals.apply_approvals(held, team, incidents)
        store.record_check(ctx.now, held, final, team.active_pauses(ctx.now))
    return final, approvals.notices(final, team, ctx.now)


class QueueSplit:
    """`--approved-out` and `--held-out`: checked before the work, staged after it from the bytes
    that were checked (a queue edited meanwhile is refused, not half-checked)."""

    def __init__(self, queue: str, approved_out: str | None, held_out: str | None, outputs):
        from pathlib import Path

        from safepost.yamlsafe import read_bytes

        self.queue = queue
        self.targets = [(path, wanted) for path, wanted in ((approved_out, True), (held_out, False)) if path]
        if any(Path(queue).resolve() == Path(path).resolve() for path, _ in self.targets):
            raise InputError("--approved-out/--held-out must name a new file, not the queue itself", queue)
        for path, wanted in self.targets:
            outputs.claim(path, "--approved-out" if wanted else "--held-out")
        self.original = read_bytes(queue) if self.targets else b""

    def stage(self, decisions: list, outputs) -> None:
        from safepost.model import Verdict
        from safepost.queue import selection

        posts = [decision.post for decision in decisions]
        for path, wanted in self.targets:
            keep = [(decision.verdict == Verdict.PASS) == wanted for decision in decisions]
            what = "may go out" if wanted else "may not go out"
            outputs.stage(path, selection(self.queue, path, posts, keep, self.original),
                          f"Wrote {sum(keep)} post(s) that {what} to {path}")
