"""Compile rulebook term lists into matcher terms, reporting a bad term where it is written, and
catch the term lists that cannot do what their author meant.

A check compiles a language's terms the first time it needs them (LanguageTerms): a queue in
English never pays for the Polish place names, and start-up stays short as the rulebook grows.
`rules lint` and `rules test` read thoroughly (`thorough_reading`): every term of every language is
compiled when the rule is read, so every mistake is reported at once.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from safepost.errors import InputError
from safepost.rulebook.fields import Fields, Position, RuleWarning, did_you_mean, report
from safepost.text.matcher import Term, TermError, TermIndex, compile_term
from safepost.yamlsafe import LineList

GAPS = ("...", "…")
COMMONER = 1.0  # Zipf: a form this much commoner than the term is another word ("rock" for "rocked")
_SET = re.compile(r"\{([^{}]*)\}")
_SET_NAME = re.compile(r"\w+")
_THOROUGH: ContextVar[bool] = ContextVar("safepost_thorough", default=False)


@contextmanager
def thorough_reading() -> Iterator[None]:
    """Compile every term as it is read (lint, test) instead of when first needed (check)."""
    token = _THOROUGH.set(True)
    try:
        yield
    finally:
        _THOROUGH.reset(token)


def is_thorough() -> bool:
    return _THOROUGH.get()


class LanguageTerms(Mapping):
    """language -> compiled terms, each language compiled on first use from the texts as written
    (kept with where they are written, so a bad term is still reported at its line). The texts and
    their positions are kept as flat tuples and arrays: a rulebook stored in the user's cache then
    loads as a few large objects instead of a hundred thousand small ones."""

    def __init__(self, raw: dict[str, list[tuple[str, Position]]], path: str, key: str):
        self._texts = {language: tuple(text for text, _ in items) for language, items in raw.items()}
        self._positions = {language: array("I", (n or 0 for _, position in items for n in position))
                           for language, items in raw.items()}
        self._path = path
        self._key = key
        self._compiled: dict[str, tuple[Term, ...]] = {}
        if is_thorough():
            for language in raw:
                self[language]

    def __getitem__(self, language: str) -> tuple[Term, ...]:
        found = self._compiled.get(language)
        if found is None:
            texts, numbers = self._texts[language], self._positions[language]
            terms = (_compile(text, language, self._path, (numbers[2 * i] or None, numbers[2 * i + 1] or None),
                              self._key) for i, text in enumerate(texts))
            found = self._compiled[language] = tuple(term for term in terms if term is not None)
        return found

    def __iter__(self):
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def texts(self, language: str) -> list[str]:
        """The terms as written, uncompiled: enough to know a language's words by sight."""
        return list(self._texts.get(language, ()))

    def __getstate__(self):
        return {**vars(self), "_compiled": {}}


def _compile(text: str, language: str, path: str, position, key: str) -> Term | None:
    try:
        return compile_term(text, None if language == "any" else language)
    except TermError as exc:
        report(InputError(f"{key}: {exc}", path, *position))
        return None


def _check_syntax(text: str) -> None:
    """Marks the matcher would quietly read as punctuation: the term would not mean what it says."""
    for chunk in text.split():
        if chunk not in GAPS and any(gap in chunk for gap in GAPS):
            raise TermError(f"'{chunk}': write '...' with a space on each side ('a ... b')")
        if chunk.lstrip("=").startswith("*") and chunk.strip("=*"):
            raise TermError(f"'{chunk}': '*' works at the end of a word only ('{chunk.strip('=*')}*')")


def compile_terms(fields: Fields, key: str, languages: tuple[str, ...], required: bool,
                  sets: dict[str, str] | None = None) -> LanguageTerms:
    """One list of terms for each language the rule covers (each compiled with its own forms).
    `sets`: the rule's named choices, each written `{name}` in a term."""
    items = _well_formed(fields.items(key, required=required), fields.path, key, sets or {})
    return LanguageTerms({language: items for language in languages}, fields.path, key)


def read_sets(fields: Fields) -> dict[str, str]:
    """A rule's `sets:`, name -> the choice its items make: one list of names or phrases that
    many terms share ("endorse {candidate}", "{candidate} for president")."""
    if not fields.has("sets"):
        return {}
    sub = fields.sub("sets", "'sets'")  # not a mapping: reported where it is written
    sets = {}
    for name in sub.data:
        if not _SET_NAME.fullmatch(str(name)):
            raise sub.error(f"set name '{name}' must be letters, digits and '_'", name)
        options = _well_formed(sub.items(name, required=True), sub.path, f"sets: {name}", {})
        if any(mark in text for text, _ in options for mark in ("(", ")", "|", "...", "…")):
            raise sub.error(f"set '{name}' holds plain words and phrases only (no '(', '|' or '...')", name)
        sets[str(name)] = "(" + "|".join(text for text, _ in options) + ")" if len(options) > 1 else \
            "".join(text for text, _ in options)
    return sets


