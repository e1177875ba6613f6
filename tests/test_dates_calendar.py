"""`safepost dates`: the coming sensitive days, the queue laid over them, and the iCalendar export,
through the real CLI."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from icalendar import Calendar

from safepost.calendar import upcoming
from safepost.rulebook import load_rulebook


def test_coming_days_for_chosen_regions_include_international_ones():
    days = upcoming(load_rulebook(), ("PL", "NO"), date(2026, 7, 20), 21)
    assert [(o.day, o.rule.id) for o in days] == [
        (date(2026, 7, 22), "date.no.july-22"),
        (date(2026, 8, 1), "date.pl.warsaw-uprising"),
        (date(2026, 8, 6), "date.intl.hiroshima"),
        (date(2026, 8, 9), "date.intl.nagasaki")]


def test_a_window_that_started_before_the_period_is_listed():
    days = upcoming(load_rulebook(), ("PL",), date(2026, 11, 2), 1)
    assert [(o.day, o.rule.id) for o in days] == [(date(2026, 11, 1), "date.pl.all-saints")]


def test_listing_the_coming_days(run_cli):
    code, out, err = run_cli("dates", "--region", "pl", "--from", "2026-07-25", "--days", "10")
    assert code == 0, err
    assert "Sat 1 Aug 2026" in out and "Warsaw Uprising remembrance day (82nd anniversary)" in out
    assert "promotional posts: hold" in out
    assert "22 July" not in out and "September 11" not in out


def test_a_region_without_days_is_pointed_out(run_cli):
    code, out, err = run_cli("dates", "--region", "UK", "--from", "2026-08-01", "--days", "7")
    assert code == 0
    assert "no sensitive dates for region UK" in err
    assert "Hiroshima" in out and "Warsaw" not in out


def test_today_comes_from_now_in_the_configs_time_zone(run_cli, write):
    write("safepost.yaml", "regions: [US]\ntimezone: Australia/Sydney\n")
    code, out, _ = run_cli("dates", "--now", "2026-09-10T23:30:00Z", "--days", "1")
    assert code == 0
    assert "Fri 11 Sep 2026" in out and "September 11 attacks" in out


def test_ics_export_for_the_team_calendar(run_cli, tmp_path):
    target = tmp_path / "team.ics"
    code, out, err = run_cli("dates", "--region", "PL", "--region", "GB", "--from", "2026-10-25", "--days", "20",
                             "--ics", str(target))
    assert code == 0, err
    events = {str(e["uid"]): e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    saints = events["date.pl.all-saints-2026-11-01@safepost"]
    assert saints.decoded("dtstart") == date(2026, 11, 1)
    assert saints.decoded("dtend") == date(2026, 11, 3)  # the day after counts too
    assert str(saints["summary"]) == "PL: All Saints' Day"
    assert "Families visit graves" in str(saints["description"])
    assert "Source: Act of 18 January 1951" in str(saints["description"])
    assert set(events) == {"date.pl.all-saints-2026-11-01@safepost", "date.gb.remembrance-sunday-2026-11-08@safepost",
                           "date.gb.armistice-day-2026-11-11@safepost"}
    assert f"Wrote 3 sensitive days to {target}" in out
    assert not list(tmp_path.glob(".tmp-*"))


def test_the_queue_laid_over_the_days(run_cli, write):
    queue = write("queue.json", json.dumps([
        {"id": "promo", "platform": "instagram", "scheduled_at": "2026-08-01T09:00:00Z", "region": "PL",
         "language": "pl", "text": "1 sierpnia – liczy się impreza!"},
        {"id": "memory", "platform": "x", "scheduled_at": "2026-08-01T15:00:00Z", "region": "PL",
         "language": "pl", "text": "Pamiętamy. Cześć ich pamięci."},
        {"id": "plain", "platform": "x", "scheduled_at": "2026-08-03T09:00:00Z", "region": "PL",
         "language": "pl", "text": "Nowa kolekcja"},
    ]))
    code, out, err = run_cli("dates", queue)
    assert code == 0, err
    lines = out.splitlines()
    day, promo, memory = (next(i for i, line in enumerate(lines) if text in line)
                          for text in ("Sat 1 Aug 2026", "post promo", "post memory"))
    assert day < promo < memory
    assert " HOLD " in lines[promo] and " PASS " in lines[memory]
    assert "promotional post ('impreza')" in " ".join(out.split())
    assert "post plain" not in out
    assert "2 posts on 1 sensitive day" in out


def test_bad_input_is_one_line_and_exit_2(run_cli, write):
    broken = write("broken.yaml", "dates:\n  - id: x\n    name: y\n    regions: [PL]\n    date: 4th sat of smarch\n")
    for args, says in [(("--from", "2026-13-01"), "--from: '2026-13-01' is not a date"),
                       (("--region", "POL"), "--region: 'POL' is not a two-letter region code"),
                       (("--rules", broken), f"{broken}:5:11: date: '4th sat of smarch': 'smarch' is not a month"),
                       (("--ics", str(Path(broken).parent / "missing" / "x.ics")), "cannot write")]:
        code, out, err = run_cli("dates", *args)
        assert code == 2
        assert err.count("\n") == 1 and says in err, err


def test_columns_line_up_with_no_trailing_space(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_cli("dates", "--region", "PL", "--region", "US", "--from", "2026-08-01", "--days", "60")
    assert code == 0
    lines = out.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    assert all(len(line) <= 80 for line in lines)
    days = [line for line in lines if line[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
    assert len(days) >= 3
    starts = {len(line) - len(line[line.index("  ") + 2:].lstrip()) for line in days}  # where REGIONS starts
    described = {next(i for i in range(len(line) - 2, 0, -1) if line[i - 2:i] == "  " and line[i] != " ")
                 for line in days}
    assert len(starts) == 1 and len(described) == 1  # every day's regions and description in one column
    [column] = described
    block = lines[lines.index(days[0]) + 1:lines.index(days[1])]
    assert all(line.startswith(" " * column) and line[column] != " " for line in block if line)


def test_ics_covers_a_year_unless_days_says_otherwise(run_cli, tmp_path):
    year, month = tmp_path / "year.ics", tmp_path / "month.ics"
    assert run_cli("dates", "--region", "PL", "--from", "2026-01-01", "--ics", str(year))[0] == 0
    assert run_cli("dates", "--region", "PL", "--from", "2026-01-01", "--days", "31", "--ics", str(month))[0] == 0
    yearly = Calendar.from_ical(year.read_bytes()).walk("VEVENT")
    starts = sorted(e.decoded("dtstart") for e in yearly)
    assert starts[0] < date(2026, 2, 1) and starts[-1] > date(2026, 11, 1)
    assert {str(e["uid"]) for e in yearly} >= {"date.pl.warsaw-uprising-2026-08-01@safepost",
                                                "date.pl.all-saints-2026-11-01@safepost"}
    assert len({str(e["uid"]) for e in yearly}) == len(yearly)  # one event per day
    assert all(e.decoded("dtstart") < date(2026, 2, 1) for e in Calendar.from_ical(month.read_bytes()).walk("VEVENT"))


def test_ics_events_keep_their_uid_across_exports_and_describe_the_day(run_cli, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    run_cli("dates", "--region", "PL", "--from", "2026-07-01", "--days", "60", "--ics", str(first),
            "--now", "2026-06-01T00:00:00Z")
    run_cli("dates", "--region", "PL", "--from", "2026-07-15", "--days", "90", "--ics", str(second),
            "--now", "2026-07-10T00:00:00Z")
    one = {str(e["uid"]): e for e in Calendar.from_ical(first.read_bytes()).walk("VEVENT")}
    two = {str(e["uid"]): e for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT")}
    uprising = "date.pl.warsaw-uprising-2026-08-01@safepost"
    assert uprising in one and uprising in two  # the calendar app updates it, no duplicate
    assert str(two[uprising]["description"]).startswith("National Day of Remembrance of the Warsaw Uprising")
    assert str(two[uprising]["summary"]) == "PL: The Warsaw Uprising remembrance day (82nd anniversary)"
    hiroshima = next(e for uid, e in two.items() if uid.startswith("date.intl.hiroshima"))
    assert str(hiroshima["summary"]).startswith("International: ")


def test_a_hostile_post_on_a_sensitive_day_is_shown_as_text(run_cli, write):
    queue = write("queue.json", json.dumps([
        {"id": "x\x1b[2J", "platform": "instagram", "scheduled_at": "2026-08-01T09:00:00Z", "region": "PL",
         "language": "pl", "text": "Impreza \u202e<script>alert(1)</script> [bold]x[/bold] \x1b]0;owned\x07"}]))
    code, out, err = run_cli("dates", queue)
    assert code == 0, err
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "post x␛[2J: Impreza ·<script>alert(1)</script> [bold]x[/bold] ␛]0;owned␇" in " ".join(out.split())
    code, out, err = run_cli("dates", queue, "--format", "json")
    assert "\u202e" not in out and json.loads(out)["days"][0]["posts"][0]["id"] == "x\x1b[2J"
