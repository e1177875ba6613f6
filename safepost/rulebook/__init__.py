"""Load the rulebook (shipped YAML plus the user's), validate it, and compile its matchers.

A rulebook file is a mapping of sections (`words:`, and as safepost grows `dates:`, `incidents:`,
...) each holding a list of rules. Every rule has an `id`, unique across all files, and a `level`
that the config may override (`off`, `flag`, `hold`), the way Vale lets a config tune a style.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import io
import pickle
from contextlib import nullcontext
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from safepost.collector import collector_paused
from safepost.errors import InputError
from safepost.model import Verdict
from safepost.rulebook.dates import DateRule, parse_date_rule
from safepost.rulebook.fields import RuleWarning, collecting, collecting_problems, did_you_mean, report
from safepost.rulebook.news import (parse_incident_kind, parse_lexicon, parse_manual_incident,
                                    parse_places, parse_topic, parse_trade, parse_work)
from safepost.rulebook.stored import read_stored
from safepost.rulebook.terms import thorough_reading
from safepost.rulebook.tone import parse_tone_rule
from safepost.rulebook.words import WordRule, parse_word_rule
from safepost.text.matcher import TermIndex
from safepost.yamlsafe import LineList, load_file

KEPT_BUILT = 160  # files of `Rulebook.kept`: ten indexes and a dodge vocabulary a language, for two rulebooks

# section name -> parser of one item; later issues register their sections here.
SECTIONS: dict[str, Callable[[Any, str], Any]] = {
    "words": parse_word_rule,
    "incident_kinds": parse_incident_kind,
    "news_lexicon": parse_lexicon,
    "places": parse_places,
    "incidents": parse_manual_incident,
    "topics": parse_topic,
    "works": parse_work,
    "trades": parse_trade,
    "dates": parse_date_rule,
    "tone": parse_tone_rule,
}


@dataclass
class Policies:
    """Knobs the config sets for how strict the gate is."""

    promotional_during_incident: Verdict = Verdict.HOLD
    on_news_unavailable: Verdict | None = Verdict.HOLD  # fail closed: no news read, no post passes
    cross_post: Verdict | None = Verdict.FLAG
    first_hours: float = 24  # how long, after an incident breaks in the audience region, ...
    severe_from: int = 4  # ... a promotion or a joke is held (or flagged) from this severity ...
    every_post_from: int = 5  # ... and every post is flagged from this one (5: mass casualties)


@dataclass(frozen=True)
class Audience:
    """Who the posts are for, from the config: the fallbacks a post's own columns override."""

    regions: tuple[str, ...] = ()
    timezone: str | None = None
    language: str | None = None


