"""What rule authors read: lint problems as `file:line:col: error: message`, failed examples with
what fired instead, a finding shown like a compiler diagnostic (the text, a caret line under the
span, the rule, its note), and the rulebook listed and explained. Plain lines with click styles:
rule and post text is data, cleaned of terminal control characters before it is printed."""
from __future__ import annotations

import os
from datetime import date
from typing import Callable

import click

from safepost.errors import InputError
from safepost.model import Decision, Finding
from safepost.render import safe
from safepost.render.layout import Ink, cells, terminal_width, wrap_ranges

LEVEL_COLOURS = {"hold": "red", "flag": "yellow", "pass": "green", "error": "red", "warning": "yellow",
                 "fail": "red"}
SECTION_NAMES = {"words": "word rule", "incident_kinds": "incident kind", "incidents": "hand-entered incident",
                 "topics": "standing topic", "dates": "sensitive date", "tone": "tone cues",
                 "news_lexicon": "news lexicon", "places": "places", "works": "famous works",
                 "trades": "trade"}
MIN_SAYS = 24  # narrower than this, a rule's SAYS column goes under its row instead


def _ink() -> Ink:
    """Plain lines at the terminal's width (COLUMNS, else the terminal, else 80); colour is
    added with click styles and dropped by click when the output is piped."""
    return Ink(False, terminal_width())


def shown_path(path: str | None) -> str:
    """Relative to the working directory when inside it: short, and still clickable."""
    if not path:
        return ""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def location(path: str | None, line: int | None = None, column: int | None = None) -> str:
    return ":".join(str(part) for part in (shown_path(path), line, column) if part)


def label(word: str) -> str:
    return click.style(word, fg=LEVEL_COLOURS.get(word.lower()), bold=True)


# lint

def problem_line(problem: InputError, severity: str) -> str:
    where = location(problem.path, problem.line, problem.column)
    return f"{where}: {label(severity)}: {safe(problem.message)}" if where else \
        f"{label(severity)}: {safe(problem.message)}"


def lint_summary(errors: int, warnings: int, files: int) -> str:
    if not errors and not warnings:
        return f"No problems in {plural(files, 'file')}."
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}."


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


# rules test

def failure_lines(outcome) -> list[str]:
    example = outcome.example
    language = f" ({outcome.language})" if outcome.language else ""
    fired = "; ".join(f"{safe(f.rule)} {f.what}" + (f" '{safe(f.match)}'" if f.match else "")
                      for f in outcome.fired) or "nothing"
    return [f"{label('FAIL')} {outcome.rule.id}  {location(outcome.rule.path, example.line, example.column)}",
            f"  {example.expect} example{language}: \"{safe(example.text)}\"",
            f"  got {outcome.got}; fired: {fired}"]


def gap_lines(gaps) -> list[str]:
    """One line a rule, naming each side it does not show and in which languages."""
    by_rule: dict[int, tuple[object, dict[str, list]]] = {}
    for gap in gaps:
        _, sides = by_rule.setdefault(id(gap.rule), (gap.rule, {}))
        sides.setdefault(gap.missing, []).append(gap.language)
    lines = []
    for rule, sides in by_rule.values():
        missing = "; ".join(GAP_TEXT[side] + (f" in {', '.join(languages)}" if languages != [None] else "")
                            for side, languages in sides.items())
        lines.append(f"{rule.id}  {location(rule.path, rule.line)}: {missing}")
    return lines


GAP_TEXT = {"catch": "nothing it must catch", "pass": "nothing it must let through",
            "promotional": "no promotional example", "sincere": "no sincere example"}


# try

def finding_lines(text: str, finding: Finding, rule_id: str | None) -> list[str]:
    """The finding as rustc or ruff would show it: header, the line with the span underlined,
    then the note, the source and where to read more."""
    level = str(finding.level)
    ink = _ink()
    lines = ink.block(f"{label(level)}[{safe(finding.rule)}]: ", safe(finding.message), indent=4)
    if finding.span and finding.check != "platform":
        lines += _snippet(text, *finding.span, level)
    evidence = finding.evidence
    for key in ("note", "source"):
        if evidence.get(key):
            lines += ink.block(f"   = {key}: ", safe(evidence[key]), indent=5)
    for headline in evidence.get("headlines", ())[:1]:
        lines += ink.block("   = headline: ", f"\"{safe(headline['title'])}\" ({safe(headline.get('source', ''))})",
                           indent=5)
    if rule_id:
        lines += ink.block("   = help: ", f"`safepost rules explain {rule_id}` shows what it matches; "
                                          f"`levels: {{{finding.rule}: off}}` in safepost.yaml turns this finding off",
                           indent=5)
    return lines


