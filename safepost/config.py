"""The team's settings (`safepost.yaml`): audience, time zone, languages, rulebooks, feeds, policies."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from safepost.errors import InputError
from safepost.model import Verdict
from safepost.rulebook import Policies
from safepost.rulebook.fields import Fields, check_language
from safepost.yamlsafe import load_file

DEFAULT_NAME = "safepost.yaml"
CONFIG_VAR = "SAFEPOST_CONFIG"
DATE_ORDERS = ("DMY", "MDY", "YMD")
STATE_NAME = Path(".safepost") / "state.db"


@dataclass(frozen=True)
class FeedSource:
    location: str  # URL or local path
    name: str = ""
    region: str | None = None


@dataclass
class Config:
    path: str | None = None
    regions: tuple[str, ...] = ()
    timezone: str | None = None
    language: str | None = None
    languages: tuple[str, ...] = ()
    date_order: str | None = None  # unset: the scheduler preset's, else read from the file
    rules: tuple[str, ...] = ()
    shipped_rules: bool = True
    feeds: tuple[FeedSource, ...] = ()
    levels: dict[str, Verdict | None] = field(default_factory=dict)
    level_lines: dict[str, int] = field(default_factory=dict)  # where each `levels:` key is written
    grades: dict[str, Verdict | None] = field(default_factory=dict)  # strong, mild: a whole grade's level
    policies: Policies = field(default_factory=Policies)
    platforms: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    cache_dir: Path | None = None  # where fetched feeds are kept (default: the user's cache)
    ner_model: str | None = None  # optional trained spaCy pipeline for names in headlines
    ner_model_line: int | None = None  # where it is written, for the error when it cannot load
    max_posts: int = 250_000  # a larger queue is refused: check it in parts
    state: Path | None = None  # the team's SQLite store: pauses, approvals, audit (see state_path)
    alerts: tuple[str, ...] = ()  # apprise URLs told when `watch` pauses the queue
    alert_lines: tuple[int | None, ...] = ()  # where each is written
    watch_severity: int | None = None  # `watch` pauses from this severity (default: severe_from)
    watch_horizon: int = 60  # minutes: the posts due this soon are named in a pause's alert
    crisis_accounts: tuple[str, ...] = ()  # accounts whose posts no pause holds (a person approves them)
    news_off: bool = False  # `news: off`: check without news on purpose (every run says so)
    gate_fresh_for: int = 60  # seconds: `gate` uses a feed's copy its server confirmed this recently

    @property
    def state_path(self) -> Path | None:
        """Beside the config file, so every command run with one config shares one memory; with
        no config, a store already in the working folder, else none: a second store is never
        created silently, away from the one the team's cron job writes to."""
        if self.state:
            return self.state
        if self.path:
            return Path(self.path).parent / STATE_NAME
        here = Path.cwd() / STATE_NAME
        return here if here.is_file() else None

    @property
    def pause_from(self) -> int:
        return self.watch_severity or self.policies.severe_from


def find_config(explicit: str | None) -> Path | None:
    """The team's config, found the way git finds `.git`: --config, else safepost.yaml in the
    working folder or the nearest parent, else the file SAFEPOST_CONFIG names."""
    if explicit:
        return Path(explicit)
    here = Path.cwd()
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_NAME
        if candidate.is_file():
            return candidate
    named = os.environ.get(CONFIG_VAR)
    if named:
        if not Path(named).is_file():
            raise InputError(f"{CONFIG_VAR} names no file", named)
        return Path(named)
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = load_file(path)
    if data is None:
        return Config(path=str(path))
    f = Fields(data, str(path), "the config")
    f.reject_unknown(("regions", "timezone", "language", "languages", "date_order", "rules",
                      "shipped_rules", "feeds", "levels", "policies", "platforms", "columns", "cache_dir",
                      "ner_model", "max_posts", "state", "alerts", "watch", "news", "grades", "crisis_accounts",
                      "gate"))
    base = path.parent
    timezone = f.text("timezone")
    if timezone:
        check_timezone(timezone, str(path), f.line("timezone"))
    language = f.text("language")
    if language:
        check_language(language, str(path), f.line("language"))
    date_order = (f.text("date_order") or "").upper() or None
    if date_order and date_order not in DATE_ORDERS:
        raise f.error(f"'date_order' must be one of {', '.join(DATE_ORDERS)}", "date_order")
    watch_severity, watch_horizon = _watch(f)
    return Config(
        path=str(path),
        regions=f.regions("regions"),
        timezone=timezone,
        language=language,
        languages=f.languages("languages"),
        date_order=date_order,
        rules=tuple(str(base / p) for p in f.texts("rules")),
        shipped_rules=f.flag("shipped_rules", True),
        feeds=_feeds(f, base),
        levels=_levels(f),
        level_lines=_level_lines(f),
        grades=_grades(f),
        policies=_policies(f),
        platforms=_platforms(f),
        columns={k: str(v) for k, v in (f.mapping("columns") or {}).items()},
        cache_dir=base / f.text("cache_dir") if f.has("cache_dir") else None,
        ner_model=_model_name(f, base),
        ner_model_line=f.line("ner_model"),
        max_posts=int(f.number("max_posts", Config.max_posts, minimum=1)),
        state=base / f.text("state") if f.has("state") else None,
        alerts=_alerts(f),
        alert_lines=tuple(f.item_lines("alerts")) if f.has("alerts") else (),
        watch_severity=watch_severity,
        watch_horizon=watch_horizon,
        news_off=_news_off(f),
        crisis_accounts=tuple(f.texts("crisis_accounts")),
        gate_fresh_for=_gate(f),
    )


