"""A selection of a queue with new times, in the export's own format, for the scheduler to take
back: `resume --stagger` spreads the posts a pause held instead of letting them out in a burst.

The selection itself is writer.py's (`--approved-out`): same header, delimiter, quoting, BOM,
shape. Only the time cells of each post change, and each is written the way that cell was
written: ISO 8601 keeps its offset (or its Z, or no offset); "01/08/2026 09:00" keeps its order,
separators, padding and columns (Sprout's date + time_24hr). The form is found by writing the
post's old time in each candidate form and keeping the one that gives back the cell as it was;
a cell in no form safepost can write is an error, never a time the scheduler would misread.
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from datetime import datetime
from pathlib import Path

import yaml

from safepost.errors import InputError
from safepost.model import Post
from safepost.queue import csvfile
from safepost.queue.columns import build_mapping
from safepost.queue.presets import get_preset
from safepost.queue.source import normalize
from safepost.queue.writer import _plain, selection
from safepost.yamlsafe import decode_utf8, load_text

ORDERS = {"DMY": "dmy", "MDY": "mdy", "YMD": "ymd"}


def rescheduled(source: str | Path, target: str | Path, posts: list[Post], times: dict[str, datetime],
                raw: bytes, preset: str | None = None, columns: dict[str, str] | None = None,
                date_order: str | None = None) -> bytes:
    """The bytes of the queue holding only the posts in `times` (`posts` in file order, read from
    `raw`), each at its new time; `date_order` is the config's, if it sets one."""
    keep = [post.id in times for post in posts]
    chosen = [post for post in posts if post.id in times]
    data = selection(source, target, posts, keep, raw)
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = decode_utf8(data[len(bom):], source)
    if Path(source).suffix.lower() == ".csv":
        out = _csv(text, str(source), chosen, times, preset, columns, date_order)
    else:
        out = _structured(text, str(source), chosen, times, preset, columns, date_order)
    return bom + out.encode("utf-8")


def _time_columns(preset_name: str | None, columns: dict[str, str] | None, found_preset=None) -> tuple[str, ...]:
    preset = get_preset(preset_name) if preset_name else found_preset
    return build_mapping(preset, columns, platform_given=True).sources["scheduled_at"]


def _csv(text: str, path: str, posts: list[Post], times: dict[str, datetime], preset: str | None,
         columns: dict[str, str] | None, date_order: str | None) -> str:
    table, found = csvfile.read_table(text, path, get_preset(preset) if preset else None)
    date_order = date_order or (found.date_order if found else None)
    wanted = _time_columns(preset, columns, found)
    names = [normalize(name) for name in (table.columns or ())]
    where = [names.index(column) for column in wanted]
    delimiter = csvfile.sniff(text) if not text.startswith("sep=") else text[4]
    spans = csvfile.record_lines(text, path)
    data_spans = spans[1:] if not (found and found.positional) else spans
    lines = io.StringIO(text, newline="").readlines()
    for post, (start, end) in zip(posts, data_spans):
        record = "".join(lines[start - 1:end])
        ending = record[len(record.rstrip("\r\n")):] or "\n"
        cells = next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter))
        new = _written([cells[index] for index in where], post, times[post.id], path, start, date_order)
        for index, value in zip(where, new):
            cells[index] = value
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator=ending).writerow(cells)
        lines[start - 1:end] = [out.getvalue()] + [""] * (end - start)
    return "".join(lines)


def _structured(text: str, path: str, posts: list[Post], times: dict[str, datetime], preset: str | None,
                columns: dict[str, str] | None, date_order: str | None) -> str:
    json_file = path.lower().endswith(".json")
    data = json.loads(text) if json_file else load_text(text, path)
    items = data.get("posts") if isinstance(data, dict) else data
    wanted = _time_columns(preset, columns)
    for post, item in zip(posts, items):
        keys = [next(key for key in item if normalize(key) == column) for column in wanted]
        for key, value in zip(keys, _written([str(item[key]) for key in keys], post, times[post.id], path,
                                             post.source_line, date_order)):
            item[key] = value
    if json_file:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(_plain(data), sort_keys=False, allow_unicode=True, default_flow_style=False)


def _written(cells: list[str], post: Post, new: datetime, path: str, line: int | None,
             date_order: str | None) -> list[str]:
    """The new time in the form the old cells show (one cell, or a date cell and a time cell),
    in the file's date order when it is known."""
    old = " ".join(cell.strip() for cell in cells)
    local = new.astimezone(post.scheduled_at.tzinfo)
    if len(cells) == 1:
        iso = _iso_like(old, new, local)
        if iso is not None:
            return [iso]
    orders = [ORDERS[date_order]] if date_order else list(ORDERS.values())
    candidates = itertools.product(orders, "/.-", (True, False), (False, True), (False, True), (True, False))
    forms = [form for form in candidates
             if " ".join(_form(post.scheduled_at, *form)) == " ".join(old.split())]
    written = {_form(local, *form) for form in forms}
    if len(written) > 1:
        raise InputError(f"'{old[:40]}' reads as day/month and as month/day: set date_order in safepost.yaml "
                         "so the new time is written in the file's order", path, line)
    if not written:
        raise InputError(f"cannot write a new time in the form of '{old[:40]}': reschedule this post by hand, "
                         "or use ISO 8601 times (2026-08-01T09:00+02:00) in the export", path, line)
    date, time = written.pop()
    return [f"{date} {time}"] if len(cells) == 1 else [date, time]


def _iso_like(old: str, new: datetime, local: datetime) -> str | None:
    try:
        parsed = datetime.fromisoformat(old)
    except ValueError:
        return None
    sep = "T" if "T" in old else " "
    spec = "seconds" if re.match(r"\d{1,2}:\d{2}:\d{2}", old.split(sep)[-1]) else "minutes"
    if parsed.tzinfo is None:
        return local.replace(tzinfo=None).isoformat(sep=sep, timespec=spec)
    written = new.astimezone(parsed.tzinfo).isoformat(sep=sep, timespec=spec)
    return written[:-6] + "Z" if old.endswith("Z") and written.endswith("+00:00") else written


def _form(moment: datetime, order: str, sep: str, padded: bool, short_year: bool, seconds: bool,
          padded_hour: bool) -> tuple[str, str]:
    parts = {"d": moment.day, "m": moment.month, "y": moment.year % 100 if short_year else moment.year}
    date = sep.join(f"{parts[key]:02d}" if padded or key == "y" else str(parts[key]) for key in order)
    hour = f"{moment.hour:02d}" if padded_hour else str(moment.hour)
    time = f"{hour}:{moment.minute:02d}" + (f":{moment.second:02d}" if seconds else "")
    return date, time
