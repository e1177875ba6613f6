"""What every queue reader shares: reading the file as text, and the raw row each reader yields.

Readers know nothing about posts: they turn a file into rows of `column -> value` with the line
each row starts on, so one place (posts.py) can turn any row into a Post and name the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from safepost.errors import InputError
from safepost.yamlsafe import decode_utf8, read_bytes

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class RawRow:
    line: int
    values: dict[str, Any]  # keys trimmed and lower-cased, so headers match case-insensitively
    key_lines: dict[str, int] | None = None  # YAML knows the line of each key

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line) if self.key_lines else self.line


@dataclass
class Table:
    rows: Iterator[RawRow]
    columns: tuple[str, ...] | None = None  # a CSV header as written; JSON and YAML have none
    line: int | None = None  # where that header is


def normalize(name: Any) -> str:
    return str(name).strip().lower()


def unique_keys(names: Iterable[Any], path: str, line: int) -> list[str]:
    """Normalised names; two that differ only in case or spaces would silently shadow each other."""
    keys: list[str] = []
    for name in names:
        key = normalize(name)
        if key and key in keys:
            raise InputError(f"'{str(name).strip()}' appears twice", path, line)
        keys.append(key)
    return keys


def read_text(path: Path) -> str:
    """The file as text: UTF-8 with or without BOM, no NUL bytes, not blank."""
    raw = read_bytes(path)
    if raw.startswith(_UTF16_BOMS):
        raise InputError("the file is UTF-16 (Excel's 'Unicode Text'); save it as 'CSV UTF-8'", path, 1)
    text = decode_utf8(raw, path)
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError("contains a NUL byte: is this a binary file?", path, text.count("\n", 0, nul) + 1)
    if not text.strip():
        raise InputError("the file is empty", path)
    return text
