"""The CLI contract that scripts and cron jobs rely on: JSON shape, exit codes, one-line errors."""
from __future__ import annotations

import pytest

import json
import subprocess
import sys

from conftest import check_json

pytestmark = pytest.mark.usefixtures("no_news")  # words, queues and outputs: no news on purpose

QUEUE = """id,platform,scheduled_at,text
ok-1,linkedin,2026-03-03T10:00:00Z,We're hiring: two backend engineers for our Lisbon office.
rude-1,facebook,2026-03-03T11:00:00Z,"Only an idiot would miss this, you idiot."
long-1,twitter,2026-03-03T12:00:00Z,"{long}"
""".format(long="word " * 70)
NOW = "2026-03-03T09:00:00Z"


def test_json_report_follows_the_contract(run_cli, write):
    code, report = check_json(run_cli, write("q.csv", QUEUE), "--now", NOW)
    assert set(report) >= {"now", "incidents", "posts", "summary"}
    assert report["now"] == NOW
    assert report["summary"] == {"pass": 1, "flag": 1, "hold": 1}
    by_id = {p["id"]: p for p in report["posts"]}
    assert set(by_id["ok-1"]) >= {"id", "platform", "scheduled_at", "verdict", "findings"}
    assert by_id["ok-1"]["verdict"] == "pass" and by_id["ok-1"]["findings"] == []
    [finding] = [f for f in by_id["rude-1"]["findings"] if f["match"] == "idiot"][:1]
    assert set(finding) >= {"rule", "check", "verdict", "message", "match", "span", "evidence"}
    start, end = finding["span"]
    assert "Only an idiot would miss this, you idiot."[start:end].lower() == "idiot"
    assert by_id["long-1"]["verdict"] == "hold"
    assert code == 1


def test_fail_on_sets_the_exit_code(run_cli, write):
    queue = write("q.csv", "\n".join(QUEUE.splitlines()[:3]) + "\n")
    assert run_cli("check", queue, "--now", NOW)[0] == 0  # a flag is below the default (hold)
    assert run_cli("check", queue, "--now", NOW, "--fail-on", "flag")[0] == 1


def test_bad_input_is_one_line_with_file_and_line(run_cli, write):
    queue = write("q.csv", "id,platform,scheduled_at,text\na,twitter,not a date at all,hello\n")
    code, out, err = run_cli("check", queue, "--now", NOW)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("safepost: error: ") and "q.csv:2" in err


def test_missing_file_and_bad_now_are_clean_errors(run_cli, write):
    code, _, err = run_cli("check", "nope.csv")
    assert code == 2 and "nope.csv" in err and "Traceback" not in err
    code, _, err = run_cli("check", write("q.csv", QUEUE), "--now", "yesterday")
    assert code == 2 and "--now" in err


def test_broken_rulebook_is_refused_with_its_line(run_cli, write):
    rules = write("extra.yaml", "words:\n  - id: x\n    language: en\n    message: m\n    terms: [ok]\n    levle: hold\n")
    code, _, err = run_cli("check", write("q.csv", QUEUE), "--rules", rules, "--now", NOW)
    assert code == 2
    assert "extra.yaml:6" in err and "did you mean 'level'" in err


def test_user_rules_and_config_level_overrides(run_cli, write):
    rules = write("rules/brand.yaml", "words:\n  - id: brand.competitor\n    language: en\n    level: hold\n"
                  "    message: Names a competitor\n    terms: [Lisbon office]\n")
    code, report = check_json(run_cli, write("q.csv", QUEUE), "--rules", rules, "--now", NOW)
    by_id = {p["id"]: p for p in report["posts"]}
    assert by_id["ok-1"]["verdict"] == "hold"
    write("safepost.yaml", "news: off\nlevels:\n  brand.*: flag\n  insult.*: off\n")
    code, report = check_json(run_cli, write("q.csv", QUEUE), "--rules", rules, "--now", NOW)
    by_id = {p["id"]: p for p in report["posts"]}
    assert by_id["ok-1"]["verdict"] == "flag"
    assert not [f for f in by_id["rude-1"]["findings"] if f["rule"].startswith("insult.")]


