"""Date expressions a rulebook editor writes by hand, and the day each falls on in a given year.

    08-01                      a fixed day, month-day
    4th sat of nov             the nth weekday of a month: 1st..5th (or first..fifth), or last
    last mon of may
    easter                     Western Easter (Gregorian computus)
    orthodox easter            Orthodox Easter (Julian computus), as a Gregorian date
    holiday PL Corpus Christi  a holiday the `holidays` library knows, by country and name

Any of them may end in `+N` or `-N` days: `easter+60` (Corpus Christi), `orthodox easter+9`
(Radonitsa), `4th thu of nov+1`. A base that does not exist in a year (`5th mon of feb`, a
holiday not yet instituted) simply has no day that year. Each year is resolved once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "first": 1, "second": 2, "third": 3,
            "fourth": 4, "fifth": 5, "last": -1}
MAX_OFFSET = 200  # days; keeps every occurrence within a year of its base
HOLIDAY_CHECK_YEARS = range(1990, 2041)  # a holiday name must exist somewhere in these years

_FIXED = re.compile(r"^(\d{2})-(\d{2})$")
_NTH = re.compile(r"^(\w+)\s+([a-z]+)\s+of\s+([a-z]+)$")
_EASTER = re.compile(r"^(orthodox\s+)?easter$")
_HOLIDAY = re.compile(r"^holiday\s+([A-Za-z]{2})\s+(.+)$")
_OFFSET = re.compile(r"^(.*?)\s*([+-])\s*(\d+)$")
_GRAMMAR = ("MM-DD, '4th sat of nov', 'last mon of may', 'easter+60', 'orthodox easter' or "
            "'holiday PL Corpus Christi'")


class DateExprError(ValueError):
    """An expression that cannot be read; the rulebook turns it into a file:line error."""


@dataclass(frozen=True)
class FixedDay:
    month: int
    day: int

    def on(self, year: int) -> date | None:
        if self.month == 2 and self.day == 29 and not _leap(year):
            return None
        return date(year, self.month, self.day)


@dataclass(frozen=True)
class NthWeekday:
    nth: int  # 1..5, or -1 for the last
    weekday: int  # Monday = 0
    month: int

    def on(self, year: int) -> date | None:
        if self.nth > 0:
            first = date(year, self.month, 1)
            day = first + timedelta((self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
            return day if day.month == self.month else None
        following = date(year + self.month // 12, self.month % 12 + 1, 1)
        last = following - timedelta(1)
        return last - timedelta((last.weekday() - self.weekday) % 7)


@dataclass(frozen=True)
class Easter:
    orthodox: bool

    def on(self, year: int) -> date | None:
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        return easter(year, EASTER_ORTHODOX if self.orthodox else EASTER_WESTERN)


@dataclass(frozen=True)
class Holiday:
    country: str
    name: str  # lower case, as matched
    language: str | None  # the language the name was found in

    def on(self, year: int) -> date | None:
        return _holiday_names(self.country, self.language, year).get(self.name)


@dataclass(frozen=True)
class DateExpr:
    text: str
    base: FixedDay | NthWeekday | Easter | Holiday
    offset: int = 0

    def on(self, year: int) -> date | None:
        """The day in `year` (of the base; an offset may carry it into the next or last year)."""
        return _resolve(self, year)


@lru_cache(maxsize=65536)
def _resolve(expr: DateExpr, year: int) -> date | None:
    day = expr.base.on(year)
    return day + timedelta(expr.offset) if day else None


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def parse_date_expr(text: str) -> DateExpr:
    """Read an expression; DateExprError says what was expected."""
    cleaned = " ".join(str(text).split())
    split = _OFFSET.match(cleaned)
    head_error = None
    if split:
        try:
            base = _parse_base(split.group(1))
        except DateExprError as exc:  # maybe the digits belong to a name: "... 1939-1945"
            base, head_error = None, exc
        if base is not None:
            offset = int(split.group(3)) * (1 if split.group(2) == "+" else -1)
            if abs(offset) > MAX_OFFSET:
                raise DateExprError(f"offset {offset:+d} in '{cleaned}' is more than {MAX_OFFSET} days")
            return DateExpr(cleaned, base, offset)
    try:
        base = _parse_base(cleaned)
    except DateExprError:
        if head_error:
            raise head_error from None
        raise
    if base is None:
        raise head_error or DateExprError(_explain(cleaned))
    return DateExpr(cleaned, base)


def _parse_base(text: str):
    lowered = text.lower()
    if match := _FIXED.match(lowered):
        return _fixed(int(match.group(1)), int(match.group(2)), text)
    if match := _NTH.match(lowered):
        return _nth(*match.groups(), text)
    if match := _EASTER.match(lowered):
        return Easter(bool(match.group(1)))
    if match := _HOLIDAY.match(text):
        return _holiday(match.group(1).upper(), match.group(2).strip())
    return None


def _fixed(month: int, day: int, text: str) -> FixedDay:
    if not 1 <= month <= 12:
        raise DateExprError(f"'{text}': month {month} does not exist (MM-DD, e.g. 08-01)")
    try:
        date(2000, month, day)  # a leap year, so 02-29 is allowed
    except ValueError:
        raise DateExprError(f"'{text}': {MONTHS[month - 1].title()} has no day {day}") from None
    return FixedDay(month, day)


def _nth(ordinal: str, weekday: str, month: str, text: str) -> NthWeekday:
    if ordinal not in ORDINALS:
        raise DateExprError(f"'{text}': '{ordinal}' should be 1st..5th or last")
    weekday_index = _abbreviation(weekday, WEEKDAYS, "weekday", text)
    month_index = _abbreviation(month, MONTHS, "month", text)
    return NthWeekday(ORDINALS[ordinal], weekday_index, month_index + 1)


def _abbreviation(word: str, names: tuple[str, ...], what: str, text: str) -> int:
    """The English name, whole or its first three letters (sat, saturday)."""
    for index, name in enumerate(names):
        if word in (name, name[:3]):
            return index
    short = ", ".join(name[:3] for name in names)
    raise DateExprError(f"'{text}': '{word}' is not a {what} ({short})")


def _holiday(country: str, name: str) -> Holiday:
    import holidays

    if country not in holidays.list_supported_countries():
        raise DateExprError(f"the holidays library has no country '{country}'")
    cls = type(holidays.country_holidays(country))
    seen: set[str] = set()
    for language in _languages(cls):
        for year in HOLIDAY_CHECK_YEARS:
            names = _holiday_names(country, language, year)
            if name.lower() in names:
                return Holiday(country, name.lower(), language)
            seen.update(names)
    from safepost.rulebook.fields import did_you_mean

    raise DateExprError(f"no holiday '{name}' in {country} between {HOLIDAY_CHECK_YEARS[0]} and "
                        f"{HOLIDAY_CHECK_YEARS[-1]}{did_you_mean(name.lower(), seen)}")


def _languages(cls) -> list[str | None]:
    """English first (names editors can read), then the country's own language."""
    supported = getattr(cls, "supported_languages", ()) or ()
    english = [code for code in ("en_US", "en_GB") if code in supported][:1]
    return english + [getattr(cls, "default_language", None)]


@lru_cache(maxsize=4096)
def _holiday_names(country: str, language: str | None, year: int) -> dict[str, date]:
    """Lower-cased name -> the first day with that name in the year, over every category the
    library has for the country (Ukraine keeps its days under `workday`, not `public`)."""
    import holidays

    cls = type(holidays.country_holidays(country))
    calendar = holidays.country_holidays(country, years=year, language=language,
                                         categories=cls.supported_categories)
    names: dict[str, date] = {}
    for day, joined in sorted(calendar.items()):
        for name in joined.split("; "):
            names.setdefault(name.lower(), day)
    return names


def _explain(text: str) -> str:
    lowered = text.lower()
    if "easter" in lowered:
        return f"'{text}': write easter, easter+N, easter-N or orthodox easter+N"
    if " of " in lowered:
        return f"'{text}': write the nth weekday as '4th sat of nov' or 'last mon of may'"
    return f"'{text}' is not a date expression; expected {_GRAMMAR}"
