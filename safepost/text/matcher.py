"""Find rule terms in analysed text: word-form aware, multi-word, hashtag aware, indexed.

A term is written the way a rulebook editor thinks of it:
  `shooter`           the word and its inflections (shooters, Shooter's)
  `spike ... drink`   up to three words in between ("spike your friend's drink")
  `endirim*`          any word starting with "endirim" (for languages without a lemmatiser)
  `=ass`              exactly this word, no other forms
  `not guilty`        a phrase; also matches the hashtag #notguilty / #NotGuilty
  `(trump|kamala harris) for president`   any one of the choices in that place
  `go (and|) vote`    an empty choice: the word may be left out

Terms are indexed by their first word's keys, so the cost of matching grows with the length of
the post, not with the number of rules.
"""
from __future__ import annotations

import itertools
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from safepost.collector import collector_paused
from safepost.text.lemmas import DICTIONARIES, keys_for
from safepost.text.tokens import lower, scan
from safepost.usercache import installed_stamp, load_private, store_recent, user_cache

GAP = 4  # how many words `...` may stand for
MIN_PREFIX = 3
MOST_HASHTAGS = 256  # a term of choices reads as a hashtag in at most this many spellings
KEPT_TERMS = 30_000  # per language (a shipped rulebook uses about 10,000): the most recently used are kept
KEEP_VERSIONS = 12  # files of kept terms: one per language and version of the matcher and dictionaries
COMPILED_BY = ("matcher.py", "tokens.py", "normalize.py", "lemmas.py")  # the modules a compiled term depends on
_CHUNK = re.compile(r"\(([^()]*)\)|[^\s()]+|[()]")
_CHOICE = re.compile(r"\([^()]*\)")


@dataclass(frozen=True, slots=True)
class Word:
    keys: frozenset[str]
    prefix: str = ""  # non-empty: match any word starting with it
    exact: bool = False  # only this very form, not the word's other forms

    def __reduce__(self):
        """Rebuilt by the constructor when kept terms are read back: twice as fast as the
        dataclass's own way, and a cold run reads tens of thousands of them."""
        return Word, (self.keys, self.prefix, self.exact)

    def accepts(self, token) -> bool:
        if self.prefix:
            return token.norm.startswith(self.prefix)
        if self.exact:
            return token.norm in self.keys
        return not self.keys.isdisjoint(token.keys)


@dataclass(frozen=True, slots=True)
class Choice:
    """One place in a term that any of several words or phrases may fill, longest first."""
    options: tuple  # of tuples of Word
    texts: tuple  # each option as written, for showing which one a post used

    def __reduce__(self):
        return Choice, (self.options, self.texts)


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    words: tuple  # of Word, Choice, or None standing for a gap
    joined: tuple = ()  # (phrase as one lower-case word, term as that phrase writes it): for hashtags
    has_choices: bool = False  # some place holds a choice: a match says which option it used

    def __reduce__(self):
        return Term, (self.text, self.words, self.joined, self.has_choices)

    @property
    def contiguous(self) -> bool:
        """A phrase without a gap reads within one sentence; a gap (`...`) may reach over into the
        next ("small town ... people talk")."""
        return None not in self.words

    def every_word(self) -> Iterator[Word]:
        for place in self.words:
            if isinstance(place, Choice):
                for option in place.options:
                    yield from option
            elif place is not None:
                yield place

    @property
    def one_word(self) -> bool:
        """A term of a single word, or of a choice between single words."""
        return len(self.words) == 1 and (not isinstance(self.words[0], Choice)
                                         or all(len(option) == 1 for option in self.words[0].options))

    def openings(self) -> Iterator[tuple[tuple, int]]:
        """The word sequences a match may start with, each with the option it opens with (-1
        for none): one per option when a choice comes first, so that only the option a post's
        word opens is ever tried."""
        first = self.words[0]
        if isinstance(first, Choice):
            for k, option in enumerate(first.options):
                yield option + self.words[1:], k
        else:
            yield self.words, -1

    def as_used(self, opening: int, chosen: dict[int, int]) -> str:
        """The term as written, each choice narrowed to the option a match used (`opening`: the
        first place's, `chosen`: the others', by the choice's id)."""
        picks = []
        for n, place in enumerate(self.words):
            if isinstance(place, Choice):
                pick = opening if n == 0 and opening >= 0 else chosen.get(id(place), 0)
                picks.append(place.texts[pick])
        shown = iter(picks)
        return " ".join(_CHOICE.sub(lambda _: next(shown), self.text).split())


@dataclass(frozen=True, slots=True)
class Match:
    payload: Any
    term: str
    start: int  # character span in the original text
    end: int
    first: int  # token range [first, last)
    last: int
    text: str
    source: str = ""  # the term as the rulebook writes it, choices and all ("" when `term` is that)


class TermError(ValueError):
    """A term that can never match; the rulebook loader turns it into a file:line error."""


