"""Undo what people type to get a word past a filter, for every rule and every language at once:

- masked letters: f*ck, f**k, b*tch, х*й, с*ка, ku*wa, ch#j (a mask stands for one letter), and a
  leet sign where no letter it looks like fits (х@й);
- leetspeak where it is unambiguous: @ss, a$$hole, sh1t, b1tch, sh!t;
- spaced or dotted letters: f u c k, f.u.c.k, к-у-р-в-а;
- stretched letters: fuuuck, shiiit, kurwaaa, сууука, duuupy (read in any of its forms);
- an accent the language does not write (fück, kùrwa) and "vv" for "w" (vvanker);
- a swear word with its vowels left out: fck, fcking, btch, krwa, пздц, prdurok (only swearing,
  insults and slurs, and only where what is written is no word of its own);
- a pictograph in place of a letter: F🏏CKING;
- a word broken over a line with a hyphen: "ох-" and "уєнно" on the next line;
- a Russian or Ukrainian word written in Latin letters, by sound or by look, in a post in those
  languages: "prosto ohuennye", "blyat", "cyka" (only words English does not use: "eBay" stays).
(Mixed Latin/Cyrillic inside a word is folded earlier, in normalize.py.)

A dodge is read as a word only when it can be nothing else but a word of the rulebook: the
letters it shows must fit a rule's word letter for letter. So ids, prices, coordinates and codes
("455", "A320", "6 itch", "$50") are never decoded, and nothing is read inside a good word
(Scunthorpe, classic, Shitake stay whole: only words that carry a mask, a leet sign, spacing or a
stretch are looked at). A decoded token remembers what was written, so a finding can say
"'f*ck', read as 'fuck'".
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Callable

from safepost.text import Analysis
from safepost.text.frequency import zipf
from safepost.text.lemmas import SUPPORTED, keys_for
from safepost.text.tokens import Token, lower
from safepost.text.translit import ENGLISH_WORD, russian_by_sound

MASKS = frozenset("*#%?_•·")
SEPARATORS = frozenset(".-'’")  # "Х.уйня", "Sik.tir": put between letters, standing for none
# what a sign can stand for, in Latin, Cyrillic and Azerbaijani words alike
LEET = {"@": "aаə", "4": "aач", "$": "sс", "5": "s", "1": "ilі", "!": "iі", "3": "eез", "0": "oо", "6": "б",
        "7": "tт", "+": "tт"}
# letters that stand in for each other across scripts (and the dotless ı for i)
TWINS = {latin: latin + cyrillic for latin, cyrillic in zip("aeopcyxkmhtib", "аеорсухкмнтів")}
TWINS.update({cyrillic: cyrillic + latin for latin, cyrillic in zip("aeopcyxkmhtib", "аеорсухкмнтів")})
TWINS.update({"ı": "ıi", "i": "iıі"})
_CHUNK = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»()[]{}<>,.;:?!…"
_SPACED = re.compile(r"(?<![\w*])((?:[^\W\d_](?P<sep>[ .\-_*·]))(?:[^\W\d_](?P=sep)){1,}[^\W\d_])(?![\w*])")
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")
_DOUBLE_VOWEL = re.compile(r"([æøåöüəıаеиоуыэюяіїє])\1")  # not English: "good", "book" are words
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z]")
# Cheap linear first tests, so that an ordinary post costs a few regex scans and no Python loop:
_PICTOGRAPHS = "\u2600-\u27bf\U0001f300-\U0001faff"
_PICTOGRAPH = re.compile(f"[{_PICTOGRAPHS}]")
_JOINERS = "\ufe0f\u200d"  # the emoji variation selector and joiner: part of the pictograph before
_MARKED_CHUNK = re.compile(f"(?<!\\S)\\S*?[*#%?_•·@$!0-9.{_PICTOGRAPHS}]\\S*")  # a sign, a digit, a dot, a pictograph
_BROKEN_LINE = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-[ \t]*\r?\n\s*([^\W\d_]{2,})(?![^\W\d_])")  # "ох-\nуєнно"
_TRIPLE = re.compile(r"(.)\1\1")  # any character three times: a stretch is possible
# the marked letters each language writes: any other mark on a letter is decoration
OWN_MARKS = {"pl": "ąćęłńóśźż", "nb": "æøåéèêóòôü", "az": "çəğıöşüİ", "en": "", "ru": "", "uk": ""}
_MARKED_LATIN = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
VOWELS = "aeiouyæøåąęóéəıöüаеёиоуыэюяіїє"
# a word that opens with three letters and no vowel: where a swear word with its vowels left
# out starts ("fck", "krwa", "прдурок"); only these words are looked at
_NO_VOWEL_OPENING = re.compile(f"\\b[^\\W\\d_{VOWELS}{VOWELS.upper()}]{{3}}[^\\W\\d_]*")
# the shortest vowel-less form read, by category: "fck" is nothing else; "idt" is "I don't think",
# "bnr" a banner
SHORTEST_WITHOUT_VOWELS = {"profanity": 3, "slur": 4, "insult": 5}
LONGEST_ENDING = 4  # after a prefix written without vowels: "fck|ing", "хй|ня"; "Скн|иловская" is a place


@cache
def _odd_letters(language: str | None):
    """A Latin letter with a mark the language does not write, or "vv": a dodge by letters."""
    own = OWN_MARKS.get(language or "", "")
    own = own + own.upper()
    # no IGNORECASE: it would fold "s" into the range ("ſ") and every text would match
    return re.compile(f"(?![{own}])[{_MARKED_LATIN}]|[vV][vV]" if own else f"[{_MARKED_LATIN}]|[vV][vV]")
# what makes a chunk worth decoding: a mask or leet sign, a digit beside letters (one digit after
# them: "sh1t", not the number a code ends with, "SUMMER2026"), a dot between letters, or Latin
# beside Cyrillic
_CHUNK_HINT = re.compile(r"[*#%?_•·@$!]|[^\W\d_][0-9](?![0-9])|[0-9][^\W\d_]|[^\W\d_]\.[^\W\d_]"
                         r"|[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z]"
                         f"|[^\\W\\d_][{_PICTOGRAPHS}]\ufe0f?[^\\W\\d_]")  # F🏏CKING


# Russian and Ukrainian written in Latin letters: by sound (longest spelling first) and by look
TRANSLITERATED = frozenset({"ru", "uk"})
_BY_LOOK = str.maketrans("aeopcyxkmhtb", "аеорсухкмнтв")


@dataclass(frozen=True)
class Vocabulary:
    """The words a rulebook watches for in one language: whole words by length, and prefixes."""

    words: dict[int, frozenset[str]]
    prefixes: tuple[str, ...]
    by_opening: dict[tuple[int, str], list[str]]  # (length, first letter): the words
    prefixes_by_opening: dict[str, list[str]]  # first letter: the prefixes
    without_vowels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "krwa": kurwa
    prefixes_without_vowels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "fck": fuck (fcking)
    openings_without_vowels: frozenset[str] = frozenset()  # the first (up to) three letters of those forms

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes)

    def _candidates(self, pattern: list[str]) -> tuple[list[str], list[str]]:
        """The words as long as the pattern, and the prefixes, that can start with its first
        letter: a mask first ("*uck") leaves them all."""
        size, first = len(pattern), pattern[0]
        if not first:
            return list(self.words.get(size, ())), list(self.prefixes)
        return ([word for letter in first for word in self.by_opening.get((size, letter), ())],
                [prefix for letter in first for prefix in self.prefixes_by_opening.get(letter, ())])

    def knows(self, word: str) -> bool:
        return word in self.words.get(len(word), ()) or word.startswith(self.prefixes)

    def fit(self, pattern: list[str], language: str | None) -> str | None:
        """The word of the vocabulary the pattern can be (a list of allowed letters per position,
        "" for any letter); when several fit, the one people write most ("f*ck": fuck, feck), then
        the one the rulebook spells out furthest (the prefix "götveren", not "get", for "g*tveren")."""
        words, prefixes = self._candidates(pattern)
        found = {word: len(word) for word in words if _fits(pattern, word)}
        for prefix in prefixes:
            if len(pattern) >= len(prefix) and _fits(pattern[:len(prefix)], prefix):
                cyrillic = bool(_CYRILLIC.search(prefix))
                rest = "".join(next((ch for ch in p if bool(_CYRILLIC.match(ch)) == cyrillic), p[0]) if p else "?"
                               for p in pattern[len(prefix):])
                found.setdefault(prefix + rest, len(prefix))
        if len(found) > 1:
            return max(sorted(found), key=lambda word: (zipf(word.rstrip("?"), language) or 0, found[word]))
        return next(iter(found), None)


def build_vocabulary(terms, language: str | None, swearing=()) -> Vocabulary:
    """From compiled rule terms: the surface forms of their words (not the everyday ones a
    phrase holds: "your" of "go fuck your self" is no word to hide), and every prefix; from
    `swearing`, (category, term) pairs of the words people write without vowels, those forms."""
    words: dict[int, set[str]] = {}
    prefixes = set()
    for term in terms:
        for word in term.every_word():
            if word.prefix:
                prefixes.add(word.prefix)
            for key in word.keys:
                if len(key) >= 3 and key.isalpha() and (term.one_word or _uncommon(key, language)):
                    words.setdefault(len(key), set()).add(key)
    by_opening: dict[tuple[int, str], list[str]] = {}
    for size, same_length in words.items():
        for word in sorted(same_length):
            by_opening.setdefault((size, word[0]), []).append(word)
    prefixes_by_opening: dict[str, list[str]] = {}
    for prefix in sorted(prefixes):
        prefixes_by_opening.setdefault(prefix[0], []).append(prefix)
    known = {word for same_length in words.values() for word in same_length}
    without_vowels: dict[str, set[str]] = {}
    prefixes_without_vowels: dict[str, set[str]] = {}
    for category, term in swearing:
        if not term.one_word:
            continue
        originals = []
        for word in term.every_word():
            if word.prefix:
                originals.append((word.prefix, prefixes_without_vowels))
            else:
                originals.extend((key, without_vowels) for key in word.keys if key.isalpha())
        shortest = SHORTEST_WITHOUT_VOWELS.get(category, 0)
        for original, found in originals:  # a prefix stands before more letters: "хйня" is хуйня
            for short in _vowels_left_out(original, shortest - (found is prefixes_without_vowels) if shortest else 0):
                if short not in known and not zipf(short, language):
                    found.setdefault(short, set()).add(original)
    return Vocabulary({n: frozenset(w) for n, w in words.items()}, tuple(sorted(prefixes)), by_opening,
                      prefixes_by_opening, {short: tuple(sorted(found)) for short, found in without_vowels.items()},
                      {short: tuple(sorted(found)) for short, found in prefixes_without_vowels.items()},
                      frozenset(short[:3] for short in (*without_vowels, *prefixes_without_vowels)))


def _vowels_left_out(word: str, shortest: int) -> list[str]:
    """The word with one or more of its inner vowels left out, in the forms that open with three
    letters and no vowel (the only ones a post is searched for): kurwa -> krwa."""
    inner = [i for i in range(1, len(word) - 1) if word[i] in VOWELS]
    if not shortest or not inner or len(inner) > 5:
        return []
    found = []
    for count in range(1, len(inner) + 1):
        for dropped in itertools.combinations(inner, count):
            short = "".join(ch for i, ch in enumerate(word) if i not in dropped)
            if len(short) >= shortest and not any(ch in VOWELS for ch in short[:3]):
                found.append(short)
    return found


def _uncommon(word: str, language: str | None) -> bool:
    frequency = zipf(word, language)
    return frequency is None or frequency < EVERYDAY


EVERYDAY = 5.0  # Zipf: words this common ("your", "drink") are not what a dodge hides


def _fits(pattern: list[str], word: str) -> bool:
    return all(not allowed or letter in allowed for allowed, letter in zip(pattern, word))


def undo_dodges(analysis: Analysis, vocabulary_of: Callable[[], Vocabulary]) -> Analysis:
    """The analysis with each dodge read as the word it hides (tokens replaced in place).
    `vocabulary_of()` is asked only when the text shows a sign of a dodge: most posts show none,
    and building a language's vocabulary is most of a one-post check."""
    text, language = analysis.text, analysis.language
    found: list[tuple[int, int, str]] = []
    known: list[Vocabulary] = []

    def vocabulary() -> Vocabulary:
        if not known:
            known.append(vocabulary_of())
        return known[0]

    for match in _SPACED.finditer(text):
        letters = [ch for ch in match.group(1) if ch.isalpha()]
        word = vocabulary().fit([TWINS.get(lower(ch, language), lower(ch, language)) for ch in letters], language) \
            if len(letters) >= 3 else None
        if word:
            found.append((match.start(1), match.end(1), word))
    if "-" in text and "\n" in text:
        for match in _BROKEN_LINE.finditer(text):
            joined = lower(match.group(1) + match.group(2), language)
            if _knows_a_form(vocabulary(), joined, language) and not zipf(lower(match.group(2), language), language):
                found.append((match.start(), match.end(), joined))
    mixed_scripts = _CYRILLIC.search(text) is not None and _LATIN.search(text) is not None
    for match in (_CHUNK if mixed_scripts else _MARKED_CHUNK).finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if end - start < 3 or not _CHUNK_HINT.search(text, start, end) or _overlaps(found, start, end):
            continue
        word = _decode(text[start:end], vocabulary(), language)
        if word:
            found.append((start, end, word))
    may_stretch = _TRIPLE.search(text) is not None or _DOUBLE_VOWEL.search(text.lower()) is not None
    odd = _odd_letters(language)
    odd_letters = odd.search(text) is not None
    for token in analysis.tokens if may_stretch or odd_letters else ():
        if _overlaps(found, token.start, token.end):
            continue
        word = _unstretch(token.norm, vocabulary(), language) if _STRETCH.search(token.norm) else \
            _undouble_vowels(token.norm, vocabulary()) if _DOUBLE_VOWEL.search(token.norm) else \
            _plain_letters(token.norm, vocabulary(), language) if odd_letters and odd.search(token.norm) else None
        if word:
            found.append((token.start, token.end, word))
    if language in TRANSLITERATED and _LATIN.search(text) is not None:
        for token in [t for t in analysis.tokens if t.norm.isascii() and len(t.norm) > 2]:
            word = _from_latin(token.norm, vocabulary())
            if word and not _overlaps(found, token.start, token.end):
                found.append((token.start, token.end, word))
    for match in _NO_VOWEL_OPENING.finditer(text):
        start, end = match.span()
        if not _overlaps(found, start, end):
            word = _vowels_back(lower(match.group(), language), vocabulary(), language)
            if word:
                found.append((start, end, word))
    if not found:
        return analysis
    return _replace(analysis, sorted(found))


