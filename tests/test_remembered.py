"""What one run learns and the next reuses: headlines read, word forms looked up. A cron job and
a publishing pipeline run safepost every minute on much the same news; they must get the same
answers as a first run, only sooner, and never an answer made under other rules."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from safepost.config import load_config
from safepost.errors import InputError
from safepost.model import Headline, Verdict
from safepost.news import detect
from safepost.news.detect import detect_incidents
from safepost.news.remembered import remembered
from safepost.rulebook import load_rulebook
from safepost.text import analyze, lemmas, matcher
from safepost.usercache import installed_stamp

NOW = datetime(2012, 7, 20, 18, 0, tzinfo=timezone.utc)
HEADLINES = [
    Headline("Gunman kills 12 at Aurora cinema during Batman premiere", "Wire", published=NOW),
    Headline("Aurora shooting: police name suspect", "Wire", published=NOW),
    Headline("Стрельба в кинотеатре в Авроре: 12 погибших", "Лента", published=NOW),
    Headline("Central bank holds rates steady", "Wire", published=NOW),
]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_run_finds_the_same_incidents_from_remembered_headlines_without_reading_them(monkeypatch):
    rulebook = load_rulebook()
    memory: dict = {}
    first = detect_incidents(HEADLINES, rulebook, NOW, memory=memory)
    assert first and len(memory) == len(HEADLINES)

    def unread(*args):
        raise AssertionError("a remembered headline was read again")

    monkeypatch.setattr(detect, "read_headline", unread)
    monkeypatch.setattr("safepost.news.reading.read_headline", unread)
    assert detect_incidents(HEADLINES, rulebook, NOW, memory=memory) == first


def test_readings_are_kept_per_rulebook_and_only_those_of_the_current_news(cache_home):
    plain, quieter = load_rulebook(), load_rulebook(levels={"incident.shooting.*": Verdict.FLAG})
    assert plain.fingerprint and quieter.fingerprint and plain.fingerprint != quieter.fingerprint
    memory = remembered(plain.fingerprint)
    detect_incidents(HEADLINES, plain, NOW, memory=memory)
    memory.save()
    assert len(remembered(plain.fingerprint)) == len(HEADLINES)
    assert len(remembered(quieter.fingerprint)) == 0
    later = remembered(plain.fingerprint)
    detect_incidents(HEADLINES[:1], plain, NOW, memory=later)
    later.save()
    assert len(remembered(plain.fingerprint)) == 1  # yesterday's headlines are not carried for ever


def test_word_forms_looked_up_once_are_answered_next_run_without_the_dictionary(cache_home, monkeypatch):
    monkeypatch.setattr(lemmas, "_KEYS", {})
    first = lemmas.keys_for("ru")("погибших")
    lemmas.keep_learned()
    monkeypatch.setattr(lemmas, "_KEYS", {})
    monkeypatch.setitem(lemmas._BACKENDS, "ru", lambda: pytest.fail("the dictionary was loaded"))
    assert lemmas.keys_for("ru")("погибших") == first and "погибший" in first


def test_rule_terms_compiled_once_are_answered_next_run_without_compiling(cache_home, monkeypatch):
    monkeypatch.setattr(matcher, "_KEPT", {})
    first = matcher.compile_term("(spike|spiked) ... drink", "en")
    matcher.keep_compiled()
    monkeypatch.setattr(matcher, "_KEPT", {})
    monkeypatch.setattr(matcher, "_compile", lambda *args: pytest.fail("the term was compiled again"))
    kept = matcher.compile_term("(spike|spiked) ... drink", "en")
    assert kept == first
    index = matcher.TermIndex()
    index.add(kept, "drugging")
    assert [m.term for m in index.find(analyze("They spiked my friend's drink", "en"))] == ["spiked ... drink"]


def test_kept_terms_that_are_damaged_or_made_by_another_matcher_are_compiled_afresh(cache_home, monkeypatch):
    monkeypatch.setattr(matcher, "_KEPT", {})
    expected = matcher.compile_term("shooter", "en")
    matcher.keep_compiled()
    kept = next((cache_home / "safepost" / "terms").glob("en-*.pickle"))
    kept.write_bytes(b"not a pickle")
    monkeypatch.setattr(matcher, "_KEPT", {})
    assert matcher.compile_term("shooter", "en") == expected
    monkeypatch.setattr(matcher, "_KEPT", {})
    matcher.compile_term("shooter", "en")
    matcher.keep_compiled()
    monkeypatch.setattr(matcher, "_KEPT", {})
    monkeypatch.setattr(matcher, "COMPILED_BY", ("matcher.py", "tokens.py"))  # another version of the matcher
    assert matcher._kept("en").terms == {}


def test_quoted_story_names_are_not_kept_between_runs(cache_home, monkeypatch):
    monkeypatch.setattr(matcher, "_KEPT", {})
    matcher.compile_term("Lakeportaville mall", "en", quoted=True)
    matcher.keep_compiled()
    assert not list((cache_home / "safepost").glob("terms/*.pickle"))


def test_gate_fresh_for_is_whole_seconds(tmp_path):
    path = tmp_path / "safepost.yaml"
    path.write_text("gate: {fresh_for: 0}\n", encoding="utf-8")
    assert load_config(path).gate_fresh_for == 0
    path.write_text("gate: {fresh_for: 1.5}\n", encoding="utf-8")
    with pytest.raises(InputError, match="whole number of seconds"):
        load_config(path)
    path.write_text("gate: {fresh: 30}\n", encoding="utf-8")
    with pytest.raises(InputError, match="did you mean 'fresh_for'"):
        load_config(path)


def test_a_damaged_remembered_reading_is_read_afresh():
    rulebook = load_rulebook()
    expected = detect_incidents(HEADLINES, rulebook, NOW)
    memory = {key: b"not a reading" for key in _keys(rulebook)}
    assert detect_incidents(HEADLINES, rulebook, NOW, memory=memory) == expected
    assert all(value != b"not a reading" for value in memory.values())


def _keys(rulebook) -> list[tuple]:
    memory: dict = {}
    detect_incidents(HEADLINES, rulebook, NOW, memory=memory)
    return list(memory)


def test_readings_made_by_another_version_of_the_reader_are_read_again(cache_home, tmp_path, monkeypatch):
    """An upgrade that reads a toll better must not meet what the old code read of yesterday's
    headlines: the kept readings are named for the code that made them."""
    from safepost.news import remembered as module

    reader = tmp_path / "reading.py"
    reader.write_text("# one version\n")
    monkeypatch.setattr(module, "read_by", lambda: (str(reader),))
    rulebook = load_rulebook()
    memory = remembered(rulebook.fingerprint)
    detect_incidents(HEADLINES, rulebook, NOW, memory=memory)
    memory.save()
    assert len(remembered(rulebook.fingerprint)) == len(HEADLINES)
    reader.write_text("# the next version\n")
    stat = reader.stat()
    os.utime(reader, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    installed_stamp.cache_clear()  # the next run is a new process
    assert len(remembered(rulebook.fingerprint)) == 0
