"""The `dates:` and `tone:` rulebook sections: the shipped packs hold together and agree with the
holidays library where it knows a day; a broken entry is a one-line error with file and line."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from safepost.errors import InputError
from safepost.rulebook import load_rulebook
from safepost.rulebook.dateexpr import parse_date_expr
from safepost.rulebook.terms import thorough_reading

REGION_LANGUAGE = {"US": "en", "GB": "en", "PL": "pl", "UA": "uk", "RU": "ru", "NO": "nb", "AZ": "az"}


@pytest.fixture(scope="module")
def shipped():
    return load_rulebook()


def test_every_pack_is_shipped_with_its_days(shipped):
    per_region = Counter(region for rule in shipped.date_rules for region in rule.regions)
    assert set(REGION_LANGUAGE) | {"*"} <= set(per_region)
    assert all(per_region[region] >= 2 for region in set(REGION_LANGUAGE) | {"*"})
    # a day shared with another country (MH17: UA, NL, AU) may name a region without a pack of its own
    assert all(region == "*" or (len(region) == 2 and region.isupper()) for region in per_region)


def test_every_day_says_why_and_where_from_and_names_its_subject_locally(shipped):
    for rule in shipped.date_rules:
        assert rule.note and rule.source, rule.id
        local = {REGION_LANGUAGE[r] for r in rule.regions if r in REGION_LANGUAGE} or {"en"}
        assert local <= set(rule.terms), f"{rule.id} has no terms in {local - set(rule.terms)}"


def test_every_day_falls_in_the_years_a_queue_may_hold(shipped):
    """Every year from the first one it is kept (the year after the event: Crocus, 2024, is
    remembered from 2025)."""
    for rule in shipped.date_rules:
        first = max(2024, rule.since or (rule.year + 1 if rule.year else 2024))
        assert all(rule.occurrence(year) for year in range(first, 2036)), rule.id
        assert rule.occurrence(first - 1) is None or first == 2024, rule.id


@pytest.mark.parametrize("rule_id, library, years", [
    ("date.az.black-january", "holiday AZ Martyrs' Day", range(2000, 2036)),
    ("date.pl.corpus-christi", "holiday PL Corpus Christi", range(1995, 2036)),
    ("date.pl.all-saints", "holiday PL All Saints' Day", range(1995, 2036)),
    ("date.us.memorial-day", "holiday US Memorial Day", range(1971, 2036)),
    ("date.us.mlk-day", "holiday US Martin Luther King Jr. Day", range(1986, 2036)),
    ("date.us.veterans-day", "holiday US Veterans Day", range(1990, 2036)),
    ("date.ru.victory-day", "holiday RU Victory Day", range(1995, 2036)),
    ("date.ua.remembrance-victory", "holiday UA Day of Remembrance and Victory over Nazism in World War II 1939-1945",
     range(2020, 2036)),
])
def test_packs_agree_with_the_holidays_library(shipped, rule_id, library, years):
    [rule] = [r for r in shipped.date_rules if r.id == rule_id]
    expected = parse_date_expr(library)
    ours = [rule.occurrence(year) for year in years]
    assert [o.day if o else None for o in ours] == [expected.on(year) for year in years]


def test_a_remembrance_day_the_library_does_not_know_is_still_in_the_pack(shipped):
    by_id = {r.id: r for r in shipped.date_rules}
    assert by_id["date.pl.warsaw-uprising"].occurrence(2017).day == date(2017, 8, 1)
    assert by_id["date.us.september-11"].occurrence(2021).anniversary == 20
    assert by_id["date.ua.holodomor"].occurrence(2025).day == date(2025, 11, 22)


def test_tone_cues_are_shipped_for_every_pack_language(shipped):
    languages = {rule.language for rule in shipped.rules("tone")}
    assert set(REGION_LANGUAGE.values()) <= languages


GOOD = """dates:
  - id: my.day
    name: our founder's memorial
    regions: [PL]
    date: "{date}"
"""


def load_text(tmp_path, text: str):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rulebook([path], include_shipped=False), str(path)


def error_of(tmp_path, text: str) -> str:
    """The error a broken entry gives when read as `rules lint` reads it (every term compiled)."""
    with pytest.raises(InputError) as caught, thorough_reading():
        load_text(tmp_path, text)
    return str(caught.value)


def test_a_minimal_rule_gets_sensible_asks(tmp_path):
    book, _ = load_text(tmp_path, GOOD.format(date="last fri of jun"))
    [rule] = book.date_rules
    assert rule.occurrence(2024).day == date(2024, 6, 28)
    assert (rule.asks.every_post, str(rule.asks.promotional), str(rule.asks.mentions), str(rule.asks.hooks)) == \
        (None, "flag", "flag", "hold")  # a mention is looked at; a hook is held


def test_hooks_default_to_the_mentions_level(tmp_path):
    book, _ = load_text(tmp_path, GOOD.format(date="08-01") + "    asks: {mentions: flag}\n")
    assert [str(rule.asks.hooks) for rule in book.date_rules] == ["flag"]
    book, _ = load_text(tmp_path, GOOD.format(date="08-01") + "    asks: {mentions: flag, hooks: hold}\n")
    assert [str(rule.asks.hooks) for rule in book.date_rules] == ["hold"]


@pytest.mark.parametrize("text, line, says", [
    (GOOD.format(date="4th sat of novembre"), 5, "date: '4th sat of novembre': 'novembre' is not a month"),
    (GOOD.format(date="02-30"), 5, "date: '02-30': February has no day 30"),
    (GOOD.format(date="holiday PL Boże Ciało"), 5, "did you mean 'dzień bożego ciała'"),
    (GOOD.format(date="08-01") + "    window: {before: 30}\n", 6, "at most 14"),
    (GOOD.format(date="08-01") + "    asks: {promo: hold}\n", 6,
     "unknown key 'promo' in 'asks' (did you mean 'promotional'?)"),
    (GOOD.format(date="08-01") + "    asks: {mentions: block}\n", 6, "'mentions' must be one of off, flag, hold"),
    (GOOD.format(date="08-01") + "    year: 1944.5\n", 6, "'year' must be a whole year"),
    (GOOD.format(date="08-01") + "    terms: {pl: [\"...\"]}\n", 6, "'...' must stand between two words"),
    (GOOD.format(date="08-01").replace("regions: [PL]", "regions: [Poland]"), 4, "not a two-letter region code"),
    (GOOD.format(date="08-01").replace("    regions: [PL]\n", ""), 2, "needs 'regions'"),
    ("tone:\n  - id: t\n    language: en\n    patterns: ['(unclosed']\n", 4, "is not a regular expression"),
])
def test_a_broken_entry_names_its_file_and_line(tmp_path, text, line, says):
    message = error_of(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'mine.yaml'}:{line}")
    assert says in message and "\n" not in message
