"""`safepost try` (one text, shown like a compiler diagnostic), `rules list`, `rules explain` and
`safepost init`."""
from __future__ import annotations

import pytest

from pathlib import Path

from conftest import rss

from safepost.config import load_config


NOW = "2026-03-03T10:00:00Z"


@pytest.mark.usefixtures("no_news")
def test_try_underlines_the_words_under_the_span(run_cli):
    code, out, _ = run_cli("try", "Only a moron would pay full price.", "--language", "en", "--now", NOW)
    assert code == 0  # a flag, and --fail-on defaults to hold
    lines = out.splitlines()
    start = lines.index("flag[insult.en]: Calls someone a name")
    assert lines[start + 1:start + 5] == ["  --> line 1, column 8",
                                          "  |",
                                          "1 | Only a moron would pay full price.",
                                          "  |        ^^^^^"]
    assert lines[start + 5].startswith("   = note: Name-calling aimed at a person")
    assert "   = help: `safepost rules explain insult.en`" in out
    assert lines[-1] == "FLAG: 1 finding"


@pytest.mark.usefixtures("no_news")
def test_try_lines_up_the_carets_after_wide_characters_and_on_later_lines(run_cli):
    _, out, _ = run_cli("try", "New week!\n🎉🎉 Ｓale: only a moron misses it", "--language", "en",
                           "--now", NOW)
    lines = out.splitlines()
    start = lines.index("2 | 🎉🎉 Ｓale: only a moron misses it")
    assert lines[start - 2] == "  --> line 2, column 17"
    assert lines[start + 1] == "  | " + " " * len("🎉🎉 Ｓale: only a ") + " " * 3 + "^^^^^"


def test_try_with_a_feed_names_the_incident_and_its_headline(run_cli, write):
    feed = write("feed.xml", rss([{"title": "Gunman opens fire at cinema in Aurora, 12 dead",
                                   "published": "2026-07-20T07:00:00Z"}]))
    code, out, _ = run_cli("try", "Good morning, shooters. Happy Friday!", "--feed", feed, "--language", "en",
                           "--now", "2026-07-20T12:00:00Z")
    assert code == 1
    assert "hold[incident.shooting.vocabulary]: 'shooters' during an active shooting" in out
    assert "1 | Good morning, shooters. Happy Friday!\n  |               ^^^^^^^^" in out
    assert '   = headline: "Gunman opens fire at cinema in Aurora, 12 dead"' in out
    assert "   = help: `safepost rules explain shooting`" in out


def test_try_without_news_says_so_and_passes_nothing(run_cli):
    code, out, _ = run_cli("try", "Our new menu is here.", "--language", "en", "--now", NOW)
    assert code == 1
    assert "note: No news feeds are configured" in out and "hold[news.unavailable]" in out


@pytest.mark.usefixtures("no_news")
def test_try_a_clean_text_passes_and_says_what_was_not_checked(run_cli):
    code, out, _ = run_cli("try", "Our new menu is here.", "--language", "en", "--now", NOW)
    assert code == 0
    assert "note: news: off" in out and out.splitlines()[-1] == "PASS: nothing found"


@pytest.mark.usefixtures("no_news")
def test_try_refuses_a_bad_region_in_one_line(run_cli):
    code, _, err = run_cli("try", "Hello", "--region", "UK")
    assert code == 2 and err == ("safepost: error: --region: unknown region 'UK' (an ISO 3166 code such as "
                                 "US, GB, PL) (did you mean 'GB'?)\n")


@pytest.mark.usefixtures("no_news")
def test_list_shows_rules_of_one_language(run_cli):
    code, out, _ = run_cli("rules", "list", "--language", "nb")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "KIND", "LEVEL", "LANGUAGES", "SAYS"]
    ids = {row.split()[0] for row in rows}
    assert {"profanity.nb", "tone.nb", "date.no.july-22", "shooting"} <= ids
    assert "profanity.en" not in ids and "tone.pl" not in ids
    assert any(row.startswith("insult.nb ") and " word rule " in row and " flag " in row for row in rows)


@pytest.mark.usefixtures("no_news")
def test_explain_shows_what_a_rule_matches_why_and_its_examples(run_cli):
    code, out, _ = run_cli("rules", "explain", "insult.en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("insult.en  word rule, ") and "rules/words/en.yaml:" in lines[0]
    assert "level: flag, hold in a reply" in lines
    assert any(line.startswith("matches (en): idiot, moron, imbecile") for line in lines)
    assert any(line.startswith("except (en): idiot proof") for line in lines)
    assert any(line.startswith("why: Name-calling aimed at a person") for line in lines)
    assert any(line.startswith("source: 2012: a restaurant") for line in lines)
    assert '  flag (en)  "Only a moron would pay full price when our sale starts Friday."' not in lines
    assert '  flag  "Only a moron would pay full price when our sale starts Friday."' in lines


@pytest.mark.usefixtures("no_news")
def test_explain_takes_the_id_a_finding_shows_and_the_next_date(run_cli):
    code, out, _ = run_cli("rules", "explain", "incident.shooting.vocabulary")
    assert code == 0 and out.startswith("shooting  incident kind, ")
    code, out, _ = run_cli("rules", "explain", "date.pl.smolensk", "--now", "2026-03-01T00:00:00Z")
    assert "next: 2026-04-10, the 16th anniversary of the Smolensk air crash" in out.splitlines()


@pytest.mark.usefixtures("no_news")
def test_explain_an_unknown_id_suggests_the_nearest(run_cli):
    code, _, err = run_cli("rules", "explain", "insult.ne")
    assert code == 2 and err == "safepost: error: no rule 'insult.ne' in the rulebook (did you mean 'insult.nb'?)\n"


def test_init_writes_a_config_that_loads_and_never_overwrites_by_accident(run_cli, tmp_path):
    code, out, _ = run_cli("init")
    assert code == 0 and out.startswith("Wrote safepost.yaml for region US, with starter news feeds")
    path = Path(tmp_path) / "safepost.yaml"
    config = load_config(path)
    assert config.regions == ("US",) and config.timezone == "America/New_York" and config.language == "en"
    text = path.read_text(encoding="utf-8")
    for key in ("regions:", "timezone:", "language:", "feeds:", "policies:", "alerts:"):
        assert f"\n{key}" in text
    path.write_text("regions: [PL]\n", encoding="utf-8")
    code, _, err = run_cli("init")
    assert code == 2 and "already exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "regions: [PL]\n"
    code, _, _ = run_cli("init", "--force")
    assert code == 0 and load_config(path).regions == ("US",)
    assert sorted(p.name for p in Path(tmp_path).iterdir() if p.name.startswith(".tmp")) == []


def test_the_starter_config_and_the_shipped_rules_check_a_queue(run_cli, write):
    run_cli("init")
    queue = write("q.csv", "id,platform,scheduled_at,text\n1,x,2026-09-11T09:00:00-04:00,Huge sale today!\n")
    code, out, _ = run_cli("check", queue, "--now", "2026-09-10T09:00:00Z")
    assert code == 1 and "date.us.september-11" in out
