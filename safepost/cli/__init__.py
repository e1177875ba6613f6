"""Command line: click commands only, one module per command group (check, news, dates, watch,
alerts, people, gate, rules), and one shared module they all import (shared.py). Heavy modules load inside
commands so `safepost --help` stays instant. Exit codes: 0 clear, 1 something at or above
--fail-on, 2 bad usage or bad input (one line naming file and line, never a traceback)."""
from __future__ import annotations

import sys

import click

from safepost import __version__
from safepost.cli import alerts, check, dates, gate, news, people, rules, watch
from safepost.cli.shared import say


class Safepost(click.Group):
    """One error style for every mistake, click's own included: `safepost: error: ...`, exit 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            command = f" {exc.ctx.info_name}" if exc.ctx and exc.ctx.parent else ""
            say(f"safepost: error: {exc.format_message()} (see `safepost{command} --help`)", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            say(f"safepost: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            say("safepost: stopped", err=True)
            sys.exit(130)


@click.group(cls=Safepost, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="safepost")
def main() -> None:
    """safepost: check scheduled social posts against the news, sensitive dates and risky words
    before they go out."""


for command in (check.check, news.news, dates.dates, watch.watch, alerts.alerts, people.pause, people.resume, people.approve,
                people.status, gate.gate, rules.rules, rules.try_text, rules.init):
    main.add_command(command)
