"""`safepost news` and how `check` behaves when the news cannot be read."""
from __future__ import annotations

import json
import socket

from conftest import check_json, rss

HEADLINES = [
    {"title": "Gunman opens fire at music festival in Denver, at least 7 dead", "published": "2026-07-31T11:20:00Z"},
    {"title": "Denver festival shooting: what we know so far", "published": "2026-07-31T13:05:00Z"},
    {"title": "Blackout at the stadium halts the cup final for 30 minutes", "published": "2026-07-31T12:00:00Z"},
]
NOW = "2026-07-31T16:00:00Z"
POSTS = [{"id": "promo", "platform": "instagram", "scheduled_at": "2026-07-31T18:00:00Z", "region": "US",
          "text": "Pop-up store in Denver this weekend! Shop now"},
         {"id": "warsaw", "platform": "facebook", "scheduled_at": "2026-07-31T18:00:00Z", "region": "PL",
          "language": "pl", "text": "Nowa kolekcja już w sklepie. Zapraszamy!"}]


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: the connection is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"


def test_news_lists_incidents_with_kind_severity_terms_and_headlines(run_cli, write):
    feed = write("feed.xml", rss(HEADLINES))
    code, out, err = run_cli("news", "--feed", feed, "--now", NOW, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    [incident] = report["incidents"]
    assert incident["kind"] == "shooting" and incident["severity"] >= 4
    assert "Denver" in incident["terms"] and incident["regions"] == ["US"]
    assert len(incident["headlines"]) == 2  # the blackout is not a tragedy
    [feed_status] = report["feeds"]
    assert feed_status["outcome"] == "local" and feed_status["headlines"] == 3


def test_news_text_view_names_the_incident(run_cli, write):
    code, out, _ = run_cli("news", "--feed", write("feed.xml", rss(HEADLINES)), "--now", NOW)
    assert code == 0
    assert "shooting" in out and "Denver festival shooting: what we know so far" in out


def test_news_says_how_far_each_story_reaches_and_what_it_cost(run_cli, write):
    """The story, not only its headline: its reach (news everywhere in its first day, or at home),
    its toll and how many sources carry it, in the text view and in JSON."""
    feed = write("feed.xml", rss([
        *HEADLINES,
        {"title": "Suspension bridge collapses in India: at least 132 dead", "published": "2026-07-31T10:00:00Z"},
        {"title": "Morbi bridge collapse: rescuers search the river", "published": "2026-07-31T12:00:00Z"}]))
    code, out, err = run_cli("news", "--feed", feed, "--now", NOW)
    assert code == 0, err
    assert "news everywhere in its first day" in out and "132 dead" in out
    assert "national news" in out and "7 dead" in out
    _, out, _ = run_cli("news", "--feed", feed, "--now", NOW, "--format", "json")
    by_kind = {incident["kind"]: incident for incident in json.loads(out)["incidents"]}
    bridge, festival = by_kind["collapse"], by_kind["shooting"]
    assert bridge["reach"] == "global" and bridge["deaths"] == 132 and bridge["sources"] == 1  # one feed
    assert festival["reach"] == "national" and festival["deaths"] == 7


def test_incident_touches_only_its_audience_region(run_cli, write):
    queue = write("q.json", json.dumps(POSTS))
    _, report = check_json(run_cli, queue, "--feed", write("feed.xml", rss(HEADLINES)), "--now", NOW)
    by_id = {p["id"]: p for p in report["posts"]}
    assert by_id["promo"]["verdict"] == "hold"
    assert by_id["warsaw"]["verdict"] == "pass"


def test_unreadable_news_holds_every_post_and_says_why(run_cli, write):
    queue = write("q.json", json.dumps(POSTS))
    code, report = check_json(run_cli, queue, "--feed", closed_port_url(), "--now", NOW)
    assert code == 1
    assert report["summary"]["hold"] == 2
    for post in report["posts"]:
        [finding] = post["findings"]
        assert finding["rule"] == "news.unavailable" and finding["verdict"] == "hold"
        assert "Connection refused" in finding["message"] and "safepost init --region" in finding["message"]
    assert report["feeds"][0]["outcome"] == "failed"
    assert any("could be read" in notice for notice in report["notices"])


def test_unreadable_news_policy_can_flag(run_cli, write):
    write("safepost.yaml", "policies:\n  on_news_unavailable: flag\n")
    queue = write("q.json", json.dumps(POSTS))
    code, report = check_json(run_cli, queue, "--feed", closed_port_url(), "--now", NOW)
    assert code == 0 and report["summary"]["flag"] == 2


def test_no_feeds_holds_every_post_with_the_way_out(run_cli, write):
    code, out, err = run_cli("check", write("q.json", json.dumps(POSTS)), "--now", NOW)
    assert code == 1
    assert "No news feeds are configured" in out and "safepost init --region" in out and "news: off" in out
    _, report = check_json(run_cli, write("q.json", json.dumps(POSTS)), "--now", NOW)
    assert report["summary"] == {"pass": 0, "flag": 0, "hold": 2}


def test_an_empty_feed_is_no_news(run_cli, write):
    empty = write("empty.xml", rss([]))
    code, report = check_json(run_cli, write("q.json", json.dumps(POSTS)), "--feed", empty, "--now", NOW)
    assert code == 1 and report["summary"]["hold"] == 2
    assert report["feeds"][0]["outcome"] == "empty"


def test_news_off_checks_without_news_and_says_so_every_run(run_cli, write):
    write("safepost.yaml", "news: off\n")
    code, out, _ = run_cli("check", write("q.json", json.dumps(POSTS)), "--now", NOW)
    assert code == 0 and "the news was NOT checked" in out
    _, report = check_json(run_cli, write("q.json", json.dumps(POSTS)), "--now", NOW)
    assert report["summary"]["pass"] == 2 and any("NOT checked" in n for n in report["notices"])


def test_a_feed_that_fails_beside_one_that_reads_is_named_and_exits_3(run_cli, write):
    quiet = write("quiet.xml", rss([{"title": "Central bank holds rates steady", "published": NOW}]))
    broken = write("typo.xml", "")
    code, out, err = run_cli("check", write("q.json", json.dumps(POSTS)), "--feed", quiet, "--feed", broken + ".nosuch",
                             "--now", NOW, "--format", "json")
    assert code == 3
    assert "safepost: warning: feed typo.xml.nosuch gave no news: file not found" in err
    report = json.loads(out)
    assert [f["outcome"] for f in report["feeds"]] == ["local", "failed"]
    assert report["summary"]["pass"] == 2


def test_news_exits_1_when_it_read_nothing(run_cli, write):
    code, out, err = run_cli("news", "--feed", "nosuchfeed.xml", "--now", NOW)
    assert code == 1 and "file not found" in out
