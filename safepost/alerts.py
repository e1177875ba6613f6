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
SEND_WITHIN = 10.0  # seconds for all alerts of a run together: a silent endpoint must not stall cron


def alert_urls(configured: tuple[str, ...], environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    urls = list(configured) + environ.get(ENV_VAR, "").split()
    return tuple(dict.fromkeys(urls))  # the same URL twice would send the alert twice


def destination(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def label(url: str) -> str:
    """Where an alert goes, with apprise masking the secrets; the scheme alone if it cannot."""
    service, _ = _attempt(url, None)
    if service is None:
        return f"{url.split('://', 1)[0]}:// (not a URL apprise knows, #{destination(url)[:6]})"
    return service.url(privacy=True).split("?", 1)[0]


def problem(url: str) -> str | None:
    """Why apprise could never send to this URL (an unknown scheme, a malformed address), or
    None: checked when the config is linted, not found out in a crisis."""
    service, found = _attempt(url, None)
    if service is not None:
        return None
    from safepost.rulebook.fields import did_you_mean

    scheme = url.split("://", 1)[0].lower()
    if scheme not in _schemes():
        return f"apprise knows no '{scheme}://' service{did_you_mean(scheme, _schemes())}"
    return f"apprise cannot use this {scheme}:// URL: {found or 'it is not complete'}"


def _schemes() -> set[str]:
    import apprise

    found: set[str] = set()
    for schema in apprise.Apprise().details()["schemas"]:
        for key in ("protocols", "secure_protocols"):
            value = schema.get(key)
            found.update([value] if isinstance(value, str) else value or ())
    return found


def send(url: str, title: str, body: str) -> str | None:
    """Send one alert; None when it went, else what went wrong (apprise's own words)."""
    service, problems = _attempt(url, (title, body))
    if service is None:
        return f"not a URL apprise can send to: {problems}"[:MAX_ERROR]
    return problems[:MAX_ERROR] or None


def body_format(service) -> str:
    """The form a service reads best, as apprise declares it for that service (and its URL's
    `?format=`): 'html' for e-mail and Telegram, 'markdown' for Slack, Discord and the like,
    'text' for SMS and plain webhooks."""
    resolve = getattr(service, "resolve_format", None)
    chosen = resolve(None) if resolve is not None else service.notify_format
    if isinstance(chosen, (list, tuple)):
        chosen = chosen[0] if chosen else "text"
    form = str(getattr(chosen, "value", chosen)).lower()
    return form if form in ("text", "markdown", "html") else "text"


def send_all(urls: tuple[str, ...], title: str, body: str, within: float = SEND_WITHIN) -> dict[str, str | None]:
    """Send to every URL at once, each in its own thread, and wait at most `within` seconds in
    all: url -> None (sent) or what went wrong. A destination that never answers is reported as
    timed out; its thread is left behind (a daemon) and cannot hold the process open."""
    import threading
    import time

    results: dict[str, str | None] = {}

    def one(url: str) -> None:
        try:
            results[url] = send(url, title, body)
        except Exception as exc:  # apprise plugins raise their own; a failure is a result here
            results[url] = f"{type(exc).__name__}: {exc}"[:MAX_ERROR]

    threads = [threading.Thread(target=one, args=(url,), daemon=True) for url in urls]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + within
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    return {url: results[url] if url in results else f"no answer within {within:g} s" for url in urls}


def _attempt(url: str, message: tuple[str, str] | None):
    """(the apprise service for the URL or None, the last problem apprise logged, if any failed);
    apprise's log goes here, not to the terminal."""
    import apprise

    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as log:
        service = apprise.Apprise.instantiate(url)
        failed = service is None
        if service is not None and message is not None:
            from safepost.render import safe
            from safepost.render.alert import render_alert

            title, body = message
            form = body_format(service)
            failed = not service.notify(body=render_alert(body, form), title=safe(title),
                                        body_format=apprise.NotifyFormat(form))
    lines = [line for line in log.getvalue().splitlines() if line.strip()]
    problem = (lines[-1] if lines else "apprise reported a failure") if failed else ""
    return service, problem