def _news_off(f: Fields) -> bool:
    """`news: off` (or false): the team checks without news on purpose; `on` is the default."""
    if not f.has("news"):
        return False
    value = f.data["news"]
    word = str(value).strip().lower() if not isinstance(value, bool) else ("on" if value else "off")
    if word not in ("on", "off"):
        raise f.error(f"'news' must be on or off, not '{value}'", "news")
    return word == "off"


def _model_name(f: Fields, base: Path) -> str | None:
    """A pipeline package name (en_core_web_sm) or a folder, relative to the config file."""
    name = f.text("ner_model")
    if name and ("/" in name or name.startswith(".")):
        return str(base / name)
    return name


def check_timezone(name: str, path: str | None, line: int | None) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown time zone '{name}' (use an IANA name such as Europe/Warsaw)",
                         path, line) from None


def _feeds(f: Fields, base: Path) -> tuple[FeedSource, ...]:
    if not f.has("feeds"):
        return ()
    items = f.data["feeds"]
    if not isinstance(items, list):
        raise f.error("'feeds' must be a list", "feeds")
    feeds = []
    for item, line in zip(items, f.item_lines("feeds")):
        if isinstance(item, str):
            item = {"url": item}
        sub = Fields(item, f.path, "a feed", line or 0)
        sub.reject_unknown(("url", "name", "region"))
        location = sub.text("url", required=True)
        if "://" not in location:
            location = str(base / location)
        region = sub.regions("region")
        feeds.append(FeedSource(location, sub.text("name", "") or "", region[0] if region else None))
    return tuple(feeds)


def _levels(f: Fields) -> dict[str, Verdict | None]:
    levels = f.mapping("levels") or {}
    sub = Fields(levels, f.path, "levels")
    return {str(rule_id): sub.level(rule_id, allow_off=True) for rule_id in levels}


def _level_lines(f: Fields) -> dict[str, int]:
    levels = f.mapping("levels") or {}
    sub = Fields(levels, f.path, "levels")
    return {str(rule_id): sub.line(rule_id) for rule_id in levels if sub.line(rule_id)}


def _grades(f: Fields) -> dict[str, Verdict | None]:
    """`grades: {mild: off, strong: hold}`: a whole grade of profanity at once."""
    from safepost.rulebook.words import GRADES

    grades = f.mapping("grades") or {}
    sub = Fields(grades, f.path, "grades")
    sub.reject_unknown(GRADES)
    return {str(grade): sub.level(grade, allow_off=True) for grade in grades}


def _policies(f: Fields) -> Policies:
    data = f.mapping("policies")
    if not data:
        return Policies()
    sub = Fields(data, f.path, "policies")
    sub.reject_unknown(("promotional_during_incident", "on_news_unavailable", "cross_post",
                        "first_hours", "severe_from", "every_post_from"))
    defaults = Policies()
    severe_from = _severity(sub, "severe_from", defaults.severe_from)
    return Policies(
        promotional_during_incident=sub.level("promotional_during_incident") or defaults.promotional_during_incident,
        on_news_unavailable=sub.level("on_news_unavailable", "hold", allow_off=True),
        cross_post=sub.level("cross_post", "flag", allow_off=True),
        first_hours=sub.number("first_hours", defaults.first_hours, minimum=0),
        severe_from=severe_from,
        every_post_from=_severity(sub, "every_post_from", defaults.every_post_from),
    )


def _severity(f: Fields, key: str, default: int | None) -> int | None:
    value = f.number(key, default, minimum=1)
    if value is not None and (value != int(value) or value > 5):
        raise f.error(f"'{key}' must be a whole number from 1 to 5", key)
    return None if value is None else int(value)


def _watch(f: Fields) -> tuple[int | None, int]:
    """`watch: {severity: 4, horizon: 60}`: the severity that pauses, and how many minutes ahead
    the posts due are named in the alert (the scheduler may fire them before anyone reads it)."""
    data = f.mapping("watch")
    if not data:
        return None, Config.watch_horizon
    sub = Fields(data, f.path, "watch")
    sub.reject_unknown(("severity", "horizon"))
    horizon = sub.number("horizon", Config.watch_horizon, minimum=1)
    if horizon != int(horizon):
        raise sub.error("'horizon' must be a whole number of minutes", "horizon")
    return _severity(sub, "severity", None), int(horizon)


def _gate(f: Fields) -> int:
    """`gate: {fresh_for: 60}`: seconds during which `gate` uses the saved copy of a feed its
    server confirmed, without asking again; a pipeline checking fifty posts a minute asks each
    feed once a minute, and `watch` (which always asks) keeps the copies current. 0: always ask."""
    data = f.mapping("gate")
    if not data:
        return Config.gate_fresh_for
    sub = Fields(data, f.path, "gate")
    sub.reject_unknown(("fresh_for",))
    seconds = sub.number("fresh_for", Config.gate_fresh_for, minimum=0)
    if seconds != int(seconds):
        raise sub.error("'fresh_for' must be a whole number of seconds", "fresh_for")
    return int(seconds)


def _alerts(f: Fields) -> tuple[str, ...]:
    """Apprise URLs (mailto://, slack://, json://, ...); checked for a scheme here, for the rest
    when the alert is sent, so that loading a config never imports apprise."""
    urls = f.texts("alerts")
    for number, (url, line) in enumerate(zip(urls, f.item_lines("alerts")), start=1):
        if "://" not in url:  # the value is not echoed: it may hold a password
            raise InputError(f"'alerts' item {number} is not a URL (mailto://..., slack://..., json://...)",
                             f.path, line)
    return tuple(urls)


def _platforms(f: Fields) -> dict[str, int]:
    data = f.mapping("platforms") or {}
    sub = Fields(data, f.path, "platforms")
    return {str(name).lower(): int(sub.number(name, minimum=1)) for name in data}