def _snippet(text: str, start: int, end: int, level: str) -> list[str]:
    """The post's line with the span underlined; a line wider than the terminal is wrapped at
    word boundaries, with the carets under the part of the span each piece holds."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    number = str(text.count("\n", 0, start) + 1)
    gutter = " " * len(number)
    source = safe(text[line_start:line_end])
    first, last = start - line_start, min(end, line_end) - line_start
    lines = [f"{gutter} --> line {number}, column {first + 1}", f"{gutter} |"]
    for piece, (left, right) in enumerate(wrap_ranges(source, max(20, terminal_width() - len(number) - 3))):
        lines.append(f"{number if piece == 0 else gutter} | {source[left:right]}".rstrip())
        if first < right and last > left or (first == last and left <= first <= right):
            offset = cells(source[left:max(first, left)])
            width = max(1, cells(source[max(first, left):min(last, right)]))
            lines.append(f"{gutter} | {' ' * offset}" + click.style("^" * width, fg=LEVEL_COLOURS[level], bold=True))
    return lines


def verdict_line(decision: Decision) -> str:
    count = len(decision.findings)
    if not count:
        return f"{label('PASS')}: nothing found"
    return f"{label(str(decision.verdict).upper())}: {plural(count, 'finding')}"


# rules list / explain

def rule_table(rows: list[tuple[str, str, str, str, str]]) -> list[str]:
    """Aligned columns: id, kind, level, languages, what it says. SAYS wraps under itself; on a
    terminal too narrow for it, it goes on the lines under its row, indented."""
    header = ("ID", "KIND", "LEVEL", "LANGUAGES", "SAYS")
    widths = [max(cells(row[i]) for row in [header, *rows]) for i in range(4)]
    ink = _ink()
    says_at = sum(widths) + 2 * 4
    beside = ink.width - says_at >= MIN_SAYS
    lines = []
    for row in [header, *rows]:
        cells_ = [cell + " " * (width - cells(cell)) for cell, width in zip(row[:4], widths)]
        if beside:
            lines += ink.block("  ".join(cells_) + "  ", safe(row[4]), prefix_cells=says_at)
        elif row is header:
            lines.append("  ".join(cells_) + "  SAYS")  # under each row
        else:
            lines += ink.block("  ".join(cells_[:3]) + "  ", row[3], prefix_cells=says_at - widths[3] - 2)
            if row[4]:
                lines += ink.block("    ", safe(row[4]))
    return lines


def level_text(rule) -> str:
    level = getattr(rule, "level", None)
    return str(level) if level is not None else "-"


def explanation(section: str, rule, facts: list[tuple[str, str]],
                dodges: Callable[[object], list[tuple[str, str]]] = lambda example: []) -> list[str]:
    """A rule's page: what it is, what it matches (`facts`), why, where from, its examples, each
    with the dodges in it read as words (`dodges(example)`: 'f*ck' read as 'fuck')."""
    lines = [click.style(rule.id, bold=True) + f"  {SECTION_NAMES.get(section, section)}, "
             f"{location(rule.path, rule.line)}"]
    for name, value in facts:
        lines += _wrapped(name, value)
    for key in ("message", "note", "source"):
        if getattr(rule, key, ""):
            lines += _wrapped("why" if key == "note" else key, getattr(rule, key))
    examples = getattr(rule, "examples", None)
    if examples and examples.items:
        if examples.context:
            lines += _wrapped("examples in", ", ".join(f"{k}: {_value(v)}" for k, v in examples.context.items()))
        lines.append("examples:")
        for example in examples.items:
            language = f" ({example.language})" if example.language else ""
            own = ", ".join(f"{key}: {_value(value)}" for key, value in example.context.items()
                            if examples.context.get(key) != value)
            read = "; ".join(f"'{written}' read as '{word}'" for written, word in dodges(example))
            lines.append(f"  {label(example.expect)}{language}  \"{safe(example.text)}\"" + (f"  ({own})" if own else "")
                         + (f"  [{safe(read)}]" if read else ""))
    return lines


def _value(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _wrapped(name: str, value: str) -> list[str]:
    """'name: value', the value wrapped under itself, never a word cut in two."""
    return _ink().block(f"{name}: ", safe(value)) if value else [f"{name}:"]


def rule_facts(section: str, rule, today: date) -> list[tuple[str, str]]:
    """What a rule matches and when it applies, in the words of its own section."""
    facts = FACTS.get(section)
    return facts(rule, today) if facts else []


def _terms(name: str, terms: dict) -> list[tuple[str, str]]:
    """('matches (en)', 'shoot, shooter') for each language with terms."""
    return [(f"{name} ({language})", ", ".join(term.text for term in found))
            for language, found in terms.items() if found]


def _word_facts(rule, today: date) -> list[tuple[str, str]]:
    level = f"{rule.level}" + (f", {rule.in_reply} in a reply" if rule.in_reply else "")
    level += ", only in replies" if rule.replies_only else ""
    return [("level", level), ("category", rule.category), *_terms("matches", rule.terms),
            *_terms("except", rule.exceptions)]


def _kind_facts(rule, today: date) -> list[tuple[str, str]]:
    return [("level", f"{rule.level} for its words while such an incident is in the news"),
            ("severity", f"{rule.severity} (its words apply from {rule.min_severity})"),
            ("active", f"{rule.window_hours:g} hours after the last headline"),
            *_terms("headlines with", rule.triggers), *_terms("but not", rule.not_triggers),
            *_terms("words that hurt", rule.vocabulary), *_terms("except", rule.vocabulary_exceptions)]


def _incident_facts(rule, today: date) -> list[tuple[str, str]]:
    return [("title", rule.title), ("kind", rule.kind), ("level", str(rule.level)),
            ("active", f"{rule.start.isoformat()} to {rule.until.isoformat()}"),
            ("regions", ", ".join(rule.regions) or "everywhere"), *_terms("matches", rule.terms)]


def _topic_facts(rule, today: date) -> list[tuple[str, str]]:
    return [("level", f"{rule.level} when a post names the subject and uses a cue"),
            *_terms("subject", rule.subject), *_terms("cues", rule.cues)]


def _date_facts(rule, today: date) -> list[tuple[str, str]]:
    from safepost.calendar import asks_text, describe
    from safepost.rulebook.dates import DateIndex

    coming = DateIndex([rule]).between(today, date(today.year + 2, 12, 31))
    facts = [("date", rule.date.text), ("regions", ", ".join(rule.regions)), ("asks", asks_text(rule))]
    if rule.before or rule.after:
        facts.append(("window", f"{rule.before} days before, {rule.after} after"))
    if coming:
        facts.append(("next", f"{coming[0].day.isoformat()}, {describe(coming[0])}"))
    return facts + _terms("names", rule.terms)


def _tone_facts(rule, today: date) -> list[tuple[str, str]]:
    facts = [("language", rule.language)]
    for name in ("promotional", "joking", "sincere", "memorial", "solidarity", "negations", "negations_after"):
        if rule.cues(name):
            facts.append((name, ", ".join(term.text for term in rule.cues(name))))
    for name in ("patterns", "joking_patterns"):
        if getattr(rule, name):
            facts.append((name, "  ".join(pattern.text for pattern in getattr(rule, name))))
    return facts


def _lexicon_facts(rule, today: date) -> list[tuple[str, str]]:
    return [("language", rule.language), ("deaths", ", ".join(t.text for t in rule.terms("death"))),
            ("injuries", ", ".join(t.text for t in rule.terms("injury"))), ("number words", ", ".join(rule.numbers))]


def _places_facts(rule, today: date) -> list[tuple[str, str]]:
    return [("region", rule.region), *_terms("places", rule.names), *_terms("country", rule.country_names)]


def _trade_facts(rule, today: date) -> list[tuple[str, str]]:
    return [*_terms("words", rule.terms), ("in stories of", ", ".join(rule.kinds) or "every kind")]


FACTS = {"words": _word_facts, "incident_kinds": _kind_facts, "incidents": _incident_facts,
         "topics": _topic_facts, "dates": _date_facts, "tone": _tone_facts, "news_lexicon": _lexicon_facts,
         "places": _places_facts, "trades": _trade_facts}
