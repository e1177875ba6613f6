"""Feeds that lie, served from 127.0.0.1 or read from files, through the real CLI: what the user
sees (the incident found, the warning shown, the exit code) for the kinds of document a feed
parser's own test suite covers: BOMs, wrong charsets both ways, undefined entities, channel-only
documents, CDF, JSON Feed, ill-formed XML, clocks that run ahead, and fields of any size."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
import test_fetch
from conftest import check_json

server = test_fetch.server  # the fixture: a feed server on 127.0.0.1 that stops with its test

NOW = "2026-07-31T16:00:00Z"
SHOOTING = "Gunman opens fire at music festival in Denver, at least 7 dead"
EXPLOSION = "Взрыв газа в жилом доме в Казани: погибли 12 человек"
POSTS = [{"id": "denver", "platform": "instagram", "scheduled_at": "2026-07-31T18:00:00Z", "region": "US",
          "text": "Pop-up store in Denver this weekend! Our new collection is killer. Shop now"},
         {"id": "kazan", "platform": "facebook", "scheduled_at": "2026-07-31T18:00:00Z", "region": "RU",
          "language": "ru", "text": "Распродажа в Казани! Скидки до 50% на всё"}]
pytestmark = pytest.mark.timeout(120, method="thread")


def rss(*items: tuple[str, str], encoding: str = "utf-8", channel: str = "Test Wire") -> str:
    """RSS 2.0 text with (title, RFC 822 date) items, declaring `encoding` in its XML declaration."""
    body = "".join(f"<item><title>{title}</title><pubDate>{date}</pubDate>"
                   f"<link>https://news.example.org/{i}</link></item>" for i, (title, date) in enumerate(items))
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>{channel}</title>'
            f"{body}</channel></rss>")


def news(run_cli, *feeds: str) -> tuple[int, str, str]:
    args = [arg for feed in feeds for arg in ("--feed", feed)]
    return run_cli("news", *args, "--now", NOW)


def news_json(run_cli, *feeds: str) -> tuple[int, dict]:
    args = [arg for feed in feeds for arg in ("--feed", feed)]
    code, out, err = run_cli("news", *args, "--now", NOW, "--format", "json")
    assert "Traceback" not in err
    return code, json.loads(out)


# -- clocks that run ahead ------------------------------------------------------------------------

def test_a_headline_from_a_fast_clock_is_read_as_now_and_the_feed_is_named(run_cli, write, server):
    """17:50 +0000 with now 16:00: local time labelled as GMT. It used to be dropped and the
    post passed."""
    url = server.serve("/fast.xml", rss((SHOOTING, "Fri, 31 Jul 2026 17:50:00 +0000")).encode())
    queue = write("q.json", json.dumps(POSTS[:1]))
    code, out, err = run_cli("check", queue, "--feed", url, "--now", NOW)
    assert code == 1, err
    assert "HOLD" in out and "denver" in out
    assert "feed Test Wire: fresh (skewed clock: 1 headline dated up to 1.8 h after now were read as " \
           "published when first seen)" in " ".join(out.split())
    code, out, _ = news(run_cli, url)
    assert code == 0
    assert "! skewed clock: 1 headline dated up to 1.8 h after now" in out
    assert f"{SHOOTING} (Test Wire, 2026-07-31T16:00:00Z)" in " ".join(out.split())


def test_a_fast_clocks_headline_keeps_the_time_it_was_first_seen_from_run_to_run(run_cli, server):
    """A cron job every few minutes must not restart the story's first hours at every run."""
    first = datetime.now(timezone.utc).replace(microsecond=0)
    dated = format_datetime(first + timedelta(hours=3), usegmt=True)
    url = server.serve("/ahead.xml", rss((SHOOTING, dated)).encode())
    published = []
    for now in (first, first + timedelta(hours=1)):
        code, out, err = run_cli("news", "--feed", url, "--now", now.isoformat(), "--format", "json")
        assert code == 0, err
        [headline] = json.loads(out)["incidents"][0]["headlines"]
        published.append(datetime.fromisoformat(headline["published"].replace("Z", "+00:00")))
    assert [abs(moment - first) < timedelta(minutes=1) for moment in published] == [True, True]


