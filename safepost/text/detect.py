"""Which languages to read a post in, decided from its own words: never a guess that leaves a
post unchecked.

- The post's `language` column is trusted; the config's `language:` is only a default: Cyrillic
  under `en`, or "kurwa" under `en`, is read in its own language too.
- With neither, the post's script, the letters only one language has (ą, ї, ø, ə), its everyday
  words (the news lexicons' stopwords) and the rulebook's own vocabulary pick among the
  rulebook's languages. It is right on short posts ("Hi moron", "Total shitshow") because the
  rulebook's words are evidence too, and it costs microseconds (a statistical detector costs a
  second or more just to load).
- When the evidence is thin, the post is read in every plausible language, not in none.
- Whatever the language, every language's strongest words (strong profanity, slurs) are looked
  up by their written form, so a post in a language the rulebook does not speak still meets them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from safepost.text.frequency import zipf
from safepost.text.matcher import MIN_PREFIX  # every opening (`kurw*`) is at least this long

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
CYRILLIC_LANGUAGES = ("ru", "uk")
DISTINCTIVE = {"uk": "іїєґ", "ru": "ыэъё", "pl": "ąćęłńśźż", "nb": "æøå", "az": "əğı"}
SURE_MARGIN = 2  # a language this far ahead of the next is the post's; closer, both are read
OWN_WORD = 3.0  # Zipf: a word this common in the post's own language is that language's word
# Everyday words of languages a queue often holds that a rulebook may not speak: a Spanish post
# is recognised as Spanish (and gets a note) instead of being read as the nearest language the
# rulebook has because "en" and "de" are Norwegian words too.
WIDELY_USED = {
    "es": "de en y al lo el la los las del que por para con una uno está son más pero como muy también este esta gracias nuestro nuestra todos",
    "pt": "de em e os as do da dos das que não para com uma um está são mais mas como muito também nosso nossa obrigado você",
    "fr": "de et en à le la les des du une est sont pas pour avec dans sur mais comme très aussi notre nos merci vous nous",
    "it": "di e in il lo gli della delle che non per con una uno sono più ma come molto anche nostro nostra grazie",
    "de": "in zu von der die das und ist nicht mit für auf den dem ein eine sind auch wir unser unsere danke sie",
    "nl": "de in te het een van en niet met voor op zijn ook maar als wij ons onze bedankt jullie",
    "tr": "ve bir bu için ile çok daha ama gibi değil olan biz bizim teşekkürler siz",
    "sv": "en i och att det som är inte med för på den ett har vi oss vår tack också",
}
_FOREIGN = {code: frozenset(words.split()) for code, words in WIDELY_USED.items()}


@dataclass(frozen=True)
class Languages:
    primary: str | None  # the language checks speak first (tone, dates, news vocabulary)
    extra: tuple[str, ...] = ()  # also read in these: other plausible languages, and hits of the net
    note: str | None = None  # what the reader should know about the choice


@dataclass(frozen=True)
class Evidence:
    """Per rulebook language, the words that speak for it."""

    everyday: dict[str, frozenset[str]]  # stopwords and other everyday words
    vocabulary: dict[str, frozenset[str]]  # the surface forms of the rulebook's own words
    net: dict[str, frozenset[str]]  # strong profanity and slurs: looked for in every post
    net_prefixes: dict[str, frozenset[str]]  # and the openings (`kurw*`) of such words

    @cached_property
    def points(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """Per word, what it scores for each language: 2 as an everyday word, 2 as a rule's."""
        found: dict[str, dict[str, int]] = {}
        for table in (self.everyday, self.vocabulary):
            for language, words in table.items():
                for word in words:
                    scored = found.setdefault(word, {})
                    scored[language] = scored.get(language, 0) + 2
        return {word: tuple(scored.items()) for word, scored in found.items()}

    @cached_property
    def net_words(self) -> dict[str, tuple[str, ...]]:
        """Per written word of the net, the languages whose strongest words it is."""
        return _languages_by_word(self.net)

    @cached_property
    def net_openings(self) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        """The net's openings (`kurw*`) with their languages, by their first letters."""
        found: dict[str, list] = {}
        for prefix, languages in _languages_by_word(self.net_prefixes).items():
            found.setdefault(prefix[:MIN_PREFIX], []).append((prefix, languages))
        return {start: tuple(entries) for start, entries in found.items()}


@dataclass(frozen=True)
class _Read:
    """A post's text as the choice reads it: once, whatever it asks."""

    lowered: str
    words: frozenset[str]
    cyrillic: bool
    latin: bool

    @staticmethod
    def of(text: str) -> "_Read":
        lowered = text.lower()
        return _Read(lowered, frozenset(_WORD.findall(lowered)), _CYRILLIC.search(text) is not None,
                     _LATIN.search(text) is not None)


