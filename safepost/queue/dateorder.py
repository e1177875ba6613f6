"""One date order for a whole file. "07/08/2012" is 7 August or July 8, and a file must not be read
both ways: the order comes from the config, else the scheduler's preset, else the file itself (a
day above 12 decides). A file that still cannot tell, or a row that disagrees with the order, is
an error naming the row, never a silent guess."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from safepost.errors import InputError

_NUMERIC = re.compile(r"^\s*(\d{1,2})([/.])(\d{1,2})[/.](\d{2,4})(?!\d)")
ORDER_NAMES = {"DMY": "day/month/year", "MDY": "month/day/year", "YMD": "year-month-day"}


@dataclass(frozen=True)
class Evidence:
    order: str
    line: int
    text: str


def numeric_parts(text: str) -> tuple[int, int] | None:
    """The first two numbers of a date such as 07/20/2012 or 20.07.2012, else None."""
    match = _NUMERIC.match(text)
    return (int(match.group(1)), int(match.group(3))) if match else None


def decides(text: str) -> str | None:
    """The order a date shows by itself: a number above 12 can only be a day, and dots are the
    day-first writing (01.08.2026 in Poland, Russia, Norway: nobody writes month.day.year)."""
    parts = numeric_parts(text)
    if parts is None:
        return None
    first, second = parts
    if _NUMERIC.match(text).group(2) == "." and second <= 12:
        return "DMY"
    if first > 12 >= second:
        return "DMY"
    if second > 12 >= first:
        return "MDY"
    return None


def infer(dates: list[tuple[str, int]], path: str) -> str | None:
    """The file's order from its dates ((text, line) pairs); None when no date is numeric. An
    error when rows disagree, or when the numeric dates cannot tell (all days 12 or under)."""
    found: dict[str, Evidence] = {}
    ambiguous: tuple[str, int] | None = None
    for text, line in dates:
        order = decides(text)
        if order:
            found.setdefault(order, Evidence(order, line, text.strip()))
        elif ambiguous is None and numeric_parts(text) and numeric_parts(text)[0] != numeric_parts(text)[1]:
            ambiguous = (text.strip(), line)
    if len(found) > 1:
        dmy, mdy = found["DMY"], found["MDY"]
        raise InputError(f"dates are written in two orders: '{dmy.text}' (line {dmy.line}) is day/month/year "
                         f"but '{mdy.text}' is month/day/year; export the file again with one order",
                         path, mdy.line)
    if found:
        return next(iter(found))
    if ambiguous:
        text, line = ambiguous
        raise InputError(f"'{text}' could be read as day/month or month/day, and no date in the file has a day "
                         "above 12 to tell: set date_order (DMY or MDY) in safepost.yaml", path, line)
    return None


def check_row(text: str, order: str, source: str, path: str, line: int) -> None:
    """A row that the order cannot read, or that is no calendar date, is named here, before any
    parser quietly swaps day and month or reads "31/02" as a relative date."""
    parts = numeric_parts(text)
    if parts is None or order == "YMD":
        return
    first, second = parts
    day, month = (first, second) if order == "DMY" else (second, first)
    if month > 12:
        other = "MDY" if order == "DMY" else "DMY"
        raise InputError(f"'{text.strip()}' is not {ORDER_NAMES[order]} (there is no month {month}), the date "
                         f"order {source}; the file looks {ORDER_NAMES[other]}: set date_order: {other}",
                         path, line)
    year = int(_NUMERIC.match(text).group(4))
    year += 2000 if year < 100 else 0
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise InputError(f"'{text.strip()}' is not a date: {calendar.month_name[month]} {year} has no day {day}",
                         path, line)
