"""A malicious or broken rulebook never crashes safepost or eats the machine: one line, exit 2."""
from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from safepost.rulebook import read_rulebook
from safepost.yamlsafe import MAX_BYTES

QUEUE = "id,platform,scheduled_at,text\n1,x,2026-03-03T09:00:00Z,Hello\n"
LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
words: [*i]
"""


def one_line_error(run_cli, *args) -> str:
    code, out, err = run_cli(*args)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("safepost: error: "), err
    return err


def test_a_billion_laughs_alias_bomb_is_refused_at_the_first_alias(run_cli, write):
    bomb = write("bomb.yaml", LAUGHS)
    queue = write("q.csv", QUEUE)
    err = one_line_error(run_cli, "check", queue, "--rules", bomb)
    assert f"{bomb}:2:8: anchors and aliases (*name) are not allowed" in err
    code, out, _ = run_cli("rules", "lint", bomb)
    assert code == 2 and "bomb.yaml:2:8: error: anchors and aliases" in out


def test_a_50_mb_rulebook_is_refused_before_it_is_read(run_cli, write, tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:  # sparse: 50 MB on paper, no disk used
        handle.truncate(50 * 1024 * 1024)
    queue = write("q.csv", QUEUE)
    err = one_line_error(run_cli, "check", queue, "--rules", str(big))
    assert f"{big}: file is 52,428,800 bytes; the limit is {MAX_BYTES:,}" in err
    tracemalloc.start()
    try:
        _, problems = read_rulebook([big])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [problem.message for problem in problems] == [f"file is 52,428,800 bytes; the limit is {MAX_BYTES:,}"]
    assert peak < 1024 * 1024


def test_deep_nesting_and_bad_bytes_are_one_line(run_cli, write):
    queue = write("q.csv", QUEUE)
    deep = write("deep.yaml", "words: " + "[" * 50_000)
    assert "deep.yaml" in one_line_error(run_cli, "check", queue, "--rules", deep)
    latin1 = write("latin1.yaml", "words:\n  - id: x\n    message: caf\xe9\n".encode("latin-1"))
    assert f"{latin1}:3: not valid UTF-8 (byte 0xe9)" in one_line_error(run_cli, "check", queue, "--rules", latin1)


def test_a_nested_repeat_pattern_is_refused_when_read(run_cli, write):
    tone = write("tone.yaml", "tone:\n  - id: tone.ours\n    language: en\n    patterns: ['(a+)+$']\n")
    queue = write("q.csv", QUEUE)
    err = one_line_error(run_cli, "check", queue, "--rules", tone)
    assert f"{tone}:4:16: patterns: '(a+)+$' repeats '(a+)+'" in err


@pytest.mark.timeout(60)  # a hang guard: without the limit these patterns run for years
@pytest.mark.parametrize("pattern", ["(a|aa)+$", "(.*a){6}z"])
def test_a_pattern_that_backtracks_on_a_probe_is_refused_with_its_rule_file_and_line(run_cli, write, pattern):
    tone = write("tone.yaml", f"tone:\n  - id: tone.ours\n    language: en\n    patterns: ['{pattern}']\n")
    code, out, _ = run_cli("rules", "lint", tone)
    assert code == 2
    assert f"tone.yaml:4:16: error: patterns: '{pattern}' in rule tone.ours ran for more than 0.1 s" in out
    queue = write("q.csv", QUEUE)
    assert f"{tone}:4:16: patterns: '{pattern}' in rule tone.ours" in one_line_error(run_cli, "check", queue,
                                                                                        "--rules", tone)


@pytest.mark.timeout(60)
def test_a_pattern_that_times_out_on_a_post_is_a_not_evaluated_flag_and_the_check_goes_on(run_cli, write):
    """'(x.*y){7}q', with its letters written as escapes so that no probe mixes an x with a y,
    passes the probes (it fails fast on a long run of one letter) but not 'xyxy...'; spelled out,
    the probe of its own letters in turn ('7qxy...') stops it on a slow machine. The post does
    not sell: a selling post reads as selling, and its joking patterns are not run."""
    tone = write("tone.yaml", "tone:\n  - id: tone.ours\n    language: en\n    promotional: [sale]\n"
                              "    sincere: [remember]\n    joking_patterns: ['(\\x78.*\\x79){7}q']\n")
    write("safepost.yaml", "news: off\n")
    queue = write("q.csv", "id,platform,scheduled_at,text,region,language\n"
                           f"p1,linkedin,2026-08-01T10:00:00+02:00,Big day today {'xy' * 600},PL,en\n"
                           "p2,linkedin,2026-08-01T10:00:00+02:00,Good morning,PL,en\n")
    code, out, err = run_cli("check", queue, "--rules", tone, "--format", "json", "--now",
                             "2026-08-01T08:00:00Z", "--approved-out", "approved.csv", "--fail-on", "flag")
    assert code == 1, err
    posts = {post["id"]: post for post in json.loads(out)["posts"]}
    [skipped] = [f for f in posts["p1"]["findings"] if f["check"] == "unevaluated"]
    assert skipped["verdict"] == "flag" and skipped["rule"] == "tone.ours"
    assert "not evaluated" in skipped["message"] and "timed out" in skipped["message"]
    assert posts["p2"]["verdict"] == "pass"
    assert "p2" in (Path(queue).parent / "approved.csv").read_text()


def test_a_province_written_as_a_list_is_one_line_naming_the_file_and_line(run_cli, write):
    queue = write("q.csv", QUEUE)
    places = write("places.yaml", "places:\n  - id: places.test\n    region: RU\n    names: {ru: [Кемерово]}\n"
                                  "    provinces:\n      ru: [Кузбасс, Кемерово]\n")
    err = one_line_error(run_cli, "check", queue, "--rules", places)
    assert f"{places}:6" in err and "provinces" in err, err


def test_a_route_without_its_place_mark_is_one_line_naming_the_file_and_line(run_cli, write):
    queue = write("q.csv", QUEUE)
    lexicon = write("lexicon.yaml", "news_lexicon:\n  - id: lexicon.test\n    language: en\n    death: [dead]\n"
                                    "    routes: [\"from … to\", \"from to\"]\n")
    err = one_line_error(run_cli, "check", queue, "--rules", lexicon)
    assert f"{lexicon}:5" in err and "'from to'" in err and "…" in err, err