_ALL_DISTINCTIVE = frozenset("".join(DISTINCTIVE.values()))
_DISTINCTIVE_LETTERS = {language: re.compile(f"[{letters}]") for language, letters in DISTINCTIVE.items()}


def scores(read: _Read, languages: tuple[str, ...], evidence: Evidence) -> dict[str, int]:
    found = {language: 0 for language in languages
             if (language in CYRILLIC_LANGUAGES and read.cyrillic) or (language not in CYRILLIC_LANGUAGES and read.latin)}
    points = evidence.points
    for word in points.keys() & read.words:  # most of a post's words speak for no language
        for language, score in points[word]:
            if language in found:
                found[language] += score
    if not _ALL_DISTINCTIVE.isdisjoint(read.lowered):
        for language in found:
            letters = _DISTINCTIVE_LETTERS.get(language)
            found[language] += 3 * len(letters.findall(read.lowered)) if letters else 0
    return found


def net_hits(read: _Read, evidence: Evidence, own: str | None = None) -> tuple[str, ...]:
    """Languages whose strongest words appear in the text as written (rulebook order), but for
    words of everyday use in the post's own language: "Nasza suka Figa" is a Polish breeder's
    bitch, not the Russian swear word written in Latin letters."""
    words, openings = evidence.net_words, evidence.net_openings
    hit: set[str] = set()
    for word in words.keys() & read.words:
        if not _everyday_in(word, own):
            hit.update(words[word])
    for word in read.words:
        for prefix, languages in openings.get(word[:MIN_PREFIX], ()):
            if word.startswith(prefix) and not _everyday_in(word, own):
                hit.update(languages)
    return tuple(language for language in evidence.net if language in hit) if hit else ()


def _everyday_in(word: str, language: str | None) -> bool:
    return language is not None and (zipf(word, language) or 0) >= OWN_WORD


def choose(text: str, declared: str | None, default: str | None, languages: tuple[str, ...],
           evidence: Evidence) -> Languages:
    """The languages to read a post in (see the module docstring)."""
    read = _Read.of(text)
    if not read.words:
        return Languages(declared or default)
    found = scores(read, languages, evidence)
    foreign = None if declared else _foreign(read, found)
    if foreign:
        return Languages(foreign, _unique(net_hits(read, evidence), foreign))
    ranked = sorted(found, key=lambda lang: (-found[lang], lang != "en"))
    best = ranked[0] if ranked else None
    net = net_hits(read, evidence, declared or (default if default in found else best))
    if declared:  # the post's own column: trusted, and read in what its words say besides
        others = [lang for lang in ranked if found[lang] > max(0, found.get(declared, 0))]
        return Languages(declared, _unique([*others[:1], *net], declared))
    if default:  # the config's: a default, not a blindfold
        others = [lang for lang in ranked if found[lang] > max(0, found.get(default, 0))]
        if default not in found and best:
            return Languages(best, _unique([*others[:1], *net], best),
                             f"written in {best}, not the config's '{default}'")
        return Languages(default, _unique([*others[:1], *net], default))
    if best is None:
        return Languages(None, _unique(net, None), "language unknown: read for the strongest words of every language")
    sure = found[best] > 0 and (len(ranked) == 1 or found[best] - found[ranked[1]] >= SURE_MARGIN)
    if sure:
        return Languages(best, _unique(net, best))
    plausible = [lang for lang in ranked if found[lang] >= found[best] - SURE_MARGIN]
    return Languages(best, _unique([*plausible, *net], best),
                     f"language not certain: read as {', '.join(plausible)}")


def _languages_by_word(table: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """{language: words} turned round: {word: the languages it belongs to}."""
    found: dict[str, list[str]] = {}
    for language, words in table.items():
        for word in words:
            found.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in found.items()}


_FOREIGN_CODES = _languages_by_word(_FOREIGN)


def _foreign(read: _Read, found: dict[str, int]) -> str | None:
    """A widely used language the rulebook does not speak, when its everyday words outweigh
    every rulebook language's evidence."""
    if read.cyrillic:
        return None
    counts = dict.fromkeys(_FOREIGN, 0)
    for word in _FOREIGN_CODES.keys() & read.words:
        for code in _FOREIGN_CODES[word]:
            counts[code] += 2
    code = max(counts, key=counts.get)
    return code if counts[code] >= 4 and counts[code] > max(found.values(), default=0) else None


def _unique(languages, primary: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(lang for lang in languages if lang != primary))
