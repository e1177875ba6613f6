"""The terminal view: the answer first (one line per flagged or held post, then the total), the
why after it, grouped by cause; width-aware with hanging indents and never a word cut in two;
no colour when piped; hostile text shown as text. And the progress bar of long runs."""
from __future__ import annotations

import io
import json
import re
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from safepost.model import Decision, Finding, Post, Verdict
from safepost.render import Report
from safepost.render.layout import cells, wrap_ranges
from safepost.render.progress import ProgressBar
from safepost.render.terminal import render

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-07-31T16:00:00Z"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def example(tmp_path, monkeypatch):
    folder = tmp_path / "examples"
    shutil.copytree(REPO / "examples", folder)
    monkeypatch.setenv("COLUMNS", "80")
    return folder


def check_example(run_cli, example, *extra: str) -> tuple[str, dict]:
    args = (str(example / "queue.csv"), "--config", str(example / "safepost.yaml"), "--now", NOW)
    code, out, err = run_cli("check", *args, *extra)
    assert code == 1, err
    code, report, _ = run_cli("check", *args, "--format", "json")
    return out, json.loads(report)


def test_every_flagged_and_held_post_is_on_the_first_screen(run_cli, example):
    out, report = check_example(run_cli, example)
    screen = out.splitlines()[:24]
    total = next(i for i, line in enumerate(screen) if line.startswith("14 posts: 5 hold · 3 flag · 6 pass"))
    table = {line.split()[1]: line for line in screen[:total] if line.strip()[:4] in ("HOLD", "FLAG")}
    not_passing = {p["id"]: p["verdict"] for p in report["posts"] if p["verdict"] != "pass"}
    assert len(not_passing) == 8
    assert {post: line.split()[0].lower() for post, line in table.items()} == not_passing
    assert "31 Jul 13:00 EDT  Denver shooting: 'killer'" in table["us-morning"]  # local time, first reason
    assert "1 Aug 10:00 CEST" in table["pl-sierpien"] and "31 Jul 18:15 BST" in table["gb-reply-rude"]


def test_lines_fit_the_width_keep_their_indent_and_cut_no_word(run_cli, example):
    out, report = check_example(run_cli, example)
    lines = out.splitlines()
    assert all(cells(line) <= 80 for line in lines)
    assert not [line for line in lines if line != line.rstrip()]
    thread = next(p for p in report["posts"] if p["id"] == "gb-thread")
    start = next(i for i, line in enumerate(lines) if line.startswith(" HOLD  gb-thread  twitter · "))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith("    ") or line.lstrip().startswith("hold "):
            break
        body.append(line)
    assert len(body) > 2 and all(line.startswith("    ") and line[4] != " " for line in body)  # a hanging indent
    assert " ".join(line.strip() for line in body) == thread["text"]  # no word cut or lost
    finding = next(i for i, line in enumerate(lines) if "hold  platform.too-long" in line)
    assert lines[finding + 1].startswith(" " * 10) and lines[finding + 1][10] != " "


def test_details_are_grouped_by_cause_each_told_once(run_cli, example):
    out, _ = check_example(run_cli, example)
    flat = " ".join(out.split())
    assert flat.count("Denver festival shooting: what we know so far") == 1  # the headline, once
    assert flat.count("A shooting makes every gun word land as a joke") == 1  # the rule's note, once
    assert flat.count("A reply is read by everyone who finds the thread") == 1
    incident = out.index("━━ Gunman opens fire at music festival in Denver")
    posts = [out.index(f"  {name}  ", incident) for name in ("us-morning", "us-popup", "us-condolences")]
    warsaw = out.index("━━ The Warsaw Uprising remembrance day (82nd anniversary)")
    assert incident < min(posts) and max(posts) < warsaw
    rude = out[out.index(" HOLD  gb-reply-rude  facebook · "):]
    assert rude.count("dismissive.en") == 1  # its two phrases on one line
    assert "('Nobody asked for your', 'eat somewhere else')" in " ".join(rude.split())


def test_piped_output_has_no_colour_and_marks_the_words_with_carets(run_cli, example):
    out, _ = check_example(run_cli, example)
    assert "\x1b" not in out
    lines = out.splitlines()
    text = next(i for i, line in enumerate(lines) if line.startswith("    Good morning, trendsetters!"))
    assert lines[text + 1] == " " * lines[text].index("killer") + "^" * len("killer")


