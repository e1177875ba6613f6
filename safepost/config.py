"""The team's settings (`safepost.yaml`): audience, time zone, languages, rulebooks, feeds, policies."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from safepost.errors import InputError
from safepost.model import Verdict
from safepost.rulebook import Policies
from safepost.rulebook.fields import Fields, check_language
from safepost.yamlsafe import load_file

DEFAULT_NAME = "safepost.yaml"
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
    date_order: str = "DMY"
    rules: tuple[str, ...] = ()
    shipped_rules: bool = True
    feeds: tuple[FeedSource, ...] = ()
    levels: dict[str, Verdict | None] = field(default_factory=dict)
    policies: Policies = field(default_factory=Policies)
    platforms: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    cache_dir: Path | None = None  # where fetched feeds are kept (default: the user's cache)
    ner_model: str | None = None  # optional trained spaCy pipeline for names in headlines
    max_posts: int = 250_000  # a larger queue is refused: check it in parts
    state: Path | None = None  # the team's SQLite store: pauses, approvals, audit (see state_path)
    alerts: tuple[str, ...] = ()  # apprise URLs told when `watch` pauses the queue
    watch_severity: int | None = None  # `watch` pauses from this severity (default: severe_from)

    @property
    def state_path(self) -> Path:
        """Beside the config file, so every command run with one config shares one memory."""
        if self.state:
            return self.state
        base = Path(self.path).parent if self.path else Path.cwd()
        return base / STATE_NAME

    @property
    def pause_from(self) -> int:
        return self.watch_severity or self.policies.severe_from


def find_config(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    candidate = Path.cwd() / DEFAULT_NAME
    return candidate if candidate.is_file() else None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = load_file(path)
    if data is None:
        return Config(path=str(path))
    f = Fields(data, str(path), "the config")
    f.reject_unknown(("regions", "timezone", "language", "languages", "date_order", "rules",
                      "shipped_rules", "feeds", "levels", "policies", "platforms", "columns", "cache_dir",
                      "ner_model", "max_posts", "state", "alerts", "watch"))
    base = path.parent
    timezone = f.text("timezone")
    if timezone:
        check_timezone(timezone, str(path), f.line("timezone"))
    language = f.text("language")
    if language:
        check_language(language, str(path), f.line("language"))
    date_order = (f.text("date_order", "DMY") or "DMY").upper()
    if date_order not in DATE_ORDERS:
        raise f.error(f"'date_order' must be one of {', '.join(DATE_ORDERS)}", "date_order")
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
        policies=_policies(f),
        platforms=_platforms(f),
        columns={k: str(v) for k, v in (f.mapping("columns") or {}).items()},
        cache_dir=base / f.text("cache_dir") if f.has("cache_dir") else None,
        ner_model=_model_name(f, base),
        max_posts=int(f.number("max_posts", Config.max_posts, minimum=1)),
        state=base / f.text("state") if f.has("state") else None,
        alerts=_alerts(f),
        watch_severity=_watch_severity(f),
    )


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


def _policies(f: Fields) -> Policies:
    data = f.mapping("policies")
    if not data:
        return Policies()
    sub = Fields(data, f.path, "policies")
    sub.reject_unknown(("promotional_during_incident", "on_news_unavailable", "cross_post",
                        "first_hours", "severe_from"))
    defaults = Policies()
    severe_from = _severity(sub, "severe_from", defaults.severe_from)
    return Policies(
        promotional_during_incident=sub.level("promotional_during_incident") or defaults.promotional_during_incident,
        on_news_unavailable=sub.level("on_news_unavailable", "flag", allow_off=True),
        cross_post=sub.level("cross_post", "flag", allow_off=True),
        first_hours=sub.number("first_hours", defaults.first_hours, minimum=0),
        severe_from=severe_from,
    )


def _severity(f: Fields, key: str, default: int | None) -> int | None:
    value = f.number(key, default, minimum=1)
    if value is not None and (value != int(value) or value > 5):
        raise f.error(f"'{key}' must be a whole number from 1 to 5", key)
    return None if value is None else int(value)


def _watch_severity(f: Fields) -> int | None:
    data = f.mapping("watch")
    if not data:
        return None
    sub = Fields(data, f.path, "watch")
    sub.reject_unknown(("severity",))
    return _severity(sub, "severity", None)


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
