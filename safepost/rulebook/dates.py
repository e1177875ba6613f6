"""Sensitive dates: remembrance days and anniversaries per region, and what each asks of a post.

    dates:
      - id: date.pl.warsaw-uprising
        name: the Warsaw Uprising remembrance day    # reads in "1 August is <name>"; a name that
                                                     # starts "the anniversary of" gets the number
        regions: [PL]                                # "*" = every audience
        date: 08-01                                  # see dateexpr.py for the grammar
        year: 1944                                   # the event: "73rd anniversary"
        since: 1971                                  # first year kept (default: the year after)
        window: {before: 0, after: 0}                # days around it that count as the day
        asks: {every_post: off, promotional: hold, mentions: flag, hooks: hold}
        terms: {pl: [powstanie warszawskie], en: [Warsaw Uprising]}   # the day's subject
        note: Why a manager should care.
        source: Where that comes from.
        examples:                                    # see examples.py; each needs a date
          context: {date: 2026-08-01, region: PL}
          hold: ["Wyprzedaż na start sierpnia: -30% na wszystko!"]
          pass: ["Pamiętamy. 1 sierpnia o 17:00 stajemy w ciszy."]

`asks`: every post in the window gets `every_post`; a promotional post gets `promotional`; a post
naming the day's subject gets `mentions` unless its tone is sincere (and not promotional), and
`hooks` (default: as `mentions`) when it names it to sell, joke or swear: on a day that is
commonly named in sales (Memorial Day) `mentions: flag` keeps a "Memorial Day sale" to a flag,
while a tragedy's anniversary asks `mentions: flag, hooks: hold`.
`level` caps all three; the config's `levels:` can lower it or turn the rule off.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from safepost.errors import InputError
from safepost.model import Verdict
from safepost.rulebook.dateexpr import DateExpr, DateExprError, parse_date_expr
from safepost.rulebook.examples import Authored, Examples, parse_examples
from safepost.rulebook.fields import Fields, report
from safepost.rulebook.terms import compile_language_map
from safepost.text.matcher import Term

MAX_WINDOW = 14


@dataclass(frozen=True)
class Asks:
    every_post: Verdict | None = None
    promotional: Verdict | None = Verdict.FLAG
    mentions: Verdict | None = Verdict.FLAG
    hooks: Verdict | None = Verdict.HOLD  # a post naming the subject to sell, joke or swear


@dataclass(frozen=True)
class DateRule(Authored):
    id: str
    name: str
    regions: tuple[str, ...]
    date: DateExpr
    asks: Asks = Asks()
    before: int = 0
    after: int = 0
    year: int | None = None  # of the event, for the anniversary count
    since: int | None = None  # first year the day is kept (default: the year after the event)
    terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    level: Verdict = Verdict.HOLD
    kinds: tuple[str, ...] = ()  # incident kinds whose words hurt on the day ("bomb" on 6 August)

    def applies_to(self, region: str | None) -> bool:
        return "*" in self.regions or region in self.regions

    def occurrence(self, year: int) -> Occurrence | None:
        """The day in a year, if the rule is kept that year."""
        first = self.since or (self.year + 1 if self.year else None)
        if first and year < first:
            return None
        day = self.date.on(year)
        if day is None:
            return None
        anniversary = year - self.year if self.year else None
        return Occurrence(self, day, anniversary)


@dataclass(frozen=True)
class Occurrence:
    rule: DateRule
    day: date
    anniversary: int | None = None

    @property
    def first(self) -> date:
        return self.day - timedelta(self.rule.before)

    @property
    def last(self) -> date:
        return self.day + timedelta(self.rule.after)

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


class DateIndex:
    """Which rules fall on a day, remembered per day: posts cluster on a few days."""

    def __init__(self, rules: list[DateRule]):
        self.rules = rules
        self._days: dict[date, tuple[Occurrence, ...]] = {}

    def on(self, day: date) -> tuple[Occurrence, ...]:
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = tuple(
                occurrence for occurrence in self._around(day.year) if occurrence.covers(day))
        return found

    def between(self, start: date, end: date) -> list[Occurrence]:
        """Occurrences whose window touches [start, end], in date order."""
        found = [occurrence for year in range(start.year - 1, end.year + 2)
                 for occurrence in self._in_year(year)
                 if occurrence.first <= end and occurrence.last >= start]
        return sorted(found, key=lambda o: (o.day, o.rule.id))

    def _around(self, year: int):
        for near in (year - 1, year, year + 1):
            yield from self._in_year(near)

    def _in_year(self, year: int):
        for rule in self.rules:
            occurrence = rule.occurrence(year)
            if occurrence is not None:
                yield occurrence


def ordinal(number: int) -> str:
    """73 -> '73rd', 111 -> '111th'."""
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def parse_date_rule(data, path: str) -> DateRule:
    fields = Fields(data, path, "a date rule")
    fields.reject_unknown(("id", "name", "regions", "date", "year", "since", "window", "asks", "terms", "kinds",
                           "level", "note", "source", "examples"))
    regions = fields.regions("regions")
    if not regions:
        raise fields.error("a date rule needs 'regions' (e.g. [PL], or [\"*\"] for everywhere)")
    before, after = _window(fields)
    return DateRule(
        id=fields.text("id", required=True),
        name=fields.text("name", required=True),
        regions=regions,
        date=_expression(fields),
        asks=_asks(fields),
        before=before,
        after=after,
        year=_year(fields, "year"),
        since=_year(fields, "since"),
        terms=compile_language_map(fields, "terms"),
        level=fields.level("level", "hold"),
        kinds=tuple(fields.texts("kinds")),
        note=fields.text("note", ""),
        source=fields.text("source", ""),
        examples=_examples(fields),
        path=path,
        line=fields.line() or 0,
    )


def _examples(fields: Fields) -> Examples:
    """A date rule's examples are posted on a day: without one they could not say anything."""
    examples = parse_examples(fields)
    for example in examples.items:
        if "date" not in example.context:
            report(InputError("this example needs a day to be posted on: add `context: {date: YYYY-MM-DD}` "
                              "to the examples, or write it as {text: ..., date: ...}",
                              fields.path, example.line, example.column))
    return examples


