"""Command line: click commands only, one module per command group (check, news, dates, watch,
alerts, people, gate, rules), and one shared module they all import (shared.py). Heavy modules load inside
commands so `safepost --help` stays instant. Exit codes: 0 clear, 1 something at or above
--fail-on, 2 bad usage or bad input (one line naming file and line, never a traceback)."""
from __future__ import annotations

import gc
import importlib
import sys

import click

from safepost import __version__
from safepost.cli.shared import say

# Each command and where it is written: only the one asked for is imported, so that a `gate` call
# from a publishing pipeline does not load the modules of eleven others.
COMMANDS = {"alerts": "alerts:alerts", "approve": "people:approve", "check": "check:check", "dates": "dates:dates",
            "gate": "gate:gate", "init": "rules:init", "news": "news:news", "pause": "people:pause",
            "resume": "people:resume", "rules": "rules:rules", "status": "people:status", "try": "rules:try_text",
            "watch": "watch:watch"}


class Safepost(click.Group):
    """One error style for every mistake, click's own included: `safepost: error: ...`, exit 2."""

    def list_commands(self, ctx) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name].split(":")
        return getattr(importlib.import_module(f"safepost.cli.{module}"), attribute)

    def resolve_command(self, ctx, args):
        if args and not args[0].startswith("-") and args[0] not in COMMANDS:
            import difflib

            close = difflib.get_close_matches(args[0], COMMANDS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise click.UsageError(f"no such command '{args[0]}'{hint}", ctx)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        gc.disable()  # while modules and the rulebook load: `setup` then freezes what they made (in
        # a command, it lives until exit: the collector need not walk it again) and enables it
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
        finally:  # a command that stops before `setup` leaves the collector on too
            gc.enable()


@click.group(cls=Safepost, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="safepost")
def main() -> None:
    """safepost: check scheduled social posts against the news, sensitive dates and risky words
    before they go out."""
