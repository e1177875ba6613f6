"""Queue readers: every format, the schedulers' export presets, time zones, and file:line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepost.errors import InputError
from safepost.queue import PRESETS, read_queue
from safepost.queue.posts import derived_id

DATA = Path(__file__).parent / "data" / "queue"
EXAMPLES = Path(__file__).parent.parent / "examples"
HEADER = "id,platform,scheduled_at,text\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def error(path: Path, **options) -> str:
    with pytest.raises(InputError) as info:
        read_queue(path, **options)
    return str(info.value)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


# --- formats -------------------------------------------------------------------------------------

def test_csv_reads_every_field_and_the_line_each_post_starts_on():
    posts = read_queue(DATA / "native.csv")
    assert [p.id for p in posts] == ["tw-0801-1", "fb-0801-1", "ig-0802-1", "tw-0802-2"]
    assert [p.source_line for p in posts] == [2, 3, 8, 9]  # a 4-line quoted cell and a blank line
    tweet, listicle, image, reply = posts
    assert tweet.platform == "twitter" and tweet.region == "PL" and tweet.language == "en"
    assert tweet.link == "https://example.com/sale"
    assert listicle.text.splitlines()[-1] == "3. Iced coffee is a personality"
    assert listicle.region == "US" and listicle.language == "en"  # upper- and lower-cased
    assert listicle.media_alt == "A beach at sunset"
    assert reply.reply_to == "1820391184321"
    assert tweet.timezone is None and tweet.media_alt is None


def test_an_empty_text_is_an_image_post():
    image = read_queue(DATA / "native.csv")[2]
    assert image.text == ""
    assert image.media_alt == "Flat lay of the new sandals on sand"


def test_polish_excel_csv_with_bom_semicolons_and_crlf():
    posts = read_queue(DATA / "excel_pl.csv", timezone="Europe/Warsaw")
    assert [p.id for p in posts] == ["pl-1", "pl-2", "pl-3"]
    assert posts[0].text == "Dzień dobry, Warszawo! Dziś o 17:00 otwieramy nowy sklep"
    assert posts[1].text == "Zdjęcie dnia; więcej w relacji"
    assert posts[0].scheduled_at == utc(2026, 8, 1, 7, 0)  # 01.08.2026 09:00 in Warsaw
    assert posts[2].language == "pl" and posts[2].region == "PL"


def test_tab_separated_csv(tmp_path):
    path = write(tmp_path, "q.csv", "id\tplatform\tscheduled_at\ttext\n"
                                    "a\tx\t2026-08-01T09:00Z\tHello, world; again\n")
    assert read_queue(path)[0].text == "Hello, world; again"


def test_excel_sep_hint_line_sets_the_delimiter_and_keeps_line_numbers(tmp_path):
    path = write(tmp_path, "q.csv", "sep=;\nid;platform;scheduled_at;text\n"
                                    "a;x;2026-08-01T09:00Z;one, two\nb;x;2026-08-01T10:00Z;three\n")
    posts = read_queue(path)
    assert [(p.id, p.text, p.source_line) for p in posts] == [("a", "one, two", 3), ("b", "three", 4)]


def test_header_names_match_case_insensitively_and_trimmed(tmp_path):
    path = write(tmp_path, "q.csv", " ID , Platform,SCHEDULED_AT ,Text\na,x,2026-08-01T09:00Z,hi\n")
    assert read_queue(path)[0].id == "a"


def test_json_list_with_the_line_of_each_post():
    jobs, thanks = read_queue(DATA / "queue.json")
    assert (jobs.id, jobs.platform, jobs.region, jobs.language) == ("li-0801", "linkedin", "PL", "en")
    assert jobs.link == "https://example.com/jobs"
    assert thanks.scheduled_at == utc(2026, 8, 1, 16, 0)  # 18:00 in its own Europe/Warsaw
    assert [jobs.source_line, thanks.source_line] == [2, 11]


def test_yaml_block_text_and_per_post_timezone():
    vk, tg = read_queue(DATA / "queue.yaml")
    assert vk.text == "Доброе утро! Новая коллекция уже в магазинах.\n"
    assert vk.scheduled_at == utc(2026, 8, 1, 9, 0)
    assert tg.timezone == "Europe/Kyiv" and tg.scheduled_at == utc(2026, 8, 1, 16, 0)
    assert tg.media_alt == "Команда на тлі вітрини"


@pytest.mark.parametrize("name, ids", [("posts.json", ["mast-1", "bsky-1"]), ("posts.yaml", ["fb-1"])])
def test_posts_under_a_posts_key(name, ids):
    assert [p.id for p in read_queue(DATA / name, timezone="Europe/Warsaw")] == ids


def test_yaml_timestamp_without_offset_takes_the_config_timezone():
    post = read_queue(DATA / "posts.yaml", timezone="Europe/Warsaw")[0]
    assert post.scheduled_at == utc(2026, 8, 4, 7, 0)


@pytest.mark.parametrize("name, content", [
    ("q.csv", HEADER), ("q.json", "[]"), ("q.json", '{"posts": []}'), ("q.yaml", "posts: []\n"),
])
def test_a_queue_with_nothing_scheduled_is_empty_not_an_error(tmp_path, name, content):
    assert read_queue(write(tmp_path, name, content)) == []


def test_the_example_queue_loads():
    posts = {p.id: p for p in read_queue(EXAMPLES / "queue.yaml", languages=("en", "pl", "uk"))}
    assert len(posts) == 9
    assert posts["us-shooters"].scheduled_at == utc(2026, 7, 31, 17, 0)  # 11:00 in Denver
    assert posts["pl-godzina-w"].scheduled_at == utc(2026, 8, 1, 15, 0)  # "1 sierpnia 2026 17:00" in Warsaw
    assert posts["us-lookbook"].text == ""


# --- presets -------------------------------------------------------------------------------------

def test_sprout_export_is_detected_from_its_header():
    posts = read_queue(DATA / "sprout.csv", timezone="Europe/Warsaw")
    assert [p.id for p in posts] == [derived_id("unknown", p.scheduled_at, p.text) for p in posts]
    assert posts[0].id.startswith("unknown-20260801T0700Z-")
    assert {p.platform for p in posts} == {"unknown"}
    assert posts[0].text.startswith("Weekend plans?")
    assert posts[0].link == "https://example.com/popup" and posts[1].link is None
    assert posts[0].scheduled_at == utc(2026, 8, 1, 7, 0)
    assert posts[2].scheduled_at == utc(2026, 8, 15, 7, 5)  # time_24hr written 9:05


def test_platform_argument_names_the_network_of_a_preset_export():
    posts = read_queue(DATA / "sprout.csv", timezone="Europe/Warsaw", platform="instagram")
    assert {p.platform for p in posts} == {"instagram"}


def test_a_file_is_read_in_the_order_its_own_dates_show():
    post = read_queue(DATA / "sprout.csv", timezone="UTC")[1]  # 03/04/2026, and 15/08/2026 two rows on
    assert post.scheduled_at.date() == datetime(2026, 4, 3).date()


def test_a_row_that_contradicts_the_configured_order_is_named():
    assert error(DATA / "sprout.csv", timezone="UTC", date_order="MDY") == (
        f"{DATA / 'sprout.csv'}:4: '15/08/2026 9:05' is not month/day/year (there is no month 15), the date order "
        "set in safepost.yaml; the file looks day/month/year: set date_order: DMY")


def test_a_file_whose_dates_cannot_tell_the_order_is_refused_at_its_first_ambiguous_row(tmp_path):
    path = times_csv(tmp_path, "a,x,07/08/2012 09:00,hi", "b,x,07/09/2012 09:00,hi")
    assert error(path, timezone="UTC") == (
        f"{path}:2: '07/08/2012 09:00' could be read as day/month or month/day, and no date in the file has a "
        "day above 12 to tell: set date_order (DMY or MDY) in safepost.yaml")


def test_two_orders_in_one_file_are_refused(tmp_path):
    path = times_csv(tmp_path, "a,x,07/20/2012 09:00,hi", "b,x,20/07/2012 09:00,hi")
    assert "dates are written in two orders" in error(path, timezone="UTC")


def test_month_day_order_is_read_from_a_us_export(tmp_path):
    path = times_csv(tmp_path, "a,x,07/20/2012 09:00,hi", "b,x,07/08/2012 09:00,hi")
    assert [p.scheduled_at.date() for p in read_queue(path, timezone="UTC")] == [
        datetime(2012, 7, 20).date(), datetime(2012, 7, 8).date()]


def test_an_impossible_day_is_named_as_such(tmp_path):
    path = times_csv(tmp_path, "a,x,31/02/2026 09:00,hi")
    assert error(path, timezone="UTC", date_order="DMY") == (
        f"{path}:2: '31/02/2026 09:00' is not a date: February 2026 has no day 31")


def test_buffer_export_is_detected_from_its_header():
    posts = read_queue(DATA / "buffer.csv", timezone="America/New_York")
    assert [p.id[:len("unknown-20260724T1400Z")] for p in posts] == ["unknown-20260724T1400Z", "unknown-20260727T2045Z"]
    assert posts[1].text == "Our new tote bag is here, made from recycled sails."
    assert posts[1].scheduled_at == utc(2026, 7, 27, 20, 45)


def test_hootsuite_export_has_no_header():
    posts = read_queue(DATA / "hootsuite.csv", timezone="Europe/Warsaw", date_order="DMY")
    assert len({p.id for p in posts}) == 3 and all(p.id.startswith("unknown-202608") for p in posts)
    assert [p.link for p in posts] == ["https://example.com/bakery", None, "https://example.com/brunch"]
    assert posts[1].text == "Closing early today at 16:00."
    assert posts[2].scheduled_at == utc(2026, 8, 2, 6, 30)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_forcing_a_preset_reads_its_export_as_detection_does(name):
    detected = read_queue(DATA / f"{name}.csv", timezone="UTC")
    assert read_queue(DATA / f"{name}.csv", timezone="UTC", preset=name) == detected


def test_forcing_the_wrong_preset_lists_the_files_columns():
    message = error(DATA / "buffer.csv", preset="sprout", timezone="UTC")
    assert message == (f"{DATA / 'buffer.csv'}:1: no 'date + time_24hr', 'message_text' columns; the file's "
                       "columns are: Text, Image URL, Tags, Posting Time (map them with --columns "
                       "scheduled_at=NAME,text=NAME)")


def test_forcing_hootsuite_reads_a_header_as_a_post(tmp_path):
    path = write(tmp_path, "q.csv", "date,message\n01/08/2026 09:00,hello\n")
    assert error(path, preset="hootsuite", timezone="UTC").startswith(f"{path}:1: cannot read 'date'")


def test_unknown_preset_suggests_a_name(tmp_path):
    path = write(tmp_path, "q.csv", HEADER)
    assert error(path, preset="sprot") == ("unknown preset 'sprot' (did you mean 'sprout'?); "
                                           "the presets are: sprout, buffer, hootsuite")


def test_the_headerless_preset_is_only_for_csv(tmp_path):
    path = write(tmp_path, "q.json", "[]")
    assert error(path, preset="hootsuite") == f"{path}: the 'hootsuite' preset is for CSV files without a header"


# --- columns mapping -----------------------------------------------------------------------------

def test_columns_map_our_fields_to_the_files_names(tmp_path):
    path = write(tmp_path, "later.csv", "Post ID,Network,When,Message,Country\n"
                                        "p1,Facebook,2026-08-01T09:00Z,Hello,de\n")
    columns = {"id": "post id", "platform": "Network", "scheduled_at": "When", "text": "MESSAGE",
               "region": "Country"}
    post = read_queue(path, columns=columns)[0]
    assert (post.id, post.platform, post.text, post.region) == ("p1", "Facebook", "Hello", "DE")


def test_a_mapped_file_may_lack_ids_and_platforms(tmp_path):
    path = write(tmp_path, "later.csv", "When,Message\n2026-08-01T09:00Z,Hello\n")
    post = read_queue(path, columns={"scheduled_at": "When", "text": "Message"})[0]
    assert (post.id, post.platform) == (derived_id("unknown", post.scheduled_at, post.text), "unknown")


def test_derived_ids_survive_reordering_and_renaming_and_change_with_the_text(tmp_path):
    rows = ["2026-08-01T09:00Z,Good morning!", "2026-08-01T10:00Z,Lunch is on us."]
    first = read_queue(write(tmp_path, "export.csv", "when,message\n" + "\n".join(rows) + "\n"),
                       columns={"scheduled_at": "when", "text": "message"}, platform="facebook")
    again = read_queue(write(tmp_path, "export (1).csv", "when,message\n" + "\n".join(reversed(rows)) + "\n"),
                       columns={"scheduled_at": "when", "text": "message"}, platform="facebook")
    assert {p.id: p.text for p in first} == {p.id: p.text for p in again}
    edited = read_queue(write(tmp_path, "edited.csv", "when,message\n2026-08-01T09:00Z,Good morning all!\n"),
                        columns={"scheduled_at": "when", "text": "message"}, platform="facebook")
    assert edited[0].id != first[0].id and edited[0].id.rsplit("-", 1)[0] == first[0].id.rsplit("-", 1)[0]


def test_a_mapped_column_missing_from_the_file_lists_its_columns(tmp_path):
    path = write(tmp_path, "q.csv", "\nWhen,Body\n2026-08-01T09:00Z,Hello\n")
    assert error(path, columns={"scheduled_at": "When", "text": "Message"}) == (
        f"{path}:2: column 'Message' (mapped to text) is not in the file; its columns are: When, Body")


def test_an_unknown_field_in_columns_lists_the_fields(tmp_path):
    path = write(tmp_path, "q.csv", HEADER)
    assert error(path, columns={"txt": "Message"}) == (
        "unknown field 'txt' in the column mapping (did you mean 'text'?); the fields are: id, platform, "
        "scheduled_at, text, timezone, region, language, reply_to, link, media_alt, account, crisis")


def test_columns_apply_to_json_keys(tmp_path):
    path = write(tmp_path, "q.json", json.dumps([{"uid": "a", "net": "x", "at": "2026-08-01T09:00Z",
                                                  "body": "hi"}]))
    post = read_queue(path, columns={"id": "uid", "platform": "net", "scheduled_at": "at", "text": "body"})[0]
    assert (post.id, post.platform, post.text) == ("a", "x", "hi")


def test_a_mapped_json_key_no_post_has(tmp_path):
    path = write(tmp_path, "q.json", json.dumps([{"id": "a", "platform": "x", "scheduled_at": "2026-08-01T09:00Z",
                                                  "text": "hi"}]))
    assert error(path, columns={"region": "country"}) == (
        f"{path}: no post has the key 'country' (mapped to region); the keys are: id, platform, scheduled_at, text")


# --- times ---------------------------------------------------------------------------------------

def times_csv(tmp_path: Path, *rows: str, timezone_column: bool = False) -> Path:
    header = "id,platform,scheduled_at,text" + (",timezone" if timezone_column else "")
    return write(tmp_path, "q.csv", "\n".join([header, *rows]) + "\n")


def test_an_offset_is_taken_as_written_whatever_the_config_says(tmp_path):
    path = times_csv(tmp_path, "a,x,2026-08-01T09:00+05:30,hi", "b,x,2026-08-01T09:00Z,hi")
    first, second = read_queue(path, timezone="America/New_York")
    assert first.scheduled_at.utcoffset() == timedelta(hours=5, minutes=30)
    assert second.scheduled_at == utc(2026, 8, 1, 9, 0)


def test_the_posts_timezone_column_beats_the_config(tmp_path):
    path = times_csv(tmp_path, "a,x,2026-08-01 09:00,hi,America/New_York", "b,x,2026-08-01 09:00,hi,",
                     timezone_column=True)
    ny, default = read_queue(path, timezone="Europe/Warsaw")
    assert ny.scheduled_at == utc(2026, 8, 1, 13, 0) and ny.timezone == "America/New_York"
    assert default.scheduled_at == utc(2026, 8, 1, 7, 0) and default.timezone is None


def test_a_time_without_offset_or_zone_is_an_error_saying_how_to_fix_it(tmp_path):
    path = times_csv(tmp_path, "a,x,2026-08-01T09:00Z,hi", "b,x,2026-08-01 09:00,hi")
    assert error(path) == (f"{path}:3: '2026-08-01 09:00' has no UTC offset and no time zone is set: add an "
                           "offset (2026-08-01T09:00+02:00), a 'timezone' column, or 'timezone:' in safepost.yaml")


@pytest.mark.parametrize("order, expected", [("MDY", utc(2026, 3, 4, 10, 0)), ("DMY", utc(2026, 4, 3, 10, 0))])
def test_numeric_dates_follow_the_date_order(tmp_path, order, expected):
    path = times_csv(tmp_path, "a,x,3/4/2026 10:00,hi")
    assert read_queue(path, timezone="UTC", date_order=order)[0].scheduled_at == expected


def test_month_names_in_the_configured_languages(tmp_path):
    path = times_csv(tmp_path, "a,x,1 sierpnia 2026 9:00,hi")
    post = read_queue(path, timezone="Europe/Warsaw", languages=("pl", "en"))[0]
    assert post.scheduled_at == utc(2026, 8, 1, 7, 0)


def test_languages_restrict_what_month_names_are_read(tmp_path):
    path = times_csv(tmp_path, "a,x,1 sierpnia 2026 9:00,hi")
    assert error(path, timezone="UTC", languages=("en",)).startswith(
        f"{path}:2: cannot read '1 sierpnia 2026 9:00' as a date and time")


def test_a_written_offset_in_a_loose_date_wins(tmp_path):
    path = times_csv(tmp_path, "a,x,01/08/2026 09:00 +0300,hi")
    assert read_queue(path, timezone="America/New_York", date_order="DMY")[0].scheduled_at == utc(2026, 8, 1, 6, 0)


def test_the_hootsuite_preset_reads_month_first_unless_the_config_says_otherwise():
    [first, *_] = read_queue(DATA / "hootsuite.csv", timezone="UTC")
    assert first.scheduled_at.date() == datetime(2026, 1, 8).date()


@pytest.mark.parametrize("written", ["tomorrow 9:00", "next friday", "in 2 hours", "Aug 1 09:00"])
def test_relative_or_partial_dates_are_refused(tmp_path, written):
    path = times_csv(tmp_path, "a,x,2026-08-01T09:00Z,hi", f"b,x,{written},hi")
    assert error(path, timezone="UTC") == (f"{path}:3: cannot read '{written}' as a date and time: write it like "
                                           "2026-08-01T09:00+02:00 (relative dates such as 'tomorrow' are not "
                                           "accepted)")


def test_a_time_the_clocks_skip_is_an_error(tmp_path):
    path = times_csv(tmp_path, "a,x,2026-03-29 02:30,hi")
    assert error(path, timezone="Europe/Warsaw") == (
        f"{path}:2: 2026-03-29 02:30 does not exist in Europe/Warsaw (the clocks go forward then); "
        "give the time with an offset")


def test_iso_queues_never_import_dateparser():
    code = ("import sys; from safepost.queue import read_queue; "
            f"read_queue({str(DATA / 'native.csv')!r}); print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- bad input: each names the file and line -----------------------------------------------------

@pytest.mark.parametrize("row, message", [
    ("a,x,2026-08-01 09:00,hi,Europe/Warsow,,", "unknown time zone 'Europe/Warsow'"),
    ("a,x,2026-08-01T09:00Z,hi,,POL,", "'POL' is not a two-letter region code (US, PL, UA, ...)"),
    ("a,x,2026-08-01T09:00Z,hi,,UK,", "unknown region 'UK' (an ISO 3166 code such as US, GB, PL) (did you mean 'GB'?)"),
    ("a,twiter,2026-08-01T09:00Z,hi,,,", "unknown platform 'twiter' (did you mean 'twitter'?); known: bluesky, "),
    ("a,x,2026-08-01T09:00Z,hi,,,english", "'english' is not a language code"),
    ("a,x,2026-08-01T09:00Z,hi,,,no", "use 'nb'"),
    (",x,2026-08-01T09:00Z,hi,,,", "'id' is empty"),
    ("a,,2026-08-01T09:00Z,hi,,,", "'platform' is empty (or pass --platform)"),
    ("a,x,,hi,,,", "'scheduled_at' is empty"),
    ("a,x,2026-08-01T09:00Z", "no 'text'; this post has: id, platform, scheduled_at"),
    ("a,x,2026-08-01T09:00Z,hi,UTC,PL,pl,extra", "8 cells but 7 columns: quote any text that contains ','"),
])
def test_a_bad_row_names_its_line(tmp_path, row, message):
    good = "z,x,2026-08-01T09:00Z,fine,,,"
    path = write(tmp_path, "q.csv", f"id,platform,scheduled_at,text,timezone,region,language\n{good}\n\n{row}\n")
    assert error(path).startswith(f"{path}:4: {message}")


def test_duplicate_id_names_both_lines(tmp_path):
    path = write(tmp_path, "q.csv", HEADER + 'a,x,2026-08-01T09:00Z,"one\ntwo"\nb,x,2026-08-01T09:00Z,hi\n'
                                             "a,x,2026-08-02T09:00Z,again\n")
    assert error(path) == f"{path}:5: duplicate id 'a' (first on line 2)"


def test_a_missing_required_column_fails_on_the_header(tmp_path):
    path = write(tmp_path, "q.csv", "id,platform,when,text\na,x,2026-08-01T09:00Z,hi\n")
    assert error(path) == (f"{path}:1: no 'scheduled_at' column; the file's columns are: id, "
                           "platform, when, text (map them with --columns scheduled_at=NAME)")


def test_every_missing_column_is_named_at_once(tmp_path):
    path = write(tmp_path, "q.csv", "ident,network,when,body\na,x,2026-08-01T09:00Z,hi\n")
    assert error(path) == (f"{path}:1: no 'id', 'platform', 'scheduled_at', 'text' columns; the file's columns are: "
                           "ident, network, when, body (map them with --columns "
                           "id=NAME,platform=NAME,scheduled_at=NAME,text=NAME)")


def test_platform_argument_stands_in_for_a_missing_platform_column(tmp_path):
    path = write(tmp_path, "q.csv", "id,scheduled_at,text\na,2026-08-01T09:00Z,hi\n")
    assert read_queue(path, platform="threads")[0].platform == "threads"
    assert error(path).startswith(f"{path}:1: no 'platform' column;")


def test_a_repeated_column_is_an_error(tmp_path):
    path = write(tmp_path, "q.csv", "id,platform,scheduled_at,text,Text\n")
    assert error(path) == f"{path}:1: 'Text' appears twice"


def test_an_unclosed_quote_names_the_row_it_opens_in(tmp_path):
    path = write(tmp_path, "q.csv", HEADER + 'a,x,2026-08-01T09:00Z,"never closed\nb,x,2026-08-01T09:00Z,hi\n')
    assert error(path) == f"{path}:2: a quoted cell that starts in this row is never closed"


def test_invalid_utf8_names_the_line_of_the_bad_byte(tmp_path):
    path = write(tmp_path, "q.csv", HEADER.encode() + b"a,x,2026-08-01T09:00Z,hi\nb,x,2026-08-01T09:00Z,caf\xe9\n")
    assert error(path) == f"{path}:3: not valid UTF-8 (byte 0xe9)"


def test_utf16_gets_a_hint(tmp_path):
    path = write(tmp_path, "q.csv", HEADER.encode("utf-16"))
    assert error(path) == f"{path}:1: the file is UTF-16 (Excel's 'Unicode Text'); save it as 'CSV UTF-8'"


def test_a_nul_byte_names_its_line(tmp_path):
    path = write(tmp_path, "q.csv", HEADER + "a,x,2026-08-01T09:00Z,h\x00i\n")
    assert error(path) == f"{path}:2: contains a NUL byte: is this a binary file?"


@pytest.mark.parametrize("name", ["q.csv", "q.json", "q.yaml", "q.yml"])
def test_an_empty_file_is_an_error(tmp_path, name):
    path = write(tmp_path, name, " \n\n")
    assert error(path) == f"{path}: the file is empty"


def test_an_unknown_extension_names_the_file(tmp_path):
    path = write(tmp_path, "queue.xlsx", b"PK\x03\x04")
    assert error(path) == f"{path}: cannot read '.xlsx' files as a queue: use .csv, .json, .yaml, .yml"


def test_a_missing_file_or_a_directory(tmp_path):
    assert error(tmp_path / "nope.csv") == f"{tmp_path / 'nope.csv'}: no such file"
    (tmp_path / "dir.csv").mkdir()
    assert error(tmp_path / "dir.csv") == f"{tmp_path / 'dir.csv'}: is a directory, expected a file"


JSON_QUEUE = """{
  "posts": [
    {"id": "a", "platform": "x", "scheduled_at": "2026-08-01T09:00Z", "text": "fine"},

    {
      "id": "b",
      "platform": "x",
      "text": "no time"
    }
  ]
}
"""


def test_a_bad_json_post_names_the_line_it_starts_on(tmp_path):
    path = write(tmp_path, "q.json", JSON_QUEUE)
    assert error(path) == f"{path}:5: no 'scheduled_at'; this post has: id, platform, text"


def test_a_json_syntax_error_names_its_line(tmp_path):
    path = write(tmp_path, "q.json", '[\n  {"id": "a",\n   "text": "hi",}\n]\n')
    assert error(path) == f"{path}:3:17: invalid JSON: Expecting property name enclosed in double quotes"


@pytest.mark.parametrize("content, line, message", [
    ('[\n  {"id": "a", "platform": "x", "scheduled_at": "2026-08-01T09:00Z", "text": ""},\n  "just text"\n]', 3,
     'a post must be an object ({"id": ..., "text": ...})'),
    ('[\n  {"id": "a", "platform": "x",\n   "id": "b"}\n]', 2, "'id' appears twice in this post"),
    ('\n\n{"post": []}', 3, 'expected a list of posts, or {"posts": [...]}'),
    ('[{"id": "a", "platform": "x", "scheduled_at": "2026-08-01T09:00Z",\n "text": ["a", "list"]}]', 1,
     "'text' must be a single value, not a list"),
    ('[{"id": true, "platform": "x", "scheduled_at": "2026-08-01T09:00Z", "text": ""}]', 1,
     "'id' is true/false; quote it if it is text"),
])
def test_bad_json_shapes(tmp_path, content, line, message):
    path = write(tmp_path, "q.json", content)
    assert error(path) == f"{path}:{line}: {message}"


def test_json_numbers_are_read_as_text(tmp_path):
    path = write(tmp_path, "q.json", '[{"id": 17, "platform": "x", "scheduled_at": "2026-08-01T09:00Z", '
                                     '"text": 2026}]')
    post = read_queue(path)[0]
    assert (post.id, post.text) == ("17", "2026")


YAML_QUEUE = """posts:
  - id: a
    platform: x
    scheduled_at: 2026-08-01T09:00:00Z
    text: fine
  - id: b
    platform: x
    scheduled_at: 2026-08-01T10:00:00Z
    text:
      nested: mapping
