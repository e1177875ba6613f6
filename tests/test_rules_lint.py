"""`safepost rules lint`: every problem in a rulebook, each at its file, line and column, and a
check that refuses the same rulebook in one line."""
from __future__ import annotations

import pytest

WORD_RULE = """\
words:
  - id: brand.acme
    language: en
    level: flag
    message: Names a competitor
    terms: [acme]
"""


def lint(run_cli, write, text: str, name: str = "ours.yaml"):
    path = write(name, text)
    code, out, err = run_cli("rules", "lint", path)
    return code, out, err, path


def problems(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]


CASES = [
    pytest.param(WORD_RULE.replace("    level: flag", "    levle: flag"), "4:5",
                 "unknown key 'levle' in a word rule (did you mean 'level'?)", id="unknown-key"),
    pytest.param(WORD_RULE.replace("level: flag", "level: [flag]"), "4:12",
                 "'level' must be text", id="wrong-type"),
    pytest.param(WORD_RULE.replace("level: flag", "level: block"), "4:12",
                 "'level' must be one of flag, hold, not 'block'", id="bad-level"),
    pytest.param(WORD_RULE.replace("language: en", "language: ua"), "3:15",
                 "unknown language 'ua' (an ISO 639-1 code such as en, uk, pl) (did you mean 'uk'?)",
                 id="unknown-language"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: [acme, '!!!']"), "6:19",
                 "terms: '!!!' has no letters or digits to match", id="term-without-letters"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: [acme, 'ac*']"), "6:19",
                 "terms: prefix 'ac*' is too short (at least 3 letters)", id="short-prefix"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: ['spike...drink']"), "6:13",
                 "terms: 'spike...drink': write '...' with a space on each side ('a ... b')", id="glued-gap"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: ['(acme|globex deals']"), "6:13",
                 "terms: '(acme|globex deals': a choice is written '(one|other)', each bracket with its pair",
                 id="unpaired-bracket"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: ['acme (|) deals']"), "6:13",
                 "terms: 'acme (|) deals': a choice needs two or more options, one of them at most empty",
                 id="empty-choice"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: ['(acme|) deals']"), "6:13",
                 "terms: '(acme|) deals': a term cannot open with a word it may leave out", id="optional-opening"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: ['acme|globex']"), "6:13",
                 "terms: 'acme|globex': '|' separates choices inside brackets: '(one|other)'", id="bare-bar"),
    pytest.param(WORD_RULE.replace("terms: [acme]", "terms: ['*acme']"), "6:13",
                 "terms: '*acme': '*' works at the end of a word only ('acme*')", id="leading-star"),
    pytest.param(WORD_RULE + "    exceptions: [acme corp, 'acme*']\n", "7:29",
                 "exceptions: exception 'acme*' covers the rule's own term 'acme': the rule can never fire on it",
                 id="exception-shadows-rule"),
    pytest.param(WORD_RULE.replace("words:", "wrods:"), "1:1",
                 "unknown section 'wrods' (did you mean 'words'?)", id="unknown-section"),
    pytest.param(WORD_RULE.replace("    message: Names a competitor\n", ""), "2:5",
                 "a word rule needs 'message'", id="missing-key"),
    pytest.param("dates:\n  - id: d\n    name: a day\n    regions: [UK]\n    date: 08-01\n", "4:15",
                 "unknown region 'UK' (an ISO 3166 code such as US, GB, PL) (did you mean 'GB'?)",
                 id="unknown-region"),
    pytest.param("dates:\n  - id: d\n    name: a day\n    regions: [PL]\n    date: 2nd sun of smarch\n", "5:11",
                 "date: '2nd sun of smarch': 'smarch' is not a month (jan, feb, mar, apr, may, jun, jul, aug, "
                 "sep, oct, nov, dec)", id="bad-date-expression"),
    pytest.param("dates:\n  - id: d\n    name: a day\n    regions: [PL]\n    date: 08-01\n"
                 "    examples:\n      hold: [Sale today!]\n", "7:14",
                 "this example needs a day to be posted on", id="date-example-without-date"),
    pytest.param("words:\n  - id: x\n   language: en\n", "3:4", "did not find expected '-' indicator", id="yaml-syntax"),
    pytest.param("tone:\n  - id: t\n    language: en\n    patterns: ['(\\w+\\s?)+$']\n", "4:16",
                 "patterns: '(\\w+\\s?)+$' repeats '(\\w+\\s?)+', which repeats inside", id="nested-repeat"),
    pytest.param("tone:\n  - id: t\n    language: en\n    patterns: ['(unclosed']\n", "4:16",
                 "patterns: '(unclosed' is not a regular expression", id="bad-regex"),
]