def _well_formed(items: list, path: str, key: str, sets: dict[str, str]) -> list:
    """The items whose marks mean what they say, with their `{set}`s written out; the others
    reported and left out."""
    kept = []
    for text, position in items:
        try:
            _check_syntax(text)
            text = _SET.sub(lambda found: _named_set(found.group(1), sets), text)
            if "{" in text or "}" in text:
                raise TermError(f"'{text}': a set is named in braces, '{{name}}', each with its pair")
        except TermError as exc:
            report(InputError(f"{key}: {exc}", path, *position))
            continue
        kept.append((text, position))
    return kept


def _named_set(name: str, sets: dict[str, str]) -> str:
    if name not in sets:
        raise TermError(f"no set named '{name}' in this rule's 'sets'{did_you_mean(name, sets)}")
    return sets[name]


def compile_language_map(fields: Fields, key: str, required: bool = False) -> LanguageTerms:
    """A mapping language -> list of terms (`triggers: {en: [...], pl: [...]}`)."""
    if not fields.has(key):
        if required:
            raise fields.error(f"{fields.what} needs '{key}'")
        return LanguageTerms({}, fields.path, key)
    sub = fields.sub(key, f"'{key}'")
    raw = {}
    for language in sub.language_keys():
        raw[str(language)] = _well_formed(sub.items(language, required=True), sub.path, key, {})
    return LanguageTerms(raw, fields.path, key)


def sample(term: Term) -> str:
    """A text the term is written to match: its words, one option of each choice, without gaps and marks."""
    return " ".join(chunk.strip("=*") for chunk in term.as_used(0, {}).split() if chunk not in GAPS)


def check_exceptions(fields: Fields, key: str, terms: LanguageTerms, exceptions: LanguageTerms) -> None:
    """An exception that covers one of its rule's own terms whole silences that term for good (an
    error: the rule can never fire for it); one that holds none of the rule's terms never does
    anything (a warning). An authoring check: `rules lint` and `rules test` run it."""
    if not is_thorough():
        return
    from safepost.text import analyze

    where = _positions(fields, key)
    for language, excepted in exceptions.items():
        analysed = None if language == "any" else language
        own, blockers = TermIndex(), TermIndex()
        for term in terms.get(language, ()) + terms.get("any", ()):
            own.add(term, term)
        for exception in excepted:
            blockers.add(exception, exception)
        for term in terms.get(language, ()):
            text = analyze(sample(term), analysed)
            found = [m for m in own.find(text) if m.payload is term]
            blocker = next((b for b in blockers.find(text)
                            if found and all(b.first <= m.first and m.last <= b.last for m in found)), None)
            if blocker:
                report(InputError(f"{key}: exception '{blocker.term}' covers the rule's own term "
                                  f"'{term.text}': the rule can never fire on it",
                                  fields.path, *where(language, blocker.term)))
        for exception in excepted:
            if not own.find(analyze(sample(exception), analysed)):
                report(RuleWarning(f"{key}: exception '{exception.text}' holds none of the rule's terms "
                                   f"{'' if language == 'any' else f'in {language} '}so it never applies",
                                   fields.path, *where(language, exception.text)))


def check_forms(fields: Fields, key: str, terms: LanguageTerms) -> None:
    """A one-word term matches its other forms, its dictionary form too: "rocked" matches
    "rock", «бабах» matches «баба». Where that form is a far commoner word, the term meets posts
    it was not written for (a rock concert the day of an earthquake), and a warning says to pin
    it. An authoring check: `rules lint` and `rules test` run it."""
    if not is_thorough():
        return
    from safepost.text.frequency import zipf
    from safepost.text.lemmas import keys_for

    where = _positions(fields, key)
    for language in terms:
        if language == "any":
            continue
        keys = keys_for(language)
        for term in terms.get(language, ()):
            word = term.text.lower()
            if not word.isalpha():
                continue  # a phrase, a pinned form ("=hottest"), a prefix or a choice
            own = zipf(word, language) or 0.0
            commoner = next((k for k in keys.of_term(word)
                             if k != word and (zipf(k, language) or 0.0) > own + COMMONER), None)
            if commoner:
                report(RuleWarning(f"{key}: '{term.text}' also matches '{commoner}', a commoner word: write "
                                   f"'={term.text}' for this form only", fields.path, *where(language, term.text)))


def _positions(fields: Fields, key: str):
    """(language, term text) -> where the term is written; a flat list serves every language."""
    value = fields.data.get(key)
    found = {}
    for language, items in (value.items() if isinstance(value, dict) else [(None, value)]):
        for i, item in enumerate(items if isinstance(items, list) else [items]):
            position = items.position_of(i) if isinstance(items, LineList) else fields.where(key)
            found[(language, str(item).strip())] = position
    return lambda language, text: found.get((language if isinstance(value, dict) else None, text),
                                            fields.where(key))
