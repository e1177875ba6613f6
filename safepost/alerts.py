"""Alerts through apprise: e-mail, Slack, Teams, Telegram, webhooks and the rest, one URL each.

The URLs come from `alerts:` in the config and the SAFEPOST_ALERTS environment variable (space
separated), never from the rulebook. A URL holds secrets, so the store keeps a digest of it (to
know which deliveries are still owed to which destination) and apprise's masked form (to say
where), never the URL itself.
"""
from __future__ import annotations

import hashlib
import logging
import os
from typing import Mapping

ENV_VAR = "SAFEPOST_ALERTS"
MAX_ERROR = 300


def alert_urls(configured: tuple[str, ...], environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    urls = list(configured) + environ.get(ENV_VAR, "").split()
    return tuple(dict.fromkeys(urls))  # the same URL twice would send the alert twice


def destination(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def label(url: str) -> str:
    """Where an alert goes, with apprise masking the secrets; the scheme alone if it cannot."""
    import apprise

    service = apprise.Apprise.instantiate(url)
    scheme = url.split("://", 1)[0]
    if service is None:
        return f"{scheme}:// (not a URL apprise knows, #{destination(url)[:6]})"
    return service.url(privacy=True).split("?", 1)[0]


def send(url: str, title: str, body: str) -> str | None:
    """Send one alert; None when it went, else what went wrong (apprise's own words)."""
    import apprise

    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as log:
        service = apprise.Apprise.instantiate(url)
        sent = bool(service and service.notify(body=body, title=title))
    if sent:
        return None
    messages = [line for line in log.getvalue().splitlines() if line.strip()]
    reason = messages[-1] if messages else "apprise reported a failure"
    return (reason if service else f"not a URL apprise can send to: {reason}")[:MAX_ERROR]
