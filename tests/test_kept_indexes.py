"""A rule index (a language's word rules, its tone cues, the gazetteer) is kept in the user's
cache once built: a one-post `gate` reads it in a few milliseconds instead of building it again."""
import pytest

from safepost.checks import _rule_matches
from safepost.errors import InputError
from safepost.gate import read_post
from safepost.rulebook import load_rulebook
from safepost.rulebook.fields import collecting_problems
from safepost.text.matcher import TermIndex

POST = "Spike your best friend's eggnog when they're not looking 😈"


def found(rulebook):
    return [(m.payload.id, m.text) for m in _rule_matches(rulebook, "en", read_post(POST, "en", rulebook))]


def test_a_kept_word_index_is_read_back_and_points_at_the_rules_in_use(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = found(load_rulebook())
    assert first and list((tmp_path / "safepost" / "built").glob("index-words-terms-en-*.pickle"))

    def refuse(*args, **kwargs):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(TermIndex, "add", refuse)
    rulebook = load_rulebook()
    assert found(rulebook) == first
    rules = {id(rule) for rule in rulebook.rules("words")}
    terms, _ = rulebook.word_index("en")
    assert all(id(m.payload) in rules for m in terms.find(read_post(POST, "en", rulebook)))


def test_a_team_rule_is_in_its_own_rulebook_s_kept_index(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert not [m for m in found(load_rulebook()) if m[0] == "team.eggnog"]
    extra = tmp_path / "words.yaml"
    extra.write_text("words:\n  - id: team.eggnog\n    category: insult\n    language: en\n    level: flag\n"
                     "    message: No eggnog jokes here\n    terms: [eggnog]\n", encoding="utf-8")
    assert ("team.eggnog", "eggnog") in found(load_rulebook([extra]))


def test_a_lint_keeps_no_index_it_built_past_a_bad_term(tmp_path, monkeypatch):
    """`rules test` reports a bad term and reads on; a check must still stop at it, so what was
    built without it is not kept for the check to read back."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    extra = tmp_path / "words.yaml"
    extra.write_text("words:\n  - id: team.broken\n    category: insult\n    language: en\n    level: flag\n"
                     "    message: Broken\n    terms: ['ab*']\n", encoding="utf-8")
    with collecting_problems() as problems:
        load_rulebook([extra]).word_index("en")
    assert [problem.message for problem in problems] == ["terms: prefix 'ab*' is too short (at least 3 letters)"]
    with pytest.raises(InputError, match="too short"):
        load_rulebook([extra]).word_index("en")