def test_headlines_far_in_the_future_are_left_out_but_counted_and_named(run_cli, write):
    feed = write("feed.xml", rss((SHOOTING, "Fri, 31 Jul 2026 12:00:00 +0000"),
                                 ("Festival line-up announced for next year", "Mon, 03 Aug 2026 09:00:00 +0000")))
    code, report = news_json(run_cli, feed)
    assert code == 0
    [status] = report["feeds"]
    assert status["headlines"] == 1
    assert status["warnings"] == ["1 headline dated more than 6 h after now left out as not yet news: "
                                  "'Festival line-up announced for next year'"]


def test_a_feed_whose_every_item_is_far_ahead_is_empty_not_read(run_cli, write):
    feed = write("feed.xml", rss((SHOOTING, "Mon, 03 Aug 2026 09:00:00 +0000")))
    code, report = check_json(run_cli, write("q.json", json.dumps(POSTS[:1])), "--feed", feed, "--now", NOW)
    assert code == 1 and report["summary"]["hold"] == 1
    assert report["feeds"][0]["outcome"] == "empty"
    assert "left out as not yet news" in report["feeds"][0]["warnings"][0]


# -- charsets -------------------------------------------------------------------------------------

RUSSIAN_CASES = [
    pytest.param("cp1251", "utf-8", None, "the XML declaration says utf-8", id="cp1251-declared-utf8"),
    pytest.param("utf-8", "koi8-r", None, "the XML declaration says koi8-r", id="utf8-declared-koi8r"),
    pytest.param("utf-8", "utf-8", "application/rss+xml; charset=koi8-r", "the server's Content-Type says koi8-r",
                 id="utf8-served-as-koi8r"),
    pytest.param("koi8-r", "utf-8", "application/rss+xml; charset=windows-1251", "says windows-1251",
                 id="koi8r-labelled-utf8-and-cp1251"),
]


@pytest.mark.parametrize("real, declared, content_type, said", RUSSIAN_CASES)
def test_a_wrong_charset_is_read_as_the_text_it_is_and_the_lie_is_reported(run_cli, write, server, real,
                                                                           declared, content_type, said):
    body = rss((EXPLOSION, "Fri, 31 Jul 2026 12:00:00 +0000"), encoding=declared).encode(real)
    url = server.serve("/ru.xml", body, **({"Content-Type": content_type} if content_type else {}))
    code, report = news_json(run_cli, url)
    assert code == 0
    assert [h["title"] for i in report["incidents"] for h in i["headlines"]] == [EXPLOSION]
    [warning] = report["feeds"][0]["warnings"]
    assert warning.startswith("charset: ") and said in warning and f"read as {real.replace('-', '')}" \
        in warning.replace("-", "")
    code, check = check_json(run_cli, write("q.json", json.dumps(POSTS[1:])), "--feed", url, "--now", NOW)
    assert check["posts"][0]["verdict"] != "pass"


def test_byte_order_marks_are_honoured(run_cli, write):
    utf8 = write("bom8.xml", b"\xef\xbb\xbf" + rss((EXPLOSION, "Fri, 31 Jul 2026 12:00:00 +0000")).encode())
    utf16 = write("bom16.xml", rss((SHOOTING, "Fri, 31 Jul 2026 12:00:00 +0000"), encoding="utf-16").encode("utf-16"))
    code, report = news_json(run_cli, utf8, utf16)
    assert code == 0
    assert [f["warnings"] for f in report["feeds"]] == [[], []]
    titles = {h["title"] for i in report["incidents"] for h in i["headlines"]}
    assert titles == {EXPLOSION, SHOOTING}


# -- documents a parser's test suite covers -------------------------------------------------------

