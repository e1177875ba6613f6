"""Word-form keys per language: a word matches a rule term when they share a key.

No trained model is needed (none can be installed on our machines): English and Norwegian use
spaCy's lookup tables (spacy-lookups-data), Russian and Ukrainian pymorphy3, Polish lemmagen3
(5 ms to load; the spaCy Polish tables take 16 s), Norwegian also a Snowball stem. Azerbaijani has
no lemmatiser we can load, so its rules use prefix terms (`endirim*`). Every backend loads on first
use and every word is looked up once per process.

pymorphy3 is the slow one: 85 µs a word with its pure-Python dictionary reader, 12 µs with the
compiled one (the `fast` extra, DAWG2), which is why we install it.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

SUPPORTED = ("en", "ru", "uk", "pl", "nb", "az")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff'\-]+")


class Keys:
    """Maps a lower-cased word to its keys: the word itself plus its lemma(s) or stem."""

    def __init__(self, language: str):
        self.language = language
        self._memo: dict[str, tuple[str, ...]] = {}
        self._backend = None

    def __call__(self, word: str) -> tuple[str, ...]:
        found = self._memo.get(word)
        if found is None:
            if any(ch.isdigit() for ch in word):
                return (word,)  # "summer2026": no dictionary knows it
            if self._backend is None:
                self._backend = _BACKENDS.get(self.language, _surface_only)()
            found = self._memo[word] = _unique(word, *self._backend(word))
        return found


def _unique(*words: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in words if w))


def _surface_only():
    return lambda word: ()


def _lookup_table(language: str) -> dict[str, str]:
    import spacy_lookups_data

    path = Path(getattr(spacy_lookups_data, language)["lemma_lookup"])
    gz = path.with_name(path.name + ".gz")
    with (gzip.open(gz, "rt", encoding="utf-8") if gz.exists() else open(path, encoding="utf-8")) as f:
        return json.load(f)


def _english():
    table = _lookup_table("en")

    def keys(word: str) -> tuple[str, ...]:
        base = word[:-2] if word.endswith("'s") else word
        return table.get(word, ""), base, table.get(base, "") or _plural_stem(base)

    return keys


def _plural_stem(word: str) -> str:
    """The table knows few plurals of rare nouns (twats, roofies): strip a plural ending."""
    if len(word) < 5 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return ""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def _norwegian():
    import snowballstemmer

    table = _lookup_table("nb")
    stemmer = snowballstemmer.stemmer("norwegian")
    return lambda word: (table.get(word, ""), stemmer.stemWord(word))


def _pymorphy(language: str):
    def factory():
        analyzer = _morph(language)

        def keys(word: str) -> tuple[str, ...]:
            if not _CYRILLIC_WORD.fullmatch(word):
                return ()  # a Latin brand name or an emoji code: nothing to learn, and pymorphy3
                # raises on characters that have no Unicode name
            return tuple(p.normal_form.replace("ё", "е") for p in analyzer.parse(word)[:4])

        return keys

    return factory


def _polish():
    from lemmagen3 import Lemmatizer

    lemmatizer = Lemmatizer("pl")
    return lambda word: (lemmatizer.lemmatize(word),)


_BACKENDS = {
    "en": _english,
    "nb": _norwegian,
    "ru": _pymorphy("ru"),
    "uk": _pymorphy("uk"),
    "pl": _polish,
}


@cache
def _english_words() -> frozenset[str]:
    table = _lookup_table("en")
    return frozenset(table) | frozenset(table.values())


_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}


def is_common_word(word: str, language: str | None) -> bool:
    """Whether a lower-cased word is an ordinary dictionary word rather than a name: a headline's
    first word is capitalised either way. English from the lemma table, Russian and Ukrainian
    from pymorphy3's tags; other languages cannot tell, so they say no."""
    if language == "en":
        return word in _english_words()
    if language in ("ru", "uk") and _CYRILLIC_WORD.fullmatch(word):
        best = _morph(language).parse(word)[0]
        return best.is_known and not _NAME_TAGS & set(best.tag.grammemes)
    return False


@cache
def _morph(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@cache
def keys_for(language: str | None) -> Keys:
    """The shared key function for a language (unknown languages match by surface form)."""
    return Keys(language or "")
