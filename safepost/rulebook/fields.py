"""Typed reads from hand-written YAML mappings, each failure a `file:line: message` error."""
from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from safepost.errors import InputError
from safepost.model import Verdict
from safepost.yamlsafe import LineDict, LineList

LEVELS = ("off", "flag", "hold")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_REGION = re.compile(r"^[A-Z]{2}$")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Fields:
    """Reads one mapping from a YAML file; remembers which keys were read to catch typos."""

    def __init__(self, data: Any, path: str, what: str, line: int = 0):
        if not isinstance(data, dict):
            raise InputError(f"{what} must be a mapping (key: value)", path,
                             getattr(data, "line", None) or line or None)
        self.data = data
        self.path = path
        self.what = what

    def line(self, key: str | None = None) -> int | None:
        if isinstance(self.data, LineDict):
            return self.data.line_of(key) if key is not None else self.data.line
        return None

    def error(self, message: str, key: str | None = None) -> InputError:
        return InputError(message, self.path, self.line(key))

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                raise self.error(f"unknown key '{key}' in {self.what}{did_you_mean(key, allowed)}", key)

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

    def texts(self, key: str, required: bool = False) -> list[str]:
        """A list of strings; a single string is accepted as a list of one."""
        if not self.has(key):
            if required:
                raise self.error(f"{self.what} needs '{key}'")
            return []
        value = self.data[key]
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return [str(value)]
        if not isinstance(value, list):
            raise self.error(f"'{key}' must be a list", key)
        out = []
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                line = value.line_of(i) if isinstance(value, LineList) else self.line(key)
                raise InputError(f"'{key}' item {i + 1} must be non-empty text", self.path, line)
            out.append(str(item).strip())
        if required and not out:
            raise self.error(f"'{key}' must not be empty", key)
        return out

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
        codes = self.texts(key, required)
        for code in codes:
            check_language(code, self.path, self.line(key))
        return tuple(codes)

    def regions(self, key: str) -> tuple[str, ...]:
        codes = [c.upper() for c in self.texts(key)]
        for code in codes:
            if code != "*" and not _REGION.match(code):
                raise self.error(f"'{code}' is not a two-letter region code (US, PL, UA, ...)", key)
        return tuple(codes)


def check_language(code: str, path: str | None, line: int | None) -> None:
    if code in ("no", "False"):  # YAML 1.1 reads a bare `no:` as false
        raise InputError("use 'nb' for Norwegian (Bokmål), not 'no'", path, line)
    if code != "any" and not _LANGUAGE.match(code):
        raise InputError(f"'{code}' is not a language code (en, ru, uk, pl, nb, az, ...)", path, line)
