"""The `tone:` section: per language, the cue words that make a post read as promotional or as
sincere. The date and news checks read them through safepost.text.tone.

    tone:
      - id: tone.en
        language: en
        promotional: [sale, discount, shop now, promo code, party, half price]
        patterns: ['\\d+ ?% ?off\\b']     # regular expressions that also mark a post promotional
        sincere: [remember, condolences, thoughts are with, closed today, in memory]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from safepost.errors import InputError
from safepost.rulebook.fields import Fields, check_language
from safepost.rulebook.terms import compile_terms
from safepost.text.matcher import Term


@dataclass(frozen=True)
class ToneRule:
    id: str
    language: str
    promotional: tuple[Term, ...]
    sincere: tuple[Term, ...]
    patterns: tuple[re.Pattern, ...] = ()
    path: str = ""
    line: int = 0


def parse_tone_rule(data, path: str) -> ToneRule:
    fields = Fields(data, path, "a tone entry")
    fields.reject_unknown(("id", "language", "promotional", "patterns", "sincere"))
    language = fields.text("language", required=True)
    check_language(language, path, fields.line("language"))
    return ToneRule(
        id=fields.text("id", required=True),
        language=language,
        promotional=compile_terms(fields, "promotional", (language,), required=False)[language],
        sincere=compile_terms(fields, "sincere", (language,), required=False)[language],
        patterns=_patterns(fields),
        path=path,
        line=fields.line() or 0,
    )


def _patterns(fields: Fields) -> tuple[re.Pattern, ...]:
    compiled = []
    for text, line in zip(fields.texts("patterns"), fields.item_lines("patterns")):
        try:
            compiled.append(re.compile(text, re.IGNORECASE))
        except re.error as exc:
            raise InputError(f"patterns: '{text}' is not a regular expression ({exc})", fields.path,
                             line) from None
    return tuple(compiled)
