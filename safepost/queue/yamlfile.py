"""YAML queues: a list of posts, or `posts: [...]`, read safely with the line of every key."""
from __future__ import annotations

from typing import Iterator

from safepost.errors import InputError
from safepost.queue.source import RawRow, Table, unique_keys
from safepost.yamlsafe import LineDict, LineList, load_text


def read_table(text: str, path: str) -> Table:
    data = load_text(text, path)
    items = data.get("posts") if isinstance(data, LineDict) else data
    if not isinstance(items, LineList):
        raise InputError("expected a list of posts, or 'posts:' holding one", path, getattr(data, "line", 1))
    return Table(_rows(items, path))


def _rows(items: LineList, path: str) -> Iterator[RawRow]:
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, LineDict):
            raise InputError("a post must be a mapping (id: ..., text: ...)", path, line)
        keys = unique_keys(item, path, line)
        yield RawRow(line, dict(zip(keys, item.values())),
                     {key: item.line_of(original) for key, original in zip(keys, item)})
