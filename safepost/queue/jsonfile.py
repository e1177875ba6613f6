"""JSON queues: a list of post objects, or `{"posts": [...]}`, with the line each post starts on.

The standard decoder forgets positions, so this one runs the pure-Python scanner with a list
parser that notes where each item begins: "line 41" finds a post, "post #7" sends you counting.
"""
from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from typing import Any, Iterator

from safepost.errors import InputError
from safepost.queue.source import RawRow, Table, unique_keys


class _Items(list):
    """A JSON array that knows the line of each item."""

    lines: list[int]


class _Object(dict):
    """A JSON object that remembers a key written twice (the standard decoder keeps the last)."""

    duplicate: str | None = None


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    for key, value in pairs:
        if key in obj and obj.duplicate is None:
            obj.duplicate = key
        obj[key] = value
    return obj


class _LineDecoder(json.JSONDecoder):
    def __init__(self, text: str):
        super().__init__(object_pairs_hook=_object)
        self._newlines = [match.start() for match in re.finditer("\n", text)]
        self.parse_array = self._array
        self.scan_once = json.scanner.py_make_scanner(self)

    def line(self, index: int) -> int:
        return bisect.bisect_left(self._newlines, index) + 1

    def _array(self, s_and_end, scan_once):
        starts: list[int] = []

        def noting_start(string: str, index: int):
            starts.append(index)
            return scan_once(string, index)

        values, end = json.decoder.JSONArray(s_and_end, noting_start)
        items = _Items(values)
        items.lines = [self.line(start) for start in starts]
        return items, end


def read_table(text: str, path: str) -> Table:
    decoder = _LineDecoder(text)
    try:
        data = decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except RecursionError:
        raise InputError("JSON nested too deeply", path) from None
    top_line = decoder.line(len(text) - len(text.lstrip()))
    items = data.get("posts") if isinstance(data, dict) else data
    if not isinstance(items, _Items):
        raise InputError('expected a list of posts, or {"posts": [...]}', path, top_line)
    return Table(_rows(items, path))


def _rows(items: _Items, path: str) -> Iterator[RawRow]:
    for item, line in zip(items, items.lines):
        if not isinstance(item, _Object):
            raise InputError("a post must be an object ({\"id\": ..., \"text\": ...})", path, line)
        if item.duplicate is not None:
            raise InputError(f"'{item.duplicate}' appears twice in this post", path, line)
        yield RawRow(line, dict(zip(unique_keys(item, path, line), item.values())))