def test_a_terminal_gets_colour_and_the_same_lines():
    text = "Good morning, trendsetters! Our summer collection is killer."
    post = Post("us-morning", "twitter", datetime(2026, 7, 31, 17, tzinfo=timezone.utc), text, region="US")
    at = text.index("killer")
    finding = Finding("incident.shooting.vocabulary", "incident-words", Verdict.HOLD, "'killer' during a shooting",
                      "killer", (at, at + 6), {})
    report_ = Report(datetime(2026, 7, 31, 16, tzinfo=timezone.utc), [Decision(post, Verdict.HOLD, (finding,))])
    coloured, plain = render(report_, 80, colour=True), render(report_, 80, colour=False)
    assert "\x1b[1;4;31mkiller\x1b[0m" in coloured  # underlined in the hold colour
    assert [line for line in ANSI.sub("", coloured).splitlines()] == \
        [line for line in plain.splitlines() if set(line.strip()) != {"^"}]


def test_all_shows_every_passing_post_with_its_text(run_cli, example):
    out, _ = check_example(run_cli, example)
    assert "two backend engineers for our Lisbon office" not in out
    out, _ = check_example(run_cli, example, "--all")
    assert "Passing posts (6)" in out
    assert "We're hiring: two backend engineers for our Lisbon office." in " ".join(out.split())
    assert " PASS  gb-reply-help  facebook · " in out


@pytest.mark.usefixtures("no_news")
def test_hostile_text_is_shown_as_text(run_cli, write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    queue = write("q.json", json.dumps([{
        "id": "x\x1b]0;owned\x07", "platform": "facebook", "scheduled_at": "2026-03-03T10:00:00Z", "language": "en",
        "text": "[bold red]you idiot[/bold red] <script>alert(1)</script> \x1b[2J \u202eesrever\u202c done"}]))
    code, out, _ = run_cli("check", queue, "--now", "2026-03-03T09:00:00Z", "--fail-on", "flag")
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[bold red]you idiot[/bold red] <script>alert(1)</script> ␛[2J ·esrever· done" in out
    assert "x␛]0;owned␇" in out


def test_words_are_wrapped_whole_and_only_a_word_wider_than_the_line_is_cut():
    text = "Big news: https://example.org/a-very-long-link-that-is-wider-than-the-line done"
    ranges = wrap_ranges(text, 20)
    pieces = [text[start:end] for start, end in ranges]
    assert pieces[0] == "Big news:"
    assert "".join(pieces[1:]) == "https://example.org/a-very-long-link-that-is-wider-than-the-line done"
    assert all(cells(piece) <= 20 for piece in pieces) and len(pieces) == 5
    emoji = "🎉🎉🎉 ok"
    assert [emoji[s:e] for s, e in wrap_ranges(emoji, 6)] == ["🎉🎉🎉", "ok"]  # two cells each


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_only_on_a_terminal_after_the_delay():
    slow, quick, piped = FakeTerminal(), FakeTerminal(), io.StringIO()
    with ProgressBar("Checking posts", 10, stream=slow, delay=0.05) as bar:
        for _ in range(10):
            time.sleep(0.03)
            bar.advance()
        assert bar.shown
    assert "Checking posts" in slow.getvalue()
    with ProgressBar("Checking posts", 10, stream=quick, delay=5) as bar:
        bar.advance(10)
    with ProgressBar("Checking posts", 10, stream=piped, delay=0) as bar:
        time.sleep(0.05)
        bar.advance(10)
    assert quick.getvalue() == "" and piped.getvalue() == ""
    with ProgressBar("Checking posts", 10, wanted=False, stream=FakeTerminal(), delay=0) as bar:
        time.sleep(0.05)
        assert not bar.shown  # JSON mode asks for none


@pytest.mark.usefixtures("no_news")
def test_check_writes_no_progress_to_a_pipe(run_cli, write):
    queue = write("q.csv", "id,platform,scheduled_at,text\na,x,2026-03-03T10:00:00Z,Hello\n")
    code, out, err = run_cli("check", queue, "--now", "2026-03-03T09:00:00Z", "--format", "json")
    assert code == 0 and err == "" and json.loads(out)["summary"]["pass"] == 1