def _expression(fields: Fields) -> DateExpr:
    text = fields.text("date", required=True)
    try:
        return parse_date_expr(text)
    except DateExprError as exc:
        raise InputError(f"date: {exc}", fields.path, *fields.where("date")) from None


def _year(fields: Fields, key: str) -> int | None:
    value = fields.number(key, minimum=1)
    if value is not None and value != int(value):
        raise fields.error(f"'{key}' must be a whole year", key)
    return int(value) if value is not None else None


def _window(fields: Fields) -> tuple[int, int]:
    if not fields.has("window"):
        return 0, 0
    sub = Fields(fields.data["window"], fields.path, "'window'", fields.line("window") or 0)
    sub.reject_unknown(("before", "after"))
    days = []
    for key in ("before", "after"):
        value = sub.number(key, 0, minimum=0)
        if value != int(value) or value > MAX_WINDOW:
            raise sub.error(f"'{key}' must be a whole number of days, at most {MAX_WINDOW}", key)
        days.append(int(value))
    return days[0], days[1]


def _asks(fields: Fields) -> Asks:
    defaults = Asks()
    if not fields.has("asks"):
        return defaults
    sub = Fields(fields.data["asks"], fields.path, "'asks'", fields.line("asks") or 0)
    sub.reject_unknown(("every_post", "promotional", "mentions", "hooks"))

    def level(key: str, default: Verdict | None) -> Verdict | None:
        return sub.level(key, allow_off=True) if sub.has(key) else default

    mentions = level("mentions", defaults.mentions)
    return Asks(level("every_post", defaults.every_post), level("promotional", defaults.promotional),
                mentions, level("hooks", mentions))