def test_a_phrase_is_read_within_one_sentence_and_a_gap_may_reach_the_next(run_cli, write):
    rules = write("rules/brand.yaml", "words:\n  - id: brand.rival\n    language: en\n    level: hold\n"
                  "    message: Names a rival\n    terms: [open air, price ... match]\n")
    queue = write("q.json", json.dumps([
        {"id": "phrase", "platform": "x", "scheduled_at": "2026-03-03T10:00:00Z", "text": "Open air cinema tonight"},
        {"id": "two-sentences", "platform": "x", "scheduled_at": "2026-03-03T10:00:00Z",
         "text": "Doors open. Air conditioning inside!"},
        {"id": "initial", "platform": "x", "scheduled_at": "2026-03-03T10:00:00Z", "text": "St. Open air stage"},
        {"id": "gap", "platform": "x", "scheduled_at": "2026-03-03T10:00:00Z", "text": "Best price. We match it."},
    ]))
    code, report = check_json(run_cli, queue, "--rules", rules, "--now", NOW)
    verdicts = {p["id"]: p["verdict"] for p in report["posts"]}
    assert verdicts == {"phrase": "hold", "two-sentences": "pass", "initial": "hold", "gap": "hold"}


def test_terminal_output_shows_post_text_as_data(run_cli, write):
    queue = write("q.json", json.dumps([{
        "id": "x", "platform": "facebook", "scheduled_at": "2026-03-03T10:00:00Z",
        "text": "[bold red]you idiot[/bold red] \x1b[2J\x1b]0;pwned\x07 sh\u200booters"}]))
    code, out, err = run_cli("check", queue, "--now", NOW, "--fail-on", "flag")
    assert code == 1, err
    assert "[bold red]you idiot[/bold red]" in out  # markup shown, not obeyed
    assert "\x1b" not in out and "\x07" not in out  # no escape sequence reaches the terminal
    assert "␛[2J" in out
    assert "sh·ooters" in out  # the zero-width dodge is made visible


def test_markdown_escapes_post_text(run_cli, write):
    queue = write("q.json", json.dumps([{"id": "x", "platform": "facebook",
                                         "scheduled_at": "2026-03-03T10:00:00Z",
                                         "text": "*Only* an idiot | misses [this](http://x)"}]))
    code, out, _ = run_cli("check", queue, "--now", NOW, "--format", "markdown")
    assert "\\*Only\\*" in out and "**idiot**" in out and "\\|" in out


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from click.testing import CliRunner; from safepost.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0; "
            "heavy = [m for m in ('spacy', 'pymorphy3', 'lemmagen3', 'lingua', 'ssl', 'feedparser', "
            "'dateparser', 'rich') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "safepost", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "safepost" in out.stdout


def test_a_post_in_a_language_the_rulebook_does_not_speak_gets_a_note(run_cli, write):
    queue = write("q.json", json.dumps([
        {"id": "es", "platform": "instagram", "scheduled_at": "2026-03-03T10:00:00Z",
         "text": "¡Rebajas de primavera! Veinte por ciento de descuento en todas las zapatillas."},
        {"id": "en", "platform": "instagram", "scheduled_at": "2026-03-03T10:00:00Z",
         "text": "Spring sale! Twenty per cent off all our running shoes, you idiot."}]))
    code, report = check_json(run_cli, queue, "--now", NOW)
    by_id = {p["id"]: p for p in report["posts"]}
    assert by_id["es"]["verdict"] == "pass"
    assert by_id["es"]["notes"] == ["no word rules for language 'es': checked against the news, dates and "
                                    "platform limits only"]
    assert by_id["en"]["notes"] == [] and by_id["en"]["verdict"] == "flag"  # detected as English
