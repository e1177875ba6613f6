"""Word-form keys per language: a word matches a rule term when they share a key.

No trained model is needed (none can be installed on our machines): English and Norwegian use
spaCy's lookup tables (spacy-lookups-data), Russian and Ukrainian pymorphy3, Polish lemmagen3
(5 ms to load; the spaCy Polish tables take 16 s), Norwegian also a Snowball stem. Azerbaijani has
no lemmatiser we can load: a word in a text also keys as itself with its case, plural and possessive
endings taken off (Perudə → peru, Bakının → bakı), and a rule term keys only as written, so a
term in its dictionary form meets every inflected form without its own stem meeting unrelated
words (the city Gəncə is not gənc, young). Every backend loads on first use and every word is
looked up once per process, and once at all: what a run looked up is kept in the user's cache
(`keep_learned`), so a `gate` call or a small check reads the keys of its words and its rules
without loading a dictionary.

pymorphy3 is the slow one: 85 µs a word with its pure-Python dictionary reader, 12 µs with the
compiled one (the `fast` extra, DAWG2), which is why we install it.
"""
from __future__ import annotations

import gzip
import json
import marshal
import re
from functools import cache
from pathlib import Path

from safepost.text.frequency import zipf
from safepost.text import translit
from safepost.text.translit import ENGLISH_WORD, FUNCTION_WORDS, russian_readings
from safepost.usercache import installed_stamp, load_private, store_recent, user_cache

SUPPORTED = ("en", "ru", "uk", "pl", "nb", "az")
DICTIONARIES = ("spacy_lookups_data", "pymorphy3", "pymorphy3_dicts_ru", "pymorphy3_dicts_uk", "lemmagen3",
                "snowballstemmer")  # the installed packages a word's keys come from
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")  # a letter three times or more: a word stretched
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff'\-]+")
MIN_READ_BACK = 3  # letters: "da", "ne" read back would be any two-letter word
REMEMBERED_WORDS = 300_000  # per language: the most recently learned are kept


class Keys:
    """Maps a lower-cased word to its keys: the word itself plus its lemma(s) or stem."""

    def __init__(self, language: str):
        self.language = language
        self._memo: dict[str, tuple[str, ...]] = _remembered(language)
        self._backend = None
        self.learned = 0  # words looked up that no earlier run had

    def __call__(self, word: str) -> tuple[str, ...]:
        found = self._memo.get(word)
        if found is None:
            if any(ch.isdigit() for ch in word):
                return (word,)  # "summer2026": no dictionary knows it
            if self._backend is None:
                self._backend = _BACKENDS.get(self.language, _surface_only)()
            found = self._memo[word] = _unique(word, *self._backend(word), *self._unstretched(word))
            self.learned += 1
        return found

    def _unstretched(self, word: str) -> tuple[str, ...]:
        """A word sung or shouted ("IIIIII will always love you", "sooo good", "lovvve") is also
        the word with each stretch one or two letters long, and their keys: a post that stretches
        a lyric or a name still quotes it."""
        if _STRETCH.search(word) is None:
            return ()
        found: list[str] = []
        for repeat in (1, 2):
            shorter = _STRETCH.sub(lambda m: m.group(1) * repeat, word)
            found += (shorter, *self._backend(shorter))
        return tuple(found)

    def keep(self) -> None:
        """Save the words looked up so far for the next run (best effort)."""
        if self.learned and self.language in SUPPORTED:
            store_recent(_memory_path(self.language), self._memo, REMEMBERED_WORDS, KEEP_VERSIONS, marshal.dumps)
            self.learned = 0

    def of_term(self, word: str) -> tuple[str, ...]:
        """The keys of a word as a rule writes it: its dictionary form, unless the language can
        only strip endings from text, where stripping a term would only add false meetings."""
        return (word,) if self.language in STRIPS_TEXT_ONLY else self(word)

    def of_quoted(self, word: str) -> tuple[str, ...]:
        """The keys of a word taken from a text to be matched again (a story's name from its
        headline, Günəşlidəki): itself and its forms with one ending off, every way its letters
        allow (Naftalanın: naftala-nın or naftalan-ın), not the barer stems that would meet
        unrelated words (Gəncənin is not gənc)."""
        one_off = _ONE_ENDING_OFF.get(self.language)
        return (word, *dict.fromkeys(one_off(word))) if one_off else self(word)


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

        def forms(word: str) -> tuple[str, ...]:
            return tuple(p.normal_form.replace("ё", "е") for p in analyzer.parse(word)[:4])

        def keys(word: str) -> tuple[str, ...]:
            if not _CYRILLIC_WORD.fullmatch(word):
                # a brand name or an emoji code: pymorphy3 raises on characters that have no Unicode
                # name; Russian typed in Latin letters is read back ("skidki": скидки)
                return _read_back(word, analyzer, forms) if language == "ru" else ()
            return forms(word)

        return keys

    return factory


def _read_back(word: str, analyzer, forms) -> tuple[str, ...]:
    """A Latin word that is no English one and reads as a word the dictionary knows: its Cyrillic
    form and that form's keys ("Vzryvnye skidki" meets «взрыв» and «скидка»)."""
    if word in FUNCTION_WORDS:
        return (FUNCTION_WORDS[word],)
    if not (word.isascii() and word.isalpha() and len(word) >= MIN_READ_BACK):
        return ()
    english = (zipf(word, "en") or 0) >= ENGLISH_WORD  # "bar", "sale": an English word, unless a place
    known = next((reading for reading in russian_readings(word) if analyzer.word_is_known(reading)
                  and (not english or any("Geox" in str(parse.tag) for parse in analyzer.parse(reading)[:1]))), None)
    return (known, *forms(known)) if known else ()


