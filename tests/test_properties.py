"""Property-based tests: whatever the input, a result or a clean error, never a traceback; and
spans always point back into the text the user wrote."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepost.errors import InputError
from safepost.rulebook import load_rulebook
from safepost.rulebook.dateexpr import DateExprError, parse_date_expr
from safepost.text import analyze
from safepost.text.normalize import clean_for_terminal, normalize
from safepost.yamlsafe import load_text

# Text that looks like what people paste: letters of the six languages, marks, invisible and
# control characters, emoji, hashtags, links.
ALPHABET = st.sampled_from(list(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ ąęłśźżÓ æøå əğışçöü АаВЕКМНОРСТХабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
    "0123456789 .,!?:;'\"’-_#@/()[]*|<>\n\t\u200b\u200c\u200d\u2060\u00ad\u202e\u202c\u0301\ufe0f\x1b\x07\x00"
    "ｓｈ👍🏽👨‍👩‍👧日本"))
TEXTS = st.text(ALPHABET, max_size=200) | st.text(max_size=100)
LANGUAGES = st.sampled_from(["en", "ru", "uk", "pl", "nb", "az", None])
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_normalize_maps_every_character_back_into_the_original(text):
    norm, index = normalize(text)
    if index is None:
        assert norm == text
    else:
        assert len(index) == len(norm)
        assert all(0 <= i < len(text) for i in index)
        assert index == sorted(index)


@SETTINGS
@given(TEXTS, LANGUAGES)
def test_analysis_spans_point_into_the_text(text, language):
    analysis = analyze(text, language)
    for token in analysis.tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert token.keys and token.keys[0] == token.norm
    for tag in analysis.hashtags:
        assert text[tag.start:tag.end] == tag.text


@SETTINGS
@given(TEXTS)
def test_terminal_cleaning_keeps_length_and_removes_controls(text):
    cleaned = clean_for_terminal(text)
    assert len(cleaned) == len(text)
    assert not any(ord(c) < 0x20 and c != "\n" for c in cleaned)
    assert "\x1b" not in cleaned and "\u202e" not in cleaned


@SETTINGS
@given(st.text(max_size=300))
def test_any_yaml_text_loads_or_is_a_clean_error(text):
    try:
        load_text(text, "rules.yaml")
    except InputError as exc:
        assert str(exc).startswith("rules.yaml:")
        assert "\n" not in str(exc)  # the CLI prints it as one line


YAML_PIECES = st.sampled_from([
    "words:\n", "  - id: a\n", "    language: en\n", "    message: m\n", "    terms: [x]\n", "    level: hold\n",
    "    terms: [\"a ... b\"]\n", "    terms: ['...']\n", "    terms: [x*]\n", "    language: no\n",
    "dates:\n", "  - id: d\n", "    name: n\n", "    regions: [PL]\n", "    date: 4th sat of nov\n",
    "    date: easter+60\n", "    date: 02-30\n", "topics:\n", "incidents:\n", "  - 1\n", "x: &a [1]\n", "y: *a\n",
    "    examples: {flag: [x]}\n", ": :\n", "\t\n", "- - -\n",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(st.lists(YAML_PIECES, max_size=12))
def test_any_rulebook_loads_or_is_one_clean_error(tmp_path, pieces):
    path = tmp_path / "rules.yaml"
    path.write_text("".join(pieces), encoding="utf-8")
    try:
        load_rulebook([path], include_shipped=False)
    except InputError as exc:
        assert exc.path == str(path)


@SETTINGS
@given(st.text(max_size=60) | st.from_regex(
    r"(\d{1,2}-\d{1,2}|(1st|2nd|last|5th) (mon|sat|fri) of (jan|may|nov|feb)|easter|orthodox easter)([+-]\d{1,4})?",
    fullmatch=True))
def test_any_date_expression_parses_or_says_why(text):
    try:
        expression = parse_date_expr(text)
    except DateExprError as exc:
        assert str(exc)
        return
    for year in (1999, 2024, 2100):
        day = expression.on(year)
        assert day is None or isinstance(day, date)
