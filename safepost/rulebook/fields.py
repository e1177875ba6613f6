"""Typed reads from hand-written YAML mappings, each failure a `file:line:column: message` error.

A rulebook editor wants to see every mistake at once (`safepost rules lint`), while a check wants to
stop at the first. Parsers raise what stops them reading a rule, and `report` what they can step
over (an unknown key, one bad term in a list): inside `collecting_problems()` those are collected
and the parser carries on; elsewhere they are raised like any other error.
"""
from __future__ import annotations

import difflib
import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterable, Iterator

from safepost.errors import InputError
from safepost.model import Verdict
from safepost.rulebook.codes import LANGUAGES, REGIONS, language_hint, region_hint
from safepost.yamlsafe import LineDict, LineList, Position

LEVELS = ("off", "flag", "hold")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_REGION = re.compile(r"^[A-Z]{2}$")
_PROBLEMS: ContextVar[list[InputError] | None] = ContextVar("safepost_problems", default=None)


@contextmanager
def collecting_problems() -> Iterator[list[InputError]]:
    """Collect the problems parsers `report` instead of stopping at the first."""
    problems: list[InputError] = []
    token = _PROBLEMS.set(problems)
    try:
        yield problems
    finally:
        _PROBLEMS.reset(token)


def collecting() -> bool:
    """Whether `report` collects (a lint reads on past problems) rather than raises."""
    return _PROBLEMS.get() is not None


def report(error: InputError) -> None:
    """A problem the parser can step over: collected while linting, raised otherwise."""
    problems = _PROBLEMS.get()
    if problems is None:
        raise error
    problems.append(error)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Fields:
    """Reads one mapping from a YAML file; remembers which keys were read to catch typos."""

    def __init__(self, data: Any, path: str, what: str, line: int = 0, column: int = 0):
        if not isinstance(data, dict):
            raise InputError(f"{what} must be a mapping (key: value)", path,
                             getattr(data, "line", None) or line or None,
                             getattr(data, "column", None) or column or None)
        self.data = data
        self.path = path
        self.what = what

    def sub(self, key: str, what: str) -> "Fields":
        """The mapping under `key`, read with its own position."""
        return Fields(self.data[key], self.path, what, *self.where(key))

    def line(self, key: str | None = None) -> int | None:
        if isinstance(self.data, LineDict):
            return self.data.line_of(key) if key is not None else self.data.line
        return None

    def where(self, key: str | None = None) -> Position | tuple[None, None]:
        """Where a message about `key` should point: its value when the key is there, else the
        start of the mapping (a key that is missing has no place of its own)."""
        if not isinstance(self.data, LineDict):
            return None, None
        if key is None or key not in self.data:
            return self.data.line, self.data.column
        return self.data.value_position_of(key)

    def key_where(self, key: str) -> Position | tuple[None, None]:
        """Where the key itself is written: what a message about the key points at."""
        return self.data.position_of(key) if isinstance(self.data, LineDict) else (None, None)

    def error(self, message: str, key: str | None = None) -> InputError:
        return InputError(message, self.path, *self.where(key))

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                report(InputError(f"unknown key '{key}' in {self.what}{did_you_mean(key, allowed)}",
                                  self.path, *self.key_where(key)))

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def text(self, key: str, default: str | None = None, required: bool = False) -> str | None:
        if not self.has(key):
            if required:
                raise self.error(f"{self.what} needs '{key}'")
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.error(f"'{key}' must be text", key)
        value = str(value).strip()
        if required and not value:
            raise self.error(f"'{key}' must not be empty", key)
        return value

    def mapping(self, key: str) -> dict | None:
        if not self.has(key):
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            raise self.error(f"'{key}' must be a mapping", key)
        return value

    def flag(self, key: str, default: bool) -> bool:
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            raise self.error(f"'{key}' must be true or false", key)
        return value

    def number(self, key: str, default: float | None = None, minimum: float | None = None) -> float | None:
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(f"'{key}' must be a number", key)
        if minimum is not None and value < minimum:
            raise self.error(f"'{key}' must be at least {minimum}", key)
        return value

    def items(self, key: str, required: bool = False) -> list[tuple[str, Position | tuple[None, None]]]:
        """A list of strings with where each is written; a single string is a list of one. A
        bad item is reported and left out."""
        if not self.has(key):
            if required:
                raise self.error(f"{self.what} needs '{key}'")
            return []
        value = self.data[key]
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return [(str(value), self.where(key))]
        if not isinstance(value, list):
            raise self.error(f"'{key}' must be a list", key)
        out = []
        for i, item in enumerate(value):
            position = value.position_of(i) if isinstance(value, LineList) else self.where(key)
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                report(InputError(f"'{key}' item {i + 1} must be non-empty text", self.path, *position))
                continue
            out.append((str(item).strip(), position))
        if required and not out:
            raise self.error(f"'{key}' must not be empty", key)
        return out

    def texts(self, key: str, required: bool = False) -> list[str]:
        return [text for text, _ in self.items(key, required)]

    def language_keys(self) -> Iterator[str]:
        """The keys of a mapping by language (`{en: [...], pl: [...]}`); a bad code is reported
        and skipped."""
        for language in self.data:
            try:
                check_language(str(language), self.path, *self.key_where(language))
            except InputError as exc:
                report(exc)
                continue
            yield language

    def item_lines(self, key: str) -> list[int | None]:
        value = self.data.get(key)
        if isinstance(value, LineList):
            return list(value.item_lines)
        return [self.line(key)] * (len(value) if isinstance(value, list) else 1)

    def level(self, key: str, default: str | None = None, allow_off: bool = False) -> Verdict | None:
        word = self.text(key, default)
        if word is None:
            return None
        word = word.lower()
        allowed = LEVELS if allow_off else LEVELS[1:]
        if word not in allowed:
            raise self.error(f"'{key}' must be one of {', '.join(allowed)}, not '{word}'", key)
        return None if word == "off" else Verdict.parse(word)

    def languages(self, key: str, required: bool = False) -> tuple[str, ...]:
        codes = self.items(key, required)
        for code, position in codes:
            check_language(code, self.path, *position)
        return tuple(code for code, _ in codes)

    def regions(self, key: str) -> tuple[str, ...]:
        codes = [(code.upper(), position) for code, position in self.items(key)]
        for code, position in codes:
            if code != "*":
                check_region(code, self.path, *position)
        return tuple(code for code, _ in codes)


def check_language(code: str, path: str | None, line: int | None, column: int | None = None) -> None:
    if code in ("no", "False"):  # YAML 1.1 reads a bare `no:` as false
        raise InputError("use 'nb' for Norwegian (Bokmål), not 'no'", path, line, column)
    if code == "any":
        return
    if not _LANGUAGE.match(code):
        raise InputError(f"'{code}' is not a language code (en, ru, uk, pl, nb, az, ...){language_hint(code)}",
                         path, line, column)
    if code not in LANGUAGES:
        raise InputError(f"unknown language '{code}' (an ISO 639-1 code such as en, uk, pl){language_hint(code)}",
                         path, line, column)


def check_region(code: str, path: str | None, line: int | None, column: int | None = None) -> None:
    if not _REGION.match(code):
        raise InputError(f"'{code}' is not a two-letter region code (US, PL, UA, ...)", path, line, column)
    if code not in REGIONS:
        raise InputError(f"unknown region '{code}' (an ISO 3166 code such as US, GB, PL){region_hint(code)}",
                         path, line, column)


class RuleWarning(InputError):
    """A problem that does not stop safepost (an exception that never applies): lint shows it,
    a check goes on."""
