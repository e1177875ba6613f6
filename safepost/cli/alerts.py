"""`safepost alerts test`: find out now, not in a crisis, whether every alert destination works."""
from __future__ import annotations

import getpass
import socket
import sys

import click

from safepost.cli.shared import reports_input_errors, say

TITLE = "safepost: test alert"


@click.group()
def alerts() -> None:
    """The destinations `watch` alerts when it pauses the queue."""


@alerts.command(name="test")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: found like git finds .git).")
@reports_input_errors
def send_test(config_path):
    """Send a test message to every alert URL (`alerts:` and SAFEPOST_ALERTS) and say, for each,
    whether it was delivered. Exit 0 all delivered, 1 any failed or none configured."""
    from safepost.alerts import alert_urls, label, send_all
    from safepost.config import find_config, load_config

    config = load_config(find_config(config_path))
    urls = alert_urls(config.alerts)
    if not urls:
        say("safepost: no alert destinations: add `alerts:` to the config or set SAFEPOST_ALERTS, "
            "or `watch` will pause the queue without telling anyone", err=True)
        sys.exit(1)
    body = (f"A test from `safepost alerts test`, run by {getpass.getuser()} on {socket.gethostname()} "
            f"with {config.path or 'no config file'}. When a tragedy reaches your audience, `safepost watch` "
            "alerts here.")
    results = send_all(urls, TITLE, body)
    for url, problem in results.items():
        say(f"{'delivered' if problem is None else 'FAILED':<9}  {label(url)}" + (f": {problem}" if problem else ""))
    failed = sum(problem is not None for problem in results.values())
    say(f"{len(urls) - failed} of {len(urls)} destinations delivered")
    sys.exit(1 if failed else 0)
