"""Split social-media text into words, hashtag parts, mentions and URLs, with original spans.

A hashtag contributes its parts to the word stream (#BostonStrong -> boston strong) so phrases
match across it, and its joined body (#notguilty -> notguilty) so joined phrases match too.
URLs and e-mail addresses never reach the word stream: "bomb" inside a link is not a word. A
pictograph is a word of its own (💣, 🔫, ✈): "prices are 💣" says what "prices are the bomb" says,
so a rule can name it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from safepost.text.normalize import fold_homoglyphs, normalize

_SCANNER = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"']+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<mention>(?<![\w@])@[^\W]+)"
    r"|(?P<tag>(?<![\w&#])#(?P<body>[^\W]+))"
    r"|(?P<word>[^\W_]+(?:['’ʼ][^\W_]+)*|[\u2600-\u27bf\U0001f300-\U0001faff])"
)
# Apostrophes are unified; ё is written as е in most Russian text, so we fold it.
_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*|[\u2600-\u27bf\U0001f300-\U0001faff]")
_SPECIAL = re.compile(r"[@#]|://|www\.")  # anything but plain words: mentions, tags, links
_FOLD = str.maketrans({"’": "'", "ʼ": "'", "ё": "е"})


@dataclass(slots=True)
class Token:
    norm: str  # lower-cased, homoglyph-folded, apostrophes unified
    start: int  # span in the original text
    end: int
    tag: int = -1  # index into Analysis.hashtags when the token is part of a hashtag
    keys: tuple[str, ...] = ()  # surface and lemma keys, filled by the analyser
    dodged: bool = False  # read through a dodge (f*ck, sh1t, f u c k): norm is the word it hides


@dataclass(slots=True)
class Hashtag:
    joined: str  # the lower-cased body: "#NotGuilty" -> "notguilty"
    start: int
    end: int
    text: str  # as written, with '#'


@dataclass(slots=True)
class Mention:
    norm: str
    start: int
    end: int


def lower(word: str, language: str | None) -> str:
    """Lower-case with the Turkic dotted/dotless i rule for Azerbaijani; homoglyphs folded."""
    known = _lowered(language)
    found = known.get(word)
    if found is None:
        turkic = word.replace("I", "ı").replace("İ", "i") if language == "az" else word
        found = known[word] = fold_homoglyphs(turkic.lower()).translate(_FOLD)
        if len(known) > 200_000:  # a bound for very large, very varied queues
            known.clear()
    return found


@cache
def _lowered(language: str | None) -> dict[str, str]:
    """Per-language memo of lower(): a post's words repeat across a queue."""
    return {}


def _unkeyed(norm: str) -> tuple[str, ...]:
    return ()


@cache
def _read_words(language: str | None, keys: Callable[[str], tuple[str, ...]]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Per-language memo of a word as written -> (its lower-cased form, its keys)."""
    return {}


def _read_word(word: str, language: str | None, keys: Callable[[str], tuple[str, ...]]) -> tuple[str, tuple[str, ...]]:
    known = _read_words(language, keys)
    norm = lower(word, language)
    found = known[word] = (norm, keys(norm))
    if len(known) > 200_000:  # a bound for very large, very varied queues
        known.clear()
    return found


def split_camel(body: str) -> list[tuple[int, int]]:
    """Offsets of the parts of a hashtag body: WhyIStayed -> Why|I|Stayed, Covid19 -> Covid|19."""
    parts: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(body)):
        prev, char = body[i - 1], body[i]
        nxt = body[i + 1] if i + 1 < len(body) else ""
        boundary = (
            char == "_" or prev == "_"
            or (char.isupper() and prev.islower())
            or (char.isupper() and prev.isupper() and nxt.islower())
            or (char.isdigit() != prev.isdigit())
        )
        if boundary:
            if body[start:i].strip("_"):
                parts.append((start, i))
            start = i
    if body[start:].strip("_"):
        parts.append((start, len(body)))
    return [(a + (body[a] == "_"), b) for a, b in parts]


def scan(text: str, language: str | None, keys: Callable[[str], tuple[str, ...]] = _unkeyed,
         ) -> tuple[list[Token], list[Hashtag], list[Mention], int]:
    """Tokenise text; returns word tokens (keyed by `keys`), hashtags, mentions and the number of
    URLs skipped."""
    norm, index = normalize(text)

    def original(start: int, end: int) -> tuple[int, int]:
        return (start, end) if index is None else (index[start], index[end - 1] + 1)

    if index is None and not _SPECIAL.search(norm):  # plain words only: the common case, kept fast
        known = _read_words(language, keys)
        return [Token(read[0], m.start(), m.end(), -1, read[1]) for m in _WORD.finditer(norm)
                for read in (known.get(m.group()) or _read_word(m.group(), language, keys),)], [], [], 0
    tokens: list[Token] = []
    hashtags: list[Hashtag] = []
    mentions: list[Mention] = []
    urls = 0
    for match in _SCANNER.finditer(norm):
        kind = match.lastgroup
        if kind == "word":
            start, end = original(*match.span())
            word = lower(match.group(), language)
            tokens.append(Token(word, start, end, keys=keys(word)))
        elif kind in ("tag", "body"):
            body_start = match.start("body")
            body = match.group("body")
            start, end = original(*match.span())
            tag_id = len(hashtags)
            hashtags.append(Hashtag(lower(body.replace("_", ""), language), start, end, text[start:end]))
            for a, b in split_camel(body):
                part_start, part_end = original(body_start + a, body_start + b)
                word = lower(body[a:b], language)
                tokens.append(Token(word, part_start, part_end, tag_id, keys(word)))
        elif kind == "mention":
            start, end = original(*match.span())
            mentions.append(Mention(lower(match.group()[1:], language), start, end))
        else:
            urls += 1
    return tokens, hashtags, mentions, urls
