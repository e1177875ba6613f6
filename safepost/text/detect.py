"""Language detection, the last resort after the post's `language` column and the config default.

lingua restricted to the rulebook's languages is accurate on tweet-length text, but loading its
models costs about a second, so it is only built when a post actually needs it.
"""
from __future__ import annotations

from functools import cache

_LINGUA_NAMES = {"en": "ENGLISH", "ru": "RUSSIAN", "uk": "UKRAINIAN", "pl": "POLISH",
                 "nb": "BOKMAL", "az": "AZERBAIJANI", "de": "GERMAN", "fr": "FRENCH",
                 "es": "SPANISH", "it": "ITALIAN", "pt": "PORTUGUESE", "nl": "DUTCH",
                 "sv": "SWEDISH", "da": "DANISH", "fi": "FINNISH", "cs": "CZECH", "tr": "TURKISH",
                 "lt": "LITHUANIAN", "lv": "LATVIAN", "et": "ESTONIAN", "ro": "ROMANIAN",
                 "hu": "HUNGARIAN", "be": "BELARUSIAN", "ka": "GEORGIAN", "kk": "KAZAKH"}


@cache
def _detector(candidates: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, _LINGUA_NAMES[c]) for c in candidates]
    return LanguageDetectorBuilder.from_languages(*languages).build(), {
        getattr(Language, _LINGUA_NAMES[c]): c for c in candidates}


# Languages a queue often holds that a rulebook may not speak: offered to the detector too, so a
# Spanish post is recognised as Spanish (checked without word rules, with a note) instead of
# being read as the closest language the rulebook has.
WIDELY_USED = ("de", "es", "fr", "it", "nl", "pt", "tr")


def detect_language(text: str, candidates: tuple[str, ...]) -> str | None:
    """The most likely of the candidate languages (or of the widely used ones), or None when the
    text gives no clue."""
    known = tuple(sorted(c for c in {*candidates, *WIDELY_USED} if c in _LINGUA_NAMES))
    if not known or not any(ch.isalpha() for ch in text):
        return None
    detector, codes = _detector(known)
    found = detector.detect_language_of(text)
    return codes.get(found) if found is not None else None