def _polish():
    from lemmagen3 import Lemmatizer

    lemmatizer = Lemmatizer("pl")
    return lambda word: (lemmatizer.lemmatize(word),)


_AZ_VOWELS = frozenset("aıoueəiöü")
_AZ_POSSESSIVE_VOWELS = frozenset("ıiuü")
# each ending with what must stand before it: after any letter, after a vowel, after a consonant,
# or after the possessive vowel (şəhər-i-ndə, "in its city"); the conditions keep Kirman-da from
# reading as Kirma-nda and Iran-a from reading as Ira-na
_AZ_WRITTEN_ENDINGS = (
    *((e, "any") for e in ("lar", "lər", "ları", "ləri", "da", "də", "ta", "tə", "dan", "dən", "tan", "tən",
                           "dakı", "dəki", "dır", "dir", "dur", "dür")),
    *((e, "vowel") for e in ("ya", "yə", "sı", "si", "su", "sü", "nın", "nin", "nun", "nün", "nı", "ni", "nu",
                             "nü")),
    *((e, "consonant") for e in ("ın", "in", "un", "ün", "a", "ə", "ı", "i", "u", "ü")),
    *((e, "possessive") for e in ("nda", "ndə", "ndan", "ndən", "na", "nə", "ndakı", "ndəki")),
)
# and as typed on a keyboard without Azerbaijani letters ("Bineqedide" for Binəqədidə)
_AZ_PLAIN = str.maketrans("əıöü", "eiou")
_AZ_ENDINGS = tuple(sorted(dict.fromkeys([*_AZ_WRITTEN_ENDINGS,
                                          *((e.translate(_AZ_PLAIN), before) for e, before in _AZ_WRITTEN_ENDINGS)]),
                           key=lambda pair: -len(pair[0])))
_AZ_SHORTEST_STEM = 3
_AZ_ROUNDS = 3


def _azerbaijani():
    def keys(word: str) -> tuple[str, ...]:
        stems: list[str] = []
        current = word
        for _ in range(_AZ_ROUNDS):
            current = next(_az_stems(current), "")
            if not current:
                break
            stems.append(current)
        # the first is the word's key: one ending off (Gəncədə → gəncə, not gənc); the other ways
        # to take one ending off follow (Dərbəndə: dərbən-də, or dərbənd-ə, "to Derbent")
        return tuple(dict.fromkeys([*stems, *_az_stems(word)]))

    return keys


def _az_stems(word: str):
    """The word with one ending off, in every way its letters allow, the longest ending first."""
    for ending, before in _AZ_ENDINGS:
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < _AZ_SHORTEST_STEM + (len(ending) == 1):
            continue
        last = stem[-1]
        if (before == "any" or (before == "vowel" and last in _AZ_VOWELS)
                or (before == "consonant" and last not in _AZ_VOWELS)
                or (before == "possessive" and last in _AZ_POSSESSIVE_VOWELS)):
            yield stem


STRIPS_TEXT_ONLY = frozenset({"az"})
_ONE_ENDING_OFF = {"az": _az_stems}  # the languages that strip text only, and how

_BACKENDS = {
    "en": _english,
    "nb": _norwegian,
    "ru": _pymorphy("ru"),
    "uk": _pymorphy("uk"),
    "pl": _polish,
    "az": _azerbaijani,
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


def is_name_and_word(word: str, language: str | None) -> bool:
    """Whether the dictionary reads a lower-cased word both as a name and as an ordinary word:
    Ukrainian «гусина» is the surname Гусин's genitive and the adjective "goose's", and «ситне»
    the village Ситне and "hearty" (a village named by an adjective, as many are). Russian and
    Ukrainian only: the other languages' dictionaries do not tag names."""
    if language not in ("ru", "uk") or not _CYRILLIC_WORD.fullmatch(word):
        return False
    readings = [parse for parse in _morph(language).parse(word) if parse.is_known]
    named = [bool(_NAME_TAGS & set(parse.tag.grammemes)) for parse in readings]
    adjective = any("ADJF" in parse.tag for parse in readings)
    return (any(named) or adjective) and not all(named)


@cache
def _morph(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


_KEYS: dict[str, Keys] = {}
KEEP_VERSIONS = 12  # files of remembered words: one per language and version of the dictionaries


def keys_for(language: str | None) -> Keys:
    """The shared key function for a language (unknown languages match by surface form)."""
    language = language or ""
    found = _KEYS.get(language)
    if found is None:
        found = _KEYS[language] = Keys(language)
    return found


def keep_learned() -> None:
    """Keep what this process looked up, in every language, for the next run."""
    for keys in list(_KEYS.values()):
        keys.keep()


def _remembered(language: str) -> dict[str, tuple[str, ...]]:
    if language not in SUPPORTED:
        return {}
    found = load_private(_memory_path(language), marshal.loads)
    return found if isinstance(found, dict) else {}


def _memory_path(language: str) -> Path:
    return user_cache("lemmas") / f"{language}-{_dictionaries_stamp()}.marshal"


def _dictionaries_stamp() -> str:
    """Which dictionaries, and which version of this module and of the reading back of Latin
    letters, made the keys."""
    return installed_stamp(DICTIONARIES, (__file__, translit.__file__))
