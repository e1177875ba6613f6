"""CSV queues as spreadsheets write them: `,` or `;` (Polish Excel) or tabs, quoted multi-line cells,
Excel's `sep=` hint line, and exports with no header at all (Hootsuite's)."""
from __future__ import annotations

import csv
import io
import itertools
import re
from typing import Iterator

from safepost.errors import InputError
from safepost.queue.presets import Preset, detect
from safepost.queue.source import RawRow, Table, unique_keys

DELIMITERS = (",", ";", "\t")
SNIFF_CHARS = 64 * 1024
SNIFF_ROWS = 20
_SEP_HINT = re.compile(r"sep=(.)\r?\n")  # Excel's first-line delimiter hint


def read_table(text: str, path: str, preset: Preset | None) -> tuple[Table, Preset | None]:
    """The file's rows, and the preset in force: the one asked for, else the one its first row shows."""
    delimiter, records = _split(text, path)
    first = next(records, None)
    if first is None:
        return Table(iter(())), preset
    line, _, cells = first
    preset = preset or detect(cells)
    if preset and preset.positional:
        names = preset.positional
        table = Table(_rows(itertools.chain([first], records), list(names), path, delimiter), names, line)
    else:
        names = tuple(cells)
        table = Table(_rows(records, unique_keys(names, path, line), path, delimiter), names, line)
    return table, preset


def record_lines(text: str, path: str) -> list[tuple[int, int]]:
    """(first line, last line) of every non-blank record, numbered as the reader numbers rows:
    what a writer needs to copy a row exactly as it was written."""
    return [(start, end) for start, end, _ in _split(text, path)[1]]


def _split(text: str, path: str) -> tuple[str, Iterator[tuple[int, int, list[str]]]]:
    hint = _SEP_HINT.match(text)
    delimiter = hint.group(1) if hint else sniff(text)
    return delimiter, _records(text[hint.end():] if hint else text, path, delimiter, first_line=2 if hint else 1)


def sniff(text: str) -> str:
    """The delimiter that splits the first rows into the same, largest number of cells."""
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        widths = _widths(text[:SNIFF_CHARS], delimiter)
        if not widths or widths[0] < 2:
            continue
        score = (sum(width == widths[0] for width in widths), widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _widths(sample: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    widths = []
    try:
        for cells in itertools.islice(reader, SNIFF_ROWS):
            width = len(_trim(cells))
            if width:
                widths.append(width)
    except csv.Error:
        pass  # the sample may end inside a quoted cell; the rows before it still count
    return widths


def _trim(cells: list[str]) -> list[str]:
    """Without the empty cells Excel leaves after the last filled column."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _records(text: str, path: str, delimiter: str, first_line: int) -> Iterator[tuple[int, int, list[str]]]:
    """(line the record starts on, line it ends on, cells) for every non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    offset = first_line - 1
    start = first_line
    try:
        for cells in reader:
            if cells and cells[0].strip() or _trim(cells):
                yield start, offset + reader.line_num, cells
            start = offset + reader.line_num + 1
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise InputError("a quoted cell that starts in this row is never closed", path, start) from None
        raise InputError(f"bad CSV: {exc}", path, offset + reader.line_num) from None


def _rows(records, keys: list[str], path: str, delimiter: str) -> Iterator[RawRow]:
    shown = "tab" if delimiter == "\t" else f"'{delimiter}'"
    for line, _, cells in records:
        if len(cells) > len(keys) and len(_trim(cells)) > len(keys):
            raise InputError(f"{len(_trim(cells))} cells but {len(keys)} columns: quote any text that "
                             f"contains {shown}", path, line)
        yield RawRow(line, {key: cell for key, cell in zip(keys, cells) if key})