def compile_term(text: str, language: str | None, quoted: bool = False) -> Term:
    """`quoted`: the term is words taken from a text (a story's name), not a rule's dictionary form.
    A Term is immutable, so one compiled term serves every rulebook read in this process, and a
    rule's term is kept for the next run (`keep_compiled`): compiling a language's rules is most
    of a one-post `gate`."""
    if quoted:
        return _compile_quoted(text, language)
    kept = _kept(language)
    found = kept.terms.pop(text, None)
    if found is None:
        found = _compile(text, language, False)
        kept.learned += 1
    kept.terms[text] = found  # last in line: what the rulebook in use needs outlives what it no longer has
    return found


@dataclass(slots=True)
class _Kept:
    terms: dict[str, Term]
    learned: int = 0  # terms compiled that no earlier run had


_KEPT: dict[str | None, _Kept] = {}


def _kept(language: str | None) -> _Kept:
    found = _KEPT.get(language)
    if found is None:
        terms = load_private(_kept_path(language), _unpickle)
        found = _KEPT[language] = _Kept(terms if isinstance(terms, dict) else {})
    return found


def keep_compiled() -> None:
    """Keep the rule terms this process compiled, in every language, for the next run (best effort)."""
    for language, kept in list(_KEPT.items()):
        if kept.learned:
            store_recent(_kept_path(language), kept.terms, KEPT_TERMS, KEEP_VERSIONS)
            kept.learned = 0


def _kept_path(language: str | None) -> Path:
    """One file per language, named for what compiled its terms."""
    return user_cache("terms") / f"{language or 'any'}-{compiler_stamp()}.pickle"


def compiler_stamp() -> str:
    """A name for what a compiled term is made by: this module, the tokenizer and the
    dictionaries that give a word its keys. What is kept of compiled terms is named for it."""
    here = Path(__file__).parent
    return installed_stamp(DICTIONARIES, tuple(str(here / name) for name in COMPILED_BY))


def _unpickle(data: bytes):
    """Tens of thousands of small objects: the collector, run while they arrive, would find no
    garbage among them and double the time."""
    with collector_paused():
        return pickle.loads(data)


@lru_cache(maxsize=1 << 14)
def _compile_quoted(text: str, language: str | None) -> Term:
    return _compile(text, language, True)


def _compile(text: str, language: str | None, quoted: bool) -> Term:
    places: list = []
    spellings: list[list[tuple[str | None, str]]] = []  # for each place: (its surfaces, as written)
    for chunk in text.split() if quoted or "(" not in text and "|" not in text else _chunks(text):
        if isinstance(chunk, list):
            choice, surfaces = _choice(tuple(chunk), language)
            places.append(choice)
            spellings.append(list(zip(surfaces, choice.texts)))
            continue
        if quoted and not any(ch.isalnum() for ch in chunk):
            continue  # a dash between a title's words («Восток — дело тонкое») is no word of it
        if chunk in ("...", "…"):
            if not places or places[-1] is None:
                raise TermError(f"'...' must stand between two words in '{text}'")
            places.append(None)
            spellings.append([(None, chunk)])
            continue
        words, surface = _phrase(chunk, language, quoted)
        places.extend(words)
        spellings.append([(surface, chunk)])
    if not places:
        raise TermError("empty term")
    if places[-1] is None:
        raise TermError(f"'...' must stand between two words in '{text}'")
    return Term(text, tuple(places), _hashtags(spellings), any(isinstance(place, Choice) for place in places))


def _hashtags(spellings: list) -> tuple[tuple[str, str], ...]:
    """(the phrase as one word, the term as that phrase writes it) for each phrase of two or more
    words the term reads as; none when a gap or a prefix leaves it open."""
    if any(surface is None for place in spellings for surface, _ in place):
        return ()
    found = {}
    for parts in itertools.islice(itertools.product(*spellings), MOST_HASHTAGS):
        words = " ".join(surface for surface, _ in parts).split()
        if len(words) > 1:
            found.setdefault("".join(words), " ".join(written for _, written in parts if written))
    return tuple(found.items())


def _chunks(text: str) -> Iterator:
    """The term's words, gaps, and choices (a list of the options as written)."""
    for found in _CHUNK.finditer(text):
        if found.group(1) is None:
            if found.group() in "()":
                raise TermError(f"'{text}': a choice is written '(one|other)', each bracket with its pair")
            if "|" in found.group():
                raise TermError(f"'{text}': '|' separates choices inside brackets: '(one|other)'")
            yield found.group()
            continue
        options = [option.strip() for option in found.group(1).split("|")]
        if len(options) < 2 or sum(1 for option in options if not option) > 1 or options == ["", ""]:
            raise TermError(f"'{text}': a choice needs two or more options, one of them at most empty: "
                            f"'(one|other)', '(one|)'")
        if "" in options and found.start() == 0:
            raise TermError(f"'{text}': a term cannot open with a word it may leave out")
        if any(gap in option for option in options for gap in ("...", "…")):
            raise TermError(f"'{text}': a choice cannot hold '...'")
        yield options