def _overlaps(spans, start: int, end: int) -> bool:
    """Whether [start, end) meets a span already read ((start, end, ...) tuples)."""
    return any(span[0] < end and start < span[1] for span in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A chunk without the quotes and punctuation around it, nor a hashtag's '#' ("#ashdale" is
    no masked word); trailing masks stay ("f***"), but not a question mark ("shy?")."""
    while start < end and text[start] in _EDGE:
        start += 1
    if start + 1 < end and text[start] == "#" and text[start + 1].isalpha():
        start += 1
    while end > start and text[end - 1] in _EDGE and (text[end - 1] not in MASKS or text[end - 1] == "?"):
        end -= 1  # "shy?" asks a question: a '?' that ends a word is no mask
    return start, end


def _decode(chunk: str, vocabulary: Vocabulary, language: str | None) -> str | None:
    """A masked or leet chunk read as the one rule word it fits, or None."""
    if chunk.startswith(("http", "www.")) or "://" in chunk or "/" in chunk:
        return None
    letters = sum(ch.isalpha() for ch in chunk)
    digits = sum(ch.isdigit() for ch in chunk)
    signs = sum(ch in MASKS or ch in LEET or ch in SEPARATORS or _PICTOGRAPH.match(ch) is not None
                for ch in chunk if not ch.isalnum())
    mixed = bool(re.search(r"[a-zA-Z]", chunk)) and bool(re.search(r"[\u0400-\u04ff]", chunk))
    if letters < 1 or (digits and letters < 2) or not (signs or digits or mixed) or digits >= letters:
        return None  # nothing hidden, or a number, a price, a code ("455", "A55", "$50", "1-800")
    pattern: list[str] = []
    signs_at: list[int] = []  # where a leet sign that is no digit stands: "х@й" uses '@' as a mask
    for ch in chunk:
        if ch.isalpha():
            low = lower(ch, language) if language != "az" else ch.lower()
            pattern.append(TWINS.get(low, low))
        elif ch in MASKS or _PICTOGRAPH.match(ch):
            pattern.append("")
        elif ch in _JOINERS:
            continue
        elif ch in LEET:
            if not ch.isdigit():
                signs_at.append(len(pattern))
            pattern.append(LEET[ch])
        elif ch in SEPARATORS:
            continue
        else:
            return None
    if len(pattern) < 3:
        return None
    found = vocabulary.fit(pattern, language)
    if found is None and signs_at:  # no letter the sign looks like fits: it hides one, as a '*' does
        found = vocabulary.fit([("" if i in signs_at else allowed) for i, allowed in enumerate(pattern)], language)
    return found or _fit_uncounted_masks(pattern, vocabulary, language)


_MASK_RUN = re.compile("_{2,}")


def _fit_uncounted_masks(pattern: list[str], vocabulary: Vocabulary, language: str | None) -> str | None:
    """People do not count their stars: "WYP***ALAMY" hides four letters with three. The longest
    run of two or more masks may stand for one or two letters more, or one fewer."""
    runs = [match.span() for match in _MASK_RUN.finditer("".join("_" if not allowed else "a" for allowed in pattern))]
    if not runs:
        return None
    start, end = max(runs, key=lambda span: span[1] - span[0])
    for size in (end - start + 1, end - start + 2, end - start - 1):
        found = vocabulary.fit(pattern[:start] + [""] * size + pattern[end:], language) if size else None
        if found:
            return found
    return None


def _unstretch(word: str, vocabulary: Vocabulary, language: str | None) -> str | None:
    for repeat in (1, 2):
        shorter = _STRETCH.sub(lambda m: m.group(1) * repeat, word)
        if shorter != word and _knows_a_form(vocabulary, shorter, language):
            return shorter
    return None


def _plain_letters(word: str, vocabulary: Vocabulary, language: str | None) -> str | None:
    """"Fück", "kùrwa", "vvanker": the word with the marks its language does not write taken off
    and "vv" read as "w", when that makes a rule's word and the word as written is none."""
    own = OWN_MARKS.get(language or "", "")
    plain = "".join(unicodedata.normalize("NFD", ch)[0] if ch not in own and "\u00c0" <= ch <= "\u024f" else ch
                    for ch in word).replace("vv", "w")  # Latin marks only: "й" keeps its breve
    if plain == word or vocabulary.knows(word) or not _knows_a_form(vocabulary, plain, language):
        return None
    return None if zipf(word, language) else plain


