"""How common a word is in everyday language: the prior that tells a story's name ("Sandy",
"Germanwings", "Utøya") from the words every headline uses ("leaves", "coast", "power").

wordfreq knows en, ru, uk, pl and nb (not az: its callers fall back on capital letters and on
recurrence within the news itself). Loading its full list costs 0.1-0.5 s a language, so the
words common enough to matter (Zipf >= 3) are kept in a small file in the user's cache, written
the first time a language is needed and read in a few milliseconds after that.
"""
from __future__ import annotations

import marshal
from functools import cache
from pathlib import Path

from safepost.usercache import installed_stamp, load_private, store_private, user_cache

FLOOR = 3.0  # below this a word is rare: its Zipf value is not kept
SUPPORTED = ("en", "ru", "uk", "pl", "nb")
_WORDFREQ_CODES = {"nb": "nb"}


def zipf(word: str, language: str | None) -> float | None:
    """The word's Zipf frequency (log10 per billion words: "the" 7.7, "storm" 4.7, "Sandy" 4.2),
    0.0 for a rare word, None when the language has no frequency list."""
    table = _table(language) if language in SUPPORTED else None
    if table is None:
        return None
    return table.get(word, 0) / 10


def is_rare(word: str, language: str | None, below: float) -> bool | None:
    found = zipf(word, language)
    return None if found is None else found < below


def cache_dir() -> Path:
    return user_cache("wordfreq")


@cache
def _table(language: str) -> dict[str, int] | None:
    path = cache_dir() / f"{language}-{installed_stamp(('wordfreq',))}-{FLOOR}.marshal"
    table = load_private(path, marshal.loads)
    if isinstance(table, dict):
        return table
    table = _build(language)
    store_private(path, table, len(SUPPORTED) * 2, marshal.dumps)
    return table


def _build(language: str) -> dict[str, int]:
    import math

    import wordfreq

    floor = 10 ** (FLOOR - 9)
    return {word: round((math.log10(freq) + 9) * 10)
            for word, freq in wordfreq.get_frequency_dict(_WORDFREQ_CODES.get(language, language)).items()
            if freq >= floor}
