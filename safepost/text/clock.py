"""Times of day a text writes: "at 3pm", «о 12:00», "kl. 11", "3 o'clock", "saat 12:00-da". They
say when a country falls silent, and which post lands on that minute. A time must be written as
one: a colon, am or pm, o'clock, or a word for the hour before it. "12.99 zł", "-20%" and "sale
20" are no times."""
from __future__ import annotations

import re
from datetime import time

HALF_DAY = 12
_HOUR_WORDS = r"at|kl|klokka|klokken|godz|godzinie|saat|о|в|во|o"
_TWELVE_HOUR = re.compile(r"(?<![\d:.,])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_TWENTY_FOUR = re.compile(r"(?<![\d:.,])([01]?\d|2[0-3]):([0-5]\d)(?!\d|:\d)")
_NOT_A_TIME_AFTER = r"(?!\s*(?:[ap]\.?\s?m\b|o['’]?\s?clock|zł|zl|kr|nok|грн|₽|руб|azn|manat|%|\$|£|€))"
_AFTER_HOUR_WORD = re.compile(rf"(?<!\w)(?:{_HOUR_WORDS})\.?\s+([01]?\d|2[0-3])(?:\.([0-5]\d))?(?!\d|[.,:]\d)"
                              + _NOT_A_TIME_AFTER, re.IGNORECASE)
_OCLOCK = re.compile(r"(?<![\d:.,])(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                     r"\s*o['’]?\s?clock\b", re.IGNORECASE)
_ENGLISH_HOURS = {word: n for n, word in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"), 1)}


def clock_times(text: str) -> frozenset[time]:
    """Every time of day the text writes. "3 o'clock" says neither morning nor afternoon, so it is
    both 3:00 and 15:00."""
    found: set[time] = set()
    for match in _TWELVE_HOUR.finditer(text):
        hour = int(match.group(1)) % HALF_DAY + (HALF_DAY if match.group(3).lower() == "p" else 0)
        found.add(time(hour, int(match.group(2) or 0)))
    for match in _TWENTY_FOUR.finditer(text):
        found.add(time(int(match.group(1)), int(match.group(2))))
    for match in _AFTER_HOUR_WORD.finditer(text):
        found.add(time(int(match.group(1)), int(match.group(2) or 0)))
    for match in _OCLOCK.finditer(text):
        word = match.group(1).lower()
        hour = int(word) if word.isdigit() else _ENGLISH_HOURS[word]
        if 1 <= hour <= HALF_DAY:
            found.update((time(hour % HALF_DAY), time(hour % HALF_DAY + HALF_DAY)))
    return frozenset(found)