def _vowels_back(word: str, vocabulary: Vocabulary, language: str | None) -> str | None:
    """"fck", "krwa", "fcking": a swear word with its vowels left out, when what is written is no
    word of the language (Polish "krwi" is blood, not "kurwi"); of the words it can be, the one
    people write most ("fck": fuck, not feck)."""
    openings = vocabulary.openings_without_vowels
    if word[:3] not in openings and word[:2] not in openings:  # "хй|ня": a prefix may be two letters
        return None
    opened = next((tuple(prefix + word[size:] for prefix in prefixes)
                   for size in range(len(word), max(1, len(word) - LONGEST_ENDING - 1), -1)
                   for prefixes in (vocabulary.prefixes_without_vowels.get(word[:size]),) if prefixes), ())
    found = [*vocabulary.without_vowels.get(word, ()), *opened]
    if not found or vocabulary.knows(word) or any(zipf(word, known) for known in (language, *SUPPORTED)):
        return None  # a word of some language we read ("sklep", a shop in Polish) hides nothing
    return max(found, key=lambda candidate: zipf(candidate, language) or 0)


def _from_latin(word: str, vocabulary: Vocabulary) -> str | None:
    """"ohuennye", "blyat", "cyka": a rule's word (or a form of one of its stems) written in Latin
    letters, by sound or by look, when the Latin word is no English one."""
    if not word.isalpha():
        return None
    found = next((cyrillic for cyrillic in (russian_by_sound(word), word.translate(_BY_LOOK))
                  if not _LATIN.search(cyrillic) and vocabulary.knows(cyrillic)), None)
    return found if found and (zipf(word, "en") or 0) < ENGLISH_WORD else None


