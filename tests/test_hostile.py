"""Hostile input: each case names the attack and asserts the clean behaviour a user would see."""
from __future__ import annotations

import json

import pytest

from conftest import check_json, rss

pytestmark = pytest.mark.usefixtures("no_news")  # words, queues and outputs: no news on purpose

NOW = "2026-03-03T09:00:00Z"


def post(text: str, **extra) -> dict:
    return {"id": "x", "platform": "facebook", "scheduled_at": "2026-03-03T10:00:00Z", "language": "en",
            "text": text, **extra}


def verdict_of(run_cli, write, text: str, **extra) -> dict:
    _, report = check_json(run_cli, write("q.json", json.dumps([post(text, **extra)])), "--now", NOW)
    return report["posts"][0]


@pytest.mark.parametrize("dodge", [
    "sh\u200booters", "sh\u200dooters", "sh\u2060ooters", "sh\u00adooters", "\u202eshooters\u202c",
    "ｓｈｏｏｔｅｒｓ", "shооters",  # full-width letters; Cyrillic о inside a Latin word
    "SHOOTERS", "sh\u0000ooters".replace("\u0000", "\u200c"),
])
def test_dodges_do_not_hide_a_word_from_the_rules(run_cli, write, dodge):
    rules = write("rules.yaml", "words:\n  - id: test.shooter\n    language: en\n    level: hold\n"
                                "    message: says shooter\n    terms: [shooter]\n")
    queue = write("q.json", json.dumps([post(f"Good morning, {dodge}!")]))
    _, report = check_json(run_cli, queue, "--rules", rules, "--now", NOW)
    [finding] = [f for f in report["posts"][0]["findings"] if f["rule"] == "test.shooter"]
    start, end = finding["span"]
    assert f"Good morning, {dodge}!"[start:end] == dodge.strip("\u202e\u202c")


def test_a_cyrillic_word_with_a_latin_letter_is_still_russian(run_cli, write):
    rules = write("rules.yaml", "words:\n  - id: test.vzryv\n    language: ru\n    level: hold\n"
                                "    message: m\n    terms: [взрыв]\n")
    queue = write("q.json", json.dumps([post("Взpыв скидок!", language="ru")]))  # Latin p
    _, report = check_json(run_cli, queue, "--rules", rules, "--now", NOW)
    assert [f["rule"] for f in report["posts"][0]["findings"]] == ["test.vzryv"]


def test_words_inside_links_and_mentions_are_not_matched(run_cli, write):
    result = verdict_of(run_cli, write, "See https://example.com/you-idiot-shooters and thank @idiot_fan!")
    assert result["findings"] == []


def test_invalid_utf8_is_a_one_line_error_with_its_line(run_cli, write):
    queue = write("q.csv", b"id,platform,scheduled_at,text\na,x,2026-03-03T10:00:00Z,ok\nb,x,2026-03-03T10:00:00Z,\xff\xfe bad\n")
    code, out, err = run_cli("check", queue, "--now", NOW)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "q.csv:3" in err and "UTF-8" in err


def test_nul_bytes_are_a_clean_error(run_cli, write):
    code, _, err = run_cli("check", write("q.csv", b"id,platform,scheduled_at,text\na,x,2026,\x00\x00\n"), "--now", NOW)
    assert code == 2 and err.count("\n") == 1 and "NUL" in err


def test_a_ten_megabyte_post_is_held_for_length_not_a_crash(run_cli, write):
    text = "buy our shoes " * (10 * 1024 * 1024 // 14)
    result = verdict_of(run_cli, write, text, platform="twitter")
    assert result["verdict"] == "hold"
    assert [f["rule"] for f in result["findings"]] == ["platform.too-long"]


def test_markup_and_escape_sequences_in_headlines_are_shown_as_text(run_cli, write):
    feed = write("feed.xml", rss([{"title": "[blink]Gunman[/blink] opens fire in Denver \x1b[31m, 7 dead",
                                   "published": "2026-03-03T08:00:00Z"}]).replace("\x1b", "&#27;"))
    code, out, _ = run_cli("news", "--feed", feed, "--now", NOW)
    assert code == 0
    assert "[blink]Gunman[/blink]" in out and "\x1b" not in out


def test_right_to_left_override_cannot_reorder_the_terminal(run_cli, write):
    queue = write("q.json", json.dumps([post("you idiot \u202etxet desrever\u202c")]))
    code, out, _ = run_cli("check", queue, "--now", NOW, "--fail-on", "flag")
    assert code == 1 and "\u202e" not in out and "·txet desrever·" in out


def test_a_queue_with_a_deeply_nested_json_value_is_refused_cleanly(run_cli, write):
    queue = write("q.json", '[{"id": "x", "platform": "x", "scheduled_at": "2026-03-03T10:00:00Z", "text": '
                  + "[" * 100_000 + "]" * 100_000 + "}]")
    code, _, err = run_cli("check", queue, "--now", NOW)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_a_million_row_csv_is_refused_at_the_limit_without_reading_it_all(run_cli, write, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("id,platform,scheduled_at,text\n")
        out.writelines(f"p{i},x,2026-03-03T10:00:00Z,hello\n" for i in range(1_000_000))
    write("safepost.yaml", "news: off\nmax_posts: 1000\n")
    code, out, err = run_cli("check", str(path), "--now", NOW)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{path}:1002: more than 1,000 posts" in err
