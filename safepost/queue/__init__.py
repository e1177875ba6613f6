"""Read a queue of scheduled posts (.csv, .json, .yaml/.yml) into Posts, naming the line of any problem;
write a selection of its posts back in the queue's own format (writer.py).

Readers yield raw rows one at a time (csvfile, jsonfile, yamlfile); columns.py decides which column
feeds which field; posts.py turns each row into a Post. A header-only CSV or an empty list is a
queue with nothing scheduled, not an error; a blank file is an error (most likely a failed export).
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Iterable, Iterator

from safepost.config import DATE_ORDERS, check_timezone
from safepost.errors import InputError
from safepost.model import Post
from safepost.queue import csvfile, jsonfile, yamlfile
from safepost.queue.columns import FIELDS, build_mapping
from safepost.queue.dateorder import infer
from safepost.queue.posts import PostBuilder
from safepost.queue.presets import PRESETS, Preset, get_preset
from safepost.queue.source import RawRow, Table, read_text
from safepost.queue.times import TimeOptions
from safepost.queue.writer import selection

__all__ = ["FIELDS", "PRESETS", "iter_queue", "read_queue", "selection"]

FORMATS = (".csv", ".json", ".yaml", ".yml")


def read_queue(path: str | Path, *, columns: dict[str, str] | None = None, preset: str | None = None,
               timezone: str | None = None, platform: str | None = None, date_order: str | None = None,
               languages: tuple[str, ...] = (), limit: int | None = None, platforms: tuple[str, ...] = ()) -> list[Post]:
    """All posts of a queue file; more than `limit` is refused at the first post over it (a
    million-row export is a mistake to report, not a job to run for an hour)."""
    posts: list[Post] = []
    for post in iter_queue(path, columns=columns, preset=preset, timezone=timezone, platform=platform,
                           date_order=date_order, languages=languages, platforms=platforms, limit=limit):
        if limit is not None and len(posts) >= limit:
            raise InputError(f"more than {limit:,} posts: check the queue in parts, or raise "
                             "max_posts in safepost.yaml", path, post.source_line)
        posts.append(post)
    return posts


def iter_queue(path: str | Path, *, columns: dict[str, str] | None = None, preset: str | None = None,
               timezone: str | None = None, platform: str | None = None, date_order: str | None = None,
               languages: tuple[str, ...] = (), platforms: tuple[str, ...] = (),
               limit: int | None = None) -> Iterator[Post]:
    """Posts one by one, in file order; raises InputError (with file and line) at the first bad one.
    Dates are read in one order for the whole file (dateorder.py): the config's, else the
    preset's, else the file's own; only in that last case is the file read ahead (up to `limit`
    posts and one more, so that an oversized queue is still refused at once)."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"cannot read '{path.suffix or path.name}' files as a queue: use "
                         f"{', '.join(FORMATS)}", path)
    if date_order and date_order.upper() not in DATE_ORDERS:
        raise InputError(f"date order must be one of {', '.join(DATE_ORDERS)}, not '{date_order}'")
    zone = check_timezone(timezone, None, None) if timezone else None
    forced = get_preset(preset) if preset else None
    table, chosen = _read_table(read_text(path), where, suffix, forced)
    mapping = build_mapping(chosen, columns, platform_given=bool(platform))
    if table.columns is not None:
        mapping.check_columns(table.columns, where, table.line)
    rows: Iterable[RawRow] = table.rows
    if date_order:
        order, source = date_order.upper(), "set in safepost.yaml"
    elif chosen and chosen.date_order:
        order, source = chosen.date_order, f"of a {chosen.title}"
    else:
        rows = list(itertools.islice(rows, limit + 1)) if limit is not None else list(rows)
        field = mapping.sources["scheduled_at"]
        dates = [(" ".join(str(row.values.get(column) or "") for column in field), row.line) for row in rows]
        order, source = infer(dates, where), "read from the file"
    builder = PostBuilder(where, path.stem, mapping, zone, platform,
                          TimeOptions(order or "YMD", tuple(languages), source), platforms)
    first_line: dict[str, int] = {}
    keys: set[str] = set()
    for row in rows:
        post = builder.build(row)
        if post.id in first_line:
            raise InputError(f"duplicate id '{post.id}' (first on line {first_line[post.id]})", where, row.line)
        first_line[post.id] = row.line
        keys.update(row.values)
        yield post
    if table.columns is None and first_line:
        mapping.check_seen(keys, where)


def _read_table(text: str, path: str, suffix: str, forced: Preset | None) -> tuple[Table, Preset | None]:
    if suffix == ".csv":
        return csvfile.read_table(text, path, forced)
    if forced and forced.positional:
        raise InputError(f"the '{forced.name}' preset is for CSV files without a header", path)
    reader = jsonfile.read_table if suffix == ".json" else yamlfile.read_table
    return reader(text, path), forced
