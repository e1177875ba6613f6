"""Decode a feed's bytes the way a browser would, and say so when its labels lie.

The labels come first (a byte order mark, the server's charset, the XML declaration), then the
encodings feeds in the rulebook's languages are really written in. Each is tried strictly, and
the reading with the fewest signs of mojibake wins; on a tie, the label the browser trusts most.
A cp1251 body labelled UTF-8 then reads as Russian, and UTF-8 labelled koi8-r as UTF-8, instead
of a "fresh" feed of garbled headlines that no rule can match.

Signs of mojibake, for the scripts the rulebook speaks (Latin with Polish, Norwegian and
Azerbaijani letters; Russian and Ukrainian Cyrillic): control characters; box drawing; letters
of other alphabets (Ђ, Џ: cp1251 read from UTF-8; ĺ, ř: cp1252 read as cp1250); Latin and
Cyrillic in one word; a capital right after a small letter inside a Cyrillic word (чЪТЩЧ:
cp1251 read as koi8-r); a Latin word made mostly of accented letters (Âçðûâ: cp1251 read as
cp1252); a symbol glued to a letter (Р·, С‹).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# What the rulebook's languages are written in, besides their labels: tried when labels fail.
SNIFFED = ("utf-8", "cp1251", "koi8-r", "koi8-u", "cp1250", "iso8859-2", "cp1252", "cp1254")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_UTF16_PROLOG = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_PROLOG = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_PROLOG_TEXT = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])[A-Za-z0-9._:-]+(["'])""")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_RULEBOOK_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
# Polish, Norwegian and Azerbaijani letters, and the accents English text borrows (café, Zürich)
_RULEBOOK_LATIN = frozenset("ąćęłńóśźż" "æøå" "əğıöüşç" "áàâäãéèêëíìîïóòôõúùûñß")
_CASE_FLIP = re.compile(r"[a-zа-яёіїєґ][A-ZА-ЯЁІЇЄҐ]")
_WORD = re.compile(r"[^\W\d_]+")
_GLUED_SYMBOL = re.compile(r"(?<=[^\W\d_])[‚„†‡‰‹›•™¤¦¬¶·µ±°§]")
_ODD_ASCII = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ODD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\u2500-\u259f\ufffd\ue000-\uf8ff]")
_SAMPLE = 50_000  # characters scored: enough to tell, cheap on a 10 MB body


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec name the text was read with
    problem: str = ""  # what the labels said that the bytes did not bear out; "" when they agree


def decode_feed(body: bytes, content_type: str | None = None) -> Decoded:
    labels = _labels(body, content_type)
    candidates: list[str] = []
    unknown = []
    for label, _ in labels:
        name = _codec(label)
        if name is None:
            unknown.append(label)
        elif name not in candidates:
            candidates.append(name)
    candidates += [name for name in map(_codec, SNIFFED) if name not in candidates]
    readings = []
    for rank, name in enumerate(candidates):
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        readings.append((mojibake(text[:_SAMPLE]), rank, name, text))
        if readings[-1][0] == 0:
            break  # the most trusted clean reading: the rest could only tie
    _, _, chosen, text = min(readings, default=(0, 0, "latin-1", body.decode("latin-1")))
    return Decoded(text.lstrip("\ufeff"), chosen, _problem(labels, unknown, chosen))


def as_utf8_xml(decoded: Decoded) -> bytes:
    """The text as UTF-8 with its XML declaration saying so, for feedparser to read as labelled."""
    return _PROLOG_TEXT.sub(r"\1utf-8\2", decoded.text, count=1).encode("utf-8")


def mojibake(text: str) -> int:
    """How many signs of a wrong decoding the text shows (see the module's docstring)."""
    if text.isascii():
        return len(_ODD_ASCII.findall(text))
    odd = len(_ODD.findall(text)) + len(_GLUED_SYMBOL.findall(text))
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        lowered = word.lower()
        cyrillic = sum(1 for ch in lowered if "\u0400" <= ch <= "\u04ff")
        latin = sum(1 for ch in lowered if ch.isascii() or "\u00c0" <= ch <= "\u024f" or ch == "ə")
        if cyrillic and latin:
            odd += 1
        elif cyrillic:
            odd += sum(1 for ch in lowered if ch not in _RULEBOOK_CYRILLIC) + len(_CASE_FLIP.findall(word))
        else:
            odd += sum(1 for ch in lowered if not ch.isascii() and ch not in _RULEBOOK_LATIN)
            odd += len(word) >= 3 and sum(not ch.isascii() for ch in word) * 2 > len(word)
    return odd


def _labels(body: bytes, content_type: str | None) -> list[tuple[str, str]]:
    """(label, where it came from), most trusted first: BOM, the server, the document."""
    found = []
    for bom, name in _BOMS:
        if body.startswith(bom):
            found.append((name, "byte order mark"))
            break
    else:
        found += [(name, "byte pattern") for prefix, name in _UTF16_PROLOG if body.startswith(prefix)]
    declared = _CHARSET.search(content_type or "")
    if declared:
        found.append((declared.group(1), "the server's Content-Type"))
    prolog = _PROLOG.match(body[:1024])
    if prolog:
        found.append((prolog.group(1).decode("ascii"), "the XML declaration"))
    return found


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _problem(labels: list[tuple[str, str]], unknown: list[str], chosen: str) -> str:
    said = [(label, where) for label, where in labels if label not in unknown]
    wrong = [f"{where} says {label}" for label, where in said if _codec(label) not in (chosen, _same_family(chosen))]
    if unknown:
        wrong.append("unknown charset " + ", ".join(f"'{label}'" for label in unknown))
    if not wrong:
        return ""
    return f"charset: {'; '.join(wrong)}, but the text reads as {chosen}; read as {chosen}"


def _same_family(name: str) -> str:
    """utf-8-sig is utf-8 with a BOM: a label of utf-8 on a body with the BOM is no lie."""
    return {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(name, name)
