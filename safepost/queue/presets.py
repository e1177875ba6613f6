"""Column presets for the bulk-upload CSVs of real schedulers, so an export is checked as it is.

None of these formats carries a post id or a network (the network is picked in the scheduler's
upload dialog), so posts read through a preset get `<file stem>:<line>` as id and the `platform`
argument (or "unknown") as platform. Each format's date order is also chosen in its upload
dialog, which is why the config's `date_order` wins over a preset's own, and a file that shows
neither is read in the order its own dates show (queue/dateorder.py).

What was verified (Nov 2026, with the search tool) and what was not:
- Sprout Social: its help article "How do I use bulk scheduling?" names the required, case-sensitive
  headers `date` (dd/mm/yyyy or mm/dd/yyyy, as chosen on import), `time_24hr` and `message_text`.
  The optional columns (link, image URL, tags) were not visible in the text found; a `link` column
  is read as our `link` only because the names agree.
- Buffer: NOT verified; no Buffer page describing its bulk CSV was found. `Text` and `Posting Time`
  (read as "YYYY-MM-DD HH:mm") follow the team's brief and memory of Buffer's template.
- Hootsuite: user write-ups of its bulk message upload (2015, 2016) agree on a file with no header
  and up to three columns: date and time (mm/dd/yyyy hh:mm or dd/mm/yyyy hh:mm, 24-hour, as chosen
  on upload), the message, an optional link. Hootsuite's own help page was not found. Its upload
  dialog starts on month/day/year, which the preset therefore carries; the config's date_order wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from safepost.errors import InputError
from safepost.queue.source import normalize
from safepost.rulebook.fields import did_you_mean

_DATE_TIME = re.compile(r"^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s+\d{1,2}:\d{2}")


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    columns: dict[str, tuple[str, ...]]  # our field -> their columns (lower-case), joined by a space
    signature: frozenset[str] = frozenset()  # header columns that identify the export
    positional: tuple[str, ...] = ()  # names for the columns of an export without a header
    date_order: str | None = None  # the scheduler's own date order, when it has one


SPROUT = Preset(
    "sprout", "Sprout Social bulk scheduling CSV",
    {"scheduled_at": ("date", "time_24hr"), "text": ("message_text",)},
    signature=frozenset({"date", "time_24hr", "message_text"}),
)
BUFFER = Preset(
    "buffer", "Buffer bulk upload CSV",
    {"scheduled_at": ("posting time",), "text": ("text",)},
    signature=frozenset({"text", "posting time"}),
)
HOOTSUITE = Preset(
    "hootsuite", "Hootsuite bulk composer CSV (no header)",
    {"scheduled_at": ("date",), "text": ("message",), "link": ("link",)},
    positional=("date", "message", "link"), date_order="MDY",
)
PRESETS: dict[str, Preset] = {preset.name: preset for preset in (SPROUT, BUFFER, HOOTSUITE)}


def get_preset(name: str) -> Preset:
    key = name.strip().lower()
    if key not in PRESETS:
        raise InputError(f"unknown preset '{name}'{did_you_mean(key, PRESETS)}; "
                         f"the presets are: {', '.join(PRESETS)}")
    return PRESETS[key]


def detect(first_row: list[str]) -> Preset | None:
    """The preset a CSV's first row gives away; None for our own format or an unknown one."""
    names = {normalize(cell) for cell in first_row}
    if {"scheduled_at", "text"} <= names:
        return None
    for preset in PRESETS.values():
        if preset.signature and preset.signature <= names:
            return preset
    cells = [cell for cell in first_row if cell.strip()]
    if 2 <= len(cells) <= len(HOOTSUITE.positional) and _DATE_TIME.match(first_row[0]):
        return HOOTSUITE
    return None