@dataclass
class Rulebook:
    """The rules plus the team's settings that decide how they apply."""

    sections: dict[str, list] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    policies: Policies = field(default_factory=Policies)
    audience: Audience = field(default_factory=Audience)
    platform_limits: dict[str, int] = field(default_factory=dict)
    finding_levels: list[tuple[str, Verdict | None]] = field(default_factory=list)  # by finding id, most specific first
    # The rule files, safepost itself and the config's levels and grades: what reading a headline
    # depends on (None when unknown, and then nothing read is kept between runs).
    fingerprint: str | None = None
    _indexes: dict = field(default_factory=dict, repr=False)

    @property
    def word_rules(self) -> list[WordRule]:
        return self.sections.get("words", [])

    @property
    def date_rules(self) -> list[DateRule]:
        return self.sections.get("dates", [])

    def word_languages(self) -> set[str]:
        return {language for rule in self.word_rules for language in rule.languages}

    def rules(self, section: str) -> list:
        return self.sections.get(section, [])

    def cached(self, key: Any, build: Callable[[], Any]) -> Any:
        """Indexes compiled from the rules, built on first use and kept with the rulebook."""
        if key not in self._indexes:
            self._indexes[key] = build()
        return self._indexes[key]

    def built(self, key: Any, name: str, build: Callable[[], Any]) -> Any:
        """What is built of the rules (an index, the evidence of languages): `cached` for this
        process, `kept` (as `name`) for the next."""
        return self.cached(key, lambda: self.kept(name, build, holds_rules=True))

    def kept(self, name: str, build: Callable[[], Any], holds_rules: bool = False) -> Any:
        """What `build()` makes of the rules, kept between runs in the user's cache under the
        rulebook's fingerprint and the stamp of what compiles terms: built once per set of rule
        files, settings and installed dictionaries (a language's dodge vocabulary is a tenth of a
        second to build, a millisecond to read; its word index, 90 ms and 12 ms). `holds_rules`:
        what is built points at this rulebook's rules (an index's payloads), which are kept as
        their places and read back as the very rules in use. Built every time when the
        fingerprint is unknown, and while a lint collects problems (what it built stepped over
        a bad term that a check must still stop at)."""
        if self.fingerprint is None or collecting():
            return build()
        from safepost.text.matcher import compiler_stamp
        from safepost.usercache import installed_stamp, load_private, store_private, user_cache

        stamp = f"{compiler_stamp()}{installed_stamp(('wordfreq',))}"
        path = user_cache("built") / f"{name}-{self.fingerprint}-{stamp}.pickle"
        dump, loads = self.cached("by-place", self._by_place) if holds_rules else (None, pickle.loads)
        found = load_private(path, loads)
        if found is None:
            found = build()
            store_private(path, found, KEPT_BUILT, dump)
        return found

    def _by_place(self) -> tuple[Callable[[Any], bytes], Callable[[bytes], Any]]:
        """(dump, loads) that write each of the rulebook's rules as its section and position."""
        places = {id(rule): (section, i) for section, rules in self.sections.items() for i, rule in enumerate(rules)}
        sections = self.sections

        class Writer(pickle.Pickler):
            def persistent_id(self, obj):
                return places.get(id(obj))

        class Reader(pickle.Unpickler):
            def persistent_load(self, place):
                section, i = place
                return sections[section][i]

        def dump(value) -> bytes:
            out = io.BytesIO()
            Writer(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            return out.getvalue()

        def loads(data: bytes):
            with collector_paused():
                return Reader(io.BytesIO(data)).load()

        return dump, loads

    def index(self, section: str, language: str | None, terms: str,
              exceptions: str | None = None) -> tuple[TermIndex, TermIndex]:
        """(terms, exceptions) of a section's rules for a language (plus "any"); the payload of
        each term is its rule. `terms`/`exceptions` name the rule attributes holding them."""

        def build():
            found, excepted = TermIndex(), TermIndex()
            for rule in self.rules(section):
                for lang in (language, "any"):
                    for term in getattr(rule, terms).get(lang, ()):
                        found.add(term, rule)
                    for term in (getattr(rule, exceptions).get(lang, ()) if exceptions else ()):
                        excepted.add(term, rule)
            return found, excepted

        return self.built((section, language, terms), f"index-{section}-{terms}-{language or 'any'}", build)

    def word_index(self, language: str | None) -> tuple[TermIndex, TermIndex]:
        return self.index("words", language, "terms", "exceptions")

    def finding_level(self, finding_id: str, level: Verdict) -> Verdict | None:
        """The level a finding that no rule makes (`incident.shooting.first-hours`,
        `platform.too-long`) takes under the config's `levels:`; None turns it off."""
        rule_ids = self.cached("rule-ids", lambda: {rule.id for rules in self.sections.values() for rule in rules})
        if finding_id in rule_ids:
            return level  # a rule's own level was set on the rule
        for pattern, override in self.finding_levels:
            if fnmatch.fnmatchcase(finding_id, pattern):
                return override
        return level

    def find(self, rule_id: str) -> tuple[str, Any] | None:
        """(section, rule) for a rule id, or for the id of a finding it makes: the news checks
        name theirs `incident.<kind>.<what>`."""
        for section, rules in self.sections.items():
            for rule in rules:
                if rule.id == rule_id:
                    return section, rule
        parts = rule_id.split(".")
        if len(parts) == 3 and parts[0] == "incident":
            kind = next((rule for rule in self.rules("incident_kinds") if rule.id == parts[1]), None)
            return ("incident_kinds", kind) if kind else None
        return None


def rule_languages(section: str, rule) -> tuple[str, ...]:
    """The languages a rule has words in, as written ("any" included)."""
    if section == "topics":
        return tuple(language for language in rule.cues if language in rule.subject or "any" in rule.subject)
    if hasattr(rule, "languages"):
        return rule.languages
    if hasattr(rule, "language"):
        return (rule.language,)
    return tuple(getattr(rule, _WORDS_OF[section]))


_WORDS_OF = {"incident_kinds": "vocabulary", "dates": "terms", "incidents": "terms", "places": "names",
             "works": "works", "trades": "terms"}


def shipped_rule_files() -> list[Path]:
    root = Path(str(resources.files("safepost.rules")))
    return sorted(root.rglob("*.yaml"))


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    if not path.exists():
        raise InputError("no such rulebook file or directory", path)
    return [path]


def rulebook_files(paths: list[str | Path] = (), include_shipped: bool = True) -> list[Path]:
    """The files to read, each once (a file named on the command line may also be in the config)."""
    files = shipped_rule_files() if include_shipped else []
    for path in paths:
        files.extend(_expand(Path(path)))
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def read_rulebook(files: list[Path], policies: Policies | None = None,
                  thorough: bool = False) -> tuple[Rulebook, list[InputError]]:
    """Every file and every rule read on its own, so one mistake hides no other: the rulebook of
    the rules that could be read, and every problem found (RuleWarning for those that do not stop
    safepost), in file order. `thorough` (lint, test) compiles every term now and checks each
    rule's exceptions; otherwise terms compile when a check first needs their language."""
    book = Rulebook(policies=policies or Policies())
    first_seen: dict[str, str] = {}
    with collecting_problems() as problems, (thorough_reading() if thorough else nullcontext()):
        for path in files:
            for section, rule, where_id in _read_file(path, problems):
                if rule.id in first_seen:
                    report(InputError(f"duplicate rule id '{rule.id}' (first defined at {first_seen[rule.id]})",
                                      rule.path, *where_id))
                    continue
                first_seen[rule.id] = f"{rule.path}:{rule.line}"
                book.sections.setdefault(section, []).append(rule)
            book.files.append(str(path))
        _check_kinds(book)
    return book, problems


def _check_kinds(book: Rulebook) -> None:
    """A date rule, a hand-entered incident, a trade or a kind that follows others names incident
    kinds defined anywhere in the rulebook."""
    kinds = {rule.id for rule in book.rules("incident_kinds")}
    if not kinds:
        return
    for section, names in (("dates", lambda rule: rule.kinds), ("incidents", lambda rule: (rule.kind,)),
                           ("incident_kinds", lambda rule: rule.follows), ("trades", lambda rule: rule.kinds)):
        for rule in book.rules(section):
            for kind in names(rule):
                if kind not in kinds:
                    report(InputError(f"unknown incident kind '{kind}'{did_you_mean(kind, kinds)} in '{rule.id}'; "
                                      f"the kinds are: {', '.join(sorted(kinds))}", rule.path, rule.line))


def load_rulebook(paths: list[str | Path] = (), include_shipped: bool = True,
                  levels: dict[str, Verdict | None] | None = None,
                  policies: Policies | None = None, grades: dict[str, Verdict | None] | None = None,
                  levels_at: tuple[str | None, dict[str, int]] = (None, {})) -> Rulebook:
    """The rulebook a check runs on; a broken one is refused with its first problem and a count.
    `levels` (by rule id, finding id or glob) and `grades` (strong, mild) come from the config;
    `levels_at` says where they are written, for the error about an id nobody has."""
    files = rulebook_files(paths, include_shipped)
    book, problems, files_fingerprint = read_stored(files, lambda: read_rulebook(files))
    refuse_broken(problems)
    book.policies = policies or Policies()
    if files_fingerprint is not None:
        settings = repr((sorted((levels or {}).items()), sorted((grades or {}).items())))
        book.fingerprint = hashlib.sha256(f"{files_fingerprint}\0{settings}".encode()).hexdigest()[:32]
    if grades:
        _apply_grades(book, grades)
    if levels:
        check_levels(book, levels, *levels_at)
        _apply_levels(book, levels)
    return book


# What checks report besides rule ids: `incident.<kind>.<what>` and these.
FINDING_IDS = ("news.unavailable", "platform.too-long", "platform.cross-post", "tone.memorial-promotion")
INCIDENT_FINDINGS = ("vocabulary", "mention", "echo", "story-words", "joke", "trade", "solidarity", "first-hours",
                     "mourning-day")


def known_ids(book: Rulebook) -> set[str]:
    """Every id a finding may carry: the rules' own, and those the checks give their findings."""
    ids = {rule.id for rules in book.sections.values() for rule in rules}
    ids.update(f"incident.{kind.id}.{what}" for kind in book.rules("incident_kinds") for what in INCIDENT_FINDINGS)
    ids.update(FINDING_IDS)
    return ids


def check_levels(book: Rulebook, levels: dict[str, Verdict | None], path: str | None,
                 lines: dict[str, int]) -> None:
    """A `levels:` key that no rule and no finding has would change nothing, silently."""
    ids = known_ids(book)
    for pattern in levels:
        if not any(fnmatch.fnmatchcase(rule_id, pattern) for rule_id in ids):
            report(InputError(f"levels: no rule or finding has the id '{pattern}'{did_you_mean(pattern, ids)}; "
                              "ids are in `safepost rules list` and in every finding", path, lines.get(pattern)))


def _apply_grades(book: Rulebook, grades: dict[str, Verdict | None]) -> None:
    """`grades: {mild: off, strong: hold}` moves every word rule of a grade, posts and replies alike."""
    kept = []
    for rule in book.word_rules:
        if rule.grade not in grades:
            kept.append(rule)
        elif grades[rule.grade] is not None:
            level = grades[rule.grade]
            kept.append(dataclasses.replace(rule, level=level, in_reply=max(level, rule.in_reply or level)))
    book.sections["words"] = kept


def refuse_broken(problems: list[InputError]) -> None:
    """One line for a broken rulebook: its first error, and how many more lint would show."""
    errors = [problem for problem in problems if not isinstance(problem, RuleWarning)]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more: run `safepost rules lint`)" if len(errors) > 1 else ""
        raise InputError(first.message + more, first.path, first.line, first.column)


