"""`safepost rules test`: the examples written inside rules, run through the real gate in the
situation they describe, for every kind of rule; and `--coverage`, the rules that prove too little."""
from __future__ import annotations

RULES = """\
words:
  - id: brand.acme
    language: en
    message: Names a competitor
    terms: [acme]
    examples:
      flag: ["We beat Acme every day"]
      pass: ["We beat everyone every day"]

incident_kinds:
  - id: flood
    name: flood
    severity: 3
    min_severity: 3
    triggers: {en: [flooding], pl: [powódź]}
    vocabulary: {en: [wave, soaked], pl: [fala]}
    examples:
      hold: {en: ["Ride the wave of savings!"], pl: ["Fala promocji!"]}
      pass:
        en: ["Ride the bus to our shop!", {text: "A wave of savings", severity: 2}]
        pl: ["Nowa kolekcja już jest"]

incidents:
  - id: incident.ours.fire
    title: Warehouse fire in Springfield
    kind: fire
    severity: 3
    terms: {en: [Springfield]}
    start: 2026-05-01T08:00:00Z
    until: 2026-05-03T08:00:00Z
    examples:
      hold: ["Springfield deals all week!"]
      pass: ["New deals all week!", {text: "Springfield deals all week!", date: 2026-05-04}]

topics:
  - id: topic.ours
    name: the old mill
    subject: {en: [old mill]}
    cues: {en: [collapse]}
    examples:
      hold: ["Prices collapse at the Old Mill!"]
      pass: ["Coffee at the Old Mill"]

dates:
  - id: date.ours.founders
    name: Founders' Day
    regions: [PL]
    date: 06-15
    asks: {every_post: off, promotional: hold, mentions: hold}
    terms: {pl: [założyciel], en: [founder]}
    examples:
      context: {date: 2026-06-15, region: PL}
      hold: {pl: ["Mega wyprzedaż dziś!"], en: ["Big sale on Founders' Day"]}
      pass: {pl: ["Dzień dobry"], en: [{text: "Big sale!", date: 2026-06-16}, "We remember them today"]}

tone:
  - id: tone.ours
    language: en
    promotional: [mega deal]
    sincere: [heartfelt]
    examples:
      promotional: ["A mega deal for you"]
      sincere: ["Our heartfelt thanks"]
      neutral: ["A plain note"]
"""


def test_examples_of_every_kind_of_rule_pass(run_cli, write):
    ours = write("ours.yaml", RULES)
    code, out, _ = run_cli("rules", "test", ours)
    assert code == 0, out
    assert out == "20 examples in 6 rules: all pass\n"


def test_a_failure_shows_the_text_and_what_fired_instead(run_cli, write):
    broken = RULES.replace('flag: ["We beat Acme every day"]', 'flag: ["We beat everyone, no fucking contest"]')
    broken = broken.replace('pass: ["We beat everyone every day"]', 'pass: ["ACME rocks"]')
    ours = write("ours.yaml", broken)
    code, out, _ = run_cli("rules", "test", ours)
    assert code == 1
    lines = out.splitlines()
    assert lines[:6] == [
        "FAIL brand.acme  ours.yaml:7:14",
        "  flag example (en): \"We beat everyone, no fucking contest\"",
        "  got pass; fired: profanity.en flag 'fucking'",
        "FAIL brand.acme  ours.yaml:8:14",
        "  pass example (en): \"ACME rocks\"",
        "  got flag; fired: brand.acme flag 'ACME'",
    ]
    assert lines[-1] == "20 examples in 6 rules: 2 failed"


def test_a_date_example_on_the_wrong_day_says_nothing_fired(run_cli, write):
    ours = write("ours.yaml", RULES.replace("context: {date: 2026-06-15, region: PL}",
                                            "context: {date: 2026-06-14, region: PL}"))
    code, out, _ = run_cli("rules", "test", ours)
    assert code == 1
    assert "  got pass; fired: nothing" in out
    assert "FAIL date.ours.founders  ours.yaml:53:19" in out


def test_only_the_named_files_are_tested(run_cli, write):
    ours = write("ours.yaml", RULES)
    other = write("other.yaml", "words:\n  - {id: other, language: en, message: m, terms: [zzz], "
                                "examples: {flag: [nothing here]}}\n")
    code, out, _ = run_cli("rules", "test", ours)
    assert code == 0 and "other" not in out
    code, out, _ = run_cli("rules", "test", other)
    assert code == 1 and out.splitlines()[-1] == "1 example in 1 rule: 1 failed"


def test_coverage_lists_rules_and_languages_without_both_sides(run_cli, write):
    thin = RULES.replace('      pass: ["We beat everyone every day"]\n', "")
    thin = thin.replace('        pl: ["Nowa kolekcja już jest"]\n', "")
    thin = thin.replace('      sincere: ["Our heartfelt thanks"]\n', "")
    ours = write("ours.yaml", thin + "  - {id: tone.bare, language: pl, sincere: [żal]}\n")
    code, out, _ = run_cli("rules", "test", "--coverage", ours)
    assert code == 1
    assert out.splitlines()[:5] == [
        "4 rules do not show both sides:",
        "  brand.acme  ours.yaml:2: nothing it must let through",
        "  flood  ours.yaml:10: nothing it must let through in pl",
        "  tone.ours  ours.yaml:55: no sincere example",
        "  tone.bare  ours.yaml:62: no sincere example; nothing it must let through",
    ]


def test_the_shipped_rulebook_passes_its_examples_and_covers_every_language(run_cli):
    code, out, _ = run_cli("rules", "test", "--coverage")
    assert code == 0, out
    assert out.endswith(": all pass\n") and "do not show both sides" not in out


def test_a_file_in_the_config_and_on_the_command_line_is_read_once(run_cli, write):
    write("our-rules/ours.yaml", RULES)
    write("safepost.yaml", "rules: [our-rules/]\n")
    code, out, _ = run_cli("rules", "test", "our-rules/ours.yaml")
    assert (code, out) == (0, "20 examples in 6 rules: all pass\n")
    code, out, _ = run_cli("rules", "lint", "our-rules")
    assert (code, out) == (0, "No problems in 1 file.\n")


def test_a_choice_in_a_term_matches_each_option_in_its_forms_and_as_a_hashtag(run_cli, write):
    ours = write("ours.yaml", """\
words:
  - id: brand.rivals
    language: en
    level: flag
    message: Names a competitor's sale
    terms: ["(acme|globex industries) (mega|) (sale|deal)"]
    examples:
      flag: ["Beat the Acme sale!", "Globex Industries deals are back", "#GlobexIndustriesSale", "ACME DEALS",
             "the Acme mega sale", "#AcmeMegaDeal"]
      pass: ["Acme quality", "Industries sale", "Globex sale", "a deal with Acme", "Acme giga sale"]
""")
    code, out, _ = run_cli("rules", "test", ours)
    assert code == 0, out
    assert out == "11 examples in 1 rule: all pass\n"