@lru_cache(maxsize=1 << 12)
def _choice(options: tuple[str, ...], language: str | None) -> tuple[Choice, tuple]:
    """A choice and each option's surfaces, longest option first; one for every term a rule's
    set of names stands in."""
    read = sorted(((*_phrase(option, language, False), option) if option else ((), "", "") for option in options),
                  key=lambda o: -len(o[0]))
    return Choice(tuple(words for words, _, _ in read), tuple(text for _, _, text in read)), \
        tuple(surface for _, surface, _ in read)


@lru_cache(maxsize=1 << 16)
def _phrase(phrase: str, language: str | None, quoted: bool) -> tuple[tuple[Word, ...], str | None]:
    """The words of a phrase as written (with its `=` and `*` marks), and the phrase as its
    words' surfaces joined by spaces (None when a prefix leaves it open)."""
    words: list[Word] = []
    surfaces: list[str] = []
    open_ended = False
    for chunk in phrase.split():
        exact = chunk.startswith("=")
        prefix = chunk.endswith("*")
        chunk = chunk.strip("=*")
        found = _surfaces(chunk, language)
        if not found:
            raise TermError(f"'{chunk}' has no letters or digits to match")
        for i, surface in enumerate(found):
            surfaces.append(surface)
            if prefix and i == len(found) - 1:
                if len(surface) < MIN_PREFIX:
                    raise TermError(f"prefix '{surface}*' is too short (at least {MIN_PREFIX} letters)")
                words.append(Word(frozenset(), surface))
                open_ended = True
            else:
                words.append(_word(surface, language, quoted, exact))
    return tuple(words), None if open_ended else " ".join(surfaces)


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
        self._joined: dict[str, list[tuple[str, Any, str]]] = {}
        self.size = 0

    def add(self, term: Term, payload: Any) -> None:
        for words, opening in term.openings():
            first = words[0]
            entry = (term, payload, words, opening, _whole(words), _next_keys(words))
            if first.prefix:
                self._by_prefix.setdefault(first.prefix[:MIN_PREFIX], []).append(entry)
            else:
                for key in first.keys:
                    self._by_key.setdefault(key, []).append(entry)
        for joined, shown in term.joined:
            self._joined.setdefault(joined, []).append((shown, payload, term.text))
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
            following = tokens[i + 1].keys if i + 1 < len(tokens) else ()
            for term, payload, words, opening, whole, next_keys in self._candidates(tokens[i]):
                if next_keys is not None and next_keys.isdisjoint(following):
                    continue
                chosen: dict[int, int] | None = {} if term.has_choices else None
                last = i + 1 if whole else _match_from(words, tokens, i, chosen)
                if last is None or (term.contiguous and last - i > 1 and analysis.crosses_sentence(i, last)):
                    continue
                key = (id(payload), i, last)
                if key in seen:
                    continue
                seen.add(key)
                start, end = tokens[i].start, tokens[last - 1].end
                shown = term.text if chosen is None else term.as_used(opening, chosen)
                found.append(Match(payload, shown, start, end, i, last, analysis.text[start:end], term.text))
        for tag in analysis.hashtags:
            for shown, payload, source in self._joined.get(tag.joined, ()):
                first, last = analysis.tag_tokens(tag)
                key = (id(payload), first, last)
                if key not in seen:
                    seen.add(key)
                    found.append(Match(payload, shown, tag.start, tag.end, first, last, tag.text, source))
        return found

    @cached_property
    def _openers(self) -> frozenset[str]:
        """The keys and openings a term may start with; asked once the index is complete."""
        return frozenset(self._by_key) | frozenset(self._by_prefix)

    def _candidates(self, token) -> Iterable[tuple[Term, Any, tuple, int, bool, frozenset | None]]:
        for key in token.keys:
            yield from self._by_key.get(key, ())
        if self._by_prefix:
            yield from self._by_prefix.get(token.norm[:MIN_PREFIX], ())


def _whole(words: tuple) -> bool:
    """A term of one word that any of its keys opens: the index lookup that found it is the match."""
    return len(words) == 1 and isinstance(words[0], Word) and not words[0].prefix and not words[0].exact


def _next_keys(words: tuple) -> frozenset | None:
    """The keys the second word of a term must have one of, when a plain word stands there: most
    candidates of a post are phrases that open with a common word and fail on the next, and this
    turns them away without walking them."""
    second = words[1] if len(words) > 1 else None
    return second.keys if isinstance(second, Word) and not second.prefix else None


def _match_from(words: tuple, tokens: list, i: int, chosen: dict[int, int] | None = None) -> int | None:
    """Index one past the last token if the term's words match starting at token i; `chosen`
    collects, by choice, the option each choice matched with."""
    if not words:
        return i
    word = words[0]
    if word is None:
        for skip in range(GAP + 1):
            end = _match_from(words[1:], tokens, i + skip, chosen)
            if end is not None:
                return end
        return None
    if isinstance(word, Choice):
        for k, option in enumerate(word.options):
            end = _match_from(option + words[1:], tokens, i, chosen)
            if end is not None:
                if chosen is not None:
                    chosen[id(word)] = k
                return end
        return None
    if i >= len(tokens) or not word.accepts(tokens[i]):
        return None
    return _match_from(words[1:], tokens, i + 1, chosen)


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