def _read_file(path: Path, problems: list[InputError]):
    try:
        data = load_file(path)
    except InputError as exc:
        problems.append(exc)
        return
    if data is None:
        return
    if not isinstance(data, dict):
        problems.append(InputError("a rulebook file must be a mapping of sections (words:, ...)", path,
                                   getattr(data, "line", 1), getattr(data, "column", None)))
        return
    for section, items in data.items():
        parser = SECTIONS.get(section)
        where = data.position_of(section)
        if parser is None:
            problems.append(InputError(f"unknown section '{section}'{did_you_mean(section, SECTIONS)}",
                                       path, *where))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(InputError(f"section '{section}' must be a list of rules", path, *where))
            continue
        for i, item in enumerate(items):
            line, column = items.position_of(i) if isinstance(items, LineList) else (None, None)
            try:
                if not isinstance(item, dict):
                    raise InputError(f"each entry of '{section}' must be a mapping", path, line, column)
                yield section, parser(item, str(path)), item.value_position_of("id")
            except InputError as exc:
                problems.append(exc)


def _apply_levels(book: Rulebook, levels: dict[str, Verdict | None]) -> None:
    """Config overrides by rule id or glob (`insult.*`), the most specific pattern first; those
    that name findings rather than rules (`incident.shooting.first-hours`) are kept for the gate."""
    ordered = sorted(levels.items(), key=lambda kv: (kv[0].count("*"), -len(kv[0])))
    book.finding_levels = ordered
    for section, rules in book.sections.items():
        kept = []
        for rule in rules:
            level = getattr(rule, "level", None)
            for pattern, override in ordered:
                if fnmatch.fnmatchcase(rule.id, pattern):
                    level = override
                    break
            if level is None and hasattr(rule, "level"):
                continue
            kept.append(dataclasses.replace(rule, level=level) if hasattr(rule, "level") else rule)
        book.sections[section] = kept
