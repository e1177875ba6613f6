"""Text laid out for a terminal of a known width: words wrapped whole, with hanging indents, and
styled spans (a matched word, a label) kept across the breaks. Colour is ANSI SGR, written only
when the terminal takes it; without colour a matched word is marked with carets on the line
below, so piped output keeps the same structure and still shows which words fired.

Plain strings in, plain strings out: faster than building a rich renderable per line, which
matters when a queue of 100,000 posts is rendered."""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass

from rich.cells import cell_len as _cell_len

_WORD = re.compile(r"\S+")
RESET = "\x1b[0m"

# SGR codes, by what they mean here
BOLD, DIM, CYAN = "1", "2", "36"
BADGE = {"hold": "1;37;41", "flag": "1;30;43", "pass": "1;30;42"}
LEVEL = {"hold": "1;31", "flag": "1;33", "pass": "32"}
MATCH = {"hold": "1;4;31", "flag": "1;4;33", "pass": "4"}


# Characters that may not take exactly one cell: combining marks (zero), wide CJK and emoji
# (two), invisible ones. Latin, Cyrillic and the other alphabets safepost reads take one cell
# each, so their width is their length: no lookup per word.
_NOT_ONE_CELL = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
                           "\u06d6-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u0900-\u0dff\u0e31-\u0e4e"
                           "\u0eb1-\u0ecd\u0f18-\u0fbc\u1000-\uffff\U00010000-\U0010ffff]")


def cells(text: str) -> int:
    """How many terminal cells `text` takes (wide CJK and emoji take two)."""
    return len(text) if text.isascii() or not _NOT_ONE_CELL.search(text) else _cell_len(text)


def terminal_width(default: int = 80) -> int:
    """COLUMNS when set, else the terminal's width, else `default` (piped output)."""
    return shutil.get_terminal_size((default, 24)).columns or default


def stream_takes_colour(stream) -> bool:
    """ANSI colour for a terminal, never for a pipe or a file; NO_COLOR switches it off,
    FORCE_COLOR on; TERM=dumb is no colour."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    sgr: str
    mark: bool = False  # shown with carets underneath when there is no colour


def wrap_ranges(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` wrapped at `width` cells (`first` for the first line).
    Lines break at spaces, which are dropped at the break; a word is cut only when it alone is
    wider than a whole line (a long link), never because it reached the margin. A newline in the
    text ends a line."""
    lines: list[tuple[int, int]] = []
    width = max(1, width)
    limit = max(1, first) if first is not None else width
    base = 0
    for paragraph in text.split("\n"):
        plain = paragraph.isascii() or not _NOT_ONE_CELL.search(paragraph)  # one cell a character
        if plain and " " in paragraph and not _OTHER_SPACE.search(paragraph):
            lines += _wrap_plain(paragraph, base, width, limit)
            limit = width
            base += len(paragraph) + 1
            continue
        measure = len if plain else cells
        start = end = -1
        used = 0
        for word in _WORD.finditer(paragraph):
            ws, we = word.start() + base, word.end() + base
            size = measure(word.group())
            if start >= 0:
                gap = ws - end if plain else cells(text[end:ws])
                if used + gap + size <= limit:
                    end, used = we, used + gap + size
                    continue
                lines.append((start, end))
                limit = width
                start = -1
            if size <= limit:
                start, end, used = ws, we, size
                continue
            piece_start = ws  # a word wider than a whole line: cut where the line ends
            used = 0
            for position in range(ws, we):
                size = measure(text[position])
                if used + size > limit and position > piece_start:
                    lines.append((piece_start, position))
                    limit = width
                    piece_start, used = position, 0
                used += size
            start, end = piece_start, we
        lines.append((start, end) if start >= 0 else (base, base))
        limit = width
        base += len(paragraph) + 1
    return lines


_OTHER_SPACE = re.compile(r"(?! )\s")