@pytest.mark.parametrize(("text", "where", "message"), CASES)
def test_each_kind_of_error_is_reported_at_its_line_and_column(run_cli, write, text, where, message):
    code, out, _, _ = lint(run_cli, write, text)
    assert code == 2
    found = problems(out)
    assert len(found) == 1, out
    assert found[0].startswith(f"ours.yaml:{where}: error: {message}"), found[0]


def test_a_duplicate_id_points_at_the_second_and_names_the_first(run_cli, write):
    first = write("a.yaml", WORD_RULE)
    second = write("b.yaml", WORD_RULE.replace("[acme]", "[acme corp]"))
    code, out, _ = run_cli("rules", "lint", first, second)
    assert code == 2
    assert problems(out) == [f"b.yaml:2:9: error: duplicate rule id 'brand.acme' (first defined at {first}:2)"]


def test_a_duplicate_of_a_shipped_id_is_caught_too(run_cli, write):
    code, out, _, _ = lint(run_cli, write, WORD_RULE.replace("brand.acme", "insult.en"))
    assert code == 2 and "duplicate rule id 'insult.en'" in out


def test_every_problem_is_reported_not_only_the_first(run_cli, write):
    text = WORD_RULE.replace("    level: flag", "    levle: flag\n    colour: red") + """\
  - id: brand.other
    language: xx
    message: Other
    terms: [other]
  - id: brand.acme
    language: en
    message: Again
    terms: [again]
"""
    code, out, _, _ = lint(run_cli, write, text)
    assert code == 2
    assert [line.split(": error: ")[0] for line in problems(out)] == [
        "ours.yaml:4:5", "ours.yaml:5:5", "ours.yaml:9:15", "ours.yaml:12:9"]
    assert out.splitlines()[-1] == "4 errors, 0 warnings in 1 file."


def test_bad_terms_in_one_list_are_each_reported(run_cli, write):
    _, out, _, _ = lint(run_cli, write, WORD_RULE.replace("terms: [acme]", "terms: [acme, 'x*', '...', 'ok']"))
    assert [line.split(": error: ")[0] for line in problems(out)] == ["ours.yaml:6:19", "ours.yaml:6:25"]


def test_an_exception_that_never_applies_is_a_warning_and_exits_0(run_cli, write):
    code, out, _, _ = lint(run_cli, write, WORD_RULE + "    exceptions: [photo shoot]\n")
    assert code == 0
    assert problems(out) == [("ours.yaml:7:18: warning: exceptions: exception 'photo shoot' holds none of "
                              "the rule's terms in en so it never applies")]


def test_a_clean_file_says_so(run_cli, write):
    code, out, _, _ = lint(run_cli, write, WORD_RULE)
    assert (code, out) == (0, "No problems in 1 file.\n")


def test_the_shipped_rulebook_has_no_errors(run_cli):
    code, out, _ = run_cli("rules", "lint")
    assert code == 0, out
    assert ": error: " not in out


def test_check_refuses_a_broken_rulebook_in_one_line_with_the_count(run_cli, write):
    rules = write("ours.yaml", WORD_RULE.replace("    level: flag", "    levle: flag\n    colour: red"))
    queue = write("q.csv", "id,platform,scheduled_at,text\n1,x,2026-03-03T09:00:00Z,Hello\n")
    code, out, err = run_cli("check", queue, "--rules", rules, "--now", "2026-03-03T08:00:00Z")
    assert code == 2 and out == ""
    assert err == (f"safepost: error: {rules}:4:5: unknown key 'levle' in a word rule (did you mean 'level'?) "
                   "(and 1 more: run `safepost rules lint`)\n")


def test_a_config_language_typo_is_caught_with_a_hint(run_cli, write):
    write("safepost.yaml", "language: ua\n")
    queue = write("q.csv", "id,platform,scheduled_at,text\n1,x,2026-03-03T09:00:00Z,Hello\n")
    code, _, err = run_cli("check", queue)
    assert code == 2 and "unknown language 'ua'" in err and "did you mean 'uk'?" in err


def test_a_form_that_also_matches_a_commoner_word_is_a_warning_with_the_fix(run_cli, write):
    """"rocked" is also "rock": the day of an earthquake it would meet every rock concert."""
    kind = ("incident_kinds:\n  - id: quake\n    name: quake\n    severity: 3\n    triggers: {en: [quake]}\n"
            "    vocabulary: {en: [rocked, '=rocking', shaky]}\n")
    code, out, _, _ = lint(run_cli, write, kind)
    assert code == 0
    assert problems(out) == ["ours.yaml:6:23: warning: vocabulary: 'rocked' also matches 'rock', a commoner word: "
                             "write '=rocked' for this form only"]
