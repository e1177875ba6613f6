"""Run the examples written inside rules (`safepost rules test`) and find the rules that prove too
little (`--coverage`). Pure: a rulebook in, outcomes out.

Each example is posted through the real gate, in the situation it describes: on its `date`, for its
`region`, as a reply when it has `reply_to`; an incident kind's examples are posted while an
incident of that kind is in the news, a hand-entered incident's while it is active. The example
passes when the rule's own findings come to exactly the level it expects; what else fired is
reported with a failure, because that is usually the clue.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from safepost.model import Finding, Incident, Post, Verdict
from safepost.rulebook import Rulebook, rule_languages
from safepost.rulebook.examples import TONES, VERDICTS, Example

DEFAULT_MOMENT = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)  # a day no shipped date rule is on
INCIDENT_AGE = timedelta(hours=1)  # an incident kind's examples are posted an hour into the incident


@dataclass(frozen=True)
class Fired:
    rule: str
    what: str  # a level, or a tone
    match: str = ""


@dataclass(frozen=True)
class Outcome:
    section: str
    rule: object
    example: Example
    language: str | None
    got: str  # what the rule did: hold, flag, pass (tone: promotional, sincere, neutral)
    fired: tuple[Fired, ...]  # everything that fired on the text

    @property
    def passed(self) -> bool:
        return self.got == self.example.expect


@dataclass(frozen=True)
class Gap:
    """A rule that does not prove both sides (in one of its languages, when `language` is set)."""

    section: str
    rule: object
    missing: str  # "catch", "pass", or for tone the cue list ("promotional", "sincere")
    language: str | None = None


def covered_languages(section: str, rule) -> tuple[str, ...]:
    """The languages a rule has words in: each should show its examples."""
    return tuple(language for language in rule_languages(section, rule) if language != "any")


TESTED = ("words", "incident_kinds", "incidents", "topics", "dates", "tone")


def example_language(section: str, rule, example: Example) -> str | None:
    """The example's own language, else the rule's first."""
    if example.language:
        return example.language
    languages = covered_languages(section, rule)
    return languages[0] if languages else None


def tested_rules(rulebook: Rulebook, files: set[Path] | None = None) -> list[tuple[str, object]]:
    """The rules that can carry examples; with `files` (resolved paths), only those written there."""
    return [(section, rule) for section in TESTED for rule in rulebook.rules(section)
            if files is None or Path(rule.path).resolve() in files]


def run_examples(rulebook: Rulebook, rules: list[tuple[str, object]]) -> list[Outcome]:
    """Every example of the given rules, in the rules' order. Give it a rulebook read without a
    config's audience (read_rulebook): an example says its own region, or has none."""
    return [_run(rulebook, section, rule, example) for section, rule in rules for example in rule.examples.items]


def _run(rulebook: Rulebook, section: str, rule, example: Example) -> Outcome:
    language = example_language(section, rule, example)
    if section == "tone":
        return _run_tone(rule, example, language)
    from safepost import gate

    moment = _moment(section, rule, example)
    context = example.context
    post = Post(id="example", platform=context.get("platform", "example"), scheduled_at=moment,
                text=example.text, region=context.get("region"), language=language,
                reply_to=context.get("reply_to"))
    [decision] = gate.check([post], _incidents(section, rule, example, moment), rulebook, moment)
    owns = OWNS[section]
    mine = [finding.level for finding in decision.findings if owns(rule, finding)]
    got = str(max(mine, default=Verdict.PASS))
    fired = tuple(Fired(f.rule, str(f.level), f.match) for f in decision.findings)
    return Outcome(section, rule, example, language, got, fired)


OWNS: dict[str, Callable[[object, Finding], bool]] = {
    "words": lambda rule, finding: finding.rule == rule.id,
    "topics": lambda rule, finding: finding.rule == rule.id,
    "dates": lambda rule, finding: finding.rule == rule.id,
    "incident_kinds": lambda rule, finding: finding.rule == f"incident.{rule.id}.vocabulary",
    "incidents": lambda rule, finding: finding.evidence.get("incident_id") == rule.id,
}


def _moment(section: str, rule, example: Example) -> datetime:
    """When the example is posted: its date (noon in its region's zone for a bare day), else an
    hour into a hand-entered incident, else an ordinary day."""
    when = example.context.get("date")
    if isinstance(when, datetime):
        return when
    if isinstance(when, date):
        from safepost.calendar import REGION_TIMEZONES

        zone = REGION_TIMEZONES.get(example.context.get("region") or "", "UTC")
        return datetime.combine(when, time(12), ZoneInfo(zone))
    if section == "incidents":
        return rule.start + INCIDENT_AGE
    return DEFAULT_MOMENT


def _incidents(section: str, rule, example: Example, moment: datetime) -> list[Incident]:
    if section == "incidents":
        from safepost.news.detect import from_manual

        return [from_manual(rule)]
    if section != "incident_kinds":
        return []
    severity = example.context.get("severity", max(rule.severity, rule.min_severity))
    return [Incident(id=f"example-{rule.id}", title=f"an example {rule.name}", kind=rule.id,
                     severity=severity, terms=(), started=moment - INCIDENT_AGE,
                     active_until=moment + timedelta(hours=rule.window_hours))]


def _run_tone(rule, example: Example, language: str | None) -> Outcome:
    from safepost.text import analyze
    from safepost.text.tone import build_cues, read_tone

    tone = read_tone(analyze(example.text, language), build_cues([rule], language))
    found = [(name, cue) for name, cue in (("promotional", tone.promotional), ("joking", tone.joking),
                                          ("sincere", tone.sincere or tone.declined)) if cue]
    tones = [name for name, _ in found]
    got = example.expect if example.expect in tones else (tones[0] if tones else "neutral")
    fired = tuple(Fired(rule.id, name, cue.text) for name, cue in found)
    return Outcome("tone", rule, example, language, got, fired)


def coverage(rules: list[tuple[str, object]]) -> list[Gap]:
    """Rules without an example they must catch or one they must let through, overall and in
    each language they have words in."""
    gaps = []
    for section, rule in rules:
        for side, expects in _sides(section, rule):
            shown = {example_language(section, rule, example) for example in rule.examples.items
                     if example.expect in expects}
            if not shown:
                gaps.append(Gap(section, rule, side))
                continue
            gaps += [Gap(section, rule, side, language) for language in covered_languages(section, rule)
                     if language not in shown]
    return gaps


def _sides(section: str, rule) -> list[tuple[str, tuple[str, ...]]]:
    """Each side a rule must show; a tone entry proves each cue list it has, and a neutral text.
    An incident kind with no words for posts (a tragedy remembered) only reads headlines: its
    tests show that, not post examples."""
    if section == "incident_kinds" and not rule.vocabulary:
        return []
    if section != "tone":
        return [("catch", VERDICTS[:2]), ("pass", VERDICTS[2:])]
    lists = (("promotional", rule.cues("promotional") or rule.patterns),
             ("joking", rule.cues("joking") or rule.joking_patterns), ("sincere", rule.cues("sincere")))
    return [(tone, (tone,)) for tone, has in lists if has] + [("pass", TONES[3:])]
