"""Write part of a queue back in the queue's own format, so the manager can upload it to the
scheduler as it is.

CSV rows are copied as written, byte for byte: the header, the column order, the delimiter, the
quoting, Excel's `sep=` line, the BOM and the line endings stay what the scheduler exported.
JSON and YAML keep their shape (a list, or `posts:` with any other keys beside it) and every value
of every post; they are re-serialised, so YAML comments are not kept. The input is never written.
"""
from __future__ import annotations

import codecs
import io
import json
from pathlib import Path
from typing import Any

import yaml

from safepost.errors import InputError
from safepost.model import Post
from safepost.queue import csvfile
from safepost.yamlsafe import decode_utf8, load_text, read_bytes

CHANGED = "the queue file changed while it was being checked; run the check again"


def selection(source: str | Path, target: str | Path, posts: list[Post], keep: list[bool],
              raw: bytes) -> bytes:
    """The bytes of a queue file holding only the posts whose `keep` is true (`posts` in file
    order, read from `raw`, the file's bytes before the check). A file edited since is refused:
    its rows were not checked."""
    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve():
        raise InputError("will not overwrite the queue file itself: name another file", target)
    if read_bytes(source) != raw:
        raise InputError(CHANGED, source)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    text = decode_utf8(raw, source)
    suffix = source.suffix.lower()
    if suffix == ".csv":
        out = _csv(text, str(source), posts, keep)
    else:
        out = _structured(text, str(source), suffix, posts, keep)
    return bom + out.encode("utf-8")


def _csv(text: str, path: str, posts: list[Post], keep: list[bool]) -> str:
    spans = dict(csvfile.record_lines(text, path))
    if any(post.source_line not in spans for post in posts):
        raise InputError(CHANGED, path)
    dropped: set[int] = set()
    for post, wanted in zip(posts, keep):
        if not wanted:
            dropped.update(range(post.source_line, spans[post.source_line] + 1))
    lines = io.StringIO(text, newline="").readlines()  # split as the csv reader splits them
    return "".join(line for number, line in enumerate(lines, start=1) if number not in dropped)


def _structured(text: str, path: str, suffix: str, posts: list[Post], keep: list[bool]) -> str:
    data = json.loads(text) if suffix == ".json" else _plain(load_text(text, path))
    wrapped = isinstance(data, dict)
    items = data.get("posts") if wrapped else data
    if not isinstance(items, list) or len(items) != len(posts):
        raise InputError(CHANGED, path)
    chosen = [item for item, wanted in zip(items, keep) if wanted]
    shaped = {key: chosen if key == "posts" else value for key, value in data.items()} if wrapped else chosen
    if suffix == ".json":
        return json.dumps(shaped, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(shaped, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _plain(value: Any) -> Any:
    """The loader's line-aware mappings and lists as the plain ones a YAML dumper knows."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
