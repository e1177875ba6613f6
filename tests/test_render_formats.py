"""Markdown (GitHub-flavoured), Slack mrkdwn and JSON: each shows the same review, escapes only
what its medium needs, and stays inert whatever a post or a headline holds (markup, ANSI
escapes, a right-to-left override, `<script>`, mentions, links). The JSON of every command
validates against the JSON Schema shipped in the package."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import rss

from safepost.render import json_schema

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-07-31T16:00:00Z"
HOSTILE = ("You idiot *bold* _it_ ~gone~ `code` | a [link](javascript:alert(1)) <script>alert(1)</script> "
           "<!channel> <@U123> @here & &amp; https://evil.example/x \x1b[31mred\x1b[0m \u202eesrever\u202c")


@pytest.fixture
def example(tmp_path):
    folder = tmp_path / "examples"
    shutil.copytree(REPO / "examples", folder)
    return folder


def run_format(run_cli, example, output_format: str) -> str:
    code, out, err = run_cli("check", str(example / "queue.csv"), "--config", str(example / "safepost.yaml"),
                             "--now", NOW, "--format", output_format)
    assert code == 1, err
    return out


def hostile_output(run_cli, write, output_format: str) -> str:
    queue = write("q.json", json.dumps([{"id": "rude", "platform": "facebook", "scheduled_at": "2026-08-01T09:00:00Z",
                                         "language": "en", "text": HOSTILE}]))
    code, out, err = run_cli("check", queue, "--now", NOW, "--format", output_format, "--fail-on", "flag")
    assert code == 1, err
    return out


def test_markdown_is_github_flavoured_without_needless_escapes(run_cli, example):
    out = run_format(run_cli, example, "markdown")
    assert out.startswith("## safepost check: 5 hold, 3 flag, 6 pass\n")
    assert "| 🛑 HOLD | us-morning | twitter | 31 Jul 13:00 EDT | Denver shooting: 'killer' |" in out
    assert "> Good morning, trendsetters! Our summer collection is **killer**. Shop now!" in out
    assert "> 1 sierpnia? **Impreza** do rana! -20% na wszystko w sklepie" in out
    assert "\\." not in out and "\\-" not in out and "\\(" not in out and "\\!" not in out
    assert out.count("Denver festival shooting: what we know so far") == 1
    assert "- to release it: `safepost approve us-morning --by YOUR-NAME --config " in out


@pytest.mark.usefixtures("no_news")
def test_markdown_keeps_hostile_text_literal(run_cli, write):
    out = hostile_output(run_cli, write, "markdown")
    quote = next(line for line in out.splitlines() if line.startswith("> ") and "idiot" in line)
    assert "\\*bold\\* \\_it\\_ \\~gone\\~ \\`code\\` \\| a \\[link\\](javascript:alert(1))" in quote
    assert "\\<script\\>alert(1)\\</script\\>" in quote and "\\<!channel\\>" in quote and "\\&amp;" in quote
    assert "\x1b" not in out and "\u202e" not in out and "␛\\[31mred" in quote and "·esrever·" in quote


def test_markdown_escapes_what_starts_a_line():
    from safepost.render.markdown import highlighted

    assert highlighted("1. first", ()) == "1\\. first"
    assert highlighted("# not a heading", ()) == "\\# not a heading"
    assert highlighted("- not a list", ()) == "\\- not a list"
    assert highlighted("-20% today", ()) == "-20% today"  # no list without a space: no escape


def test_slack_is_mrkdwn(run_cli, example):
    out = run_format(run_cli, example, "slack")
    assert out.startswith("*safepost check*: 5 hold · 3 flag · 6 pass")
    assert ":octagonal_sign: *HOLD* `us-morning` · twitter · 31 Jul 13:00 EDT · Denver shooting: 'killer'" in out
    assert ">Good morning, trendsetters! Our summer collection is *killer*. Shop now!" in out
    assert "\\" not in out  # Slack has no backslash escapes: none is written
    assert "**" not in out and "###" not in out


@pytest.mark.usefixtures("no_news")
def test_slack_neutralises_formatting_mentions_and_links(run_cli, write):
    out = hostile_output(run_cli, write, "slack")
    quote = next(line for line in out.splitlines() if line.startswith(">") and "idiot" in line)
    assert "\\" not in out
    assert "∗bold∗ ˍitˍ ∼gone∼ ˋcodeˋ" in quote
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quote and "&lt;!channel&gt; &lt;@U123&gt;" in quote
    assert "＠here" in quote and "@here" not in quote
    assert "&amp; &amp;amp;" in quote and "https[:]//evil.example/x" in quote and "https://" not in quote
    assert "<" not in out.replace("<!", "") or "<!channel>" not in out
    assert "\x1b" not in out and "\u202e" not in out


def test_json_adds_text_source_line_and_local_time(run_cli, example):
    report = json.loads(run_format(run_cli, example, "json"))
    morning = next(p for p in report["posts"] if p["id"] == "us-morning")
    assert morning["text"] == "Good morning, trendsetters! Our summer collection is killer. Shop now!"
    assert morning["source"] == str(example / "queue.csv") and morning["line"] == 2
    assert morning["local_time"] == "2026-07-31T13:00:00-04:00" and morning["timezone"] == "America/New_York"
    assert morning["scheduled_at"] == "2026-07-31T17:00:00Z" and morning["verdict"] == "hold"  # as before


@pytest.mark.usefixtures("no_news")
def test_json_keeps_hostile_text_exact_but_inert(run_cli, write):
    out = hostile_output(run_cli, write, "json")
    assert "\x1b" not in out and "\u202e" not in out  # escaped as \u001b and \u202e
    assert "\\u202e" in out
    [post] = json.loads(out)["posts"]
    assert post["text"] == HOSTILE


def validate(document: dict, name: str) -> None:
    jsonschema.Draft202012Validator(json_schema(name), format_checker=jsonschema.FormatChecker()).validate(document)


def test_check_json_follows_its_schema(run_cli, example, write):
    validate(json.loads(run_format(run_cli, example, "json")), "check")
    write("safepost.yaml", "news: off\n")
    validate(json.loads(hostile_output(run_cli, write, "json")), "check")


def test_the_schema_is_a_contract_an_unknown_key_fails_it(run_cli, example):
    report = json.loads(run_format(run_cli, example, "json"))
    report["posts"][0]["renamed"] = report["posts"][0].pop("platform")
    with pytest.raises(jsonschema.ValidationError):
        validate(report, "check")


def test_news_json_follows_its_schema(run_cli, example):
    code, out, err = run_cli("news", "--config", str(example / "safepost.yaml"), "--now", NOW, "--format", "json")
    assert code == 0, err
    validate(json.loads(out), "news")


def test_status_json_follows_its_schema(run_cli, example, write):
    config = str(example / "safepost.yaml")
    run_format(run_cli, example, "json")  # a check the store remembers
    assert run_cli("pause", "--reason", "Denver <script>", "--by", "Ana", "--config", config, "--now", NOW)[0] == 0
    code, out, err = run_cli("status", "--config", config, "--now", NOW, "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["paused"] and document["pending"]
    assert document["pauses"][0]["scope"] == {"regions": [], "languages": [], "platforms": [], "accounts": []}
    validate(document, "status")
    document["pauses"][0]["scope"]["channels"] = []
    with pytest.raises(jsonschema.ValidationError):
        validate(document, "status")


def test_dates_json_follows_its_schema(run_cli, example):
    code, out, err = run_cli("dates", "--region", "PL", "--from", "2026-07-25", "--days", "20", "--format", "json",
                             "--now", NOW)
    assert code == 0, err
    document = json.loads(out)
    assert [day["rule"] for day in document["days"]][:1] == ["date.pl.warsaw-uprising"]
    validate(document, "dates")
    code, out, err = run_cli("dates", str(example / "queue.csv"), "--config", str(example / "safepost.yaml"),
                             "--format", "json", "--now", NOW)
    assert code == 0, err
    document = json.loads(out)
    [day] = document["days"]
    assert [(p["id"], p["verdict"], p["local_time"]) for p in day["posts"]] == \
        [("pl-sierpien", "hold", "2026-08-01T10:00:00+02:00")]
    validate(document, "dates")


def test_news_json_is_inert_too(run_cli, write):
    feed = write("feed.xml", rss([{"title": "Gunman opens fire in Denver \u202e, 7 dead <script>", "published": NOW}]))
    code, out, _ = run_cli("news", "--feed", feed, "--now", NOW, "--format", "json")
    assert "\u202e" not in out and "\\u202e" in out
    validate(json.loads(out), "news")
