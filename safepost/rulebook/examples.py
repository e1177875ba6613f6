"""Examples written inside a rule: texts it must hold, flag or let pass, and the situation they
are posted in. `safepost rules test` runs them, the way `vale test` and Semgrep's `ruleid:`/`ok:`
cases do: every rule proves it fires, and proves it stays quiet.

    examples:
      context: {date: 2026-08-01, region: PL}       # shared by every example below
      hold: ["Wielka wyprzedaż na 1 sierpnia!"]       # in the rule's first language
      pass:
        pl: ["Pamiętamy. O 17:00 stajemy w ciszy."]   # or grouped by language
        en: ["We remember the Warsaw Uprising today."]
      flag:
        - {text: "Closed today.", date: 2026-04-10}   # one example in its own situation
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterator

from safepost.errors import InputError
from safepost.rulebook.fields import Fields, check_region, report
from safepost.yamlsafe import LineList

VERDICTS = ("hold", "flag", "pass")
TONES = ("promotional", "joking", "sincere", "neutral")
CONTEXT_KEYS = ("date", "region", "reply_to", "platform", "severity")


@dataclass(frozen=True)
class Example:
    expect: str  # one of the section's expectations: hold, flag, pass (tone: promotional, ...)
    text: str
    language: str | None = None  # None: the rule's first language
    context: dict = field(default_factory=dict)  # the shared context with this example's own on top
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Examples:
    items: tuple[Example, ...] = ()
    context: dict = field(default_factory=dict)

    @property
    def cases(self) -> tuple[tuple[str, str], ...]:
        """(expected, text) pairs."""
        return tuple((example.expect, example.text) for example in self.items)


@dataclass(frozen=True, kw_only=True)
class Authored:
    """What every rule carries besides what it matches: why it exists, its examples, and where it
    is written (for file:line messages)."""

    note: str = ""
    source: str = ""
    examples: Examples = Examples()
    path: str = ""
    line: int = 0


def parse_examples(fields: Fields, expectations: tuple[str, ...] = VERDICTS) -> Examples:
    if not fields.has("examples"):
        return Examples()
    sub = fields.sub("examples", "examples")
    sub.reject_unknown(expectations + ("context",))
    shared = {}
    if sub.has("context"):
        context = sub.sub("context", "'context'")
        context.reject_unknown(CONTEXT_KEYS)
        shared = _context(context)
    items = tuple(example for expect in expectations if sub.has(expect)
                  for example in _group(sub, expect, shared))
    return Examples(items, shared)


def _group(sub: Fields, expect: str, shared: dict) -> Iterator[Example]:
    """`hold: [...]`, or `hold: {en: [...], pl: [...]}`."""
    if not isinstance(sub.data[expect], dict):
        yield from _list(sub, expect, expect, None, shared)
        return
    by_language = sub.sub(expect, f"'{expect}'")
    for language in by_language.language_keys():
        yield from _list(by_language, language, expect, str(language), shared)


def _list(f: Fields, key: str, expect: str, language: str | None, shared: dict) -> Iterator[Example]:
    value = f.data[key]
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        line, column = value.position_of(i) if isinstance(value, LineList) else f.where(key)
        try:
            text, own = _item(item, f.path, line, column)
        except InputError as exc:
            report(exc)
            continue
        yield Example(expect, text, language, {**shared, **own}, line, column)


def _item(item, path: str, line: int | None, column: int | None) -> tuple[str, dict]:
    """A text, or `{text: ..., date: ..., region: ...}` for an example in its own situation."""
    if isinstance(item, dict):
        f = Fields(item, path, "an example", line or 0, column or 0)
        f.reject_unknown(("text",) + CONTEXT_KEYS)
        return f.text("text", required=True), _context(f)
    if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
        raise InputError("an example must be a text, or {text: ..., date: ...}", path, line, column)
    return str(item).strip(), {}


def _context(f: Fields) -> dict:
    context = {}
    if f.has("date"):
        context["date"] = _when(f)
    if f.has("region"):
        region = f.text("region").upper()
        check_region(region, f.path, *f.where("region"))
        context["region"] = region
    for key in ("reply_to", "platform"):
        if f.has(key):
            context[key] = f.text(key)
    if f.has("severity"):
        severity = f.number("severity", minimum=1)
        if severity != int(severity) or severity > 5:
            raise f.error("'severity' must be a whole number from 1 to 5", "severity")
        context["severity"] = int(severity)
    return context


def _when(f: Fields) -> date | datetime:
    """A day (the example is posted at noon there) or a moment with its UTC offset."""
    value = f.data["date"]
    if isinstance(value, (date, datetime)):
        moment = value
    else:
        try:
            text = str(value).strip()
            moment = datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
        except ValueError:
            raise f.error(f"'date' must be a day (2026-08-01) or a time with offset "
                          f"(2026-08-01T17:00:00+02:00), not '{value}'", "date") from None
    if isinstance(moment, datetime) and moment.tzinfo is None:
        raise f.error("'date' needs a UTC offset (Z or +02:00) when it has a time", "date")
    return moment