def test_an_undefined_entity_is_read_and_feedparsers_warning_is_shown(run_cli, write):
    feed = write("entity.xml", rss((SHOOTING + " &nbsp;&mdash;", "Fri, 31 Jul 2026 12:00:00 +0000")))
    code, out, err = news(run_cli, feed)
    assert code == 0, err
    assert "Traceback" not in err
    text = " ".join(out.split())
    assert "severity 4 shooting" in text
    assert "! feedparser: " in text and "undefined entity" in text


def test_a_channel_only_document_is_empty_and_not_read(run_cli, write):
    feed = write("channel.xml", rss())
    code, out, _ = news(run_cli, feed)
    assert code == 1
    assert "feed Test Wire: empty" in out and "the feed holds no items: nothing was read from it" in " ".join(out.split())
    code, report = check_json(run_cli, write("q.json", json.dumps(POSTS)), "--feed", feed, "--now", NOW)
    assert code == 1 and report["summary"]["hold"] == 2


def test_a_cdf_channel_is_read(run_cli, write):
    cdf = write("channel.cdf", f'<?xml version="1.0"?><CHANNEL HREF="http://news.example.org/">'
                               f'<TITLE>CDF Wire</TITLE><ITEM HREF="http://news.example.org/1" '
                               f'LASTMOD="2026-07-31T12:00"><TITLE>{SHOOTING}</TITLE></ITEM></CHANNEL>')
    code, report = news_json(run_cli, cdf)
    assert code == 0
    assert report["feeds"][0]["headlines"] == 1 and report["incidents"][0]["kind"] == "shooting"


def test_a_json_feed_is_refused_loudly_not_read_as_nothing(run_cli, write, server):
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",
                       "items": [{"id": "1", "title": SHOOTING, "date_published": "2026-07-31T12:00:00Z"}]})
    url = server.serve("/feed.json", body.encode(), **{"Content-Type": "application/feed+json"})
    code, out, err = news(run_cli, url)
    assert code == 1
    assert "JSON Feed is not supported" in " ".join(out.split())
    assert "No news feed could be read" in " ".join(out.split())


@pytest.mark.parametrize("body, says", [
    pytest.param("<rss version='2.0'><channel><title>Broken</titel></channel></rss>", "malformed XML",
                 id="mismatched-tag-before-any-item"),
    pytest.param("<html><body>Not here</body></html>", "not a feed", id="html-page"),
    pytest.param("", "not a feed", id="empty-body"),
])
def test_a_document_that_is_not_a_readable_feed_is_named_failed(run_cli, write, body, says):
    code, report = news_json(run_cli, write("bad.xml", body))
    assert code == 1
    assert report["feeds"][0]["outcome"] == "failed" and says in report["feeds"][0]["detail"]


def test_ill_formed_xml_with_items_is_read_with_a_warning(run_cli, write):
    feed = write("broken.xml", rss((SHOOTING, "Fri, 31 Jul 2026 12:00:00 +0000")).replace("</channel></rss>", "<oops>"))
    code, report = news_json(run_cli, feed)
    assert code == 0 and report["incidents"]
    assert report["feeds"][0]["warnings"][0].startswith("feedparser: ")


# -- bounds ---------------------------------------------------------------------------------------

def test_huge_fields_are_cut_where_they_enter_with_a_visible_mark(run_cli, write):
    long_title = SHOOTING + " " + "word " * 20_000
    feed = write("huge.xml", rss((long_title, "Fri, 31 Jul 2026 12:00:00 +0000"), channel="W" * 1_000_000)
                 .replace("<title>W", "<title>W", 1))
    posts = [dict(POSTS[0], id=f"p{i}") for i in range(20)]
    code, out, err = run_cli("check", write("q.json", json.dumps(posts)), "--feed", feed, "--now", NOW,
                             "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    [headline] = report["incidents"][0]["headlines"]
    assert len(headline["title"]) == 500 and headline["title"].endswith("…")
    assert len(headline["source"]) == 200 and headline["source"].endswith("…")
    assert len(out) < 200_000
