"""Find rule terms in analysed text: word-form aware, multi-word, hashtag aware, indexed.

A term is written the way a rulebook editor thinks of it:
  `shooter`           the word and its inflections (shooters, Shooter's)
  `spike ... drink`   up to three words in between ("spike your friend's drink")
  `endirim*`          any word starting with "endirim" (for languages without a lemmatiser)
  `=ass`              exactly this word, no other forms
  `not guilty`        a phrase; also matches the hashtag #notguilty / #NotGuilty

Terms are indexed by their first word's keys, so the cost of matching grows with the length of
the post, not with the number of rules.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Iterable

from safepost.text.lemmas import keys_for
from safepost.text.tokens import lower, scan

GAP = 4  # how many words `...` may stand for
MIN_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Word:
    keys: frozenset[str]
    prefix: str = ""  # non-empty: match any word starting with it
    exact: bool = False  # only this very form, not the word's other forms

    def accepts(self, token) -> bool:
        if self.prefix:
            return token.norm.startswith(self.prefix)
        if self.exact:
            return token.norm in self.keys
        return not self.keys.isdisjoint(token.keys)


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    words: tuple  # of Word, or None standing for a gap
    joined: str  # the phrase as one lower-case word, for hashtags; "" when it has gaps/prefixes


@dataclass(frozen=True, slots=True)
class Match:
    payload: Any
    term: str
    start: int  # character span in the original text
    end: int
    first: int  # token range [first, last)
    last: int
    text: str


class TermError(ValueError):
    """A term that can never match; the rulebook loader turns it into a file:line error."""


@lru_cache(maxsize=1 << 17)
def compile_term(text: str, language: str | None, quoted: bool = False) -> Term:
    """`quoted`: the term is words taken from a text (a story's name), not a rule's dictionary form.
    A Term is immutable, so one compiled term serves every rulebook read in this process."""
    words: list = []
    exact_surface: list[str] = []
    for chunk in text.split():
        if chunk in ("...", "…"):
            if not words or words[-1] is None:
                raise TermError(f"'...' must stand between two words in '{text}'")
            words.append(None)
            continue
        exact = chunk.startswith("=")
        prefix = chunk.endswith("*")
        chunk = chunk.strip("=*")
        surfaces = _surfaces(chunk, language)
        if not surfaces:
            raise TermError(f"'{chunk}' has no letters or digits to match")
        for i, surface in enumerate(surfaces):
            exact_surface.append(surface)
            if prefix and i == len(surfaces) - 1:
                if len(surface) < MIN_PREFIX:
                    raise TermError(f"prefix '{surface}*' is too short (at least {MIN_PREFIX} letters)")
                words.append(Word(frozenset(), surface))
            else:
                words.append(_word(surface, language, quoted, exact))
    if not words:
        raise TermError("empty term")
    if words[-1] is None:
        raise TermError(f"'...' must stand between two words in '{text}'")
    plain = all(w is not None and not w.prefix for w in words)
    return Term(text, tuple(words), "".join(exact_surface) if plain else "")


@lru_cache(maxsize=1 << 16)
def _word(surface: str, language: str | None, quoted: bool, exact: bool) -> Word:
    """One Word for each written word: terms share their common words ("in", "the", "dead")."""
    if exact:
        return Word(frozenset((surface,)), exact=True)
    keys = keys_for(language)
    return Word(frozenset(keys.of_quoted(surface) if quoted else keys.of_term(surface)))


def _surfaces(chunk: str, language: str | None) -> list[str]:
    """The words of a chunk as the tokenizer reads them; a plain word (most of them) directly."""
    if chunk.isalnum() and (chunk.isascii() or unicodedata.is_normalized("NFKC", chunk)):
        return [lower(chunk, language)]
    return [token.norm for token in scan(chunk, language)[0]]


class TermIndex:
    """Terms with payloads, indexed for matching against analysed posts."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[Term, Any]]] = {}
        self._by_prefix: dict[str, list[tuple[Term, Any]]] = {}
        self._joined: dict[str, list[tuple[Term, Any]]] = {}
        self.size = 0

    def add(self, term: Term, payload: Any) -> None:
        first = term.words[0]
        entry = (term, payload)
        if first.prefix:
            self._by_prefix.setdefault(first.prefix[:MIN_PREFIX], []).append(entry)
        else:
            for key in first.keys:
                self._by_key.setdefault(key, []).append(entry)
        if term.joined and len(term.words) > 1:
            self._joined.setdefault(term.joined, []).append(entry)
        self.size += 1
        self.__dict__.pop("_openers", None)

    def __bool__(self) -> bool:
        return self.size > 0

    def find(self, analysis) -> list[Match]:
        """Every occurrence of every term, longest first at each position."""
        tokens = analysis.tokens
        found: list[Match] = []
        seen: set[tuple[int, int, int]] = set()
        positions = analysis.positions(MIN_PREFIX)
        openers = self._openers.intersection(positions)
        starts = sorted({i for key in openers for i in positions[key]}) if openers else ()
        for i in starts:
            for term, payload in self._candidates(tokens[i]):
                last = _match_from(term.words, tokens, i)
                if last is None:
                    continue
                key = (id(payload), i, last)
                if key in seen:
                    continue
                seen.add(key)
                start, end = tokens[i].start, tokens[last - 1].end
                found.append(Match(payload, term.text, start, end, i, last, analysis.text[start:end]))
        for tag in analysis.hashtags:
            for term, payload in self._joined.get(tag.joined, ()):
                first, last = analysis.tag_tokens(tag)
                key = (id(payload), first, last)
                if key not in seen:
                    seen.add(key)
                    found.append(Match(payload, term.text, tag.start, tag.end, first, last, tag.text))
        return found

    @cached_property
    def _openers(self) -> frozenset[str]:
        """The keys and openings a term may start with; asked once the index is complete."""
        return frozenset(self._by_key) | frozenset(self._by_prefix)

    def _candidates(self, token) -> Iterable[tuple[Term, Any]]:
        for key in token.keys:
            yield from self._by_key.get(key, ())
        if self._by_prefix:
            yield from self._by_prefix.get(token.norm[:MIN_PREFIX], ())


def _match_from(words: tuple, tokens: list, i: int) -> int | None:
    """Index one past the last token if the term's words match starting at token i."""
    if not words:
        return i
    word = words[0]
    if word is None:
        for skip in range(GAP + 1):
            end = _match_from(words[1:], tokens, i + skip)
            if end is not None:
                return end
        return None
    if i >= len(tokens) or not word.accepts(tokens[i]):
        return None
    return _match_from(words[1:], tokens, i + 1)



def remove_excepted(matches: list[Match], exceptions: list[Match]) -> list[Match]:
    """Drop a match when an exception with the same payload covers it ("photo shoot", "bath bomb")."""
    return [m for m in matches
            if not any(e.payload is m.payload and e.first <= m.first and m.last <= e.last
                       for e in exceptions)]


def longest_per_payload(matches: list[Match]) -> list[Match]:
    """Keep, for each payload, only the longest of overlapping matches: "DA BOMB" not also "BOMB",
    "go eat somewhere else" not also "eat somewhere else"."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if not any(k.payload is match.payload and k.start < match.end and match.start < k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