"""


def test_a_yaml_value_must_be_a_scalar_and_names_its_key_line(tmp_path):
    path = write(tmp_path, "q.yaml", YAML_QUEUE)
    assert error(path) == f"{path}:9: 'text' must be a single value, not a mapping"


@pytest.mark.parametrize("content, expected", [
    ("- id: a\n  platform: x\n  scheduled_at: 2026-08-01T09:00:00Z\n  text: [unclosed\n", ":5:1: "),
    ("- id: a\n  platform: x\n  scheduled_at: 2026-08-01T09:00:00Z\n  text: true\n", ":4: 'text' is true/false"),
    ("- {id: a, platform: x, scheduled_at: 2026-08-01T09:00:00Z, text: hi}\n- just text\n",
     ":2: a post must be a mapping"),
    ("title: no posts here\n", ":1: expected a list of posts"),
    ("- id: a\n  platform: x\n  scheduled_at: 2026-13-01\n  text: hi\n", ":3:17: cannot read this value (month must"),
])
def test_bad_yaml(tmp_path, content, expected):
    path = write(tmp_path, "q.yaml", content)
    assert error(path).startswith(f"{path}{expected}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=300),
                         st.text(alphabet=st.sampled_from(list(',;\t"\n\r{}[]:- x0Z\x00é')), max_size=200)
                         .map(lambda text: (HEADER + text).encode("utf-8"))),
       suffix=st.sampled_from([".csv", ".json", ".yaml"]))
def test_any_input_is_read_or_refused_with_an_input_error(tmp_path, content, suffix):
    path = write(tmp_path, "fuzz" + suffix, content)
    try:
        read_queue(path, timezone="UTC")
    except InputError as exc:
        assert str(exc).startswith(str(path))