def _wrap_plain(paragraph: str, base: int, width: int, limit: int) -> list[tuple[int, int]]:
    """wrap_ranges for a paragraph of one-cell characters separated by plain spaces: the same
    lines, found with str.rfind instead of a word at a time."""
    lines = []
    size = len(paragraph)
    position = size - len(paragraph.lstrip(" "))
    end_of_text = len(paragraph.rstrip(" "))
    while position < end_of_text:
        if end_of_text - position <= limit:
            lines.append((base + position, base + end_of_text))
            return lines
        cut = paragraph.rfind(" ", position, position + limit + 1)
        if cut <= position:  # a word wider than a whole line: cut it where the line ends
            cut = position + limit
            end = cut
        else:
            end = len(paragraph[:cut].rstrip(" "))
        lines.append((base + position, base + end))
        position = cut
        while position < size and paragraph[position] == " ":
            position += 1
        limit = width
    return lines or [(base, base)]


class Ink:
    """Paints text for one output: with ANSI codes for a terminal that takes colour, plain else."""

    def __init__(self, colour: bool, width: int):
        self.colour = colour
        self.width = max(20, width)

    def __call__(self, text: str, sgr: str | None) -> str:
        return f"\x1b[{sgr}m{text}{RESET}" if self.colour and sgr and text else text

    def paint(self, text: str, start: int, end: int, spans: list[Span]) -> str:
        """text[start:end] with the spans that fall in it styled."""
        if not self.colour or not spans:
            return text[start:end]
        out, position = [], start
        for span in spans:
            if span.end <= start or span.start >= end:
                continue
            left, right = max(span.start, start), min(span.end, end)
            if left < position:
                continue
            out.append(text[position:left])
            out.append(self(text[left:right], span.sgr))
            position = right
        out.append(text[position:end])
        return "".join(out)

    def carets(self, text: str, start: int, end: int, spans: list[Span], indent: int) -> str | None:
        """Without colour: '^^^^' under the marked words of text[start:end], or None."""
        if self.colour:
            return None
        marks = [(max(s.start, start), min(s.end, end)) for s in spans if s.mark and s.start < end and s.end > start]
        if not marks:
            return None
        line, position = [" " * indent], start
        for left, right in sorted(marks):
            if left < position:
                continue
            line.append(" " * cells(text[position:left]))
            line.append("^" * max(1, cells(text[left:right])))
            position = right
        return "".join(line)

    def block(self, prefix: str, text: str, spans: list[Span] = (), indent: int | None = None,
              prefix_cells: int | None = None, style: str | None = None) -> list[str]:
        """`prefix` (already painted) then `text` (plain) wrapped to the width, in `style` or
        with `spans` styled; later lines start under the text's first character, or at
        `indent` cells. Never a trailing space."""
        if style and not spans:
            spans = [Span(0, len(text), style)]
        first = cells(_plain(prefix)) if prefix_cells is None else prefix_cells
        indent = first if indent is None else indent
        room_first, room = self.width - first, self.width - indent
        if room_first < 16 or room < 16:  # a long label: the text goes under it instead
            lead = [prefix.rstrip()] if prefix.strip() else []
            indent = min(indent, 4)
            return lead + self.block(" " * indent, text, spans, indent, indent, style)
        ranges = wrap_ranges(text, room, room_first)
        lines = []
        for number, (start, end) in enumerate(ranges):
            lead = prefix if number == 0 else " " * indent
            lines.append((lead + self.paint(text, start, end, spans)).rstrip())
            marks = self.carets(text, start, end, spans, first if number == 0 else indent)
            if marks:
                lines.append(marks)
        return lines


_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _plain(text: str) -> str:
    return _SGR.sub("", text)


def truncate(text: str, room: int) -> str:
    """At most `room` cells: cut at a word boundary where one is near, marked with '…'."""
    if cells(text) <= room:
        return text
    if room <= 1:
        return "…"[:room]
    cut = text
    while cells(cut) > room - 1:
        cut = cut[:-1]
    space = cut.rfind(" ")
    if space >= room // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:·") + "…"