def _knows_a_form(vocabulary: Vocabulary, word: str, language: str | None) -> bool:
    """The word, or its dictionary form, is a rule's: "duuupy" is "dupy", a form of "dupa"."""
    return vocabulary.knows(word) or any(vocabulary.knows(key) for key in keys_for(language)(word))


def _undouble_vowels(word: str, vocabulary: Vocabulary) -> str | None:
    """"Gööt", "shiit": a doubled vowel in a word no rule knows, read single when that makes one."""
    if vocabulary.knows(word):
        return None
    shorter = _DOUBLE_VOWEL.sub(r"\1", word)
    return shorter if shorter != word and vocabulary.knows(shorter) else None


def _replace(analysis: Analysis, found: list[tuple[int, int, str]]) -> Analysis:
    keys = keys_for(analysis.language)
    tokens: list[Token] = []
    queue = iter(found)
    current = next(queue, None)
    for token in analysis.tokens:
        while current and current[1] <= token.start:
            current = next(queue, None)
        if current and token.start < current[1] and current[0] < token.end:
            if not tokens or tokens[-1].start != current[0]:
                decoded = Token(current[2], current[0], current[1])
                decoded.keys = keys(current[2])
                decoded.dodged = True
                tokens.append(decoded)
            continue
        tokens.append(token)
    starts = {t.start for t in tokens}
    for start, end, word in found:  # a dodge that the tokenizer dropped whole ("f***", "@ss")
        if start not in starts:
            decoded = Token(word, start, end)
            decoded.keys = keys(word)
            decoded.dodged = True
            tokens.append(decoded)
    tokens.sort(key=lambda t: t.start)
    return Analysis(analysis.text, analysis.language, tokens, analysis.hashtags, analysis.mentions, analysis.urls)
