"""Date expressions: the days they resolve to, checked against published calendars and against the
holidays library, and the one-line errors an editor gets for a broken one."""
from __future__ import annotations

import re
from datetime import date

import pytest

from safepost.rulebook.dateexpr import DateExprError, parse_date_expr


def days(expression: str, years) -> dict[int, date | None]:
    expr = parse_date_expr(expression)
    return {year: expr.on(year) for year in years}


# Published dates (church calendars, government holiday lists, the Holodomor museum's annual dates).
WESTERN_EASTER = {2000: date(2000, 4, 23), 2008: date(2008, 3, 23), 2011: date(2011, 4, 24),
                  2019: date(2019, 4, 21), 2024: date(2024, 3, 31), 2025: date(2025, 4, 20),
                  2038: date(2038, 4, 25)}
ORTHODOX_EASTER = {2008: date(2008, 4, 27), 2010: date(2010, 4, 4), 2019: date(2019, 4, 28),
                   2021: date(2021, 5, 2), 2023: date(2023, 4, 16), 2024: date(2024, 5, 5),
                   2025: date(2025, 4, 20)}
CORPUS_CHRISTI = {2019: date(2019, 6, 20), 2023: date(2023, 6, 8), 2024: date(2024, 5, 30),
                  2025: date(2025, 6, 19)}
MEMORIAL_DAY = {2019: date(2019, 5, 27), 2020: date(2020, 5, 25), 2021: date(2021, 5, 31),
                2024: date(2024, 5, 27), 2025: date(2025, 5, 26)}
HOLODOMOR = {2006: date(2006, 11, 25), 2018: date(2018, 11, 24), 2019: date(2019, 11, 23),
             2022: date(2022, 11, 26), 2023: date(2023, 11, 25), 2024: date(2024, 11, 23),
             2025: date(2025, 11, 22)}
REMEMBRANCE_SUNDAY = {2009: date(2009, 11, 8), 2019: date(2019, 11, 10), 2022: date(2022, 11, 13)}


@pytest.mark.parametrize("expression, known", [
    ("easter", WESTERN_EASTER),
    ("orthodox easter", ORTHODOX_EASTER),
    ("easter+60", CORPUS_CHRISTI),
    ("last mon of may", MEMORIAL_DAY),
    ("4th sat of nov", HOLODOMOR),
    ("2nd sun of nov", REMEMBRANCE_SUNDAY),
])
def test_movable_days_match_published_dates(expression, known):
    assert days(expression, known) == known


def test_fourth_saturday_is_not_the_last_when_november_has_five():
    assert days("4th sat of nov", [2025]) == {2025: date(2025, 11, 22)}
    assert days("last sat of nov", [2025]) == {2025: date(2025, 11, 29)}


@pytest.mark.parametrize("ours, library", [
    ("easter+60", "holiday PL Corpus Christi"),
    ("last mon of may", "holiday US Memorial Day"),
    ("easter-2", "holiday GB Good Friday"),
    ("4th thu of nov", "holiday US Thanksgiving Day"),
    ("orthodox easter", "holiday UA Easter Sunday (Pascha)"),
])
def test_grammar_agrees_with_the_holidays_library(ours, library):
    years = range(1995, 2041)
    assert days(ours, years) == days(library, years)


def test_holiday_names_in_the_countrys_own_language_and_with_an_offset():
    assert parse_date_expr("holiday PL Dzień Bożego Ciała").on(2024) == date(2024, 5, 30)
    assert parse_date_expr("holiday US Thanksgiving Day+1").on(2024) == date(2024, 11, 29)


def test_ukraine_holidays_come_from_the_workday_category():
    expr = parse_date_expr("holiday UA Day of Remembrance and Victory over Nazism in World War II 1939-1945")
    assert expr.on(2024) == date(2024, 5, 8)
    assert expr.on(2016) is None  # the day did not exist yet


def test_fixed_days_and_days_that_skip_years():
    assert parse_date_expr("08-01").on(2017) == date(2017, 8, 1)
    assert days("02-29", [2023, 2024]) == {2023: None, 2024: date(2024, 2, 29)}
    assert days("5th mon of feb", [2016, 2017]) == {2016: date(2016, 2, 29), 2017: None}


def test_offsets_can_cross_a_year_end():
    assert parse_date_expr("12-31+1").on(2024) == date(2025, 1, 1)
    assert parse_date_expr("orthodox easter+9").on(2024) == date(2024, 5, 14)  # Radonitsa


def test_spelling_is_forgiving():
    assert parse_date_expr("Last Monday of May").on(2024) == parse_date_expr("last mon of may").on(2024)
    assert parse_date_expr("fourth saturday of november").on(2024) == date(2024, 11, 23)
    assert parse_date_expr("easter - 2").on(2024) == date(2024, 3, 29)


@pytest.mark.parametrize("expression, says", [
    ("13-01", "month 13 does not exist"),
    ("02-30", "February has no day 30"),
    ("easter+x", "easter+N"),
    ("6th sat of nov", "1st..5th or last"),
    ("4th sat of novembre", "not a month"),
    ("4th sut of nov", "not a weekday"),
    ("easter+400", "more than 200 days"),
    ("aug 1", "not a date expression"),
    ("holiday XX Foo", "no country 'XX'"),
    ("holiday US Memorail Day", "did you mean 'memorial day'"),
    ("holiday US Memorail Day+1", "did you mean 'memorial day'"),
])
def test_broken_expressions_say_what_is_wrong(expression, says):
    with pytest.raises(DateExprError, match=re.escape(says)):
        parse_date_expr(expression)
