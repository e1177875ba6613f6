"""Normalise text before matching, keeping a map back to the original characters.

People dodge word filters with zero-width spaces ("sh\u200booters"), bidi controls, full-width
letters and homoglyphs (a Cyrillic "а" inside a Latin word). We match on the normalised text but
report spans in the original, so the highlight lands on what the author actually typed.
"""
from __future__ import annotations

import re
import unicodedata

# Invisible characters that can sit inside a word without changing how it reads.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x200D,
     0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063,
     0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F,
     0x3164, 0xFE00, 0xFE01, 0xFE02, 0xFE03, 0xFE04, 0xFE05, 0xFE06, 0xFE07, 0xFE08, 0xFE09,
     0xFE0A, 0xFE0B, 0xFE0C, 0xFE0D, 0xFE0E, 0xFE0F, 0xFEFF, 0xFFA0])

_CYRILLIC_TO_LATIN = str.maketrans("аеорсухіјѕԁӏАВЕКМНОРСТХІЈЅ", "aeopcyxijsdlABEKMHOPCTXIJS")
_LATIN_TO_CYRILLIC = str.maketrans("aeopcyxiABEKMHOPCTXI", "аеорсухіАВЕКМНОРСТХІ")
_FOLDS_TO_LATIN = frozenset("аеорсухіјѕԁӏАВЕКМНОРСТХІЈЅ")
_FOLDS_TO_CYRILLIC = frozenset("aeopcyxiABEKMHOPCTXI")
_LATIN = re.compile(r"[a-zA-Z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Control characters (C0, DEL, C1) read as a space: they may separate words but never join them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEEDS_REPAIR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(map(chr, _INVISIBLE)) + "]")


def normalize(text: str) -> tuple[str, list[int] | None]:
    """Return (normalised text, index) where index[i] is the original offset of character i, or
    None when nothing changed (the common case, kept cheap: most posts need no repair).

    The normalised text is NFKC, with invisible characters removed and control characters turned
    into spaces. It keeps case: lower-casing is the tokenizer's job (it needs case for hashtags).
    """
    if not _NEEDS_REPAIR.search(text) and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        return text, None
    out: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        code = ord(char)
        if code in _INVISIBLE or unicodedata.category(char) == "Mn" and _is_stray_mark(out):
            continue
        if code < 0x20 and char not in "\t\n\r" or 0x7F <= code <= 0x9F:
            char = " "
        folded = unicodedata.normalize("NFKC", char) if code > 0x7F else char
        for piece in folded:
            out.append(piece)
            index.append(position)
    # NFKC per character misses compositions across characters (e + combining acute).
    joined = "".join(out)
    composed = unicodedata.normalize("NFC", joined)
    if len(composed) != len(joined):
        return _recompose(out, index)
    return joined, index


def _is_stray_mark(out: list[str]) -> bool:
    """A combining mark with no letter before it is noise (used to break words apart)."""
    return not out or not out[-1].isalpha()


def _recompose(chars: list[str], index: list[int]) -> tuple[str, list[int]]:
    """NFC-compose letter + combining marks, keeping the first character's original offset."""
    out: list[str] = []
    out_index: list[int] = []
    for char, position in zip(chars, index):
        if out and unicodedata.combining(char):
            candidate = unicodedata.normalize("NFC", out[-1] + char)
            if len(candidate) == 1:
                out[-1] = candidate
                continue
        out.append(char)
        out_index.append(position)
    return "".join(out), out_index


def fold_homoglyphs(word: str) -> str:
    """Rewrite a word that mixes Latin and Cyrillic letters into one script: the one of a letter
    the other script cannot imitate ("xyй" is Cyrillic: й has no Latin twin), else the majority."""
    latin = _LATIN.findall(word)
    cyrillic = _CYRILLIC.findall(word)
    if not latin or not cyrillic:
        return word
    if any(ch not in _FOLDS_TO_LATIN for ch in cyrillic) and all(ch in _FOLDS_TO_CYRILLIC for ch in latin):
        return word.translate(_LATIN_TO_CYRILLIC)
    if any(ch not in _FOLDS_TO_CYRILLIC for ch in latin) and all(ch in _FOLDS_TO_LATIN for ch in cyrillic):
        return word.translate(_CYRILLIC_TO_LATIN)
    if len(latin) >= len(cyrillic):
        return word.translate(_CYRILLIC_TO_LATIN)
    return word.translate(_LATIN_TO_CYRILLIC)


def clean_for_terminal(text: str) -> str:
    """Make post or feed text safe to print, keeping its length so highlight spans stay valid.

    Control characters become their visible Unicode pictures (an ESC shows as ␛, so an ANSI
    sequence is shown as text, not obeyed); invisible and bidi characters become "·" so a
    zero-width dodge ("sh·ooters") is visible to the reviewer. Newlines stay.
    """
    return text.translate(_TERMINAL)


_TERMINAL = {code: 0x2400 + code for code in range(0x20) if code not in (0x0A,)}
_TERMINAL.update({0x09: " ", 0x7F: "\u2421"})
_TERMINAL.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Emoji need the joiner and variation selectors to render; everything else invisible is shown.
_TERMINAL.update({code: "·" for code in _INVISIBLE if code != 0x200D and not 0xFE00 <= code <= 0xFE0F})
