"""Commands for the people who write the rulebook: `rules lint|test|list|explain`, `try` (one text,
shown like a compiler diagnostic) and `init` (a starter safepost.yaml). Heavy modules load inside
the commands, so `safepost --help` stays instant.

Linting and testing read the rules as written: the config's `levels:` (which may turn a rule
off) and its audience do not apply, so a rule's examples mean the same on every machine.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from safepost.cli.shared import gather_news, reports_input_errors, say, setup, write_atomic
from safepost.errors import InputError

CONFIG_HELP = "Config file (default: ./safepost.yaml): its `rules:` are read too."


def _config(config_path: str | None):
    from safepost.config import find_config, load_config

    return load_config(find_config(config_path))


def _files(config, paths: tuple[str, ...]) -> tuple[list[Path], set[Path] | None]:
    """Every rulebook file to read (shipped, the config's, the named ones), and the named ones
    alone (resolved) when PATHs were given: those are the ones reported on."""
    from safepost.rulebook import rulebook_files

    files = rulebook_files(list(config.rules) + list(paths), config.shipped_rules)
    named = {file.resolve() for file in rulebook_files(list(paths), include_shipped=False)} if paths else None
    return files, named


@click.group()
def rules() -> None:
    """Write and check rulebooks: lint, test, list, explain."""


def config_problems(config, book) -> list[InputError]:
    """What the config names that nothing has: `levels:` ids, and alert URLs apprise cannot use."""
    from safepost.alerts import problem
    from safepost.rulebook import check_levels
    from safepost.rulebook.fields import collecting_problems

    with collecting_problems() as problems:
        if config.levels:
            check_levels(book, config.levels, config.path, config.level_lines)
    for number, (url, line) in enumerate(zip(config.alerts, config.alert_lines), start=1):
        why = problem(url)
        if why:
            problems.append(InputError(f"alerts item {number}: {why}", config.path, line))
    return problems


@rules.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--config", "config_path", metavar="FILE", help=CONFIG_HELP)
@reports_input_errors
def lint(paths, config_path):
    """Check rulebook files and report every problem as file:line:col: message. With no PATH, the
    whole rulebook the config uses, and the config's rule ids and alert URLs. Exit 2 when there
    are errors (warnings alone exit 0)."""
    from safepost.render.diagnostics import lint_summary, problem_line
    from safepost.rulebook import read_rulebook
    from safepost.rulebook.fields import RuleWarning

    config = _config(config_path)
    files, named = _files(config, paths)
    book, problems = read_rulebook(files, thorough=True)
    if named is None:
        problems += config_problems(config, book)
    shown = [problem for problem in problems if named is None or Path(problem.path or "").resolve() in named]
    errors = [problem for problem in shown if not isinstance(problem, RuleWarning)]
    for problem in shown:
        say(problem_line(problem, "warning" if isinstance(problem, RuleWarning) else "error"), styled=True)
    say(lint_summary(len(errors), len(shown) - len(errors), len(named) if named is not None else len(files)))
    sys.exit(2 if errors else 0)


@rules.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--coverage", is_flag=True, help="Also list rules that do not show both sides, per language.")
@click.option("--config", "config_path", metavar="FILE", help=CONFIG_HELP)
@reports_input_errors
def test(paths, coverage, config_path):
    """Run the examples written in the rules: each `hold:` and `flag:` text must fire at that level,
    each `pass:` text must not. With PATHs, only the rules in those files. Exit 1 on a failure
    (or, with --coverage, a rule without both sides)."""
    from safepost import ruletest
    from safepost.render.diagnostics import failure_lines, gap_lines, plural
    from safepost.rulebook import read_rulebook, refuse_broken

    files, named = _files(_config(config_path), paths)
    book, problems = read_rulebook(files, thorough=True)
    refuse_broken(problems)
    chosen = ruletest.tested_rules(book, named)
    outcomes = ruletest.run_examples(book, chosen)
    failed = [outcome for outcome in outcomes if not outcome.passed]
    for outcome in failed:
        say("\n".join(failure_lines(outcome)), styled=True)
    gaps = ruletest.coverage(chosen) if coverage else []
    if gaps:
        say(f"{plural(len({id(gap.rule) for gap in gaps}), 'rule')} do not show both sides:")
        for line in gap_lines(gaps):
            say(f"  {line}")
    verdict = f"{len(failed)} failed" if failed else "all pass"
    say(f"{plural(len(outcomes), 'example')} in {plural(len(chosen), 'rule')}: {verdict}")
    sys.exit(1 if failed or gaps else 0)


@rules.command(name="list")
@click.option("--language", metavar="CODE", help="Only rules with words in this language (en, pl, ...).")
@click.option("--rules", "extra", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help=CONFIG_HELP)
@reports_input_errors
def list_rules(language, extra, config_path):
    """List every rule: id, kind, level, languages and what it says."""
    from safepost.render.diagnostics import SECTION_NAMES, level_text, rule_table
    from safepost.rulebook import rule_languages

    book = setup(config_path, extra, None).rulebook
    rows = []
    for section, found in book.sections.items():
        for rule in found:
            languages = rule_languages(section, rule)
            if language and language not in languages and "any" not in languages:
                continue
            says = getattr(rule, "message", "") or getattr(rule, "name", "") or getattr(rule, "title", "") \
                or getattr(rule, "person", "")
            rows.append((rule.id, SECTION_NAMES[section], level_text(rule), ",".join(languages), says))
    if not rows:
        raise InputError(f"no rules with words in '{language}'")
    say("\n".join(rule_table(rows)), styled=True)


@rules.command()
@click.argument("rule_id")
@click.option("--rules", "extra", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help=CONFIG_HELP)
@click.option("--now", metavar="ISO8601", help="The day the next occurrence of a date is counted from.")
@reports_input_errors
def explain(rule_id, extra, config_path, now):
    """What a rule matches, why it exists, its source and its examples. RULE_ID is a rule's id or
    the id a finding shows (incident.shooting.vocabulary)."""
    from safepost.gate import dodges_read
    from safepost.render.diagnostics import explanation, rule_facts
    from safepost.rulebook.fields import did_you_mean
    from safepost.ruletest import example_language

    ctx = setup(config_path, extra, now)
    found = ctx.rulebook.find(rule_id)
    if found is None:
        ids = [rule.id for rules_ in ctx.rulebook.sections.values() for rule in rules_]
        raise InputError(f"no rule '{rule_id}' in the rulebook{did_you_mean(rule_id, ids)}")
    section, rule = found

    def dodges(example) -> list[tuple[str, str]]:
        return dodges_read(example.text, example_language(section, rule, example), ctx.rulebook)

    say("\n".join(explanation(section, rule, rule_facts(section, rule, ctx.now.date()), dodges)), styled=True)


@click.command(name="try")
@click.argument("text")
@click.option("--platform", default="unspecified", metavar="NAME", help="Network, for its length limit.")
@click.option("--region", metavar="CODE", help="Audience region (US, PL, ...).")
@click.option("--language", metavar="CODE", help="The text's language (default: the config's, else detected).")
@click.option("--reply-to", metavar="ID", help="Check it as a reply to this customer or comment.")
@click.option("--feed", "feeds", multiple=True, metavar="URL|PATH", help="News feed to cross-check; repeatable.")
@click.option("--rules", multiple=True, metavar="PATH", help="Extra rulebook file or folder; repeatable.")
@click.option("--config", "config_path", metavar="FILE", help="Config file (default: ./safepost.yaml).")
@click.option("--now", metavar="ISO8601", help="When the text would go out (default: the clock).")
@click.option("--fail-on", type=click.Choice(("flag", "hold")), default="hold", show_default=True,
              help="Exit 1 when the text is at or above this level.")
@reports_input_errors
def try_text(text, platform, region, language, reply_to, feeds, rules, config_path, now, fail_on):
    """Check one text and show every finding with the words underlined and the rule's note: the
    fastest way to ask "why was this held?"."""
    from safepost import gate
    from safepost.model import Post, Verdict
    from safepost.render.diagnostics import finding_lines, verdict_line
    from safepost.rulebook.fields import check_language, check_region

    if region:
        check_region(region.upper(), "--region", None)
    if language:
        check_language(language, "--language", None)
    ctx = setup(config_path, rules, now)
    news = gather_news(ctx, feeds, "text")
    for notice in news.notices:
        say(f"note: {notice}", dim=True)
    for incident in news.incidents:
        say(f"incident: {incident.title} [{incident.kind}, severity {incident.severity}]", dim=True)
    post = Post(id="try", platform=platform, scheduled_at=ctx.now, text=text,
                region=region.upper() if region else None, language=language, reply_to=reply_to)
    [decision] = gate.check([post], news.incidents, ctx.rulebook, ctx.now)
    unread = news.unavailable_finding(ctx.rulebook)
    if unread:
        [decision] = gate.annotate([decision], unread, ctx.rulebook)
    for finding in decision.findings:
        found = ctx.rulebook.find(finding.rule)
        say("\n".join(finding_lines(text, finding, found[1].id if found else None)) + "\n", styled=True)
    for note in decision.notes:
        say(f"note: {note}", dim=True)
    say(verdict_line(decision), styled=True)
    sys.exit(1 if decision.verdict >= Verdict.parse(fail_on) else 0)


@click.command()
@click.argument("path", default="safepost.yaml", metavar="[FILE]")
@click.option("--region", default="US", show_default=True, metavar="CODE",
              help="Whose news and days: writes that region's starter feeds, time zone and language.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@reports_input_errors
def init(path, region, force):
    """Write a starter safepost.yaml for a region: its public news feeds and world wires, its time
    zone and language, every setting explained in a comment."""
    from safepost.starter import starter_config

    text = starter_config(region)
    if Path(path).exists() and not force:
        raise InputError("already exists; edit it, or pass --force to replace it", path)
    write_atomic(path, text.encode("utf-8"))
    say(f"Wrote {path} for region {region.upper()}, with starter news feeds (a starting point: "
               "`safepost news` shows which answer).\nNext: safepost check QUEUE")
